"""A continuation or frameless quotation keeps the frame's mention of its source when the
source's name is repeated in between in a sentence that cannot frame speech (no cue word,
no source phrase): :func:`medialens.nlp.attribution.quotestate.latest_mention` and
:func:`~medialens.nlp.attribution.quotestate.idle_repeat`. Invented sentences."""

from __future__ import annotations

import pytest
from attribution_pipeline import annotate

from medialens.nlp.attribution.quotestate import _State, latest_mention
from medialens.nlp.types import Speaker

_FRAME = (
    "Verkehrsministerin Petra Albrecht (SPD) hat angekündigt, die Buslinien im Land "
    "auszubauen. So sollen Dörfer stündlich angefahren werden. "
)
_MAYOR = (
    "Der Bürgermeister Klaus Wendt hat erklärt, das Hallenbad werde saniert. "
    "Die Arbeiten sollen im Herbst beginnen. "
)


def speaker_of(text: str, quote_part: str) -> str | None:
    """The speaker text of the first quotation that contains ``quote_part``."""
    quotes = [q for q in annotate(text)._.ml_quotes if quote_part in q.text]
    assert quotes, f"no quotation with {quote_part!r} in {text!r}"
    sp = quotes[0].speaker
    return sp.text if sp is not None else None


@pytest.mark.parametrize(
    ("text", "quote_part", "expected"),
    [
        # a repeat in a sentence of intention (no cue): the frame's mention goes on
        (
            _FRAME + "Um das Geld dafür aufzubringen, will Albrecht die Straßenbauprojekte "
            "kürzen. „Nicht jede Umgehungsstraße ist wirklich nötig.“",
            "Umgehungsstraße",
            "Verkehrsministerin Petra Albrecht (SPD)",
        ),
        (
            _FRAME + "Um das Geld dafür aufzubringen, will Albrecht die Straßenbauprojekte "
            "kürzen. „Nicht jede Umgehungsstraße ist wirklich nötig.“ Jeder Ort solle bis "
            "2030 angebunden werden.",
            "Jeder Ort",
            "Verkehrsministerin Petra Albrecht (SPD)",
        ),
        (
            _MAYOR + "Am Abend besuchte Wendt die Feuerwehr. Die Kosten lägen bei drei "
            "Millionen Euro.",
            "Die Kosten",
            "Der Bürgermeister Klaus Wendt",
        ),
        # negative: a repeat in a sentence with a speech verb is the nearer frame
        (
            _FRAME + "Albrecht äußerte sich auch zu den Kosten. „Nicht jede Umgehungsstraße "
            "ist wirklich nötig.“",
            "Umgehungsstraße",
            "Albrecht",
        ),
        (
            _MAYOR + "Wendt bekräftigte seine Zusage. Die Kosten lägen bei drei Millionen Euro.",
            "Die Kosten",
            "Wendt",
        ),
    ],
)
def test_chain_keeps_frame_mention(text: str, quote_part: str, expected: str) -> None:
    assert speaker_of(text, quote_part) == expected


_TEXT = "Minister Jan Roth sprach. Roth ging heim. Roth sagte noch etwas. Danach"


@pytest.mark.parametrize(
    ("frames", "expected_start"),
    [
        ((True, True, True, True), _TEXT.index("Roth sagte")),  # every repeat may frame
        ((True, False, True, True), _TEXT.index("Roth sagte")),  # the last one frames
        ((True, True, False, True), _TEXT.index("Roth ging")),  # skip the idle last repeat
        ((True, False, False, True), 0),  # no repeat frames: the first mention stays
    ],
)
def test_latest_mention_skips_idle_repeats(frames: tuple[bool, ...], expected_start: int) -> None:
    state = _State()
    starts = (0, _TEXT.index("Roth ging"), _TEXT.index("Roth sagte"), _TEXT.index("Danach"))
    for start, frame in zip(starts, frames, strict=True):
        state.note_unit(start, frame)
    speaker = Speaker(0, len("Minister Jan Roth"), "Minister Jan Roth")
    found = latest_mention(_TEXT, speaker, len(_TEXT), state)
    assert found is not None and found.start == expected_start


def test_latest_mention_without_state_takes_nearest() -> None:
    speaker = Speaker(0, len("Minister Jan Roth"), "Minister Jan Roth")
    found = latest_mention(_TEXT, speaker, len(_TEXT))
    assert found is not None and found.start == _TEXT.index("Roth sagte")
