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
    lines.extend(_lexicon_summary(cb))
    return lines


def _lexicon_summary(cb: Codebook) -> list[str]:
    """Counts of the reporting-verb lexicon that applies, by type and argument structure
    (the bundled lexicon is validated here too when the codebook has no section)."""
    from medialens.codebook.verbs import DEFAULT_SUBJECTS, Lexicon, load_reporting_verbs

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
