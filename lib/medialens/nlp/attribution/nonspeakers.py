"""Speakers that are no third-party source: the object of the cue (*eine
Schadensersatzforderung*, *seine Rückkehr*, *weitere Aktionen*), *niemand*, and the subject
of *bekannt werden* (the news itself: *Ein neuer Fall wurde bekannt: …*).

**Object noun phrases.** Why: the speaker rules take a noun phrase near the cue; when the
real subject is elsewhere (*Die Hacker … kündigten weitere Aktionen an*, *Ein Sprecher
wollte eine Forderung nicht bestätigen*) they can land on the object. German marks such an
object by two things at once: an **indefinite, negative or possessive determiner** (*eine,
keine, seine, weitere*; a speaker with one is a person or group: *ein Sprecher, eine
Gruppe*) and an **abstract head noun** (derived nouns in *-ung, -heit, -keit, -ion, -tät, -nis, -ismus* and *Rückkehr*).
Institutions (*eine Kommission, eine Delegation, ihre Regierung, seine Partei*) and texts
(*eine Erklärung, eine Studie, eine Meldung*) with the same endings do speak and are kept.

What is done: a reported quotation, or an indirect one with its own cue, whose speaker is such
an object reports no speech (the cue's clause has no speaking subject) and is dropped; a
direct quotation or a continuation only loses the speaker. Cheap: one look at the first words
of each speaker text.

Limits: only this determiner-led form is caught; a definite abstract object (*Die
Entscheidung bestätigte …*) is not judged, since many documents and institutions take the
definite article.

***niemand/keiner*.** *Niemand erwartet, dass …* quotes no one: indirect and reported
quotations of a negative pronoun are dropped.

**The first person is kept.** *Ich denke, die Lage ist ernst*, *Wir haben berichtet, dass …*
in the running text is the voice of the text itself (the author of a commentary, a letter or
a correspondent's report). Dropping it gained 6 spurious quotations on Wikinews train, whose
gold leaves the author's voice out, but lost 43 of 3,412 gold quotations on historical
newspaper text (REDEWIEDERGABE, see docs/attribution.md), where the author's speech is
annotated like any other. A researcher who wants only third-party sources filters the
speakers *ich/wir*.
"""

from __future__ import annotations

from collections.abc import Iterable

from medialens.nlp.attribution.cuefind import is_source_noun
from medialens.nlp.attribution.npclass import SPEAKING_ABSTRACTS
from medialens.nlp.attribution.senses import DOCUMENT_HEADS
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Cue, Quote, Speaker

#: determiners of an object noun phrase (nominative/accusative indefinite, negative,
#: possessive, *weitere*); the dative/genitive *einer/einem* opens sources (*in einer
#: Erklärung*) and is left alone
_OBJECT_DETERMINERS: frozenset[str] = wordset(
    "ein eine einen kein keine keinen seine seinen ihre ihren unsere unseren weitere"
)
#: endings of abstract (derived) nouns and of *Rückkehr/Umkehr*
_ABSTRACT_ENDINGS: tuple[str, ...] = (
    "ung",
    "ungen",
    "heit",
    "heiten",
    "keit",
    "keiten",
    "ion",
    "ionen",
    "tät",
    "täten",
    "nis",
    "nisse",
    "ismus",
    "kehr",
)
#: words that open a genitive or *von* attribute after the head
_ATTRIBUTE_OPENERS: frozenset[str] = wordset("des der von vom eines einer aus")


def object_speaker(speaker_text: str) -> bool:
    """Is ``speaker_text`` an object noun phrase (*eine Schadensersatzforderung*, *seine
    Rückkehr*, *keine Entscheidung*, *eine echte Eskalation*) rather than a speaker? See the
    module docstring."""
    words = speaker_text.split()
    if len(words) < 2 or words[0].lower() not in _OBJECT_DETERMINERS:
        return False
    k = next((k for k in range(1, len(words)) if words[k][:1].isupper()), None)
    if k is None or any(w in _ATTRIBUTE_OPENERS for w in words[k + 1 :]):
        # (*eine Information des Bundeskriminalamts*: the attribute names who informed)
        return False
    h = words[k].rstrip(",.;:").lower()
    return (
        h.endswith(_ABSTRACT_ENDINGS)
        and not h.endswith(SPEAKING_ABSTRACTS)
        and h not in DOCUMENT_HEADS
        and not is_source_noun(h)
    )


#: nouns of wording (*die Worte, die Parolen, der Schriftzug*): a speaker headed by one
#: without an attribute is the message itself (*Darauf waren die Worte zu lesen: „…“*)
_WORDING_HEADS: frozenset[str] = wordset(
    """
    wort worte wörter satz sätze parole parolen slogan slogans aufschrift aufschriften
    inschrift inschriften schriftzug schriftzüge zeile zeilen spruch sprüche motto zitat
    zitate losung losungen
    """
)
#: articles before a wording noun
_WORDING_ARTICLES: frozenset[str] = wordset("die der das den diese dieser dieses")


