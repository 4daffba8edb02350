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

_LAZY = {
    "current_scores": "medialens.validate.storage",
    "precision_note": "medialens.validate.report",
    "read_sheet": "medialens.validate.sheets",
    "write_sheet": "medialens.validate.sheets",
    "sample_items": "medialens.validate.sampling",
    "sample_articles": "medialens.validate.sampling",
    "score_sheets": "medialens.validate.scoring",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'medialens.validate' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
