"""Lists of quoted words: a list of titles and names, or a list of words set apart?

Why a module of its own: :func:`.scare.classify_quoted` reads a quotation joined to a
neighbouring quotation by a comma, *und* or *oder* outside a speech context as a member of a
list of titles or names (*die Gemälde „Madonna“ und „Der Schrei“*, *die Anlagen „Parchin“ und
„Lavisan II“*). That is right for titles and names, but a list of plain German nouns in
quotation marks without a class noun before it (*Rap über „Homos“, „Penner“ und „Schlampen“*,
*entstanden vermehrt „Sonderklassen“ und „Sonderschulen“*) is the author setting several
words apart: slurs, period terms, euphemisms. Names of works and organisations rarely are
single ordinary nouns all of them; and a list that is a list of names of a class is announced
by the class noun (*die Kategorien „Technik“, „Sport“ und „Kultur“*, *die Zeitschriften
„Stern“ und „Spiegel“*).

Cost: a regular-expression scan of some 300 characters around the quotation and one cached
lexicon look-up per member, only for quotations the extractor found in a list.
"""

from __future__ import annotations

import re

from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.scarecues import known_common_noun

#: a quoted span (marks included) inside the window around a list
_QUOTED = re.compile(r"[„\"»«‚]([^„“”\"»«‚‘\n]{1,80})[“”\"«»‘]")
#: what joins two members of a list (*„A“, „B“ und „C“*, *„A“ oder „B“*, *„A“ sowie „B“*)
_JOINER = re.compile(r"\s*(?:,\s*)?(?:und|oder|sowie)?\s*")
#: a member that can be a plain noun: one word, capitalised, letters and inner hyphens
_NOUN_WORD = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜa-zäöüß][a-zäöüß]+)*$")
_WINDOW = 300


def _members(text: str, r: QuotedRegion) -> list[tuple[int, int, str]] | None:
    """The quoted members ``(start, end, inner)`` of the list that holds ``r`` (``None``
    when ``r`` is not found in the window or the list has fewer than two members)."""
    lo = max(0, r.start - _WINDOW)
    found = [
        (lo + m.start(), lo + m.end(), m.group(1))
        for m in _QUOTED.finditer(text[lo : min(len(text), r.end + _WINDOW)])
    ]
    at = next((k for k, (s, _, _) in enumerate(found) if s == r.start), None)
    if at is None:
        return None

    def joined(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
        gap = text[a[1] : b[0]]
        return bool(gap.strip()) and _JOINER.fullmatch(gap) is not None

    first = at
    while first > 0 and joined(found[first - 1], found[first]):
        first -= 1
    last = at
    while last + 1 < len(found) and joined(found[last], found[last + 1]):
        last += 1
    return found[first : last + 1] if last > first else None


def common_noun_list(text: str, r: QuotedRegion) -> bool:
    """Is ``r`` a member of a list of quoted plain German nouns that no class noun announces
    (*Rap über „Homos“, „Penner“ und „Schlampen“*)? Then the list sets words apart and is no
    list of names.

    Every member must be one capitalised word that the noun lexicon knows as a common noun
    (itself or by a compound tail), and the word before the first member must not be a
    capitalised word (a class noun: *die Klassen „Kinder“ und „Jugendliche“*; at the start
    of a sentence nothing is known, and the list counts as names).

    Limits: a list of newspapers or works whose names are plain nouns without a class noun
    (*liest „Stern“ und „Spiegel“*) is read as words set apart; a sentence-initial list is
    always read as names.
    """
    members = _members(text, r)
    if not members:
        return False
    if not all(_NOUN_WORD.match(inner) and known_common_noun(inner) for _, _, inner in members):
        return False
    before = text[max(0, members[0][0] - 40) : members[0][0]].split()
    if not before:
        return False
    if before[-1][-1:] in ".!?:":
        return False  # the list opens a sentence (or follows a colon): a capital says nothing
    word = before[-1].strip(",;()")
    return bool(word) and word[:1].islower()
