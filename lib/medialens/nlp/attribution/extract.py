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
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from spacy.tokens import Doc

from medialens.nlp.attribution.clauses import (
    PP_SOURCES_AFTER,
    clause_start,
    is_passive,
    main_clause_start,
    np_segment,
    passive_agent,
    pp_source,
)
from medialens.nlp.attribution.continuations import (
    KONJUNKTIV_I_FORMS,
    SUBORDINATE_OPENERS,
    hearsay_modal_in,
    main_clause_konjunktiv_i,
    perfect_hearsay,
    reported_forms_in,
    singular_konjunktiv_ii_continuation,
    stative_hearsay,
)
from medialens.nlp.attribution.cuefind import (
    CueHit,
    find_noun_cues,
    find_source_phrases,
    find_verb_cues,
    fronted_participle,
)
from medialens.nlp.attribution.frames import (
    FRAME_OPENERS,
    danach_after_source,
    frame_bounds,
    frame_source,
    is_frame_source,
)
from medialens.nlp.attribution.konjunktiv import (
    KONJUNKTIV_FORMS,
    PRONOUN_SUBJECTS,
    SINGULAR_KONJUNKTIV_II,
    is_konjunktiv,
    reported_konjunktiv,
)
from medialens.nlp.attribution.lexicon import CueIndex
from medialens.nlp.attribution.marks import QuotedRegion, find_quoted_regions
from medialens.nlp.attribution.morphology import analyse
from medialens.nlp.attribution.nesting import keeps_nested, with_nested
from medialens.nlp.attribution.phrases import (
    AUXILIARIES,
    FUNCTION_WORDS,
    OBJECT_DETERMINERS,
    PERSONAL_SPEAKER_PRONOUNS,
    RELATIVES,
    SUBORDINATORS,
    TIME_WORDS,
    is_abstract_np,
    is_adjective,
    is_head,
    np_backward,
    np_forward,
)
from medialens.nlp.attribution.phrases import DETERMINERS as DETERMINERS_
from medialens.nlp.attribution.phrases import PREPOSITIONS as PREPOSITIONS_
from medialens.nlp.attribution.reference import (
    resolve,
    resolve_speakers,
    source_headed,
    speaker_like,
)
from medialens.nlp.attribution.scan import (
    HEARSAY,
    PASSIVE_AUX_KEYS,
    ContinuationWords,
    SourceNouns,
    fronted_participle_key,
    maybe_source,
    scan_doc,
)
from medialens.nlp.attribution.scare import (  # noqa: F401  (is_title_noun: re-exported)
    classify_quoted,
    is_title_noun,
    looks_like_name,
)
from medialens.nlp.attribution.scarecues import is_technical_term
from medialens.nlp.attribution.senses import (
    death_toll,
    fits_subject,
    needs_predicative,
    negated,
    predicative,
    reported_object,
    subject_class,
)
from medialens.nlp.attribution.speakers import (
    after_verb_speaker,
    quoted_object,
    v2_subject,
)
from medialens.nlp.attribution.speakers import (
    speaker_of_cue as _speaker_of_cue_uncached,
)
from medialens.nlp.attribution.units import (
    Tok,
    TokenArrays,
    Unit,
    build_units,
    token_arrays,
    unit_tokens,
)
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.pipes import doc_text
from medialens.nlp.types import Cue, Quote, ScareQuote, Speaker

WH_WORDS: frozenset[str] = frozenset(
    [
        "dass",
        "daß",
        "ob",
        "warum",
        "weshalb",
        "wieso",
        "weswegen",
        "wer",
        "was",
        "wann",
        "wo",
        "wohin",
        "woher",
        "wie",
        "welche",
        "welcher",
        "welches",
        "inwiefern",
    ]
)
_FINAL_PUNCT = frozenset(".!?…")
_ANAPHORS = wordset("dies das dieses")
_MARKS = frozenset('„“”"»«‚‘’›‹')
#: *äußerte Bedenken*: verbs that make reported speech only with a noun naming what was said
_OBJECT_CUES = wordset("äußern erheben vorbringen")
_CONTENT_NOUNS = wordset(
    "bedenken vorbehalte kritik zweifel sorge sorgen befürchtungen hoffnung hoffnungen "
    "verständnis unverständnis bedauern unmut vorwürfe vorwurf forderungen forderung wunsch "
    "wünsche meinung ansicht einwände einwand skepsis zustimmung ablehnung protest"
)
_NOT_COMPLEMENT = wordset("um ohne anstatt statt als wenn weil da obwohl während bevor nachdem")
#: prepositions of the document an agentless passive cue stands in (*im Bericht … wurde*)
_DOCUMENT_PREPOSITIONS = wordset("in im")
_AUS = wordset("aus")
_ENUM_GLUE = re.compile(r"\s*(?:,|und|oder|sowie|bzw\.)\s*$")


class Options(NamedTuple):
    """Tuning knobs with documented defaults (keyword-only in :func:`extract_attributions`)."""

    min_speech_words: int = 4
    max_scare_words: int = 4
    continuation_gap: int = 3
    reported_cues: bool = True


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
    cue_pos, particle_words = scan.cue_pos, scan.particle_words
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

    orth, last_tok = arrays.orth, len(arrays.orth) - 1
    for ui, unit in enumerate(units):
        lo = bisect.bisect_left(region_starts, unit.start)
        hi = bisect.bisect_left(region_starts, unit.end)
        unit_regions = [k for k in range(lo, hi) if regions[k].depth == 0]
        candidates = _unit_candidates(arrays, unit, cue_pos, particle_words)
        second = unit.tok_start + 1
        if (
            second <= last_tok
            and orth[second] in PASSIVE_AUX_KEYS
            and fronted_participle_key(scan, arrays, unit.tok_start, unit.tok_end)
        ):
            candidates = [0, *candidates]  # *Kritisiert wird …* (see scan)
        has_cue = bool(candidates)
        recent = ui - state.unit <= opts.continuation_gap and (
            unit.paragraph - state.paragraph <= 1
        )
        sources_possible = maybe_source(scan, arrays, unit, _SOURCE_NOUNS)
        overlapping: list[tuple[int, QuotedRegion]] | None = None
        if not unit_regions and not has_cue and not sources_possible:
            if recent:
                # a continuation of the current speaker (or hearsay)
                overlapping = top.overlapping(unit.start, unit.end)
                if (
                    not overlapping
                    and not _CONTINUATION.possible(arrays, unit)
                    and not hearsay_modal_in(arrays, unit)
                ):
                    continue
            elif not reported_forms_in(arrays, unit) and not hearsay_modal_in(arrays, unit):
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
            hearsay_possible=hearsay_modal_in(arrays, unit),
        )
    quotes.sort(key=lambda q: (q.start, q.end))
    quotes = _reliable_speakers(quotes)

    quotes = resolve_speakers(quotes, [u.start for u in units], toks_of)
    return with_nested([_exact_resolved(q, text) for q in quotes]), scare


def _exact_resolved(q: Quote, text: str) -> Quote:
    """The resolved antecedent's text exactly as in the document (the reference step joins
    its tokens with spaces, which differs where tokens touch: *„“*)."""
    sp = q.speaker
    if sp is None or sp.resolved_start is None or sp.resolved_end is None:
        return q
    exact = text[sp.resolved_start : sp.resolved_end]
    return q if exact == sp.resolved else q._replace(speaker=sp._replace(resolved=exact))


#: a cue-less direct quotation of the current speaker takes the speaker's cue when the cue ends
#: at most this many characters before it, in the same paragraph (on the training data the
#: inherited cue was the annotated one in 12 of 15 such cases, and in 24 of 45 up to 300)
MAX_INHERITED_CUE_DISTANCE = 100


def _inherited_cue(text: str, cue: Cue | None, start: int, speaker: Speaker | None) -> Cue | None:
    """The cue of a direct quotation that goes on with the current speaker's words (*X sagte,
    …. »…«*): the speaker's reporting verb, when it stands right before the quotation.

    Why: the quotation has no frame of its own, but it continues the speech act of that
    verb. Limits: further away or across a paragraph the verb is too often another speech
    act, or no cue is meant at all, so the quotation keeps no cue.
    """
    if cue is None or speaker is None or not 0 <= start - cue.end <= MAX_INHERITED_CUE_DISTANCE:
        return None
    if "\n\n" in text[cue.end : start]:
        return None
    return cue


#: a speaker mention further than this many characters before its quotation is an uncertain
#: referent (long continuations): on the training data fewer than a third of them were right
MAX_SPEAKER_DISTANCE = 300
#: impersonal pronouns that name no source (*man sagt*, *man geht davon aus*)
IMPERSONAL = wordset("man")


#: a quotation that follows another quotation of the same speaker mention within this many
#: characters continues that chain, however far the mention itself is (*X sagte: »…« Die
#: Gefahr sei real. »…« Bei einer Pandemie sei …*)
MAX_CHAIN_GAP = 150


def _reliable_speakers(quotes: list[Quote]) -> list[Quote]:
    """:func:`_reliable_speaker` over a document's quotations in text order, except that a
    speaker mention further than ``MAX_SPEAKER_DISTANCE`` characters back is kept when the
    quotation continues an unbroken chain of that mention's quotations (the previous one
    ends at most ``MAX_CHAIN_GAP`` characters before it): the referent is not uncertain
    when nothing but the same speaker's words stand in between."""
    for i, q in enumerate(quotes):
        sp = q.speaker
        if sp is None:
            continue
        if q.start - sp.end > MAX_SPEAKER_DISTANCE and _in_chain(quotes, i):
            continue
        quotes[i] = _reliable_speaker(q)
    return quotes


def _in_chain(quotes: Sequence[Quote], i: int) -> bool:
    """Does an earlier quotation with the same speaker mention (kept so far) end at most
    ``MAX_CHAIN_GAP`` characters before quotation ``i`` starts?"""
    q = quotes[i]
    sp = q.speaker
    assert sp is not None
    for k in range(i - 1, -1, -1):
        other = quotes[k]
        if other.end < q.start - MAX_CHAIN_GAP and other.start < q.start - 2000:
            return False  # (sorted by start: nothing older can end close enough)
        o = other.speaker
        if (
            o is not None
            and o.start == sp.start
            and o.end == sp.end
            and q.start - other.end <= MAX_CHAIN_GAP
        ):
            return True
    return False


def _reliable_speaker(q: Quote) -> Quote:
    """Drop a speaker that is no identifiable source: the impersonal *man*, a time word
    (*Donnerstag*, *August*: a misread first field), or a mention
    more than ``MAX_SPEAKER_DISTANCE`` characters before the quotation."""
    sp = q.speaker
    if sp is None:
        return q
    if (
        sp.text.lower() in IMPERSONAL
        or sp.text.lower() in TIME_WORDS
        or q.start - sp.end > MAX_SPEAKER_DISTANCE
    ):
        return q._replace(speaker=None)
    return q


_NAME_WORD_RE = re.compile(r"[A-ZÄÖÜ][\w]*(?:-[\w]+)*")


def latest_mention(text: str, speaker: Speaker | None, limit: int) -> Speaker | None:
    """The last mention of a named ``speaker`` before ``limit`` (its head word, e.g. the
    surname), when it recurs after the mention that was quoted.

    Why: a continuation or cue-less quotation refers back to the nearest mention of its
    source (*Abhisit machte zur Bedingung, … . Abhisit lehnte ab. Andernfalls werde er …*), not
    to the first one. Limits: string match on the last capitalised word of the speaker span;
    pronoun speakers are kept as they are.
    """
    if speaker is None or speaker.resolved is not None or limit <= speaker.end:
        return speaker
    words = [m for m in _NAME_WORD_RE.finditer(_head_part(speaker.text)) if len(m.group()) >= 3]
    if not words:
        return speaker
    head = words[-1].group()
    found = last_whole_word(text, head, speaker.end, limit)
    if found < 0:
        return speaker
    return Speaker(found, found + len(head), head)