def wording_speaker(speaker_text: str) -> bool:
    """Is ``speaker_text`` a bare wording noun phrase (*die Worte*, *Parolen*, *der
    Schriftzug*), which names the message, not who uttered it? With an attribute (*die
    Worte des Präsidenten*) it is kept: the attribute names the speaker."""
    words = speaker_text.split()
    if len(words) > 2 or (len(words) == 2 and words[0].lower() not in _WORDING_ARTICLES):
        return False
    return words[-1].lower() in _WORDING_HEADS


#: the negative pronouns (*Niemand bestreitet, dass …*: no one is quoted)
_NOBODY: frozenset[str] = wordset("niemand keiner")


#: first words of a speaker that one of the two tests may reject
_FIRST_WORDS: frozenset[str] = _NOBODY | _OBJECT_DETERMINERS


#: cues whose subject is the content that became known, never its source (*Ende Mai war
#: ein neuer Fall bekannt geworden: …*, *nachdem er verurteilt worden war, wurde bekannt,
#: dass …*: the subject belongs to another clause); the source is left unnamed
_NO_SOURCE_CUES: frozenset[str] = frozenset(["bekannt werden"])


#: nouns of saying that also mean "evidence" (*ein Hinweis darauf, dass …*)
_EVIDENCE_NOUNS: frozenset[str] = frozenset(["Hinweis"])
#: copula forms before a predicative noun phrase
_COPULAS: frozenset[str] = wordset("ist sind sei seien war waren wäre wären bleibt bleiben")
#: indefinite articles of a predicative noun phrase
_INDEFINITE: frozenset[str] = wordset("ein eine einen kein keine")


def drop_evidence_speakers(quotes: Iterable[Quote], text: str) -> list[Quote]:
    """``quotes`` with the speaker removed where it is the subject of a copula whose predicate
    is the cue noun (*Die Funde seien dafür ein eindeutiger Hinweis, …*): the subject is the
    evidence, not someone who gave a hint; the sentence's source lies elsewhere.

    Limits: only the nouns of :data:`_EVIDENCE_NOUNS`; the copula and the indefinite article
    are read from the words between the speaker and the cue (at most eight, no comma)."""
    out: list[Quote] = []
    for q in quotes:
        sp, cue = q.speaker, q.cue
        if sp is None or cue is None or cue.lemma not in _EVIDENCE_NOUNS:
            out.append(q)
        elif _copula_predicate(text, sp, cue):
            out.append(q._replace(speaker=None))
        else:
            out.append(q)
    return out


def _copula_predicate(text: str, sp: Speaker, cue: Cue) -> bool:
    """Copula and indefinite article between a subject ``sp`` and the noun ``cue``
    (*Die Funde seien ein Hinweis*), or, for a noun phrase that is its own source (*ein
    Hinweis*), a copula in the words right before it (*Dies sei ein Hinweis*)."""
    if sp.end <= cue.start:
        gap = text[sp.end : cue.start]
        words = gap.split()
        return (
            len(words) <= _MAX_GAP
            and not any(p in gap for p in ",.;:")
            and any(w in _COPULAS for w in words)
            and any(w.lower() in _INDEFINITE for w in words)
        )
    if not sp.start <= cue.start < sp.end:
        return False
    own = sp.text.split()
    if not own or own[0].lower() not in _INDEFINITE:
        return False
    before = text[max(0, sp.start - 60) : sp.start]
    for p in ",.;:":
        before = before.rsplit(p, 1)[-1]
    return any(w in _COPULAS for w in before.split()[-4:])


#: words between a copula's subject and its predicate noun that are still read
_MAX_GAP = 8


def drop_object_speakers(quotes: Iterable[Quote]) -> list[Quote]:
    """``quotes`` without the reported (or own-cue indirect) quotations whose speaker is an
    object noun phrase, and with such a speaker removed from the others; also without the
    indirect and reported quotations of *niemand/keiner*."""
    out: list[Quote] = []
    for q in quotes:
        sp = q.speaker
        if sp is not None and q.cue is not None and q.cue.lemma in _NO_SOURCE_CUES:
            out.append(q._replace(speaker=None))  # (what became known, not who made it so)
        elif sp is not None and wording_speaker(sp.text):
            out.append(q._replace(speaker=None))  # (the message, not who uttered it)
        elif sp is None or (sp.text.split(None, 1) or [""])[0].lower() not in _FIRST_WORDS:
            out.append(q)  # (one look at the first word: most speakers are names or *der …*)
        elif sp.text.lower() in _NOBODY:
            if q.kind == "direct":
                out.append(q)
        elif not object_speaker(sp.text):
            out.append(q)
        elif q.kind == "reported" or (q.kind == "indirect" and q.cue is not None):
            continue
        else:
            out.append(q._replace(speaker=None))
    return out
