"""The source-phrase step: quotes introduced by *laut*, *zufolge*, *nach Angaben* and the like.

Why a module of its own: a prepositional source phrase attributes the clause around it, which
needs its own clause-span logic distinct from the verb-quote step. Moved verbatim out of
:mod:`.extract`.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clausebounds import (
    WH_WORDS,
    _after_relative_clause,
    _clause_left,
    _clause_right,
    _second_main_clause,
)
from medialens.nlp.attribution.continuations import SUBORDINATE_OPENERS
from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.frames import frame_bounds, is_frame_source
from medialens.nlp.attribution.quotestate import _make_cue, _make_speaker, _span_text, _State, _trim
from medialens.nlp.attribution.relativesource import (
    RELATIVE_SOURCE_LEMMAS,
    prepositional_relative,
    relative_clause_end,
)
from medialens.nlp.attribution.soframe import so_frame_close
from medialens.nlp.attribution.sourceconjunct import conjunct_clause_start
from medialens.nlp.attribution.sourcesplit import second_speaker_clause
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote


def _source_quote(
    toks: Sequence[Tok],
    hit: CueHit,
    text: str,
    sid: int,
    state: _State,
    verbs: Sequence[int] = (),
) -> Quote | None:
    """*laut X …*, *X zufolge …*: the unit minus the source phrase (indirect). ``verbs``: the
    token indices of the unit's reporting verbs (a clause of another speaker after a comma
    ends the content, :mod:`.sourcesplit`)."""
    assert hit.speaker is not None
    a0, b0 = hit.speaker
    phrase = (min(a0, hit.tokens[0]), max(b0, hit.tokens[-1] + 1))
    np_end = phrase[1]
    phrase = (phrase[0], _after_relative_clause(toks, phrase[1]))
    # at the unit start (*Laut X …*) the source governs the unit; inside, only its clause
    a, b = _trim(toks, 0, len(toks))
    frame = is_frame_source(hit)
    so_like = hit.lemma == "so" or frame
    if phrase[0] > a and not so_like and hit.lemma not in RELATIVE_SOURCE_LEMMAS:
        left = _clause_left(toks, phrase[0])
        if left > a and (
            toks[left].lower in SUBORDINATE_OPENERS or prepositional_relative(toks, left)
        ):
            # (*…, zumal sich das Wasser den Prognosen zufolge …*, *…, was sich nach Ansicht
            # der Kritiker … niederschlägt*, *…, die nach Angaben X …*, *…, unter denen sich
            # laut X …*)
            a = left
            b = _clause_right(toks, phrase[1], b)
        elif left > a and (start := conjunct_clause_start(toks, left, a)) is not None:
            # (*…, der nicht entfernt, jedoch laut X kontrolliert gesprengt wurde*: see
            # :mod:`.sourceconjunct`)
            a = start
            b = _clause_right(toks, phrase[1], b)
        elif left > a and _second_main_clause(toks, a, left):
            a = left
            b = _clause_right(toks, phrase[1], b)
            if b + 1 < len(toks) and toks[b].text == "," and toks[b + 1].lower in WH_WORDS:
                # *…, jedoch ist laut X fraglich, ob …*: the complement clause belongs to it
                b = _clause_right(toks, b + 1, len(toks))
    if hit.lemma in RELATIVE_SOURCE_LEMMAS:
        # *ein Bericht, wonach …*, *Umfragen, nach denen …*: the relative clause
        start = max(hit.tokens) + 1
        parts = [(start, relative_clause_end(toks, start, b))]
    elif frame:
        first, end = frame_bounds(toks, hit)
        b_excl = first
        while b_excl > a and toks[b_excl - 1].text in (",", "–", "—", "-"):
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
        k = so_frame_close(toks, hit.tokens[0], k, b)
        if k + 1 < b and toks[k].text in (",", "–", "—"):
            parts.append((k + 1, b))
        elif np_end < k < b and toks[k - 1].text == ",":
            # *A, so X, der …, B*: the relative clause on the source closed the frame
            parts.append((k, b))
    else:
        cut = second_speaker_clause(toks, a, phrase[1], b, verbs)
        if cut is not None:
            b = cut  # *Nach Angaben X kamen 5.000, die Polizei spricht von 2.000*
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
