"""Annotate JSONL documents and write one JSON line per document.

Input: JSONL lines ``{"id": …, "text": …, "date"?: …}`` from a file or ``-`` (stdin).
Output (``-o``, default stdout): one line per document with ``id``, ``quotes``,
``scare_quotes``, ``mentions`` and ``framing``; offsets are ``[start, end)`` characters into the
input text. This is the format ``../shared/eval/score_quotes.py`` reads. A line that is not a
JSON object with a ``text`` is reported on stderr with its line number and skipped
(``--strict``: exit 1). The output file is written atomically.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="JSONL file with id and text per line, or - for stdin")
    parser.add_argument("-o", "--output", default="-", help="output JSONL file (default: stdout)")
    parser.add_argument("--codebook", metavar="PATH", help="codebook YAML (default: bundled)")
    parser.add_argument(
        "--model", metavar="NAME", help="installed spaCy model instead of blank German"
    )
    parser.add_argument("--n-process", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--batch-size", type=int, default=32, help="documents per batch")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any input line is bad")


def read_jsonl(fh: TextIO, name: str, problems: list[str]) -> Iterator[dict[str, Any]]:
    """Yield JSON objects with a ``text``; record bad lines in ``problems`` (file:line: why)."""
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{name}:{n}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            problems.append(f"{name}:{n}: not a JSON object with a string 'text'")
            continue
        rec.setdefault("id", f"{Path(name).stem}:{n}")
        yield rec


def run(args: argparse.Namespace) -> int:
    from medialens.cli import UsageError
    from medialens.config import get_settings
    from medialens.nlp import annotate_texts, build_nlp

    settings = get_settings(codebook=args.codebook, model=args.model)
    if args.input != "-" and not Path(args.input).is_file():
        raise UsageError(f"input file not found: {args.input}")
    nlp = build_nlp(model=settings.model, codebook=settings.codebook)
    problems: list[str] = []
    src = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8-sig")  # noqa: SIM115  (closed in finally)
    out_path = None if args.output == "-" else Path(args.output)
    if out_path is None:
        out = sys.stdout
    else:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", dir=out_path.parent)
        out = os.fdopen(fd, "w", encoding="utf-8")
    try:
        records = read_jsonl(src, "<stdin>" if args.input == "-" else args.input, problems)
        for _rec, _doc, result in annotate_texts(
            nlp, records, batch_size=args.batch_size, n_process=args.n_process
        ):
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        if out_path is not None:
            out.close()
            os.replace(tmp_name, out_path)
    except BaseException:
        if out_path is not None:
            out.close()
            Path(tmp_name).unlink(missing_ok=True)
        raise
    finally:
        if src is not sys.stdin:
            src.close()
    for p in problems:
        print(f"medialens annotate: skipped {p}", file=sys.stderr)
    return 1 if problems and args.strict else 0
