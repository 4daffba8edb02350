"""Golden test: attributions in the seed article (junge Welt, 5 September 2025).

The article body is embedded (press text used for development, see ../shared/README.md) so the
test runs without ../shared. Expected output: ``tests/fixtures/golden/seed_attribution.json``,
checked by hand against the article (see docs/attribution.md, "The seed article").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from medialens.nlp import factories  # noqa: F401

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden" / "seed_attribution.json"

SEED_BODY = (
    "\n"
    "In Paris haben am Donnerstag Vertreter von etwa 30 westlichen Regierungen "
    "darüber beraten, wie eventuelle »Sicherheitsgarantien« für die Ukraine "
    "ausgestaltet werden könnten. Persönlich in die französische Hauptstadt gekommen "
    "waren jedoch nur fünf Staats- und Regierungschefs; der große Rest, darunter "
    "auch Bundeskanzler Friedrich Merz, nahm per Videoschaltung teil. Der spanische "
    "Ministerpräsident Pedro Sanchez sagte in letzter Minute ab, angeblich wegen "
    "eines technischen Defekts an seinem Flugzeug.\n"
    "\n"
    "26 Länder seien bereit, Truppen zur Absicherung eines Waffenstillstands oder "
    "Friedens in der Ukraine einzusetzen, erklärte Frankreichs Präsident Emmanuel "
    "Macron nach Abschluss der Beratungen. Diese Staaten hätten sich formell "
    "verpflichtet, Truppen in der Ukraine zu stationieren oder auf dem Land, auf See "
    "oder in der Luft präsent zu sein, um das Land nach einem Kriegsende zu stärken "
    "und einen Frieden abzusichern. Aus der Bundesregierung waren im Vorfeld der "
    "Verhandlungen »große Vorbehalte« bezüglich einer deutschen Beteiligung an einer "
    "solchen Truppe geäußert worden; die Bundeswehr wolle sich auf technische und "
    "militärische Unterstützung der Kiewer Armee konzentrieren.\n"
    "\n"
    "»Diese Streitmacht hat weder den Willen noch das Ziel, Kriege gegen Russland zu "
    "führen, sondern soll den Frieden sichern und ein klares strategisches Signal "
    "setzen«, behauptete Macron. Die Truppen würden nicht an der Frontlinie zum "
    "Einsatz kommen.\n"
    "\n"
    "Russland hatte demgegenüber bereits im Vorfeld erneut deutlich gemacht, dass es "
    "eine Stationierung von NATO-Truppen in der Ukraine auf keinen Fall hinnehmen "
    "wolle. Über derartige Überlegungen werde Russland nicht einmal diskutieren, "
    "sagte Außenamtssprecherin Marija Sacharowa am Rande eines Wirtschaftsforums in "
    "Wladiwostok. Eine solche westliche Truppe werde die Lage nicht stabilisieren, "
    "sondern destabilisieren.\n"
    "\n"
    "NATO-Generalsekretär Mark Rutte reagierte auf diese Aussage mit der "
    "rhetorischen Gegenfrage, warum sich der Westen überhaupt auf solche russischen "
    "Vorbehalte einlasse. Rutte sagte in Prag, Russland habe in der Frage der "
    "westlichen Truppen nichts mitzureden, es sei Sache der Ukraine, sich ihre "
    "Bündnispartner und die Form von deren Unterstützung auszuwählen."
)


def _pipeline() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("medialens_sentencizer_v1", name="sentences")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("medialens_quotes_v1", name="quotes")
    nlp.initialize()
    return nlp


def _record(doc: Doc) -> dict:
    text = doc.text
    quotes = [
        {
            "kind": q.kind,
            "spans": [text[a:b] for a, b in q.spans],
            "speaker": q.speaker.text if q.speaker else None,
            "resolved": q.speaker.resolved if q.speaker else None,
            "cue": [q.cue.text, q.cue.lemma, q.cue.category] if q.cue else None,
            "act": [q.act.text, q.act.lemma, q.act.category] if q.act else None,
        }
        for q in doc._.ml_quotes
    ]
    return {"quotes": quotes, "scare_quotes": [s.text for s in doc._.ml_scare_quotes]}


@pytest.fixture(scope="module")
def doc() -> Doc:
    return _pipeline()(SEED_BODY)


def test_seed_matches_golden(doc):
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    got = _record(doc)
    assert got["scare_quotes"] == expected["scare_quotes"]
    for g, e in zip(got["quotes"], expected["quotes"], strict=False):
        assert g == e
    assert len(got["quotes"]) == len(expected["quotes"])


def test_offsets_point_into_the_text(doc):
    text = doc.text
    for q in doc._.ml_quotes:
        assert q.start == q.spans[0][0] and q.end == q.spans[-1][1]
        if q.speaker:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
        if q.cue:
            for a, b in q.cue.spans or ((q.cue.start, q.cue.end),):
                assert 0 <= a < b <= len(text)


def test_sagte_ab_trap_yields_nothing(doc):
    text = doc.text
    start = text.index("Der spanische Ministerpräsident Pedro Sanchez sagte")
    end = text.index("Flugzeug.", start) + len("Flugzeug.")
    for q in doc._.ml_quotes:
        assert q.end <= start or q.start >= end, q
    for s in doc._.ml_scare_quotes:
        assert s.end <= start or s.start >= end


def test_save_and_reload_gives_the_same_output(doc, tmp_path):
    nlp = _pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.get_pipe("quotes").index.by_base == nlp.get_pipe("quotes").index.by_base
    assert _record(reloaded(SEED_BODY)) == _record(doc)
