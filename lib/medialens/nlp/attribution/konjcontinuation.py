"""Konjunktiv continuations: a sentence in Konjunktiv (or with hearsay *soll*) after a
quotation goes on with that quotation's source.

Why a module of its own: building the continuation quotation — whether it extends the
quotation of the sentence before, which speaker it carries (the current source, a source named
again, the subject of an indicative frame, the holder of *für X sein*) — was the longest
stage of :func:`.extract._analyse_unit` (moved verbatim, seventh round, when that module
passed 750 lines). The caller decides *whether* the unit continues a source (no cue, a recent
quotation, Konjunktiv or hearsay); this module builds the quotation. Limits: see the speaker
functions in :mod:`.carry`, :mod:`.freeindirect` and :mod:`.framesubject`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from medialens.nlp.attribution.carry import named_again, pronoun_of_carried
from medialens.nlp.attribution.directquote import opinion_holder
from medialens.nlp.attribution.framesubject import frame_subject_of
from medialens.nlp.attribution.freeindirect import (
    ANAPHORIC_SOURCES,
    _previous_subject,
    anaphoric_antecedent,
    embedding_subject,
)
from medialens.nlp.attribution.questionsource import question_speaker
from medialens.nlp.attribution.quotebounds import ends_its_sentence, konjunktiv_after_indicative
from medialens.nlp.attribution.quotestate import (
    _make_speaker,
    _State,
    _trim,
    idle_repeat,
    latest_mention,
)
from medialens.nlp.attribution.rumoursource import rumour_speaker, source_before_rumour
from medialens.nlp.attribution.units import Tok, Unit
from medialens.nlp.types import Quote


def continue_konjunktiv(
    toks: Sequence[Tok],
    text: str,
    quotes: list[Quote],
    state: _State,
    unit: Unit,
    ui: int,
    sid: int,
    *,
    speech_konj: bool,
    embedded: tuple[int, int] | None,
    prev_toks: Callable[..., Sequence[Tok]],
) -> bool:
    """Append the continuation quotation of unit ``ui`` to ``quotes`` (or extend the one of
    the sentence before) and update ``state``; False when the unit has no words to quote.

    ``embedded``: a Konjunktiv clause inside an indicative sentence (only that clause is
    quoted); ``speech_konj``: the unit is in Konjunktiv (not only hearsay *soll*);
    ``prev_toks(i)``: the tokens of unit ``i`` (default: the unit before).
    """
    # (the Konjunktiv clause only, when the sentence's main clause is the reporter's
    # indicative: *Der Verein reagierte gelassen, die Kasse sei geprüft*)
    framed = konjunktiv_after_indicative(toks) if embedded is None else None
    a, b = _trim(toks, *(embedded or framed or (0, len(toks))))
    if a >= b:
        return False
    start, end = toks[a].start, toks[b - 1].end
    # (the quotation before this unit: the unit's own partial quotations, *Dies
    # sei ein »Fehler«*, come after it in the list and are nested in the continuation)
    li = len(quotes) - 1
    while li >= 0 and quotes[li].start >= unit.start:
        li -= 1
    last = quotes[li] if li >= 0 else None
    if (
        embedded is None
        and framed is None
        and bool(speech_konj) == state.continued_konj
        and last is not None
        and state.continued == ui - 1
        and state.paragraph == unit.paragraph
        and last.cue is None
        and last.kind == "indirect"
        and ends_its_sentence(text, last.end, unit.start)
    ):
        # consecutive Konjunktiv sentences continue one quotation
        start = last.start
        quotes.pop(li)
        sid = last.sentence_id
    merged = last if start < toks[a].start else None
    spans = ((start, end),)
    # after a gap of more than two units the referent is uncertain: no speaker
    speaker = state.speaker if ui - state.unit <= 2 or state.continued == ui - 1 else None
    if speaker is None and state.speaker is not None:
        # … unless the sentence before names that source again (*X sagte … . …
        # . Die Warnungen von X werden lauter. Die Lage sei …*)
        speaker = named_again(text, state.speaker, prev_toks(), start)
    if state.unit < ui - 1 and state.continued < ui - 1:
        # the sentence before names the source (*X gibt keine Entwarnung. Die Lage
        # sei …*): the continuation refers to it rather than to an older quotation,
        # also after a gap that leaves the older one uncertain
        subject = _previous_subject(prev_toks(), text, state)
        if (
            subject is not None
            and not pronoun_of_carried(subject, speaker)
            and not idle_repeat(subject, speaker, state)
        ):
            # (and the Konjunktiv sentences after it go on with that source)
            speaker = state.speaker = subject
    if speaker is not None and speaker.text.lower() in ANAPHORIC_SOURCES:
        # *Laut X … . Demnach … . Die Lage sei …*: the continuation goes on with X
        antecedent = anaphoric_antecedent(prev_toks(state.unit - 1), text, state)
        if antecedent is not None:
            speaker = state.speaker = antecedent
    speaker = latest_mention(text, speaker, start, state)
    if framed is not None:
        # *Der Verband reagierte gelassen auf die Vorwürfe, die Bilanz sei …*:
        # the subject of the reporter's indicative frame, when it can speak, says
        # the Konjunktiv clause (also when its verb is no cue), not the carried speaker
        subject = frame_subject_of(toks, framed[0], text, state)
        if subject is not None:
            speaker = state.speaker = subject
    if embedded is not None:
        # *Die Alliierten erhoben Einspruch, weil Berlin … habe*: the claim of the
        # main clause's subject, not of the current speaker
        speaker = embedding_subject(toks, embedded[0], text, state) or speaker
    if merged is not None and merged.speaker is not None:
        # one quotation over consecutive sentences keeps the speaker of its start
        speaker = merged.speaker
    if question_speaker(speaker):
        speaker = None  # (*Unklar ist die Frage, ob … . X wolle …*: see :mod:`.questionsource`)
    elif rumour_speaker(speaker):
        # (*X kündigte an … . … dem Vernehmen nach … . Es sei …*: see :mod:`.rumoursource`)
        speaker = source_before_rumour(quotes, text, sid, start)
    holder = opinion_holder(toks, len(toks)) if embedded is None else None
    if holder is not None:
        # *Für den Bischof sei der Rücktritt verständlich*: the holder's judgement
        speaker = _make_speaker(toks, holder, text, state)
    quotes.append(Quote(start, end, spans, text[start:end], "indirect", speaker, None, sid))
    state.unit = ui
    state.continued = ui
    state.continued_konj = bool(speech_konj)
    state.paragraph = unit.paragraph
    return True
