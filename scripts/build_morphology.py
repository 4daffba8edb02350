#!/usr/bin/env python3
"""Build the compact German noun morphology lexicon from the ``german-nouns`` CSV.

Source: ``german-nouns`` 1.2.5 (PyPI, https://github.com/gambolputty/german-nouns), a list of
~100,000 German nouns with gender and all case/number forms compiled from the German
Wiktionary, licensed CC BY-SA 4.0. The output (``lib/medialens/nlp/attribution/data/
german_nouns.tsv.gz``) is a derivative and stays under CC BY-SA 4.0 in its own file.

Usage (offline after the download)::

    pip download --no-deps german-nouns==1.2.5 -d /tmp/gn && unzip -o /tmp/gn/*.whl -d /tmp/gn
    python scripts/build_morphology.py /tmp/gn/german_nouns/nouns.csv

Output lines: ``form<TAB>code`` sorted by the UTF-8 bytes of the form; ``code`` is the integer
bit set documented in :mod:`medialens.nlp.attribution.morphology`.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from medialens.nlp.attribution.morphology import (  # noqa: E402
    ADJECTIVAL,
    CASES,
    COMMON,
    FIRST_NAME,
    GENDER_BITS,
    LEXICON_PATH,
    OTHER_NAME,
    SURNAME,
    TOPONYM,
    case_bit,
)

_NAME_TAGS = {"Vorname": FIRST_NAME, "Nachname": SURNAME, "Toponym": TOPONYM}
_SKIP_TAGS = {
    "Affix",
    "Suffix",
    "Gebundenes Lexem",
    "Buchstabe",
    "Symbol",
    "Redewendung",
    "Wortverbindung",
    "Grußformel",
    "Geflügeltes Wort",
}


def build(csv_path: Path) -> dict[str, int]:
    forms: dict[str, int] = {}
    with csv_path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        for row in reader:
            tags = set(row[1].split(","))
            if tags & _SKIP_TAGS or "Substantiv" not in tags:
                continue
            flags = 0
            for tag, bit in _NAME_TAGS.items():
                if tag in tags:
                    flags |= bit
            if "Eigenname" in tags:
                flags |= OTHER_NAME
            if not flags:
                flags = COMMON
            if "adjektivische Deklination" in tags:
                flags |= ADJECTIVAL
            gender = 0
            for g in row[2:7]:
                gender |= GENDER_BITS.get(g, 0)
            lemma = row[0]
            if " " not in lemma:
                forms[lemma] = forms.get(lemma, 0) | flags | gender
            for i in range(7, len(row)):
                if not row[i]:
                    continue
                case, number = header[i].split()[:2]
                if case not in CASES:
                    continue
                bit = case_bit(case, number == "plural")
                for form in row[i].split(","):
                    form = form.strip()
                    if form and " " not in form:
                        forms[form] = forms.get(form, 0) | flags | gender | bit
    return forms


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", type=Path, help="german_nouns/nouns.csv of german-nouns 1.2.5")
    ap.add_argument("-o", "--output", type=Path, default=LEXICON_PATH)
    args = ap.parse_args(argv)
    forms = build(args.csv)
    lines = sorted(f"{k}\t{v}" for k, v in forms.items())
    lines.sort(key=lambda s: s.split("\t", 1)[0].encode("utf-8"))
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime=0: the same input gives byte-identical output
    args.output.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    print(f"{len(lines)} forms -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
