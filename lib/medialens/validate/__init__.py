"""Validation on the user's own corpus: sample annotations, code them by hand, score.

``medialens validate sample`` writes a coding sheet (XLSX or CSV) with a reproducible
stratified random sample (:mod:`.sampling`, :mod:`.sheets`); ``medialens validate score``
reads the coded sheets and computes precision with Wilson intervals, recall from article
sheets and agreement between coders (:mod:`.scoring`), and keeps the score with the snapshot
id and codebook hash it was measured on (:mod:`.storage`). :mod:`.report` shows the scores in
the notebooks. The column names are a contract: :mod:`.columns`.

Importing this package is cheap (no pandas): the command line imports the modules it needs.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "current_scores",
    "precision_note",
    "read_sheet",
    "sample_articles",
    "sample_items",
    "score_sheets",
    "write_sheet",
]


def __getattr__(name: str) -> Any:
    """The public functions on first use (each module pulls in pandas or openpyxl)."""
    if name == "current_scores":
        from medialens.validate.storage import current_scores

        return current_scores
    if name == "precision_note":
        from medialens.validate.report import precision_note

        return precision_note
    if name in ("read_sheet", "write_sheet"):
        from medialens.validate import sheets

        return getattr(sheets, name)
    if name in ("sample_items", "sample_articles"):
        from medialens.validate import sampling

        return getattr(sampling, name)
    if name == "score_sheets":
        from medialens.validate.scoring import score_sheets

        return score_sheets
    raise AttributeError(f"module 'medialens.validate' has no attribute {name!r}")
