"""Coordination without a parser: which subject a reporting verb in a coordinated clause
has — the first conjunct's after *und/sowie/oder/aber* without a subject of its own
(*Die Ministerin lobte den Plan und sagte, …*), its own after *und* + noun phrase (*… und der
Kapitän seinerseits kündigte an, …*), or the main clause's in an asyndetic frame (*X wollte
sich nicht festlegen, sagte aber, …*).

Why a module of its own: :mod:`.speakers` decides which position holds the subject of a cue
and was growing past a readable size; these tests only need clause structure
(:mod:`.clauses`) and the subject positions of :mod:`.subjects`.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clauses import clause_start, has_clause_word
from medialens.nlp.attribution.konjunktiv import is_konjunktiv
from medialens.nlp.attribution.phrases import (
    ADVERBS,
    AUXILIARIES,
    MAX_NP,
    NOMINATIVE_PRONOUNS,
    OBJECT_DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    SUBORDINATORS,
    np_backward,
)
from medialens.nlp.attribution.subjects import subject_after_verb, v2_subject
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

__all__ = [
    "asyndetic_subject",
    "ellipsis_conjunction",
    "ellipsis_subject",
    "main_clause_conjunct_subject",
    "quoted_first_field_subject",
    "second_conjunct_subject",
]


def second_conjunct_subject(toks: Sequence[Tok], start: int, cue_i: int) -> tuple[int, int] | None:
    """*Der Trainer lobte die Mannschaft und der Kapitän seinerseits kündigte an, …*: a cue
    after *und/sowie/aber/oder* + a noun phrase (and adverbs) opens a second main clause
    with a subject of its own — the noun phrase, not the first field of the first clause.

    Only when the first conjunct has a verb of its own (else *Die Polizei und die Feuerwehr
    teilten mit* is one coordinated subject) and no auxiliary stands before the cue (else
    the cue may be a clause-final participle: *hat den Plan und die Reform abgelehnt*)."""
    for k in range(max(start + 1, cue_i - MAX_NP - 3), cue_i - 1):
        if toks[k].lower in _VP_COORDINATORS:
            break
    else:
        return None  # (no coordinator: the common case)
    j = cue_i
    while j - 1 > start and cue_i - j < 2:
        t = toks[j - 1]
        if (
            t.q < 0
            and t.text[:1].islower()
            and t.text.isalpha()
            and (t.lower in ADVERBS or t.lower.endswith("seits"))
        ):
            j -= 1
            continue
        break
    sp = np_backward(toks, j)
    if sp is None or sp[1] != j:
        return None
    a = sp[0]
    if a - 1 <= start or toks[a - 1].q >= 0 or toks[a - 1].lower not in _VP_COORDINATORS:
        return None
    if toks[a].lower in OBJECT_DETERMINERS or toks[a].lower in GENITIVE_ONLY:
        return None
    if any(t.q < 0 and t.lower in AUXILIARIES for t in toks[start:cue_i]):
        return None
    if not has_clause_word(toks, start, a - 1):
        return None
    return sp


#: determiners of a genitive phrase only
GENITIVE_ONLY = wordset("des eines")


def ellipsis_subject(toks: Sequence[Tok], a: int, cue_i: int) -> tuple[int, int] | None:
    """The subject of the first conjunct when the cue opens a second one after *und/sowie/
    oder/aber* without a subject of its own: a nominative pronoun right after the first
    conjunct's verb when the first field is adverbial (*Als Beispiel führte er …*), else
    None (the caller takes the first field)."""
    if cue_i < 1 or toks[cue_i - 1].lower not in ("und", "sowie", "aber", "oder"):
        return None
    first = toks[a].lower
    if not (first in PREPOSITIONS or first in SUBORDINATORS or first in ADVERBS):
        return None
    for j in range(a + 1, cue_i - 1):
        if toks[j].lower in NOMINATIVE_PRONOUNS and toks[j - 1].text[:1].islower():
            return (j, j + 1)
    return None


#: conjunctions that coordinate two verb phrases with one subject
_VP_COORDINATORS = wordset("und sowie oder aber")


def ellipsis_conjunction(toks: Sequence[Tok], start: int, cue_i: int) -> int | None:
    """The conjunction before the cue when the cue opens a second conjunct without a subject
    of its own (*… und verkündete*, *…, und hat dann gesagt*): only lower-case auxiliaries
    and adverbs stand between them. None when a noun phrase or pronoun follows the
    conjunction (*X und Y sagten*, *… und er sagte*: a subject of its own)."""
    j = cue_i - 1
    while j > start and cue_i - j <= 3:
        t = toks[j]
        if t.q >= 0:
            return None
        if t.lower in _VP_COORDINATORS:
            if j == start or (j > 0 and toks[j - 1].text in (":", ";")):
                return None
            if toks[j - 1].text == "," and j - 1 <= start:
                return None
            return j if j - 1 > 0 else None
        if not (t.lower in AUXILIARIES or (t.lower in ADVERBS and t.text[:1].islower())):
            return None
        j -= 1
    if j == start and toks[j].lower in _VP_COORDINATORS and j >= 2 and toks[j - 1].text == ",":
        return j  # *…, und sagte*: the clause starts after the conjunction
    return None


def asyndetic_subject(toks: Sequence[Tok], cue_i: int) -> tuple[int, int] | None:
    """*X wollte sich nicht festlegen, sagte aber, …*: a verb after a comma with no subject
    of its own continues the main clause before the comma; its subject is that clause's.
    Not after a Konjunktiv clause (*Die Lage sei ernst, hieß es*: the clause is the
    content) nor after a subordinate or relative clause, nor for *es* (*hieß es*)."""
    if cue_i + 1 < len(toks) and toks[cue_i + 1].lower == "es":
        return None
    s = clause_start(toks, cue_i - 1, inverted=False)
    first = toks[s].lower
    if first in SUBORDINATORS or first in RELATIVES or first in PRONOUNS - {"er", "sie"}:
        return None
    seg = toks[s : cue_i - 1]
    if any(t.q >= 0 for t in seg) or any(is_konjunktiv(t.text, t.lemma) for t in seg):
        return None
    if not has_clause_word(toks, s, cue_i - 1):
        return None
    return v2_subject(toks, cue_i - 1, start=s)


def quoted_first_field_subject(
    toks: Sequence[Tok], start: int, conj: int
) -> tuple[int, int] | None:
    """*»Wir bleiben«, sagte die Sprecherin und kündigte Proteste an*: when the first conjunct
    ``toks[start:conj]`` opens with a quotation (its first field) and its comma, the finite
    verb follows and the subject is the noun phrase after that verb — not the quotation,
    which :func:`.subjects.v2_subject` would take for a noun phrase. None otherwise."""
    a = start
    if a >= conj or toks[a].q < 0:
        return None
    while a < conj and toks[a].q >= 0:
        a += 1
    if a < conj and toks[a].text == ",":
        a += 1
    if a + 1 >= conj or not toks[a].text[:1].islower() or not toks[a].text.isalpha():
        return None
    return subject_after_verb(toks, a + 1, conj)


#: conjunctions after which a finite verb opens a main-clause conjunct without a subject
_MAIN_CONJUNCTS = wordset("und sowie")


def main_clause_conjunct_subject(
    toks: Sequence[Tok], start: int, cue_i: int
) -> tuple[int, int] | None:
    """*Die Behörde teilte mit, dass der Regen anhält und warnte vor Fluten*: a finite cue right after *und* at
    the end of a subordinate clause (``start``: its conjunction, after a comma) continues the
    main clause before that clause, whose verb-final predicate it cannot share (the
    subordinate verb is final, the cue is second). Its subject is the main clause's.

    Limits: only a subordinate clause directly after the main clause (one comma back); the
    word before *und* must be lower case (the subordinate clause's final verb); a cue that
    ends in *-en* could be a second final verb of the subordinate clause (*dass X anhalten
    und warnen*) and is left to the other rules."""
    if (
        cue_i < start + 3
        or start < 3
        or toks[cue_i - 1].lower not in _MAIN_CONJUNCTS
        or toks[start].lower not in _MAIN_SUBORDINATORS
        or toks[start - 1].text != ","
        or toks[cue_i].lower.endswith("en")
        or not toks[cue_i - 2].text[:1].islower()
        or any(t.text == "," and t.q < 0 for t in toks[start : cue_i - 1])
    ):
        return None
    main_start = clause_start(toks, start - 2, inverted=False)
    return v2_subject(toks, start - 1, start=main_start)


#: subordinating conjunctions of a content or adverbial clause after a main clause
_MAIN_SUBORDINATORS = wordset("dass ob weil da wenn nachdem obwohl")
