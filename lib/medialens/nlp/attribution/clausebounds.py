"""Clause boundaries and complement tests on the token list of one unit, without a parser.

Why a module of its own: the verb-quote step, the source-phrase step and the noun-cue filter all
need the same answers (where does the clause around token *k* start and end, does the clause
after a cue qualify as reported speech); keeping them here lets those steps share one
definition and import it one way. Moved verbatim out of :mod:`.extract`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.clauses import clause_start, np_segment
from medialens.nlp.attribution.continuations import SUBORDINATE_OPENERS
from medialens.nlp.attribution.konjunktiv import (
    KONJUNKTIV_FORMS,
    SINGULAR_KONJUNKTIV_II,
    is_konjunktiv,
    umlaut_konjunktiv_ii,
)
from medialens.nlp.attribution.phrases import AUXILIARIES, FUNCTION_WORDS, RELATIVES, is_adjective
from medialens.nlp.attribution.scan import HEARSAY
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

WH_WORDS: frozenset[str] = frozenset(
    [
        "dass",
        "daß",
        "ob",
        "warum",
        "weshalb",
        "wieso",
        "weswegen",
        "wer",
        "was",
        "wann",
        "wo",
        "wohin",
        "woher",
        "wie",
        "welche",
        "welcher",
        "welches",
        "inwiefern",
    ]
)


_FINAL_PUNCT = frozenset(".!?…")


_NOT_COMPLEMENT = wordset("um ohne anstatt statt als wenn weil da obwohl während bevor nachdem")


_DEFINITE = wordset("der die das")


_CLAUSE_MARKS = frozenset(",:;()–—")


def _clause_left(toks: Sequence[Tok], k: int) -> int:
    """First token of the clause that contains token ``k`` (after , : ; ( –)."""
    j = k
    while j > 0 and not (toks[j - 1].q < 0 and toks[j - 1].text in _CLAUSE_MARKS):
        j -= 1
    return j


def _clause_right(toks: Sequence[Tok], k: int, end: int) -> int:
    """End of the clause that contains token ``k`` (before , : ; ) –); a comma inside an
    enumeration (*der Planung, Finanzierung und Unterstützung*) does not end it."""
    j = k
    while j < end and not (toks[j].q < 0 and toks[j].text in _CLAUSE_MARKS):
        j += 1
    while j < end and toks[j].text == "," and _enumeration_comma(toks, j, end):
        j += 1
        while j < end and not (toks[j].q < 0 and toks[j].text in _CLAUSE_MARKS):
            j += 1
    return j


def _enumeration_comma(toks: Sequence[Tok], j: int, end: int) -> bool:
    """Is the comma at ``j`` inside an enumeration of nouns (*A, B und C*): a capitalised
    word after it and *und/oder/sowie* within the next three tokens, before another mark?"""
    if j + 1 >= end or not toks[j + 1].text[:1].isupper():
        return False
    for m in range(j + 2, min(end, j + 4)):
        if toks[m].text in _CLAUSE_MARKS:
            return False
        if toks[m].lower in ("und", "oder", "sowie"):
            return True
    return False


#: first words of a comma-part that is no clause of its own: a *so X* source, a coordinated
#: noun phrase (*…, sowie Y*)
_NOT_SECOND_CLAUSE = wordset("so sowie")


def _second_main_clause(toks: Sequence[Tok], a: int, left: int) -> bool:
    """Is ``toks[left:]`` (after a comma) a main clause of its own after a complete clause
    (*Alle Häfen bleiben gesperrt, lediglich der Haupthafen wurde nach Angaben X freigegeben*;
    *X soll es gewusst haben, diese Taten seien aber laut Y verjährt*)? Then a source phrase
    inside it governs that clause only.

    Not when the comma-part starts with a verb: that is the main clause after a fronted
    subordinate clause (*Nachdem …, wurde laut X …*), which the source governs as a whole.
    Limits: verbs are recognised by their lemma (*-en*/*-n*), auxiliaries and Konjunktiv forms.
    """
    if toks[left - 1].text != "," or np_segment(toks, a, left - 1):
        return False
    first = toks[left]
    if first.q >= 0 or first.lower in _NOT_SECOND_CLAUSE:
        return False
    before = _clause_left(toks, left - 2)
    if before > a and toks[before].lower in SUBORDINATE_OPENERS:
        return False  # the comma closes an embedded clause (*X, welches …, bleibt laut Y …*)
    return not _verb_opens(toks, left)


#: subordinators of an adverbial clause that belongs to the frame, not to the reported
#: content, when it is indicative (*…, X zurückzuholen, nachdem bekannt geworden war, …*)
_FRAME_ADVERBIAL = wordset("nachdem wobei bevor seitdem sodass woraufhin")


def _complement_end(toks: Sequence[Tok], a: int, end: int) -> int:
    """Where the complement clause starting at ``a`` ends, before ``end``: before the
    matrix clause goes on with an indicative verb of its own (*X sagte, sie müssten
    aufgeben, und bemühte das Bild …*; *…, er sei unschuldig, erkannte das Gericht nicht
    an*), or before an indicative adverbial clause of the frame (*…, nachdem bekannt
    geworden war, …*).

    Limits: verbs are told by their lemma (see :func:`_verb_opens`); a Konjunktiv anywhere
    in the following part keeps it in the content (*…, habe nichts getan*).
    """
    for k in range(a + 1, end - 1):
        t = toks[k]
        if t.q >= 0:
            continue
        if t.text == ",":
            nxt = toks[k + 1]
            if (
                _verb_opens(toks, k + 1)
                and not is_konjunktiv(nxt.text, nxt.lemma)
                and not _attributive(toks, k + 1)
                and toks[k - 1].text[:1].islower()
                and toks[_clause_left(toks, k - 1)].lower not in SUBORDINATE_OPENERS
                and toks[_clause_left(toks, k - 1)].lower not in WH_WORDS
            ):
                # (A) a comma after a clause and an indicative finite verb (not the main
                # verb after a relative clause of the complement's subject: *Bürger, die
                # …, sind …*, nor after an apposition: *X, einer der …, verübt hatte*)
                return k
            if nxt.lower in _FRAME_ADVERBIAL and not _konjunktiv_until_comma(toks, k + 2, end):
                return k  # (B)
        elif (
            t.lower in ("und", "sowie")
            and _past_verb(toks[k + 1])
            and not (k + 2 < end and toks[k + 2].lower == "zu")
        ):
            return k  # (A) *… und bemühte …* (not *… und versucht zu haben*)
    return end


def _attributive(toks: Sequence[Tok], k: int) -> bool:
    """Is ``toks[k]`` an inflected adjective or participle before a noun (*bestimmte
    Techniken*) rather than a finite verb? (An ending of adjective inflection and a
    capitalised word after it; *sagte Merkel* reads the same and is left alone.)"""
    t = toks[k]
    return (
        k + 1 < len(toks)
        and t.lower not in AUXILIARIES
        and t.lower.endswith(("e", "en", "er", "es", "em"))
        and toks[k + 1].text[:1].isupper()
    )


def _konjunktiv_until_comma(toks: Sequence[Tok], a: int, end: int) -> bool:
    for t in toks[a:end]:
        if t.q < 0 and t.text == ",":
            return False
        if t.q < 0 and is_konjunktiv(t.text, t.lemma):
            return True
    return False


def _past_verb(tok: Tok) -> bool:
    """An indicative finite verb right after *und*: a lower-case form that is not its own
    lemma and not an infinitive-like *-en* form, not a Konjunktiv (*bemühte*, *weigerte*,
    *ging*, *sagt*; not a participle: *gesteckt und abgedrückt habe*)."""
    low = tok.lower
    return (
        tok.q < 0
        and tok.text[:1].islower()
        and low not in FUNCTION_WORDS
        and low not in AUXILIARIES
        and tok.lemma.lower() != low
        and tok.lemma.lower().endswith("n")
        and not low.endswith("en")
        and not ("ge" in low[:6] and low.endswith("t"))  # a participle (*abgedrückt*)
        and not is_konjunktiv(tok.text, tok.lemma)
    )


def _verb_opens(toks: Sequence[Tok], k: int) -> bool:
    """Does the comma-part at ``k`` open with a finite verb (*…, bleiben die Häfen zu*,
    *…, wurde X festgenommen*): a main clause after a fronted clause?

    Limits: verbs are recognised by their lemma (*-en*/*-n*), a weak past ending (*-te*, for
    forms the lookup table misreads), auxiliaries and Konjunktiv forms; a lower-case
    adjective in *-en* or *-te* right after a comma is read as a verb.
    """
    if k >= len(toks) or toks[k].q >= 0:
        return False
    first = toks[k]
    low = first.lower
    if low in AUXILIARIES or is_konjunktiv(first.text, first.lemma):
        return True
    if first.text[:1].islower() and low not in FUNCTION_WORDS:
        lemma = first.lemma.lower()
        if lemma.endswith("n") and (lemma != low or low.endswith("en")):
            return True
        return len(low) > 4 and low.endswith(("te", "ten")) and low.isalpha()  # (*erkannte*)
    return False


def _after_relative_clause(toks: Sequence[Tok], k: int) -> int:
    """``k``, or the index after the comma that closes a relative clause starting at ``k``
    (*Nach Einschätzung eines Experten, der befragt wurde, war es …*: the relative clause
    belongs to the source, not to what was said)."""
    n = len(toks)
    if not (
        k + 2 < n
        and toks[k].text == ","
        and toks[k + 1].lower in RELATIVES
        and not toks[k + 2].text[:1].isupper()
    ):
        return k
    close = next((j for j in range(k + 2, n) if toks[j].text == "," and toks[j].q < 0), None)
    return close + 1 if close is not None and close + 1 < n else k


def _ends_subordinate_clause(toks: Sequence[Tok], ci: int, last: int, j: int) -> bool:
    """Does the cue end a subordinate or relative clause at the comma ``j`` (only auxiliaries
    between), after which the matrix clause goes on with its finite verb (*Nachdem die
    Piloten den Fehler bemerkt hatten, leiteten sie …*; *Sollte der Antrag angenommen
    werden, könnte …*)? Then the part after the comma is no complement of the cue.

    A complement of a subordinate cue opens with *dass/ob*, a *w*-word or a noun phrase and
    is not affected (*Nachdem X angekündigt hatte, Y zu tun, …*)."""
    if not all(t.q < 0 and t.lower in AUXILIARIES for t in toks[last + 1 : j]):
        return False
    start = clause_start(toks, ci)
    first = toks[start]
    verb_first = start == 0 and first.lower in _VERB_FIRST_CONDITIONALS
    if not (verb_first or first.lower in SUBORDINATE_OPENERS):
        return False
    return _verb_opens(toks, j + 1)


#: a finite modal or auxiliary that opens a conditional clause (*Sollte der Antrag …*)
_VERB_FIRST_CONDITIONALS = wordset("sollte sollten würde würden wäre wären hätte hätten wird")


_WELCH = wordset("welche welcher welches")


def _interrogative_welch(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is the *welch-* word at ``a`` an interrogative determiner, i.e. followed by its noun
    (after adjectives: *welche neuen Pläne*)? Otherwise it is a relative pronoun."""
    k = a + 1
    while k < b and k - a <= 3 and toks[k].q < 0 and toks[k].text[:1].islower():
        if not is_adjective(toks[k]):
            return False  # (*welche zu dem Unfall führten*, *welche der Blick erweckte*)
        k += 1
    return k < b and k - a <= 3 and toks[k].text[:1].isupper()