_PARENTHESIS_RE = re.compile(r"\s*\([^()]*\)")
_ATTRIBUTE_RE = re.compile(r"\s(?:von|vom|der|des|aus|für|im|in|bei|beim|am|an|zu|zum|zur)\s")


def _head_part(text: str) -> str:
    """The part of a speaker text that names it: a name apposition after the last comma
    (*Der Sprecher der Partei, Hans Maier* -> *Hans Maier*), else the text before the first
    attribute (*Die Premierministerin von Queensland* -> *Die Premierministerin*), without
    parentheses (*(CDU)*)."""
    text = _PARENTHESIS_RE.sub("", text)
    if "," in text:
        tail = text.rsplit(",", 1)[1].strip()
        if tail[:1].isupper():
            return tail
    m = _ATTRIBUTE_RE.search(text)
    return text[: m.start()] if m else text


def _wordish(ch: str) -> bool:
    """``[\\w-]`` for one character (``re``'s word characters are ``isalnum`` and ``_``)."""
    return ch.isalnum() or ch == "_" or ch == "-"


def last_whole_word(text: str, word: str, start: int, end: int) -> int:
    """Offset of the last ``word`` inside ``text[start:end]`` that is not part of a longer
    word or hyphenated compound, or -1 (``(?<![\\w-])word(?![\\w-])`` with ``pos``/``endpos``).

    Why not a regex: the pattern differs per name, and compiling one per call cost more than
    the rest of the rule; ``word`` must consist of word characters and hyphens (a name).
    """
    n = len(word)
    i = text.rfind(word, start, end)
    while i >= 0:
        j = i + n
        if (i == 0 or not _wordish(text[i - 1])) and (j >= end or not _wordish(text[j])):
            return i
        i = text.rfind(word, start, j - 1)
    return -1


class _State:
    """The current speaker (for continuations and cue-less quotations)."""

    def __init__(self) -> None:
        self.speaker: Speaker | None = None
        self.unit = -99
        self.paragraph = -99
        self.named: Speaker | None = None
        #: recent named speakers, oldest first (antecedent candidates for pronouns)
        self.history: list[Speaker] = []
        self.continued = -99
        #: the reporting verb or source of the current speaker's quotation (or its speech act)
        self.cue: Cue | None = None

    def update(
        self, speaker: Speaker | None, ui: int, paragraph: int, cue: Cue | None = None
    ) -> None:
        """A quotation in unit ``ui``: it becomes the one a continuation refers to."""
        self.speaker = speaker
        self.cue = cue
        self.unit = ui
        self.paragraph = paragraph
        if (
            speaker is not None
            and speaker.resolved is None
            and speaker.text.lower() not in PERSONAL_SPEAKER_PRONOUNS
        ):
            self.named = speaker
            if not self.history or self.history[-1] != speaker:
                self.history = [*self.history[-7:], speaker]


def _unit_candidates(
    arrays: TokenArrays, unit: Unit, cue_pos: list[int], particle_words: dict[int, frozenset[int]]
) -> list[int]:
    """The unit's reporting-verb candidates (token indices inside the unit); a base that is a
    cue only with a particle or phrase word counts only if that word is a token of the unit
    (*Sicherheit* holds no *sicher*, so the unit cannot have the phrase *sich sicher sein*)."""
    k0 = bisect.bisect_left(cue_pos, unit.tok_start)
    k1 = bisect.bisect_left(cue_pos, unit.tok_end, k0)
    if k1 == k0:
        return []
    lower: list[int] | None = None
    out = []
    for p in cue_pos[k0:k1]:
        words = particle_words.get(p)
        if words is not None:
            if lower is None:
                lower = arrays.lower[unit.tok_start : unit.tok_end]
            if words.isdisjoint(lower):
                continue
        out.append(p - unit.tok_start)
    return out


def _span_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    return " … ".join(text[a:b] for a, b in spans)


def _make_speaker(
    toks: Sequence[Tok], rng: tuple[int, int] | None, text: str, state: _State
) -> Speaker | None:
    if rng is None:
        return None
    a, b = rng
    start, end = toks[a].start, toks[b - 1].end
    spk_text = text[start:end]
    if b - a == 1 and toks[a].lower in PERSONAL_SPEAKER_PRONOUNS and state.named is not None:
        # *er/sie*: the nearest recent named speaker that agrees in gender and number
        n = resolve(toks[a].lower, state.history)
        if n is None:
            return Speaker(start, end, spk_text)
        return Speaker(start, end, spk_text, n.text, n.start, n.end)
    return Speaker(start, end, spk_text)


class _SubjectMemo:
    """:func:`.speakers.speaker_of_cue`, computed once per cue of a unit.

    Why: the speech-sense check, the speaker choice, ``_speaks`` and the frame tests all ask
    for the subject of the same cue; about half of the calls repeat one already made. The
    memo is keyed by the identity of the unit's token list (built once per unit, never
    changed) and keeps only the latest unit, so it cannot grow or go stale. Limits: not
    thread-safe (a spaCy component runs in one thread per process).
    """

    __slots__ = ("toks", "values")

    def __init__(self) -> None:
        self.toks: Sequence[Tok] | None = None
        self.values: dict[tuple[int, int], tuple[int, int] | None] = {}

    def __call__(self, toks: Sequence[Tok], cue_i: int, cue_last: int) -> tuple[int, int] | None:
        if toks is not self.toks:
            self.toks = toks
            self.values = {}
        key = (cue_i, cue_last)
        try:
            return self.values[key]
        except KeyError:
            rng = self.values[key] = _speaker_of_cue_uncached(toks, cue_i, cue_last)
            return rng


#: the subject (speaker range) of a cue; see :class:`_SubjectMemo`
speaker_of_cue = _SubjectMemo()


def _verb_cues(
    toks: Sequence[Tok], index: CueIndex | None, candidates: Sequence[int] | None
) -> list[CueHit]:
    """Verb cues of a unit, without those in parentheses and the event verb *stattfinden*."""
    if index is None:
        return []
    return [
        c
        for c in find_verb_cues(toks, index, candidates=candidates)
        if not _in_parentheses(toks, c.tokens[0])
        and _opinion_frame(toks, c)
        and _speech_sense(toks, c)
    ]


