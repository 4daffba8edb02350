"""Lookup lemmas for German (``spacy-lookups-data``), at a fraction of spaCy's per-token cost.

Why our own: spaCy's ``Lemmatizer`` in ``lookup`` mode does a Python call, a string
conversion and a table look-up for *every token* (``token.lemma_ = …``), which cost about a
third of the tokenizer's time. This component gives exactly the same lemmas — the same table
(``load_lookups("de", ["lemma_lookup"])``), the same fallback (a word missing from the table
is its own lemma) and the same ``overwrite`` rule (a lemma already set is kept unless
``overwrite``) — but reads the token ids with one ``Doc.to_array``, maps each distinct word
once (a dict from orth id to lemma id, kept across documents, read through a sorted array
snapshot so that known words need no Python object per token) and writes all lemmas with one
``Doc.from_array``.

Loading: ``initialize`` reads the table's JSON from ``spacy-lookups-data`` into a plain
``str -> lemma`` dict (0.3 s) instead of a spaCy ``Lookups`` table, whose construction hashes
all 355,000 German keys one by one (1.3 s more, paid by every worker process of
``medialens process --n-process``). A token's entry is then found by its text instead of its
hash: the same entry, since a table keyed by hash maps ``hash(text)`` to the value stored
under ``text``. The ``Lookups`` object is built only when the pipeline is saved
(``to_disk``, ``to_bytes``); a pipeline loaded from disk uses the saved (hash-keyed) table.

Two extensions for words the table does not have (``respell=True``, the default; with
``respell=False`` the lemmas equal spaCy's exactly):

* a historical spelling (*theilte, protestirte, sey, daß, ſagte*) gets the lemma of its modern
  respelling if the table knows that (:mod:`medialens.nlp.historical`), so the reporting verbs
  and Konjunktiv forms of older newspaper text are recognised;
* a lower-case ``stem + e`` whose ``stem + en`` is a lemma of the table gets that verb (*lehne,
  stelle, rufe, betrage*: 1st person and Konjunktiv I forms the table lacks, mostly because
  the capitalised word is a noun: *Lehne, Stelle*), so *die Partei lehne den Antrag ab* is
  Konjunktiv. On the 1,878 news texts of ../shared this changes 254 of 645,000 tokens
  (60 word forms, all verb forms but *bitte*, *daß* and English *that*).

Neither touches a stop word or a word the table has.

Limits: lookup lemmas only (no part of speech, so *Weise* is always ``Weise``); the cache
grows with the vocabulary (one dict entry per distinct word seen: a few MB per 100k words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, ORTH
from spacy.lang.de.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.lookups import Lookups, load_lookups
from spacy.tokens import Doc
from spacy.util import load_language_data, registry

from medialens.nlp.historical import might_be_historical, respellings

#: the table name in ``spacy-lookups-data`` (as used by spaCy's lookup lemmatizer)
TABLE = "lemma_lookup"
LOOKUPS_FILE = "lookups.bin"


class LookupLemmatizer:
    """Set ``token.lemma`` from the lookup table, cached per orth id, one array op per doc."""

    def __init__(
        self, nlp: Language, name: str, *, overwrite: bool = False, respell: bool = True
    ) -> None:
        self.vocab = nlp.vocab
        self.name = name
        self.overwrite = overwrite
        self.respell = respell
        self._lookups: Lookups | None = None
        self._table: Any = None  # hash-keyed spaCy table (from ``Lookups``), or
        self._words: dict[str, Any] | None = None  # the same data keyed by text
        self._cache: dict[int, int] = {}
        self._lemma_set: frozenset[str] | None = None
        #: (the cache dict, its sorted orth ids, their lemma ids): see :meth:`__call__`
        self._snap: tuple[dict[int, int], np.ndarray, np.ndarray] | None = None

    # --- loading ---------------------------------------------------------------------------
    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lookups: Lookups | None = None,
    ) -> None:
        """Load the table from ``spacy-lookups-data`` (or use ``lookups`` if given)."""
        if lookups is not None:
            self._set(lookups)
            return
        words = _package_table(self.vocab.lang)
        if words is None:  # no data package entry: let spaCy raise its own clear error
            self._set(load_lookups(lang=self.vocab.lang, tables=[TABLE]))
            return
        self._lookups = None
        self._table = None
        self._words = words
        self._cache = {}
        self._lemma_set = None

    def _set(self, lookups: Lookups) -> None:
        if not lookups.has_table(TABLE):
            raise ValueError(
                f"{self.name}: the lookups have no {TABLE!r} table "
                f"(tables: {', '.join(lookups.tables) or 'none'})"
            )
        self._lookups = lookups
        self._table = lookups.get_table(TABLE)
        self._words = None
        self._cache = {}
        self._lemma_set = None

    @property
    def lookups(self) -> Lookups | None:
        """The table as spaCy ``Lookups`` (built from the dict on first access; ``None``
        before ``initialize``)."""
        if self._lookups is None and self._words is not None:
            lookups = Lookups()
            lookups.add_table(TABLE, self._words)
            self._lookups = lookups
        return self._lookups

    def _ensure(self) -> None:
        if self._table is None and self._words is None:
            self.initialize()

    # --- lemmatizing -----------------------------------------------------------------------
    def _lemma_id(self, orth: int) -> int:
        """Lemma id for an orth id (spaCy's rule: the table's entry, else the word itself;
        for a word missing from the table, first its modern spelling's lemma, if any)."""
        word = self.vocab.strings[orth]
        result = self._entry(word)
        if result is None and self.respell and word.lower() not in STOP_WORDS:
            if might_be_historical(word):
                result = self._modern_lemma(word)
            if result is None:
                result = self._verb_e_form(word)
        if result is None:
            lemma = orth
        else:
            if not isinstance(result, str):  # a list of lemmas: spaCy takes the first
                result = result[0]
            lemma = self.vocab.strings.add(result)
        self._cache[orth] = lemma
        return lemma

    def _entry(self, word: str) -> Any:
        if self._words is not None:
            return self._words.get(word)
        return self._table.get(word, None)  # a spaCy ``Table`` hashes a string key

    def _modern_lemma(self, word: str) -> str | None:
        """The lemma of the first modern respelling of ``word`` that the table knows, as an
        inflected form (its entry) or as a lemma (a value); see :mod:`medialens.nlp.historical`."""
        for cand in respellings(word):
            result = self._entry(cand)
            if result is not None:
                return result
            if cand in self._known_lemmas():
                return cand
        return None

    def _verb_e_form(self, word: str) -> str | None:
        """*lehne, stelle, rufe*: a lower-case ``stem + e`` missing from the table whose
        ``stem + en`` is a lemma of the table is that verb (the table lacks some 1st person and
        Konjunktiv I forms whose capitalised twin is a noun: *Lehne, Stelle*)."""
        if len(word) > 3 and word[-1] == "e" and word[0].islower():
            verb = word + "n"
            if verb in self._known_lemmas():
                return verb
        return None

    def _known_lemmas(self) -> frozenset[str]:
        """Every lemma the table maps to (built on first use: only historical spellings ask)."""
        if self._lemma_set is None:
            table = self._words if self._words is not None else self._table
            self._lemma_set = frozenset(
                v if isinstance(v, str) else v[0] for v in table.values() if v
            )
        return self._lemma_set

    def _snapshot(self) -> tuple[dict[int, int], np.ndarray, np.ndarray]:
        """The cache as two sorted ``uint64`` arrays (orth ids, lemma ids), for a vectorised
        look-up of a document's tokens; tied to the cache dict it was taken of."""
        cache = self._cache
        keys = np.fromiter(cache.keys(), dtype="uint64", count=len(cache))
        vals = np.fromiter(cache.values(), dtype="uint64", count=len(cache))
        order = np.argsort(keys, kind="stable")
        self._snap = (cache, keys[order], vals[order])
        return self._snap

    def __call__(self, doc: Doc) -> Doc:
        """Why arrays: turning every token's 64-bit orth id into a Python int and looking it up
        in a dict cost as much as the rest of the component; the ids are looked up in a sorted
        snapshot of the cache (``searchsorted``), only the ids missing from it go through the
        dict (and the table). The snapshot is retaken when the dict has grown by half since,
        so the cost of retaking it stays proportional to the words added."""
        n = len(doc)
        if not n:
            return doc
        self._ensure()
        arr = doc.to_array([ORTH, LEMMA])
        orths = arr[:, 0]
        cache = self._cache
        snap = self._snap
        if snap is None or snap[0] is not cache:
            snap = self._snapshot()
        _, keys, vals = snap
        # every token's id searched as it is: a binary search per token costs less than
        # sorting the ids into distinct words first (``np.unique``, which took a third of
        # this component's time); only the missing ids are made distinct, below
        if len(keys):
            pos = np.searchsorted(keys, orths)
            np.minimum(pos, len(keys) - 1, out=pos)
            hit = keys[pos] == orths
            lemmas = vals[pos]
        else:
            hit = np.zeros(n, dtype=bool)
            lemmas = np.zeros(n, dtype="uint64")
        if not hit.all():
            miss = ~hit
            missing = orths[miss].tolist()
            cached = cache.get
            lookup = self._lemma_id
            # each distinct missing word once, in ascending id order (as before)
            got = {o: cached(o) or lookup(o) for o in sorted(set(missing))}
            lemmas[miss] = np.array([got[o] for o in missing], dtype="uint64")
            if len(cache) > len(keys) * 3 // 2 + 1024:
                self._snapshot()
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


def _package_table(lang: str) -> dict[str, Any] | None:
    """The lemma table of ``spacy-lookups-data`` as a ``str`` dict; ``None`` if the package
    has no such table for ``lang`` (as ``spacy.lookups.load_lookups`` reads it)."""
    if lang not in registry.lookups:
        return None
    files = registry.lookups.get(lang)
    if TABLE not in files:
        return None
    data = load_language_data(files[TABLE])
    return data if isinstance(data, dict) else None


@Language.factory("medialens_lemmatizer_v1", default_config={"overwrite": False, "respell": True})
def make_lemmatizer(
    nlp: Language, name: str, overwrite: bool, respell: bool = True
) -> LookupLemmatizer:
    return LookupLemmatizer(nlp, name, overwrite=overwrite, respell=respell)
