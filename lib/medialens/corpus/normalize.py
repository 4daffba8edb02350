"""Text normalisation with an offset map back to the original (decoded) text.

Why: the same article arrives with different Unicode forms (decomposed umlauts), Windows line
breaks, non-breaking spaces, zero-width characters and stray control characters. Annotation
offsets must refer to one canonical text — the stored, normalised one — yet a tool that
highlights a quote in the original file needs to map back. :func:`normalize_text` therefore
returns the normalised text plus an :class:`OffsetMap` (normalised offset → original offset).

Steps, in order (all pure, no I/O):

1. removal of invisible characters: zero-width space/joiners, word joiner, BOM, soft hyphen,
   bidi marks and embeddings, and C0/C1 control characters other than tab and line breaks;
2. Unicode NFC (``unicodedata.normalize``), per cluster of a base character and its
   combining marks, so the map stays exact;
3. historical typography: the long s ``ſ`` → ``s`` and a vowel with a combining superscript
   e (U+0364, Fraktur's umlaut, kept by OCR and diplomatic transcriptions: ``uͤ``) → ``ü``,
   so that word lists and lemma tables written in modern letters apply (see
   :mod:`medialens.nlp.historical` for historical *spellings*, which stay as written);
4. whitespace: ``\\r\\n``/``\\r`` → ``\\n``; horizontal whitespace (tab, NBSP, thin spaces, …)
   runs → one space; spaces around line breaks dropped; a run of line breaks with at least one
   empty line → ``\\n\\n`` (paragraph break), a single line break stays ``\\n``;
5. leading and trailing whitespace of the whole text stripped.

Limits: NFC per cluster does not compose Hangul conjoining jamo sequences across base
characters (irrelevant for German news). HTML markup and entities are *not* touched: they are
text to this module. Offsets inside a removed or replaced run map to its first original
character.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import NamedTuple

#: Characters removed outright: zero-width, joiners, BOM, soft hyphen, bidi controls,
#: C0/C1 controls except tab (\t), line feed (\n), carriage return (\r), lone surrogates.
INVISIBLE = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    # lone surrogates (only possible via JSON "\\ud800" escapes): not encodable as UTF-8
    "\ud800-\udfff"
)
#: Horizontal whitespace: tab, space, NBSP, Unicode spaces (not line breaks).
HSPACE = "\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
#: Line breaks: CR, LF and the Unicode line/paragraph separators (and NEL, VT/FF are removed).
LINEBREAK = "\r\n\u2028\u2029"

_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]+")
# Whitespace that may need rewriting: any run of two or more whitespace characters, or a
# single one that is not a plain space or line feed. Single spaces and single "\n" (the vast
# majority) never reach Python, and every alternative starts with a character class, which
# keeps the regex scan fast.
_SPACE_RE = re.compile(
    f"[{HSPACE}{LINEBREAK}]{{2,}}|[{HSPACE.replace(' ', '')}{LINEBREAK.replace(chr(10), '')}]"
)
_BREAK_RE = re.compile("\r\n|[\r\n\u2028\u2029]")
_ANY_SPACE_RE = re.compile(rf"[\s{HSPACE}]+")


class Edit(NamedTuple):
    """One replacement: original ``[orig_start, orig_end)`` became ``[new_start, new_end)``."""

    orig_start: int
    orig_end: int
    new_start: int
    new_end: int


class OffsetMap:
    """Maps offsets of the normalised text back to offsets in the original text.

    Built from the edits of each normalisation step; mapping an offset walks the steps
    backwards (binary search per step), so it costs O(steps · log edits).
    """

    __slots__ = ("_steps",)

    def __init__(self, steps: list[list[Edit]] | None = None) -> None:
        self._steps: list[tuple[list[int], list[Edit]]] = [
            ([e.new_start for e in edits], edits) for edits in (steps or []) if edits
        ]

    @property
    def is_identity(self) -> bool:
        """True when normalisation changed nothing (offsets are equal)."""
        return not self._steps

    def to_original(self, offset: int) -> int:
        """The original offset of normalised ``offset`` (an end offset maps to an end)."""
        for starts, edits in reversed(self._steps):
            i = bisect_right(starts, offset) - 1
            if i < 0:
                continue
            e = edits[i]
            if offset >= e.new_end:
                offset = e.orig_end + (offset - e.new_end)
            else:
                offset = e.orig_start + min(offset - e.new_start, e.orig_end - e.orig_start)
        return offset

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span; an empty span stays empty."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        s = self.to_original(start)
        # max(): a whitespace-only span inside an expansion ("\u2029" → "\n\n") next to a
        # removed character would otherwise map to an inverted span.
        return s, max(s, self._end_to_original(end))

    def _end_to_original(self, end: int) -> int:
        # An end offset belongs to the character before it: characters removed right after a
        # span are not swallowed, and a span ending on a replacement ends where it ended.
        for starts, edits in reversed(self._steps):
            i = bisect_left(starts, end) - 1
            if i < 0:
                continue
            e = edits[i]
            # inside a replacement: cover all of it (a span never loses original characters)
            end = e.orig_end + max(0, end - e.new_end)
        return end


class Normalized(NamedTuple):
    text: str
    offsets: OffsetMap


def _sub_with_edits(
    pattern: re.Pattern[str],
    repl: Callable[[re.Match[str]], str],
    text: str,
    *,
    trim: bool = False,
) -> tuple[str, list[Edit]]:
    """Like ``pattern.sub(repl, text)`` but also returns the edits (changed matches only).

    ``trim``: an edit covers only what changed between a match and its replacement, without
    their common first and last characters. Why: NFC of a cluster may change its base and
    keep its marks (U+2000 EN QUAD + U+0300 → U+2002 EN SPACE + U+0300); an edit over the
    whole cluster would make a span that ends after the base cover the mark too.
    """
    out: list[str] = []
    edits: list[Edit] = []
    pos = 0
    shift = 0
    for m in pattern.finditer(text):
        new = repl(m)
        old = m.group()
        if new == old:
            continue
        start, end = m.span()
        out.append(text[pos:start])
        out.append(new)
        new_start = start + shift
        a, b_old, b_new = 0, len(old), len(new)
        if trim:
            while a < b_old and a < b_new and old[a] == new[a]:
                a += 1
            while b_old > a and b_new > a and old[b_old - 1] == new[b_new - 1]:
                b_old -= 1
                b_new -= 1
        edits.append(Edit(start + a, start + b_old, new_start + a, new_start + b_new))
        shift += len(new) - (end - start)
        pos = end
    if not edits:
        return text, edits
    out.append(text[pos:])
    return "".join(out), edits


_COMBINING_RUN_RE = re.compile(
    r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.S
)


def nfc_with_edits(text: str) -> tuple[str, list[Edit]]:
    """Unicode NFC with edits; fast path when the text is already NFC (the usual case)."""
    if unicodedata.is_normalized("NFC", text):
        return text, []
    # Normalise base + combining-mark clusters one by one so each edit is local; compatibility
    # singletons (e.g. U+212B ANGSTROM SIGN) are handled by a second, per-character pass.
    out, edits = _sub_with_edits(
        _COMBINING_RUN_RE, lambda m: unicodedata.normalize("NFC", m.group()), text, trim=True
    )
    if unicodedata.is_normalized("NFC", out):
        return out, edits
    out2, edits2 = _sub_with_edits(
        re.compile(r".", re.S), lambda m: unicodedata.normalize("NFC", m.group()), out
    )
    return out2, _compose(edits, edits2)


def _compose(first: list[Edit], second: list[Edit]) -> list[Edit]:
    """Edits of two successive steps as one step (only used for the rare NFC fallback)."""
    if not first:
        return second
    if not second:
        return first
    m1 = OffsetMap([first])
    return [
        Edit(m1.to_original(e.orig_start), m1.to_original(e.orig_end), e.new_start, e.new_end)
        for e in second
    ]


#: combining small letter e above (U+0364), as in OCR and diplomatic transcriptions of Fraktur
SUPER_E = "\u0364"
_UMLAUT = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}
#: the long s, and a vowel followed by the superscript e (the Fraktur umlaut): what
#: :func:`modern_letter` replaces (also used for lemma look-ups, :mod:`medialens.nlp.historical`)
HISTORICAL_TYPOGRAPHY = re.compile(f"ſ|[aouAOU]{SUPER_E}")


def modern_letter(match: re.Match[str]) -> str:
    """The modern letter of a :data:`HISTORICAL_TYPOGRAPHY` match (``ſ`` → ``s``, ``uͤ`` → ``ü``)."""
    found = match.group()
    return "s" if found == "ſ" else _UMLAUT[found[0]]


def _space_repl(m: re.Match[str]) -> str:
    run = m.group()
    breaks = len(_BREAK_RE.findall(run))
    if not breaks:
        return " "
    return "\n\n" if breaks >= 2 or "\u2029" in run else "\n"


def _strip_with_edits(text: str) -> tuple[str, list[Edit]]:
    """Strip the spaces/line breaks left at both ends (after the whitespace step)."""
    start = len(text) - len(text.lstrip(" \n"))
    if start == len(text):
        return "", [Edit(0, len(text), 0, 0)] if text else []
    end = len(text.rstrip(" \n"))
    edits = []
    if start:
        edits.append(Edit(0, start, 0, 0))
    if end < len(text):
        edits.append(Edit(end, len(text), end - start, end - start))
    return (text[start:end], edits) if edits else (text, edits)


def normalize_text(text: str) -> Normalized:
    """Normalise an article body (see module docstring); returns text and offset map."""
    steps: list[list[Edit]] = []
    # Invisible characters go first: "a\u200b\u0301" must compose to "á" under NFC.
    text, edits = _sub_with_edits(_INVISIBLE_RE, lambda m: "", text)
    steps.append(edits)
    text, edits = nfc_with_edits(text)
    steps.append(edits)
    if "ſ" in text or SUPER_E in text:
        text, edits = _sub_with_edits(HISTORICAL_TYPOGRAPHY, modern_letter, text)
        steps.append(edits)
    text, edits = _sub_with_edits(_SPACE_RE, _space_repl, text)
    steps.append(edits)
    text, edits = _strip_with_edits(text)
    steps.append(edits)
    return Normalized(text, OffsetMap(steps))


def normalize_line(text: str | None) -> str | None:
    """Normalise a one-line field (title, credit, outlet): like the body, then every
    whitespace run (line breaks included) becomes one space. Empty → ``None``."""
    if text is None:
        return None
    text = str(text)
    if (
        not _LINE_DIRTY_RE.search(text)
        and text == text.strip()
        and unicodedata.is_normalized("NFC", text)
    ):
        return text or None  # already clean (the usual case): skip the full pass
    out = normalize_text(text).text
    out = _ANY_SPACE_RE.sub(" ", out).strip()
    return out or None


_LINE_DIRTY_RE = re.compile(f"[{INVISIBLE}{HSPACE.replace(' ', '')}{LINEBREAK}]|  ")
_WORD_SLICE = 1 << 20
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def count_words(text: str) -> int:
    """Words for per-1,000-words rates: runs of letters/digits, hyphen/apostrophe compounds
    counted once (``NATO-Truppen`` = 1). Punctuation and numbers-with-dots split as written."""
    if len(text) <= _WORD_SLICE:
        return len(_WORD_RE.findall(text))
    # Very long texts: count slice by slice (cut at whitespace) to keep memory flat.
    total, pos = 0, 0
    while pos < len(text):
        cut = text.find(" ", pos + _WORD_SLICE)
        end = len(text) if cut < 0 else cut
        total += len(_WORD_RE.findall(text, pos, end))
        pos = end
    return total
