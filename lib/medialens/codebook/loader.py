"""Read and validate a codebook YAML file, reporting every problem with file, line and entry.

Why our own walk over ``yaml.compose``: ``yaml.safe_load`` forgets line numbers, and a
researcher editing a 2,000-line codebook needs ``codebook.yaml:412: unknown key 'alias'
(entry 'merz')`` rather than a stack trace. The first problem found stops loading (one clear
message, fixed, then the next). Limits: YAML anchors/aliases are resolved by PyYAML as usual;
values are read as strings and converted here (dates must be ``YYYY-MM-DD``).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from medialens.codebook.errors import CodebookError
from medialens.codebook.model import (
    ACTOR_TYPES,
    MENTION_KINDS,
    Actor,
    Codebook,
    Frame,
    Role,
    RoleNoun,
)
from medialens.codebook.verbs import parse_reporting_verbs
from medialens.codebook.yaml_loader import YAML_LOADER

DEFAULT_PATH = Path(__file__).resolve().parent / "default.yaml"

TOP_KEYS = (
    "version",
    "name",
    "description",
    "actors",
    "roles",
    "frames",
    "reporting_verbs",
    "mention_kinds",
)
ACTOR_KEYS = (
    "id",
    "name",
    "type",
    "aliases",
    "adjectives",
    "roles",
    "affiliation",
    "country",
    "party",
    "groups",
    "description",
)
ACTOR_ROLE_KEYS = ("role", "start", "end")
ROLE_KEYS = ("id", "label", "aliases", "description")
FRAME_KEYS = ("id", "label", "description", "terms")

_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_COUNTRY = re.compile(r"^[A-Z]{2,3}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: a frame term: letters (any script), digits, space, hyphen, apostrophe, glob ``*``/``?``
_TERM = re.compile(r"^[\w*?' ’.-]+$")


class _Ctx:
    """Where we are: file path for messages."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def error(
        self, message: str, node: yaml.Node | None, entry: str | None = None
    ) -> CodebookError:
        line = node.start_mark.line + 1 if node is not None else None
        return CodebookError(message, path=self.path, line=line, entry=entry)


def _scalar(ctx: _Ctx, node: yaml.Node, what: str, entry: str | None) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise ctx.error(f"{what} must be a single value, not a list or mapping", node, entry)
    return str(node.value).strip()


def _mapping(ctx: _Ctx, node: yaml.Node, what: str, entry: str | None) -> dict[str, tuple]:
    """``{key: (key_node, value_node)}``; rejects non-mappings and duplicate keys."""
    if not isinstance(node, yaml.MappingNode):
        raise ctx.error(f"{what} must be a mapping (key: value)", node, entry)
    out: dict[str, tuple] = {}
    for knode, vnode in node.value:
        key = _scalar(ctx, knode, "a key", entry)
        if key in out:
            raise ctx.error(f"duplicate key {key!r} in {what}", knode, entry)
        out[key] = (knode, vnode)
    return out


def _sequence(ctx: _Ctx, node: yaml.Node, what: str, entry: str | None) -> list[yaml.Node]:
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise ctx.error(f"{what} must be a list", node, entry)
    return list(node.value)


def _check_keys(
    ctx: _Ctx, items: dict[str, tuple], allowed: tuple[str, ...], what: str, entry: str | None
) -> None:
    for key, (knode, _) in items.items():
        if key not in allowed:
            raise ctx.error(
                f"unknown key {key!r} in {what} (allowed: {', '.join(allowed)})", knode, entry
            )


def _required(
    ctx: _Ctx, items: dict[str, tuple], key: str, node: yaml.Node, what: str, entry: str | None
) -> str:
    if key not in items:
        raise ctx.error(f"{what} needs {key!r}", node, entry)
    value = _scalar(ctx, items[key][1], key, entry)
    if not value:
        raise ctx.error(f"empty {key!r} in {what}", items[key][1], entry)
    return value


