"""A quotation as the object of a verb of attributing or diagnosing: the holder's words.

Why a module of its own: verbs that ascribe a quality to someone or something (*bescheinigen*,
*attestieren*, *zuschreiben*, *unterstellen*, *diagnostizieren*) and *schwärmen von* report
a judgement of their subject, as *bezeichnen als* does, but they are no reporting verbs of
the cue lexicon, so a quotation in their object reached the last stage of
:func:`.scare.classify_quoted` and became a scare quote (*Die Richterin bescheinigte dem
Angeklagten eine „hohe kriminelle Energie“*, *Die Studie attestiert dem Land „erheblichen
Nachholbedarf“*). By the labelling guidelines these are speech: the words render what an
identifiable speaker or document said. Found with invented sentences (issue #14, ninth
round), not on the labelled sets.

Only with a subject that can be a source (:func:`.reference.speaker_like`: a person, an
institution, a medium, a document, a pronoun) before the verb (*Die Ärztin diagnostizierte
…*) or right after it (*Dem Land attestiert die Studie …*); not with the impersonal *man*,
nor in an agentless passive (*Ihm wird eine „Schlüsselrolle“ zugeschrieben* — nobody
identifiable ascribes it: the author's words).

Cost: asked only in the last stage (a handful of quotations per article): one scan of the
unit's tokens for a lemma in a small set.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.reference import speaker_like, word_speaker_like
from medialens.nlp.attribution.scarecues import impersonal_subject
from medialens.nlp.attribution.scaretitle import SPEECH_NOUNS
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import ARTICLES, wordset

#: verbs of ascribing a quality or a state (lemmas); the separable *zuschreiben* and
#: *zusprechen* also as *schreiben*/*sprechen* with a clause-final *zu*
ATTRIBUTING_VERBS: frozenset[str] = wordset(
    """
    bescheinigen attestieren zuschreiben unterstellen diagnostizieren zusprechen absprechen
    schwärmen
    """
)
#: separable verbs whose particle *zu*/*ab* stands at the end of the clause
_SEPARABLE: dict[str, str] = {"schreiben": "zu", "sprechen": "zu"}
#: tokens that end a clause
_CLAUSE_END = wordset(", ; : . ! ? ( ) –")
#: forms of *werden* (a passive: *Ihm wird „Arroganz“ unterstellt*) and the agents of one
_WERDEN = wordset("wird werden wurde wurden worden würde würden werde")
_AGENT = wordset("von vom durch")
#: how many tokens an inverted subject may have (*die Studie*, *die neue Studie*)
_MAX_SUBJECT = 4


def _verb_index(toks: Sequence[Tok]) -> int | None:
    """The index of an attributing verb outside the marks, or None."""
    for k, t in enumerate(toks):
        if t.q >= 0:
            continue
        if t.lemma in ATTRIBUTING_VERBS:
            return k
        particle = _SEPARABLE.get(t.lemma)
        if particle is not None:
            # *schrieb dem Gesetz eine „…“ zu.*: the particle closes the clause
            for j in range(k + 1, len(toks)):
                if toks[j].text in _CLAUSE_END:
                    if toks[j - 1].lower == particle and toks[j - 1].q < 0:
                        return k
                    break
    return None


def _agentless_passive(toks: Sequence[Tok]) -> bool:
    """A form of *werden* outside the marks and no *von*/*vom*/*durch* agent in the unit."""
    outside = [t.lower for t in toks if t.q < 0]
    return any(w in _WERDEN for w in outside) and not any(w in _AGENT for w in outside)


def _clause_of(toks: Sequence[Tok], k: int, first: int) -> bool:
    """No clause boundary between the verb ``k`` and the quotation's mark ``first``."""
    a, b = (k, first) if k < first else (first, k)
    return not any(toks[j].text in _CLAUSE_END and toks[j].q < 0 for j in range(a + 1, b))


def attributed_by_subject(toks: Sequence[Tok], r: QuotedRegion, first: int | None) -> bool:
    """Is the quotation (marks ``r``, first token ``first``) in the clause of an attributing
    verb whose subject can be a source (*Die Richterin bescheinigte ihm eine „hohe
    Energie“*)? See the module docstring."""
    if first is None:
        return False
    k = _verb_index(toks)
    if k is None or not _clause_of(toks, k, first):
        return False
    if impersonal_subject(toks) or _agentless_passive(toks):
        return False
    if 0 < k <= _MAX_SUBJECT + 1 and all(t.q < 0 for t in toks[:k]) and speaker_like(toks, 0, k):
        return True  # *Die Ärztin diagnostizierte …*
    # inverted: *Dem Land attestiert die Studie …*; the subject ends at its first capital
    for j in range(k + 1, min(len(toks), k + 1 + _MAX_SUBJECT)):
        if toks[j].q >= 0 or toks[j].text in _CLAUSE_END:
            return False
        if toks[j].text[:1].isupper():
            return speaker_like(toks, k + 1, j + 1)
    return False


#: nouns of saying whose genitive names the speaker (*die Kritik des Rechnungshofs an …*)
GENITIVE_SPEECH_NOUNS: frozenset[str] = SPEECH_NOUNS | wordset("kritik einschätzung warnungen")
_GENITIVE_DETERMINERS = wordset("des der eines einer")
_LINKING = wordset("nach vor von vom zu zum zur an am auf über gegen")


def genitive_speech_noun(toks: Sequence[Tok], first: int | None) -> bool:
    """Does the quotation (first token ``first``) complete a noun of saying whose speaker
    follows it in the genitive (*die Warnung des Ministers vor einem „Flächenbrand“*, *die
    Forderung der Gewerkschaft nach „fairen Löhnen“*)? The genitive variant of
    :func:`.scaretitle.possessed_speech_noun` (*seine Warnung vor …*), whose limits named it.

    Not when the genitive is no possible source (*die Warnung der Folgen wegen*, *die Kritik
    der Reform an …* — :func:`.reference.speaker_like` on the genitive phrase).
    """
    if first is None or first < 4:
        return False
    k = first - 1
    if toks[k].lower in ARTICLES:
        k -= 1  # *vor einem „…“*
    if k < 3 or toks[k].lower not in _LINKING:
        return False
    # the genitive phrase: a determiner at most three tokens before the preposition
    for d in range(k - 1, max(0, k - 4), -1):
        if toks[d].q >= 0:
            return False
        if toks[d].lower in _GENITIVE_DETERMINERS:
            return (
                d >= 1
                and toks[d - 1].lower in GENITIVE_SPEECH_NOUNS
                and _genitive_source(toks, d, k)
            )
    return False


def _genitive_source(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Can the genitive phrase ``toks[a:b]`` be a source? Its head is judged without the
    genitive ending (*des Ministers* -> *Minister*), which the noun tests do not expect."""
    if speaker_like(toks, a, b):
        return True
    head = next((t.text for t in reversed(toks[a:b]) if t.text[:1].isupper()), "")
    return any(
        len(head) > n + 2 and head.endswith(end) and word_speaker_like(head[:-n])
        for end, n in (("es", 2), ("s", 1))
    )
