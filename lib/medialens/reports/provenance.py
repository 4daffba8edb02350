"""Provenance of a report: which code, codebook, data and parameters produced it, and when.

Why: a chart mailed to a colleague must be reproducible. Every notebook's last cell shows
this block; the report runner also stores it in ``run.json``. Hashes identify content, not
paths: the codebook hash is :func:`medialens.codebook.codebook_hash` when the codebook
module provides it, else the sha256 of the codebook file; the data hash is the sha256 of
the processed store's manifest (:func:`medialens.store.manifest_hash`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def codebook_hash(path: Path | str | None) -> str:
    """Content hash of the codebook (``"missing"`` when the file does not exist)."""
    if not path:
        return "none"
    path = Path(path)
    try:
        from medialens import codebook as cb

        fn = getattr(cb, "codebook_hash", None)
        if callable(fn):
            return str(fn(path))
    except Exception:
        pass
    if not path.is_file():
        return "missing"
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_hash(processed_dir: Path | str | None) -> str:
    """sha256 of the processed store's manifest (``"no store"`` when none is committed)."""
    from medialens.store import StoreError, manifest_hash

    try:
        return manifest_hash(processed_dir)
    except (StoreError, OSError):
        return "no store"


def provenance(
    parameters: Mapping[str, Any],
    *,
    processed_dir: Path | str | None,
    codebook: Path | str | None,
    notebook: str = "",
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """The provenance record (JSON-serialisable)."""
    from medialens import __version__
    from medialens.store import StoreError, read_manifest

    try:
        manifest = read_manifest(processed_dir)
        run = manifest.get("run_id", "")
    except (StoreError, OSError, ValueError):
        run = ""
    return {
        "notebook": notebook,
        "medialens_version": __version__,
        "codebook": str(codebook or ""),
        "codebook_hash": codebook_hash(codebook),
        "processed_dir": str(processed_dir or ""),
        "store_run": run,
        "store_manifest_hash": store_hash(processed_dir),
        "parameters": {k: _plain(v) for k, v in parameters.items()},
        "time": (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
    }


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | Path):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def provenance_html(record: Mapping[str, Any]) -> str:
    """An escaped HTML block with the provenance record (ends every report)."""
    rows = [
        ("medialens version", record.get("medialens_version")),
        ("notebook", record.get("notebook")),
        ("codebook", record.get("codebook")),
        ("codebook hash (sha256)", record.get("codebook_hash")),
        ("processed store", record.get("processed_dir")),
        ("store snapshot", record.get("store_run")),
        ("store manifest hash (sha256)", record.get("store_manifest_hash")),
        ("time of run (UTC)", record.get("time")),
    ]
    params = json.dumps(record.get("parameters", {}), ensure_ascii=False, indent=1, default=str)
    body = "".join(
        f"<tr><th style='text-align:left;padding-right:1em'>{html.escape(str(k))}</th>"
        f"<td><code>{html.escape(str(v if v is not None else ''))}</code></td></tr>"
        for k, v in rows
    )
    return (
        '<section class="ml-provenance" id="provenance" style="border-top:2px solid #999;'
        'margin-top:2em;padding-top:0.5em;font-size:0.9em">'
        "<h3>Provenance</h3>"
        f'<div style="max-width:100%;overflow-x:auto"><table>{body}</table></div>'
        "<p><strong>Parameters</strong></p>"
        f'<pre style="max-width:100%;overflow-x:auto">{html.escape(params)}</pre>'
        "</section>"
    )


def show_provenance(
    parameters: Mapping[str, Any],
    *,
    processed_dir: Path | str | None,
    codebook: Path | str | None,
    notebook: str = "",
) -> dict[str, Any]:
    """Display the provenance block in a notebook and return the record."""
    from medialens.viz.display import HTML, _display

    record = provenance(
        parameters, processed_dir=processed_dir, codebook=codebook, notebook=notebook
    )
    _display(HTML(provenance_html(record)))
    return record
