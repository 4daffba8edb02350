"""The seed article through the default pipeline: every actor, frame and scare quote a reader marks.

Expected counts were written by reading the article (caption included), not by running the
code: e.g. *Macron* appears three times (caption, »Frankreichs Präsident Emmanuel Macron«,
»behauptete Macron«); *Ukraine* six times as a name, plus the adjectives »ukrainischen« and
the institution »Kiewer Armee«; role nouns followed by the name (»Bundeskanzler Friedrich
Merz«, »NATO-Generalsekretär Mark Rutte«) count once, as the name.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import shared_path
from spacy.language import Language
from spacy.tokens import Doc

SEED = "2025-09-05-paris-sicherheitsgarantien.txt"

#: (actor, match kind) -> count, read off the article
EXPECTED_MENTIONS = {
    # persons
    ("witkoff", "alias"): 1,  # Steve Witkoff (caption)
    ("macron", "alias"): 3,
    ("selenskyj", "alias"): 1,  # Wolodimir Selenskij (caption)
    ("merz", "alias"): 1,
    ("sanchez", "alias"): 1,  # Pedro Sanchez
    ("sacharowa", "alias"): 1,
    ("rutte", "alias"): 2,  # Mark Rutte, Rutte sagte
    # institutions, organisations, media
    ("nato", "compound"): 2,  # NATO-Truppen, NATO-Generalsekretär
    ("bundesregierung", "alias"): 1,
    ("bundeswehr", "alias"): 1,
    ("ukrainische_armee", "alias"): 1,  # Kiewer Armee
    ("ap", "alias"): 1,  # photo credit AP/dpa
    ("dpa", "alias"): 1,
    # states
    ("ukraine", "alias"): 6,
    ("russland", "alias"): 4,
    ("frankreich", "genitive"): 1,  # Frankreichs Präsident
    ("usa", "compound"): 1,  # US-Sonderbeauftragte
    # adjectival references to states
    ("ukraine", "adjective"): 1,  # ukrainischen Präsidenten
    ("frankreich", "adjective"): 1,  # französische Hauptstadt
    ("spanien", "adjective"): 1,  # spanische Ministerpräsident
    ("deutschland", "adjective"): 1,  # deutschen Beteiligung
    ("russland", "adjective"): 1,  # russischen Vorbehalte
}

#: frame -> terms a reader marks (surface text, with multiplicity)
EXPECTED_FRAMES = {
    "military_security": Counter(
        {
            "Sicherheitsgarantien": 1,
            "Truppen": 5,  # zur Absicherung, in der Ukraine, Die Truppen, NATO-Truppen, westlichen
            "Truppe": 2,  # solchen Truppe, westliche Truppe
            "stationieren": 1,
            "Stationierung": 1,
            "Kriegsende": 1,
            "militärische Unterstützung": 1,
            "Armee": 1,
            "Streitmacht": 1,
            "Kriege": 1,
            "Frontlinie": 1,
            "Einsatz": 1,
        }
    ),
    "diplomacy_peace": Counter(
        {
            "beraten": 1,
            "Beratungen": 1,
            "Verhandlungen": 1,
            "Waffenstillstands": 1,
            "Friedens": 1,
            "Frieden": 1,  # einen Frieden abzusichern
            "Frieden sichern": 1,
        }
    ),
    "alliance_solidarity": Counter({"Unterstützung": 2, "Bündnispartner": 1}),
    "sovereignty": Counter({"mitzureden": 1, "Sache der Ukraine": 1}),
    "escalation_threat": Counter({"destabilisieren": 1}),
    "economy_cost": Counter({"Wirtschaftsforums": 1}),
}


@pytest.fixture(scope="module")
def seed_doc(nlp: Language) -> Doc:
    raw = shared_path("seed", SEED).read_text(encoding="utf-8")
    m = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s+", raw)
    assert m, "seed file starts with 'date YYYY-MM-DD'"
    doc = nlp.make_doc(raw[m.end() :])
    doc.user_data["date"] = m.group(1)
    return nlp(doc)


def test_every_actor_with_counts(seed_doc: Doc) -> None:
    got = Counter((m.actor, m.match) for m in seed_doc._.ml_mentions)
    assert dict(got) == EXPECTED_MENTIONS


def test_mention_offsets(seed_doc: Doc) -> None:
    for m in seed_doc._.ml_mentions:
        assert seed_doc.text[m.start : m.end] == m.text


def test_frames(seed_doc: Doc) -> None:
    got: dict[str, Counter] = {}
    for h in seed_doc._.ml_framing:
        got.setdefault(h.frame, Counter())[h.text] += 1
    assert got == EXPECTED_FRAMES


def test_voices(seed_doc: Doc) -> None:
    by_text = {(h.text, h.frame): h for h in seed_doc._.ml_framing}
    streitmacht = by_text[("Streitmacht", "military_security")]
    assert (streitmacht.voice, streitmacht.actor) == ("direct", "macron")
    beraten = by_text[("beraten", "diplomacy_peace")]
    assert beraten.voice == "journalist"
    garantien = by_text[("Sicherheitsgarantien", "military_security")]
    assert garantien.voice == "scare_quote"


def test_scare_quotes(seed_doc: Doc) -> None:
    got = [(s.text, s.frame) for s in seed_doc._.ml_scare_quotes]
    # »Sicherheitsgarantien« carries the security frame; »große Vorbehalte« stands alone
    assert ("Sicherheitsgarantien", "military_security") in got
    assert all(frame is None for text, frame in got if text != "Sicherheitsgarantien")


def test_speakers_resolve_to_actors(seed_doc: Doc) -> None:
    speakers = {q.speaker.text: q.speaker.actor for q in seed_doc._.ml_quotes if q.speaker}
    expected = {
        "Macron": "macron",
        "Außenamtssprecherin Marija Sacharowa": "sacharowa",
        "Rutte": "rutte",
    }
    for text, actor in expected.items():
        if text in speakers:  # the speaker span itself belongs to the attribution component
            assert speakers[text] == actor


def test_uncoded_candidates(seed_doc: Doc) -> None:
    # the photographer is the only named person the codebook does not know
    assert [(c.text, c.type) for c in seed_doc._.ml_candidates] == [("Ludovic Marin", "PER")]
