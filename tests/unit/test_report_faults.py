"""Faults of ``medialens report`` found with unseen input (issue #17, item 4).

A corpus without the default stance category renders a "no data" section; an unknown
``article_id`` or ``stance_category`` exits 2 with one line and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from medialens.cli import main
from medialens.codebook import DEFAULT_PATH, codebook_hash
from medialens.store import StoreWriter


def _store(path: Path) -> Path:
    """Four articles whose quotes all have a *neutral* cue (no ``distancing`` at all)."""
    text = "„Wir handeln“, sagte Merz."
    with StoreWriter(path) as w:
        w.write(
            "articles",
            [
                {
                    "article_id": f"art-{i}",
                    "outlet": "taz" if i % 2 else "welt",
                    "date": dt.date(2025, 1, 1 + i),
                    "n_words": 4,
                    "text": text,
                    "title": f"Titel {i}",
                }
                for i in range(4)
            ],
        )
        w.write(
            "mentions",
            [
                {
                    "article_id": f"art-{i}",
                    "actor": "merz",
                    "type": "person",
                    "start": 21,
                    "end": 25,
                }
                for i in range(4)
            ],
        )
        w.write(
            "quotes",
            [
                {
                    "article_id": f"art-{i}",
                    "start": 1,
                    "end": 12,
                    "text": "Wir handeln",
                    "kind": "direct",
                    "speaker_start": 21,
                    "speaker_end": 25,
                    "speaker_text": "Merz",
                    "actor": "merz",
                    "cue_start": 15,
                    "cue_end": 20,
                    "cue_text": "sagte",
                    "cue_lemma": "sagen",
                    "cue_category": "neutral",
                }
                for i in range(4)
            ],
        )
        w.commit(
            annotation={"codebook": str(DEFAULT_PATH), "codebook_hash": codebook_hash(DEFAULT_PATH)}
        )
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return _store(tmp_path_factory.mktemp("neutral") / "processed")


def _report(store: Path, reports: Path, *args: str) -> int:
    return main(["report", *args, "--processed", str(store), "--reports", str(reports)])


def test_default_stance_category_absent_renders_no_data(store, tmp_path, capsys):
    reports = tmp_path / "reports"
    assert _report(store, reports, "03_attribution") == 0, capsys.readouterr()
    (run,) = [p for p in reports.iterdir() if p.is_dir() and not p.is_symlink()]
    assert json.loads((run / "run.json").read_text(encoding="utf-8"))["status"] == "ok"
    page = (run / "03_attribution.html").read_text(encoding="utf-8")
    assert "ml-no-data" in page
    assert "has a reporting verb of the stance category “distancing”" in page


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("03_attribution", "--param", "stance_category=distancin"), "did you mean 'distancing'"),
        (("03_attribution", "--param", "stance_category=nonsense"), "valid values: agreeing"),
        (("05_article_view", "--param", "article_id=art-9"), "did you mean 'art-"),
        (("05_article_view", "--param", "article_id=zzzzzz"), "for example: art-"),
    ],
)
def test_unknown_stance_category_or_article_id_exits_2_and_writes_nothing(
    store, tmp_path, capsys, args, expected
):
    reports = tmp_path / "reports"
    assert _report(store, reports, *args) == 2
    err = capsys.readouterr().err
    name = args[-1].split("=")[0]
    assert name in err and expected in err.lower() and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not reports.exists() or not any(reports.iterdir())


def test_known_article_id_and_stance_category_pass_validation(store):
    from medialens.reports.runner import validate_notebook_values

    validate_notebook_values({"processed_dir": str(store), "article_id": "art-2"})
    validate_notebook_values({"processed_dir": str(store), "stance_category": "neutral"})
    # a category of the lexicon that this store lacks is valid (its section says "no data")
    validate_notebook_values({"processed_dir": str(store), "stance_category": "alarm"})
