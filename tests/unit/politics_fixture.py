"""Checks shared by the politics scare-quote sets (``untouched2``, ``dev3``).

Why: both sets come from the same source file (``scripts/wikinews_politics.py``) and store
their texts with the labels, so the same things can silently shift — an edit of the articles
file, a change of ``normalize_text`` or of the mark-pair scan would change what is measured.
Each test file binds these checks to its own fixture paths.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def rows(path: Path) -> list[dict]:
    """The JSON lines of a fixture file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def check_loads(
    labels: list[dict],
    articles: dict[str, dict],
    prefix: str,
    split: str,
    min_spans: int,
    min_scare: int,
) -> None:
    """One split, the three labels, an article row for every labelled article, ids with the
    set's prefix and source names of de.wikinews.org pages."""
    assert len(labels) >= min_spans
    assert len(articles) == len({r["article"] for r in labels})
    assert {r["split"] for r in labels} == {split}
    counts = Counter(r["label"] for r in labels)
    assert set(counts) == {"speech", "scare_quote", "name_or_title"}
    assert counts["scare_quote"] >= min_scare
    for a in articles.values():
        assert a["article"].startswith(prefix + "-"), a["article"]
        assert a["source_name"].startswith("https_de.wikinews.org_wiki_"), a["article"]


def check_offsets(labels: list[dict], articles: dict[str, dict]) -> None:
    """Every row's offsets give its words in the stored text; one to six words."""
    for r in labels:
        text = articles[r["article"]]["text"]
        assert 0 <= r["start"] < r["end"] <= len(text), r
        assert text[r["start"] : r["end"]] == r["text"], r
        assert 1 <= len(r["text"].split()) <= 6, r


def check_normalised(articles: dict[str, dict]) -> None:
    """Offsets are in the text after ``normalize_text``; the stored text is that text."""
    from medialens.corpus.normalize import normalize_text

    for a in articles.values():
        assert normalize_text(a["text"]).text == a["text"], a["article"]


def check_complete(
    labels: list[dict], articles: dict[str, dict], artefacts: set[tuple[str, int, int]]
) -> None:
    """The same mark-pair scan as the other sets: every quotation of one to six words is
    labelled, apart from the recorded artefacts."""
    from medialens.nlp.attribution.marks import find_quoted_regions

    labelled = {(r["article"], r["start"], r["end"]) for r in labels}
    assert len(labelled) == len(labels)
    scanned = set()
    for aid, a in articles.items():
        for q in find_quoted_regions(a["text"]):
            s, e = q.inner
            if 1 <= len(a["text"][s:e].split()) <= 6:
                scanned.add((aid, s, e))
    assert scanned - artefacts == labelled
    assert scanned >= artefacts
