"""Keep validation scores next to the store, keyed by the snapshot and codebook they measure.

Why beside the snapshots, not inside one: a snapshot is immutable once committed (and old
ones are pruned), while scores arrive days later, after the coding. Each ``validate score``
run writes one JSON record to ``<processed>/validation/<time>-<what>.json`` (atomically);
a score *applies* to the current store only when its snapshot id and codebook hash are the
current ones — after ``medialens process`` writes a new snapshot, the reports say
"not validated" until the new annotations are validated again.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

VALIDATION_DIR = "validation"


def validation_dir(processed_dir: Path | str | None = None) -> Path:
    from medialens.store import _processed_dir

    return Path(_processed_dir(processed_dir)) / VALIDATION_DIR


def save_score(record: dict[str, Any], processed_dir: Path | str | None = None) -> Path:
    """Write ``record`` as a new JSON file; returns its path (:class:`StoreError` when there
    is no committed store at ``processed_dir``: a score is never kept in a stray folder)."""
    from medialens.store import snapshot_dir, write_atomic

    snapshot_dir(processed_dir)
    folder = validation_dir(processed_dir)
    stamp = str(record.get("created", "")).replace(":", "").replace("+0000", "Z")
    path = folder / f"{stamp}-{record['what']}-{uuid.uuid4().hex[:6]}.json"
    write_atomic(path, json.dumps(record, ensure_ascii=False, indent=1, default=str))
    return path


def load_scores(processed_dir: Path | str | None = None) -> list[dict[str, Any]]:
    """Every stored score record, oldest first (unreadable files are skipped)."""
    folder = validation_dir(processed_dir)
    out = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(record, dict) and "what" in record and "columns" in record:
            record["_file"] = str(path)
            out.append(record)
    return sorted(out, key=lambda r: (str(r.get("created", "")), r["_file"]))


def current_scores(
    processed_dir: Path | str | None = None,
    codebook: Path | str | None = None,
    *,
    whats: Iterable[str] | None = None,
) -> dict[str, dict[str, Any]]:
    """``{what: newest record}`` of the scores that apply to the current snapshot and codebook.

    Empty when the store has no validation for them (or no committed snapshot).
    """
    from medialens.store import StoreError
    from medialens.validate.sampling import store_identity

    try:
        ident = store_identity(processed_dir, codebook)
    except (StoreError, OSError, ValueError):
        return {}
    wanted = set(whats) if whats is not None else None
    out: dict[str, dict[str, Any]] = {}
    for record in load_scores(processed_dir):
        if wanted is not None and record["what"] not in wanted:
            continue
        if (
            record.get("snapshot") == ident["snapshot"]
            and record.get("codebook_hash") == ident["codebook_hash"]
        ):
            out[record["what"]] = record  # newest wins (sorted oldest first)
    return out
