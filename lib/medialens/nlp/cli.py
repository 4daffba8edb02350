"""Annotate JSONL documents and write one JSON line per document.

Input: JSONL lines ``{"id": …, "text": …, "date"?: …}`` from a file or ``-`` (stdin).
Output (``-o``, default stdout): one line per document with ``id``, ``quotes``,
``scare_quotes``, ``mentions`` and ``framing``; offsets are ``[start, end)`` characters into the
input text. This is the format ``../shared/eval/score_quotes.py`` reads. A line that is not a
JSON object with a ``text`` is reported on stderr with its line number and skipped
(``--strict``: exit 1). The input may be gzip-compressed and in any encoding ``ingest``
reads (UTF-8 with cp1252 lines, UTF-16 with or without BOM); lone surrogates become U+FFFD.
The output file is written atomically.
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import io
import json
import os
import re
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from medialens.corpus.encoding import decode_mixed_line, looks_utf16_without_bom

#: Byte-order marks that fix a wide codec for the whole input (the codec drops the BOM).
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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


#: Lone surrogates (JSON ``"\\ud800"`` escapes) cannot be written as UTF-8; each becomes
#: U+FFFD, one character for one, so offsets into the text stay valid.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _open_binary(source: str) -> IO[bytes]:
    """The input as bytes; gzip (by its magic number, any name) is decompressed."""
    raw: IO[bytes] = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
    if buffered.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=buffered)  # type: ignore[return-value]
    return buffered


def input_lines(fh: IO[bytes]) -> Iterator[str]:
    """Decode a JSONL byte stream line by line, with the ingest's encoding rules.

    A byte-order mark (UTF-8/16/32) or the NUL pattern of BOM-less UTF-16 decides the codec
    for the whole stream; otherwise each line is UTF-8, and a line that is not falls back to
    cp1252 (:func:`~medialens.corpus.encoding.decode_mixed_line`), so one stray byte costs
    nothing and one undecodable line never stops the others.
    """
    head = fh.peek(4096)[:4096] if hasattr(fh, "peek") else b""
    codec = next((c for bom, c in _WIDE_BOMS if head.startswith(bom)), None)
    if codec is None and b"\x00" in head:
        codec = looks_utf16_without_bom(head)
    if codec is not None:
        yield from io.TextIOWrapper(fh, encoding=codec, newline="")  # type: ignore[arg-type]
        return
    for n, raw in enumerate(fh):
        if n == 0:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        yield decode_mixed_line(raw)[0]


def read_jsonl(lines: Iterable[str], name: str, problems: list[str]) -> Iterator[dict[str, Any]]:
    """Yield JSON objects with a ``text``; record bad lines in ``problems`` (file:line: why).

    A stream that cannot be read on (a cut-off gzip file, bytes that are not the declared
    UTF-16) ends with one problem naming the line; the records before it are kept.
    """
    n = 0
    try:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            if "\x00" in line:
                problems.append(f"{name}:{n}: contains NUL bytes (corrupted line)")
                continue
            try:
                rec = json.loads(line)
            except RecursionError:
                problems.append(f"{name}:{n}: not valid JSON (nested too deeply)")
                continue
            except json.JSONDecodeError as exc:
                problems.append(f"{name}:{n}: not valid JSON ({exc.msg})")
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                problems.append(f"{name}:{n}: not a JSON object with a string 'text'")
                continue
            for key, value in rec.items():
                if isinstance(value, str):
                    rec[key] = _SURROGATE_RE.sub("\ufffd", value)
            rec.setdefault("id", f"{Path(name).stem}:{n}")
            yield rec
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        problems.append(f"{name}:{n + 1}: cannot read on ({exc}); rest of the input skipped")


def run(args: argparse.Namespace) -> int:
    from medialens.cli import UsageError
    from medialens.config import get_settings
    from medialens.nlp import annotate_texts, build_nlp

    settings = get_settings(codebook=args.codebook, model=args.model)
    if args.input != "-" and not Path(args.input).is_file():
        raise UsageError(f"input file not found: {args.input}")
    nlp = build_nlp(model=settings.model, codebook=settings.codebook)
    problems: list[str] = []
    src = _open_binary(args.input)
    out_path = None if args.output == "-" else Path(args.output)
    if out_path is None:
        out = sys.stdout
    else:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", dir=out_path.parent)
        out = os.fdopen(fd, "w", encoding="utf-8")
    try:
        records = read_jsonl(
            input_lines(src), "<stdin>" if args.input == "-" else args.input, problems
        )
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
        if args.input != "-":
            src.close()
    for p in problems:
        print(f"medialens annotate: skipped {p}", file=sys.stderr)
    return 1 if problems and args.strict else 0
