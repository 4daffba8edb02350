"""Raw folder → ``articles``, ``duplicates`` and ``rejects`` rows, streamed into a store.

Why streamed: a researcher's corpus may hold 100,000+ articles; rows go to the
:class:`~medialens.store.StoreWriter` in chunks and only the hashes and ids needed for
deduplication stay in memory.

Order and dedup rules (documented in ``docs/ingest.md``): files are read in sorted order of
their path relative to the raw folder, rows in file order. The *first* occurrence wins:

- same normalised text as an earlier article → not stored; a ``duplicates`` row
  (reason ``identical text``) names the kept id and the id the duplicate had;
- same id as an earlier article but a different text → not stored; a ``duplicates`` row
  (reason ``same id, different text``) *and* an error in ``rejects`` (reason ``duplicate-id``),
  because an id collision is a data problem the researcher has to resolve (we never rename
  ids: analyses join on them).
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from medialens.corpus.normalize import count_words, normalize_line, normalize_text
from medialens.corpus.readers import RawArticle, Reject, read_file, reject, rel_name

#: File names skipped silently (documentation next to the data).
SKIP_NAMES = ("readme", "license", "licence")
#: Rows per chunk written to the store.
CHUNK_ROWS = 2000
#: Messages kept per reject reason for the summary.
KEEP_MESSAGES = 3
#: Longest accepted article (characters after normalisation). Longer "articles" are nearly
#: always whole dumps pasted into one file; they are rejected (reason ``too-large``) because
#: spaCy refuses texts over ``nlp.max_length`` (1,000,000) and one huge Doc would hold
#: gigabytes. Split such a file into its articles.
MAX_ARTICLE_CHARS = 1_000_000


def content_hash(text: str) -> str:
    """sha256 of the normalised text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def generated_id(text_hash: str) -> str:
    """Stable id for an article without one: ``h`` + the first 16 hex digits of its hash."""
    return f"h{text_hash[:16]}"


def iter_raw_files(raw_dir: Path) -> list[Path]:
    """Every input file under ``raw_dir`` in sorted order; hidden files/folders and README /
    LICENSE files are skipped.

    Symbolic links to folders are followed (a researcher links an archive into the raw
    folder); a folder reached twice (a link loop, two links to one folder) is read once. A
    folder that cannot be listed is returned as well, so :func:`read_file` rejects it by name
    (``unreadable-folder``) instead of it being skipped silently.
    """
    files: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def unreadable(exc: OSError) -> None:
        if exc.filename is not None:
            files.append(Path(exc.filename))

    for folder, dirs, names in os.walk(raw_dir, onerror=unreadable, followlinks=True):
        try:
            st = os.stat(folder)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith(".") or name.lower().split(".")[0] in SKIP_NAMES:
                continue
            files.append(Path(folder) / name)
    return sorted(files, key=lambda p: rel_name(p, raw_dir))


def article_row(raw: RawArticle) -> dict[str, Any] | Reject:
    """Normalise one raw article into an ``articles`` row (or a ``no-text`` reject)."""
    text = normalize_text(raw.text).text
    if not text:
        return reject(
            raw.source_file, raw.source_line, "no-text", "no article text (only whitespace)"
        )
    if len(text) > MAX_ARTICLE_CHARS:
        return reject(
            raw.source_file,
            raw.source_line,
            "too-large",
            f"article too long: {len(text):,} characters (limit {MAX_ARTICLE_CHARS:,}); "
            "split the file into separate articles",
        )
    digest = content_hash(text)
    return {
        "article_id": raw.id or generated_id(digest),
        "outlet": normalize_line(raw.outlet),
        "date": raw.date,
        "title": normalize_line(raw.title),
        "text": text,
        "credit": normalize_line(raw.credit),
        "url": raw.url,
        "author": normalize_line(raw.author),
        "section": normalize_line(raw.section),
        "source_file": raw.source_file,
        "source_line": raw.source_line,
        "source_format": raw.source_format,
        "encoding": raw.encoding,
        "content_hash": digest,
        "n_chars": len(text),
        "n_words": raw.words if raw.words is not None else count_words(text),
    }


class Deduplicator:
    """First occurrence wins; see the module docstring for the rules."""

    def __init__(self) -> None:
        self._by_hash: dict[str, str] = {}
        self._by_id: dict[str, str] = {}

    def seed(self, article_id: str, digest: str) -> None:
        """Record an article kept by an earlier run (see :func:`reuse_unchanged_prefix`)."""
        self._by_hash.setdefault(digest, article_id)
        self._by_id.setdefault(article_id, digest)

    def check(self, row: dict[str, Any]) -> tuple[dict[str, Any] | None, Reject | None]:
        """``(None, None)`` for a new article; else a ``duplicates`` row and maybe a reject."""
        aid, digest = row["article_id"], row["content_hash"]
        kept = self._by_hash.get(digest)
        if kept is not None:
            return self._dup(kept, row, "identical text"), None
        if aid in self._by_id:
            problem = reject(
                row["source_file"],
                row["source_line"],
                "duplicate-id",
                f"id {aid!r} already used by an earlier article with a different text; "
                "this one was not ingested",
            )
            return self._dup(aid, row, "same id, different text"), problem
        self._by_hash[digest] = aid
        self._by_id[aid] = digest
        return None, None

    @staticmethod
    def _dup(kept: str, row: dict[str, Any], reason: str) -> dict[str, Any]:
        return {
            "article_id": kept,
            "duplicate_id": row["article_id"],
            "source_file": row["source_file"],
            "source_line": row["source_line"],
            "reason": reason,
        }