def _optional(ctx: _Ctx, items: dict[str, tuple], key: str, entry: str | None) -> str | None:
    if key not in items:
        return None
    value = _scalar(ctx, items[key][1], key, entry)
    return value or None


def _strings(
    ctx: _Ctx, items: dict[str, tuple], key: str, entry: str | None, *, what: str
) -> tuple[str, ...]:
    """A list of non-empty strings (duplicates dropped, order kept)."""
    if key not in items:
        return ()
    out: list[str] = []
    for child in _sequence(ctx, items[key][1], key, entry):
        value = _scalar(ctx, child, what, entry)
        if not value:
            raise ctx.error(f"empty {what} in {key!r}", child, entry)
        if value not in out:
            out.append(value)
    return tuple(out)


def _date(ctx: _Ctx, node: yaml.Node, key: str, entry: str | None) -> date | None:
    value = _scalar(ctx, node, key, entry)
    if value in ("", "~", "null"):
        return None
    if not _DATE.match(value):
        raise ctx.error(f"bad date {value!r} in {key!r}: write YYYY-MM-DD", node, entry)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ctx.error(f"bad date {value!r} in {key!r}: no such day", node, entry) from None


def _id(ctx: _Ctx, items: dict[str, tuple], node: yaml.Node, what: str, seen: dict) -> str:
    ident = _required(ctx, items, "id", node, what, None)
    if not _ID.match(ident):
        raise ctx.error(
            f"bad id {ident!r}: use lower-case letters, digits, '_', '.', '-'",
            items["id"][1],
            ident,
        )
    if ident in seen:
        raise ctx.error(
            f"duplicate id {ident!r} (first defined on line {seen[ident]})", items["id"][1], ident
        )
    seen[ident] = items["id"][1].start_mark.line + 1
    return ident


def _plain(node: yaml.Node) -> Any:
    """Plain Python value of a node (strings for scalars) for hashing and sub-parsers."""
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v) for v in node.value]
    return node.value


def _parse_role_noun(ctx: _Ctx, node: yaml.Node, seen: dict) -> RoleNoun:
    items = _mapping(ctx, node, "a role", None)
    ident = _id(ctx, items, node, "a role", seen)
    _check_keys(ctx, items, ROLE_KEYS, "a role", ident)
    aliases = _strings(ctx, items, "aliases", ident, what="alias")
    if not aliases:
        raise ctx.error("a role needs at least one alias (the noun naming its holder)", node, ident)
    return RoleNoun(
        id=ident,
        label=_optional(ctx, items, "label", ident) or ident,
        aliases=aliases,
        description=_optional(ctx, items, "description", ident) or "",
    )


def _parse_actor_role(ctx: _Ctx, node: yaml.Node, entry: str, role_ids: dict) -> Role:
    items = _mapping(ctx, node, "an actor's role", entry)
    _check_keys(ctx, items, ACTOR_ROLE_KEYS, "an actor's role", entry)
    role = _required(ctx, items, "role", node, "an actor's role", entry)
    if role not in role_ids:
        raise ctx.error(f"unknown role {role!r} (not in 'roles:')", items["role"][1], entry)
    start = _date(ctx, items["start"][1], "start", entry) if "start" in items else None
    end = _date(ctx, items["end"][1], "end", entry) if "end" in items else None
    if start and end and end < start:
        raise ctx.error(f"role {role!r} ends ({end}) before it starts ({start})", node, entry)
    return Role(role=role, start=start, end=end)


