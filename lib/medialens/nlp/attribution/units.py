"""Split a ``Doc`` into analysis units (sentences, merged across quotations, split at ``;``).

Why units, not sentences: a quotation with several sentences (»A. B«, sagte X) belongs to one
frame, so sentence boundaries inside a quotation are ignored; a ``;`` joins two main clauses
that often have different sources (*… geäußert worden; die Bundeswehr wolle …*), so it splits.
Tokens are materialised as light :class:`Tok` tuples only for units the caller asks for.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from spacy.attrs import IDX, LEMMA, LENGTH
from spacy.tokens import Doc

from medialens.nlp.attribution.marks import QuotedRegion

_PARA = re.compile(r"\n[ \t\r]*\n")


class Tok(NamedTuple):
    """A token of a unit: ``i`` is the index inside the unit, ``q`` the covering quote or -1."""

    i: int
    text: str
    lower: str
    lemma: str
    start: int
    end: int
    q: int


class Unit(NamedTuple):
    start: int
    end: int
    tok_start: int
    tok_end: int
    sentence_id: int
    paragraph: int


def build_units(doc: Doc, regions: list[QuotedRegion], text: str | None = None) -> list[Unit]:
    """Units in document order (needs sentence boundaries on ``doc``; ``text`` = doc.text)."""
    text = doc.text if text is None else text
    if not len(doc):
        return []
    para_breaks = [m.start() for m in _PARA.finditer(text)]
    top = [r for r in regions if r.depth == 0]
    starts = [r.start for r in top]

    def inside_quote(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and top[k].start < pos < top[k].end

    if doc.has_annotation("SENT_START"):
        sents = [(s.start, s.end) for s in doc.sents]
    else:
        sents = [(0, len(doc))]
    # merge sentences whose boundary lies inside a quotation
    merged: list[list[int]] = []
    for sid, (a, b) in enumerate(sents):
        if merged and inside_quote(doc[a].idx):
            merged[-1][1] = b
        else:
            merged.append([a, b, sid])
    # semicolons outside quotations split units
    semis = [m.start() for m in re.finditer(";", text) if not inside_quote(m.start())]
    semi_toks = sorted({doc.char_span(p, p + 1, alignment_mode="expand").start for p in semis})
    units: list[Unit] = []
    for a, b, sid in merged:
        cut = a
        lo = bisect.bisect_left(semi_toks, a)
        hi = bisect.bisect_left(semi_toks, b)
        for k in semi_toks[lo:hi]:
            if k > cut:
                units.append(_unit(doc, cut, k + 1, sid, para_breaks))
                cut = k + 1
        if cut < b:
            units.append(_unit(doc, cut, b, sid, para_breaks))
    return units


def _unit(doc: Doc, a: int, b: int, sid: int, para_breaks: list[int]) -> Unit:
    # strip whitespace tokens at the edges
    while a < b and doc[a].is_space:
        a += 1
    while b > a and doc[b - 1].is_space:
        b -= 1
    if a >= b:
        start = doc[a].idx if a < len(doc) else len(doc.text) if a >= len(doc) else 0
        return Unit(start, start, a, a, sid, bisect.bisect_right(para_breaks, start))
    start = doc[a].idx
    end = doc[b - 1].idx + len(doc[b - 1].text)
    return Unit(start, end, a, b, sid, bisect.bisect_right(para_breaks, start))


class TokenArrays(NamedTuple):
    """Per-document token columns, read once (no spaCy ``Token`` objects per token)."""

    idx: list[int]
    length: list[int]
    lemma: list[int]
    strings: object
    text: str


def token_arrays(doc: Doc, text: str) -> TokenArrays:
    arr = doc.to_array([IDX, LENGTH, LEMMA])
    if not len(arr):
        return TokenArrays([], [], [], doc.vocab.strings, text)
    return TokenArrays(
        arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist(), doc.vocab.strings, text
    )


def unit_tokens(arrays: TokenArrays, unit: Unit, regions: list[QuotedRegion]) -> list[Tok]:
    """The unit's tokens with the index of the depth-0 quotation covering each (or -1)."""
    top = [(k, r) for k, r in enumerate(regions) if r.depth == 0 and r.end > unit.start]
    out: list[Tok] = []
    qi = 0
    text = arrays.text
    strings = arrays.strings
    for n, j in enumerate(range(unit.tok_start, unit.tok_end)):
        s = arrays.idx[j]
        e = s + arrays.length[j]
        while qi < len(top) and top[qi][1].end <= s:
            qi += 1
        q = top[qi][0] if qi < len(top) and top[qi][1].start <= s < top[qi][1].end else -1
        t = text[s:e]
        h = arrays.lemma[j]
        lemma = strings[h] if h else t  # type: ignore[index]
        out.append(Tok(n, t, t.lower(), lemma or t, s, e, q))
    return out
