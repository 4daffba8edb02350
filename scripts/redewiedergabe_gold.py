#!/usr/bin/env python3
"""Turn the REDEWIEDERGABE corpus (historical German, 1840–1920) into quotation gold lines.

Why: issue #13 asks that no attribution figure falls on historical German newspaper text,
and no such gold ships with the project. The corpus of project *Redewiedergabe* (Brunner et
al. 2020, https://github.com/redewiedergabe/corpus) annotates speech, thought and writing
representation with the same four types as the Wikinews gold (direct, indirect, free
indirect, reported) plus speakers and introductory expressions; its non-fiction samples come
from 19th- and early 20th-century newspapers and magazines (*Die Grenzboten* and the
Mannheim corpus of historical newspapers). This script writes those samples in the
``wikinews-quotes`` line format, so that ``scripts/eval_quotes.py --gold FILE`` scores
medialens on them with the same scorer.

Limits, first: the corpus is CC BY-NC-SA 4.0 and therefore for **measurement only** — never
copy it, its text or anything derived from it into this repository; point the script at a
checkout of your own. The corpus ships tokens, not running text: the text is rebuilt by
joining tokens with a space except before closing and after opening punctuation, so spacing
differs from print (*„ Forstmeister “* becomes *„Forstmeister“*, *z. B.* stays). Paragraph
breaks are not in the corpus, so every sample is one paragraph. Instances whose medium is
*thought* only are left out (the Wikinews gold annotates speech and writing); ambiguous types
take the first alternative, except *indirect freeIndirect*, which is the Wikinews
``IndirectFreeIndirect``.

Usage: ``python scripts/redewiedergabe_gold.py CORPUS_CHECKOUT -o /tmp/rw.jsonl
[--fiction] [--release main|beta-release]``
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

#: tokens written without a space before them
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}“”‘’«›%")
#: tokens written without a space after them
_NO_SPACE_AFTER = frozenset("([{„‚»‹")
#: corpus type names → Wikinews gold type names
_TYPES = {
    "direct": "Direct",
    "indirect": "Indirect",
    "freeIndirect": "FreeIndirect",
    "reported": "Reported",
}
_MEDIA = {"speech": "Speech", "writing": "Writing", "thought": "Thought"}


class Instance(NamedTuple):
    """One speech, thought or writing representation of a sample."""

    type: str
    medium: str
    nested: bool
    quote: list[int]
    speaker: list[int]
    cue: list[int]
    frame: list[int]


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The running text of ``tokens`` and each token's ``(start, end)`` in it.

    An ASCII double quote closes an open „ or ", else it opens one.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    glue_next = True
    quote_open = False  # an opening „ or " waits for its closing mark
    for tok in tokens:
        closing = tok in _NO_SPACE_BEFORE or (tok == '"' and quote_open)
        if parts and not glue_next and not closing:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        if tok in ('"', "„"):
            glue_next = tok == "„" or not quote_open
            quote_open = tok == "„" or not quote_open
        else:
            glue_next = tok in _NO_SPACE_AFTER
            if tok in ("“", "”"):
                quote_open = False
    return "".join(parts), offsets


def _parse_stwr(value: str) -> list[tuple[int, str, str, int]]:
    """``(id, type, medium, level)`` of each annotation in one token's ``stwr`` cell."""
    out = []
    if value in ("", "-"):
        return out
    for level, ann in enumerate(value.split("|"), start=1):
        fields = ann.split(".")
        if len(fields) < 3 or not fields[2].isdigit():
            raise ValueError(f"unreadable stwr annotation {ann!r}")
        out.append((int(fields[2]), fields[0], fields[1], level))
    return out


def _ids(value: str, role: str) -> list[int]:
    """The instance ids of a ``speaker.1_6`` / ``intexpr.3`` / ``frame.2`` cell."""
    if value in ("", "-"):
        return []
    out: list[int] = []
    for part in value.split("|"):
        name, _, ids = part.partition(".")
        if name == role:
            out.extend(int(i) for i in ids.split("_") if i.isdigit())
    return out


def gold_type(corpus_type: str) -> str:
    """The Wikinews gold type of a corpus type cell (alternatives separated by space or ``_``)."""
    alts = corpus_type.replace("_", " ").split()
    if "indirect" in alts and "freeIndirect" in alts:
        return "IndirectFreeIndirect"
    for alt in alts:
        if alt in _TYPES:
            return _TYPES[alt]
    raise ValueError(f"unknown STWR type {corpus_type!r}")


def gold_medium(corpus_medium: str) -> str:
    alts = corpus_medium.replace("_", " ").split()
    return (
        "".join(_MEDIA.get(a, a)[0] for a in alts)
        if len(alts) > 1
        else _MEDIA.get(alts[0], alts[0])
    )


