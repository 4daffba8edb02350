"""Frame hits: plain terms, globs, multiword terms, lemmas, voice by quote kind, scare quotes."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from medialens.nlp import factories  # noqa: F401  (registers the factories)
from medialens.nlp.framing import frame_hits
from medialens.nlp.types import Quote, ScareQuote, Speaker

CODEBOOK = """\
actors:
  - id: macron
    name: Emmanuel Macron
    type: person
    aliases: [Macron]
frames:
  - id: peace
    label: Peace
    description: ending violence by agreement
    terms: [Frieden, "*waffenstillstand", Verhandlung]
  - id: threat
    label: Threat
    description: danger
    terms: ["Kriegstreib*", rote Linie, drohen, "Eskal?tion"]
  - id: military
    label: Military
    description: armed force
    terms: [Truppe, "*waffen", Waffenstillstand]
"""


def _nlp(path: str, *, lemmas: bool = True) -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("medialens_sentencizer_v1", name="sentences")
    if lemmas:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("medialens_mentions_v1", name="mentions", config={"codebook": path})
    nlp.add_pipe("medialens_framing_v1", name="framing", config={"codebook": path})
    nlp.initialize()
    return nlp


@pytest.fixture(scope="module")
def cb_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cb") / "frames.yaml"
    path.write_text(CODEBOOK, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def nlp(cb_path: str) -> Language:
    return _nlp(cb_path)


def _hits(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    return [(h.text, h.frame, h.term) for h in nlp(text)._.ml_framing]


CASES = [
    ("Der Frieden ist fern.", [("Frieden", "peace", "Frieden")]),
    ("des Friedens wegen", [("Friedens", "peace", "Frieden")]),
    # a glob without a trailing * also accepts an ending; longest hit per frame
    (
        "Der Waffenstillstand hält.",
        [
            ("Waffenstillstand", "military", "Waffenstillstand"),
            ("Waffenstillstand", "peace", "*waffenstillstand"),
        ],
    ),
    ("eines Teilwaffenstillstands", [("Teilwaffenstillstands", "peace", "*waffenstillstand")]),
    ("die Kriegstreiberei der anderen", [("Kriegstreiberei", "threat", "Kriegstreib*")]),
    (
        "Atomwaffen und Waffen",
        [("Atomwaffen", "military", "*waffen"), ("Waffen", "military", "*waffen")],
    ),
    (
        "Die Eskalation droht.",
        [("Eskalation", "threat", "Eskal?tion"), ("droht", "threat", "drohen")],
    ),
    # multiword terms inflect their adjective and final noun
    ("Das ist eine rote Linie.", [("rote Linie", "threat", "rote Linie")]),
    ("jenseits aller roten Linien", [("roten Linien", "threat", "rote Linie")]),
    ("Rote Linie überschritten", [("Rote Linie", "threat", "rote Linie")]),
    # lemmas: verb forms the lookup table knows
    ("Sie drohte mit Abzug.", [("drohte", "threat", "drohen")]),
    # negatives: never inside another word, glob anchored to whole words
    ("Die Friedenstaube fliegt.", []),
    ("Die Waffenstillstandslinie hält.", []),
    ("Verhandlungsmasse", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_terms(nlp: Language, text: str, expected: list) -> None:
    assert _hits(nlp, text) == expected


def test_without_lemmatizer_surface_forms_still_match(cb_path: str) -> None:
    bare = _nlp(cb_path, lemmas=False)
    assert _hits(bare, "Der Frieden und drohen") == [
        ("Frieden", "peace", "Frieden"),
        ("drohen", "threat", "drohen"),
    ]
    assert _hits(bare, "Sie drohte.") == []  # needs the lemma


TEXT = (
    "Der Frieden ist fern. »Wir wollen Frieden«, sagte Macron. "
    "Er sagte, die Truppe sei bereit. Ein »Waffenstillstand« sei Unsinn, "
    "die »Kriegstreiber« seien andere. Das nannte er »Unsinn«."
)


def _doc(nlp: Language):
    doc = nlp.make_doc(TEXT)
    d1 = TEXT.index("»Wir")
    d2 = TEXT.index("«,") + 1
    sp = TEXT.index("Macron")
    i1 = TEXT.index("die Truppe")
    i2 = TEXT.index("bereit") + len("bereit")
    speaker = Speaker(sp, sp + 6, "Macron")
    pron = TEXT.index("Er sagte")
    doc._.ml_quotes = [
        Quote(d1, d2, ((d1, d2),), TEXT[d1:d2], "direct", speaker, None),
        Quote(
            i1,
            i2,
            ((i1, i2),),
            TEXT[i1:i2],
            "indirect",
            Speaker(pron, pron + 2, "Er", "Macron", sp, sp + 6),
            None,
        ),
    ]
    scares = []
    for word in ("Waffenstillstand", "Kriegstreiber", "Unsinn"):
        s = TEXT.index("»" + word) + 1
        scares.append(ScareQuote(s, s + len(word), word))
    doc._.ml_scare_quotes = scares
    return nlp(doc)


def test_voice_speaker_actor(nlp: Language) -> None:
    doc = _doc(nlp)
    got = [(h.text, h.frame, h.voice, h.speaker, h.actor, h.quote_id) for h in doc._.ml_framing]
    assert got == [
        ("Frieden", "peace", "journalist", None, None, None),
        ("Frieden", "peace", "direct", "Macron", "macron", 0),
        ("Truppe", "military", "indirect", "Macron", "macron", 1),
        ("Waffenstillstand", "military", "scare_quote", None, None, None),
        ("Waffenstillstand", "peace", "scare_quote", None, None, None),
        ("Kriegstreiber", "threat", "scare_quote", None, None, None),
    ]


def test_scare_quotes_joined_to_frames(nlp: Language) -> None:
    doc = _doc(nlp)
    got = [(s.text, s.frame, s.term) for s in doc._.ml_scare_quotes]
    assert got == [
        ("Waffenstillstand", "military", "Waffenstillstand"),
        ("Kriegstreiber", "threat", "Kriegstreib*"),
        ("Unsinn", None, None),  # no frame term: listed on its own
    ]


@pytest.mark.parametrize(
    ("kind", "voice"), [("direct", "direct"), ("indirect", "indirect"), ("reported", "reported")]
)
def test_voice_follows_quote_kind(kind: str, voice: str) -> None:
    text = "Er nannte das einen Frieden."
    quote = Quote(3, len(text), ((3, len(text)),), text[3:], kind, Speaker(0, 2, "Er"), None)
    hits, _ = frame_hits(text, [(20, 27, "peace", "Frieden")], [quote], [])
    assert [(h.voice, h.speaker, h.quote_id) for h in hits] == [(voice, "Er", 0)]


def test_interrupted_quote_spans() -> None:
    text = "»Frieden«, sagte sie, »und Frieden.«"
    q = Quote(0, len(text), ((0, 9), (22, len(text))), "", "direct", None, None)
    hits, _ = frame_hits(
        text,
        [(1, 8, "peace", "Frieden"), (11, 16, "x", "sagte"), (27, 34, "peace", "Frieden")],
        [q],
        [],
    )
    assert [h.voice for h in hits] == ["direct", "journalist", "direct"]


def test_save_and_reload(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    text = "Die roten Linien der Kriegstreiber, sagte sie und drohte."
    assert _hits(again, text) == _hits(nlp, text) != []
