"""Shared plumbing for spaCy components that read the codebook (load, save, reload).

Why: the mentions, framing and candidates components each need the parsed codebook, must
survive ``nlp.to_disk`` / ``spacy.load`` on another machine (so the codebook text is saved
inside the pipeline folder, not just its path) and must pickle for ``n_process > 1``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from medialens.codebook.loader import load_codebook, parse_codebook, resolve_path
from medialens.codebook.model import Codebook
from medialens.codebook.patterns import key

CODEBOOK_FILE = "codebook.yaml"


class CodebookPipe:
    """Base class: holds the codebook and its source text; subclasses implement ``_build``.

    ``codebook`` (config) is a path, ``""`` = the bundled default. The codebook is read in
    ``initialize`` (or lazily on first use) and compiled once by ``_build``.
    """

    def __init__(self, nlp: Language, name: str, codebook: str = "") -> None:
        self.nlp = nlp
        self.name = name
        self.codebook_path = codebook
        self._codebook: Codebook | None = None
        self._source: str | None = None

    # --- loading ---------------------------------------------------------------------------
    def initialize(
        self, get_examples: Any = None, *, nlp: Language | None = None, codebook: str | None = None
    ) -> None:
        """Read and compile the codebook (``codebook`` overrides the configured path)."""
        if nlp is not None:
            self.nlp = nlp
        if codebook is not None:
            self.codebook_path = codebook
        path = resolve_path(self.codebook_path)
        cb = load_codebook(path)
        self._set(cb, path.read_text(encoding="utf-8"))

    def _set(self, cb: Codebook, source: str) -> None:
        self._codebook = cb
        self._source = source
        self._build(cb)

    def _build(self, cb: Codebook) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def codebook(self) -> Codebook:
        if self._codebook is None:
            self.initialize()
        assert self._codebook is not None
        return self._codebook

    def _ensure(self) -> None:
        if self._codebook is None:
            self.initialize()

    # --- serialisation ---------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        self._ensure()
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / CODEBOOK_FILE).write_text(self._source or "", encoding="utf-8")
        srsly.write_json(folder / "cfg.json", {"codebook": self.codebook_path})

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> CodebookPipe:
        folder = Path(path)
        cfg = srsly.read_json(folder / "cfg.json") if (folder / "cfg.json").exists() else {}
        self.codebook_path = cfg.get("codebook", self.codebook_path)
        source = (folder / CODEBOOK_FILE).read_text(encoding="utf-8")
        self._set(parse_codebook(source, path=folder / CODEBOOK_FILE), source)
        return self

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        self._ensure()
        return srsly.msgpack_dumps({"codebook": self.codebook_path, "source": self._source})

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> CodebookPipe:
        msg = srsly.msgpack_loads(data)
        self.codebook_path = msg.get("codebook", "")
        self._set(parse_codebook(msg["source"], path=f"<{self.name} codebook>"), msg["source"])
        return self


#: ``doc.user_data`` key under which :func:`doc_text` caches the text
TEXT_KEY = ("medialens", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document and cached in ``doc.user_data``.

    Why: ``Doc.text`` joins every token's text anew on each access (about a sixth of the
    tokeniser's time per call); the mentions, framing and candidates components each need it.
    The cache is checked against the document's length, so a stale entry is never used.
    """
    cached = doc.user_data.get(TEXT_KEY)
    if cached is not None and len(cached) == _text_length(doc):
        return cached
    text = doc.text
    doc.user_data[TEXT_KEY] = text
    return text


def make_doc_with_text(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` with :func:`doc_text`'s cache seeded from ``text``.

    Why: spaCy's tokenizer keeps the text exactly (``doc.text == text``), so no component
    needs to join the tokens again — the join costs about a sixth of the tokenizer's time.
    """
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    return doc


def _text_length(doc: Doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


#: ``key(form)``, remembered across documents (bounded, least recently used out).
#: Why: the mentions and framing matchers map every regex match back to its codebook form
#: with ``key`` (a regex split and a per-word loop); the same few hundred forms recur in
#: every document. ``key`` is pure, so the cache never changes a result.
cached_key = functools.lru_cache(maxsize=100_000)(key)
