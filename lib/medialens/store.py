"""The processed store: Parquet tables in snapshots, switched atomically, with a manifest.

Why snapshots: a run writes every table into a fresh folder ``snapshots/.tmp-<run>``;
only when all tables and the manifest are on disk is the folder renamed and the symlink
``current`` replaced (``os.replace``, atomic on POSIX). A crash or Ctrl-C at any moment
leaves the previous snapshot as ``current``: no reader ever sees a half-written table.

Layout::

    data/processed/
      current -> snapshots/20261124T201500.123456Z-1a2b3c
      snapshots/<run>/manifest.json
      snapshots/<run>/<table>/part-00000.parquet  (one or more chunks per table)

DuckDB reads a table directly: ``SELECT * FROM 'data/processed/current/articles/*.parquet'``.
Limits: one writer at a time per store (an OS-level lock on ``.store.lock`` guards it, see
:mod:`medialens.lock`; a second writer gets :class:`StoreLocked`); the previous
``KEEP_SNAPSHOTS`` snapshots are kept, older ones are removed after a successful commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from medialens.lock import ExclusiveLock, LockHeld
from medialens.schema import SCHEMA_VERSION, TABLES, empty_table

CURRENT = "current"
SNAPSHOTS = "snapshots"
MANIFEST = "manifest.json"
#: owner note of the writer lock (pid, start time), removed on release
LOCK = ".lock"
#: the file the OS-level writer lock is held on (see :mod:`medialens.lock`)
LOCK_FILE = ".store.lock"
KEEP_SNAPSHOTS = 2


class StoreError(RuntimeError):
    """The processed store is missing, locked or inconsistent."""


class StoreLocked(StoreError, LockHeld):
    """Another process writes the store (exit code 75 on the command line)."""


def _processed_dir(processed_dir: Path | str | None) -> Path:
    if processed_dir is None:
        from medialens.config import get_settings

        return get_settings().processed_dir
    return Path(processed_dir)


def snapshot_dir(processed_dir: Path | str | None = None) -> Path:
    """The folder of the current snapshot; :class:`StoreError` when nothing was committed."""
    base = _processed_dir(processed_dir)
    link = base / CURRENT
    if not link.exists():
        raise StoreError(
            f"no processed store at {base} (run `medialens process` or `make process` first)"
        )
    return link.resolve()


def table_glob(name: str, processed_dir: Path | str | None = None) -> str:
    """A glob of a table's Parquet files, for DuckDB: ``read_parquet(table_glob("quotes"))``."""
    return str(snapshot_dir(processed_dir) / name / "*.parquet")


def read_manifest(processed_dir: Path | str | None = None) -> dict[str, Any]:
    """The manifest of the current snapshot (schema version, inputs, row counts, time)."""
    with open(snapshot_dir(processed_dir) / MANIFEST, encoding="utf-8") as fh:
        return json.load(fh)


def manifest_hash(processed_dir: Path | str | None = None) -> str:
    """sha256 of the current manifest file: identifies the data a report was made from."""
    return hashlib.sha256((snapshot_dir(processed_dir) / MANIFEST).read_bytes()).hexdigest()


def load_arrow(
    name: str,
    processed_dir: Path | str | None = None,
    *,
    columns: list[str] | None = None,
) -> pa.Table:
    """Read table ``name`` of the current snapshot as Arrow (schema from :mod:`schema`)."""
    folder = snapshot_dir(processed_dir) / name
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if name not in TABLES and not files:
        raise KeyError(f"unknown table {name!r}; known: {', '.join(sorted(TABLES))}")
    if not files:
        table = empty_table(name)
    else:
        schema = TABLES.get(name)
        table = pa.concat_tables(
            [pq.read_table(f, schema=schema) if schema else pq.read_table(f) for f in files]
        )
    if columns is not None:
        table = table.select(columns)
    return table


