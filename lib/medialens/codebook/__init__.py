"""The codebook: actors (with aliases, roles and groups), role nouns and frames, in YAML.

Why a data file: the researcher decides who counts as an actor and which words carry a frame;
the bundled ``default.yaml`` (German and European politics) is an example to adapt. See
``docs/codebook.md`` for the format. ``load_codebook`` validates and names file, line and
entry for every problem (:class:`CodebookError`).
"""

from __future__ import annotations

from medialens.codebook.errors import CodebookError
from medialens.codebook.loader import (
    DEFAULT_PATH,
    codebook_hash,
    load_codebook,
    parse_codebook,
    resolve_path,
)
from medialens.codebook.model import ACTOR_TYPES, Actor, Codebook, Frame, Role, RoleNoun

__all__ = [
    "ACTOR_TYPES",
    "DEFAULT_PATH",
    "Actor",
    "Codebook",
    "CodebookError",
    "Frame",
    "Role",
    "RoleNoun",
    "codebook_hash",
    "load_codebook",
    "parse_codebook",
    "resolve_path",
]
