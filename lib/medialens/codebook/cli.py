"""Check a codebook: ``medialens codebook check [PATH]`` validates it and prints a summary;
``medialens codebook suggest [--min-mentions N] -o draft.yaml`` drafts actors from the store.

Without PATH the codebook from ``--codebook`` / ``MEDIALENS_CODEBOOK`` / the bundled default
is checked. A malformed codebook prints ``FILE:LINE: problem (entry 'id')`` and exits with 2.
The summary lists actors per type, role nouns, frames and their term counts, the groups, and
surface forms shared by several actors (resolved from context at run time).

``suggest`` reads the ``entities`` table of the current processed snapshot (uncoded persons and
organisations found by ``medialens process``) and writes a codebook draft with one actor per
entity mentioned at least N times: canonical name, type (person/organisation), the other
spellings as aliases, counts as a comment. The draft passes ``codebook check``; edit it (types,
ids, false positives) and copy its actors into your codebook.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from medialens.codebook.errors import CodebookError
from medialens.codebook.loader import load_codebook
from medialens.codebook.model import Codebook


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="codebook_command", metavar="ACTION")
    check = sub.add_parser("check", help="validate a codebook and print a summary")
    check.add_argument("path", nargs="?", metavar="PATH", help="codebook YAML (default: bundled)")
    check.add_argument("--codebook", dest="codebook_option", metavar="PATH", help="same as PATH")
    suggest = sub.add_parser(
        "suggest", help="draft codebook actors from the uncoded entities of the processed store"
    )
    suggest.add_argument(
        "--min-mentions", type=int, default=3, metavar="N", help="entities mentioned >= N times"
    )
    suggest.add_argument("--processed", type=Path, default=None, help="processed store folder")
    suggest.add_argument("-o", "--output", type=Path, required=True, help="draft YAML to write")


def summary(cb: Codebook) -> list[str]:
    """Human-readable lines describing a validated codebook."""
    types = Counter(a.type for a in cb.actors)
    aliases = sum(len(a.aliases) for a in cb.actors)
    lines = [
        f"codebook: {cb.path or '<text>'}" + (f" ({cb.name})" if cb.name else ""),
        f"hash:     {cb.hash[:16]}",
        f"actors:   {len(cb.actors)} ({', '.join(f'{t} {n}' for t, n in sorted(types.items()))}),"
        f" {aliases} aliases, {sum(len(a.roles) for a in cb.actors)} role terms",
        f"roles:    {len(cb.roles)} role nouns",
        f"frames:   {len(cb.frames)}",
    ]
    for f in cb.frames:
        lines.append(f"  {f.id:22} {len(f.terms):3d} terms  {f.label}")
    groups = Counter(g for a in cb.actors for g in a.groups)
    lines.append(f"groups:   {', '.join(f'{g} ({n})' for g, n in groups.most_common())}")
    shared: dict[str, set[str]] = defaultdict(set)
    for a in cb.actors:
        for alias in a.aliases:
            shared[alias].add(a.id)
    ambiguous = {k: v for k, v in shared.items() if len(v) > 1}
    if ambiguous:
        lines.append("shared aliases (resolved by context):")
        for alias, ids in sorted(ambiguous.items()):
            lines.append(f"  {alias!r}: {', '.join(sorted(ids))}")
    lines.append(
        "reporting verbs: "
        + ("from the codebook" if cb.reporting_verbs is not None else "bundled lexicon")
    )
    lines.extend(_lexicon_summary(cb))
    return lines


def _lexicon_summary(cb: Codebook) -> list[str]:
    """Counts of the reporting-verb lexicon that applies, by type and argument structure
    (the bundled lexicon is validated here too when the codebook has no section)."""
    from medialens.codebook.verbindex import Lexicon, load_reporting_verbs
    from medialens.codebook.verbs import DEFAULT_SUBJECTS

    entries = cb.reporting_verbs
    lex = Lexicon(entries) if entries is not None else load_reporting_verbs(None)
    types = Counter(e.type for e in lex)
    by_role = Counter(r for e in lex for r in e.speaker)
    by_message = Counter(m for e in lex for m in e.message)
    narrowed = Counter(
        "+".join(e.subjects) for e in lex if set(e.subjects) != set(DEFAULT_SUBJECTS)
    )
    return [
        f"  {len(lex)} entries: " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())),
        "  speaker roles: " + ", ".join(f"{r} {n}" for r, n in sorted(by_role.items())),
        "  message forms: " + ", ".join(f"{m} {n}" for m, n in sorted(by_message.items())),
        "  subjects narrowed: "
        + (", ".join(f"{k} {n}" for k, n in sorted(narrowed.items())) or "none"),
    ]


#: entity type -> codebook actor type of a drafted actor
SUGGEST_TYPES = {"PER": "person", "ORG": "organisation"}


def _slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name.replace("ß", "ss")).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_.decode().lower()).strip("_")
    return slug or "entity"


def _yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def suggest_yaml(rows: Iterable[Mapping[str, Any]], *, min_mentions: int = 3) -> str:
    """A codebook draft (YAML text) with one actor per entity row mentioned >= ``min_mentions``.

    Why text, not a YAML dump: the draft carries comments (counts, dates) that help the user
    decide what to keep. Ids are ASCII slugs of the names, made unique with a number.
    """
    if min_mentions < 1:
        raise ValueError(f"min_mentions must be >= 1, got {min_mentions}")
    lines = [
        "# medialens codebook draft from `medialens codebook suggest`: uncoded persons and",
        "# organisations of the processed corpus. Check every entry (false positives, types,",
        "# ids), then copy the actors you keep into your codebook.",
        "version: 1",
        "name: draft from medialens codebook suggest",
        "actors:",
    ]
    seen: Counter[str] = Counter()
    n = 0
    for r in rows:
        if int(r["n_mentions"]) < min_mentions or r["type"] not in SUGGEST_TYPES:
            continue
        name = str(r["entity"])
        ident = _slug(name)
        seen[ident] += 1
        if seen[ident] > 1:
            ident = f"{ident}_{seen[ident]}"
        variants = r.get("variants")
        aliases = [str(v) for v in (() if variants is None else variants) if v != name]
        first, last = r.get("first_date"), r.get("last_date")
        if first is not None and first != first:  # NaT from pandas
            first = None
        lines.append(
            f"  # {r['n_mentions']} mentions in {r.get('n_articles', '?')} articles, "
            f"{r.get('n_quotes', 0)} quotes" + (f", {first} to {last}" if first else "")
        )
        lines += [
            f"  - id: {ident}",
            f"    name: {_yaml_str(name)}",
            f"    type: {SUGGEST_TYPES[r['type']]}",
        ]
        if aliases:
            lines.append(f"    aliases: [{', '.join(_yaml_str(a) for a in aliases)}]")
        n += 1
    if n == 0:
        lines[-1] = "actors: []"
    return "\n".join(lines) + "\n"


def run_suggest(args: argparse.Namespace) -> int:
    from medialens.store import StoreError, load_table

    processed = args.processed
    if processed is None:
        from medialens.config import get_settings

        processed = get_settings().processed_dir
    try:
        table = load_table("entities", processed)
    except (StoreError, FileNotFoundError) as exc:
        print(
            f"medialens codebook suggest: error: no entities table in {processed} ({exc}); "
            "run `medialens process` first",
            file=sys.stderr,
        )
        return 2
    if args.min_mentions < 1:
        print("medialens codebook suggest: error: --min-mentions must be >= 1", file=sys.stderr)
        return 2
    rows = table.to_dict("records")
    text = suggest_yaml(rows, min_mentions=args.min_mentions)
    from medialens.codebook.loader import parse_codebook
    from medialens.store import write_atomic

    parse_codebook(text, path=args.output)  # never write a draft that `check` would refuse
    write_atomic(args.output, text)
    kept = sum(1 for r in rows if int(r["n_mentions"]) >= args.min_mentions)
    print(
        f"{kept} of {len(rows)} entities with >= {args.min_mentions} mentions -> {args.output}",
        file=sys.stderr,
    )
    return 0


def run(args: argparse.Namespace) -> int:
    command = getattr(args, "codebook_command", None)
    if command == "suggest":
        return run_suggest(args)
    if command != "check":
        print("usage: medialens codebook check [PATH] | suggest -o FILE", file=sys.stderr)
        return 2
    path = args.path or getattr(args, "codebook_option", None) or getattr(args, "codebook", None)
    if path is None:
        from medialens.config import get_settings

        path = get_settings().codebook
    try:
        cb = load_codebook(path)
    except CodebookError as exc:
        print(f"medialens codebook: error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(summary(cb)))
    print("OK")
    return 0