def _parse_actor(ctx: _Ctx, node: yaml.Node, seen: dict, role_ids: dict) -> tuple[Actor, dict]:
    items = _mapping(ctx, node, "an actor", None)
    ident = _id(ctx, items, node, "an actor", seen)
    _check_keys(ctx, items, ACTOR_KEYS, "an actor", ident)
    name = _required(ctx, items, "name", node, "an actor", ident)
    kind = _required(ctx, items, "type", node, "an actor", ident)
    if kind not in ACTOR_TYPES:
        raise ctx.error(
            f"unknown type {kind!r} (allowed: {', '.join(ACTOR_TYPES)})", items["type"][1], ident
        )
    aliases = _strings(ctx, items, "aliases", ident, what="alias")
    if name not in aliases:
        aliases = (name, *aliases)
    roles: list[Role] = []
    if "roles" in items:
        for child in _sequence(ctx, items["roles"][1], "roles", ident):
            roles.append(_parse_actor_role(ctx, child, ident, role_ids))
    country = _optional(ctx, items, "country", ident)
    if country is not None and not _COUNTRY.match(country):
        raise ctx.error(
            f"bad country {country!r}: use an upper-case ISO code such as DE or FR",
            items["country"][1],
            ident,
        )
    actor = Actor(
        id=ident,
        name=name,
        type=kind,
        aliases=aliases,
        adjectives=_strings(ctx, items, "adjectives", ident, what="adjective"),
        roles=tuple(roles),
        affiliation=_optional(ctx, items, "affiliation", ident),
        country=country,
        party=_optional(ctx, items, "party", ident),
        groups=_strings(ctx, items, "groups", ident, what="group"),
        description=_optional(ctx, items, "description", ident) or "",
    )
    return actor, items


def _parse_frame(ctx: _Ctx, node: yaml.Node, seen: dict) -> Frame:
    items = _mapping(ctx, node, "a frame", None)
    ident = _id(ctx, items, node, "a frame", seen)
    _check_keys(ctx, items, FRAME_KEYS, "a frame", ident)
    terms = _strings(ctx, items, "terms", ident, what="term")
    if not terms:
        raise ctx.error("a frame needs at least one term", node, ident)
    for child in _sequence(ctx, items["terms"][1], "terms", ident):
        term = str(child.value).strip()
        if not _TERM.match(term) or term.strip("*? ") == "":
            raise ctx.error(
                f"bad term {term!r}: letters, spaces, hyphens and the globs * ? only", child, ident
            )
    return Frame(
        id=ident,
        label=_optional(ctx, items, "label", ident) or ident,
        description=_optional(ctx, items, "description", ident) or "",
        terms=terms,
    )


def _parse_mention_kinds(ctx: _Ctx, node: yaml.Node) -> dict[str, tuple[str, ...]]:
    """``mention_kinds:`` — actor type -> the kinds of mention counted as attention."""
    items = _mapping(ctx, node, "'mention_kinds'", None)
    out: dict[str, tuple[str, ...]] = {}
    for type_, (knode, vnode) in items.items():
        if type_ not in ACTOR_TYPES:
            raise ctx.error(
                f"unknown actor type {type_!r} in 'mention_kinds' "
                f"(allowed: {', '.join(ACTOR_TYPES)})",
                knode,
            )
        kinds: list[str] = []
        for child in _sequence(ctx, vnode, f"mention_kinds.{type_}", None):
            kind = _scalar(ctx, child, "a kind of mention", None)
            if kind not in MENTION_KINDS:
                raise ctx.error(
                    f"unknown kind of mention {kind!r} for {type_!r} "
                    f"(allowed: {', '.join(MENTION_KINDS)})",
                    child,
                )
            if kind not in kinds:
                kinds.append(kind)
        out[type_] = tuple(kinds)
    return out


def _compose(text: str, ctx: _Ctx) -> yaml.Node:
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "syntax error"
        raise CodebookError(f"YAML syntax error: {problem}", path=ctx.path, line=line) from None
    except yaml.YAMLError as exc:
        raise CodebookError(f"YAML error: {exc}", path=ctx.path) from None
    if node is None:
        raise CodebookError("the codebook is empty", path=ctx.path, line=1)
    return node