#: marks that end the first part of a complement: the comma, and a dash after which the
#: reporter adds a remark (*aufgefordert, die Häuser zu verlassen – die Hälfte davon in X*)
_PART_ENDS = frozenset([",", "–", "—"])


def _clause_qualifies(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is toks[a:b] a complement clause of speech (dass/ob/w-, Konjunktiv, zu-infinitive)?"""
    if a >= b:
        return False
    # (*fragte, welche Partei gewinnt*: a determiner before its noun opens a question; *die
    # Verse, welche der Blick erweckte*, *den Frevel, welcher zeigt*: a relative pronoun
    # opens an attribute of the noun before the comma, which is reported only when its
    # verb is in Konjunktiv, *einen Antrag, welcher … vermitteln hätte*: tested below)
    first = toks[a].lower
    if (
        first in WH_WORDS
        and first != "wie"
        and not (first in _WELCH and not _interrogative_welch(toks, a, b))
    ):
        return True
    if toks[a].lower in _NOT_COMPLEMENT:
        return False  # *um … zu erreichen*: purpose, not what was said
    seg_end = a
    while seg_end < b and not (toks[seg_end].q < 0 and toks[seg_end].text in _PART_ENDS):
        seg_end += 1
    while seg_end > a and toks[seg_end - 1].text in (".", "!", "?", ";", ":"):
        seg_end -= 1
    seg = toks[a:b]
    if any(
        t.q < 0
        and (t.text in KONJUNKTIV_FORMS or t.text[-1:] == "e")
        and is_konjunktiv(t.text, t.lemma)
        for t in seg
    ):
        return True
    if any(not t.text.isascii() and t.q < 0 and umlaut_konjunktiv_ii(t.text, t.lemma) for t in seg):
        return True  # *…, die Welt befände sich …*: a strong Konjunktiv II off the list
    # a partial quotation inside the reported clause (*das Gespräch »sei … verlaufen«*):
    # its Konjunktiv counts when the clause has words of its own before the quotation
    if (
        toks[a].q < 0
        and any(t.q >= 0 for t in seg)
        and any(
            t.q >= 0 and is_konjunktiv(t.text, t.lemma) and t.text not in SINGULAR_KONJUNKTIV_II
            for t in seg
        )
    ):
        return True
    first_seg = toks[a:seg_end]
    if any(t.q < 0 and t.lower in HEARSAY for t in first_seg[1:4]):
        # *berichtete, 200 Stellen sollen wegfallen*: hearsay *sollen* in verb-second
        # position marks the clause as reported like a Konjunktiv
        return True
    if len(first_seg) >= 2 and first_seg[-2].lower == "zu" and first_seg[-1].lower.endswith("n"):
        return True
    return bool(first_seg and re.fullmatch(r"[a-zäöü]+zu[a-zäöü]+en", first_seg[-1].text or ""))
