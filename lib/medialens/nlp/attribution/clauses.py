"""Clause structure around a reporting cue without a parser: where the clause of a cue starts,
whether a stretch of tokens holds a predicate, passive voice and its agent, and source
prepositional phrases (*bei X*, *seitens X*).

Why: the speaker of a cue is searched inside the cue's own clause (:mod:`.speakers`); the clause
boundary is found from commas, subordinators, relatives and coordinators, not from a parse.

Limits: a comma-less clause boundary (*und* between two main clauses without a comma) is not
seen; relative clauses are recognised by a relative pronoun right after a comma (or after a
preposition).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.phrases import (
    AUXILIARIES,
    COORDINATORS,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    SUBORDINATORS,
    is_adjective,
    is_head,
    np_forward,
    np_internal,
)
from medialens.nlp.attribution.units import Tok, UnitMemo
from medialens.nlp.attribution.wordlists import wordset


def clause_start(toks: Sequence[Tok], k: int, *, inverted: bool = True) -> int:
    """Start of the clause containing token ``k`` (after a comma/colon that opens a
    subordinate, coordinated or new clause, else the unit start). With ``inverted``, a verb
    right after a comma opens its own clause (*…, sagte X*). Memoised per unit (the cue,
    subject, passive and negation tests all ask for the clause of the same cue)."""
    return _CLAUSE_STARTS(toks, k, inverted)


def _clause_start(toks: Sequence[Tok], k: int, inverted: bool = True) -> int:
    """:func:`clause_start` without the memo."""
    if inverted and k > 0 and toks[k - 1].text == "," and toks[k - 1].q < 0:
        return k
    j = k - 1
    while j >= 0:
        t = toks[j]
        if t.q < 0 and t.text == ")":
            # a closed parenthesis before ``k`` is an insertion, not a clause boundary
            # (*Der Sprecher (BA) wollte auf Anfrage nicht bestätigen*)
            o = _opening_parenthesis(toks, j)
            if o is not None:
                j = o - 1
                continue
        if t.q < 0 and t.text in (":", "(", "–", "—"):
            return j + 1
        if t.q < 0 and t.text == "," and j + 1 < k:
            nxt = toks[j + 1].lower
            if nxt in SUBORDINATORS or (
                nxt in RELATIVES and j + 2 < k and not toks[j + 2].text[:1].isdigit()
            ):
                # (*am Donnerstag, den 7. Oktober, …*: a date, no relative clause)
                return j + 1
            if nxt in PREPOSITIONS and j + 3 < k and _relative_after_preposition(toks, j + 2):
                return j + 1  # *…, in der davon berichtet wird*: a relative clause
            if nxt in COORDINATORS and j + 2 < k:
                return j + 2
        if (
            t.q < 0
            and t.lower in _CONJOINED_SUBORDINATORS
            and j > 0
            and toks[j - 1].lower in _COORDINATED_BY
        ):
            # *Es wird gesprochen und dass X behauptet, …*: a subordinating conjunction opens
            # its clause also without a comma, after a coordinator
            return j
        j -= 1
    return 0


#: subordinating conjunctions that open a clause wherever they stand
_CONJOINED_SUBORDINATORS = frozenset(["dass", "ob", "weil", "obwohl"])
#: coordinators that may join such a clause without a comma
_COORDINATED_BY = frozenset(["und", "oder", "sowie", "aber"])


_CLAUSE_STARTS: UnitMemo[int] = UnitMemo(_clause_start)


def main_clause_start(toks: Sequence[Tok], k: int) -> int:
    """Start of the clause of token ``k`` when a relative clause ends right before it: *In dem
    Bericht, der von der Behörde veröffentlicht wurde, heißt es* — the cue's clause starts
    at *In*, not at the relative pronoun (whose clause is only an insertion).

    Limits: one relative clause; its end is the comma right before ``k``.
    """
    start = clause_start(toks, k, inverted=False)
    if (
        start > 1
        and k > 0
        and toks[k - 1].text == ","
        and toks[start - 1].text == ","
        and toks[start].lower in RELATIVES
    ):
        return clause_start(toks, start - 1, inverted=False)
    return start


def _relative_after_preposition(toks: Sequence[Tok], j: int) -> bool:
    """Is ``toks[j]`` (after a comma and a preposition) a relative pronoun (*, in der davon
    …*, *, nach welchem …*) rather than an article (*, in der Videobotschaft*)?"""
    low = toks[j].lower
    if low not in RELATIVES:
        return False
    if low not in ("der", "die", "das"):
        return True
    return not (is_head(toks[j + 1]) or is_adjective(toks[j + 1]))


def _opening_parenthesis(toks: Sequence[Tok], close: int) -> int | None:
    """The ``(`` matching the ``)`` at ``close`` within a short distance, or None."""
    j = close - 1
    while j >= 0 and close - j <= 12:
        if toks[j].text == "(":
            return j
        if toks[j].text == ")":
            return None
        j -= 1
    return None


def has_predicate(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Could ``toks[a:b]`` be a clause rather than a noun phrase with appositions? It needs a
    lower-case content word (a verb, adjective or participle) outside relative clauses.

    Limits: no tagger, so a lower-case word is taken for a predicate; relative clauses are
    recognised only after a comma.
    """
    in_relative = False
    for k in range(a, b):
        t = toks[k]
        if t.text == ",":
            nxt = toks[k + 1].lower if k + 1 < b else ""
            in_relative = nxt in RELATIVES or (
                nxt in PREPOSITIONS and k + 2 < b and toks[k + 2].lower in RELATIVES
            )
            continue
        if in_relative:
            continue
        low = t.lower
        if (
            t.text[:1].islower()
            and t.text.isalpha()
            and low not in DETERMINERS
            and low not in PREPOSITIONS
            and low not in COORDINATORS
            and low not in RELATIVES
            and low not in ("und", "oder", "sowie", "von", "vom")
        ):
            return True
    return False


