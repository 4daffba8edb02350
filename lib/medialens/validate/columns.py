"""The coding-sheet contract: item kinds, column names and order, coder values.

Why one module: ``validate sample`` writes these columns, ``validate score`` checks and reads
them, and researchers' own scripts (and the issue that defined them) rely on the exact names
and order, in CSV and XLSX alike. Nothing here imports pandas (``--help`` stays fast).
"""

from __future__ import annotations

#: what can be sampled -> the store table it comes from
WHATS: tuple[str, ...] = ("quotes", "mentions", "scare_quotes", "framing")

#: columns every item row starts with, in this order
BASE_COLUMNS: tuple[str, ...] = (
    "item_id",
    "what",
    "article_id",
    "outlet",
    "date",
    "start",
    "end",
    "context_left",
    "item_text",
    "context_right",
)

#: the machine's labels per item kind (after the base columns)
LABEL_COLUMNS: dict[str, tuple[str, ...]] = {
    "quotes": (
        "kind",
        "speaker_text",
        "speaker_start",
        "speaker_end",
        "actor",
        "cue_text",
        "cue_start",
        "cue_end",
        "cue_category",
    ),
    "mentions": ("actor", "kind", "type"),
    "scare_quotes": (),
    "framing": ("frame", "term", "voice"),
}

#: the columns a coder fills with yes / no / unsure, per item kind
CODED_COLUMNS: dict[str, tuple[str, ...]] = {
    "quotes": ("quote_correct", "speaker_correct", "cue_correct", "kind_correct"),
    "mentions": ("correct",),
    "scare_quotes": ("correct",),
    "framing": ("correct",),
}

#: free-text coder columns, always last
CODER_COLUMNS: tuple[str, ...] = ("coder", "note")

#: the values allowed in a coded column (blank = not coded)
CODES: tuple[str, ...] = ("yes", "no", "unsure")

#: the coded column whose "yes" rows are the correct items (precision and recall of items)
PRIMARY: dict[str, str] = {w: CODED_COLUMNS[w][0] for w in WHATS}

#: coded columns with a recall from article sheets: the share of all true items (found or
#: missed) that the machine found *and* got right in this column
RECALL_COLUMNS: dict[str, tuple[str, ...]] = {
    "quotes": ("quote_correct", "speaker_correct", "cue_correct"),
    "mentions": ("correct",),
    "scare_quotes": ("correct",),
    "framing": ("correct",),
}

#: ``what`` values of the extra rows in an article sheet (recall)
ARTICLE_ROW = "article"  # the article's text (item_text), for reading
MISSED_ROW = "missed"  # a true item the machine missed: the coder writes its text

#: strata derived from the ``date`` column rather than read from a column
DERIVED_STRATA: tuple[str, ...] = ("year", "month")

#: sheet names in the XLSX workbook
ITEMS_SHEET = "items"
ARTICLES_SHEET = "articles"
INFO_SHEET = "instructions"


def sheet_columns(what: str) -> list[str]:
    """The columns of a coding sheet for ``what``, in their contract order."""
    if what not in WHATS:
        raise ValueError(f"unknown item kind {what!r}; valid: {', '.join(WHATS)}")
    return [*BASE_COLUMNS, *LABEL_COLUMNS[what], *CODED_COLUMNS[what], *CODER_COLUMNS]


def strata_choices(what: str) -> tuple[str, ...]:
    """Columns a sample of ``what`` can be stratified by."""
    return ("outlet", *DERIVED_STRATA, *(c for c in LABEL_COLUMNS[what] if not _is_offset(c)))


def default_strata(what: str) -> tuple[str, ...]:
    """``outlet,kind`` where the item has a kind (quotes, mentions), else ``outlet``."""
    return tuple(s for s in ("outlet", "kind") if s in strata_choices(what))


def _is_offset(column: str) -> bool:
    return column.endswith(("_start", "_end")) or column.endswith("_text")


class SheetError(ValueError):
    """A coding sheet is out of shape; the message names file, row and column."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:20]
        more = f"\n… and {len(problems) - len(shown)} more problem(s)" if len(problems) > 20 else ""
        super().__init__("\n".join(shown) + more)
