"""The direct-quotation step: which quoted regions are speech, and which cue and speaker they get.

Why a module of its own: the tests on quotation marks (partial quotations, titles, term
definitions, enumerations, interrupted quotations, colon and frame subjects) are one stage of
:func:`.extract._analyse_unit`. Moved verbatim out of :mod:`.extract`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.anaphorframe import unnamed_report
from medialens.nlp.attribution.clausebounds import _FINAL_PUNCT
from medialens.nlp.attribution.colonframe import speech_noun_frame, written_in_source
from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.frames import is_frame_source
from medialens.nlp.attribution.freeindirect import _speaks
from medialens.nlp.attribution.konjunktiv import KONJUNKTIV_FORMS, is_konjunktiv
from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.npclass import is_abstract_np
from medialens.nlp.attribution.ownclausecue import subject_before_cue
from medialens.nlp.attribution.phrases import LEADING_PARTICLES, OBJECT_DETERMINERS, np_forward
from medialens.nlp.attribution.quotestate import (
    _ANAPHORS,
    Options,
    _make_cue,
    _make_speaker,
    _State,
    speaker_of_cue,
)
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.relativecue import in_closed_relative
from medialens.nlp.attribution.scan import HEARSAY
from medialens.nlp.attribution.scare import classify_quoted
from medialens.nlp.attribution.scarecues import is_technical_term
from medialens.nlp.attribution.speakers import v2_subject
from medialens.nlp.attribution.subjectparts import _np_chain_before
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote, ScareQuote

_ENUM_GLUE = re.compile(r"\s*(?:,|und|oder|sowie|bzw\.|resp\.|beziehungsweise|respektive)\s*$")
#: glue words longer than the usual short gap (*„A“ beziehungsweise „B“*: two quoted
#: alternatives, variants of one name like a list)
_LONG_GLUE = frozenset(["beziehungsweise", "respektive"])


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


def _partial_quotation(toks: Sequence[Tok], text: str, r: QuotedRegion) -> bool:
    """Is the quotation a part of a sentence of its own (*Der Airbus sei erst »weit hinter
    der Aufsetzzone« zu Boden gebracht worden*): words of the sentence before it, and not
    itself a full sentence?

    A quotation that closes its sentence has the period inside the marks (*Weiterhin bleibe
    „der Eindruck, man habe etwas zu verbergen.“*); it is still a part when it opens with a
    lower-case word, which no full sentence does. Limits: a part that opens with a noun
    (*bleibe „Der Eindruck …“*) is taken for a full sentence."""
    inner = text[r.start + 1 : r.end - 1].rstrip()
    if inner[-1:] in _FINAL_PUNCT and not inner[:1].islower():
        return False
    before = []
    for t in reversed(toks):
        if t.end > r.start:
            continue
        if t.q >= 0:
            break  # (*„Ist das alles?“ – „Ja“*: the words before an earlier quotation
            # belong to that one)
        if t.text not in _NOT_WORDS:
            before.append(t)
    return len(before) >= 2


# punctuation that is no word of a frame before a quotation (the typewriter dash *--*
# of older and plain-text sources included)
_NOT_WORDS = frozenset([",", ":", "–", "—", "--"])


def _attach_to_previous_quote(
    toks: Sequence[Tok],
    hit: CueHit,
    text: str,
    quotes: list[Quote],
    prev_span: tuple[int, int] | None,
    state: _State,
) -> bool:
    """``»…« Das sagte X.``: give the preceding frameless direct quotation its speaker and cue;
    also a frameless indirect one without a source of its own sentence (*X soll … haben. Das
    berichten mehrere Zeitungen.*, see :mod:`.anaphorframe`)."""
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
    if last.cue is not None or last.end < prev_span[1] - 1:
        return False
    if last.start < prev_span[0] - 1:
        return False
    if last.kind != "direct" and not unnamed_report(last, prev_span[0], hit):
        return False
    rng = speaker_of_cue(toks, ci, max(hit.tokens))
    if rng is None:
        return False
    quotes[-1] = last._replace(
        speaker=_make_speaker(toks, rng, text, state), cue=_make_cue(toks, hit, text)
    )
    return True


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
    frame = written_in_source(toks, first_in - 1) or speech_noun_frame(toks, first_in - 1)
    if frame is not None:
        return frame  # *Seine Antwort: »…«*, *Im Bericht steht: »…«*, see :mod:`.colonframe`
    rng = v2_subject(toks, first_in - 1)
    if rng is not None and is_abstract_np(toks, *rng):
        return None  # *Seine Zuversicht gründet sich auf …: »…«*: a thing does not speak
    return rng


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
    if any(t.q >= 0 or t.text in (";", ":") for t in before):
        return None
    if any(t.text == "," for t in before):
        rng = _apposition_subject(toks, first_in)
        if rng is None or is_abstract_np(toks, *rng) or not speaker_like(toks, *rng):
            return None
        return rng
    holder = opinion_holder(toks, first_in)
    if holder is not None:
        # *Für die Schulleiterin ist die Turnhalle »ein Ärgernis«*: the holder of *für X sein*
        # (also in Konjunktiv: *Für den Bischof sei der Rücktritt »verständlich«*)
        return holder
    if any(is_konjunktiv(t.text, t.lemma) for t in before):
        return None
    rng = v2_subject(toks, first_in)
    if rng is None or rng[1] > first_in or is_abstract_np(toks, *rng):
        return None
    if not speaker_like(toks, *rng):
        return None  # *Die Parole lautete »…«*: a thing in the first field does not speak
    if toks[rng[0]].lower in OBJECT_DETERMINERS:
        return None  # *Dem Bürgerrechtler wurde der »…-Preis« verliehen*
    return rng


def _apposition_subject(toks: Sequence[Tok], end: int) -> tuple[int, int] | None:
    """The first-field subject with appositions before a finite verb and a quotation (*Auch der
    Sprecher der Fraktion, Hans Kern, will »…« prüfen*): the commas before token ``end`` must
    all lie in that noun-phrase chain, which ends at the last comma, right before the verb.
    Otherwise a comma ends a clause and the quotation's frame is unknown (None)."""
    commas = [k for k in range(end) if toks[k].text == "," and toks[k].q < 0]
    last = commas[-1]
    if last + 2 > end or toks[last + 1].text[:1].isupper():
        return None  # (the verb follows the chain: *…, Hans Kern, will »…«*)
    skip = 1 if toks[0].lower in LEADING_PARTICLES else 0  # (*Auch der Sprecher, X, will*)
    rng = _np_chain_before(toks[skip:], last - skip)
    if rng is None or rng[0] > 0:
        return None
    return rng[0] + skip, rng[1] + skip


