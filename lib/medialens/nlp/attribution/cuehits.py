"""Which cue hits of a unit count as reporting cues (verb cues in a speech sense, noun cues).

Why a module of its own: both :func:`.extract.find_cues` and the per-unit analysis filter the
raw lexicon hits the same way; the filters are one stage of their own. Moved verbatim out of
:mod:`.extract`.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clausebounds import _clause_qualifies
from medialens.nlp.attribution.clauses import clause_start, is_passive
from medialens.nlp.attribution.cuefind import CueHit, find_verb_cues
from medialens.nlp.attribution.lexicon import CueIndex
from medialens.nlp.attribution.messageform import complement_follows
from medialens.nlp.attribution.phrases import RELATIVES, is_adjective
from medialens.nlp.attribution.quotestate import speaker_of_cue
from medialens.nlp.attribution.senses import (
    contrary_frame,
    death_toll,
    fits_subject,
    needs_predicative,
    predicative,
    regarding_without_predicative,
    subject_class,
)
from medialens.nlp.attribution.sourcecues import find_noun_cues
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.verbsense import no_speech_act
from medialens.nlp.attribution.wordlists import wordset


def _verb_cues(
    toks: Sequence[Tok], index: CueIndex | None, candidates: Sequence[int] | None
) -> list[CueHit]:
    """Verb cues of a unit, without those in parentheses and the event verb *stattfinden*."""
    if index is None:
        return []
    return [
        c
        for c in find_verb_cues(toks, index, candidates=candidates)
        if not _in_parentheses(toks, c.tokens[0])
        and _opinion_frame(toks, c)
        and _speech_sense(toks, c)
    ]


def _speech_sense(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Does the cue have its speech sense in this clause (the lexicon's argument structure)?

    An entry that is speech only with a predicative (``message: [für]``: *hält X für Y*)
    needs it in the clause; in the active voice, the subject must be of a class the entry's
    ``subjects`` allow (*Das Hochwasser forderte 40 Todesopfer*, *Die Zahlen zeigen*: no
    speech; *Die Studie zeigt, dass …*: speech). See :mod:`.senses`.
    """
    if needs_predicative(hit) and not predicative(toks, hit):
        return False
    if contrary_frame(toks, hit):
        return False  # (*Anders als X behauptet, …*: the sentence contradicts X)
    if regarding_without_predicative(toks, hit):
        return False  # (*sah sich die Völker an, welche …*: looking, not regarding)
    if not complement_follows(toks, hit):
        return False  # *sagte ihm Hilfe zu*: *zusagen* is speech only with its clause
    if death_toll(toks, hit) or no_speech_act(toks, hit):
        return False
    ci, last = hit.tokens[0], max(hit.tokens)
    if is_passive(toks, clause_start(toks, ci), ci, last):
        return True
    rng = speaker_of_cue(toks, ci, last)
    return fits_subject(subject_class(toks, rng), hit.subjects)


def _noun_cues(toks: Sequence[Tok], index: CueIndex | None = None) -> list[CueHit]:
    """Speech-act nouns followed by a complement clause (*die Forderung, dass …*; *die
    Forderung der Gewerkschaft, die Löhne anzuheben*)."""
    out = []
    n = len(toks)
    for c in find_noun_cues(toks, index.nouns if index is not None else None):
        comma = c.tokens[0] + 1
        if c.speaker is not None:
            # (the comma after the attribute, which may end before the clause's rest:
            # *Die Vermutungen der Forscher gehen dahin, dass …*)
            comma = next(
                (k for k in range(c.speaker[1], n) if toks[k].text == "," and toks[k].q < 0), n
            )
        end = n
        relative = (
            comma + 2 < n
            and toks[comma + 1].lower in RELATIVES
            and not toks[comma + 2].text[:1].isupper()
        )
        if c.speaker is None and relative and not is_adjective(toks[comma + 2]):
            # *ein Plan, der darin bestehe, …*: a relative clause, no complement (but an
            # article before an adjective opens one: *Befürchtungen, die neue Regierung …*)
            continue
        if c.speaker is not None:
            # after a genitive attribute the comma may also open a relative clause or an
            # apposition (*die Aussage von X, Parteichef der Y, …*; *nach Einschätzung eines
            # Experten, der …*): the complement must qualify before the next comma
            ci = c.tokens[0]
            if relative or (ci > 0 and toks[ci - 1].lower in _SOURCE_PREPOSITIONS):
                continue
            end = next((k for k in range(comma + 1, n) if toks[k].text == "," and toks[k].q < 0), n)
        if _clause_qualifies(toks, comma + 1, end):
            out.append(c)
    return out


def outside_phrases(nouns: list[CueHit], verbs: Sequence[CueHit]) -> list[CueHit]:
    """The noun cues of ``nouns`` that are no word of a verb phrase cue in ``verbs``: in
    *Einige vertreten die Auffassung, …* the noun belongs to the phrase *die Auffassung
    vertreten*, whose subject is the speaker."""
    if not nouns or not verbs:
        return nouns
    taken = {k for v in verbs for k in v.tokens}
    return [c for c in nouns if c.tokens[0] not in taken]


#: a noun cue after these is part of a source phrase (*nach Einschätzung der Polizei*)
_SOURCE_PREPOSITIONS = wordset("nach laut gemäß zufolge")


def _in_parentheses(toks: Sequence[Tok], i: int) -> bool:
    """Is token ``i`` inside an open parenthesis (*(Wikinews berichtete)*)?"""
    depth = 0
    for t in toks[:i]:
        if t.text == "(":
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
    return depth > 0


def _opinion_frame(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is a *finden* cue not the event verb *stattfinden* (*findet am Montag in X statt*)?

    Why: *finden* reports an opinion (*X findet, dass …*) or a written statement (*In dem
    Bericht findet sich die Feststellung »…«*), but with the separated particle *statt* it
    only says that an event takes place. Limits: only the particle at a clause end is seen.
    """
    if hit.lemma != "finden":
        return True
    n = len(toks)
    for k in range(max(hit.tokens) + 1, n):
        t = toks[k]
        if t.q < 0 and t.lower == "statt":
            nxt = toks[k + 1] if k + 1 < n else None
            if nxt is None or nxt.q >= 0 or nxt.text in (".", ",", ":", ";", "!", "?"):
                return False
    return True
