"""A direct quotation inside the content clause of a speech-act noun takes that noun's
source (:mod:`medialens.nlp.attribution.nounnested`). Invented sentences."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate


def speaker_of(text: str, quote_part: str, kind: str) -> str | None:
    """The speaker text of the first quotation of ``kind`` that contains ``quote_part``."""
    quotes = [q for q in annotate(text)._.ml_quotes if quote_part in q.text and q.kind == kind]
    assert quotes, f"no {kind} quotation with {quote_part!r} in {text!r}"
    sp = quotes[0].speaker
    return sp.text if sp is not None else None


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # the partial quotation belongs to the noun's content: its genitive speaks
        (
            "Auf den Vorwurf der Opposition, es handele sich um ein „teures "
            "Prestigeprojekt“, entgegnete der Bürgermeister, dass die Kosten gedeckt seien.",
            "teures Prestigeprojekt",
            "der Opposition",
        ),
        # negative: inside the content of a verb cue the verb's speaker stays
        (
            "Der Bürgermeister sagte, es handele sich um ein „solides Projekt“, und die "
            "Kosten seien gedeckt.",
            "solides Projekt",
            "Der Bürgermeister",
        ),
        # negative: a direct quotation after the noun's content keeps its own speaker
        (
            "Auf den Vorwurf der Opposition, das Projekt sei zu teuer, entgegnete der "
            "Bürgermeister: „Die Kosten sind vollständig gedeckt.“",
            "vollständig gedeckt",
            "der Bürgermeister",
        ),
    ],
)
def test_noun_content_speaker(text: str, quote_part: str, expected: str | None) -> None:
    assert speaker_of(text, quote_part, "direct") == expected
