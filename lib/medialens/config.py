"""Every path and setting of medialens, built from the project root.

Why one module: notebooks, the CLI, tests and the Makefile must agree on where raw data,
the processed store, reports and the codebook live. Precedence (lowest to highest):
built-in defaults < environment variables (``MEDIALENS_*``) < explicit arguments (CLI flags).
Limit: the project root is found by walking up from the working directory to a folder that
holds ``pyproject.toml`` and ``lib/medialens``; outside a checkout it falls back to the
working directory, so an installed package still works with explicit paths.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent


def digest_package_files(digest: Any, parts: Iterable[str], suffixes: Iterable[str]) -> None:
    """Feed the package files under ``parts`` (files or folders below :data:`PACKAGE_DIR`)
    whose suffix is in ``suffixes`` into ``digest``: relative path, then content hash, in
    sorted order. Used for the code fingerprints that decide whether stored rows are reused.
    """
    wanted = set(suffixes)
    files: list[Path] = []
    for part in parts:
        path = PACKAGE_DIR / part
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix in wanted and "__pycache__" not in p.parts
            )
    for file in sorted(files):
        digest.update(file.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())


DEFAULT_CODEBOOK = PACKAGE_DIR / "codebook" / "default.yaml"

ENV_ROOT = "MEDIALENS_ROOT"
ENV_RAW = "MEDIALENS_RAW"
ENV_PROCESSED = "MEDIALENS_PROCESSED"
ENV_REPORTS = "MEDIALENS_REPORTS"
ENV_CODEBOOK = "MEDIALENS_CODEBOOK"
ENV_MODEL = "MEDIALENS_MODEL"
ENV_SHARED = "MEDIALENS_SHARED"


def find_project_root(start: Path | None = None) -> Path:
    """Return the medialens checkout containing ``start`` (default: cwd, then this file)."""
    env = os.environ.get(ENV_ROOT)
    if env:
        return Path(env).expanduser().resolve()
    candidates = [Path.cwd() if start is None else Path(start)]
    candidates.append(PACKAGE_DIR)
    for begin in candidates:
        for folder in [begin.resolve(), *begin.resolve().parents]:
            if (folder / "pyproject.toml").is_file() and (folder / "lib" / "medialens").is_dir():
                return folder
    return Path.cwd().resolve()


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else default


@dataclass(frozen=True)
class Settings:
    """Resolved paths and options; build with :func:`get_settings`, override with ``replace``."""

    root: Path
    raw_dir: Path
    processed_dir: Path
    reports_dir: Path
    notebooks_dir: Path
    codebook: Path
    shared_dir: Path
    #: Name or path of a statistical spaCy model to use instead of ``spacy.blank("de")``.
    model: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def with_overrides(self, **kwargs: object) -> Settings:
        """Return a copy with the non-``None`` keyword arguments applied (paths resolved)."""
        clean = {}
        for key, value in kwargs.items():
            if value is None:
                continue
            if key != "model" and isinstance(value, str | Path):
                value = Path(value).expanduser().resolve()
            clean[key] = value
        return replace(self, **clean)


def get_settings(root: Path | None = None, **overrides: object) -> Settings:
    """Build :class:`Settings` from defaults, ``MEDIALENS_*`` variables and ``overrides``."""
    root = Path(root).resolve() if root else find_project_root()
    settings = Settings(
        root=root,
        raw_dir=_env_path(ENV_RAW, root / "data" / "raw"),
        processed_dir=_env_path(ENV_PROCESSED, root / "data" / "processed"),
        reports_dir=_env_path(ENV_REPORTS, root / "reports"),
        notebooks_dir=root / "notebooks",
        codebook=_env_path(ENV_CODEBOOK, DEFAULT_CODEBOOK),
        shared_dir=_env_path(ENV_SHARED, root.parent / "shared"),
        model=os.environ.get(ENV_MODEL) or None,
    )
    return settings.with_overrides(**overrides)
