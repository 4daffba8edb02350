"""spaCy component ``medialens_quotes_v1``: quotations, speakers, cues and scare quotes.

Why a thin class: the rules live in pure functions (:mod:`medialens.nlp.attribution`); the
component only holds the reporting-verb index (loaded in ``initialize`` from the codebook,
saved with ``to_disk`` so a saved pipeline reloads without the codebook file) and sets
``doc._.ml_quotes`` / ``doc._.ml_scare_quotes``. Needs sentence boundaries and lemmas (the
default pipeline's ``sentences`` and lookup ``lemmatizer``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from medialens.nlp import extensions  # noqa: F401  (registers Doc._.ml_quotes)
from medialens.nlp.attribution.extract import extract_attributions
from medialens.nlp.attribution.lexicon import CueIndex, CueSense, load_cue_index


class QuotesComponent:
    """Set ``doc._.ml_quotes`` and ``doc._.ml_scare_quotes`` (see :func:`extract_attributions`)."""

    def __init__(self, nlp: Language, name: str, codebook: str = "") -> None:
        self.name = name
        self.codebook = codebook
        self.index: CueIndex | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
    ) -> None:
        """Load the reporting-verb lexicon (``codebook`` path, "" = bundled)."""
        self.index = load_cue_index(self.codebook or None)

    def __call__(self, doc: Doc) -> Doc:
        if self.index is None:
            self.initialize()
        assert self.index is not None
        quotes, scare = extract_attributions(doc, self.index)
        doc._.ml_quotes = quotes
        doc._.ml_scare_quotes = scare
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.index is None:
            self.initialize()
        assert self.index is not None
        by_base = {k: [list(s) for s in v] for k, v in self.index.by_base.items()}
        nouns = {k: list(s) for k, s in self.index.nouns.items()}
        data = {
            "source": self.index.source,
            "by_base": by_base,
            "forms": dict(self.index.forms),
            "nouns": nouns,
        }
        (path / "cues.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuotesComponent:
        path = ensure_path(path) / "cues.json"
        if not path.is_file():
            raise ValueError(f"{path}: missing the saved reporting-verb index of {self.name!r}")
        data = json.loads(path.read_text(encoding="utf-8"))

        def sense(row: list[Any]) -> CueSense:
            return CueSense(*row[:4], *(tuple(r) for r in row[4:]))

        self.index = CueIndex(
            {k: tuple(sense(row) for row in rows) for k, rows in data["by_base"].items()},
            data["source"],
            data.get("forms", {}),
            {k: sense(row) for k, row in data.get("nouns", {}).items()},
        )
        return self


@Language.factory("medialens_quotes_v1", default_config={"codebook": ""})
def make_quotes(nlp: Language, name: str, codebook: str) -> QuotesComponent:
    return QuotesComponent(nlp, name, codebook)
