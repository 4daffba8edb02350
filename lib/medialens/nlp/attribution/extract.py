"""Extract quotations (direct, indirect, reported) and scare quotes from a ``Doc``.

Why rules: the default pipeline has no parser; German marks reported speech well enough on
the surface — quotation marks for direct speech, a reporting verb plus a *dass*-clause or a
Konjunktiv clause for indirect speech, prepositional source phrases (*laut*, *zufolge*, *nach
Angaben*), Konjunktiv continuation sentences, and reporting verbs without a clausal complement
for reported speech. Per analysis unit (see :mod:`.units`), in document order:

1. quotations (see :mod:`.marks`) are *speech* (≥ 4 words, sentence punctuation inside, a colon
   before, or a short quotation adjacent to a cue or inside an indirect clause), *titles*
   (after *Buch, Film, Gesetz, Operation …*, or multi-word capitalised names) or *scare quotes*;
2. speech quotations get the unit's cue and speaker; an interrupted quotation
   (»…«, sagte X, »…«) becomes one quote with several spans; without a cue in the unit they get
   the current speaker (the last one quoted in this or the previous paragraph);
3. every cue outside quotations yields an indirect quote (clause after ``cue …,`` that starts
   with *dass/ob/w-* or has a Konjunktiv or a *zu*-infinitive; or the clause before ``, cue``),
   else a reported one (the unit);
4. a unit with a Konjunktiv verb and no cue right after a quote continues the current speaker.

Limits: one speaker per cue; nested reported speech is not decomposed; pronoun speakers are
resolved to the last named speaker regardless of gender and number.

This module is the driver; the steps live in their own modules (:mod:`.directquote`,
:mod:`.verbquote`, :mod:`.sourcequote`, :mod:`.freeindirect`, :mod:`.cuehits`), on top of the
shared :mod:`.quotestate`, :mod:`.clausebounds` and :mod:`.overlap`. Names that moved there and
that callers import from here are re-exported with ``import name as name``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from medialens.nlp.attribution.carry import (
    governing_speaker,
    named_again,
)
from medialens.nlp.attribution.clausebounds import WH_WORDS as WH_WORDS
from medialens.nlp.attribution.conjuncts import conjunct_report
from medialens.nlp.attribution.continuationgate import framing_cues
from medialens.nlp.attribution.continuations import (
    hearsay_modal_in,
    main_clause_konjunktiv_i,
    reported_forms_in,
    singular_konjunktiv_ii_continuation,
)
from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.cuehits import _noun_cues, _verb_cues, outside_phrases
from medialens.nlp.attribution.cuescan import _SOURCE_NOUNS, _unit_candidates
from medialens.nlp.attribution.cuescan import find_cues as find_cues
from medialens.nlp.attribution.directquote import (
    _alias_participle,
    _attach_to_previous_quote,
    _before_so_source,
    _colon_subject,
    _frame_subject,
    _group_interrupted,
    _nearest_cue,
    _partial_in_reported,
    _partial_quotation,
    classify_unit_regions,
)
from medialens.nlp.attribution.frames import (
    danach_after_source,
    frame_bounds,
    frame_source,
    opener_index,
)
from medialens.nlp.attribution.freeindirect import (
    _dependent_clause_after_comma,
    _embedded_in_konjunktiv,
    _embedded_konjunktiv,
    _free_hearsay,
    _free_konjunktiv_quote,
    _hearsay,
    _previous_subject,
    _speaks,
)
from medialens.nlp.attribution.konjcontinuation import continue_konjunktiv
from medialens.nlp.attribution.konjunktiv import (
    KONJUNKTIV_FORMS,
    PRONOUN_SUBJECTS,
    is_konjunktiv,
    reported_konjunktiv,
)
from medialens.nlp.attribution.labelframe import labelling_source
from medialens.nlp.attribution.lexicon import CueIndex
from medialens.nlp.attribution.marks import QuotedRegion, find_quoted_regions
from medialens.nlp.attribution.messageform import message_before_cue
from medialens.nlp.attribution.nesting import keeps_nested
from medialens.nlp.attribution.overlap import (
    _frames_partial,
    _jaccard,
    _nearer_cue,
    _quoted_with_cue,
    _SeenQuotes,
    _TopRegions,
    _trimmed_span,
)
from medialens.nlp.attribution.partialkonjunktiv import konjunktiv_around_partials
from medialens.nlp.attribution.postpass import finish_quotes
from medialens.nlp.attribution.quotebounds import (
    paragraph_antecedent,
)
from medialens.nlp.attribution.quotestate import IMPERSONAL as IMPERSONAL
from medialens.nlp.attribution.quotestate import MAX_CHAIN_GAP as MAX_CHAIN_GAP
from medialens.nlp.attribution.quotestate import (
    MAX_INHERITED_CUE_DISTANCE as MAX_INHERITED_CUE_DISTANCE,
)
from medialens.nlp.attribution.quotestate import MAX_SPEAKER_DISTANCE as MAX_SPEAKER_DISTANCE
from medialens.nlp.attribution.quotestate import (
    Options,
    _inherited_cue,
    _make_cue,
    _make_speaker,
    _q,
    _span_text,
    _State,
    _trim,
    latest_mention,
)
from medialens.nlp.attribution.quotestate import _head_part as _head_part
from medialens.nlp.attribution.quotestate import _reliable_speaker as _reliable_speaker
from medialens.nlp.attribution.quotestate import last_whole_word as last_whole_word
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.relativesource import relative_source_phrases
from medialens.nlp.attribution.scan import (
    ContinuationWords,
    maybe_source,
    scan_doc,
)
from medialens.nlp.attribution.scare import is_title_noun as is_title_noun
from medialens.nlp.attribution.sourcecues import find_source_phrases
from medialens.nlp.attribution.sourcequote import _source_quote
from medialens.nlp.attribution.unitframes import (
    document_speaker,
    name_by_copula,
    reason_frame,
    reason_speakers,
    speech_act_hearsay,
)
from medialens.nlp.attribution.units import (
    Tok,
    Unit,
    build_units,
    token_arrays,
    unit_tokens,
)
from medialens.nlp.attribution.verbquote import _opens_frame, _verb_quote
from medialens.nlp.attribution.verbspeaker import heisst_es_source, verb_speaker
from medialens.nlp.pipes import doc_text
from medialens.nlp.types import Quote, ScareQuote


def extract_attributions(
    doc: Doc,
    index: CueIndex,
    *,
    min_speech_words: int = 4,
    max_scare_words: int = 4,
    continuation_gap: int = 3,
    reported_cues: bool = False,
) -> tuple[list[Quote], list[ScareQuote]]:
    """All quotations and scare quotes of ``doc`` (needs sentence boundaries and lemmas).

    ``min_speech_words``: a quotation this long counts as speech without further evidence;
    ``max_scare_words``: longer quotations without speech context are ignored, shorter ones are
    scare quotes; ``continuation_gap``: how many units after a quotation a Konjunktiv sentence
    still continues it; ``reported_cues``: give reported quotes their cue.
    """
    opts = Options(min_speech_words, max_scare_words, continuation_gap, reported_cues)
    text = doc_text(doc)
    regions = find_quoted_regions(text)
    arrays = token_arrays(doc, text)
    units = build_units(arrays, regions)
    scan = scan_doc(arrays, index)
    state = _State()
    quotes: list[Quote] = []
    scare: list[ScareQuote] = []
    region_starts = [r.start for r in regions]
    top = _TopRegions(regions)
    seen = _SeenQuotes()
    # the tokens of a unit are built at most once per document: the unit itself, the next
    # unit's look-back (``prev_toks``) and the reference step all ask for them
    tok_cache: dict[int, list[Tok]] = {}

    def toks_of(k: int) -> list[Tok]:
        got = tok_cache.get(k)
        if got is None:
            u = units[k]
            got = unit_tokens(arrays, u, regions, top=top.overlapping(u.start, u.end))
            tok_cache[k] = got
        return got

    for ui, unit in enumerate(units):
        lo = bisect.bisect_left(region_starts, unit.start)
        hi = bisect.bisect_left(region_starts, unit.end)
        unit_regions = [k for k in range(lo, hi) if regions[k].depth == 0]
        if quotes and ui > 0 and text.startswith(("Das ", "Dies "), unit.start):
            # *»…« Das ist das Fazit des Verbands.*: see :func:`.colonframe.copula_speech_np`
            # (before the unit filters: such a sentence often has no cue of its own)
            name_by_copula(text, toks_of, ui, quotes, units[ui - 1], unit, state)
        candidates = _unit_candidates(scan, arrays, unit)
        has_cue = bool(candidates)
        recent = ui - state.unit <= opts.continuation_gap and (
            unit.paragraph - state.paragraph <= 1
        )
        sources_possible = maybe_source(scan, arrays, unit, _SOURCE_NOUNS)
        state.note_unit(unit.start, has_cue or sources_possible)
        hearsay_possible = hearsay_modal_in(arrays, unit)
        overlapping: list[tuple[int, QuotedRegion]] | None = None
        if not unit_regions and not has_cue and not sources_possible:
            if recent:
                # a continuation of the current speaker (or hearsay)
                overlapping = top.overlapping(unit.start, unit.end)
                if (
                    not overlapping
                    and not _CONTINUATION.possible(arrays, unit)
                    and not hearsay_possible
                ):
                    continue
            elif not reported_forms_in(arrays, unit) and not hearsay_possible:
                # far from a quotation only a closed-list Konjunktiv form (steps 4b and 6)
                # or hearsay (step 5) can make a quotation
                continue
        toks = tok_cache.get(ui)
        if toks is None:
            if overlapping is None:  # (only needed for the units that are analysed)
                overlapping = top.overlapping(unit.start, unit.end)
            toks = tok_cache[ui] = unit_tokens(arrays, unit, regions, top=overlapping)
        prev_span = _trimmed_span(text, units[ui - 1]) if ui > 0 else None

        def prev_toks(k: int = ui - 1) -> list[Tok]:
            return toks_of(k) if k >= 0 else []

        before = len(quotes)
        _analyse_unit(
            text,
            ui,
            unit,
            toks,
            regions,
            unit_regions,
            index if has_cue else None,
            state,
            opts,
            quotes,
            scare,
            prev_span,
            prev_toks,
            seen,
            candidates,
            sources_possible,
            nouns_index=index,
            hearsay_possible=hearsay_possible,
        )
        if len(quotes) > before and text.startswith(("In ", "Im "), unit.start):
            # *In dem Schreiben forderte man …*: the document is the source (see
            # :mod:`.documentframe`)
            document_speaker(text, toks, quotes, before, unit, state)
        if len(quotes) > before and text.startswith("Als ", unit.start) and reason_frame(toks):
            # *Als Begründung wurde angegeben, …*: the reason of the actor named before
            # (see :mod:`.reasonframe`)
            reason_speakers(text, toks, prev_toks(), quotes, before, unit, state)
    # speaker passes and last filters over the whole document (see :mod:`.postpass`)
    return finish_quotes(quotes, text, [u.start for u in units], toks_of), scare


def _analyse_unit(
    text: str,
    ui: int,
    unit: Unit,
    toks: list[Tok],
    regions: list[QuotedRegion],
    unit_regions: list[int],
    index: CueIndex | None,
    state: _State,
    opts: Options,
    quotes: list[Quote],
    scare: list[ScareQuote],
    prev_span: tuple[int, int] | None,
    prev_toks: Callable[[], list[Tok]] = list,
    seen: _SeenQuotes | None = None,
    candidates: Sequence[int] | None = None,
    sources_possible: bool = True,
    *,
    nouns_index: CueIndex | None = None,
    hearsay_possible: bool = True,
) -> None:
    sid = unit.sentence_id
    # tokens of the unit outside quotations
    outside = [t for t in toks if t.q < 0]
    recent = ui - state.unit <= opts.continuation_gap and unit.paragraph - state.paragraph <= 1
    cues = [c for c in _verb_cues(toks, index, candidates) if not _alias_participle(toks, c)]
    if recent and state.speaker is not None:
        # *Diese Staaten hätten sich verpflichtet, …* after a quotation: a reporting verb under
        # a Konjunktiv auxiliary is part of what the current speaker said, not a new frame
        cues = [c for c in cues if not _embedded_in_konjunktiv(toks, c)]
    sources: list[CueHit] = []
    if sources_possible:  # the document scan found a trigger word in the unit
        sources = find_source_phrases(toks)
        sources += relative_source_phrases(toks, sources)
        cues += outside_phrases(_noun_cues(toks, nouns_index), cues)
        if toks and toks[0].text == "Danach" and not any(s.tokens[0] == 0 for s in sources):
            # *Die Studie wurde vorgestellt. Danach leiden …*: the source of the sentence before
            danach = danach_after_source(toks, prev_toks())
            if danach is not None:
                sources.append(danach)
    if cues and any(c.tokens[0] >= 2 and opener_index(toks, c.tokens[0]) is not None for c in cues):
        # *…, so betont X, …*, *…, das teilte X mit*: a frame after what was said
        framed = [(c, frame_source(toks, c)) for c in cues]
        frames = [f for _, f in framed if f is not None]
        if frames:
            # (a noun in the frame is no cue of its own: *so schrieb X in einer Mitteilung*)
            inside = [frame_bounds(toks, f) for f in frames]
            cues = [
                c
                for c, f in framed
                if f is None and not any(a < c.tokens[0] < b for a, b in inside)
            ]
            sources = sources + frames
    all_cues = cues + sources
    gate_cues = framing_cues(toks, all_cues) if all_cues else all_cues
    # only a continuation needs the Konjunktiv test: after a recent quotation, in a unit
    # without cues of its own (every use of ``speech_konj`` below requires ``not all_cues``)
    speech_konj = (
        recent
        and not gate_cues
        and (
            any(
                (t.text in KONJUNKTIV_FORMS or t.text[-1:] == "e")
                and is_konjunktiv(t.text, t.lemma)
                for t in outside
            )
            or (len(outside) > 2 and outside[0].lower in PRONOUN_SUBJECTS)
        )
        and (
            reported_konjunktiv([(t.text, t.lemma) for t in outside])
            or (ui - state.unit == 1 and singular_konjunktiv_ii_continuation(outside))
        )
    )
    # speech context for short (partial) quotations: an active cue with a speaker, a source
    # phrase, or a Konjunktiv continuation of the current speaker
    # (a cue that introduces no direct quotation, e.g. *unterstützen*, is no speech context)
    direct_cues = [c for c in all_cues if c.source or "direct" in c.speech]
    # (only quotations need it: computed for units that have some)
    active = bool(unit_regions) and (
        bool(sources) or any(_speaks(toks, c) for c in cues if "direct" in c.speech)
    )
    continuing = not all_cues and speech_konj and recent
    # 1. classify quotations (a quoted name that is the speaker of a cue is no quotation)
    speech, strong_speech = classify_unit_regions(
        toks,
        text,
        regions,
        unit_regions,
        unit.start,
        cues,
        all_cues,
        active=active,
        continuing=continuing,
        opts=opts,
        scare=scare,
    )
    used_for_direct: set[int] = set()
    first_new = len(quotes)
    # 2. direct quotations
    if speech:
        groups = _group_interrupted(toks, regions, speech, all_cues)
        for group in groups:
            spans = tuple((regions[k].start, regions[k].end) for k in group)
            hit = _nearest_cue(toks, regions, group, direct_cues)
            if hit is not None:
                if any(k in strong_speech for k in group):
                    used_for_direct.add(id(hit))
                if hit.source:
                    rng = hit.speaker
                elif hit.lemma == "heißen":
                    rng = heisst_es_source(toks, hit.tokens[0])
                    if rng is None and toks[hit.tokens[0]].start > regions[group[0]].end:
                        # *X schrieb: »…«, weiter hieß es …*: the colon frame before the
                        # quotation names its speaker; the impersonal frame after it does not
                        rng = _colon_subject(toks, regions[group[0]])
                        if rng is not None and not speaker_like(toks, *rng):
                            rng = None  # *Die Straße war gesperrt: »…«, hieß es*
                else:
                    rng = verb_speaker(toks, hit)
                speaker = _make_speaker(toks, rng, text, state)
                cue = _make_cue(toks, hit, text)
            else:
                cue = None
                rng = (
                    _colon_subject(toks, regions[group[0]])
                    or labelling_source(toks, regions[group[0]])
                    or _frame_subject(toks, regions[group[0]])
                )
                prev_subject = (
                    _previous_subject(prev_toks(), text, state)
                    if rng is None
                    and state.unit < ui - 1
                    and (toks[0].q >= 0 or _partial_in_reported(text, outside, regions[group[0]]))
                    else None
                )
                if rng is not None:
                    speaker = _make_speaker(toks, rng, text, state)
                elif prev_subject is not None:
                    # *X verurteilte die Haltung der Regierung. »…«*: a quotation that opens
                    # the sentence after an indicative sentence about a source is the source's
                    speaker = prev_subject
                elif ui - state.unit <= opts.continuation_gap + 1:
                    speaker = latest_mention(text, state.speaker, spans[0][0], state)
                    cue = _inherited_cue(text, state.cue, spans[0][0], speaker)
                else:
                    speaker = None
            quotes.append(
                Quote(
                    spans[0][0],
                    spans[-1][1],
                    spans,
                    _span_text(text, spans),
                    "direct",
                    speaker,
                    cue,
                    sid,
                )
            )
            state.update(speaker, ui, unit.paragraph, cue)
    # 3. indirect / reported per cue
    produced = False
    for hit in all_cues:
        if (
            not hit.source
            and len(quotes) > first_new  # (cheap test first: most units have no quote yet)
            and not _opens_frame(toks, hit.tokens[0])
        ):
            pos = toks[hit.tokens[0]].start
            if any(
                q.kind == "indirect" and any(a <= pos < b for a, b in q.spans)
                for q in quotes[first_new:]
            ):
                continue  # *…, dass die Ärzte davon abgeraten hätten, …*: part of the content
        if _attach_to_previous_quote(toks, hit, text, quotes, prev_span, state):
            produced = True
            state.update(quotes[-1].speaker, ui, unit.paragraph, quotes[-1].cue)
            continue
        if hit.source:
            q = _source_quote(toks, hit, text, sid, state, [c.tokens[0] for c in cues])
        else:
            q = _verb_quote(
                toks,
                hit,
                text,
                sid,
                state,
                regions,
                speech,
                opts,
                id(hit) in used_for_direct,
                prev_span,
                [c.tokens[0] for c in cues if c is not hit],
            )
        if q is None or message_before_cue(toks, hit, q.start):
            continue
        if prev_span is not None and q.spans[0] == prev_span and _quoted_with_cue(quotes, q):
            continue  # *X sagte: »A.« Dies sagte er …*: the anaphor repeats that speech act
        if prev_span is not None and q.spans[0] == prev_span and len(q.spans) == 2:
            # *A. B. Dies sagte X.* in a paragraph of its own: both sentences are said
            start = paragraph_antecedent(text, prev_toks(ui - 2), prev_toks(ui - 3), q.start)
            if start is not None and not any(start < o.end and o.start < q.start for o in quotes):
                spans = ((start, prev_span[1]), q.spans[1])
                q = q._replace(start=start, spans=spans, text=_span_text(text, spans))
        if not hit.source:
            q = _before_so_source(q, toks, sources)
        dups = [
            other
            for other in (seen.overlapping(quotes, q) if seen else quotes)
            if _jaccard(q, other) > 0.8 and not _frames_partial(q, other)
        ]
        if dups:
            # *X kommentierte dies, indem er … vorwarf, …*: of two verb cues before the same
            # complement, the nearer one introduces it (with its own subject); *A. Dies
            # urteilte X.*: a quotation with a cue replaces reported speech over the same text
            other = dups[0]
            if len(dups) == 1 and (
                _nearer_cue(q, other, quotes[first_new:])
                or (other.kind == "reported" and q.kind == "indirect" and q.cue is not None)
            ):
                quotes[quotes.index(other)] = q
                if seen is not None:
                    seen.__init__()
                state.update(q.speaker, ui, unit.paragraph, q.cue or q.act)
            continue
        quotes.append(q)
        produced = True
        state.update(q.speaker, ui, unit.paragraph, q.cue or q.act)
    # a sentence that quotes or paraphrases someone is not also reported speech as a whole
    # (*X nannte den Bericht eine »Zeitungsente«*, *… warnte X; laut Y …*)
    new = quotes[first_new:]
    if any(q.kind == "reported" for q in new) and any(q.kind != "reported" for q in new):
        # … unless the only other quotations are partial direct ones nested inside it
        # (*X warf Y eine »gezielte Täuschung« vor*): the outer reported quote stays
        # (*X teilte mit, dass …, und warnte vor Y*: the reported speech act of the other
        # conjunct stays, cut to that conjunct, see :mod:`.conjuncts`)
        others = [q for q in new if q.kind != "reported"]
        kept = []
        for q in new:
            if q.kind != "reported" or keeps_nested(q, new):
                kept.append(q)
                continue
            part = conjunct_report(q, others, toks, text)
            if part is not None:
                kept.append(part)
        quotes[first_new:] = kept
    if len(quotes) - first_new > 1:
        # (the continuations after this sentence go on with its governing source, not with
        # a source phrase nested in what that source said: *X erklärte, Y sei ihrer
        # Ansicht nach …*, see :mod:`.carry`)
        outer = governing_speaker(quotes[first_new:], state.speaker)
        if outer is not None:
            state.speaker = outer
    # 4. continuation in Konjunktiv (or hearsay *soll … haben*)
    partial_only = bool(strong_speech) and all(
        _partial_quotation(toks, text, regions[k]) for k in strong_speech
    )
    embedded = (
        _embedded_konjunktiv(toks)
        if not produced and not strong_speech and _dependent_clause_after_comma(toks)
        else None
    )
    if (
        not produced
        and (not strong_speech or (partial_only and speech_konj))
        and not gate_cues
        and recent
        and (speech_konj or (_hearsay(outside) and ui - state.unit <= 1))
    ) and continue_konjunktiv(
        toks,
        text,
        quotes,
        state,
        unit,
        ui,
        sid,
        speech_konj=bool(speech_konj),
        embedded=embedded,
        prev_toks=prev_toks,
    ):
        return
    if embedded is not None and len(quotes) == first_new:
        # 4b. a Konjunktiv clause inside an indicative sentence (*X wies den Vorwurf zurück,
        # da er jeder Grundlage entbehre*; *X prangert Morde an, die von Y verübt würden*):
        # the reason or claim the subject gives, indirect speech of the subject
        a, b = _trim(toks, *embedded)
        if a < b:
            # (its speaker is the subject of a reporting verb of the sentence; without one
            # it is unknown: the first field is often the antecedent of a relative clause)
            verb_cues = [c for c in cues if not c.noun]
            rng = verb_speaker(toks, verb_cues[0]) if verb_cues else None
            speaker = _make_speaker(toks, rng, text, state)
            quotes.append(_q(toks, text, [(a, b)], "indirect", speaker, None, sid))
            return
    if not produced and not all_cues and not recent and len(quotes) > first_new:
        # 6b. a Konjunktiv I sentence around partial quotations (see :mod:`.partialkonjunktiv`)
        args = (toks, outside, text, sid, quotes, first_new, prev_toks, state, ui, unit.paragraph)
        if konjunktiv_around_partials(*args) is not None:
            return
    # 5. free indirect hearsay without a recent source (*Er soll das Geld veruntreut haben.*)
    if not produced and not strong_speech and len(quotes) == first_new:
        # (a cue that gave no quotation does not block hearsay: *Er soll
        # Beschwerdebriefe geschrieben haben* passes on a claim about a speech act)
        q = _free_hearsay(toks, text, sid, state, ui, unit, opts) if hearsay_possible else None
        if q is None and hearsay_possible and not all_cues and _hearsay(outside):
            # a *soll* sentence right after a speech act without a quotation (*X gab die
            # Preise bekannt. So soll …*): X's words, see :mod:`.speechactsource`
            q = speech_act_hearsay(toks, text, sid, prev_toks(), state)
        if q is None and not all_cues and not recent and main_clause_konjunktiv_i(outside):
            # 6. a Konjunktiv I main clause far from any quotation: indirect speech whose
            # frame is elsewhere; the Konjunktiv sentences after it continue it
            q = _free_konjunktiv_quote(toks, text, sid, prev_toks, state)
            if q is not None:
                quotes.append(q)
                state.speaker = q.speaker
                state.unit = state.continued = ui
                state.continued_konj = True
                state.paragraph = unit.paragraph
                return
        if q is not None and q.speaker is None and state.speaker is not None:
            # hearsay right after a sentence that names the current speaker again
            q = q._replace(speaker=named_again(text, state.speaker, prev_toks(), q.start))
        if q is not None:
            # (the state is left alone: hearsay without a named source is no antecedent
            # for the Konjunktiv continuations that follow)
            quotes.append(q)


#: fact cache of the continuation filter, shared by all documents of the process
_CONTINUATION = ContinuationWords()
