"""*Nach Angaben des Direktors, Max Muster, sei …*; *„…“, so Max Muster, Leiter des Amtes.*:
an apposition after the speaker belongs to the speaker, not to the quotation.

Why a module of its own: the quotation builders end a source phrase where its noun phrase
ends (:func:`.phrases.np_forward`), so a name or title set off by commas after it (the
apposition) became the first words of the quotation (*Mohammed el-Baradei, Nordkorea besitze
…*) or, after a direct quotation with a *so X* frame, a stretch of its own that turned the
frame into a second, indirect quotation (*„…“, so X, Präsident des Amtes*). The annotation
scheme counts the apposition to the speaker. One pass after all quotations are found moves
it, whichever builder produced the quotation.

What is done: a stretch of a non-direct quotation that starts right after its speaker and a
comma, and whose words up to the next comma (or the stretch's end) form a noun phrase — a
capitalised or quoted last word, only capitalised words, determiners, prepositions,
*und/oder/sowie*, inflected adjectives, numbers and brackets, no *zu*-infinitive or
Konjunktiv — leaves the quotation and widens the speaker. A quotation left with nothing, or
with exactly the stretches of another quotation, is dropped (it was that quotation plus the
apposition).

A relative clause right after the apposition (*X, Sprecher der Partei, die … regiert, …*)
is left out of the quotation as well (not added to the speaker).

Limits: only the first comma-part; an apposition that opens with a preposition is read as
a fronted phrase of the quotation (*…, in den Ländern sei …*), one with a lower-case
participle (*vertreten durch X*) is not one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.konjunktiv import is_konjunktiv
from medialens.nlp.attribution.phrases import (
    ADVERBS,
    AUXILIARIES,
    DETERMINERS,
    PREPOSITIONS,
    RELATIVES,
    is_adjective,
    is_cap,
)
from medialens.nlp.attribution.quotestate import _span_text
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote

#: words that join the parts of an apposition (*Sprecher und Vorsitzender der Partei*)
_JOINERS: frozenset[str] = wordset("und oder sowie")
#: brackets and hyphens inside an apposition (*Präsident der IAEO (Wien)*)
_INNER_MARKS: frozenset[str] = frozenset(["(", ")", "-", "/", "."])
_COMMA_GAP = re.compile(r",\s*")


def _apposition_word(tok: Tok, nxt: Tok | None) -> bool:
    """May ``tok`` stand inside a noun-phrase apposition?"""
    if tok.q >= 0 or is_cap(tok) or tok.text[:1].isdigit() or tok.text in _INNER_MARKS:
        return True
    low = tok.lower
    if low == "zu" and nxt is not None and nxt.text[:1].islower():
        return False  # (*die Flaggen zu wechseln*: an infinitive)
    if low in AUXILIARIES or is_konjunktiv(tok.text, tok.lemma):
        return False
    return low in DETERMINERS or low in PREPOSITIONS or low in _JOINERS or is_adjective(tok)


def apposition_end(toks: Sequence[Tok], i: int, stop: int) -> int | None:
    """The index after a noun-phrase apposition that starts at ``toks[i]`` and ends at the next
    comma outside quotations or at ``stop``; None when ``toks[i:…]`` is not one."""
    j = i
    while j < stop and not (toks[j].text == "," and toks[j].q < 0):
        j += 1
    if j == i:
        return None
    first = toks[i]
    if first.q < 0 and not (
        is_cap(first)
        or first.lower in DETERMINERS
        or (is_adjective(first) and i + 1 < j and is_cap(toks[i + 1]))
    ):
        return None  # (*in den Ländern, …*: a fronted phrase; *vertreten durch X*)
    last = toks[j - 1]
    if not (last.q >= 0 or is_cap(last) or last.text == ")"):
        return None
    if not any(is_cap(t) for t in toks[i:j] if t.q < 0) and toks[i].q < 0:
        return None
    attribute = first.lower in DETERMINERS
    for k in range(i, j):
        if attribute and toks[k].lower in ADVERBS and toks[k].lower not in _JOINERS:
            continue  # *das auch die Zeitung X verlegende Haus*: an extended attribute
        if not _apposition_word(toks[k], toks[k + 1] if k + 1 < j else None):
            return None
    return j


def _after_relative(toks: Sequence[Tok], comma: int, stop: int) -> int:
    """The index after the apposition's comma at ``comma``, or after the relative clause that
    follows it and its closing comma (*X, Sprecher der Partei, die … regiert, sagte …*)."""
    k = comma + 1
    if k < stop and toks[k].q < 0 and toks[k].lower in RELATIVES:
        close = next((j for j in range(k + 1, stop) if toks[j].text == "," and toks[j].q < 0), None)
        if close is not None:
            return close + 1
    return k


def move_appositions(
    quotes: Sequence[Quote],
    text: str,
    starts: Sequence[int],
    unit_toks: Callable[[int], Sequence[Tok]],
) -> list[Quote]:
    """``quotes`` with a speaker's apposition moved out of the quotation into the speaker
    (see the module docstring); a quotation that was nothing else is dropped."""
    out: list[Quote] = []
    direct_spans = {q.spans for q in quotes if q.kind == "direct"}
    for q in quotes:
        sp = q.speaker
        if q.kind == "direct" or sp is None or "," not in text[sp.end : sp.end + 3]:
            out.append(q)
            continue
        hit = next(
            (
                n
                for n, (a, _b) in enumerate(q.spans)
                if a > sp.end and _COMMA_GAP.fullmatch(text[sp.end : a])
            ),
            None,
        )
        if hit is None:
            out.append(q)
            continue
        a, b = q.spans[hit]
        u = bisect.bisect_right(starts, a) - 1
        toks = unit_toks(u) if u >= 0 else []
        i = next((k for k, t in enumerate(toks) if t.start == a), None)
        stop = next((k for k, t in enumerate(toks) if t.end >= b), len(toks) - 1) + 1
        end = apposition_end(toks, i, stop) if i is not None else None
        if end is None:
            out.append(q)
            continue
        speaker = sp._replace(end=toks[end - 1].end, text=text[sp.start : toks[end - 1].end])
        after = _after_relative(toks, end, stop)
        rest = ((toks[after].start, b),) if after < stop else ()
        spans = q.spans[:hit] + rest + q.spans[hit + 1 :]
        if not spans or spans in direct_spans:
            continue
        out.append(
            q._replace(
                start=spans[0][0],
                end=spans[-1][1],
                spans=spans,
                text=_span_text(text, spans),
                speaker=speaker,
            )
        )
    return out
