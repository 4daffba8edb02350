"""Check a codebook: ``medialens codebook check [PATH]`` validates it and prints a summary.

Without PATH the codebook from ``--codebook`` / ``MEDIALENS_CODEBOOK`` / the bundled default
is checked. A malformed codebook prints ``FILE:LINE: problem (entry 'id')`` and exits with 2.
The summary lists actors per type, role nouns, frames and their term counts, the groups, and
surface forms shared by several actors (resolved from context at run time).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

from medialens.codebook.errors import CodebookError
from medialens.codebook.loader import load_codebook
from medialens.codebook.model import Codebook


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="codebook_command", metavar="ACTION")
    check = sub.add_parser("check", help="validate a codebook and print a summary")
    check.add_argument("path", nargs="?", metavar="PATH", help="codebook YAML (default: bundled)")
    check.add_argument("--codebook", dest="codebook_option", metavar="PATH", help="same as PATH")


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
    return lines


def run(args: argparse.Namespace) -> int:
    if getattr(args, "codebook_command", None) != "check":
        print("usage: medialens codebook check [PATH]", file=sys.stderr)
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
