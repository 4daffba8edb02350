"""The subject of a second main clause: *A tat X, und B sagte …* quotes B, not A.

Why: German joins two main clauses with *und/aber/oder/sondern/sowie*; each has its own
subject when one stands after the coordinator (*Die Menge skandierte Parolen, und der
Oppositionsführer rief aus: „…“*, *Dies war nicht der erste Zwischenfall, und die Anwohner
befürchten, dass …*). The speaker rules look for a subject to the left of the cue and, when
the verb of the second clause is the cue, may reach across the coordinator to the first
clause's subject. The second clause's subject is the noun phrase between the coordinator and
the finite cue verb (verb-second order: coordinator, subject, verb); without one (*A sagte X
und fügte hinzu*) the first subject is shared and stays.

What is done: for a quotation whose verb cue follows a speaker mention in the same unit, when a
coordinator stands between them and only a noun phrase that can speak (a name, person,
institution or pronoun; see :func:`.reference.speaker_like`) fills the gap between the
coordinator and the cue, that noun phrase becomes the speaker. Cheap: one backward scan from
the cue to the current speaker, only when the cue follows its speaker.

Limits: the noun phrase must stand right before the finite verb (*und die Opposition hat
gefordert* with an auxiliary is left alone); a phrase with an object determiner (*und den
Plan lobte X*: an object first) is not taken; coordinated subjects (*A und B sagten*) are
kept, since nothing but the coordinator stands between the two mentions.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.phrases import (
    AUXILIARIES,
    FUNCTION_WORDS,
    LEADING_PARTICLES,
    OBJECT_DETERMINERS,
    PERSONAL_SPEAKER_PRONOUNS,
    RELATIVES,
    SUBORDINATORS,
    first_field_np,
    is_adjective,
)
from medialens.nlp.attribution.quotestate import IMPERSONAL
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote, Speaker

#: coordinators that open a second main clause with its own subject
_CLAUSE_COORDINATORS = wordset("und aber oder sondern sowie")
#: punctuation that a noun phrase between coordinator and verb never contains
_BREAKS = frozenset([",", ";", ":", ".", "!", "?", "(", ")", "–", "-"])
#: characters between speaker and cue that a verb, a coordinator and a subject need at least
_MIN_GAP = 8
#: the longest subject noun phrase looked at (tokens)
_MAX_SUBJECT = 14


def conjunct_subject(
    toks: Sequence[Tok], sp_first: int, sp_last: int, ci: int
) -> tuple[int, int] | None:
    """The subject ``toks[a:ci]`` of the main clause after a coordinator whose finite verb is
    the cue at ``ci``, when that coordinator stands after the current speaker
    ``toks[sp_first:sp_last + 1]`` with at least one other token between them and the
    clause before it has a verb of its own; None otherwise."""
    if ci < 2 or toks[ci].q >= 0 or not toks[ci].text[:1].islower():
        return None
    lo = max(sp_last + 2, ci - _MAX_SUBJECT - 2)
    k = ci - 1
    while k >= lo:
        t = toks[k]
        if t.q >= 0 or t.text in _BREAKS:
            return None
        if t.lower in _CLAUSE_COORDINATORS:
            break
        k -= 1
    else:
        return None
    if (
        not _first_clause_verb(toks, sp_first, sp_last, k)
        or _inside_verb_final(toks, k)
        or _completes_first_clause(toks, sp_last, k, ci)
    ):
        return None
    a = k + 1
    while a < ci and toks[a].lower in LEADING_PARTICLES:
        a += 1  # *und auch die Opposition forderte*
    if a >= ci or toks[a].lower in OBJECT_DETERMINERS:
        return None
    if ci - a == 1 and toks[a].lower in PERSONAL_SPEAKER_PRONOUNS:
        return (a, ci)  # (*man* too: :func:`conjunct_subjects` then drops the speaker)
    if not (toks[a].text[:1].isupper() or toks[a].lower in _ARTICLES):
        return None
    np = first_field_np(toks, a, ci)
    if np is None or np[1] != ci or not speaker_like(toks, *np):
        return None
    return np


#: nominative articles that open a subject noun phrase in lower case
_ARTICLES = wordset("der die das ein eine")
#: perfect auxiliaries (a participle cue after the coordinator may complete them)
_PERFECT_AUX = wordset("hat hatte haben hatten habe hätte hätten ist war sind waren sei wäre")
#: future/passive auxiliaries and modals (an infinitive or participle cue may complete them)
_VERB_AUX = wordset(
    """
    wird wurde werden wurden würde würden kann konnte können konnten könnte will wollte
    wollen wollten soll sollte sollen sollten muss musste müssen mussten darf durfte
    """
)


def _first_clause_verb(toks: Sequence[Tok], sp_first: int, sp_last: int, k: int) -> bool:
    """Does the clause before the coordinator at ``k`` (from the last sentence break, the
    speaker ``toks[sp_first:sp_last + 1]`` left out) hold a verb: an auxiliary or a
    lower-case word that is neither a function word nor an adjective before its noun (a weak
    preterite *tagte, stürzte* ends like an adjective but no noun follows it)? Without one
    the coordinator joins noun phrases of one subject (*Weder die G8, noch die EU oder die
    Ukraine erkennen …*), not two clauses."""
    a = sp_first
    while a > 0 and not (toks[a - 1].q < 0 and toks[a - 1].text in (".", ";", ":", "!", "?")):
        a -= 1
    for i in range(a, k):
        t = toks[i]
        if sp_first <= i <= sp_last or t.q >= 0 or not t.text[:1].islower():
            continue
        if not t.text.isalpha():
            continue
        if t.lower in AUXILIARIES or not (t.lower in FUNCTION_WORDS or _attributive(toks, i)):
            return True
    return False


def _attributive(toks: Sequence[Tok], i: int) -> bool:
    """Is ``toks[i]`` an inflected adjective before a noun or another adjective (*die erste
    schwere Krise*)?"""
    if not is_adjective(toks[i]) or i + 1 >= len(toks) or toks[i + 1].q >= 0:
        return False
    nxt = toks[i + 1]
    return nxt.text[:1].isupper() or is_adjective(nxt)


def _inside_verb_final(toks: Sequence[Tok], k: int) -> bool:
    """Does the coordinator at ``k`` join two parts of a verb-final clause (*…, welche X zur
    Kenntnis nimmt und die Regierung auffordert*, *…, dass A und B kritisieren*)? Then the
    phrase after it is an object or a second subject, not a main clause's subject. A
    coordinator right after a comma joins clauses of their own."""
    if toks[k - 1].text == ",":
        return False
    j = k - 1
    while j >= 0 and not (toks[j].q < 0 and toks[j].text in (",", ";", ":")):
        j -= 1
    first = toks[j + 1] if j + 1 < k else None
    return (
        first is not None
        and first.q < 0
        and first.text[:1].islower()
        and (first.lower in SUBORDINATORS or first.lower in RELATIVES)
    )


def _completes_first_clause(toks: Sequence[Tok], sp_last: int, k: int, ci: int) -> bool:
    """Can the cue be the non-finite verb of the first clause (*X hatte die Rolle der A und
    B betont*: the coordinator joins two nouns and the participle closes *hatte*)? True when
    an auxiliary stands between speaker and coordinator and the cue has the form that
    auxiliary takes (a participle after *haben/sein*, an infinitive or participle after
    *werden* and the modals)."""
    word = toks[ci].lower
    participle = word.endswith("t") or (word.endswith("en") and "ge" in word[:-2])
    for t in toks[sp_last + 1 : k]:
        if t.q >= 0:
            continue
        if t.lower in _PERFECT_AUX and participle:
            return True
        if t.lower in _VERB_AUX and (participle or word.endswith("en")):
            return True
    return False


def conjunct_subjects(
    quotes: Sequence[Quote],
    starts: Sequence[int],
    unit_toks: Callable[[int], Sequence[Tok]],
) -> list[Quote]:
    """``quotes`` with the speaker of a cue in a coordinated main clause replaced by that
    clause's own subject (see the module docstring)."""
    out: list[Quote] = []
    for q in quotes:
        cue, sp = q.cue, q.speaker
        if (
            cue is None
            or sp is None
            or sp.resolved is not None
            or cue.start - sp.end < _MIN_GAP
            or not cue.text[:1].islower()
        ):
            out.append(q)  # (a cue right after its speaker leaves no room for a clause)
            continue
        u = bisect.bisect_right(starts, cue.start) - 1
        if u < 0 or starts[u] > sp.start:
            out.append(q)  # (the speaker stands in an earlier unit)
            continue
        toks = unit_toks(u)
        ci = _index_at(toks, cue.start)
        sf = _index_at(toks, sp.start)
        se = _index_at(toks, sp.end, end=True)
        if ci is None or sf is None or se is None:
            out.append(q)
            continue
        got = conjunct_subject(toks, sf, se, ci)
        if got is None:
            out.append(q)
            continue
        a, b = got
        if b - a == 1 and toks[a].lower in IMPERSONAL:
            out.append(q._replace(speaker=None))  # (*…, und man glaubte, …*: no one named)
            continue
        text = " ".join(t.text for t in toks[a:b])
        out.append(q._replace(speaker=Speaker(toks[a].start, toks[b - 1].end, text)))
    return out


def _index_at(toks: Sequence[Tok], pos: int, *, end: bool = False) -> int | None:
    """The token starting (``end``: ending) at character ``pos``, by binary search."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if (toks[mid].end if end else toks[mid].start) < pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(toks) and (toks[lo].end if end else toks[lo].start) == pos:
        return lo
    return None
