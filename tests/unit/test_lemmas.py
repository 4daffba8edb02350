"""The medialens lookup lemmatizer gives spaCy's lookup lemmas (plus two documented extensions for
words the table lacks), faster, and reloads."""

from __future__ import annotations

import json
import pickle

import pytest
import spacy
from conftest import shared_path

import medialens.nlp.lemmas  # registers the factory; patched below


@pytest.fixture(scope="module")
def pair():
    ref = spacy.blank("de")
    ref.add_pipe("lemmatizer", config={"mode": "lookup"})
    ref.initialize()
    ours = spacy.blank("de")
    ours.add_pipe("medialens_lemmatizer_v1", name="lemmatizer")
    ours.initialize()
    return ref, ours


def lemmas(nlp, text: str) -> list[str]:
    return [t.lemma_ for t in nlp(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Häuser", ["der", "Haus"]),
        # the table's own quirks are kept: "er" -> "ich", "habe" stays
        ("Merz sagte, er habe gewarnt.", ["Merz", "sagen", ",", "ich", "habe", "warnen", "."]),
        ("Xqzvbn", ["Xqzvbn"]),  # not in the table: the word itself
        ("", []),
    ],
)
def test_inline_lemmas(pair, text, expected):
    ref, ours = pair
    assert lemmas(ours, text) == expected
    assert lemmas(ref, text) == expected  # the same as spaCy's lookup lemmatizer


def test_inline_paragraph_equals_spacy(pair):
    ref, ours = pair
    text = (
        "Die Bundesregierung warnte am Montag vor einer Eskalation. »Wir werden die Sanktionen "
        "nicht aufheben«, sagte Außenministerin Baerbock. Russlands Präsident Putin behauptete, "
        "die Ukraine habe die Gespräche abgebrochen. Die Häuser, Kinder und Bäume — 12,5 % mehr!"
    )
    got, want = lemmas(ours, text), lemmas(ref, text)
    assert got == want
    assert "Haus" in got and "Kind" in got and "sagen" in got
    # a repeated call uses the cache and gives the same
    assert lemmas(ours, text) == want


def test_existing_lemma_kept_unless_overwrite(pair):
    _, ours = pair
    doc = ours.make_doc("Die Häuser")
    doc[1].lemma_ = "Gebäude"
    ours.get_pipe("lemmatizer")(doc)
    assert [t.lemma_ for t in doc] == ["der", "Gebäude"]
    nlp = spacy.blank("de")
    nlp.add_pipe("medialens_lemmatizer_v1", config={"overwrite": True})
    nlp.initialize()
    doc = nlp.make_doc("Die Häuser")
    doc[1].lemma_ = "Gebäude"
    nlp.get_pipe("medialens_lemmatizer_v1")(doc)
    assert [t.lemma_ for t in doc] == ["der", "Haus"]


def test_save_reload_offline(pair, tmp_path, monkeypatch):
    _, ours = pair
    ours.to_disk(tmp_path / "nlp")
    assert (tmp_path / "nlp" / "lemmatizer" / "lookups.bin").is_file()

    def no_download(*args, **kwargs):
        raise AssertionError("from_disk must not load spacy-lookups-data")

    monkeypatch.setattr(medialens.nlp.lemmas, "load_lookups", no_download)
    reloaded = spacy.load(tmp_path / "nlp")
    assert lemmas(reloaded, "Die Häuser wurden gebaut") == ["der", "Haus", "werden", "bauen"]


def test_bytes_and_pickle_roundtrip(pair):
    _, ours = pair
    pipe = ours.get_pipe("lemmatizer")
    nlp = spacy.blank("de")
    fresh = nlp.add_pipe("medialens_lemmatizer_v1", name="lemmatizer")
    fresh.from_bytes(pipe.to_bytes())
    assert lemmas(nlp, "Die Kinder") == ["der", "Kind"]
    clone = pickle.loads(pickle.dumps(ours))
    assert lemmas(clone, "Die Kinder") == ["der", "Kind"]


def test_missing_table_is_a_clear_error():
    from spacy.lookups import Lookups

    nlp = spacy.blank("de")
    pipe = nlp.add_pipe("medialens_lemmatizer_v1")
    with pytest.raises(ValueError, match="lemma_lookup"):
        pipe.initialize(lookups=Lookups())


def test_equal_to_spacy_on_10kgnad(pair):
    """Equal to spaCy's lookup lemmas on real news, except the documented extensions for
    words the table lacks (historical respellings, verb forms in -e): each difference must be
    one of those, and they must be rare."""
    path = shared_path("10kgnad", "test.jsonl")
    ref, ours = pair
    lemmatizer = ours.get_pipe("lemmatizer")
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh][:300]
    n = differ = 0
    for ref_doc, our_doc in zip(ref.pipe(texts), ours.pipe(texts), strict=True):
        for ref_tok, our_tok in zip(ref_doc, our_doc, strict=True):
            n += 1
            if our_tok.lemma_ == ref_tok.lemma_:
                continue
            differ += 1
            word = ref_tok.text
            assert ref_tok.lemma_ == word and lemmatizer._entry(word) is None, word
            extended = lemmatizer._modern_lemma(word) or lemmatizer._verb_e_form(word)
            assert our_tok.lemma_ == extended, (word, our_tok.lemma_)
    assert n > 100_000
    assert differ < n / 2000, differ


def test_respell_off_equals_spacy_on_10kgnad():
    path = shared_path("10kgnad", "test.jsonl")
    ref = spacy.blank("de")
    ref.add_pipe("lemmatizer", config={"mode": "lookup"})
    ref.initialize()
    ours = spacy.blank("de")
    ours.add_pipe("medialens_lemmatizer_v1", name="lemmatizer", config={"respell": False})
    ours.initialize()
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh][:100]
    for ref_doc, our_doc in zip(ref.pipe(texts), ours.pipe(texts), strict=True):
        assert [t.lemma_ for t in our_doc] == [t.lemma_ for t in ref_doc]


def test_snapshot_lookup_equals_spacy():
    """Past ~1,000 distinct words the cache is also read as a sorted array snapshot (the
    vectorised path): words in it, words added since and new words must all match spaCy."""
    ref = spacy.blank("de")
    ref.add_pipe("lemmatizer", config={"mode": "lookup"})
    ref.initialize()
    ours = spacy.blank("de")
    ours.add_pipe("medialens_lemmatizer_v1", name="lemmatizer")
    ours.initialize()
    base = "Die Häuser der Kinder sagten, sie hätten Bäume gesehen und Äpfel gegessen."
    texts = [
        f"{base} " + " ".join(f"Wortform{i}x{j} Häusern" for j in range(60)) for i in range(40)
    ]
    texts += [base + " Xqzvbn gingen, Wortform3x7 und Wortform39x59."]
    for text in texts + texts[::-1]:
        assert lemmas(ours, text) == lemmas(ref, text)
    lemmatizer = ours.get_pipe("lemmatizer")
    assert lemmatizer._snap is not None and len(lemmatizer._snap[1]) > 1024
