"""Nested quotation (:mod:`.nesting`): a partial direct quotation inside indirect or reported
speech is a quotation of its own and listed in the outer quote's ``nested`` field; a naming
verb (*nannte …, bezeichnete … als »…«*) quotes a label, not reported speech."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate

from medialens.nlp.serialize import quote_record


def kinds_and_nested(text: str) -> list[tuple[str, str, list[str]]]:
    out = []
    for q in annotate(text)._.ml_quotes:
        out.append((q.kind, q.text, [text[a:b] for a, b in q.nested]))
    return out


@pytest.mark.parametrize(
    ("text", "outer_kind", "inner"),
    [
        (
            "Der Minister sagte, die Lage sei „sehr ernst“ und müsse geprüft werden.",
            "indirect",
            "„sehr ernst“",
        ),
        (
            "In ihrer Erklärung äußerten die Richter „erhebliche rechtliche Bedenken“ gegen "
            "das Gesetz.",
            "reported",
            "„erhebliche rechtliche Bedenken“",
        ),
    ],
)
def test_outer_quote_lists_its_partial_quote(text: str, outer_kind: str, inner: str) -> None:
    quotes = kinds_and_nested(text)
    outer = [q for q in quotes if q[0] == outer_kind]
    assert outer and outer[0][2] == [inner]
    assert ("direct", inner, []) in quotes  # the inner one is a quotation as well


@pytest.mark.parametrize(
    "text",
    [
        # negatives: naming verbs quote a label, the clause is no reported speech
        "Der Abgeordnete nannte den Bericht eine „Zeitungsente“.",
        "Die Ministerin bezeichnete die Pläne als „Wortbruch“.",
    ],
)
def test_naming_verbs_have_no_outer_reported_quote(text: str) -> None:
    assert all(kind != "reported" for kind, _, _ in kinds_and_nested(text))


def test_partial_quote_speaks_with_the_outer_speaker() -> None:
    text = "Die Sprecherin sagte, das Verfahren sei „völlig korrekt“ gewesen."
    quotes = annotate(text)._.ml_quotes
    inner = [q for q in quotes if q.kind == "direct"]
    assert inner and inner[0].speaker is not None
    assert inner[0].speaker.text == "Die Sprecherin"


def test_nested_field_in_the_record_only_when_present() -> None:
    text = "Der Minister sagte, die Lage sei „sehr ernst“ und müsse geprüft werden."
    records = [quote_record(q) for q in annotate(text)._.ml_quotes]
    outer = [r for r in records if r["kind"] == "indirect"]
    assert outer[0]["nested"] == [[text.index("„"), text.index("“") + 1]]
    assert all("nested" not in r for r in records if r["kind"] == "direct")
