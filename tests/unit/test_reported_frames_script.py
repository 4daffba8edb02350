"""The per-verb reported-frame measurement (``scripts/reported_frames.py``, issue #13 round
13): the opened gate lets a verb cue report speech by its object or prepositional phrase,
logs the verb and the frame words of its clause, keeps a negated clause shut and restores the
lexicon's gate afterwards; the table counts true/added per verb and frame. All sentences are
invented."""

from __future__ import annotations

import sys

import pytest
from attribution_pipeline import annotate, summary
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
try:
    from reported_frames import opened_gate, table
finally:
    sys.path.remove(str(ROOT / "scripts"))


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(k, q) for k, q, _s, _c in summary(annotate(text))]


@pytest.mark.parametrize(
    ("text", "lemma", "frames"),
    [
        (
            "Der Landrat sprach sich am Montag für eine neue Umgehungsstraße aus.",
            "sich aussprechen",
            ("für",),
        ),
        ("Die Opposition verlangte den Rücktritt des Kämmerers.", "verlangen", ()),
        ("Der Verband rief seine Mitglieder zum Boykott der Messe auf.", "aufrufen", ("zu",)),
    ],
)
def test_opened_gate_adds_and_logs(text: str, lemma: str, frames: tuple[str, ...]) -> None:
    assert not [k for k, _q in _kinds(text) if k == "reported"]  # (the lexicon keeps it out)
    log: list = []
    with opened_gate(log):
        opened = _kinds(text)
    assert ("reported", text.rstrip(".")) in opened
    assert [(e.lemma, e.frames) for e in log] == [(lemma, frames)]
    assert not [k for k, _q in _kinds(text) if k == "reported"]  # (restored)


@pytest.mark.parametrize(
    "text",
    [
        # negated: no speech act reported, also with the gate open
        "Der Landrat sprach sich nicht für eine neue Umgehungsstraße aus.",
        "Die Opposition verlangte keinen Rücktritt des Kämmerers.",
    ],
)
def test_opened_gate_keeps_negation_shut(text: str) -> None:
    log: list = []
    with opened_gate(log):
        assert not [k for k, _q in _kinds(text) if k == "reported"]
    assert log == []


def test_table_counts_per_verb_and_frame() -> None:
    rows = [
        {"lemma": "bitten", "frames": ("um",), "true": True, "spk": True},
        {"lemma": "bitten", "frames": ("um",), "true": False, "spk": False},
        {"lemma": "bitten", "frames": (), "true": False, "spk": False},
    ]
    lines = table(rows, None, 1)
    assert lines[1].split() == ["bitten", "ANY", "1/3", "0.33", "1"]
    assert lines[2].split() == ["bitten", "bare", "0/1", "0.00", "0"]
    assert lines[3].split() == ["bitten", "um", "1/2", "0.50", "1"]
