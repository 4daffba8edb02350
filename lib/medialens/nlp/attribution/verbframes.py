"""Frame tests of the verb-quote step: which cue frames are not speech, or take their subject
from elsewhere (a turn dash, *wie* with an apposition, an *als* predicative, a negated frame, an
inverted auxiliary, the subject of a noun cue, a reported-speech frame).

Why a module of its own: :mod:`.verbquote` holds the step itself (finding a cue's complement
and speaker); these predicates answer yes/no questions about a frame and were moved out of it
verbatim when it passed 600 lines. Limits are those of each function.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.argframes import argument_frame
from medialens.nlp.attribution.clausebounds import (
    _CLAUSE_MARKS,
    _DEFINITE,
)
from medialens.nlp.attribution.clauses import (
    clause_start,
    np_segment,
)
from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.konjunktiv import PRONOUN_SUBJECTS
from medialens.nlp.attribution.phrases import (
    is_adjective,
    np_forward,
)
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.senses import negated, own_conjunct, reported_object
from medialens.nlp.attribution.speakers import after_verb_speaker, v2_subject
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

_DASHES = frozenset(["–", "—", "--", "-"])


def _turn_dash(toks: Sequence[Tok], k: int) -> bool:
    """A dash after a closed quotation or a question/exclamation starts a new turn.

    *„Ist das alles?“ – „Ja“, sagte sie*: what is fronted before *sagte* is only the
    answer after the dash, not the question before it. A dash inside a clause (*X habe
    – trotz aller Warnungen – versagt*) follows a word and is no such boundary.
    """
    return (
        k > 0 and toks[k].text in _DASHES and (toks[k - 1].q >= 0 or toks[k - 1].text in ("?", "!"))
    )


def _wie_with_apposition(toks: Sequence[Tok], ci: int) -> int | None:
    """*…, wie Klara Hahn, Leiterin der Schule, mitteilte*: the *wie* that opens the cue's clause
    when only its subject with an apposition between commas stands before the cue (the
    comma after the apposition is no clause boundary); None otherwise."""
    if ci < 4 or toks[ci - 1].text != "," or toks[ci - 1].q >= 0:
        return None
    for w in range(ci - 2, max(0, ci - 16), -1):
        t = toks[w]
        if t.q >= 0 or t.text in (":", ";", "(", ")"):
            return None
        if t.lower == "wie" and w > 0 and toks[w - 1].text == ",":
            return w if np_segment(toks, w + 1, ci - 1) else None
    return None


def _als_predicative(toks: Sequence[Tok]) -> bool:
    """Has the unit an *als*-predicative (*als Ursache*, *als möglicher Kandidat*), not the
    conjunction of a clause (*als er kam*, *als ob*)?"""
    n = len(toks)
    for k, t in enumerate(toks):
        if t.q < 0 and t.lower == "als" and k + 1 < n:
            nxt = toks[k + 1]
            if nxt.q < 0 and (
                (nxt.text[:1].isupper() and nxt.lower not in PRONOUN_SUBJECTS)
                or nxt.lower in _DEFINITE
                or nxt.lower in ("ein", "eine", "einer", "einen", "einem", "eines")
                or (nxt.text[:1].islower() and nxt.lower.endswith(("en", "er", "em", "es", "e")))
            ):
                comma = next((j for j in range(k + 1, n) if toks[j].text == ","), None)
                if comma is not None and toks[comma - 1].text[:1].islower():
                    continue  # *Als der Zug kam, …*: a temporal clause ending in its verb
                return True
    return False


_NEGATION_WORDS = wordset("nicht nie niemals kein keine keinen keiner keinem keines")


#: words after *nicht* that negate a part, not the speech act (*nicht nur*, *nicht als …*)
_PART_NEGATED = wordset("nur bloß allein als weiter mehr")


def _negated_frame(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is the speech act itself negated: a negation in the cue's own comma-part (*Ein
    Sprecher wollte nicht bestätigen, dass …*), not inside a noun phrase (*nicht ausgezahlte
    Prämien*), not a part negation (*nicht nur*) and not a word of the cue (*keinen Zweifel
    lassen*)?"""
    ci, last = hit.tokens[0], max(hit.tokens)
    n = len(toks)
    start = next((k + 1 for k in range(ci - 1, -1, -1) if toks[k].text == "," and toks[k].q < 0), 0)
    end = next((k for k in range(last + 1, n) if toks[k].text in (",", ":") and toks[k].q < 0), n)
    if not any(toks[k].lower in _NEGATION_WORDS for k in range(start, end)):
        return False  # (cheap test first: most frames have no negation at all)
    start, end = own_conjunct(toks, hit, start, end)
    for k in range(start, end):
        t = toks[k]
        if k in hit.tokens or t.q >= 0 or t.lower not in _NEGATION_WORDS:
            continue
        nxt = toks[k + 1] if k + 1 < n else None
        if nxt is not None and nxt.lower in _PART_NEGATED:
            continue
        if (
            t.lower == "nicht"
            and nxt is not None
            and k + 2 < n
            and nxt.text[:1].islower()
            and k + 1 not in hit.tokens
            and toks[k + 2].text[:1].isupper()
        ):
            continue  # *nicht weiter bezeichnete Quellen*: an attribute
        if t.lower.startswith("kein") and k + 1 < n and toks[k + 1].lower in _DEFINITE | {"des"}:
            continue  # *keine der vier Anlagen*: a quantifier
        return True
    return False


