"""Find reporting cues in a unit: verbs with their separable particle (source phrases and
speech-act nouns: :mod:`.sourcecues`, which shares :class:`CueHit` and the word lists here).

Why here and not only in the lexicon: deciding whether *sagte* is a cue needs the clause — the
particle at the clause end turns *sagen* into *absagen* (not speech) or *zusagen* (a promise
only with its clause, see :mod:`.messageform`) and *teilen* into *mitteilen* (speech). Source phrases (*laut X*, *X zufolge*, *nach Angaben von X*,
*, so X*) are prepositions whose object is the speaker.

Limits: a particle or phrase word is looked for only at the end of the clause (before
punctuation, a quotation or a coordinating conjunction; a parenthesis is skipped), after an
insertion between commas (*teilte X, Sprecher von Y, mit*), and, for participles, just
before the verb — not inside the clause (*übte scharfe Kritik an …* is missed); verbs in
upper case are only considered at the unit start. The public entry point over a whole
``Doc`` is :func:`medialens.nlp.attribution.extract.find_cues`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from medialens.nlp.attribution.lexicon import SEPARABLE_PARTICLES, CueIndex, CueSense
from medialens.nlp.attribution.phrases import (
    DETERMINERS,
    is_adjective,
)
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

_BOUNDARY = frozenset(',.;:!?()–—"»«„“”')
_COORD = wordset("und oder aber sondern denn")
#: conjunctions that are mostly adverbs inside a clause (*stellte aber fest*): a clause
#: boundary only after a comma
_COORD_AFTER_COMMA = wordset("aber denn")
_POSSESSIVE_MEIN = wordset("mein meine meinen meiner meinem meines")
#: possessive determiners of a postposed source phrase (*seiner Meinung nach*): nothing
#: before them belongs to the phrase (*Nordkorea besitze seiner Meinung nach …*)
_POSSESSIVE_DETERMINERS = wordset(
    "seiner seinen seinem ihrer ihren ihrem unserer unseren unserem meiner meinen meinem"
)
#: forms of reporting verbs that are another word: *gefunden* (found), not *finden* (opine);
#: lower-case *dank* is the preposition (*dank dem Abkommen*, "thanks to"), not *danken*
_NOT_CUE_FORMS = wordset("gefunden geraten dank")
#: words that open a verb-final clause after a comma (relative pronouns, prepositions before
#: one, subordinators)
_SUBORDINATE_START = wordset(
    "der die das dem den denen dessen deren in an auf bei mit nach von zu aus für über "
    "wie wo wobei wonach dass ob weil da als wenn nachdem obwohl während"
)
#: the determiner *einige* that the lookup table lemmatises as the verb *einigen*
_EINIG = wordset("einige einiger einiges einigen")


#: nouns after *nach* that make a source phrase (*nach Angaben der Polizei*)
SOURCE_NOUNS: frozenset[str] = wordset(
    """
    studie studien umfrage umfragen untersuchung untersuchungen schätzung recherchen
    informationen angaben angabe aussage aussagen informationen auffassung ansicht meinung einschätzung
    einschätzungen darstellung darstellungen schätzungen schätzung berichten bericht
    erkenntnissen erkenntnis worten aussagen polizeiangaben behördenangaben medienberichten
    zeugenaussagen augenzeugenberichten ermittlungen einschätzung überzeugung
    stellungnahme analyse analysen berechnungen berechnung planungen prognose prognosen
    hochrechnung hochrechnungen erkenntnisstand quellenlage ergebnis ergebnissen endergebnis
    zählung statistik verfassung grundgesetz gesetz meldung meldungen mitteilung
    pressemitteilung erklärung presseerklärung dokument veröffentlichung auskunft erfahrungen
    plan hinweis hinweisen bewertung bewertungen beurteilung vorhersage vorhersagen idee
    vorstellung vorstellungen vorschlag gesetzentwurf gesetzesentwurf ankündigung
    medien mitteilungen unterlagen dokumenten zahlen
    """
)
#: heads of compounds that are source nouns (*Polizeiangaben*, *Expertenmeinung*)
_SOURCE_HEADS: tuple[str, ...] = (
    "angaben",
    "meinung",
    "aussagen",
    "schätzungen",
    "schätzung",
    "berichten",
    "informationen",
    "erkenntnissen",
    "einschätzung",
    "analyse",
    "berechnungen",
    "prognose",
    "hochrechnung",
    "umfrage",
    "studie",
    "gesetz",
    "bericht",
    "meldung",
    "meldungen",
    "mitteilung",
    "erklärung",
    "dokument",
    "veröffentlichung",
    "auskunft",
    "erfahrungen",
    "plan",
    "hinweis",
    "hinweisen",
    "medien",
    "mitteilungen",
    "umfragen",
    "studien",
)


def is_source_noun(word: str) -> bool:
    """Does ``word`` (lower case) name an information source after *nach* — a listed noun or
    a compound with a listed head (*Polizeiangaben*, *UNHCR-Angaben*, *Expertenmeinung*)?"""
    return word in SOURCE_NOUNS or (len(word) > 8 and word.endswith(_SOURCE_HEADS))


def _genitive_name(tok: Tok) -> bool:
    """A capitalised name in the Saxon genitive before its noun (*nach Grupps Meinung*)."""
    return tok.text[:1].isupper() and len(tok.text) > 2 and tok.text.endswith("s")


class CueHit(NamedTuple):
    """A cue: token indices (verb first), lemma, category, and whether it is a source phrase."""

    tokens: tuple[int, ...]
    lemma: str
    category: str | None
    source: bool = False
    speaker: tuple[int, int] | None = None
    speech: tuple[str, ...] = ("direct", "indirect", "reported")
    noun: bool = False
    #: the lexicon's argument structure of the cue (see :class:`.lexicon.CueSense`)
    speaker_roles: tuple[str, ...] = ("subject", "agent")
    message: tuple[str, ...] = ("clause", "infinitive", "konjunktiv")
    subjects: tuple[str, ...] = ("animate", "institution", "document")
    #: a reporting verb in a trailing or inserted frame (*…, so betont X, …*; *…, das teilte X
    #: mit*), read as a source phrase (see :mod:`.frames`)
    frame: bool = False


#: naming verbs that also report speech (*nannte den Plan »unsinnig«*)
_NAMING_VERBS = wordset("nennen bezeichnen")
#: passive auxiliaries right after a naming participle (*… genannt wird*)
_PASSIVE_WERDEN = wordset("wird werden wurde wurden worden")
#: relative pronouns that open an attributive clause (*der als X bezeichnet wird*)
_CLAUSE_COMMAS = frozenset(",;:.!?")
_RELATIVE_PRONOUNS = wordset("der die das dem den denen dessen deren welcher welche welches")


def _definitional_naming(toks: Sequence[Tok], i: int) -> bool:
    """Is the naming verb at ``i`` a naming convention rather than a speech act?

    Why: *Rosinenbomber nannte man …*, *Als Lichtjahr bezeichnet man …* (generic *man*), *…,
    der als »Sonnenwind« bezeichnet wird* (an agentless passive in a relative clause) and *X,
    genannt Y,* (a participle apposition) say what a thing is called, not that someone said
    something. Limits: only within the verb's comma-part; a *man* that stands for an
    organisation (*man bezeichnete den Plan als …*) is lost as a speaker-less act; an
    agentless passive in a main clause (*Als Ursache wurde X genannt*) stays a cue.
    """
    start = i
    while start > 0 and not (toks[start - 1].q < 0 and toks[start - 1].text in _BOUNDARY):
        start -= 1
    if any(t.q < 0 and t.lower == "man" for t in toks[start : _clause_end(toks, i)]):
        return True
    if toks[i].lower == "genannt" and i > 0 and toks[i - 1].text == ",":
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or nxt.lower not in _PASSIVE_WERDEN:
        return False
    # the relative clause: back to its comma across parentheses and quotation marks; the
    # agent (*von X*) is searched after the last *und/oder* (*der von … ausgeht und als …*)
    k = i - 1
    while k > 0 and not (toks[k - 1].q < 0 and toks[k - 1].text in _CLAUSE_COMMAS):
        k -= 1
    if k < 1 or toks[k - 1].text != "," or toks[k].lower not in _RELATIVE_PRONOUNS:
        return False
    a = max((m + 1 for m in range(k, i) if toks[m].lower in ("und", "oder")), default=k)
    return not any(t.lower in ("von", "vom", "durch") for t in toks[a:i])


def _clause_end(toks: Sequence[Tok], i: int) -> int:
    """Index of the first token after the verb at ``i`` that ends its clause: punctuation, a
    quotation mark or a coordinating conjunction (*aber*, *denn* only after a comma). A
    parenthesis is skipped whole (*teilte am Abend (Ortszeit) mit*) when it closes in the
    unit."""
    n = len(toks)
    j = i + 1
    while j < n:
        t = toks[j]
        if t.q < 0 and t.text == "(":
            close = next((k for k in range(j + 1, n) if toks[k].text in ("(", ")")), n)
            if close < n and toks[close].text == ")":
                j = close + 1
                continue
        if (
            t.q < 0
            and (t.text in _BOUNDARY or t.lower in _COORD)
            and (t.lower not in _COORD_AFTER_COMMA or toks[j - 1].text == ",")
        ):
            break
        j += 1
    return j


def find_verb_cues(
    toks: Sequence[Tok], index: CueIndex, *, candidates: Sequence[int] | None = None
) -> list[CueHit]:
    """Reporting verbs outside quotations, with particle handling (*sagte … ab* is no cue).

    ``candidates``: sorted token indices whose lemma or form is a cue base (from a vectorised
    pre-pass); only those and the first token are examined. Without it, every token is.
    """
    out: list[CueHit] = []
    if candidates is not None:
        picked = [toks[k] for k in candidates if 0 < k < len(toks)]
        scan: Sequence[Tok] = [toks[0], *picked] if toks else []
    else:
        scan = toks
    for tok in scan:
        if tok.q >= 0:
            continue
        if tok.text[:1].isupper() and tok.i > 0:
            continue
        senses = index.senses(tok.text, tok.lemma, tok.lower)
        if (
            not senses
            and tok.i == 0
            and len(toks) > 2
            and toks[1].lower in _FRONTED_PASSIVE
            and fronted_participle(toks)
        ):
            # *Kritisiert wird vor allem, dass …*: a participle fronted before its passive
            # auxiliary is capitalised only because it opens the sentence
            senses = index.senses(tok.lower, tok.lower, tok.lower)
        if not senses:
            continue
        if tok.lower.endswith("end") and tok.lower != tok.lemma.lower():
            continue  # a present participle is an adjective (*entscheidend*, *betonend*)
        if tok.lower in _NOT_CUE_FORMS or (
            tok.lower in _POSSESSIVE_MEIN and not _verb_meinen(toks, tok.i)
        ):
            continue
        if tok.lower == "genannt" and (
            (tok.i > 0 and toks[tok.i - 1].lower in ("auch", "so", "kurz"))
            or (tok.i + 1 < len(toks) and toks[tok.i + 1].text in ("–", ")", "—"))
        ):
            continue  # *– auch Pendlerpauschale genannt –*: naming, not speech
        if tok.lemma.lower() in _NAMING_VERBS and _definitional_naming(toks, tok.i):
            continue  # *X nennt man Y*, *…, der als Y bezeichnet wird*: a naming convention
        if tok.lower in _EINIG and (
            tok.lower != "einigen"
            or (
                tok.i + 1 < len(toks)
                and (toks[tok.i + 1].text[:1].isupper() or is_adjective(toks[tok.i + 1]))
            )
        ):
            continue  # *Einige Abgeordnete*, *mit einigen Worten*: a determiner, not *einigen*
        if tok.lower.startswith("sorg") and any(
            t.lower in ("dafür", "für") for t in toks[max(0, tok.i - 4) : tok.i]
        ):
            continue  # *dafür sorgen, dass …* (ensure), not *sich sorgen* (worry)
        end = _clause_end(toks, tok.i)
        last = toks[end - 1] if end - 1 > tok.i and toks[end - 1].q < 0 else None
        prev = toks[tok.i - 1] if tok.i > 0 else None
        chosen = None
        particle_tok: tuple[int, ...] = ()
        tail: Tok | None = None
        fin = len(toks)
        # (a verb has many particle senses, *absagen, ansagen, aussagen, zusagen …*: the words
        # at the clause end and before the verb are read once per length, not once per sense)
        words_at_end: dict[int, tuple[str, ...]] = {}
        words_before: dict[int, tuple[str, ...]] = {}
        for s in senses:
            if not s.particle:
                continue
            parts = _PARTICLE_WORDS.get(s.particle) or _particle_words(s.particle)
            n = len(parts)
            if last is not None and end - n > tok.i:
                cand = words_at_end.get(n)
                if cand is None:
                    cand = words_at_end[n] = tuple(t.lower for t in toks[end - n : end])
                if cand == parts:
                    chosen, particle_tok = s, tuple(range(end - n, end))
                    break
            # (*Geld zu geben*: the infinitive marker, no *zugeben*)
            if tok.i - n >= 0 and parts != ("zu",):
                cand = words_before.get(n)
                if cand is None:
                    cand = words_before[n] = tuple(t.lower for t in toks[tok.i - n : tok.i])
                if cand == parts:
                    chosen, particle_tok = s, tuple(range(tok.i - n, tok.i))
                    break
        if chosen is None:
            # *Dies teilte X, Sprecher von Y, mit.*: the particle after an apposition stands
            # at the end of the sentence
            while fin > tok.i + 1 and toks[fin - 1].text in (".", "!", "?", ";"):
                fin -= 1
            tail = toks[fin - 1] if fin - 1 > end and toks[fin - 1].q < 0 else None
            if tail is not None and (toks[end].text != "," or end == tok.i + 1):
                tail = None  # (*sagte, die Reise, die …, falle aus*: a clause, no insertion)
            if tail is not None:
                for s in senses:
                    if s.particle and " " not in s.particle and tail.lower == s.particle:
                        chosen, particle_tok = s, (fin - 1,)
                        break
            if chosen is None and tok.i + 1 < end < len(toks) and toks[end].text == ",":
                chosen, particle_tok = _particle_after_insertion(toks, end, senses)
        if chosen is None:
            if (
                last is not None
                and last.lower in SEPARABLE_PARTICLES
                and not _adverbial_particle(toks, end - 1)
            ):
                # a particle we do not know for this verb: another verb (absagen); but
                # *sagte weiter* is "went on to say", not *weitersagen*
                continue
            if (
                tail is not None
                and toks[fin - 2].text == ","
                and tail.lower in SEPARABLE_PARTICLES
                and tail.lower != "weiter"
            ):
                continue  # *sagte seine Reise, die lange geplant war, ab*: *absagen*
            if prev is not None and prev.lower in ("klar", "deutlich", "bekannt"):
                continue
            chosen = next((s for s in senses if not s.particle), None)
            if chosen is None:
                continue
        if chosen.base == "heißen" and not _has_es(toks, tok.i):
            continue
        if _needs_reflexive(chosen) and not _reflexive(toks, tok.i):
            continue  # *Das ist sicher*, *sorgte für Aufsehen*: no *sich sicher sein*/*sich sorgen*
        if chosen.lemma in _NOT_REFLEXIVE and _reflexive(toks, tok.i):
            continue  # *stellte sich heraus* (turned out), *fand sich dort* (was found)
        if chosen.lemma == "finden" and tok.i > 0 and toks[tok.i - 1].lower == "zu":
            continue  # *waren … zu finden* (could be found)
        out.append(
            CueHit(
                (tok.i, *particle_tok),
                chosen.lemma,
                chosen.category,
                speech=chosen.speech,
                speaker_roles=chosen.speaker,
                message=chosen.message,
                subjects=chosen.subjects,
            )
        )
    return out


#: the words of each particle or phrase part of the lexicon (``str.split``), by its string
_PARTICLE_WORDS: dict[str, tuple[str, ...]] = {}


def _particle_words(particle: str) -> tuple[str, ...]:
    """``tuple(particle.split())``, cached (the lexicon has a few hundred particle strings)."""
    words = _PARTICLE_WORDS[particle] = tuple(particle.split())
    return words


#: passive auxiliaries after a fronted participle (*Kritisiert wird …*, *Bemängelt wurden …*)
_FRONTED_PASSIVE = wordset("wird werden wurde wurden")


def fronted_participle(toks: Sequence[Tok]) -> bool:
    """Does the unit open with a capitalised participle before a passive auxiliary
    (*Kritisiert wird …*, *Vermutet werden …*)? A participle ends in *-t* (weak) or *-en*
    (strong) and has *ge-*, an inseparable prefix or *-iert*."""
    if len(toks) < 3 or toks[0].q >= 0 or toks[1].lower not in _FRONTED_PASSIVE:
        return False
    w = toks[0].lower
    return w.endswith(("t", "en")) and (
        w.startswith(("ge", "be", "ver", "er", "ent", "zer", "emp", "miss"))
        or "ge" in w[2:6]
        or w.endswith("iert")
    )


#: particle words that end the clause as adverbs, not as a verb's particle: *weiter,
#: wieder* always (*sagte weiter*, *betonte immer wieder*; a verb with one of them as its
#: particle, *wiedergeben*, is found from its own sense first) and the last word of fixed
#: adverbials after the word before it (*darüber hinaus*, *nach wie vor*, *ab und zu/an*)
_ADVERB_PARTICLES = wordset("weiter wieder")
_ADVERBIAL_PAIRS = frozenset({("darüber", "hinaus"), ("wie", "vor"), ("und", "zu"), ("und", "an")})


def _adverbial_particle(toks: Sequence[Tok], k: int) -> bool:
    """Is the particle-like word at ``k`` an adverb or the end of a fixed adverbial here?"""
    low = toks[k].lower
    return low in _ADVERB_PARTICLES or (k > 0 and (toks[k - 1].lower, low) in _ADVERBIAL_PAIRS)


#: words that may stand before a particle after an insertion (*ging X, die Anwältin, noch
#: davon aus*): adverbs, pronominal adverbs, pronouns
_FAR_FILLERS = wordset(
    """
    noch auch nun dann jedoch aber nicht bereits schon erneut wieder zudem ebenfalls davon
    dazu darauf daran darüber damit dabei dagegen dafür deshalb daher es sich ihm ihr ihnen
    uns heute gestern später zuvor zuletzt mehrfach ausdrücklich
    """
)


def _particle_after_insertion(
    toks: Sequence[Tok], comma: int, senses: Sequence[CueSense]
) -> tuple[CueSense | None, tuple[int, ...]]:
    """The sense whose particle closes the verb bracket after an insertion between commas
    (*ging Celebi, die Anwältin der Frau, noch davon aus, dass …*; *warf Obama, nachdem er
    entschieden hatte, vor, er sei …*), with the particle's token indices.

    Limits: only the segment after the second comma, which may hold adverbs and pronouns
    (``_FAR_FILLERS``) before the particle but no other word, and must end at a comma or
    the end of the unit.
    """
    n = len(toks)
    second = next((k for k in range(comma + 1, n) if toks[k].text == ","), None)
    if second is None:
        return None, ()
    seg_end = next(
        (k for k in range(second + 1, n) if toks[k].q >= 0 or toks[k].text in _BOUNDARY), n
    )
    if (
        seg_end < n
        and toks[seg_end].text != ","
        and (toks[seg_end].text not in (".", "!", "?", ";") or seg_end + 1 < n)
    ):
        return None, ()  # the segment must end at a comma or the end of the unit
    words = [t.lower for t in toks[second + 1 : seg_end]]
    for s in senses:
        parts = s.particle.split()
        k = len(parts)
        if not parts or k > len(words) or words[len(words) - k :] != parts:
            continue
        if all(w in _FAR_FILLERS for w in words[: len(words) - k]):
            return s, tuple(range(seg_end - k, seg_end))
    return None, ()


#: words after which *meinen* is the verb, not the possessive (*…«, meinen die beiden*)
_AFTER_VERB_MEINEN = wordset("die der das er sie wir ich man sie, auch jedoch aber dazu")


def _verb_meinen(toks: Sequence[Tok], i: int) -> bool:
    """Is *meinen*/*meine* at ``i`` the verb: followed by a determiner, pronoun or comma
    rather than by the noun or adjective a possessive would take?"""
    if toks[i].lower not in ("meinen", "meine", "meint"):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is None or nxt.text in (",", ".", ":") or nxt.lower in _AFTER_VERB_MEINEN


#: prepositions of a place, medium or addressee after *so X* (*so X im Fernsehen*)
_TRAILING_PREPS = wordset("im in am an auf bei beim gegenüber vor aus von vom mit nach zu zum zur")


def _skip_trailing_pps(toks: Sequence[Tok], k: int) -> int:
    """Index after prepositional phrases at ``k`` (*gegenüber der Zeitung »X«*, *aus
    Frankfurt*, *im libanesischen Fernsehen*), at most 10 tokens, or ``k``."""
    n = len(toks)
    j = k
    while j < n and toks[j].q < 0 and toks[j].lower in _TRAILING_PREPS and j - k < 10:
        m = j + 1
        while (
            m < n
            and m - k < 10
            and (
                toks[m].q >= 0
                or toks[m].lower in DETERMINERS
                or is_adjective(toks[m])
                or toks[m].text[:1].isupper()
                or toks[m].text[:1].isdigit()
            )
        ):
            m += 1
        if m == j + 1:
            return k
        j = m
    return j if j > k and (j >= n or toks[j].text in (",", ".", ";", "!", "?", ")", ":")) else k


#: reporting verbs whose reflexive use is another verb (*sich herausstellen* "turn out",
#: *sich finden* "be found", *sich zeigen* "become apparent", *sich … nennen* "call
#: oneself")
_NOT_REFLEXIVE = wordset("herausstellen finden zeigen nennen")
#: reflexive pronouns of a verb whose lexicon lemma starts with *sich*
_REFLEXIVES = wordset("sich mich dich uns euch")


def _needs_reflexive(sense: CueSense) -> bool:
    """Is the sense a reflexive verb or phrase that needs its pronoun in the text?

    Why not every *sich* entry: the lexicon makes a leading *sich* optional because a
    reflexive particle verb also stands for its plain use (*sich ausdrücken* for *drückte
    seine Zuversicht aus*, *sich aussprechen* for *sprach eine Warnung aus*); without a
    separable particle the plain verb is another verb (*sorgte für Aufsehen*, *ist sicher*).
    """
    return sense.lemma.startswith("sich ") and sense.particle not in SEPARABLE_PARTICLES


def _reflexive(toks: Sequence[Tok], i: int) -> bool:
    """Is there a *sich* in the verb's clause before it (*die sich selbst „X“ nennt*,
    *hatte sich im Laufe des Tages herausgestellt*) or right after it (*stellte sich heraus*,
    *sorge mich*)?"""
    j = i - 1
    while j >= 0 and not (toks[j].q < 0 and toks[j].text in (",", ":", ";")):
        if toks[j].q < 0 and toks[j].lower == "sich":
            return True
        j -= 1
    return any(
        0 <= j < len(toks) and toks[j].lower in _REFLEXIVES and toks[j].q < 0
        for j in (i + 1, i + 2)
    )


_ES_ADVERBS = wordset("weiter auch zudem außerdem ferner dazu dann nun jedoch allerdings nur")


def _has_es(toks: Sequence[Tok], i: int) -> bool:
    """*es heißt*, *heißt es*, or *es* earlier in a verb-final clause (*in denen es zu den
    Protesten heißt*): *heißen* reports speech only with the impersonal *es*."""
    if any(0 <= j < len(toks) and toks[j].lower == "es" for j in (i - 1, i + 1)):
        return True
    # *wie es weiter hieß*, *hieß es zudem*: one adverb between
    if any(
        0 <= j < len(toks) and toks[j].lower == "es" and toks[(i + j) // 2].lower in _ES_ADVERBS
        for j in (i - 2, i + 2)
    ):
        return True
    j = i - 1
    while j >= 0 and not (toks[j].q < 0 and toks[j].text in _BOUNDARY):
        j -= 1
    if j < 0 or toks[j].text != "," or j + 1 >= i or toks[j + 1].lower not in _SUBORDINATE_START:
        return False
    return any(t.q < 0 and t.lower == "es" for t in toks[j + 1 : i])


#: marks before *so X* (*…, so der Minister*; *– so der Vorwurf –*) and after it
