"""Split a ``Doc`` into analysis units (sentences, merged across quotations, split at ``;``).

Why units, not sentences: a quotation with several sentences (»A. B«, sagte X) belongs to one
frame, so sentence boundaries inside a quotation are ignored; a ``;`` joins two main clauses
that often have different sources (*… geäußert worden; die Bundeswehr wolle …*), so it splits.
Tokens are materialised as light :class:`Tok` tuples only for units the caller asks for.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, count, repeat
from typing import Any, Generic, NamedTuple, TypeVar

from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, LOWER, ORTH, SENT_START
from spacy.tokens import Doc

from medialens.nlp.attribution.marks import QuotedRegion

#: verb forms the lookup table lemmatises wrongly or not at all (*sprachen* stays
#: *sprachen*, *weisen* becomes *weise*): strong past plurals and present plurals of
#: reporting verbs; lower-case forms only (capitalised *Sprachen* is the noun)
LEMMA_FIXES: dict[str, str] = {
    "sprachen": "sprechen",
    "versprachen": "versprechen",
    "widersprachen": "widersprechen",
    "gaben": "geben",
    "weisen": "weisen",
    "schloss": "schließen",
    "schloß": "schließen",
    "lagen": "liegen",
    # (read as the participle *überlegt*: *Die Ärzte überlegten, die Operation zu verschieben*)
    "überlegte": "überlegen",
    "überlegten": "überlegen",
}
#: the plural past and participle of *gestehen* look like the participle of *stehen*: read as
#: *gestehen* before its particle (*Die Täter gestanden ein, …*), before *, dass* (*Sie
#: gestanden, dass …*) and after a form of *haben* before a comma (*hat gestanden, X getan zu
#: haben*); not *hatte im Wege gestanden*, *zur Verfügung gestanden, die …*, *gestanden haben*
_GESTANDEN_HABEN = frozenset(["hat", "haben", "hatte", "hatten", "habe", "hätte", "hätten"])
_COMPLEMENTISERS = frozenset(["dass", "daß"])

_PARA = re.compile(r"\n[ \t\r]*\n")
#: dashes that may open a sentence (``--``: the dash in transcriptions of older print)
_OPENING_DASHES = frozenset(["--", "–", "—"])


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


def build_units(arrays: TokenArrays, regions: list[QuotedRegion]) -> list[Unit]:
    """Units in document order, from the token columns (see :func:`token_arrays`)."""
    text = arrays.text
    n = len(arrays.idx)
    if not n:
        return []
    idx = arrays.idx
    para_breaks = [m.start() for m in _PARA.finditer(text)]
    top = [r for r in regions if r.depth == 0]
    starts = [r.start for r in top]

    def inside_quote(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and top[k].start < pos < top[k].end

    # (``compress`` over ``1 .__eq__``: the per-token test runs in C; token 0 always starts)
    sent_starts = list(compress(count(), map((1).__eq__, arrays.sent_start)))
    if not sent_starts or sent_starts[0] != 0:
        sent_starts.insert(0, 0)
    bounds = [*sent_starts, n]
    # merge sentences whose boundary lies inside a quotation
    merged: list[list[int]] = []
    for sid in range(len(sent_starts)):
        a, b = bounds[sid], bounds[sid + 1]
        if merged and inside_quote(idx[a]):
            merged[-1][1] = b
        else:
            merged.append([a, b, sid])
    # semicolons outside quotations split units
    semis = [m.start() for m in re.finditer(";", text) if not inside_quote(m.start())]
    semi_toks = sorted({bisect.bisect_right(idx, p) - 1 for p in semis})
    units: list[Unit] = []
    for a, b, sid in merged:
        cut = a
        lo = bisect.bisect_left(semi_toks, a)
        hi = bisect.bisect_left(semi_toks, b)
        for k in semi_toks[lo:hi]:
            if k > cut:
                units.append(_unit(arrays, cut, k + 1, sid, para_breaks))
                cut = k + 1
        if cut < b:
            units.append(_unit(arrays, cut, b, sid, para_breaks))
    return units


def _unit(arrays: TokenArrays, a: int, b: int, sid: int, para_breaks: list[int]) -> Unit:
    space = arrays.is_space
    while a < b and space[a]:
        a += 1
    # a dash that opens a sentence only separates it from the one before (*… fragte er. --
    # „Ja“, sagte sie*, older print between news items and dialogue turns): not part of it
    text, idx, length = arrays.text, arrays.idx, arrays.length
    while a + 1 < b and text[idx[a] : idx[a] + length[a]] in _OPENING_DASHES:
        a += 1
        while a < b and space[a]:
            a += 1
    while b > a and space[b - 1]:
        b -= 1
    if a >= b:
        start = arrays.idx[a] if a < len(arrays.idx) else len(arrays.text)
        return Unit(start, start, a, a, sid, bisect.bisect_right(para_breaks, start))
    start = arrays.idx[a]
    end = arrays.idx[b - 1] + arrays.length[b - 1]
    return Unit(start, end, a, b, sid, bisect.bisect_right(para_breaks, start))


class TokenArrays(NamedTuple):
    """Per-document token columns, read once (no spaCy ``Token`` objects per token)."""

    idx: list[int]
    length: list[int]
    ends: list[int]
    lemma: list[int]  # lemma hashes
    orth: list[int]  # form hashes
    lower: list[int]  # lower-case form hashes
    sent_start: list[int]
    is_space: list[int]
    strings: Any
    text: str
    older_print: bool = False  # *Jn, Jch* for *In, Ich*, or *Ueber, Aeußerung* for *Über, Äußerung*


#: Fraktur has one letter for I and J, and transcriptions of older print write it J before a
#: consonant (*Jn der Sitzung erklärte er*, *Jch*, *Jhr*, *Jnteresse*). No German word begins
#: with J + consonant, so the rules read such a word with I: only its lower-case form
#: (``Tok.lower``) changes, never the text or offsets. One search per document; documents
#: without such a word (all of today's news in ../shared) take the plain path.
_FRAKTUR_J = re.compile(r"\bJ[bcdfghklmnpqrstvwxzß]")
#: Older print sets a capital umlaut as two letters (*Ueber, Aeußerung, Oeffentlichkeit*),
#: so a sentence-initial *Ueber* was no preposition to the rules (and *Ueber den Vorfall*
#: became a speaker). A capital A/O/U + e before a lower-case consonant opens no German word
#: otherwise, nor does *Aeu* (the exceptions are names and loans, *Oetker, Aerobic*, whose
#: lower-case form no rule lists); read like the Fraktur J, in ``Tok.lower`` only.
_CAPITAL_UMLAUT = re.compile(r"\b(?:[AOU]e[bcdfghklmnpqrstvwxzß]|Aeu)")
_UMLAUT_OF = {"A": "ä", "O": "ö", "U": "ü"}
#: either spelling anywhere (the word boundary before it is tested in :func:`_older_print`)
_OLDER_PRINT = re.compile(r"J[bcdfghklmnpqrstvwxzß]|[AOU]e[bcdfghklmnpqrstvwxzß]|Aeu")
#: the same spellings as four patterns that each open with a literal (``J``, ``Ae``, ``Oe``,
#: ``Ue``), searched one after the other by :func:`_older_print`
_OLDER_PRINT_PARTS = (
    re.compile(r"J[bcdfghklmnpqrstvwxzß]"),
    re.compile(r"Ae(?:[bcdfghklmnpqrstvwxzß]|u)"),
    re.compile(r"Oe[bcdfghklmnpqrstvwxzß]"),
    re.compile(r"Ue[bcdfghklmnpqrstvwxzß]"),
)


def _older_print(text: str) -> bool:
    """Does a word of ``text`` begin with a Fraktur J or a capital umlaut written with e?

    Why not ``\\b`` in the pattern: a pattern that opens with a word boundary is tried at
    every position of the text (about 3 % of the quotation rules' time on today's news);
    without it the engine skips to the candidate letters, and the few matches inside a word
    (*AJbs*, *BOeing*) are passed over here. Why four patterns instead of the alternation
    :data:`_OLDER_PRINT`: a pattern that opens with a literal is searched for that literal
    (a fast scan), the alternation is tried at every position with a character set (five
    times as long: 57 against 11 µs per news article). The answer is the same: a match of the
    alternation that the four searches see separately could only hide another match inside
    itself, i.e. after a letter, which is no word start."""
    for pattern in _OLDER_PRINT_PARTS:
        for m in pattern.finditer(text):
            p = m.start()
            if p == 0 or not (text[p - 1].isalnum() or text[p - 1] == "_"):
                return True
    return False


def _modern_lower(word: str) -> str:
    """``word.lower()``, with a Fraktur J before a lower-case consonant read as I and a
    capital umlaut written with *e* (*Ueber*) read as the umlaut."""
    first = word[:1]
    if first == "J" and _FRAKTUR_J.match(word):
        return "i" + word[1:].lower()
    if first in _UMLAUT_OF and _CAPITAL_UMLAUT.match(word):
        return _UMLAUT_OF[first] + word[2:].lower()
    return word.lower()


def token_arrays(doc: Doc, text: str) -> TokenArrays:
    """Read the columns the attribution rules need in one ``to_array`` call."""
    arr = doc.to_array([IDX, LENGTH, SENT_START, IS_SPACE, LEMMA, ORTH, LOWER])
    if not len(arr):
        return TokenArrays([], [], [], [], [], [], [], [], doc.vocab.strings, text)
    cols = arr.T.tolist()
    ends = (arr[:, 0] + arr[:, 1]).tolist()
    idx, length, sent_start, is_space, lemma, orth, lower = cols
    return TokenArrays(
        idx,
        length,
        ends,
        lemma,
        orth,
        lower,
        sent_start,
        is_space,
        doc.vocab.strings,
        text,
        _older_print(text),
    )


def unit_tokens(
    arrays: TokenArrays,
    unit: Unit,
    regions: list[QuotedRegion],
    *,
    top: list[tuple[int, QuotedRegion]] | None = None,
) -> list[Tok]:
    """The unit's tokens with the index of the depth-0 quotation covering each (or -1).

    ``top``: the depth-0 regions overlapping the unit, if the caller has them indexed
    (otherwise every region is scanned, which is quadratic over a long article).
    Built column by column (slices, then one tuple per token): this runs for most units of
    every article, so it is among the costliest steps of the quotation rules.
    """
    if top is None:
        top = [
            (k, r)
            for k, r in enumerate(regions)
            if r.depth == 0 and r.end > unit.start and r.start < unit.end
        ]
    a, b = unit.tok_start, unit.tok_end
    starts = arrays.idx[a:b]
    ends = arrays.ends[a:b]
    strings = arrays.strings
    # the form, lemma and lower-case strings by their hashes (a token's form is exactly its
    # text slice, its ``LOWER`` exactly ``form.lower()``): dict look-ups instead of a new
    # string per slice and per ``lower()``
    words = strings_of(arrays.orth[a:b], strings)
    lemmas = strings_of(arrays.lemma[a:b], strings)
    if "" in lemmas:  # no lemma: the form
        lemmas = [lemma or t for lemma, t in zip(lemmas, words, strict=True)]
    if "gestanden" in words:
        lemmas = _gestanden_fixed(words, lemmas)
    if not _FIXED.isdisjoint(words):
        lemmas = [LEMMA_FIXES.get(t) or lemma for lemma, t in zip(lemmas, words, strict=True)]
    qs = quote_indices(starts, top) if top else [-1] * (b - a)
    # (``map`` of C callables: no Python frame per token)
    if arrays.older_print:
        lowers: Iterable[str] = map(_modern_lower, words)
    else:
        lowers = strings_of(arrays.lower[a:b], strings)
    rows = zip(range(b - a), words, lowers, lemmas, starts, ends, qs, strict=True)
    return list(map(tuple.__new__, repeat(Tok), rows))


def quote_indices(starts: list[int], top: list[tuple[int, QuotedRegion]]) -> list[int]:
    """For each token start, the index of the first region of ``top`` (sorted by start)
    that covers it, or -1.

    Why not a loop over the tokens: each region's tokens are found by two binary searches and
    filled as one slice (regions in reverse order, so that where two overlap the earlier one
    wins, as a left-to-right scan would decide)."""
    qs = [-1] * len(starts)
    for k, region in reversed(top):
        lo = bisect.bisect_left(starts, region.start)
        hi = bisect.bisect_left(starts, region.end)
        if lo < hi:
            qs[lo:hi] = repeat(k, hi - lo)
    return qs


def strings_of(hashes: list[int], strings: Any) -> list[str]:
    """The strings of ``hashes`` (a ``StringStore``'s keys), through :data:`_STRINGS`.

    Why: ``StringStore`` look-ups and text slices each build a new ``str`` per token; the
    same few thousand words recur in every document, and a dict look-up returns the stored
    string. A hash always names the same string, so the shared cache cannot go stale; it is
    emptied when it exceeds :data:`_STRING_CACHE_SIZE` entries (a long run over new words)."""
    cache = _STRINGS
    try:
        return list(map(cache.__getitem__, hashes))
    except KeyError:
        if len(cache) > _STRING_CACHE_SIZE:
            cache.clear()
            cache[0] = ""
        for h in hashes:
            if h not in cache:
                cache[h] = strings[h]
        return list(map(cache.__getitem__, hashes))


#: form, lemma and lower-case strings by hash, shared by all documents (see :func:`strings_of`)
_STRINGS: dict[int, str] = {0: ""}
_FIXED = frozenset(LEMMA_FIXES)


def _gestanden_fixed(words: list[str], lemmas: list[str]) -> list[str]:
    """``lemmas`` with *gestanden* read as *gestehen* where the context says so (see
    ``_GESTANDEN_HABEN``)."""
    out = list(lemmas)
    n = len(words)
    for k, w in enumerate(words):
        if w != "gestanden" or k + 1 >= n:
            continue
        nxt = words[k + 1]
        if (
            nxt == "ein"
            or (nxt == "," and k + 2 < n and words[k + 2] in _COMPLEMENTISERS)
            or (nxt == "," and k > 0 and words[k - 1] in _GESTANDEN_HABEN)
        ):
            out[k] = "gestehen"
    return out


_STRING_CACHE_SIZE = 300_000


R = TypeVar("R")


class UnitMemo(Generic[R]):
    """``fn(toks, *args)`` computed once per argument tuple for the latest unit's tokens.

    Why: several rules ask the same structural question of the same unit (the clause of a
    cue, its subject); about half of such calls repeat one already made. Keyed by the
    identity of the token list (a unit's list is built once and never changed; the memo
    holds a reference to it, so the identity cannot be reused) and keeps only the latest
    list, so it cannot grow or go stale. Limits: positional arguments only; a caller that
    changed a token list in place between two calls would get a stale answer (none does);
    not thread-safe (a spaCy component runs in one thread per process).
    """

    __slots__ = ("fn", "toks", "values")

    def __init__(self, fn: Callable[..., R]) -> None:
        self.fn = fn
        self.toks: Sequence[Tok] | None = None
        self.values: dict[tuple[Any, ...], R] = {}

    def __call__(self, toks: Sequence[Tok], *args: Any) -> R:
        if toks is not self.toks:
            self.toks = toks
            self.values = {}
        try:
            return self.values[args]
        except KeyError:
            value = self.values[args] = self.fn(toks, *args)
            return value
