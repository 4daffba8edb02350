"""The ``--model`` path: a statistical German pipeline in place of the blank one.

No pretrained model may be downloaded, so the test trains a tiny one here (tagger, sentence
recogniser and entity recogniser on a few invented sentences, fixed seed) and saves it to a
directory, which is what ``spacy.load`` accepts besides a package name. It checks that
medialens builds on it (the model's ``senter`` gives the sentences, our components follow), that ``medialens annotate
--model DIR`` works end to end, and that uncoded-actor candidates then come from the model's
entities. Limit: the model is trained on a dozen sentences; only the plumbing is tested, not
the accuracy a real model (``de_core_news_md``) would bring.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.training import Example

from medialens.nlp import annotate_texts, build_nlp

MEDIALENS = Path(sys.executable).with_name("medialens")

#: (text, entities as (word, label)) — invented sentences
SENTENCES = [
    ("Karla Musterfrau sagte, die Lage sei ernst.", [("Karla Musterfrau", "PER")]),
    ("Die Firma Beispielwerk erklärte, sie plane nichts.", [("Beispielwerk", "ORG")]),
    ("Karla Musterfrau warnte vor neuen Kosten.", [("Karla Musterfrau", "PER")]),
    ("Das Beispielwerk baut eine neue Halle.", [("Beispielwerk", "ORG")]),
    ("Der Minister sagte, er komme morgen.", []),
    ("Die Stadt teilte mit, dass die Brücke gesperrt werde.", []),
    ("„Wir kommen“, sagte Karla Musterfrau.", [("Karla Musterfrau", "PER")]),
    ("»Wir geben nicht auf«, sagte sie.", []),
]


def _example(nlp: spacy.language.Language, text: str, ents: list[tuple[str, str]]) -> Example:
    doc = nlp.make_doc(text)
    spans = []
    for word, label in ents:
        start = text.index(word)
        spans.append((start, start + len(word), label))
    sent_starts = [1 if i == 0 else 0 for i in range(len(doc))]
    tags = ["NN" if t.text[:1].isupper() else "XX" for t in doc]
    return Example.from_dict(doc, {"entities": spans, "sent_starts": sent_starts, "tags": tags})


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("de")
    for name in ("tagger", "senter", "ner"):
        nlp.add_pipe(name)
    examples = [_example(nlp, text, ents) for text, ents in SENTENCES]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("model") / "de_tiny_test"
    nlp.to_disk(path)
    return path


def test_pipeline_on_a_statistical_model(model_dir: Path) -> None:
    nlp = build_nlp(model=str(model_dir))
    names = nlp.pipe_names
    # the model's own components first, then ours; no sentencizer of ours beside a senter
    assert names[:3] == ["tagger", "senter", "ner"]
    assert names[3:] == ["quotes", "mentions", "framing", "candidates"]
    text = "Karla Musterfrau sagte, die Lage sei ernst. »Wir geben nicht auf«, sagte sie."
    doc = nlp(text)
    assert doc.has_annotation("SENT_START") and doc.has_annotation("TAG")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Karla Musterfrau", "PER")}
    kinds = [(q.kind, q.cue.text if q.cue else None) for q in doc._.ml_quotes]
    assert ("direct", "sagte") in kinds
    # uncoded actors come from the model's entities (the name is in no codebook)
    found = {(c.text, c.type, c.source) for c in doc._.ml_candidates}
    assert ("Karla Musterfrau", "PER", "model") in found


def test_annotate_records_with_a_model(model_dir: Path) -> None:
    nlp = build_nlp(model=str(model_dir))
    records = [{"id": "a", "text": "Die Stadt teilte mit, dass die Brücke gesperrt werde."}]
    [(_rec, _doc, out)] = list(annotate_texts(nlp, records))
    assert out["id"] == "a"
    [quote] = out["quotes"]
    assert quote["kind"] == "indirect"
    assert quote["speaker"]["text"] == "Die Stadt"
    assert quote["cue"]["lemma"] == "mitteilen"


def test_annotate_cli_with_a_model(model_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "x", "text": "„Wir kommen“, sagte Karla Musterfrau."}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    res = subprocess.run(
        [str(MEDIALENS), "annotate", str(src), "-o", str(out), "--model", str(model_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    [line] = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert [(q["kind"], q["speaker"]["text"]) for q in record["quotes"]] == [
        ("direct", "Karla Musterfrau")
    ]
