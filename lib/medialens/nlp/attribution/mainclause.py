"""Reported speech in the second of two comma-joined main clauses.

Why: the reported-speech rule (:mod:`.verbquote`, step d) takes the whole unit as what was
said, and the subject and the negation test read from the start of the unit. When a main
clause of its own follows a comma (*Weitere Details nannte er nicht, er verwies aber auf die
Ermittlungen*; *Das Wetter war schlecht, die Ministerin verwies auf …*), the first clause is
the reporter's (or another statement); the speech act is the second clause only, its speaker
is that clause's subject, and a negation in the first clause (*nannte er nicht*) does not
negate it.

Limits: only a second clause that opens with its subject (a personal pronoun or a noun
phrase) directly followed by the cue or a finite auxiliary; an inverted clause (*…, dagegen
verwies er …*) or a clause after a relative or subordinate clause keeps the whole unit.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clausebounds import _second_main_clause
from medialens.nlp.attribution.clauses import np_segment
from medialens.nlp.attribution.phrases import (
    AUXILIARIES,
    NOMINATIVE_PRONOUNS,
    PERSONAL_SPEAKER_PRONOUNS,
    PREPOSITIONS,
    SUBORDINATORS,
    is_head,
)
from medialens.nlp.attribution.units import Tok

#: the longest subject noun phrase read between the comma and the verb (in tokens)
_MAX_SUBJECT = 8
#: marks after which a second main clause may open (a dash opens a parenthetical one:
#: *…, von denen einige – die Agentur spricht von 20 – Taxifahrer waren*)
_DASHES = frozenset(["–", "—", "-"])
_OPENERS = frozenset([","]) | _DASHES


def second_main_clause(toks: Sequence[Tok], a: int, ci: int) -> tuple[int, int] | None:
    """The subject ``(start, end)`` of a main clause that opens after a comma (or a dash) in
    ``toks[a:ci]`` and has the cue at ``ci`` (or an auxiliary before it) as its finite verb;
    None when the cue's clause is not such a second main clause, nor when the cue follows a
    comma right away (*X sagte, die Lage sei ernst, warnte aber vor …*: a coordinated
    predicate with no subject of its own; the clause before the comma is not its clause)."""
    if ci > 0 and toks[ci - 1].text == "," and toks[ci - 1].q < 0:
        return None
    comma = next(
        (
            k
            for k in range(ci - 2, max(a, ci - _MAX_SUBJECT - 6), -1)
            if toks[k].text in _OPENERS and toks[k].q < 0
        ),
        None,
    )
    if comma is None or ci - comma - 1 > _MAX_SUBJECT + 4:
        return None  # (cheap test first: most cues have no comma right before their clause)
    s = comma + 1
    verb = next(
        (
            k
            for k in range(s + 1, ci + 1)
            if toks[k].q < 0 and (k == ci or toks[k].lower in AUXILIARIES)
        ),
        None,
    )
    if verb is None or verb - s > _MAX_SUBJECT:
        return None
    subject = subject_first(toks, s, verb)
    if subject is None:
        return None
    if toks[comma].text in _DASHES:
        return subject  # (a parenthetical main clause: no clause before it is needed)
    return subject if _second_main_clause(toks, a, s) else None


def subject_first(toks: Sequence[Tok], s: int, verb: int) -> tuple[int, int] | None:
    """``(s, verb)`` when ``toks[s:verb]`` is the subject of a verb-second clause whose finite
    verb is at ``verb``: a personal pronoun (*er*, *sie*), or a noun phrase with a
    capitalised head that opens with no preposition, subordinator or *zu* (*…, um diese
    Kosten zu rechtfertigen*) — a lone *das/die* is a relative or demonstrative pronoun
    (*…, die besagt, dass …*; *…, das berichtet X*). Not when the verb ends the clause (a
    relative clause: *…, das Redakteure fordern - …*). None otherwise."""
    if verb <= s or verb + 1 >= len(toks) or toks[verb + 1].text in _CLAUSE_END:
        return None
    span = toks[s:verb]
    if any(t.q >= 0 or t.text in _CLAUSE_END or t.lower == "zu" for t in span):
        return None
    if len(span) == 1 and span[0].lower in PERSONAL_SPEAKER_PRONOUNS:
        return (s, verb)
    first = span[0].lower
    if first in PREPOSITIONS or first in SUBORDINATORS or not any(is_head(t) for t in span):
        return None
    return (s, verb) if np_segment(toks, s, verb) else None


_CLAUSE_END = frozenset([",", ".", ";", ":", "!", "?", "–", "—", "-", "(", ")"])


def parenthesis_end(toks: Sequence[Tok], start: int, ci: int, b: int) -> int:
    """The end of the cue's clause when it opened after a dash at ``start - 1``: the closing
    dash after the cue (*… – die Agentur spricht von 20 Personen – …*), else ``b``."""
    if start < 1 or toks[start - 1].text not in _DASHES:
        return b
    return next((k for k in range(ci + 1, b) if toks[k].text in _DASHES and toks[k].q < 0), b)


#: pronouns that open a main clause as its subject after a comma (*…, sie schließen …*)
_SUBJECT_PRONOUNS = NOMINATIVE_PRONOUNS | frozenset(["sie"])


def next_main_clause(toks: Sequence[Tok], last: int, b: int) -> int | None:
    """The comma after the cue (its last token ``last``, before ``b``) that opens a main
    clause of its own with a personal pronoun subject (*Die Ermittler gehen von einem Unfall
    aus, sie schließen … nicht aus*): the reported speech act ends there. None otherwise.

    Limits: only a pronoun subject right after the comma, followed by a lower-case finite
    verb (not *zu*, a subordinator or punctuation); a noun phrase subject is not read (a
    relative *die* is too like an article)."""
    for k in range(last + 1, b - 2):
        t = toks[k]
        if t.q >= 0 or t.text != ",":
            continue
        if (
            toks[k + 1].q < 0
            and toks[k + 1].lower in _SUBJECT_PRONOUNS
            and subject_first(toks, k + 1, k + 2) is not None
            and _finite_like(toks[k + 2])
        ):
            return k
    return None


def _finite_like(t: Tok) -> bool:
    """A lower-case word that may be a finite verb (no function word of another clause)."""
    return (
        t.q < 0
        and t.text[:1].islower()
        and t.text.isalpha()
        and t.lower not in SUBORDINATORS
        and t.lower not in PREPOSITIONS
        and t.lower not in ("und", "oder", "aber", "zu", "nicht", "auch")
    )
