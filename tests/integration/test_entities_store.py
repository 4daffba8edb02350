"""The ``entities`` table of ``medialens process`` and ``medialens codebook suggest``."""

from __future__ import annotations

import json
from pathlib import Path

from medialens.cli import main
from medialens.codebook.loader import load_codebook
from medialens.store import load_table

ARTICLES = [
    ("e1", "2010-03-01", "Der Moderator Jörg Kachelmann sagte, er sei unschuldig."),
    ("e2", "2010-05-02", "Kachelmann wies die Vorwürfe zurück. Jörg Kachelmann bleibt in Haft."),
    ("e3", "2010-06-03", "Am Montag traf Anna Lührmann in Hamburg ein."),
]


def test_process_writes_entities_and_suggest_drafts_a_codebook(tmp_path: Path) -> None:
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    (raw / "feed.jsonl").write_text(
        "".join(
            json.dumps({"id": i, "date": d, "outlet": "Test", "text": t}, ensure_ascii=False) + "\n"
            for i, d, t in ARTICLES
        ),
        encoding="utf-8",
    )
    argv = ["process", "--raw", str(raw), "--processed", str(processed), "--no-progress"]
    assert main(argv) == 0
    ents = load_table("entities", processed).set_index("entity")
    row = ents.loc["Jörg Kachelmann"]
    assert row["type"] == "PER"
    assert row["n_mentions"] == 3 and row["n_articles"] == 2
    assert set(row["variants"]) == {"Jörg Kachelmann", "Kachelmann"}
    assert (
        str(row["first_date"])[:10] == "2010-03-01" and str(row["last_date"])[:10] == "2010-05-02"
    )
    assert "Hamburg" not in ents.index

    draft = tmp_path / "draft.yaml"
    assert (
        main(
            [
                "codebook",
                "suggest",
                "--processed",
                str(processed),
                "--min-mentions",
                "2",
                "-o",
                str(draft),
            ]
        )
        == 0
    )
    cb = load_codebook(draft)
    assert [(a.id, a.name, a.type) for a in cb.actors] == [
        ("jorg_kachelmann", "Jörg Kachelmann", "person")
    ]
    assert cb.actors[0].aliases[-1:] == ("Kachelmann",) or "Kachelmann" in cb.actors[0].aliases
    assert main(["codebook", "check", str(draft)]) == 0
    # a threshold nobody reaches gives an empty but valid draft
    assert (
        main(
            [
                "codebook",
                "suggest",
                "--processed",
                str(processed),
                "--min-mentions",
                "99",
                "-o",
                str(draft),
            ]
        )
        == 0
    )
    assert load_codebook(draft).actors == ()


def test_suggest_without_store_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "d.yaml"
    assert main(["codebook", "suggest", "--processed", str(tmp_path / "none"), "-o", str(out)]) == 2
    assert not out.exists()