@dataclass
class IngestSummary:
    """What an ingest run did; ``rejects_by_reason`` counts errors and warnings together."""

    files: int = 0
    articles: int = 0
    duplicates: int = 0
    errors: int = 0
    warnings: int = 0
    rejects_by_reason: Counter[str] = field(default_factory=Counter)
    messages: dict[str, list[str]] = field(default_factory=dict)
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: :func:`ingest_fingerprint` of the code that made the rows
    fingerprint: str = ""
    #: leading files whose rows were copied from the previous snapshot, not read again
    reused_files: int = 0

    def add_reject(self, r: Reject) -> None:
        if r.severity == "error":
            self.errors += 1
        else:
            self.warnings += 1
        key = f"{r.reason} ({r.severity})"
        self.rejects_by_reason[key] += 1
        kept = self.messages.setdefault(key, [])
        if len(kept) < KEEP_MESSAGES:
            kept.append(r.message)

    def as_manifest(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "reused_files": self.reused_files,
            "articles": self.articles,
            "duplicates": self.duplicates,
            "errors": self.errors,
            "warnings": self.warnings,
            "rejects_by_reason": dict(sorted(self.rejects_by_reason.items())),
        }

    def format(self) -> str:
        """A readable end-of-run summary."""
        reused = f" ({self.reused_files} unchanged: rows reused)" if self.reused_files else ""
        lines = [
            f"files read: {self.files}{reused}; articles: {self.articles}; "
            f"duplicates: {self.duplicates}; rejected: {self.errors}; warnings: {self.warnings}"
        ]
        for key, count in sorted(self.rejects_by_reason.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {key}: {count}")
            for msg in self.messages.get(key, []):
                lines.append(f"    {msg}")
            if count > KEEP_MESSAGES:
                lines.append(f"    … and {count - KEEP_MESSAGES} more (see the rejects table)")
        return "\n".join(lines)


def ingest_events(
    files: Iterable[Path],
    raw_dir: Path,
    summary: IngestSummary,
    dedup: Deduplicator | None = None,
) -> Iterator[tuple[str, Any]]:
    """Yield ``("article", row)``, ``("duplicate", row)`` and ``("reject", Reject)`` events."""
    dedup = Deduplicator() if dedup is None else dedup
    for path in files:
        summary.files += 1
        for item in read_file(path, raw_dir):
            if isinstance(item, Reject):
                summary.add_reject(item)
                yield "reject", item
                continue
            row = article_row(item)
            if isinstance(row, Reject):
                summary.add_reject(row)
                yield "reject", row
                continue
            dup, problem = dedup.check(row)
            if problem is not None:
                summary.add_reject(problem)
                yield "reject", problem
            if dup is not None:
                summary.duplicates += 1
                yield "duplicate", dup
                continue
            summary.articles += 1
            for warning in item.warnings:
                summary.add_reject(warning)
                yield "reject", warning
            yield "article", row


def ingest_into(
    writer: Any,
    raw_dir: Path,
    *,
    progress: bool | None = None,
    chunk_rows: int = CHUNK_ROWS,
    previous: Path | None = None,
) -> IngestSummary:
    """Read ``raw_dir`` and write ``articles``, ``duplicates``, ``rejects`` into ``writer``.

    ``progress`` (default: stderr is a terminal) shows a tqdm bar over the input bytes.
    Every file's sha256 and size go into ``summary.inputs`` for the manifest. ``previous``:
    a snapshot folder whose rows may stand in for unchanged files (see
    :func:`reuse_unchanged_prefix`).
    """
    from tqdm import tqdm

    from medialens.store import file_sha256

    raw_dir = Path(raw_dir)
    summary = IngestSummary()
    files = iter_raw_files(raw_dir)
    for path in files:
        # A broken link, pipe or unreadable file is hashed as None here (never opened: a pipe
        # would block) and rejected by read_file with its file name.
        try:
            entry = (
                {"sha256": file_sha256(path), "bytes": path.stat().st_size}
                if path.is_file()
                else {"sha256": None, "bytes": 0}
            )
        except OSError:
            entry = {"sha256": None, "bytes": 0}
        summary.inputs[rel_name(path, raw_dir)] = entry
    summary.fingerprint = ingest_fingerprint()
    total = sum(v["bytes"] for v in summary.inputs.values())
    show = sys.stderr.isatty() if progress is None else progress
    buffers: dict[str, list[dict[str, Any]]] = {"articles": [], "duplicates": [], "rejects": []}

    def flush(name: str) -> None:
        if buffers[name]:
            writer.write(name, buffers[name])
            buffers[name] = []

    dedup = Deduplicator()
    n_reused = (
        reuse_unchanged_prefix(writer, previous, files, raw_dir, summary, dedup)
        if previous is not None
        else 0
    )
    reused_bytes = sum(summary.inputs[rel_name(p, raw_dir)]["bytes"] for p in files[:n_reused])
    files = files[n_reused:]

    with tqdm(
        total=total,
        initial=reused_bytes,
        unit="B",
        unit_scale=True,
        desc="ingest",
        disable=not show,
        file=sys.stderr,
    ) as bar:
        # Progress in bytes: each article advances the bar by its length (an estimate, capped
        # at the file's size) so one large JSONL file still shows progress; the rest of the
        # file's bytes are added when the next file starts.
        progress_in_file = [0, 0]  # bytes of the current file, bytes advanced so far

        def tracked() -> Iterator[Path]:
            for path in files:
                size = summary.inputs[rel_name(path, raw_dir)]["bytes"]
                progress_in_file[:] = [size, 0]
                yield path
                bar.update(size - progress_in_file[1])
                bar.set_postfix(articles=summary.articles, rejects=summary.errors, refresh=False)

        for kind, item in ingest_events(tracked(), raw_dir, summary, dedup):
            if kind == "article":
                buffers["articles"].append(item)
                if show:
                    size, done = progress_in_file
                    step = min(size - done, len(item["text"]))
                    progress_in_file[1] = done + step
                    bar.update(step)
                if len(buffers["articles"]) >= chunk_rows:
                    flush("articles")
            elif kind == "duplicate":
                buffers["duplicates"].append(item)
            else:
                buffers["rejects"].append(item._asdict())
    for name in buffers:
        flush(name)
    return summary


#: Package parts whose code decides the ingest rows (see :func:`ingest_fingerprint`).
_INGEST_CODE = ("corpus", "schema.py")


@functools.lru_cache(maxsize=1)
def ingest_fingerprint() -> str:
    """sha256 over the ingest code (readers, normaliser, dedup) and the medialens version.

    Why: rows of an unchanged raw file are reused from the previous snapshot only if they
    were made by the same code; a changed reader or normaliser re-reads everything.
    """
    from medialens import __version__
    from medialens.config import digest_package_files

    digest = hashlib.sha256(f"medialens={__version__}\n".encode())
    digest_package_files(digest, _INGEST_CODE, (".py",))
    return digest.hexdigest()


def reuse_unchanged_prefix(
    writer: Any,
    previous: Path,
    files: list[Path],
    raw_dir: Path,
    summary: IngestSummary,
    dedup: Deduplicator,
) -> int:
    """Copy the rows of the leading raw files that are unchanged since ``previous``; returns
    how many files (from the start of ``files``) need not be read again.

    Why: re-running on a grown corpus would otherwise parse and normalise every file again
    (≈ 0.5 ms per article: most of an incremental run at 100,000 articles). Reuse is exact
    only for a *prefix*: files are read in sorted order and the first occurrence of a text
    or id wins, so the rows of file k depend on files 1..k only. Conditions: the previous
    snapshot was made by the same ingest code (:func:`ingest_fingerprint`), and each reused
    file has the same path relative to the raw folder, position and sha256 (the folder itself
    may have moved: rows name files by relative path). The
    previous ``articles`` seed the deduplicator; ``duplicates`` and the ingest's
    ``rejects`` (not annotation failures) are copied; the summary counts them as read.
    """
    import json

    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from medialens.schema import TABLES

    try:
        manifest = json.loads((previous / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    if manifest.get("ingest_fingerprint") != summary.fingerprint:
        return 0
    old_inputs = list((manifest.get("inputs") or {}).items())
    prefix: list[str] = []
    for k, path in enumerate(files):
        rel = rel_name(path, raw_dir)
        entry = summary.inputs.get(rel) or {}
        if (
            k >= len(old_inputs)
            or old_inputs[k][0] != rel
            or entry.get("sha256") is None
            or old_inputs[k][1].get("sha256") != entry.get("sha256")
        ):
            break
        prefix.append(rel)
    if not prefix:
        return 0
    keep = pa.array(prefix, pa.string())
    # streamed part by part (holding every previous article as a dict cost ~1 GB at 100k)
    for name in ("articles", "duplicates", "rejects"):
        for part in sorted((previous / name).glob("*.parquet")):
            table = pq.read_table(part, schema=TABLES[name])
            mask = pc.is_in(table.column("source_file"), value_set=keep)
            if name == "rejects":
                mask = pc.and_(mask, pc.not_equal(table.column("reason"), "annotation-failed"))
            table = table.filter(mask)
            if not len(table):
                continue
            if name == "articles":
                ids = table.column("article_id").to_pylist()
                hashes = table.column("content_hash").to_pylist()
                for article_id, content_hash in zip(ids, hashes, strict=True):
                    dedup.seed(article_id, content_hash)
                summary.articles += len(table)
            elif name == "duplicates":
                summary.duplicates += len(table)
            else:
                for row in table.to_pylist():
                    summary.add_reject(Reject(**{f: row[f] for f in Reject._fields}))
            writer.write(name, table)
    summary.files += len(prefix)
    summary.reused_files = len(prefix)
    return len(prefix)