def np_segment(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is ``toks[a:b]`` a noun phrase with appositions (no clause)? No predicate in the strict
    sense of :func:`has_predicate`, or — allowing attributive adjectives (*Der frühere
    Bürgermeister, Henning Scherf*) — no clause word, no auxiliary, and a start that is a
    determiner or a capitalised non-pronoun."""
    if not has_predicate(toks, a, b):
        return True
    if b <= a or has_clause_word(toks, a, b):
        return False
    if any(toks[k].lower in AUXILIARIES for k in range(a, b)):
        return False
    first = toks[a]
    if first.lower in PRONOUNS or first.lower in SUBORDINATORS or first.lower in PREPOSITIONS:
        return False
    return first.lower in DETERMINERS or is_head(first)


def has_clause_word(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Does ``toks[a:b]`` contain a lower-case word that cannot stand in a noun phrase (a verb
    or a free adverb)? Attributive adjectives and participles do not count."""
    return any(
        toks[k].q < 0 and toks[k].text[:1].islower() and not np_internal(toks, k, b)
        for k in range(a, b)
    )


def all_quoted_clause(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is ``toks[a:b]`` one long quotation (a quoted statement, not a quoted name)?"""
    return b - a > 6 and all(t.q == toks[a].q for t in toks[a:b])


PASSIVE_AUX = wordset("wird wurde wurden werden worden")
AGENT_PREPOSITIONS = wordset("von vom aus seitens vonseiten durch")


#: finite forms of *haben*: the auxiliary of the active perfect
HABEN = wordset("hat hatte hatten haben habe hätte hätten")
#: forms of *sein* that make a state passive with a participle (*ist angekündigt*)
STATE_PASSIVE_AUX = wordset("ist sind war waren")
#: speech verbs (and light verbs of cue phrases) whose perfect takes *sein* (*sind davon
#: ausgegangen*, *ist bekannt geworden*, *sind zu dem Schluss gekommen*: active)
SEIN_PERFECT_LEMMAS = wordset("ausgehen eingehen zurückkommen übereinkommen werden kommen gelangen")
SEIN_PERFECT_PARTICIPLES = wordset("geworden gekommen gelangt ausgegangen eingegangen")


def _ge_participle(word: str) -> bool:
    """A participle with *ge-* (*gefordert*, *angekündigt*, *vorgeworfen*), not an adjectival
    one without it (*überzeugt*, *besorgt*), which after *sein* names an attitude."""
    k = word.find("ge", 0, 6)
    return k >= 0 and word.endswith(("t", "en")) and len(word) - k > 4


def is_passive(toks: Sequence[Tok], start: int, cue_i: int, cue_last: int) -> bool:
    """*… wird vorgeworfen*, *… waren … geäußert worden*: a participle with *werden*."""
    word = toks[cue_i].text
    participle = word.endswith("t") or (
        word.endswith("en")
        and "ge" in word[:-2]
        and (word != toks[cue_i].lemma or (word.startswith("ge") and len(word) > 6))
    )
    if not participle:
        return False
    # an active perfect auxiliary before the participle starts its verb phrase (*war er
    # aufgewacht und hatte gefragt*: *war* belongs to the first conjunct)
    for j in range(cue_i - 1, start - 1, -1):
        t = toks[j]
        if t.q < 0 and t.lower in HABEN:
            start = j + 1
            break
    before = any(t.q < 0 and t.lower in PASSIVE_AUX for t in toks[start:cue_i])
    if (
        not before
        and _ge_participle(word)
        and toks[cue_i].lemma not in SEIN_PERFECT_LEMMAS
        and not any(t.lower in SEIN_PERFECT_PARTICIPLES for t in toks[cue_i : cue_last + 1])
    ):
        # state passive: *Weitere Aktionen sind angekündigt*, *ist gefordert*: speech verbs form
        # their perfect with *haben*, so *sein* + participle is no active speech act
        before = any(t.q < 0 and t.lower in STATE_PASSIVE_AUX for t in toks[start:cue_i])
    nxt = toks[cue_last + 1].lower if cue_last + 1 < len(toks) else ""
    # *…, wie von der Gruppe berichtet wird*: verb-final subordinate clause
    after = nxt == "worden" or (
        nxt in PASSIVE_AUX and toks[start].lower in SUBORDINATORS and word.endswith("t")
    )
    return before or after


#: prepositions that introduce the place or document of *es heißt*
PP_SOURCES = wordset("bei beim in im von vom aus seitens vonseiten")
#: after *heißt es* also *auf* (*…, heißt es auf der Webseite*); before it, *auf* mostly
#: belongs to the content (*entfallen auf Südasien, heißt es*)
PP_SOURCES_AFTER = PP_SOURCES | {"auf"}


def pp_source(
    toks: Sequence[Tok], start: int, end: int, *, preps: frozenset[str] = PP_SOURCES
) -> tuple[int, int] | None:
    """The source of *es heißt*: *bei/in/von/aus X hieß es* → X."""
    for j in range(start, end - 1):
        t = toks[j]
        if t.q < 0 and t.lower in preps:
            sp = _after_seiten(toks, j + 1)
            if sp is not None:
                return sp
    return None


def passive_agent(toks: Sequence[Tok], start: int, end: int) -> tuple[int, int] | None:
    """The agent/source of a passive cue: *von X*, *aus X*, *seitens X*, *von Seiten X*
    (else None)."""
    for j in range(start, end - 1):
        t = toks[j]
        if t.q < 0 and t.lower in AGENT_PREPOSITIONS:
            sp = _after_seiten(toks, j + 1)
            if sp is not None:
                return sp
    return None


def _after_seiten(toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The noun phrase at ``k``, or after *Seiten* there (*von Seiten der Regierung* -> *der
    Regierung*: *Seiten* only marks the side that speaks)."""
    if toks[k].lower == "seiten" and k + 1 < len(toks):
        sp = np_forward(toks, k + 1)
        if sp is not None:
            return sp
    return np_forward(toks, k)
