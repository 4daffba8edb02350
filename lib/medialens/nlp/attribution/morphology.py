"""Full-form German noun morphology (gender, case, number, name class) from a compact lexicon.

Why: the lookup lemma table says nothing about gender, case or number, and German
capitalises every noun, so a rule cannot tell a name (*Xinhua*, *Müntefering*) from a common
noun (*Proteste*, *Anzahl*) or a feminine role noun (*die Ministerin*) from a masculine one
without a lexicon. This module answers those questions for single word forms.

Resource: ``data/german_nouns.tsv.gz``, derived by ``scripts/build_morphology.py`` from
``german-nouns`` 1.2.5 (German Wiktionary, CC BY-SA 4.0; the derived file keeps that licence,
see ``data/README.md``): about 258,000 word forms of about 100,000 nouns, each with a bit set
of gender, the case/number cells it fills, and whether the lemma is a common noun or a first
name, surname, place name or other proper name.

Cost: loaded once per process on first use (about 60 ms, 5 MB: the decompressed bytes and an
offset array; no per-form Python objects); a lookup is a binary search (about 20 byte-slice
comparisons), used only on speaker candidates, never per token.

Limits: forms are case-sensitive as in running text (*Sprecherin*, not *sprecherin*);
compounds missing from Wiktionary are looked up by their longest known tail (*Bundesfinanz-
ministerin* -> *ministerin*) via :func:`analyse`; names have no gender in the source.
"""

from __future__ import annotations

import gzip
from array import array
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

LEXICON_PATH = Path(__file__).with_name("data") / "german_nouns.tsv.gz"

#: gender bits (a noun may have several: *der/das Virus*)
MASC, FEM, NEUT = 1, 2, 4
GENDER_BITS: dict[str, int] = {"m": MASC, "f": FEM, "n": NEUT}
CASES: tuple[str, ...] = ("nominativ", "genitiv", "dativ", "akkusativ")
#: name classes of the lemma (bits above the case cells)
FIRST_NAME, SURNAME, TOPONYM, OTHER_NAME, COMMON = 1 << 11, 1 << 12, 1 << 13, 1 << 14, 1 << 15
#: a nominalised adjective (*der/die Vorsitzende*, *Abgeordnete*, *Beamte*)
ADJECTIVAL = 1 << 16
NAME_BITS = FIRST_NAME | SURNAME | TOPONYM | OTHER_NAME


def case_bit(case: str, plural: bool) -> int:
    """The bit of one case/number cell (bits 3-10: nominative sg, pl, genitive sg, pl, …)."""
    return 1 << (3 + CASES.index(case) * 2 + (1 if plural else 0))


SINGULAR_BITS = sum(case_bit(c, False) for c in CASES)
PLURAL_BITS = sum(case_bit(c, True) for c in CASES)
NOMINATIVE_BITS = case_bit("nominativ", False) | case_bit("nominativ", True)


class NounInfo(NamedTuple):
    """What the lexicon knows about one word form."""

    code: int

    @property
    def common(self) -> bool:
        """A common noun (*Protest*, *Ministerin*), possibly also a name (*Müller*)."""
        return bool(self.code & COMMON)

    @property
    def name(self) -> bool:
        """A first name, surname, place or other proper name (*Angela*, *Schmidt*, *Bonn*)."""
        return bool(self.code & NAME_BITS)

    @property
    def adjectival(self) -> bool:
        return bool(self.code & ADJECTIVAL)

    @property
    def genders(self) -> int:
        return self.code & (MASC | FEM | NEUT)

    @property
    def singular(self) -> bool:
        return bool(self.code & SINGULAR_BITS)

    @property
    def plural(self) -> bool:
        return bool(self.code & PLURAL_BITS)

    @property
    def nominative(self) -> bool:
        return bool(self.code & NOMINATIVE_BITS)


#: bound of a lexicon's lookup memo (entries; a few MB)
_MEMO_SIZE = 65_536


class NounLexicon:
    """Sorted ``form<TAB>code`` lines kept as one bytes object with a line-offset array."""

    def __init__(self, data: bytes) -> None:
        if data and not data.endswith(b"\n"):
            data += b"\n"
        self._data = data
        # line starts: 0 and every position after a newline but the last (numpy: ~10 ms)
        ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10) + 1
        starts = np.concatenate(([0], ends[:-1])).astype(np.uint32)
        self._offsets = array("I")
        self._offsets.frombytes(starts.tobytes())
        #: lookups already made (the binary search costs ~20 slices per word; news repeats
        #: its words), cleared when it reaches ``_MEMO_SIZE`` so memory stays bounded
        self._memo: dict[str, NounInfo | None] = {}

    def __len__(self) -> int:
        return len(self._offsets)

    @classmethod
    def load(cls, path: Path = LEXICON_PATH) -> NounLexicon:
        """Read a (gzipped) lexicon file; a missing file is a clear error."""
        if not path.is_file():
            raise FileNotFoundError(
                f"{path}: noun lexicon missing (build it with scripts/build_morphology.py)"
            )
        raw = path.read_bytes()
        return cls(gzip.decompress(raw) if path.suffix == ".gz" else raw)

    def _key(self, i: int) -> bytes:
        a = self._offsets[i]
        return self._data[a : self._data.index(b"\t", a)]

    def lookup(self, form: str) -> NounInfo | None:
        """The analysis of an exact word form, or None when the lexicon lacks it."""
        memo = self._memo
        try:
            return memo[form]
        except KeyError:
            pass
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        info = memo[form] = self._search(form)
        return info

    def _search(self, form: str) -> NounInfo | None:
        key = form.encode("utf-8")
        lo, hi = 0, len(self._offsets)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._key(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self._offsets) and self._key(lo) == key:
            a = self._offsets[lo] + len(key) + 1
            return NounInfo(int(self._data[a : self._data.index(b"\n", a)]))
        return None


@lru_cache(maxsize=1)
def lexicon() -> NounLexicon:
    """The shipped lexicon, loaded once per process."""
    return NounLexicon.load()


#: shortest tail of a compound that is looked up on its own (*…ministerin*, *…sprecher*)
_MIN_TAIL = 4


@lru_cache(maxsize=32_768)
def analyse(form: str) -> NounInfo | None:
    """Analysis of a capitalised word form; an unknown compound falls back to its longest
    known tail, capitalised (*Regierungssprecherin* -> *Sprecherin*), hyphenated compounds
    to their last part (*SPD-Chef* -> *Chef*). A tail analysis is marked common only."""
    lex = lexicon()
    info = lex.lookup(form)
    if info is not None:
        return info
    if "-" in form:
        tail = form.rsplit("-", 1)[1]
        if tail[:1].isupper():
            info = lex.lookup(tail)
            return NounInfo(info.code & ~NAME_BITS | COMMON) if info and info.common else None
    for k in range(1, len(form) - _MIN_TAIL + 1):
        tail = form[k:]
        if not tail.isalpha():
            continue
        info = lex.lookup(tail[0].upper() + tail[1:])
        if info is not None and info.common:
            return NounInfo(info.code & ~NAME_BITS | COMMON)
    return None
