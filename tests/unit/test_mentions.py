"""Actor mentions: German inflection, compounds, longest match, surnames, roles by date."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from medialens.nlp import factories  # noqa: F401  (registers the factories)
from medialens.nlp.types import Quote, Speaker

TINY = """\
roles:
  - id: kanzler
    aliases: [Bundeskanzler, Kanzler]
actors:
  - id: merz
    name: Friedrich Merz
    type: person
    aliases: [Merz]
    roles:
      - {role: kanzler, start: 2025-05-06}
  - id: scholz
    name: Olaf Scholz
    type: person
    roles:
      - {role: kanzler, start: 2021-12-08, end: 2025-05-06}
  - id: anna_schmidt
    name: Anna Schmidt
    type: person
  - id: karl_schmidt
    name: Karl Schmidt
    type: person
  - id: a_bank
    name: Bank A
    type: organisation
    aliases: [Bank]
  - id: b_bank
    name: Bank B
    type: organisation
    aliases: [Bank]
"""


def _nlp(codebook: str = "") -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("medialens_sentencizer_v1", name="sentences")
    nlp.add_pipe("medialens_mentions_v1", name="mentions", config={"codebook": codebook})
    nlp.initialize()
    return nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return _nlp()


def _mentions(nlp: Language, text: str, day: str | None = "2025-09-05") -> list[tuple]:
    doc = nlp.make_doc(text)
    if day:
        doc.user_data["date"] = day
    doc = nlp(doc)
    return [(m.text, m.actor, m.match) for m in doc._.ml_mentions]


CASES = [
    # genitive and adjectival forms
    ("Macrons Plan", [("Macrons", "macron", "genitive")]),
    ("Scholz' Rede war kurz.", [("Scholz'", "scholz", "genitive")]),
    ("Merz' Kurs", [("Merz'", "merz", "genitive")]),
    ("die Merz'sche Linie", [("Merz'sche", "merz", "adjective")]),
    ("Putins Krieg", [("Putins", "putin", "genitive")]),
    ("des Bundestages", [("Bundestages", "bundestag", "genitive")]),
    ("den Grünen", [("Grünen", "gruene", "inflected")]),
    ("russische Truppen", [("russische", "russland", "adjective")]),
    # compounds and hyphenations
    ("die Merz-Regierung", [("Merz", "merz", "compound")]),
    ("das Putin-Regime", [("Putin", "putin", "compound")]),
    ("ein Kreml-Sprecher", [("Kreml", "kreml", "compound")]),
    ("NATO-Truppen", [("NATO", "nato", "compound")]),
    ("Anti-Putin-Proteste", [("Putin", "putin", "compound")]),
    # multiword names in other cases; longest match wins
    (
        "mit der Europäischen Kommission",
        [("Europäischen Kommission", "eu_kommission", "inflected")],
    ),
    ("die Europäische Union", [("Europäische Union", "eu", "alias")]),
    ("des Auswärtigen Amtes", [("Auswärtigen Amtes", "auswaertiges_amt", "genitive")]),
    ("Ursula von der Leyen", [("Ursula von der Leyen", "von_der_leyen", "alias")]),
    ("Deutsche Bundesbank", [("Deutsche Bundesbank", "bundesbank", "alias")]),
    # transliteration variants
    (
        "Selenskij und Zelensky",
        [("Selenskij", "selenskyj", "alias"), ("Zelensky", "selenskyj", "alias")],
    ),
    # negatives: never inside a word
    ("Merzig ist eine Stadt im Saarland.", []),
    ("Der Antimacronismus wächst.", []),
    ("Die Sowjetunion zerfiel.", []),
    ("Die Wüste lebt.", []),
    ("Sie trank aus der Tasse.", []),
    ("Die Bilder sind schön.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_forms(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert _mentions(nlp, text) == expected


ROLE_CASES = [
    ("Der Kanzler sagte nichts.", "2025-09-05", [("Kanzler", "merz", "role")]),
    ("Der Kanzler sagte nichts.", "2023-03-01", [("Kanzler", "scholz", "role")]),
    ("Der Kanzler sagte nichts.", "2025-05-06", [("Kanzler", "merz", "role")]),
    ("Der Kanzler sagte nichts.", "2025-05-05", [("Kanzler", "scholz", "role")]),
    ("Der Kanzler sagte nichts.", None, [("Kanzler", "merz", "role")]),  # latest open term
    (
        "Frankreichs Präsident reiste ab.",
        "2025-09-05",
        [("Frankreichs Präsident", "macron", "role")],
    ),
    (
        "Dem ukrainischen Präsidenten fehlt Geld.",
        "2025-09-05",
        [("ukrainischen Präsidenten", "selenskyj", "role")],
    ),
    ("Der US-Präsident drohte.", "2023-06-01", [("US-Präsident", "biden", "role")]),
    ("Der US-Präsident drohte.", "2025-06-01", [("US-Präsident", "trump", "role")]),
    # the name after the role noun is the mention; the role is not counted twice
    ("Bundeskanzler Friedrich Merz sagte", "2025-09-05", [("Friedrich Merz", "merz", "alias")]),
    (
        "Frankreichs Präsident Emmanuel Macron",
        "2025-09-05",
        [("Frankreichs", "frankreich", "genitive"), ("Emmanuel Macron", "macron", "alias")],
    ),
    ("der ehemalige Kanzler", "2025-09-05", []),
    ("Ex-Kanzler", "2025-09-05", []),
    ("Vizekanzlerwahl", "2025-09-05", []),
]


@pytest.mark.parametrize(("text", "day", "expected"), ROLE_CASES)
def test_roles_by_date(nlp: Language, text: str, day: str | None, expected: list) -> None:
    assert _mentions(nlp, text, day) == expected


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Language:
    path = tmp_path_factory.mktemp("cb") / "tiny.yaml"
    path.write_text(TINY, encoding="utf-8")
    return _nlp(str(path))


SURNAME_CASES = [
    # a bare surname counts only after the full name ...
    (
        "Schmidt kam. Anna Schmidt sagte, Schmidt sei müde.",
        [("Anna Schmidt", "anna_schmidt", "alias"), ("Schmidt", "anna_schmidt", "surname")],
    ),
    # ... and goes to the most recently named person with that surname
    (
        "Anna Schmidt und Karl Schmidt kamen. Schmidt sprach.",
        [
            ("Anna Schmidt", "anna_schmidt", "alias"),
            ("Karl Schmidt", "karl_schmidt", "alias"),
            ("Schmidt", "karl_schmidt", "surname"),
        ],
    ),
    (
        "Olaf Scholz kam. Scholz' Rede",
        [("Olaf Scholz", "scholz", "alias"), ("Scholz'", "scholz", "surname")],
    ),
    # an alias shared by two actors goes to the one named nearby, else is dropped
    ("Die Bank schwieg.", []),
    (
        "Bank B meldete Verluste. Die Bank schwieg.",
        [("Bank B", "b_bank", "alias"), ("Bank", "b_bank", "alias")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SURNAME_CASES)
def test_surnames_and_ambiguity(tiny: Language, text: str, expected: list) -> None:
    assert _mentions(tiny, text) == expected


def test_offsets_types_and_sentences(nlp: Language) -> None:
    doc = nlp("Es regnet. Macron kam nach Berlin.")
    (m,) = doc._.ml_mentions
    assert doc.text[m.start : m.end] == "Macron"
    assert m.type == "person" and m.sentence_id == 1


def test_speakers_link_to_actors(nlp: Language) -> None:
    text = "»Wir bleiben«, sagte Frankreichs Präsident Emmanuel Macron. »Nein«, sagte er."
    doc = nlp.make_doc(text)
    s1 = text.index("Frankreichs")
    s2 = text.index("er.")
    name = text.index("Emmanuel")
    doc._.ml_quotes = [
        Quote(
            0,
            13,
            ((0, 13),),
            "»Wir bleiben«",
            "direct",
            Speaker(
                s1,
                s1 + len("Frankreichs Präsident Emmanuel Macron"),
                "Frankreichs Präsident Emmanuel Macron",
            ),
            None,
        ),
        Quote(
            60,
            66,
            ((60, 66),),
            "»Nein«",
            "direct",
            Speaker(s2, s2 + 2, "er", "Emmanuel Macron", name, name + 15),
            None,
        ),
        Quote(0, 1, ((0, 1),), "x", "direct", None, None),
    ]
    doc = nlp(doc)
    actors = [q.speaker.actor if q.speaker else None for q in doc._.ml_quotes]
    assert actors == ["macron", "macron", None]


def test_save_and_reload(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    text = "Bundeskanzler Friedrich Merz und Macrons Berater"
    assert [(m.text, m.actor) for m in again(text)._.ml_mentions] == [
        (m.text, m.actor) for m in nlp(text)._.ml_mentions
    ]
    assert (tmp_path / "pipe" / "mentions" / "codebook.yaml").exists()


def _kinds(nlp: Language, text: str, day: str | None = "2025-09-05") -> list[tuple]:
    doc = nlp.make_doc(text)
    if day:
        doc.user_data["date"] = day
    return [(m.text, m.actor, m.kind) for m in nlp(doc)._.ml_mentions]


#: (text, [(mention text, actor, kind)]): every mention carries its kind of reference
KIND_CASES = [
    ("Emmanuel Macron reiste ab.", [("Emmanuel Macron", "macron", "name")]),
    ("Macrons Plan", [("Macrons", "macron", "name")]),  # genitive: still the name
    ("die NATO tagte", [("NATO", "nato", "name")]),  # acronym
    (
        "Emmanuel Macron kam. Dann sprach Macron.",
        [("Emmanuel Macron", "macron", "name"), ("Macron", "macron", "name")],
    ),
    ("Der Bundeskanzler reiste ab.", [("Bundeskanzler", "merz", "role")]),
    ("die Merz-Regierung", [("Merz", "merz", "compound")]),
    ("deutsche Soldaten", [("deutsche", "deutschland", "adjective")]),
    ("die französische Hauptstadt", [("französische", "frankreich", "adjective")]),
    ("die Merz'sche Linie", [("Merz'sche", "merz", "adjective")]),
    # negatives: a role noun before the name is not a second (role) mention
    ("Bundeskanzler Friedrich Merz sprach.", [("Friedrich Merz", "merz", "name")]),
    ("Der ehemalige Bundeskanzler sprach.", []),
]


def test_surname_kind(tiny: Language) -> None:
    got = [(m.text, m.kind) for m in tiny("Anna Schmidt kam. Dann sprach Schmidt.")._.ml_mentions]
    assert got == [("Anna Schmidt", "name"), ("Schmidt", "surname")]


@pytest.mark.parametrize(("text", "expected"), KIND_CASES)
def test_mention_kinds(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert _kinds(nlp, text) == expected


#: (text, is a country adjective): a capitalised adjective inside a proper name is no
#: reference to the country; invented sentences, heads not all in the name-head list
NAME_INTERNAL_CASES = [
    ("Die Züge der Deutschen Bahn fielen aus.", False),
    ("Er arbeitet bei der Deutschen Welle in Bonn.", False),
    ("Das meldete die Deutsche Presse-Agentur am Abend.", False),
    ("Am Abend verkündete der „Deutscher Fußball-Bund“ seinen Kader.", False),
    ("Deutscher Fußball-Bund verkündet Kader.", False),  # headline: the head decides
    ("Das sagte ein Sprecher des Verbandes Deutscher Realschullehrer.", False),
    ("Die Französische Revolution begann 1789.", False),
    ("Sie sprach über die Französische Revolution.", False),
    ("Der Tag der Deutschen Einheit ist ein Feiertag.", False),
    ("Er las im Deutschen Ärzteblatt nach.", False),  # head not in any list
    # positives: adjectives and demonyms that refer to the country
    ("Deutsche Soldaten bleiben im Land.", True),  # sentence-initial, ordinary noun
    ("Die deutschen Soldaten bleiben.", True),
    ("Er sprach mit deutschen Diplomaten.", True),
    ("Wie viele Deutsche wählten?", True),  # demonym
    ("Die Deutschen wählen im Herbst.", True),  # nominalised, lower-case word follows
    ("„Deutsche Soldaten bleiben“, sagte er.", True),  # quotation start
    ("Der US-amerikanische Minister kam.", None),  # lower-case adjective after a hyphen
]


#: (text, mentions): an alias continuing a longer proper name is not the actor
LONGER_NAME_CASES = [
    ("Ein Gipfel der Afrikanischen Union begann.", []),
    ("Die Union stimmte zu.", [("Union", "union", "name")]),
    (
        "Britische BBC-Reporter berichteten.",
        [("Britische", "grossbritannien", "adjective"), ("BBC", "bbc", "compound")],
    ),
    ("Die Europäische Union tagte.", [("Europäische Union", "eu", "name")]),
]


@pytest.mark.parametrize(("text", "expected"), LONGER_NAME_CASES)
def test_alias_inside_longer_name(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert _kinds(nlp, text) == expected


@pytest.mark.parametrize(("text", "country"), NAME_INTERNAL_CASES)
def test_name_internal_adjectives(nlp: Language, text: str, country: bool | None) -> None:
    got = [(a, k) for _, a, k in _kinds(nlp, text)]
    if country is None:
        assert got == [("usa", "adjective")]
    elif country:
        assert got == [("deutschland", "adjective")]
    else:
        assert ("deutschland", "adjective") not in got and ("frankreich", "adjective") not in got


def _speaker_actor(nlp: Language, text: str, speaker: str, day: str = "2025-09-05") -> str | None:
    doc = nlp.make_doc(text)
    doc.user_data["date"] = day
    s = text.index(speaker)
    doc._.ml_quotes = [
        Quote(0, 5, ((0, 5),), text[:5], "direct", Speaker(s, s + len(speaker), speaker), None)
    ]
    return nlp(doc)._.ml_quotes[0].speaker.actor


#: (text, speaker phrase, actor): the head of the speaker phrase decides
SPEAKER_HEAD_CASES = [
    ("»Ja«, sagte Bundeskanzler Friedrich Merz.", "Bundeskanzler Friedrich Merz", "merz"),
    (
        "»Ja«, sagte Frankreichs Präsident Emmanuel Macron.",
        "Frankreichs Präsident Emmanuel Macron",
        "macron",
    ),
    (
        "»Ja«, sagte eine Sprecherin des Auswärtigen Amtes.",
        "eine Sprecherin des Auswärtigen Amtes",
        "auswaertiges_amt",
    ),
    (
        "»Ja«, sagte ein Sprecher der Bundesregierung.",
        "ein Sprecher der Bundesregierung",
        "bundesregierung",
    ),
    ("»Ja«, sagte ein Kreml-Sprecher.", "ein Kreml-Sprecher", "kreml"),
    ("»Ja«, sagte Macrons Sprecher.", "Macrons Sprecher", "macron"),
    (
        "»Ja«, hieß es nach Angaben der Bundesregierung.",
        "Angaben der Bundesregierung",
        "bundesregierung",
    ),
    ("»Ja«, sagte der Kanzler.", "der Kanzler", "merz"),  # role noun resolved by date
    ("»Ja«, sagte die Bundesregierung.", "die Bundesregierung", "bundesregierung"),
    # negatives: an actor inside the phrase that is not its head
    (
        "»Ja«, heißt es in einer Presseerklärung des Verbandes Deutscher Realschullehrer.",
        "einer Presseerklärung des Verbandes Deutscher Realschullehrer",
        None,
    ),
    ("»Ja«, sagte der Anwalt des Kanzlers.", "der Anwalt des Kanzlers", None),
    ("»Ja«, sagte die SPD-Politikerin Erna Beispiel.", "die SPD-Politikerin Erna Beispiel", None),
    ("»Ja«, sagte ein deutscher Diplomat.", "ein deutscher Diplomat", None),
    ("»Ja«, sagte der Botschafter Frankreichs.", "der Botschafter Frankreichs", None),
    # a role noun with its country is the role (the codebook's *Präsident Frankreichs*)
    ("»Ja«, sagte der Präsident Frankreichs.", "der Präsident Frankreichs", "macron"),
    ("»Ja«, sagte die Deutsche Welle.", "die Deutsche Welle", None),
    # a party in brackets adds to the head; a comma apposition: the first phrase is the head
    ("»Ja«, sagte Erna Beispiel (CDU).", "Erna Beispiel (CDU)", None),
    ("»Ja«, sagte Erna Beispiel (CDU).", "CDU)", None),  # the inside of a bracket
    ("»Ja«, sagte Friedrich Merz (CDU).", "Friedrich Merz (CDU)", "merz"),
    (
        "»Ja«, sagte Emmanuel Macron, Präsident Frankreichs.",
        "Emmanuel Macron, Präsident Frankreichs",
        "macron",
    ),
    # coordinated speakers: no single head
    (
        "»Ja«, sagten die Regierungen von Deutschland und Frankreich.",
        "die Regierungen von Deutschland und Frankreich",
        None,
    ),
    ("»Ja«, sagten Merz und Macron.", "Merz und Macron", None),
]


@pytest.mark.parametrize(("text", "speaker", "actor"), SPEAKER_HEAD_CASES)
def test_speaker_heads(nlp: Language, text: str, speaker: str, actor: str | None) -> None:
    assert _speaker_actor(nlp, text, speaker) == actor


def test_pronoun_speaker_is_a_pronoun_mention(nlp: Language) -> None:
    text = "Emmanuel Macron kam. »Nein«, sagte er."
    doc = nlp.make_doc(text)
    s = text.index("er.")
    doc._.ml_quotes = [
        Quote(
            21,
            27,
            ((21, 27),),
            "»Nein«",
            "direct",
            Speaker(s, s + 2, "er", "Emmanuel Macron", 0, 15),
            None,
        )
    ]
    got = [(m.text, m.actor, m.kind) for m in nlp(doc)._.ml_mentions]
    assert got == [("Emmanuel Macron", "macron", "name"), ("er", "macron", "pronoun")]


def test_head_actor_rejects_empty_span() -> None:
    from medialens.nlp.speaker_heads import head_actor

    with pytest.raises(ValueError, match="empty"):
        head_actor("abc", 2, 2, [])


def test_annotate_record_and_store_rows_carry_kind(nlp: Language) -> None:
    from medialens.nlp.serialize import annotate_doc
    from medialens.process import doc_rows

    doc = nlp("Deutsche Soldaten und Emmanuel Macron.")
    record = annotate_doc(doc, "x")
    assert [(m["text"], m["match"], m["kind"]) for m in record["mentions"]] == [
        ("Deutsche", "adjective", "adjective"),
        ("Emmanuel Macron", "alias", "name"),
    ]
    rows = doc_rows(doc, "x")["mentions"]
    assert [r["kind"] for r in rows] == ["adjective", "name"]
