"""Speakers that a sentence gives to quotations without one, applied per unit by
:mod:`.extract` (kept out of the driver, which is long already).

- :func:`document_speaker`: *In dem Schreiben forderte man …* (see :mod:`.documentframe`);
- :func:`name_by_copula`: *»…« Das ist das Fazit des Verbands.* (see
  :func:`.colonframe.copula_speech_np`);
- :func:`reason_speakers`: *X tat Y. Als Begründung hieß es, …* (see :mod:`.reasonframe`);
- :func:`speech_act_hearsay`: *X gab die Preise bekannt. So soll …* (see
  :mod:`.speechactsource`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from medialens.nlp.attribution.colonframe import copula_speech_np
from medialens.nlp.attribution.documentframe import opening_document
from medialens.nlp.attribution.quotestate import _make_speaker, _State, _trim
from medialens.nlp.attribution.reasonframe import reason_frame, reason_source
from medialens.nlp.attribution.speechactsource import speech_act_subject
from medialens.nlp.attribution.units import Tok, Unit
from medialens.nlp.types import Quote

__all__ = [
    "document_speaker",
    "name_by_copula",
    "reason_frame",
    "reason_speakers",
    "speech_act_hearsay",
]


def reason_speakers(
    text: str,
    toks: Sequence[Tok],
    ptoks: Sequence[Tok],
    quotes: list[Quote],
    first: int,
    unit: Unit,
    state: _State,
) -> None:
    """Give the unit's new quotations without a speaker the source of the reason frame the
    unit opens with (:func:`.reasonframe.reason_source`)."""
    todo = [
        k
        for k in range(first, len(quotes))
        if quotes[k].speaker is None and quotes[k].start >= unit.start
    ]
    if not todo:
        return
    spk = reason_source(text, ptoks, unit.start, state)
    if spk is None:
        return
    for k in todo:
        quotes[k] = quotes[k]._replace(speaker=spk)


def document_speaker(
    text: str, toks: Sequence[Tok], quotes: list[Quote], first: int, unit: Unit, state: _State
) -> None:
    """Give the unit's new quotations without a speaker (or with *man*) the document the
    sentence opens with (:func:`.documentframe.opening_document`)."""
    todo = [
        k
        for k in range(first, len(quotes))
        if quotes[k].start >= unit.start
        and (quotes[k].speaker is None or quotes[k].speaker.text.lower() == "man")
    ]
    if not todo:
        return
    rng = opening_document(toks)
    if rng is None:
        return
    speaker = _make_speaker(toks, rng, text, state)
    for k in todo:
        quotes[k] = quotes[k]._replace(speaker=speaker)


def name_by_copula(
    text: str,
    toks_of: Callable[[int], list[Tok]],
    ui: int,
    quotes: list[Quote],
    prev_unit: Unit,
    unit: Unit,
    state: _State,
) -> None:
    """Give the frameless direct quotation that is the whole sentence before ``unit`` the
    speaker that ``unit`` names by pointing back at it (*Das ist die Botschaft des Verbands*)."""
    last = quotes[-1]
    if (
        last.kind != "direct"
        or last.speaker is not None
        or last.cue is not None
        or unit.paragraph != prev_unit.paragraph
        or last.start < prev_unit.start
        or text[prev_unit.start : last.start].strip()
        or text[last.end : unit.start].strip(" .")
    ):
        return
    toks = toks_of(ui)  # (only now: most sentences fail the cheap tests above)
    rng = copula_speech_np(toks)
    if rng is not None:
        quotes[-1] = last._replace(speaker=_make_speaker(toks, rng, text, state))


def speech_act_hearsay(
    toks: Sequence[Tok], text: str, sid: int, ptoks: Sequence[Tok], state: _State
) -> Quote | None:
    """The *soll* sentence ``toks`` as free indirect speech of the speech act named by the
    sentence before (:func:`.speechactsource.speech_act_subject`), or None."""
    speaker = speech_act_subject(text, ptoks, toks[0].start, state)
    if speaker is None:
        return None
    a, b = _trim(toks, 0, len(toks))
    if a >= b:
        return None
    start, end = toks[a].start, toks[b - 1].end
    return Quote(start, end, ((start, end),), text[start:end], "indirect", speaker, None, sid)