#: finite forms of *sein* (the opinion frame *für X ist Y*)
_SEIN_FORMS = wordset("ist sind war waren sei seien wäre wären")


def opinion_holder(toks: Sequence[Tok], end: int) -> tuple[int, int] | None:
    """The holder of the opinion frame *Für X ist/sei Y …* opening the unit (before token
    ``end``): X, a person or source, whose judgement the sentence gives (*Für die Ministerin
    ist der Plan »ein Fortschritt«*, *Für den Bischof sei der Rücktritt verständlich*).

    Why: *für X* + *sein* in the first field is the German dative of judgement; its holder
    is the source of the evaluation, not the grammatical subject (*der Plan*). Limits: only
    as the whole first field right before a finite *sein*; a thing or an abstraction
    (*Für den Bau ist …*, *Für die Sicherheit war …*) holds no opinion.
    """
    if len(toks) < 4 or toks[0].lower != "für" or toks[0].q >= 0:
        return None
    holder = np_forward(toks, 1, end=end)
    if (
        holder is not None
        and holder[1] < end
        and toks[holder[1]].lower in _SEIN_FORMS
        and speaker_like(toks, *holder)
        and not is_abstract_np(toks, *holder)
    ):
        return holder
    return None


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
    """Is quotation ``k`` joined to a neighbouring quotation by only , / und / oder (or
    *bzw.*, *beziehungsweise*, *respektive*: two quoted alternatives)?"""
    r = regions[k]
    for j in (k - 1, k + 1):
        if 0 <= j < len(regions) and regions[j].depth == r.depth:
            o = regions[j]
            gap = text[o.end : r.start] if j < k else text[r.end : o.start]
            if (
                (len(gap) <= 8 or gap.strip() in _LONG_GLUE)
                and _ENUM_GLUE.match(gap)
                and gap.strip()
            ):
                return True
    return False


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
            if subject_before_cue(toks, i, end):
                # (*„…“, Trainer B bezeichnete …*: a main clause of its own, see
                # :mod:`.ownclausecue`)
                return 10_000 + pos - end
            return pos - end
        if pos < start:
            if in_closed_relative(toks, i, start):
                # (*Laut X ist die Kundgebung, zu der Y aufgerufen hatte, »…«*: the verb of
                # a closed relative clause is the last resort, see :mod:`.relativecue`)
                return 5_000 + start - pos
            return (start - pos) + 5
        return 0

    return min(cues, key=distance)


def classify_unit_regions(
    toks: Sequence[Tok],
    text: str,
    regions: list[QuotedRegion],
    unit_regions: Sequence[int],
    unit_start: int,
    cues: Sequence[CueHit],
    all_cues: Sequence[CueHit],
    *,
    active: bool,
    continuing: bool,
    opts: Options,
    scare: list[ScareQuote],
) -> tuple[list[int], list[int]]:
    """Stage 1 of :func:`.extract._analyse_unit`: which of the unit's quoted regions are
    speech (``speech``; ``strong_speech`` the full-sentence ones), given the unit's verb
    ``cues`` and all cues with source phrases (``all_cues``).

    A quoted name that is the speaker of a cue is no quotation; a short term introduced as
    an alias or by impersonal *nennen* is none either (a German technical term so introduced
    is the author's scare quote); the rest goes to :func:`.scare.classify_quoted`. Scare
    quotes found here are appended to ``scare``. ``active``: the unit has a cue that frames
    direct speech; ``continuing``: the unit continues a recent source in Konjunktiv.
    """
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
    cue_lemmas = frozenset(c.lemma for c in cues)
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
            unit_start=unit_start,
            speech_context=active or continuing,
            cue_lemmas=cue_lemmas,
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
    return speech, strong_speech