def load_table(
    name: str,
    processed_dir: Path | str | None = None,
    *,
    columns: list[str] | None = None,
) -> pd.DataFrame:
    """Read table ``name`` (``articles``, ``quotes``, ``mentions`` …) as a pandas DataFrame.

    Nullable integer and string columns keep pandas' nullable dtypes, so a missing
    speaker offset is ``<NA>`` rather than a float ``NaN``.
    """
    return load_arrow(name, processed_dir, columns=columns).to_pandas(
        types_mapper={
            pa.int32(): pd.Int32Dtype(),
            pa.int64(): pd.Int64Dtype(),
            pa.string(): pd.StringDtype(),
        }.get
    )


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    """sha256 of a file's bytes (streamed)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def to_arrow(name: str, data: pd.DataFrame | pa.Table | Iterable[Mapping[str, Any]]) -> pa.Table:
    """``data`` (rows, a DataFrame or an Arrow table) as an Arrow table in table ``name``'s
    schema (missing columns as nulls, columns in schema order)."""
    schema = TABLES.get(name)
    if isinstance(data, pa.Table):
        table = data
    elif isinstance(data, pd.DataFrame):
        table = pa.Table.from_pandas(data, schema=schema, preserve_index=False)
    else:
        rows = list(data)
        table = pa.Table.from_pylist(rows, schema=schema) if schema else pa.Table.from_pylist(rows)
    if schema is not None:
        missing = [f.name for f in schema if f.name not in table.column_names]
        for col in missing:
            table = table.append_column(col, pa.nulls(len(table), schema.field(col).type))
        table = table.select(schema.names).cast(schema)
    return table


class StoreWriter:
    """Write one new snapshot of the store; commit switches ``current`` to it atomically.

    Use as a context manager: if the block raises (or the process dies), the temporary
    snapshot is removed (or left as ``.tmp-*`` and swept by the next writer) and the previous
    snapshot stays current. ``write`` may be called many times per table (chunks).
    """

    def __init__(self, processed_dir: Path | str | None = None, *, run_id: str | None = None):
        self.base = _processed_dir(processed_dir)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        self.run_id = run_id or f"{stamp}-{uuid.uuid4().hex[:6]}"
        self.tmp = self.base / SNAPSHOTS / f".tmp-{self.run_id}"
        self.final = self.base / SNAPSHOTS / self.run_id
        self._parts: dict[str, int] = {}
        self._rows: dict[str, int] = {}
        self._lock = ExclusiveLock(self.base / LOCK_FILE, self.base / LOCK)
        self.committed = False

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> StoreWriter:
        self.open()
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is not None or not self.committed:
            self.abort()
        self._unlock()

    def open(self) -> None:
        """Take the store lock and create the temporary snapshot folder."""
        (self.base / SNAPSHOTS).mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire()
        except LockHeld as exc:
            raise StoreLocked(f"{exc}; store {self.base} is locked") from None
        # Only the lock holder sweeps: a .tmp-* folder now belongs to a run that died.
        for stale in (self.base / SNAPSHOTS).glob(".tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.tmp.mkdir(parents=True)

    def _unlock(self) -> None:
        self._lock.release()

    def abort(self) -> None:
        """Discard the temporary snapshot; the previous one stays current."""
        if not self.committed:
            shutil.rmtree(self.tmp, ignore_errors=True)

    # -- writing ---------------------------------------------------------------------------
    def write(self, name: str, data: pd.DataFrame | pa.Table | Iterable[Mapping[str, Any]]) -> int:
        """Append a chunk to table ``name``; returns the number of rows written."""
        table = to_arrow(name, data)
        folder = self.tmp / name
        folder.mkdir(exist_ok=True)
        part = self._parts.get(name, 0)
        if len(table) or part == 0:
            pq.write_table(table, folder / f"part-{part:05d}.parquet", compression="zstd")
            self._parts[name] = part + 1
        self._rows[name] = self._rows.get(name, 0) + len(table)
        return len(table)

    def parts(self, name: str) -> list[Path]:
        """The Parquet parts written so far for ``name`` in this (uncommitted) snapshot."""
        folder = self.tmp / name
        return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []

    def link_part(self, name: str, source: Path) -> int:
        """Reuse an existing Parquet part (hard link, or copy) from an earlier snapshot."""
        folder = self.tmp / name
        folder.mkdir(exist_ok=True)
        part = self._parts.get(name, 0)
        target = folder / f"part-{part:05d}.parquet"
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
        self._parts[name] = part + 1
        rows = pq.ParquetFile(target).metadata.num_rows
        self._rows[name] = self._rows.get(name, 0) + rows
        return rows

    def commit(self, **manifest: Any) -> Path:
        """Write the manifest, publish the snapshot and point ``current`` at it."""
        from medialens.version import __version__

        for name in TABLES:  # every known table exists, possibly empty
            if name not in self._parts:
                self.write(name, empty_table(name))
        doc = {
            "schema_version": SCHEMA_VERSION,
            "medialens_version": __version__,
            "run_id": self.run_id,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "row_counts": dict(sorted(self._rows.items())),
            **manifest,
        }
        _write_json_atomic(self.tmp / MANIFEST, doc)
        _fsync_dir(self.tmp)
        os.replace(self.tmp, self.final)
        link_tmp = self.base / f".{CURRENT}.{self.run_id}"
        link_tmp.unlink(missing_ok=True)
        os.symlink(Path(SNAPSHOTS) / self.run_id, link_tmp)
        os.replace(link_tmp, self.base / CURRENT)
        _fsync_dir(self.base)
        self.committed = True
        self._prune()
        return self.final

    def _prune(self) -> None:
        # Oldest first by commit time (manifest mtime), then name: several runs may start in
        # the same second, and a caller may choose its own run_id.
        snaps = sorted(
            (
                p
                for p in (self.base / SNAPSHOTS).iterdir()
                if p.is_dir() and not p.name.startswith(".")
            ),
            key=lambda p: (_mtime_ns(p / MANIFEST), p.name),
        )
        for old in snaps[:-KEEP_SNAPSHOTS]:
            if old != self.final:
                shutil.rmtree(old, ignore_errors=True)


def _mtime_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_json_atomic(path: Path, doc: Mapping[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=2, default=str)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write a file atomically (temporary file in the same folder, then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    mode = "wb" if isinstance(data, bytes) else "w"
    try:
        with open(tmp, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