def parse_codebook(text: str, *, path: str | Path | None = None) -> Codebook:
    """Validate codebook YAML ``text``; ``path`` only names the file in error messages."""
    ctx = _Ctx(Path(path) if path is not None else None)
    root = _compose(text, ctx)
    top = _mapping(ctx, root, "the codebook", None)
    _check_keys(ctx, top, TOP_KEYS, "the codebook", None)
    role_seen: dict[str, int] = {}
    roles = tuple(
        _parse_role_noun(ctx, n, role_seen)
        for n in (_sequence(ctx, top["roles"][1], "roles", None) if "roles" in top else [])
    )
    actor_seen: dict[str, int] = {}
    parsed = [
        _parse_actor(ctx, n, actor_seen, role_seen)
        for n in (_sequence(ctx, top["actors"][1], "actors", None) if "actors" in top else [])
    ]
    # references between actors, checked once every id is known
    for actor, items in parsed:
        for key in ("party", "affiliation"):
            ref = getattr(actor, key)
            if ref is not None and ref not in actor_seen:
                raise ctx.error(f"{key} {ref!r} is not an actor id", items[key][1], actor.id)
    frame_seen: dict[str, int] = {}
    frames = tuple(
        _parse_frame(ctx, n, frame_seen)
        for n in (_sequence(ctx, top["frames"][1], "frames", None) if "frames" in top else [])
    )
    verbs = None
    verbs_plain = None
    if "reporting_verbs" in top:
        verbs_plain = _plain(top["reporting_verbs"][1])
        verbs = _parse_verbs(verbs_plain, ctx, top["reporting_verbs"][1])
    mention_kinds = (
        _parse_mention_kinds(ctx, top["mention_kinds"][1]) if "mention_kinds" in top else {}
    )
    actors = tuple(a for a, _ in parsed)
    digest = _digest(actors, roles, frames, verbs_plain, mention_kinds)
    name = _optional(ctx, top, "name", None) or ""
    return Codebook(
        path=ctx.path,
        actors=actors,
        roles=roles,
        frames=frames,
        reporting_verbs=verbs,
        hash=digest,
        name=name,
        mention_kinds=mention_kinds,
    )


def _parse_verbs(data: Any, ctx: _Ctx, node: yaml.Node) -> Any:
    """Hand the ``reporting_verbs:`` section to the attribution lexicon's parser."""
    return parse_reporting_verbs(data, path=ctx.path, node=node)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "_asdict"):
        return {k: _jsonable(v) for k, v in value._asdict().items()}
    return value


def _digest(
    actors: tuple, roles: tuple, frames: tuple, verbs: Any, mention_kinds: dict | None = None
) -> str:
    content = {
        "actors": _jsonable(actors),
        "roles": _jsonable(roles),
        "frames": _jsonable(frames),
        "reporting_verbs": verbs,
    }
    if mention_kinds:  # only when set: existing codebooks keep their hash
        content["mention_kinds"] = {k: list(v) for k, v in sorted(mention_kinds.items())}
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def resolve_path(path: str | Path | None = None) -> Path:
    """``None`` or ``""`` = the bundled default codebook."""
    if path is None or str(path) == "":
        return DEFAULT_PATH
    return Path(path).expanduser().resolve()


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime_ns: int, size: int) -> Codebook:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CodebookError(f"not UTF-8 text ({exc.reason})", path=file) from None
    return parse_codebook(text, path=file)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Load and validate a codebook (default: the bundled one); cached per file version.

    Raises :class:`CodebookError` naming file, line and entry for any problem.
    """
    file = resolve_path(path)
    try:
        stat = file.stat()
    except OSError as exc:
        raise CodebookError(f"cannot read codebook: {exc.strerror}", path=file) from None
    if not file.is_file():
        raise CodebookError("codebook path is not a file", path=file)
    return _load_cached(str(file), stat.st_mtime_ns, stat.st_size)


def codebook_hash(path: str | Path | None = None) -> str:
    """sha256 of the parsed, normalised codebook: unchanged by comments and formatting."""
    return load_codebook(path).hash