def _speech_sense(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Does the cue have its speech sense in this clause (the lexicon's argument structure)?

    An entry that is speech only with a predicative (``message: [für]``: *hält X für Y*)
    needs it in the clause; in the active voice, the subject must be of a class the entry's
    ``subjects`` allow (*Das Hochwasser forderte 40 Todesopfer*, *Die Zahlen zeigen*: no
    speech; *Die Studie zeigt, dass …*: speech). See :mod:`.senses`.
    """
    if needs_predicative(hit) and not predicative(toks, hit):
        return False
    if death_toll(toks, hit):
        return False
    ci, last = hit.tokens[0], max(hit.tokens)
    if is_passive(toks, clause_start(toks, ci), ci, last):
        return True
    rng = speaker_of_cue(toks, ci, last)
    return fits_subject(subject_class(toks, rng), hit.subjects)


def _noun_cues(toks: Sequence[Tok], index: CueIndex | None = None) -> list[CueHit]:
    """Speech-act nouns followed by a complement clause (*die Forderung, dass …*; *die
    Forderung der Gewerkschaft, die Löhne anzuheben*)."""
    out = []
    n = len(toks)
    for c in find_noun_cues(toks, index.nouns if index is not None else None):
        comma = c.speaker[1] if c.speaker is not None else c.tokens[0] + 1
        end = n
        if c.speaker is not None:
            # after a genitive attribute the comma may also open a relative clause or an
            # apposition (*die Aussage von X, Parteichef der Y, …*; *nach Einschätzung eines
            # Experten, der …*): the complement must qualify before the next comma
            ci = c.tokens[0]
            relative = (
                comma + 2 < n
                and toks[comma + 1].lower in RELATIVES
                and not toks[comma + 2].text[:1].isupper()
            )
            if relative or (ci > 0 and toks[ci - 1].lower in _SOURCE_PREPOSITIONS):
                continue
            end = next((k for k in range(comma + 1, n) if toks[k].text == "," and toks[k].q < 0), n)
        if _clause_qualifies(toks, comma + 1, end):
            out.append(c)
    return out


#: a noun cue after these is part of a source phrase (*nach Einschätzung der Polizei*)
_SOURCE_PREPOSITIONS = wordset("nach laut gemäß zufolge")


def find_cues(doc: Doc, index: CueIndex, *, sources: bool = True) -> list[Cue]:
    """The reporting cues the attribution rules start from, outside quotations, in text order.

    Why public: it is the one cue finder of medialens; :func:`extract_attributions` runs the
    same per-unit steps (verb cues with their separable particle or phrase words, speech-act
    nouns before a complement clause, and — with ``sources`` — source phrases such as *laut*,
    *zufolge*, *nach Angaben*, *, so X*) and then decides what each cue introduces.

    A :class:`~medialens.nlp.types.Cue` has the cue words only: ``text`` joins them with
    single spaces (*teilte mit* for *teilte am Montag mit*), ``spans`` lists each word when
    there are several, ``lemma`` is the lexicon lemma (*mitteilen*; a source phrase is
    named by its preposition: *laut*, *zufolge*, *nach Angaben*, *so*) and ``category`` the
    stance category. ``doc`` needs sentence boundaries and lemmas.

    Limits: a verb under a Konjunktiv auxiliary right after a quotation (*… hätten sich
    verpflichtet*) is listed here although the rules read it as part of what the previous
    speaker said; auxiliaries are not part of a cue (*hat … gesagt* → *gesagt*).
    """
    text = doc_text(doc)
    regions = find_quoted_regions(text)
    arrays = token_arrays(doc, text)
    scan = scan_doc(arrays, index)
    cue_pos, particle_words = scan.cue_pos, scan.particle_words
    top = _TopRegions(regions)
    out: list[Cue] = []
    orth, last_tok = arrays.orth, len(arrays.orth) - 1
    for unit in build_units(arrays, regions):
        candidates = _unit_candidates(arrays, unit, cue_pos, particle_words)
        second = unit.tok_start + 1
        if (
            second <= last_tok
            and orth[second] in PASSIVE_AUX_KEYS
            and fronted_participle_key(scan, arrays, unit.tok_start, unit.tok_end)
        ):
            candidates = [0, *candidates]  # *Kritisiert wird …* (see scan)
        sources_possible = maybe_source(scan, arrays, unit, _SOURCE_NOUNS)
        if not candidates and not sources_possible:
            continue
        toks = unit_tokens(arrays, unit, regions, top=top.overlapping(unit.start, unit.end))
        hits = _verb_cues(toks, index if candidates else None, candidates)
        if sources_possible:
            hits += _noun_cues(toks, index)
            if sources:
                hits += find_source_phrases(toks)
        out.extend(_make_cue(toks, h, text) for h in hits)
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _make_cue(toks: Sequence[Tok], hit: CueHit, text: str) -> Cue:
    idx = sorted(hit.tokens)
    spans = tuple((toks[i].start, toks[i].end) for i in idx)
    start, end = spans[0][0], spans[-1][1]
    cue_text = " ".join(text[a:b] for a, b in spans)
    return Cue(start, end, cue_text, hit.lemma, hit.category, spans if len(spans) > 1 else ())


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
        cues += _noun_cues(toks, nouns_index)
        if toks and toks[0].text == "Danach" and not any(s.tokens[0] == 0 for s in sources):
            # *Die Studie wurde vorgestellt. Danach leiden …*: the source of the sentence before
            danach = danach_after_source(toks, prev_toks())
            if danach is not None:
                sources.append(danach)
    if cues and any(c.tokens[0] >= 2 and toks[c.tokens[0] - 1].text in FRAME_OPENERS for c in cues):
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
    # only a continuation needs the Konjunktiv test: after a recent quotation, in a unit
    # without cues of its own (every use of ``speech_konj`` below requires ``not all_cues``)
    speech_konj = (
        recent
        and not all_cues
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
    speaker_quotes = set()
    if unit_regions and all_cues:
        for c in all_cues:
            rng = c.speaker if c.source else speaker_of_cue(toks, c.tokens[0], max(c.tokens))
            if rng is not None:
                speaker_quotes.update(toks[i].q for i in range(*rng) if toks[i].q >= 0)
    speech: list[int] = []
    strong_speech: list[int] = []
    # any cue with a speaker (also one that introduces no direct speech): scare.classify_quoted
    voiced = bool(unit_regions) and not active and any(_speaks(toks, c) for c in cues)
    for k in unit_regions:
        r = regions[k]
        if k in speaker_quotes:
            continue
        inner = text[r.start + 1 : r.end - 1].rstrip()
        if len(inner.split()) <= 3 and inner[-1:] not in _FINAL_PUNCT and _term_definition(toks, r):
            # *auch »Bonus View« genannt*, *Dies nennt man einen »Aktiensplit«*: no quotation;
            # a German technical term so introduced is the author's scare quote, a name is not
            if is_technical_term(inner):
                scare.append(ScareQuote(r.start + 1, r.end - 1, text[r.start + 1 : r.end - 1]))
            continue
        label = classify_quoted(
            toks,
            text,
            r,
            unit_start=unit.start,
            speech_context=active or continuing,
            cue_lemmas=frozenset(c.lemma for c in cues),
            enumerated=_in_enumeration(text, regions, k),
            voiced_cue=voiced,
            min_speech_words=opts.min_speech_words,
            max_scare_words=opts.max_scare_words,
        )
        if label in ("strong_speech", "speech"):
            speech.append(k)
            if label == "strong_speech":
                strong_speech.append(k)
        elif label == "scare_quote":
            scare.append(ScareQuote(r.start + 1, r.end - 1, text[r.start + 1 : r.end - 1]))
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
                    rng = _heisst_es_source(toks, hit.tokens[0])
                else:
                    rng = _verb_speaker(toks, hit)
                speaker = _make_speaker(toks, rng, text, state)
                cue = _make_cue(toks, hit, text)
            else:
                cue = None
                rng = _colon_subject(toks, regions[group[0]]) or _frame_subject(
                    toks, regions[group[0]]
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
                    speaker = latest_mention(text, state.speaker, spans[0][0])
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
        if not hit.source and not _opens_frame(toks, hit.tokens[0]):
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
            q = _source_quote(toks, hit, text, sid, state)
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
        if q is None:
            continue
        if prev_span is not None and q.spans[0] == prev_span and _quoted_with_cue(quotes, q):
            continue  # *X sagte: »A.« Dies sagte er …*: the anaphor repeats that speech act
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
        quotes[first_new:] = [q for q in new if q.kind != "reported" or keeps_nested(q, new)]
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
        and not all_cues
        and recent
        and (speech_konj or (_hearsay(outside) and ui - state.unit <= 1))
    ):
        a, b = _trim(toks, *(embedded or (0, len(toks))))
        if a < b:
            start, end = toks[a].start, toks[b - 1].end
            last = quotes[-1] if quotes else None
            if (
                embedded is None
                and last is not None
                and state.continued == ui - 1
                and state.paragraph == unit.paragraph
                and last.cue is None
                and last.kind == "indirect"
            ):
                # consecutive Konjunktiv sentences continue one quotation
                start = last.start
                quotes.pop()
                sid = last.sentence_id
            spans = ((start, end),)
            # after a gap of more than two units the referent is uncertain: no speaker
            speaker = state.speaker if ui - state.unit <= 2 or state.continued == ui - 1 else None
            if state.unit < ui - 1 and state.continued < ui - 1:
                # the sentence before names the source (*X gibt keine Entwarnung. Die Lage
                # sei …*): the continuation refers to it rather than to an older quotation,
                # also after a gap that leaves the older one uncertain
                speaker = _previous_subject(prev_toks(), text, state) or speaker
            speaker = latest_mention(text, speaker, start)
            quotes.append(Quote(start, end, spans, text[start:end], "indirect", speaker, None, sid))
            state.unit = ui
            state.continued = ui
            state.paragraph = unit.paragraph
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
            rng = _verb_speaker(toks, verb_cues[0]) if verb_cues else None
            speaker = _make_speaker(toks, rng, text, state)
            quotes.append(_q(toks, text, [(a, b)], "indirect", speaker, None, sid))
            return
    # 5. free indirect hearsay without a recent source (*Er soll das Geld veruntreut haben.*)
    if not produced and not all_cues and not strong_speech and len(quotes) == first_new:
        q = _free_hearsay(toks, text, sid, state, ui, unit, opts) if hearsay_possible else None
        if q is None and not recent and main_clause_konjunktiv_i(outside):
            # 6. a Konjunktiv I main clause far from any quotation: indirect speech whose
            # frame is elsewhere; the Konjunktiv sentences after it continue it
            q = _free_konjunktiv_quote(toks, text, sid, prev_toks, state)
            if q is not None:
                quotes.append(q)
                state.speaker = q.speaker
                state.unit = state.continued = ui
                state.paragraph = unit.paragraph
                return
        if q is not None:
            # (the state is left alone: hearsay without a named source is no antecedent
            # for the Konjunktiv continuations that follow)
            quotes.append(q)


def _partial_in_reported(text: str, outside: Sequence[Tok], r: QuotedRegion) -> bool:
    """A partial quotation (lower-case start) in a sentence in Konjunktiv or with hearsay
    *soll* (*Jeder Lehrer könne „das Geld jetzt bekommen“*): the words of whoever the
    sentence reports, like the Konjunktiv sentence around it — after an indicative sentence
    about a source, that source. A capitalised quotation may be a title or a name."""
    first = text[r.start + 1 : r.start + 3].lstrip()
    if not first[:1].islower():
        return False
    return any(is_konjunktiv(t.text, t.lemma) or t.lower in HEARSAY for t in outside)


def _before_so_source(q: Quote, toks: Sequence[Tok], sources: Sequence[CueHit]) -> Quote:
    """Cut a verb cue's quotation before a *…, so X* source inside it (*X wird aufgefordert,
    die Grenze zu öffnen, so Y im Fernsehen*): the source phrase is not part of the content."""
    if len(q.spans) != 1:
        return q
    for s in sources:
        i = s.tokens[0]
        if (s.lemma != "so" and not is_frame_source(s)) or i < 1:
            continue
        if not (q.start < toks[i].start < q.end):
            continue
        end = toks[i - 1].start if toks[i - 1].text == "," else toks[i].start
        text = q.text[: end - q.start].rstrip()
        if not text:
            return q
        end = q.start + len(text)
        return q._replace(end=end, spans=((q.start, end),), text=text)
    return q


def _nearer_cue(q: Quote, other: Quote, unit_quotes: Sequence[Quote]) -> bool:
    """Does ``q`` (a duplicate of ``other``, found in the same unit) have a verb cue between
    ``other``'s cue and the quotation, i.e. nearer to what was said?"""
    if other not in unit_quotes or q.kind != "indirect" or other.kind != "indirect":
        return False
    if q.cue is None or other.cue is None:
        return False
    if q.speaker is None and q.cue.lemma != "heißen":
        return False  # (*…, hieß es*: the impersonal frame names no speaker, yet is one)
    return other.cue.end <= q.cue.start and q.cue.end <= q.start and other.cue.end <= q.start


def _partial_quotation(toks: Sequence[Tok], text: str, r: QuotedRegion) -> bool:
    """Is the quotation a part of a sentence of its own (*Der Airbus sei erst »weit hinter
    der Aufsetzzone« zu Boden gebracht worden*): words of the sentence before it, and not
    itself a full sentence?"""
    inner = text[r.start + 1 : r.end - 1].rstrip()
    if inner[-1:] in _FINAL_PUNCT:
        return False
    before = [t for t in toks if t.end <= r.start and t.q < 0 and t.text not in (",", ":", "–")]
    return len(before) >= 2


def _trimmed_span(text: str, unit: Unit) -> tuple[int, int] | None:
    """The unit's characters without the final punctuation."""
    end = unit.end
    while end > unit.start and text[end - 1] in ".!?;: ":
        end -= 1
    return (unit.start, end) if end > unit.start else None


def _attach_to_previous_quote(
    toks: Sequence[Tok],
    hit: CueHit,
    text: str,
    quotes: list[Quote],
    prev_span: tuple[int, int] | None,
    state: _State,
) -> bool:
    """``»…« Das sagte X.``: give the preceding frameless direct quotation its speaker and cue."""
    ci = hit.tokens[0]
    if (
        hit.source
        or not quotes
        or prev_span is None
        or len(toks) < 3
        or toks[0].lower not in _ANAPHORS
        or ci != 1
    ):
        return False
    last = quotes[-1]
    if last.kind != "direct" or last.cue is not None or last.end < prev_span[1] - 1:
        return False
    if last.start < prev_span[0] - 1:
        return False
    rng = speaker_of_cue(toks, ci, max(hit.tokens))
    if rng is None:
        return False
    quotes[-1] = last._replace(
        speaker=_make_speaker(toks, rng, text, state), cue=_make_cue(toks, hit, text)
    )
    return True


def _embedded_in_konjunktiv(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is the cue a participle/infinitive under a Konjunktiv auxiliary (*hätten … erklärt*)?"""
    ci = hit.tokens[0]
    if ci > 0 and toks[ci - 1].text == "," and after_verb_speaker(toks, ci + 1) is not None:
        return False  # *Sie seien …, sagte X*: the finite verb of an inverted frame
    start = clause_start(toks, ci, inverted=False)
    for t in toks[start:ci]:
        if t.q < 0 and t.lower in AUXILIARIES:
            return is_konjunktiv(t.text, t.lemma) and t.lower not in SINGULAR_KONJUNKTIV_II
    # *Außerdem halte der Verein die Kosten für angemessen*: the finite cue itself in
    # Konjunktiv I, in a main clause, reports what the current speaker said
    cue = toks[ci]
    return (
        start == 0
        and toks[0].lower not in SUBORDINATORS
        and is_konjunktiv(cue.text, cue.lemma)
        and cue.lower not in SINGULAR_KONJUNKTIV_II
        and not cue.lower.endswith("en")
    )


def _speaks(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Does the cue attribute words to someone? Active voice with a speaker, a passive with
    an agent (*von X*, not the vague *aus X*), or the impersonal *es heißt*."""
    ci, last = hit.tokens[0], max(hit.tokens)
    if hit.lemma == "heißen":
        return True
    if hit.noun:
        return v2_subject(toks, ci) is not None
    start = clause_start(toks, ci)
    if is_passive(toks, start, ci, last):
        return any(
            t.q < 0 and t.lower in ("von", "vom", "seitens", "vonseiten", "durch")
            for t in toks[start:ci]
        )
    return speaker_of_cue(toks, ci, last) is not None


def _hearsay(outside: Sequence[Tok]) -> bool:
    """*soll/sollen* (not *sollte*): the modal of hearsay and of announced plans, which news
    uses to pass on what a source said (free indirect speech). Only in verb-second position:
    a clause-final *soll* ends a relative or subordinate clause (*…, das finanziert werden
    soll*) and says nothing about the sentence."""
    n = len(outside)
    return any(
        t.lower in HEARSAY
        and k + 1 < n
        and outside[k + 1].text not in (",", ".", ";", ":", "!", "?", ")", "–")
        for k, t in enumerate(outside)
    )


#: subordinators of a clause whose Konjunktiv gives the subject's reason or claim
_REASON_SUBORDINATORS = wordset("weil da zumal")


def _embedded_konjunktiv(toks: Sequence[Tok]) -> tuple[int, int] | None:
    """The token range of a causal or relative clause in Konjunktiv inside an indicative
    sentence (*…, da er jeder Grundlage entbehre*; *…, die von X verübt würden*), or None.

    Why: the Konjunktiv of a dependent clause marks its content as what the subject of the
    sentence said or claimed, while the main clause is the reporter's. Limits: the clause
    ends at the next comma (a *zu*-infinitive after it belongs to it); the main clause counts
    as indicative when no comma-part outside such clauses has a Konjunktiv form; only the
    closed-list Konjunktiv I forms and *würden/hätten* count (not an irrealis *hätten …
    können*), and not next to *ich/wir*.
    """
    n = len(toks)
    bounds = [-1, *(k for k in range(n) if toks[k].text == "," and toks[k].q < 0), n]
    found: tuple[int, int] | None = None
    for i in range(len(bounds) - 1):
        a, b = bounds[i] + 1, bounds[i + 1]
        if a >= b:
            continue
        dependent = i > 0 and _dependent_opener(toks, a, b)
        if dependent and found is None and _reported_form_in(toks, a, b):
            while b < n and toks[b].text == "," and _infinitive_part(toks, b + 1):
                b = next((k for k in range(b + 1, n) if toks[k].text == "," and toks[k].q < 0), n)
            found = (a, b)
        elif not dependent and any(
            t.q < 0
            and (t.text in KONJUNKTIV_FORMS or t.text[-1:] == "e")
            and is_konjunktiv(t.text, t.lemma)
            for t in toks[a:b]
        ):
            return None  # the main clause is in Konjunktiv: a continuation as a whole
    return found


def _dependent_clause_after_comma(toks: Sequence[Tok]) -> bool:
    """Cheap test before :func:`_embedded_konjunktiv`: a comma followed by a causal
    subordinator, a relative pronoun or a preposition (of a relative clause)?"""
    n = len(toks)
    for k in range(n - 1):
        if toks[k].text == "," and toks[k].q < 0:
            nxt = toks[k + 1].lower
            if nxt in _REASON_SUBORDINATORS or nxt in RELATIVES or nxt in PREPOSITIONS_:
                return True
    return False


def _dependent_opener(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Does the comma-part ``toks[a:b]`` open a causal or relative clause (not an article:
    *…, die verdächtigen Personen seien …*, *…, bei den Toten handele es sich …*)?"""
    opener = toks[a].lower
    if opener in _REASON_SUBORDINATORS:
        return True
    k = a + 1 if opener in PREPOSITIONS_ else a
    if k >= b or toks[k].lower not in RELATIVES:
        return False
    nxt = toks[k + 1] if k + 1 < b else None
    if toks[k].lower in _DEFINITE | {"den", "dem"} and nxt is not None:
        return not (is_head(nxt) or is_adjective(nxt))
    return True


#: Konjunktiv forms that mark a dependent clause as reported (*würden, hätten* stand in for a
#: plural Konjunktiv I)
_EMBEDDED_FORMS = KONJUNKTIV_I_FORMS | wordset("würden hätten")
_MODAL_INFINITIVES = wordset("können müssen sollen dürfen")


def _reported_form_in(toks: Sequence[Tok], a: int, b: int) -> bool:
    words = [t for t in toks[a:b] if t.q < 0 and t.text not in _FINAL_PUNCT]
    if any(t.lower in ("ich", "wir") for t in words):
        return False
    if (
        words
        and words[-1].lower in _MODAL_INFINITIVES
        and any(t.lower in ("hätte", "hätten") for t in words)
    ):
        return False  # *hätten entdeckt werden können*: an irrealis
    n = len(words)
    return any(
        t.text in _EMBEDDED_FORMS
        or (
            # a regular Konjunktiv I (*entbehre*), not an adjective before its noun
            t.text not in SINGULAR_KONJUNKTIV_II
            and is_konjunktiv(t.text, t.lemma)
            and not (k + 1 < n and words[k + 1].text[:1].isupper())
            and not (k and words[k - 1].lower in DETERMINERS_)
        )
        for k, t in enumerate(words)
    )


def _infinitive_part(toks: Sequence[Tok], a: int) -> bool:
    """Is the comma-part at ``a`` a *zu*-infinitive (*…, mehr Vertrauen zu setzen*)?"""
    end = next((k for k in range(a, len(toks)) if toks[k].text in (",", ".", ";")), len(toks))
    return end - a >= 2 and (
        toks[end - 2].lower == "zu"
        or re.fullmatch(r"[a-zäöü]+zu[a-zäöü]+en", toks[end - 1].text) is not None
    )


def _free_konjunktiv_quote(
    toks: Sequence[Tok], text: str, sid: int, prev_toks: Callable[[], list[Tok]], state: _State
) -> Quote | None:
    """A sentence whose main clause is in Konjunktiv I, far from any quotation: indirect
    speech whose frame is not in the text (*Die Ursache sei noch unklar.*). Its speaker is
    the subject of the sentence before when that is a possible source, else unknown."""
    a, b = _trim(toks, 0, len(toks))
    if a >= b:
        return None
    start, end = toks[a].start, toks[b - 1].end
    speaker = _previous_subject(prev_toks(), text, state)
    return Quote(start, end, ((start, end),), text[start:end], "indirect", speaker, None, sid)


def _free_hearsay(
    toks: Sequence[Tok], text: str, sid: int, state: _State, ui: int, unit: Unit, opts: Options
) -> Quote | None:
    """A sentence of hearsay *sollen* with a perfect infinitive, without a cue: free indirect
    speech. Its speaker is the current speaker when that was quoted within the continuation
    gap in this or the previous paragraph, else unknown (None)."""
    first = 0
    if not perfect_hearsay(toks):
        stative = stative_hearsay(toks)
        if stative is None:
            return None
        first = stative
    a, b = _trim(toks, first, len(toks))
    if a >= b:
        return None
    start, end = toks[a].start, toks[b - 1].end
    recent = ui - state.unit <= opts.continuation_gap and unit.paragraph - state.paragraph <= 1
    speaker = latest_mention(text, state.speaker, start) if recent else None
    return Quote(start, end, ((start, end),), text[start:end], "indirect", speaker, None, sid)


def _in_parentheses(toks: Sequence[Tok], i: int) -> bool:
    """Is token ``i`` inside an open parenthesis (*(Wikinews berichtete)*)?"""
    depth = 0
    for t in toks[:i]:
        if t.text == "(":
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
    return depth > 0


def _colon_subject(toks: Sequence[Tok], r: QuotedRegion) -> tuple[int, int] | None:
    """``X rief: »…«`` without a known cue: the subject of the frame clause."""
    first_in = next((t.i for t in toks if t.start >= r.start), None)
    if first_in is None or first_in == 0 or toks[first_in - 1].text != ":":
        return None
    if any(
        t.q < 0
        and (t.text in KONJUNKTIV_FORMS or t.text[-1:] == "e")
        and is_konjunktiv(t.text, t.lemma)
        for t in toks[: first_in - 1]
    ):
        return None  # *X sei zu Dank verpflichtet: »…«*: the current speaker's words go on
    rng = v2_subject(toks, first_in - 1)
    if rng is not None and is_abstract_np(toks, *rng):
        return None  # *Seine Zuversicht gründet sich auf …: »…«*: a thing does not speak
    return rng


def _verb_speaker(toks: Sequence[Tok], hit: CueHit) -> tuple[int, int] | None:
    """The speaker of a verb cue (*zitieren*: the quoted object)."""
    ci, last = hit.tokens[0], max(hit.tokens)
    if ci == 0 and fronted_participle(toks):
        # *Kritisiert wird von X, dass …*: a fronted passive participle; the phrase after
        # the auxiliary is the patient (*Gefordert wird eine Aufklärung*), the agent speaks
        end = next((k for k in range(2, len(toks)) if toks[k].text in (",", ":", ";")), len(toks))
        return passive_agent(toks, 2, end)
    if hit.lemma == "zitieren":
        rng = quoted_object(toks, ci, last)
        if rng is not None:
            return rng
    if hit.lemma == "verlauten":
        # *Aus EU-Kreisen verlautete, …*: no subject, the source is the *aus/von* phrase
        rng = pp_source(toks, clause_start(toks, ci, inverted=False), ci)
        if rng is not None:
            return rng
    if hit.lemma == "hervorgehen":
        # *Dies geht aus einer Mitteilung des Konzerns hervor*: the *aus* phrase is the source
        rng = pp_source(toks, clause_start(toks, ci, inverted=False), last, preps=_AUS)
        if rng is not None:
            return rng
    rng = speaker_of_cue(toks, ci, last)
    if rng is None:
        start = clause_start(toks, ci, inverted=False)
        if is_passive(toks, start, ci, last):
            # *In einem Bericht der Zeitung wurde vermutet, …*: an agentless passive takes
            # the document it stands in as its source
            doc_rng = pp_source(toks, start, ci, preps=_DOCUMENT_PREPOSITIONS)
            if doc_rng is not None and source_headed(toks, *doc_rng):
                return doc_rng
    return rng


def _opinion_frame(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is a *finden* cue not the event verb *stattfinden* (*findet am Montag in X statt*)?

    Why: *finden* reports an opinion (*X findet, dass …*) or a written statement (*In dem
    Bericht findet sich die Feststellung »…«*), but with the separated particle *statt* it
    only says that an event takes place. Limits: only the particle at a clause end is seen.
    """
    if hit.lemma != "finden":
        return True
    n = len(toks)
    for k in range(max(hit.tokens) + 1, n):
        t = toks[k]
        if t.q < 0 and t.lower == "statt":
            nxt = toks[k + 1] if k + 1 < n else None
            if nxt is None or nxt.q >= 0 or nxt.text in (".", ",", ":", ";", "!", "?"):
                return False
    return True


def _heisst_es_source(toks: Sequence[Tok], ci: int) -> tuple[int, int] | None:
    """The source of *es heißt* at ``ci``: *In dem Antrag heißt es*, *Aus Paris hieß es*,
    *…, heißt es in dem Bericht* (the place or document is the gold-standard source)."""
    n = len(toks)
    rng = None
    start = main_clause_start(toks, ci)
    if (
        start >= 2
        and toks[start - 1].text == ","
        and toks[start].lower in _DOCUMENT_PREPOSITIONS
        and start + 1 < ci
        and toks[start + 1].lower in RELATIVES
    ):
        # *eine Erklärung der Behörde, in der es heißt, …*: the document is the antecedent
        ante = np_backward(toks, start - 1)
        if ante is not None:
            return ante
    if (ci > 0 and toks[ci - 1].text not in (",", ":") and toks[ci - 1].q < 0) or (
        start != clause_start(toks, ci, inverted=False)
    ):
        # (after a comma or a quotation the clause before is the content, not the frame,
        # unless the comma closes a relative clause: *In dem Bericht, der …, heißt es*)
        rng = pp_source(toks, start, ci)
    if rng is None and ci + 2 < n and toks[ci + 1].lower == "es":
        # *…, heißt es in dem Bericht*, *…, heißt es auf der Webseite*
        rng = pp_source(toks, ci + 2, min(n, ci + 4), preps=PP_SOURCES_AFTER)
    return rng


def _previous_subject(ptoks: Sequence[Tok], text: str, state: _State) -> Speaker | None:
    """The subject of an indicative sentence without quotation or Konjunktiv (the sentence
    before a Konjunktiv continuation), if it is a non-abstract noun phrase or a pronoun."""
    if len(ptoks) < 3 or sum(t.q >= 0 for t in ptoks) > _SCARE_QUOTE_TOKENS:
        return None  # (a short quoted word, *nach dem »gut« der Prüfer*, is no quotation)
    if any(is_konjunktiv(t.text, t.lemma) for t in ptoks):
        return None
    rng = v2_subject(ptoks, len(ptoks))
    if rng is None or is_abstract_np(ptoks, *rng) or not speaker_like(ptoks, *rng):
        return None
    np = ptoks[rng[0] : rng[1]]
    if not (_source_like(np) or _known_surname(np, text)):
        return None
    return _make_speaker(ptoks, rng, text, state)


def _known_surname(np: Sequence[Tok], text: str) -> bool:
    """A single capitalised word that the article introduced earlier with a first name or
    title (*Mark Larson … Larson gab sich optimistisch*): a person, hence a possible source.

    Why: a bare capitalised subject is usually a common noun (*Sirenen heulten*); a word
    that earlier followed another capitalised word is a surname. Limit: string match.
    """
    if len(np) != 1 or not np[0].text[:1].isupper() or len(np[0].text) < 3:
        return False
    word, end = np[0].text, np[0].start
    # as ``[A-ZÄÖÜ][\w.-]+ word(?![\w-])`` searched in ``text[:end]``, without compiling a
    # pattern per word: a space, and before it a run of ``[\w.-]`` with a capital letter
    # that is not the run's last character
    i = text.find(" " + word, 0, end)
    while i >= 0:
        j = i + 1 + len(word)
        if j >= end or not _wordish(text[j]):
            k = i - 1
            while k >= 0 and (_wordish(text[k]) or text[k] == "."):
                if k < i - 1 and text[k] in _CAPITALS:
                    return True
                k -= 1
        i = text.find(" " + word, i + 1, end)
    return False


_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")


def _source_like(np: Sequence[Tok]) -> bool:
    """Could this subject be a source? A pronoun, a definite noun phrase (*die Gewerkschaft*),
    a name of several capitalised words (*Staatspräsident Georgi Parwanow*) or an acronym
    (*ROG*) — not a bare plural or a counted group (*Sirenen heulten*, *Fünf Personen*)."""
    first = np[0]
    if len(np) == 1:
        return (
            first.lower in PERSONAL_SPEAKER_PRONOUNS
            or looks_like_name(first.text)
            or _proper_name(first.text)
        )
    if first.lower in _DEFINITE:
        return True
    if (
        first.text[:1].isupper()
        and first.lower not in _NUMERALS
        and any(t.lower in _GENITIVE_ARTICLES for t in np[1:-1])
    ):
        # *Vertreter der Bürgerinitiative X*, *Sprecher der Regierung*: a bare plural with a
        # genitive attribute names a definite group (unlike *Sirenen*, *Fünf Personen*)
        return True
    return (
        all(t.text[:1].isupper() for t in np)
        and not first.text[:1].isdigit()
        and first.lower not in _NUMERALS
    )


def _proper_name(word: str) -> bool:
    """A capitalised word that the noun lexicon does not know as a common noun: a company,
    organisation or family name (*Greenpeace*, *Amnesty*), which can be a source — unlike
    a bare common noun (*Sirenen*)."""
    if not word[:1].isupper() or len(word) < 3 or not word.replace("-", "").isalpha():
        return False
    info = analyse(word)
    return info is None or not info.common


#: quoted tokens (with the marks) that a source sentence before a continuation may hold
_SCARE_QUOTE_TOKENS = 4
_DEFINITE = wordset("der die das")
_GENITIVE_ARTICLES = wordset("der des")
_NUMERALS = wordset(
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig hundert tausend "
    "mehrere viele einige zahlreiche wenige etwa rund über"
)


def _frame_subject(toks: Sequence[Tok], r: QuotedRegion) -> tuple[int, int] | None:
    """``X nannte den Plan einen »großen Erfolg«`` without a known cue: the subject of the
    indicative clause around the quotation (it is X's wording), not the current speaker.

    Limits: a clause in Konjunktiv before the quotation continues the current speaker
    (*Der Rücktritt sei ein »natürlicher Vorgang«*) and gets None here; an abstract first
    field (*Seine Zuversicht gründet sich …*) gets None.
    """
    first_in = next((t.i for t in toks if t.start >= r.start), None)
    if first_in is None or first_in < 2:
        return None
    before = toks[:first_in]
    if any(t.q >= 0 or t.text in (",", ";", ":") for t in before):
        return None
    if any(is_konjunktiv(t.text, t.lemma) for t in before):
        return None
    if toks[0].lower == "für":
        # *Für die Schulleiterin ist die Turnhalle »ein Ärgernis«*: the holder of *für X sein*
        holder = np_forward(toks, 1, end=first_in)
        if (
            holder is not None
            and holder[1] < first_in
            and toks[holder[1]].lower in _SEIN_FORMS
            and speaker_like(toks, *holder)
            and not is_abstract_np(toks, *holder)
        ):
            return holder
    rng = v2_subject(toks, first_in)
    if rng is None or rng[1] > first_in or is_abstract_np(toks, *rng):
        return None
    if not speaker_like(toks, *rng):
        return None  # *Die Parole lautete »…«*: a thing in the first field does not speak
    if toks[rng[0]].lower in OBJECT_DETERMINERS:
        return None  # *Dem Bürgerrechtler wurde der »…-Preis« verliehen*
    return rng


#: finite forms of *sein* (the opinion frame *für X ist Y*)
_SEIN_FORMS = wordset("ist sind war waren sei seien wäre wären")
#: words before an alias quoted before *genannt* (*auch »X« genannt*)
_ALIAS_WORDS = wordset("auch kurz oft meist häufig gern gerne umgangssprachlich")
#: forms of *nennen* that with the subject *man* define a term
_NENNEN_FORMS = wordset("nennt nannte nennen nannten")


def _term_definition(toks: Sequence[Tok], r: QuotedRegion) -> bool:
    """Does the quotation name a term rather than quote words: an alias (*das Profil 1.1,
    auch »Bonus View« genannt*) or the object of impersonal *nennen* (*Dies nennt man einen
    »Aktiensplit«*, *man nennt es »X«*)?

    Limits: only short quotations (the caller's test); *X nannte es einen »Wortbruch«* with a
    person as subject stays a partial quotation.
    """
    first = next((t.i for t in toks if t.start >= r.start), None)
    last = next((t.i for t in reversed(toks) if t.end <= r.end), None)
    if first is None or last is None or first == 0:
        return False
    if (
        last + 1 < len(toks)
        and toks[last + 1].lower == "genannt"
        and toks[first - 1].lower in _ALIAS_WORDS
    ):
        return True
    for k in range(min(first, len(toks) - 1)):
        a, b = toks[k], toks[k + 1]
        if (
            a.q < 0
            and b.q < 0
            and (
                (a.lower in _NENNEN_FORMS and b.lower == "man")
                or (a.lower == "man" and b.lower in _NENNEN_FORMS)
            )
        ):
            return True
    return False


def _alias_participle(toks: Sequence[Tok], hit: CueHit) -> bool:
    """*X, auch »Y« genannt*: the participle *genannt* after an alias word gives a second
    name, it reports no speech act."""
    i = hit.tokens[0]
    return (
        hit.lemma == "nennen"
        and len(hit.tokens) == 1
        and toks[i].lower == "genannt"
        and any(t.lower in _ALIAS_WORDS and t.q < 0 for t in toks[max(0, i - 6) : i])
    )


def _in_enumeration(text: str, regions: list[QuotedRegion], k: int) -> bool:
    """Is quotation ``k`` joined to a neighbouring quotation by only , / und / oder?"""
    r = regions[k]
    for j in (k - 1, k + 1):
        if 0 <= j < len(regions) and regions[j].depth == r.depth:
            o = regions[j]
            gap = text[o.end : r.start] if j < k else text[r.end : o.start]
            if len(gap) <= 8 and _ENUM_GLUE.match(gap) and gap.strip():
                return True
    return False


def _opens_frame(toks: Sequence[Tok], p: int) -> bool:
    """Does the reporting verb at ``p`` open a new frame — right after a comma or a
    coordinating conjunction (*…, betonte X*, *und fügte hinzu*) — rather than end a
    subordinate clause inside the reported content (*…, wie er behaupten konnte*)?"""
    prev = toks[p - 1].lower if p > 0 else ""
    if prev in (",", "und", "sowie", "aber", ";", ":"):
        return True
    # *…, indem er sagte, …*: a subordinate clause of manner whose own verb frames what
    # follows (not part of the content of the verb before it)
    return p >= 3 and toks[p - 2].lower in _FRAME_SUBORDINATORS and toks[p - 3].text == ","


#: subordinators whose clause may frame the quotation that follows (*indem er sagte*)
_FRAME_SUBORDINATORS = wordset("indem wobei womit")


def _frames_partial(q: Quote, direct: Quote) -> bool:
    """Is ``q`` a reported clause with words of its own around the direct quotation
    ``direct`` (*Er habe »…«*)? Both are kept, as in the annotation convention."""
    return direct.kind == "direct" and (q.start < direct.start or q.end > direct.end)


def _quoted_with_cue(quotes: Sequence[Quote], q: Quote) -> bool:
    """Is the sentence a *Das/Dies sagte X* quote refers to already mostly a direct quotation
    with a cue of its own?

    Why: *Weiter sagte X: »A.« Dies sagte er vor Kunden.* reports one speech act; the anaphor
    adds its circumstances, not a second (indirect) quotation over the same words. Limits:
    half the referred sentence must lie in direct quotations that have a cue; a cue-less
    quotation is given the anaphor's cue elsewhere (``_attach_to_previous_quote``).
    """
    a, b = q.spans[0]
    covered = sum(
        max(0, min(e, b) - max(s, a))
        for other in quotes
        if other.kind == "direct" and other.cue is not None and other.start < b and a < other.end
        for s, e in other.spans
    )
    return covered * 2 >= b - a


def _jaccard(a: Quote, b: Quote) -> float:
    """Character Jaccard overlap of two quotes (spans of one quote do not overlap)."""
    if a.end <= b.start or b.end <= a.start:
        return 0.0
    inter = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.spans for s2, e2 in b.spans)
    size_a = sum(e - s for s, e in a.spans)
    size_b = sum(e - s for s, e in b.spans)
    union = size_a + size_b - inter
    return inter / union if union else 0.0


def _trim(toks: Sequence[Tok], a: int, b: int) -> tuple[int, int]:
    """Drop punctuation and whitespace at the edges of a token range."""
    while a < b and (toks[a].text in (",", ";", ":", "-", "–") or toks[a].text.isspace()):
        a += 1
    while b > a and (
        toks[b - 1].text in (",", ".", ";", ":", "!", "?", "-", "–") or toks[b - 1].text.isspace()
    ):
        b -= 1
    return a, b


def _adjacent_to_cue(toks: Sequence[Tok], r: QuotedRegion, cues: Sequence[CueHit]) -> bool:
    """Short quotation directly before ``, cue`` or directly after ``cue:``."""
    last_in = max((t.i for t in toks if r.start <= t.start < r.end), default=None)
    first_in = min((t.i for t in toks if r.start <= t.start < r.end), default=None)
    if last_in is None or first_in is None:
        return False
    cue_pos = {h.tokens[0] for h in cues}
    j = last_in + 1
    if j < len(toks) and toks[j].text == ",":
        j += 1
    if j in cue_pos:
        return True
    k = first_in - 1
    return bool(k >= 0 and toks[k].text == ":")


def _in_indirect_clause(toks: Sequence[Tok], r: QuotedRegion) -> bool:
    """Is the quotation inside a clause (between commas) that has a Konjunktiv verb?"""
    first_in = min((t.i for t in toks if r.start <= t.start < r.end), default=None)
    last_in = max((t.i for t in toks if r.start <= t.start < r.end), default=None)
    if first_in is None or last_in is None:
        return False
    a = first_in
    while a > 0 and not (toks[a - 1].q < 0 and toks[a - 1].text in (",", ":", ";")):
        a -= 1
    b = last_in + 1
    while b < len(toks) and not (toks[b].q < 0 and toks[b].text in (",", ";", ".")):
        b += 1
    clause = [t for t in toks[a:b] if t.q < 0]
    return any(is_konjunktiv(t.text, t.lemma) for t in clause) or (
        bool(clause) and clause[0].lower in ("dass", "daß")
    )


#: coordinators that join a second speech act to an interrupted quotation's frame
_SECOND_ACT = wordset("und sowie")


def _group_interrupted(
    toks: Sequence[Tok], regions: list[QuotedRegion], speech: list[int], cues: Sequence[CueHit]
) -> list[list[int]]:
    """Group »A«, sagte X, »B« into one quotation (a cue and no other words between)."""
    groups: list[list[int]] = []
    for k in speech:
        if groups:
            prev = regions[groups[-1][-1]]
            r = regions[k]
            between = [t for t in toks if prev.end <= t.start < r.start]
            cue_idx = {h.tokens[0] for h in cues if not h.source} | {
                h.tokens[0] for h in cues if h.source
            }
            if (
                between
                and between[0].text == ","
                and len(between) <= 10
                and any(t.i in cue_idx for t in between)
                and between[-1].text in (",", ":")
                # *»A«, und fügte hinzu: »B«*: a second speech act, a quotation of its own
                and not any(t.lower in _SECOND_ACT for t in between)
            ):
                groups[-1].append(k)
                continue
        groups.append([k])
    return groups


def _nearest_cue(
    toks: Sequence[Tok], regions: list[QuotedRegion], group: list[int], cues: Sequence[CueHit]
) -> CueHit | None:
    """The cue of a direct quotation: in the unit, preferring one right before or after it;
    a cue after the quotation that opens a second speech act (*»…«, und fügte hinzu: »…«*)
    belongs to the next quotation."""
    if not cues:
        return None
    start = regions[group[0]].start
    end = regions[group[-1]].end

    def distance(h: CueHit) -> int:
        i = h.tokens[0]
        pos = toks[i].start
        if pos >= end:
            if i > 0 and toks[i - 1].lower in _SECOND_ACT:
                return 10_000 + pos - end
            return pos - end
        if pos < start:
            return (start - pos) + 5
        return 0

    return min(cues, key=distance)


_CLAUSE_MARKS = frozenset(",:;()–—")


def _clause_left(toks: Sequence[Tok], k: int) -> int:
    """First token of the clause that contains token ``k`` (after , : ; ( –)."""
    j = k
    while j > 0 and not (toks[j - 1].q < 0 and toks[j - 1].text in _CLAUSE_MARKS):
        j -= 1
    return j


def _clause_right(toks: Sequence[Tok], k: int, end: int) -> int:
    """End of the clause that contains token ``k`` (before , : ; ) –); a comma inside an
    enumeration (*der Planung, Finanzierung und Unterstützung*) does not end it."""
    j = k
    while j < end and not (toks[j].q < 0 and toks[j].text in _CLAUSE_MARKS):
        j += 1
    while j < end and toks[j].text == "," and _enumeration_comma(toks, j, end):
        j += 1
        while j < end and not (toks[j].q < 0 and toks[j].text in _CLAUSE_MARKS):
            j += 1
    return j


def _enumeration_comma(toks: Sequence[Tok], j: int, end: int) -> bool:
    """Is the comma at ``j`` inside an enumeration of nouns (*A, B und C*): a capitalised
    word after it and *und/oder/sowie* within the next three tokens, before another mark?"""
    if j + 1 >= end or not toks[j + 1].text[:1].isupper():
        return False
    for m in range(j + 2, min(end, j + 4)):
        if toks[m].text in _CLAUSE_MARKS:
            return False
        if toks[m].lower in ("und", "oder", "sowie"):
            return True
    return False


def _source_quote(
    toks: Sequence[Tok], hit: CueHit, text: str, sid: int, state: _State
) -> Quote | None:
    """*laut X …*, *X zufolge …*: the unit minus the source phrase (indirect)."""
    assert hit.speaker is not None
    a0, b0 = hit.speaker
    phrase = (min(a0, hit.tokens[0]), max(b0, hit.tokens[-1] + 1))
    phrase = (phrase[0], _after_relative_clause(toks, phrase[1]))
    # at the unit start (*Laut X …*) the source governs the unit; inside, only its clause
    a, b = _trim(toks, 0, len(toks))
    frame = is_frame_source(hit)
    so_like = hit.lemma == "so" or frame
    if phrase[0] > a and not so_like and hit.lemma != "wonach":
        left = _clause_left(toks, phrase[0])
        if left > a and toks[left].lower in SUBORDINATE_OPENERS:
            # (*…, zumal sich das Wasser den Prognosen zufolge …*, *…, was sich nach Ansicht
            # der Kritiker … niederschlägt*, *…, die nach Angaben X …*)
            a = left
            b = _clause_right(toks, phrase[1], b)
        elif left > a and _second_main_clause(toks, a, left):
            a = left
            b = _clause_right(toks, phrase[1], b)
            if b + 1 < len(toks) and toks[b].text == "," and toks[b + 1].lower in WH_WORDS:
                # *…, jedoch ist laut X fraglich, ob …*: the complement clause belongs to it
                b = _clause_right(toks, b + 1, len(toks))
    if hit.lemma == "wonach":
        parts = [(hit.tokens[0] + 1, b)]
    elif frame:
        first, end = frame_bounds(toks, hit)
        b_excl = first
        while b_excl > a and toks[b_excl - 1].text == ",":
            b_excl -= 1
        parts = [(a, b_excl)]
        if end + 1 < b and toks[end].text == ",":
            parts.append((end + 1, b))  # *A, so betont X, B*
    elif so_like and hit.tokens[0] > 0:
        b_excl = phrase[0]
        while b_excl > a and toks[b_excl - 1].text in (",",):
            b_excl -= 1
        parts = [(a, b_excl)]
        # *A, so X, B*: the parenthetical source interrupts the quotation
        k = phrase[1]
        while k < b and toks[k].lower in ("weiter", "weiterhin", "außerdem", "zudem", "ferner"):
            k += 1
        if k + 1 < b and toks[k].text == ",":
            parts.append((k + 1, b))
    else:
        parts = [(a, phrase[0]), (phrase[1], b)]
    spans = []
    for x, y in parts:
        x, y = _trim(toks, x, y)
        if x < y:
            spans.append((toks[x].start, toks[y - 1].end))
    if not spans or sum(e - s for s, e in spans) < 15:
        return None
    spans_t = tuple(spans)
    # (*Demnach …*, *Danach soll …*: the adverb itself is the speaker span — it stands for
    # the source named before, as in the Wikinews annotation guidelines' convention)
    speaker = _make_speaker(toks, hit.speaker, text, state)
    return Quote(
        spans_t[0][0],
        spans_t[-1][1],
        spans_t,
        _span_text(text, spans_t),
        "indirect",
        speaker,
        _make_cue(toks, hit, text),
        sid,
    )


#: subordinators of a clause that can stand before the main clause (*Nachdem X gesagt hatte,
#: …, trat Y zurück*)
_FRONTED_SUBORDINATORS = wordset(
    "nachdem als während weil da obwohl obgleich wenn seit seitdem sobald solange bevor "
    "falls sofern indem"
)
#: first words of a comma-part that is no clause of its own: a *so X* source, a coordinated
#: noun phrase (*…, sowie Y*)
_NOT_SECOND_CLAUSE = wordset("so sowie")


def _second_main_clause(toks: Sequence[Tok], a: int, left: int) -> bool:
    """Is ``toks[left:]`` (after a comma) a main clause of its own after a complete clause
    (*Alle Häfen bleiben gesperrt, lediglich der Haupthafen wurde nach Angaben X freigegeben*;
    *X soll es gewusst haben, diese Taten seien aber laut Y verjährt*)? Then a source phrase
    inside it governs that clause only.

    Not when the comma-part starts with a verb: that is the main clause after a fronted
    subordinate clause (*Nachdem …, wurde laut X …*), which the source governs as a whole.
    Limits: verbs are recognised by their lemma (*-en*/*-n*), auxiliaries and Konjunktiv forms.
    """
    if toks[left - 1].text != "," or np_segment(toks, a, left - 1):
        return False
    first = toks[left]
    if first.q >= 0 or first.lower in _NOT_SECOND_CLAUSE:
        return False
    before = _clause_left(toks, left - 2)
    if before > a and toks[before].lower in SUBORDINATE_OPENERS:
        return False  # the comma closes an embedded clause (*X, welches …, bleibt laut Y …*)
    return not _verb_opens(toks, left)


#: subordinators of an adverbial clause that belongs to the frame, not to the reported
#: content, when it is indicative (*…, X zurückzuholen, nachdem bekannt geworden war, …*)
_FRAME_ADVERBIAL = wordset("nachdem wobei bevor seitdem sodass woraufhin")


def _complement_end(toks: Sequence[Tok], a: int, end: int) -> int:
    """Where the complement clause starting at ``a`` ends, before ``end``: before the
    matrix clause goes on with an indicative verb of its own (*X sagte, sie müssten
    aufgeben, und bemühte das Bild …*; *…, er sei unschuldig, erkannte das Gericht nicht
    an*), or before an indicative adverbial clause of the frame (*…, nachdem bekannt
    geworden war, …*).

    Limits: verbs are told by their lemma (see :func:`_verb_opens`); a Konjunktiv anywhere
    in the following part keeps it in the content (*…, habe nichts getan*).
    """
    for k in range(a + 1, end - 1):
        t = toks[k]
        if t.q >= 0:
            continue
        if t.text == ",":
            nxt = toks[k + 1]
            if (
                _verb_opens(toks, k + 1)
                and not is_konjunktiv(nxt.text, nxt.lemma)
                and not _attributive(toks, k + 1)
                and toks[k - 1].text[:1].islower()
                and toks[_clause_left(toks, k - 1)].lower not in SUBORDINATE_OPENERS
                and toks[_clause_left(toks, k - 1)].lower not in WH_WORDS
            ):
                # (A) a comma after a clause and an indicative finite verb (not the main
                # verb after a relative clause of the complement's subject: *Bürger, die
                # …, sind …*, nor after an apposition: *X, einer der …, verübt hatte*)
                return k
            if nxt.lower in _FRAME_ADVERBIAL and not _konjunktiv_until_comma(toks, k + 2, end):
                return k  # (B)
        elif (
            t.lower in ("und", "sowie")
            and _past_verb(toks[k + 1])
            and not (k + 2 < end and toks[k + 2].lower == "zu")
        ):
            return k  # (A) *… und bemühte …* (not *… und versucht zu haben*)
    return end


def _attributive(toks: Sequence[Tok], k: int) -> bool:
    """Is ``toks[k]`` an inflected adjective or participle before a noun (*bestimmte
    Techniken*) rather than a finite verb? (An ending of adjective inflection and a
    capitalised word after it; *sagte Merkel* reads the same and is left alone.)"""
    t = toks[k]
    return (
        k + 1 < len(toks)
        and t.lower not in AUXILIARIES
        and t.lower.endswith(("e", "en", "er", "es", "em"))
        and toks[k + 1].text[:1].isupper()
    )


def _konjunktiv_until_comma(toks: Sequence[Tok], a: int, end: int) -> bool:
    for t in toks[a:end]:
        if t.q < 0 and t.text == ",":
            return False
        if t.q < 0 and is_konjunktiv(t.text, t.lemma):
            return True
    return False


def _past_verb(tok: Tok) -> bool:
    """An indicative finite verb right after *und*: a lower-case form that is not its own
    lemma and not an infinitive-like *-en* form, not a Konjunktiv (*bemühte*, *weigerte*,
    *ging*, *sagt*; not a participle: *gesteckt und abgedrückt habe*)."""
    low = tok.lower
    return (
        tok.q < 0
        and tok.text[:1].islower()
        and low not in FUNCTION_WORDS
        and low not in AUXILIARIES
        and tok.lemma.lower() != low
        and tok.lemma.lower().endswith("n")
        and not low.endswith("en")
        and not ("ge" in low[:6] and low.endswith("t"))  # a participle (*abgedrückt*)
        and not is_konjunktiv(tok.text, tok.lemma)
    )


def _verb_opens(toks: Sequence[Tok], k: int) -> bool:
    """Does the comma-part at ``k`` open with a finite verb (*…, bleiben die Häfen zu*,
    *…, wurde X festgenommen*): a main clause after a fronted clause?

    Limits: verbs are recognised by their lemma (*-en*/*-n*), a weak past ending (*-te*, for
    forms the lookup table misreads), auxiliaries and Konjunktiv forms; a lower-case
    adjective in *-en* or *-te* right after a comma is read as a verb.
    """
    if k >= len(toks) or toks[k].q >= 0:
        return False
    first = toks[k]
    low = first.lower
    if low in AUXILIARIES or is_konjunktiv(first.text, first.lemma):
        return True
    if first.text[:1].islower() and low not in FUNCTION_WORDS:
        lemma = first.lemma.lower()
        if lemma.endswith("n") and (lemma != low or low.endswith("en")):
            return True
        return len(low) > 4 and low.endswith(("te", "ten")) and low.isalpha()  # (*erkannte*)
    return False


def _after_relative_clause(toks: Sequence[Tok], k: int) -> int:
    """``k``, or the index after the comma that closes a relative clause starting at ``k``
    (*Nach Einschätzung eines Experten, der befragt wurde, war es …*: the relative clause
    belongs to the source, not to what was said)."""
    n = len(toks)
    if not (
        k + 2 < n
        and toks[k].text == ","
        and toks[k + 1].lower in RELATIVES
        and not toks[k + 2].text[:1].isupper()
    ):
        return k
    close = next((j for j in range(k + 2, n) if toks[j].text == "," and toks[j].q < 0), None)
    return close + 1 if close is not None and close + 1 < n else k


def _ends_subordinate_clause(toks: Sequence[Tok], ci: int, last: int, j: int) -> bool:
    """Does the cue end a subordinate or relative clause at the comma ``j`` (only auxiliaries
    between), after which the matrix clause goes on with its finite verb (*Nachdem die
    Piloten den Fehler bemerkt hatten, leiteten sie …*; *Sollte der Antrag angenommen
    werden, könnte …*)? Then the part after the comma is no complement of the cue.

    A complement of a subordinate cue opens with *dass/ob*, a *w*-word or a noun phrase and
    is not affected (*Nachdem X angekündigt hatte, Y zu tun, …*)."""
    if not all(t.q < 0 and t.lower in AUXILIARIES for t in toks[last + 1 : j]):
        return False
    start = clause_start(toks, ci)
    first = toks[start]
    verb_first = start == 0 and first.lower in _VERB_FIRST_CONDITIONALS
    if not (verb_first or first.lower in SUBORDINATE_OPENERS):
        return False
    return _verb_opens(toks, j + 1)


#: a finite modal or auxiliary that opens a conditional clause (*Sollte der Antrag …*)
_VERB_FIRST_CONDITIONALS = wordset("sollte sollten würde würden wäre wären hätte hätten wird")


def _clause_qualifies(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is toks[a:b] a complement clause of speech (dass/ob/w-, Konjunktiv, zu-infinitive)?"""
    if a >= b:
        return False
    if toks[a].lower in WH_WORDS and toks[a].lower != "wie":
        return True
    if toks[a].lower in _NOT_COMPLEMENT:
        return False  # *um … zu erreichen*: purpose, not what was said
    seg_end = a
    while seg_end < b and not (toks[seg_end].q < 0 and toks[seg_end].text == ","):
        seg_end += 1
    while seg_end > a and toks[seg_end - 1].text in (".", "!", "?", ";", ":"):
        seg_end -= 1
    seg = toks[a:b]
    if any(
        t.q < 0
        and (t.text in KONJUNKTIV_FORMS or t.text[-1:] == "e")
        and is_konjunktiv(t.text, t.lemma)
        for t in seg
    ):
        return True
    # a partial quotation inside the reported clause (*das Gespräch »sei … verlaufen«*):
    # its Konjunktiv counts when the clause has words of its own before the quotation
    if (
        toks[a].q < 0
        and any(t.q >= 0 for t in seg)
        and any(
            t.q >= 0 and is_konjunktiv(t.text, t.lemma) and t.text not in SINGULAR_KONJUNKTIV_II
            for t in seg
        )
    ):
        return True
    first_seg = toks[a:seg_end]
    if any(t.q < 0 and t.lower in HEARSAY for t in first_seg[1:4]):
        # *berichtete, 200 Stellen sollen wegfallen*: hearsay *sollen* in verb-second
        # position marks the clause as reported like a Konjunktiv
        return True
    if len(first_seg) >= 2 and first_seg[-2].lower == "zu" and first_seg[-1].lower.endswith("n"):
        return True
    return bool(first_seg and re.fullmatch(r"[a-zäöü]+zu[a-zäöü]+en", first_seg[-1].text or ""))


def _verb_quote(
    toks: Sequence[Tok],
    hit: CueHit,
    text: str,
    sid: int,
    state: _State,
    regions: list[QuotedRegion],
    speech: list[int],
    opts: Options,
    used_for_direct: bool,
    prev_span: tuple[int, int] | None,
    others: Sequence[int] = (),
) -> Quote | None:
    n = len(toks)
    ci = hit.tokens[0]
    last = max(hit.tokens)
    cue = _make_cue(toks, hit, text)
    if hit.noun:
        # the genitive attribute (*die Forderung der Gewerkschaft, …*), else the subject
        rng = hit.speaker or _noun_cue_subject(toks, ci)
    elif hit.lemma == "heißen":
        rng = _heisst_es_source(toks, ci)
    else:
        rng = _verb_speaker(toks, hit)
    speaker = _make_speaker(toks, rng, text, state)
    spk_toks = set(range(*rng)) if rng else set()
    # a0) "Dies/Das sagte X": the previous sentence is what was said
    if (
        len(toks) > 1
        and toks[0].lower in _ANAPHORS
        and (ci == 1 or toks[1].lower in AUXILIARIES)
        and prev_span is not None
        and speaker is not None
        and not any(t.q >= 0 for t in toks[: ci + 1])
    ):
        spans = (prev_span, (toks[0].start, toks[0].end))
        return Quote(
            prev_span[0], toks[0].end, spans, _span_text(text, spans), "indirect", speaker, cue, sid
        )
    # a) "Wie X sagte, …": the main clause after the comma (also after a connector:
    # *Denn wie X berichtete, …*)
    w0 = 1 if n > 1 and toks[0].lower in _WIE_CONNECTORS else 0
    if toks[w0].lower == "wie" and ci < n:
        j = next((k for k in range(ci, n) if toks[k].text == "," and toks[k].q < 0), None)
        if j is not None:
            a, b = _trim(toks, j + 1, n)
            if a < b:
                return _q(toks, text, [(a, b)], "indirect", speaker, cue, sid)
    # a2) "…, wie X betonte.": the clause before ", wie"
    wie_apposition = _wie_with_apposition(toks, ci) if toks[ci - 1].text == "," else None
    cs = wie_apposition or clause_start(toks, ci)
    if (
        cs > 1
        and toks[cs].lower == "wie"
        and toks[cs - 1].text == ","
        and speaker is not None
        and not any(t.text in (",", ":") and t.q < 0 for t in toks[last + 1 :])
        and not any(
            toks[k].text == "," and toks[k].q < 0 and _verb_opens(toks, k + 1)
            for k in range(cs, ci if wie_apposition is None else ci - 1)
        )
    ):
        # (only at the end of the unit: *…, wie X behaupten konnte, …* is inside a clause;
        # and the cue must be in the *wie*-clause: *X, wie sie Y enthält, hat Z erklärt*)
        a, b = _trim(toks, 0, cs - 1)
        if a < b:
            return _q(toks, text, [(a, b)], "indirect", speaker, cue, sid)
    if not hit.noun and hit.category != "denying" and _negated_frame(toks, hit):
        # *wollte nicht bestätigen, dass …*, *hat nicht gesagt, ob …*: a negated speech act
        # reports no content (but *bestritt nicht, dass …*, a negated denial, asserts it)
        return None
    # b) cue …, CLAUSE  (only for entries whose message may be a clause: not *hält X für Y*)
    commas = [k for k in range(last + 1, n) if toks[k].text in (",", ":") and toks[k].q < 0]
    if not set(hit.message) & _CLAUSE_MESSAGES:
        commas = []
    for j in commas[:3]:
        if toks[j].text == ":" and j + 1 < n and toks[j + 1].q >= 0:
            break  # *sagte: »…«* is the direct quote
        if (
            j == commas[0]
            and (j == last + 1 or toks[last + 1].lower in AUXILIARIES)
            and _ends_subordinate_clause(toks, ci, last, j)
        ):
            break  # *Nachdem sie es bemerkt hatten, leiteten sie …*: the matrix clause
        colon_clause = (
            toks[j].text == ":" and j - last <= 4 and j + 1 < n and toks[j + 1].text not in _MARKS
        )
        if colon_clause or _clause_qualifies(toks, j + 1, n):
            end = n
            for k in range(j + 1, n - 1):
                if toks[k].text == ":" and toks[k].q < 0 and toks[k + 1].q >= 0:
                    end = k
                    break
            if hit.noun and ci > 0 and toks[0].lower not in _NOT_COMPLEMENT:
                # *Die Forderung der X, die Löhne anzuheben, stieß auf …*: the complement of
                # a noun in the first field is closed by the next comma
                end = next(
                    (k for k in range(j + 1, end) if toks[k].text == "," and toks[k].q < 0), end
                )
            if toks[w0].lower in _FRONTED_SUBORDINATORS and not any(
                toks[k].text == "," and toks[k].q < 0 for k in range(w0 + 1, ci)
            ):
                # *Nachdem X angekündigt hatte, Y zu tun, stellt sich Z …*: the frame is a
                # fronted subordinate clause; its complement ends where the main clause
                # opens with its finite verb
                end = next(
                    (
                        k
                        for k in range(j + 2, end - 1)
                        if toks[k].text == "," and toks[k].q < 0 and _verb_opens(toks, k + 1)
                    ),
                    end,
                )
            end = _complement_end(toks, j + 1, end)
            # another reporting verb later on starts its own attribution
            # (a verb at the end of a subordinate clause, *wie X behaupten konnte*, does not)
            later = [p for p in others if p > j + 1 and _opens_frame(toks, p)]
            if later:
                cut = max(
                    (k for k in range(j + 1, later[0]) if toks[k].text == "," and toks[k].q < 0),
                    default=None,
                )
                if cut is not None:
                    end = min(end, cut)
            a, b = _trim(toks, j + 1, end)
            if a < b and not any(k in spk_toks for k in range(a, b)):
                return _q(toks, text, [(a, b)], "indirect", speaker, cue, sid)
    # c) CLAUSE, cue X  (inverted order: the speaker follows the verb; also with the
    # participle at the end: *CLAUSE, hatte X in Moskau gesagt*)
    fin = _inverted_auxiliary(toks, ci)
    if (
        ci > 0
        and (toks[ci - 1].text == "," or toks[ci - 1].q >= 0 or fin is not None)
        and (
            fin is not None
            or after_verb_speaker(toks, ci + 1) is not None
            or (hit.lemma == "heißen" and ci + 1 < n and toks[ci + 1].lower == "es")
        )
    ):
        inverted_speaker = speaker
        if fin is not None:
            b = fin - 1
            if speaker is None:
                rng_after = after_verb_speaker(toks, fin + 1)
                inverted_speaker = _make_speaker(toks, rng_after, text, state)
        else:
            b = ci - 1 if toks[ci - 1].text == "," else ci
        a = max(
            (k + 1 for k in range(b) if toks[k].text in (":", ";") and toks[k].q < 0), default=0
        )
        first = toks[a].lower if b > a else ""
        if b > a and (
            first not in SUBORDINATORS
            or first in ("dass", "daß", "ob")
            # *Als X geschah, tat Y Z, teilte W mit*: a main clause after the fronted one
            or any(
                toks[k].text == "," and toks[k].q < 0 and _verb_opens(toks, k + 1)
                for k in range(a + 1, b)
            )
        ):
            a, b = _trim(toks, a, b)
            if a < b:
                # the quotation itself is the direct quote: nothing more to add
                if all(t.q >= 0 or t.text in (",", ":") for t in toks[a:b]):
                    return None
                reported = fin is None or (
                    first in ("dass", "daß", "ob")
                    or any(t.q >= 0 for t in toks[a:b])
                    or reported_konjunktiv([(t.text, t.lemma) for t in toks[a:b] if t.q < 0])
                )  # (*X, wie sie das Gesetz enthält, hat das Gericht … erklärt*: no report)
                if reported and not np_segment(toks, a, b):
                    return _q(toks, text, [(a, b)], "indirect", inverted_speaker, cue, sid)
                # else *X, Sprecherin von Y, kritisierte …*, *Der frühere Minister, X,
                # warnte …*, *X, die …, kritisierte …*: a subject, no clause
    if used_for_direct:
        return None
    # d) reported speech: the unit, for verbs whose object is what was said (not a
    # zu-infinitive: *ist damit zu rechnen*, *war zu sehen*, *um X zu kritisieren*)
    a, b = _trim(toks, 0, n)
    first_comma = (
        next((k for k in range(last + 1, n) if toks[k].text == "," and toks[k].q < 0), None)
        if toks[a].lower in _FRONTED_SUBORDINATORS  # (cheap test first: most units open otherwise)
        else None
    )
    if (
        first_comma is not None
        and toks[clause_start(toks, ci)].lower in _FRONTED_SUBORDINATORS
        and clause_start(toks, ci) == a
        and _ends_subordinate_clause(toks, ci, last, first_comma)
    ):
        # *Nachdem X vor Y gewarnt hatte, stellte sich heraus …*: the fronted subordinate
        # clause only (a relative clause stays with its sentence: *Die Alternative, die X
        # nannte, ist …*)
        a, b = _trim(toks, a, first_comma)
    if a >= b or (ci > 0 and toks[ci - 1].lower == "zu"):
        return None
    if speaker is None and not (
        is_passive(toks, clause_start(toks, ci, inverted=False), ci, last)
        and _als_predicative(toks)
    ):
        # (an agentless passive reports speech when it names what something was said to be:
        # *Als Ursache wurde ein Kurzschluss genannt*, *wurde X als Kandidat genannt*)
        return None
    base = hit.lemma.rsplit(" ", 1)[-1]
    content_object = base in _OBJECT_CUES and any(
        t.lower in _CONTENT_NOUNS or t.q >= 0 for t in toks
    )
    if not content_object and not _reported_frame(toks, hit):
        return None
    q = _q(toks, text, [(a, b)], "reported", speaker, cue if opts.reported_cues else None, sid)
    # the speech act stays available with its stance category (*kritisierte*: critical)
    return q._replace(act=cue)


def _wie_with_apposition(toks: Sequence[Tok], ci: int) -> int | None:
    """*…, wie Klara Hahn, Leiterin der Schule, mitteilte*: the *wie* that opens the cue's clause
    when only its subject with an apposition between commas stands before the cue (the
    comma after the apposition is no clause boundary); None otherwise."""
    if ci < 4 or toks[ci - 1].text != "," or toks[ci - 1].q >= 0:
        return None
    for w in range(ci - 2, max(0, ci - 16), -1):
        t = toks[w]
        if t.q >= 0 or t.text in (":", ";", "(", ")"):
            return None
        if t.lower == "wie" and w > 0 and toks[w - 1].text == ",":
            return w if np_segment(toks, w + 1, ci - 1) else None
    return None


def _als_predicative(toks: Sequence[Tok]) -> bool:
    """Has the unit an *als*-predicative (*als Ursache*, *als möglicher Kandidat*), not the
    conjunction of a clause (*als er kam*, *als ob*)?"""
    n = len(toks)
    for k, t in enumerate(toks):
        if t.q < 0 and t.lower == "als" and k + 1 < n:
            nxt = toks[k + 1]
            if nxt.q < 0 and (
                (nxt.text[:1].isupper() and nxt.lower not in PRONOUN_SUBJECTS)
                or nxt.lower in _DEFINITE
                or nxt.lower in ("ein", "eine", "einer", "einen", "einem", "eines")
                or (nxt.text[:1].islower() and nxt.lower.endswith(("en", "er", "em", "es", "e")))
            ):
                comma = next((j for j in range(k + 1, n) if toks[j].text == ","), None)
                if comma is not None and toks[comma - 1].text[:1].islower():
                    continue  # *Als der Zug kam, …*: a temporal clause ending in its verb
                return True
    return False


_NEGATION_WORDS = wordset("nicht nie niemals kein keine keinen keiner keinem keines")
#: words after *nicht* that negate a part, not the speech act (*nicht nur*, *nicht als …*)
_PART_NEGATED = wordset("nur bloß allein als weiter mehr")


def _negated_frame(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is the speech act itself negated: a negation in the cue's own comma-part (*Ein
    Sprecher wollte nicht bestätigen, dass …*), not inside a noun phrase (*nicht ausgezahlte
    Prämien*), not a part negation (*nicht nur*) and not a word of the cue (*keinen Zweifel
    lassen*)?"""
    ci, last = hit.tokens[0], max(hit.tokens)
    n = len(toks)
    start = next((k + 1 for k in range(ci - 1, -1, -1) if toks[k].text == "," and toks[k].q < 0), 0)
    end = next((k for k in range(last + 1, n) if toks[k].text in (",", ":") and toks[k].q < 0), n)
    for k in range(start, end):
        t = toks[k]
        if k in hit.tokens or t.q >= 0 or t.lower not in _NEGATION_WORDS:
            continue
        nxt = toks[k + 1] if k + 1 < n else None
        if nxt is not None and nxt.lower in _PART_NEGATED:
            continue
        if (
            t.lower == "nicht"
            and nxt is not None
            and k + 2 < n
            and nxt.text[:1].islower()
            and k + 1 not in hit.tokens
            and toks[k + 2].text[:1].isupper()
        ):
            continue  # *nicht weiter bezeichnete Quellen*: an attribute
        if t.lower.startswith("kein") and k + 1 < n and toks[k + 1].lower in _DEFINITE | {"des"}:
            continue  # *keine der vier Anlagen*: a quantifier
        return True
    return False


def _inverted_auxiliary(toks: Sequence[Tok], ci: int) -> int | None:
    """For a clause-final participle cue in an inverted frame after a comma (*Es drohe ein
    Wettrüsten, hatte X bei seinem Besuch gesagt*): the index of the finite auxiliary right
    after the comma, when the speaker follows it; else None."""
    last = ci + 1
    while last < len(toks) and toks[last].q < 0 and toks[last].text not in _CLAUSE_END_MARKS:
        last += 1
    if last != ci + 1:
        return None  # the participle must end the clause
    for k in range(ci - 1, 0, -1):
        t = toks[k]
        if t.q >= 0 or t.text in _CLAUSE_MARKS:
            return None
        if t.lower in _PERFECT_AUXILIARIES and toks[k - 1].text == "," and toks[k - 1].q < 0:
            return k if after_verb_speaker(toks, k + 1) is not None else None
    return None


_CLAUSE_END_MARKS = frozenset([".", "!", "?", ",", ";", ":"])
#: finite auxiliaries of a perfect or passive frame (*hatte gesagt*, *wurde mitgeteilt*)
_PERFECT_AUXILIARIES = wordset("hat hatte hatten haben habe hätte ist war sind waren")


#: lexicon message forms that make a complement clause (see ``ReportingVerb.message``)
_CLAUSE_MESSAGES = frozenset(["clause", "infinitive", "konjunktiv"])
#: connectors that may stand before a sentence-initial *wie X sagte*
_WIE_CONNECTORS = wordset("denn und aber doch auch")


def _noun_cue_subject(toks: Sequence[Tok], ci: int) -> tuple[int, int] | None:
    """The source of a speech-act noun without a genitive agent: the clause subject
    (*X erhob die Forderung, …*, *X wandte sich mit der Aufforderung an Y, …*), unless the
    noun is the object of a reaction (*X wandte sich gegen die Behauptung, …*, *Auf die
    Bitte, … erfolgte keine Antwort*) or the subject itself (*Am Ende lautete die Frage,
    …*): then the claim is no one's named here and the noun phrase is its source.

    Limits: the noun phrase is an article, adjectives and the noun; a possessive (*gegen
    seine Forderung*) is left to the clause subject.
    """
    a = ci
    while a > 0 and toks[a - 1].q < 0 and is_adjective(toks[a - 1]):
        a -= 1
    if a > 0 and toks[a - 1].q < 0 and toks[a - 1].lower in _NOUN_CUE_ARTICLES:
        a -= 1
    else:
        a = ci
    own = (a, ci + 1)
    if a > 0 and toks[a - 1].q < 0 and toks[a - 1].lower in _REACTION_PREPOSITIONS:
        return own
    rng = v2_subject(toks, ci + 1)
    if rng is not None and rng[0] <= ci < rng[1]:
        return own
    return rng


#: prepositions of a reaction to someone else's speech act (*gegen die Behauptung, …*)
_REACTION_PREPOSITIONS = wordset("gegen auf über zu zur trotz entgegen")
#: articles of a speech-act noun that names no one (a possessive names its source)
_NOUN_CUE_ARTICLES = wordset("der die das den dem des ein eine einer einen einem eines")


def _reported_frame(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is the unit reported speech by the cue's object or predicative (lexicon ``message``:
    ``object`` — *forderte höhere Löhne*, *sprach von einem Erfolg*; ``als``/``für`` with
    the predicative in the clause — *bezeichnete X als Y*, *hält X für Y*), and not negated
    (*hat nicht darüber berichtet*: no speech reported)?"""
    if "reported" not in hit.speech or not reported_object(toks, hit):
        return False
    return not negated(toks, hit, clause_start(toks, hit.tokens[0]))


def _q(
    toks: Sequence[Tok],
    text: str,
    ranges: Sequence[tuple[int, int]],
    kind: str,
    speaker: Speaker | None,
    cue: Cue | None,
    sid: int,
) -> Quote:
    spans = tuple((toks[a].start, toks[b - 1].end) for a, b in ranges)
    return Quote(spans[0][0], spans[-1][1], spans, _span_text(text, spans), kind, speaker, cue, sid)


#: fact caches of the unit filters, shared by all documents of the process
_SOURCE_NOUNS = SourceNouns()
_CONTINUATION = ContinuationWords()


class _TopRegions:
    """Top-level quoted regions by position: the ones overlapping a unit by bisection.

    Why: scanning every region for every sentence made long articles quadratic.
    """

    def __init__(self, regions: list[QuotedRegion]) -> None:
        self.items = [(k, r) for k, r in enumerate(regions) if r.depth == 0]
        self.starts = [r.start for _, r in self.items]
        self.max_end: list[int] = []  # running maximum of ends: non-decreasing, bisectable
        for _, r in self.items:
            self.max_end.append(max(r.end, self.max_end[-1]) if self.max_end else r.end)

    def overlapping(self, start: int, end: int) -> list[tuple[int, QuotedRegion]]:
        lo = bisect.bisect_right(self.max_end, start)
        hi = bisect.bisect_left(self.starts, end)
        return [(k, r) for k, r in self.items[lo:hi] if r.end > start]


class _SeenQuotes:
    """The quotes found so far, indexed by start, for the duplicate check.

    Why: comparing each new quote with every earlier one was quadratic in article length.
    Kept in step with the caller's list: new tail items are added; if the list changed
    otherwise (reported quotes dropped), the index is rebuilt.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.items: list[Quote] = []
        self.max_len = 0
        self.synced = 0
        self.last: Quote | None = None

    def _add(self, q: Quote) -> None:
        i = bisect.bisect_right(self.starts, q.start)
        self.starts.insert(i, q.start)
        self.items.insert(i, q)
        self.max_len = max(self.max_len, q.end - q.start)

    def _sync(self, quotes: list[Quote]) -> None:
        if self.synced and (len(quotes) < self.synced or quotes[self.synced - 1] is not self.last):
            self.starts, self.items, self.max_len, self.synced = [], [], 0, 0
        for q in quotes[self.synced :]:
            self._add(q)
        self.synced = len(quotes)
        self.last = quotes[-1] if quotes else None

    def overlapping(self, quotes: list[Quote], q: Quote) -> list[Quote]:
        self._sync(quotes)
        lo = bisect.bisect_left(self.starts, q.start - self.max_len)
        hi = bisect.bisect_left(self.starts, q.end)
        return [o for o in self.items[lo:hi] if o.end > q.start]