def read_sample(path: Path) -> tuple[str, dict[int, Instance]]:
    """Text and instances of one ``tsv`` sample; ``ValueError`` naming file and line."""
    tokens: list[str] = []
    rows: list[dict[str, str]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            if row.get("tok") is None:
                raise ValueError(f"{path}:{reader.line_num}: row without a token column")
            tokens.append(row["tok"])
            rows.append(row)
    text, offsets = detokenize(tokens)
    info: dict[int, dict[str, Any]] = {}
    for i, row in enumerate(rows):
        try:
            anns = _parse_stwr(row.get("stwr", "-"))
        except ValueError as exc:
            raise ValueError(f"{path}:{i + 2}: {exc}") from None
        for sid, typ, medium, level in anns:
            rec = info.setdefault(
                sid,
                {
                    "type": typ,
                    "medium": medium,
                    "level": level,
                    "quote": [],
                    "speaker": [],
                    "cue": [],
                    "frame": [],
                },
            )
            if not rec["quote"]:
                # a speaker or cue may come before the quotation itself
                rec.update(type=typ, medium=medium, level=level)
            rec["quote"].append(i)
            rec["level"] = min(rec["level"], level)
        for role, key in (("speaker", "speaker"), ("intexpr", "cue"), ("frame", "frame")):
            for sid in _ids(row.get(role, "-"), role):
                info.setdefault(
                    sid,
                    {
                        "type": "",
                        "medium": "",
                        "level": 1,
                        "quote": [],
                        "speaker": [],
                        "cue": [],
                        "frame": [],
                    },
                )[key].append(i)
    instances = {
        sid: Instance(
            gold_type(rec["type"]),
            gold_medium(rec["medium"]),
            rec["level"] > 1,
            rec["quote"],
            rec["speaker"],
            rec["cue"],
            rec["frame"],
        )
        for sid, rec in info.items()
        if rec["quote"]
    }
    return text, {
        sid: inst._replace(
            quote=_spans(inst.quote, offsets),
            speaker=_spans(inst.speaker, offsets),
            cue=_spans(inst.cue, offsets),
            frame=_spans(inst.frame, offsets),
        )
        for sid, inst in instances.items()
    }


def _spans(indices: Iterable[int], offsets: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Character spans of runs of consecutive token indices."""
    spans: list[list[int]] = []
    prev = None
    for i in sorted(set(indices)):
        if prev is not None and i == prev + 1:
            spans[-1][1] = offsets[i][1]
        else:
            spans.append([offsets[i][0], offsets[i][1]])
        prev = i
    return spans


def convert(corpus: Path, *, release: str = "main", fiction: bool = False) -> list[dict[str, Any]]:
    """Gold lines for the samples of one release (non-fiction unless ``fiction``)."""
    folder = corpus / "data" / release / "tsv"
    meta_path = folder / "metadata.tsv"
    if not meta_path.is_file():
        raise ValueError(
            f"{meta_path}: not found; give the root of a REDEWIEDERGABE corpus checkout"
        )
    with meta_path.open(encoding="utf-8", newline="") as fh:
        meta = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    out = []
    for row in meta:
        if (row.get("fictional") == "yes") != fiction:
            continue
        text, instances = read_sample(folder / row["file"])
        quotes = [
            {
                "type": inst.type,
                "medium": inst.medium,
                "nested": inst.nested,
                "quote": inst.quote,
                "speaker": inst.speaker,
                "cue": inst.cue,
                "frame": inst.frame,
                "addressee": [],
            }
            for _, inst in sorted(instances.items())
            if inst.medium != "Thought"
        ]
        year = row.get("year", "")
        out.append(
            {
                "id": "rw-" + row["file"].removesuffix(".tsv"),
                "title": row.get("title", ""),
                "date": f"{year}-01-01" if year.isdigit() else None,
                "outlet": row.get("source", ""),
                "text": text,
                "quotes": quotes,
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "corpus", type=Path, help="root of a checkout of github.com/redewiedergabe/corpus"
    )
    ap.add_argument("-o", "--output", type=Path, required=True, help="gold JSONL to write")
    ap.add_argument("--release", default="main", choices=("main", "beta-release"))
    ap.add_argument(
        "--fiction", action="store_true", help="the fictional samples instead of the non-fiction"
    )
    args = ap.parse_args(argv)
    try:
        lines = convert(args.corpus, release=args.release, fiction=args.fiction)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    tmp = args.output.with_name(args.output.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    tmp.replace(args.output)
    n = sum(len(line["quotes"]) for line in lines)
    print(f"wrote {len(lines)} samples, {n} quotations to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
