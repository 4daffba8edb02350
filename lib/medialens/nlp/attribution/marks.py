"""Pair German and typographic quotation marks into quoted regions (character offsets).

Why a small state machine instead of one regex: German news mixes »…«, „…“, „…”, "…",
‚…‘, ›…‹ and Swiss «…», nests them, continues a quotation over paragraphs (each new paragraph
re-opens with the mark, only the last one closes) and sometimes forgets a closing mark. The
scanner keeps a stack of open marks; a closing mark closes the nearest matching opener (inner
unclosed marks are dropped); at a paragraph break every open quotation is dropped unless the
next paragraph re-opens with the same mark. So an unbalanced mark never swallows the rest of the
article.

Two commas before a word (``,,Wir kommen"``), the typewriter and OCR stand-in for ``„`` in
older text, open a quotation like ``„``; the region starts at the second comma.

Limits: straight ``"`` is decided by its neighbours (space before = opening); ``’`` closes a
single quotation only when one is open (otherwise it is an apostrophe); the guillemet direction
(»…« German vs «…» Swiss/French) is decided by the first guillemet of the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_MARKS = re.compile(r"[„“”\"»«‚‘’›‹]|,,(?=[^\s,])|\n[ \t\r]*\n")
#: ``_MARKS``'s three alternatives, searched one by one (see :func:`_mark_matches`)
_MARK_CHARS = re.compile(r"[„“”\"»«‚‘’›‹]")
_DOUBLE_COMMA = re.compile(r",,(?=[^\s,])")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


def _mark_matches(text: str) -> list[re.Match[str]]:
    """The matches of ``_MARKS.finditer(text)``, from three searches merged by position.

    Why: the alternation makes the regex engine try every position of the article; the
    character class alone, the literal ``,,`` and the literal ``\n`` are found by fast skips
    (together about 40 % of the time). The same matches: the three kinds cannot overlap (a
    paragraph break holds only white space, ``,,`` only commas).
    """
    found = list(_MARK_CHARS.finditer(text))
    if ",," in text:
        found += _DOUBLE_COMMA.finditer(text)
    if "\n" in text:
        found += _PARAGRAPH_BREAK.finditer(text)
    found.sort(key=_match_start)
    return found


def _match_start(m: re.Match[str]) -> int:
    return m.start()


#: opening kinds and the characters that close them
_CLOSERS: dict[str, str] = {
    "low": '“”"',  # „…“  „…”  „…"
    "eng": '”"',  # “…”
    "str": '"',  # "…"
    "gui": "«",  # »…«
    "fgui": "»",  # «…»
    "low1": "‘’",  # ‚…‘
    "eng1": "’",  # ‘…’
    "sgui": "‹",  # ›…‹
    "fsgui": "›",  # ‹…›
}


class QuotedRegion(NamedTuple):
    """A quotation: ``[start, end)`` includes the marks; ``depth`` 0 = outermost."""

    start: int
    end: int
    depth: int
    opener: str

    @property
    def inner(self) -> tuple[int, int]:
        return (self.start + 1, self.end - 1)


def _space_or_start(text: str, i: int) -> bool:
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{–—-/„»«‚›:"


def _space_or_end(text: str, i: int) -> bool:
    return i + 1 >= len(text) or not text[i + 1].isalnum()


def find_quoted_regions(text: str) -> list[QuotedRegion]:
    """All balanced quotations in ``text``, sorted by start; unbalanced marks are ignored."""
    # the first guillemet decides: Swiss/French «…» when a « comes before any »
    # (two ``str.find`` instead of a character-class search over the whole text)
    first_left = text.find("«")
    guillemet_german = first_left < 0 or text.find("»", 0, first_left) >= 0
    stack: list[tuple[str, int, str]] = []  # (kind, position, char)
    out: list[QuotedRegion] = []
    skip_at = -1  # position of the re-opening mark of a quotation continued over a paragraph
    for m in _mark_matches(text):
        ch = m.group()
        i = m.start()
        if ch[0] == "\n":
            # paragraph break: keep the outermost quotation open only if the next paragraph
            # re-opens it with the same mark (German convention for multi-paragraph quotes)
            nxt = m.end()
            if stack and nxt < len(text) and text[nxt] == stack[0][2]:
                del stack[1:]
                skip_at = nxt
            else:
                stack.clear()
            continue
        if i == skip_at:
            continue
        if ch == ",,":
            # two commas for „ (typewriter, OCR of older print): the second comma is the mark
            if _space_or_start(text, i):
                stack.append(("low", i + 1, ch))
            continue
        kind = _classify(text, i, ch, stack, guillemet_german)
        if kind is None:
            continue
        role, k = kind
        if role == "open":
            stack.append((k, i, ch))
            continue
        # closing: find the nearest opener this character closes
        for j in range(len(stack) - 1, -1, -1):
            if ch in _CLOSERS[stack[j][0]]:
                _ok, pos, och = stack[j]
                out.append(QuotedRegion(pos, i + 1, j, och))
                del stack[j:]
                break
    out.sort()
    if any(r.depth for r in out):
        out = _containment_depths(out)
    return out


def _containment_depths(regions: list[QuotedRegion]) -> list[QuotedRegion]:
    """The depth of each region as the number of found regions around it.

    The stack index at closing time counts openers that are never closed too: one
    forgotten closing mark (frequent in older print and its transcriptions, which have
    few paragraph breaks to reset the stack) made every later quotation of the article
    a nested one, so no rule read it as a quotation of its own (*Weiter sagt die
    „Zeitung“: „…“* after an unclosed *„* further up). ``regions`` is sorted by start.
    """
    out: list[QuotedRegion] = []
    ends: list[int] = []  # ends of the regions that contain the current start
    for r in regions:
        while ends and ends[-1] <= r.start:
            ends.pop()
        out.append(r if r.depth == len(ends) else r._replace(depth=len(ends)))
        ends.append(r.end)
    return out


def _classify(
    text: str, i: int, ch: str, stack: list[tuple[str, int, str]], german: bool
) -> tuple[str, str] | None:
    """Return ("open", kind) / ("close", "") or None for a mark to ignore."""
    top = stack[-1][0] if stack else None
    open_kinds = {k for k, _, _ in stack}
    if ch == "„":
        return ("open", "low")
    if ch == "“":
        if top in ("low",) or "low" in open_kinds:
            return ("close", "")
        if _space_or_start(text, i) and i + 1 < len(text) and not text[i + 1].isspace():
            return ("open", "eng")
        return None
    if ch == "”":
        return ("close", "") if open_kinds & {"low", "eng"} else None
    if ch == '"':
        opener_like = _space_or_start(text, i) and i + 1 < len(text) and not text[i + 1].isspace()
        if top in ("str", "low", "eng"):
            if opener_like and top == "str" and not _space_or_end(text, i):
                return ("open", "str")
            return ("close", "")
        if opener_like:
            return ("open", "str")
        return ("close", "") if open_kinds & {"str", "low", "eng"} else None
    if ch == "»":
        return ("open", "gui") if german else ("close", "")
    if ch == "«":
        return ("close", "") if german else ("open", "fgui")
    if ch == "›":
        return ("open", "sgui") if german else ("close", "")
    if ch == "‹":
        return ("close", "") if german else ("open", "fsgui")
    if ch == "‚":
        if i + 1 < len(text) and not text[i + 1].isspace():
            return ("open", "low1")
        return None
    if ch == "‘":
        if open_kinds & {"low1"}:
            return ("close", "")
        if _space_or_start(text, i) and i + 1 < len(text) and text[i + 1].isalnum():
            return ("open", "eng1")
        return None
    if ch == "’":
        if open_kinds & {"low1", "eng1"} and _space_or_end(text, i):
            return ("close", "")
        return None
    return None
