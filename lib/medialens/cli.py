"""The ``medialens`` command line: thin wrappers that parse flags, call the library, print.

Exit codes (stable, for schedulers): 0 success; 1 the run failed or, with ``--strict``,
input was rejected (also: disk full, one line naming the path and the free space); 2 usage
error (bad flag, missing file, malformed codebook); 75 another run holds the store (one line
"another run holds the store since … (pid N)"; try again later); 130 interrupted (Ctrl-C).
Each sub-command lives in its own module exposing ``add_arguments(parser)`` and
``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from medialens import __version__
from medialens.codebook.errors import CodebookError

#: command -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "ingest": (
        "medialens.corpus.cli",
        "read data/raw into the processed store (articles, rejects)",
    ),
    "annotate": (
        "medialens.nlp.cli",
        "annotate JSONL documents: quotes, scare quotes, mentions, framing",
    ),
    "collect": (
        "medialens.collect.cli",
        "poll RSS/Atom feeds and save new article pages into data/raw",
    ),
    "run": (
        "medialens.run",
        "scheduled run: collect, process (incremental), report, prune old reports",
    ),
    "process": (
        "medialens.pipeline.cli",
        "ingest, then annotate every article into the processed store",
    ),
    "report": ("medialens.reports.cli", "run the notebooks with papermill into HTML reports"),
    "codebook": (
        "medialens.codebook.cli",
        "validate a codebook and summarise its actors and frames",
    ),
    "validate": (
        "medialens.validate.cli",
        "sample annotations for manual coding and score the coded sheets",
    ),
}

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
#: another run holds the store (``EX_TEMPFAIL`` of sysexits.h: try again later)
EXIT_LOCKED = 75


class UsageError(Exception):
    """A problem with what the user asked for (exit code 2, message without traceback)."""


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """Path flags shared by several commands (defaults from ``medialens.config``)."""
    parser.add_argument(
        "--raw", metavar="DIR", help="raw data folder (default: data/raw, env MEDIALENS_RAW)"
    )
    parser.add_argument(
        "--processed",
        metavar="DIR",
        help="processed store (default: data/processed, env MEDIALENS_PROCESSED)",
    )
    parser.add_argument(
        "--codebook",
        metavar="PATH",
        help="codebook YAML (default: the bundled one, env MEDIALENS_CODEBOOK)",
    )
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="installed spaCy model to use instead of blank German (env MEDIALENS_MODEL)",
    )


def _chosen_command(argv: Sequence[str]) -> str | None:
    """The sub-command named in ``argv`` (the first word that is one), if any."""
    return next((a for a in argv if a in COMMANDS), None)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser. Only the module of the command named in ``argv`` is imported
    (each pulls in pandas, pyarrow or spaCy: seconds per start); the others get their
    one-line help. Without ``argv`` every command module is imported."""
    chosen = _chosen_command(argv) if argv is not None else None
    parser = argparse.ArgumentParser(
        prog="medialens",
        description="Measure actors, attribution and framing in German-language news.",
        epilog="Exit codes: 0 ok, 1 failed (or rejects with --strict), 2 usage error, 75 another run holds the store, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"medialens {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        if argv is not None and name != chosen:
            sub.add_parser(name, help=help_text)
            continue
        mod = importlib.import_module(module)
        p = sub.add_parser(name, help=help_text, description=(mod.__doc__ or help_text).strip())
        p.formatter_class = argparse.RawDescriptionHelpFormatter
        mod.add_arguments(p)
        p.set_defaults(_module=mod)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:  # spaCy logs its initialisation steps at INFO
        logging.getLogger("spacy").setLevel(logging.WARNING)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args._module.run(args) or 0)
    except (UsageError, CodebookError) as exc:
        print(f"medialens {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(
            f"medialens {args.command}: interrupted; the store was left unchanged", file=sys.stderr
        )
        return EXIT_INTERRUPTED
    except Exception as exc:
        lock = sys.modules.get("medialens.lock")  # loaded only by commands that lock
        if lock is not None and isinstance(exc, lock.LockHeld):
            print(f"medialens {args.command}: {exc}", file=sys.stderr)
            return EXIT_LOCKED
        if isinstance(exc, OSError) and is_disk_full(exc):
            print(f"medialens {args.command}: {disk_full_message(exc, args)}", file=sys.stderr)
            return EXIT_FAIL
        raise


def is_disk_full(exc: OSError) -> bool:
    """``ENOSPC``/``EDQUOT``, also when pyarrow reports it only in the message."""
    return exc.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left on device" in str(exc)


def disk_full_message(exc: OSError, args: argparse.Namespace) -> str:
    """One line naming the path written and the free space left on its file system."""
    import shutil
    from pathlib import Path

    target = (
        exc.filename
        or getattr(args, "processed", None)
        or os.environ.get("MEDIALENS_PROCESSED", "data/processed")
    )
    probe = Path(os.fsdecode(target))
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        free = f"{shutil.disk_usage(probe).free / 1e6:,.1f} MB free"
    except OSError:
        free = "free space unknown"
    return f"disk full writing {os.fsdecode(target)} ({free}); the previous snapshot stays current"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
