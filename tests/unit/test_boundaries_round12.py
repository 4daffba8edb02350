"""Quote boundaries, round 12: one quotation emitted as several (:mod:`.joineddirect`).

Two quoted stretches joined by nothing but a bare frame (*»…« laut X »…«*) or a
conjunction (*»…« und »…«, zitiert X*) are one interrupted direct quotation, not two direct
quotations plus a non-direct one wrapping them. Negatives: indirect speech with partial
quotations keeps its own words and stays as it is. All sentences are invented.
"""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate

from medialens.nlp.attribution.joineddirect import join_split_directs
from medialens.nlp.types import Quote


def _quotes(text: str) -> list[tuple[str, list[str]]]:
    return [(q.kind, [text[a:b] for a, b in q.spans]) for q in annotate(text)._.ml_quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Ministerin sprach über den Haushalt. „Leider bleibt die Lage an den Schulen "
            "angespannt“ laut Müller „noch viele Jahre bestehen“.",
            [
                (
                    "direct",
                    [
                        "„Leider bleibt die Lage an den Schulen angespannt“",
                        "„noch viele Jahre bestehen“",
                    ],
                )
            ],
        ),
        (
            "Der Präsident sprach zum Abschied. „Ich danke allen Helfern für ihren großen "
            "Einsatz“ und „Wir werden diesen Tag nie vergessen, das verspreche ich euch“, "
            "zitiert die Zeitung.",
            [
                (
                    "direct",
                    [
                        "„Ich danke allen Helfern für ihren großen Einsatz“",
                        "„Wir werden diesen Tag nie vergessen, das verspreche ich euch“",
                    ],
                )
            ],
        ),
    ],
)
def test_bare_frame_joins_two_quoted_stretches(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "outer"),
    [
        # negatives: the wrapper has words of its own, the quoted stretches are partial quotes
        (
            "Der Trainer sagte nach dem Spiel, die Mannschaft habe „gut gekämpft“ und "
            "„verdient gewonnen“.",
            "indirect",
        ),
        ("„In wenigen Jahren“ werde laut Müller „ein neues Werk in Sachsen gebaut“.", "indirect"),
        (
            "„In wenigen Jahren“ werde die Firma laut dem Chef „ein neues Werk in Sachsen bauen“.",
            "indirect",
        ),
    ],
)
def test_partial_quotes_keep_their_outer_quote(text: str, outer: str) -> None:
    quotes = _quotes(text)
    assert [kind for kind, _ in quotes].count(outer) == 1
    assert [kind for kind, _ in quotes].count("direct") == 2


def test_two_sentences_stay_two_quotations() -> None:
    text = "„Wir sind zufrieden“, sagte die Sprecherin. „Die Zahlen sind gut.“"
    assert [kind for kind, _ in _quotes(text)] == ["direct", "direct"]


def _q(text: str, spans: tuple[tuple[int, int], ...], kind: str) -> Quote:
    return Quote(
        start=spans[0][0],
        end=spans[-1][1],
        spans=spans,
        text=" … ".join(text[a:b] for a, b in spans),
        kind=kind,
        speaker=None,
        cue=None,
    )


_TEXT = "„Eins zwei“ so X „drei vier“."
_D1 = _q(_TEXT, ((0, 11),), "direct")
_D2 = _q(_TEXT, ((17, 28),), "direct")


@pytest.mark.parametrize(
    ("wrapper_spans", "joined"),
    [
        (((0, 11), (17, 28)), True),  # the frame left out of the spans
        (((0, 28),), False),  # *so X* counted as quotation: content of its own
        (((0, 29),), False),  # the same, with the full stop
        (((0, 11), (12, 28)), False),  # the wrapper claims *X* as quotation
    ],
)
def test_join_split_directs_on_spans(
    wrapper_spans: tuple[tuple[int, int], ...], joined: bool
) -> None:
    wrapper = _q(_TEXT, wrapper_spans, "indirect")
    out = join_split_directs(sorted([_D1, wrapper, _D2], key=lambda q: (q.start, q.end)), _TEXT)
    if joined:
        assert [(q.kind, q.spans) for q in out] == [("direct", ((0, 11), (17, 28)))]
    else:
        assert len(out) == 3