def _inverted_auxiliary(toks: Sequence[Tok], ci: int) -> int | None:
    """For a clause-final participle cue in an inverted frame after a comma (*Es drohe ein
    Wettrüsten, hatte X bei seinem Besuch gesagt*): the index of the finite auxiliary right
    after the comma, when the speaker follows it; else None."""
    last = ci + 1
    while last < len(toks) and toks[last].q < 0 and toks[last].text not in _CLAUSE_END_MARKS:
        last += 1
    if last != ci + 1:
        return None  # the participle must end the clause
    for k in range(ci - 1, 0, -1):
        t = toks[k]
        if t.q >= 0 or t.text in _CLAUSE_MARKS:
            return None
        if t.lower in _PERFECT_AUXILIARIES and toks[k - 1].text == "," and toks[k - 1].q < 0:
            return k if after_verb_speaker(toks, k + 1) is not None else None
    return None


_CLAUSE_END_MARKS = frozenset([".", "!", "?", ",", ";", ":"])


#: finite auxiliaries of a perfect or passive frame (*hatte gesagt*, *wurde mitgeteilt*)
_PERFECT_AUXILIARIES = wordset("hat hatte hatten haben habe hätte ist war sind waren")


#: lexicon message forms that make a complement clause (see ``ReportingVerb.message``)
_CLAUSE_MESSAGES = frozenset(["clause", "infinitive", "konjunktiv"])


#: connectors that may stand before a sentence-initial *wie X sagte*
_WIE_CONNECTORS = wordset("denn und aber doch auch")


def _noun_cue_subject(toks: Sequence[Tok], ci: int) -> tuple[int, int] | None:
    """The source of a speech-act noun without a genitive agent: the clause subject
    (*X erhob die Forderung, …*, *X wandte sich mit der Aufforderung an Y, …*), unless the
    noun is the object of a reaction (*X wandte sich gegen die Behauptung, …*, *Auf die
    Bitte, … erfolgte keine Antwort*) or the subject itself (*Am Ende lautete die Frage,
    …*): then the claim is no one's named here and the noun phrase is its source.

    Limits: the noun phrase is an article, adjectives and the noun; a possessive (*gegen
    seine Forderung*) is left to the clause subject.
    """
    a = ci
    while a > 0 and toks[a - 1].q < 0 and is_adjective(toks[a - 1]):
        a -= 1
    if a > 0 and toks[a - 1].q < 0 and toks[a - 1].lower in _NOUN_CUE_ARTICLES:
        a -= 1
    else:
        a = ci
    own = (a, ci + 1)
    if a > 0 and toks[a - 1].q < 0 and toks[a - 1].lower in _REACTION_PREPOSITIONS:
        return own
    rng = v2_subject(toks, ci + 1)
    if rng is not None and rng[0] <= ci < rng[1]:
        return own
    if (
        rng is not None
        and rng[1] <= a
        and not speaker_like(toks, *rng)
        and not _origin_in(toks, rng[0], a)
    ):
        # *Zustimmung findet der Vorschlag, …*: a first field that cannot speak is the
        # fronted object (or the act) and the noun names its own source; one with an
        # *aus/von* attribute that can speak (*Die Antwort aus X bestand in der
        # Zusage, …*) is left to the subject rules, which take that attribute
        return own
    return rng


#: prepositions of an attribute that names where a reaction comes from
_ORIGIN_WORDS = wordset("aus von vom")


def _origin_in(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Does an *aus/von* phrase that can speak stand in ``toks[a:b]`` (*Die Antwort aus dem
    Ministerium*)?"""
    for k in range(a, b - 1):
        if toks[k].q < 0 and toks[k].lower in _ORIGIN_WORDS:
            rng = np_forward(toks, k + 1, end=b)
            if rng is not None and speaker_like(toks, *rng):
                return True
    return False


#: prepositions of a reaction to someone else's speech act (*gegen die Behauptung, …*)
_REACTION_PREPOSITIONS = wordset("gegen auf über zu zur trotz entgegen")


#: articles of a speech-act noun that names no one (a possessive names its source)
_NOUN_CUE_ARTICLES = wordset("der die das den dem des ein eine einer einen einem eines")


def _reported_frame(toks: Sequence[Tok], hit: CueHit, start: int | None = None) -> bool:
    """Is the unit reported speech by the cue's object or predicative (lexicon ``message``:
    ``object`` — *forderte höhere Löhne*, *sprach von einem Erfolg*; ``als``/``für`` with
    the predicative in the clause — *bezeichnete X als Y*, *hält X für Y*), and not negated
    (*hat nicht darüber berichtet*: no speech reported)?"""
    if "reported" not in hit.speech:
        return False
    if not reported_object(toks, hit) and not argument_frame(toks, hit):
        return False
    if start is None:
        start = clause_start(toks, hit.tokens[0])
    return not negated(toks, hit, start)
