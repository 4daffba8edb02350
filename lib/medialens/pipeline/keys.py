"""The keys that decide whether an article's stored annotation rows can be reused.

An article is annotated again when its :func:`annotation_key` changes: its id, date or text,
the codebook's content (:func:`resolve_codebook_hash`), the spaCy model, the medialens
version or the annotation code itself (:func:`code_fingerprint`). Pure functions of their
inputs and the installed files; the lowest layer of ``medialens.pipeline`` (imports nothing
from it).
"""

from __future__ import annotations

import functools
import hashlib
import sys
from pathlib import Path


def resolve_codebook_hash(codebook: str | Path | None) -> str:
    """Hash of the codebook's content: ``medialens.codebook.codebook_hash`` (parsed,
    normalised) when available, else sha256 of the file bytes."""
    try:
        from medialens.codebook import codebook_hash
    except ImportError:  # pragma: no cover - codebook package is part of medialens
        from medialens.config import DEFAULT_CODEBOOK

        return hashlib.sha256(Path(codebook or DEFAULT_CODEBOOK).read_bytes()).hexdigest()
    return str(codebook_hash(codebook or None))


#: Package parts whose code or data decide the annotation rows (see :func:`code_fingerprint`):
#: the whole ``pipeline`` package (chunking, rows, the engines' contract) as ``process.py``
#: was before it was split into it.
FINGERPRINT_PATHS = ("nlp", "codebook", "pipeline", "schema.py")
FINGERPRINT_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt", ".tsv", ".csv"}


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over the annotation code and word lists, spaCy and its lookup-data versions.

    Why: between releases the medialens version stays the same while the extractors and word
    lists change (a development checkout, a patched install); a changed component must not
    reuse stale rows. Hashing ~100 small files costs a few milliseconds.
    """
    from importlib.metadata import PackageNotFoundError, version

    from medialens.config import digest_package_files

    digest = hashlib.sha256()
    for dist in ("spacy", "spacy-lookups-data"):
        try:
            digest.update(f"{dist}={version(dist)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{dist}=?\n".encode())
    digest.update(f"spacy-runtime={_spacy_runtime_version()}\n".encode())
    digest_package_files(digest, FINGERPRINT_PATHS, FINGERPRINT_SUFFIXES)
    return digest.hexdigest()


def _spacy_runtime_version() -> str:
    """``spacy.__version__`` of the spaCy that ``import spacy`` would load, without importing it.

    Why: importing spaCy takes ≈ 1 s; with ``--n-process N`` only the workers need spaCy, and
    the fingerprint is needed before the first chunk is sent to them. The version is read
    from ``spacy/about.py`` with ``ast`` (never executed); if that fails, spaCy is imported.
    """
    import ast
    import importlib.util

    if "spacy" not in sys.modules:
        try:
            spec = importlib.util.find_spec("spacy")
            origin = spec.origin if spec is not None else None
            if origin:
                tree = ast.parse((Path(origin).parent / "about.py").read_text(encoding="utf-8"))
                for node in tree.body:
                    if (
                        isinstance(node, ast.Assign)
                        and any(
                            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
                        )
                        and isinstance(node.value, ast.Constant)
                        and isinstance(node.value.value, str)
                    ):
                        return node.value.value
        except (OSError, SyntaxError, ValueError, ImportError):
            pass
    import spacy

    return str(spacy.__version__)


def annotation_key(
    article_id: str,
    date: object,
    content_hash: str,
    *,
    codebook_hash: str,
    model: str | None,
    version: str,
) -> str:
    """The key that decides whether an article's annotation rows can be reused.

    The date is part of it because role nouns (``der Kanzler``) resolve by date; the id
    because every row carries it. ``version`` is the medialens version plus
    :func:`code_fingerprint` (see ``medialens.pipeline.driver.process_corpus``).
    """
    parts = (
        article_id,
        "" if date is None else str(date),
        content_hash,
        codebook_hash,
        model or "",
        version,
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
