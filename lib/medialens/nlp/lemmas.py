"""Lookup lemmas for German (``spacy-lookups-data``), at a fraction of spaCy's per-token cost.

Why our own: spaCy's ``Lemmatizer`` in ``lookup`` mode does a Python call, a string
conversion and a table look-up for *every token* (``token.lemma_ = …``), which cost about a
third of the tokenizer's time. This component gives exactly the same lemmas — the same table
(``load_lookups("de", ["lemma_lookup"])``), the same fallback (a word missing from the table
is its own lemma) and the same ``overwrite`` rule (a lemma already set is kept unless
``overwrite``) — but reads the token ids with one ``Doc.to_array``, maps each distinct word
once (a dict from orth id to lemma id, kept across documents) and writes all lemmas with one
``Doc.from_array``.

Limits: lookup lemmas only (no part of speech, so *Weise* is always ``Weise``); the cache
grows with the vocabulary (one dict entry per distinct word seen: a few MB per 100k words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.lookups import Lookups, load_lookups
from spacy.tokens import Doc

#: the table name in ``spacy-lookups-data`` (as used by spaCy's lookup lemmatizer)
TABLE = "lemma_lookup"
LOOKUPS_FILE = "lookups.bin"


class LookupLemmatizer:
    """Set ``token.lemma`` from the lookup table, cached per orth id, one array op per doc."""

    def __init__(self, nlp: Language, name: str, *, overwrite: bool = False) -> None:
        self.vocab = nlp.vocab
        self.name = name
        self.overwrite = overwrite
        self.lookups: Lookups | None = None
        self._table: Any = None
        self._cache: dict[int, int] = {}

    # --- loading ---------------------------------------------------------------------------
    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lookups: Lookups | None = None,
    ) -> None:
        """Load the table from ``spacy-lookups-data`` (or use ``lookups`` if given)."""
        if lookups is None:
            lookups = load_lookups(lang=self.vocab.lang, tables=[TABLE])
        self._set(lookups)

    def _set(self, lookups: Lookups) -> None:
        if not lookups.has_table(TABLE):
            raise ValueError(
                f"{self.name}: the lookups have no {TABLE!r} table "
                f"(tables: {', '.join(lookups.tables) or 'none'})"
            )
        self.lookups = lookups
        self._table = lookups.get_table(TABLE)
        self._cache = {}

    def _ensure(self) -> None:
        if self._table is None:
            self.initialize()

    # --- lemmatizing -----------------------------------------------------------------------
    def _lemma_id(self, orth: int) -> int:
        """Lemma id for an orth id (spaCy's rule: the table's entry, else the word itself)."""
        result = self._table.get(orth, None)
        if result is None:
            lemma = orth
        else:
            if not isinstance(result, str):  # a list of lemmas: spaCy takes the first
                result = result[0]
            lemma = self.vocab.strings.add(result)
        self._cache[orth] = lemma
        return lemma

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        self._ensure()
        arr = doc.to_array([ORTH, LEMMA])
        cache = self._cache
        lookup = self._lemma_id
        lemmas = np.fromiter(
            (cache.get(o) or lookup(o) for o in arr[:, 0].tolist()), dtype="uint64", count=n
        )
        if not self.overwrite:
            kept = arr[:, 1] != 0
            if kept.any():
                lemmas[kept] = arr[kept, 1]
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    # --- serialisation ---------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the table, so that a saved pipeline reloads without ``spacy-lookups-data``."""
        self._ensure()
        assert self.lookups is not None
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        self.lookups.to_disk(folder, filename=LOOKUPS_FILE)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LookupLemmatizer:
        lookups = Lookups()
        lookups.from_disk(Path(path), filename=LOOKUPS_FILE)
        self._set(lookups)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        self._ensure()
        assert self.lookups is not None
        return self.lookups.to_bytes()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> LookupLemmatizer:
        self._set(Lookups().from_bytes(data))
        return self


@Language.factory("medialens_lemmatizer_v1", default_config={"overwrite": False})
def make_lemmatizer(nlp: Language, name: str, overwrite: bool) -> LookupLemmatizer:
    return LookupLemmatizer(nlp, name, overwrite=overwrite)
