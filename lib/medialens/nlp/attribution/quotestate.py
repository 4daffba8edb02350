"""Shared state of the extractor: options, the running speaker state, speaker and cue builders.

Why a module of its own: every extraction step (direct, verb, source-phrase, free indirect)
builds :class:`~medialens.nlp.types.Cue`/``Speaker`` objects and reads or updates the current
speaker; defining them once below the steps keeps the imports one way and the memo
``speaker_of_cue`` a single instance. Moved verbatim out of :mod:`.extract`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.phrases import PERSONAL_SPEAKER_PRONOUNS, TIME_WORDS
from medialens.nlp.attribution.reference import nameable, resolve
from medialens.nlp.attribution.speakers import speaker_of_cue as _speaker_of_cue_uncached
from medialens.nlp.attribution.units import Tok, UnitMemo
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Cue, Quote, Speaker

_ANAPHORS = wordset("dies das dieses")


class Options(NamedTuple):
    """Tuning knobs with documented defaults (keyword-only in :func:`extract_attributions`)."""

    min_speech_words: int = 4
    max_scare_words: int = 4
    continuation_gap: int = 3
    reported_cues: bool = True


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
#: a quoted name of several words inside a speaker span
_QUOTED_NAME_RE = re.compile(r"[„»\"][^“«\"]*\s[^“«\"]*[“«\"]")


def latest_mention(
    text: str, speaker: Speaker | None, limit: int, state: _State | None = None
) -> Speaker | None:
    """The last mention of a named ``speaker`` before ``limit`` (its head word, e.g. the
    surname), when it recurs after the mention that was quoted.

    Why: a continuation or cue-less quotation refers back to the nearest mention of its
    source (*Abhisit machte zur Bedingung, … . Abhisit lehnte ab. Andernfalls werde er …*), not
    to the first one. Limits: string match on the last capitalised word of the speaker span;
    pronoun speakers are kept as they are.

    With ``state``, a repeat in a sentence that cannot frame speech (no cue word and no
    source phrase, see :meth:`_State.may_frame`) is passed over: *Ministerin X hat
    angekündigt, … . Um Geld zu sparen, will X die Kurse kürzen. »…«* — the quotation refers
    back to the mention in the frame, not to the person talked about in between.
    """
    if speaker is None or speaker.resolved is not None or limit <= speaker.end:
        return speaker
    if _QUOTED_NAME_RE.search(speaker.text):
        # (a quoted name, *der „Bund Bergwacht Tirol“*, is named by all its words: its last
        # capitalised word, *Tirol*, is no mention of it)
        return speaker
    head = _name_head(speaker)
    if head is None:
        return speaker
    end = limit
    while True:
        found = last_whole_word(text, head, speaker.end, end)
        if found < 0 or opened_quotation(text, speaker.end, found):
            # (a word inside a quotation, *„Eine zweite Nachbarin …“*, is no mention)
            return speaker
        if state is None or state.may_frame(found):
            return Speaker(found, found + len(head), head)
        end = found  # (a repeat in a sentence that cannot frame: look further back)


def _name_head(speaker: Speaker) -> str | None:
    """The word a later mention of ``speaker`` repeats: the last capitalised word (of at
    least three letters) of the part of its text that names it (:func:`_head_part`)."""
    words = [m for m in _NAME_WORD_RE.finditer(_head_part(speaker.text)) if len(m.group()) >= 3]
    return words[-1].group() if words else None


def idle_repeat(subject: Speaker, current: Speaker | None, state: _State) -> bool:
    """Is ``subject`` a bare repeat of the ``current`` speaker's name in a sentence that
    cannot frame speech (*Am Abend besuchte X die Feuerwehr.*)? Then a continuation after it
    goes on with the current speaker's mention rather than taking the repeat as a new source
    (see :func:`latest_mention`). Limit: string match on the head word."""
    if current is None or current.resolved is not None or subject.end <= current.end:
        return False
    return subject.text == _name_head(current) and not state.may_frame(subject.start)


def opened_quotation(text: str, start: int, end: int) -> bool:
    """Is a quotation opened in ``text[start:end]`` and not closed again (German *„…“* or
    *»…«*)? Then offset ``end`` lies inside quoted words. Counting, not pairing: cheap."""
    seg = text[start:end]
    return seg.count("„") > seg.count("“") or seg.count("»") > seg.count("«")


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
        #: whether the continuation in unit ``continued`` was Konjunktiv (not *soll* hearsay):
        #: consecutive continuations of the same kind form one quotation
        self.continued_konj = True
        #: the reporting verb or source of the current speaker's quotation (or its speech act)
        self.cue: Cue | None = None
        #: start offsets of the units seen so far, and whether each could frame speech
        self._unit_starts: list[int] = []
        self._unit_frames: list[bool] = []

    def note_unit(self, start: int, may_frame: bool) -> None:
        """Record a unit (in text order) and whether it has a cue word or source phrase."""
        self._unit_starts.append(start)
        self._unit_frames.append(may_frame)

    def may_frame(self, offset: int) -> bool:
        """Could the unit holding ``offset`` frame speech? True when unknown (no units noted:
        callers outside the extractor keep the plain nearest-mention behaviour)."""
        k = bisect.bisect_right(self._unit_starts, offset) - 1
        return k < 0 or self._unit_frames[k]

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
            if nameable(speaker.text) and (not self.history or self.history[-1] != speaker):
                self.history = [*self.history[-7:], speaker]


def _span_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    if len(spans) == 1:  # (the common case, without a generator)
        a, b = spans[0]
        return text[a:b]
    return " … ".join([text[a:b] for a, b in spans])


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


#: the subject (speaker range) of a cue, computed once per cue of a unit: the speech-sense
#: check, the speaker choice, ``_speaks`` and the frame tests all ask for it (see
#: :class:`.units.UnitMemo`)
speaker_of_cue: UnitMemo[tuple[int, int] | None] = UnitMemo(_speaker_of_cue_uncached)


def _make_cue(toks: Sequence[Tok], hit: CueHit, text: str) -> Cue:
    idx = sorted(hit.tokens)
    spans = tuple((toks[i].start, toks[i].end) for i in idx)
    start, end = spans[0][0], spans[-1][1]
    cue_text = " ".join(text[a:b] for a, b in spans)
    return Cue(start, end, cue_text, hit.lemma, hit.category, spans if len(spans) > 1 else ())


def _trim(toks: Sequence[Tok], a: int, b: int) -> tuple[int, int]:
    """Drop punctuation and whitespace at the edges of a token range."""
    while a < b and (toks[a].text in (",", ";", ":", "-", "–") or toks[a].text.isspace()):
        a += 1
    while b > a and (
        toks[b - 1].text in (",", ".", ";", ":", "!", "?", "-", "–") or toks[b - 1].text.isspace()
    ):
        b -= 1
    return a, b


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
