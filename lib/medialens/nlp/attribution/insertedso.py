"""*A sei, so der Autor X in einem Beitrag auf der Website Y, B*: an inserted *so X* frame
inside a quotation that has no speaker names that quotation's speaker.

Why a module of its own: the quotation builder (:mod:`.sourcequote`, :mod:`.soframe`) closes
a comma-opened *so X* frame only when a comma follows the noun phrase at once, because the
part after a prepositional phrase is as often an addition to the source as the rest of the
quotation. When the quotation was found anyway (by the subjunctive rules) and stayed without a
speaker, the inserted frame is the only source in it: German inserts *so X* only to name who
said the sentence around it.

What is done, after all quotations are found: a quotation without speaker that contains
comma or dash, *so*, a noun phrase with a capitalised head, then only prepositional phrases
(prepositions, articles, adjectives, capitalised or quoted words, numbers; at most
:data:`MAX_TAIL` tokens) up to a comma or dash, gets that noun phrase as its speaker.

Limits: only a frame in the unit (sentence) the quotation starts in; *so* after other words
(*so etwa der Sprecher*) and frames with a verb (*so sagte X*) are left to the other rules;
a frame that closes the sentence (*…, so X.*) is not taken (the builder handles it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from medialens.nlp.attribution.phrases import is_adjective, is_head, np_forward
from medialens.nlp.attribution.speakerpass import in_unit_speakers
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote

#: punctuation that opens and closes an inserted frame
FRAME_MARKS: frozenset[str] = frozenset([",", "–", "—"])
#: prepositions that may open a phrase between the source and the closing mark
TAIL_PREPOSITIONS: frozenset[str] = wordset(
    "im in am an auf bei beim gegenüber vor aus von vom mit nach zu zum zur über laut"
)
#: determiners inside such a phrase
_TAIL_DETERMINERS: frozenset[str] = wordset(
    "der die das des dem den ein eine einer eines einem einen seiner seinem seinen ihrer ihrem"
)
#: most tokens between the source's noun phrase and the closing mark
MAX_TAIL = 20


def _tail_end(toks: Sequence[Tok], k: int, stop: int) -> int | None:
    """Index of the closing comma or dash after prepositional phrases from ``k``, or None
    when anything else (a verb, a conjunction) comes first."""
    j = k
    while j < stop and j - k <= MAX_TAIL:
        tok = toks[j]
        if tok.q < 0 and tok.text in FRAME_MARKS:
            return j
        if j == k and not (tok.q < 0 and tok.lower in TAIL_PREPOSITIONS):
            return None
        if not (
            tok.q >= 0
            or tok.lower in TAIL_PREPOSITIONS
            or tok.lower in _TAIL_DETERMINERS
            or is_adjective(tok)
            or tok.text[:1].isupper()
            or tok.text[:1].isdigit()
        ):
            return None
        j += 1
    return None


def inserted_so_source(toks: Sequence[Tok], lo: int, hi: int) -> tuple[int, int] | None:
    """Token range of the source of the first inserted *, so X …,* frame whose *so* lies
    between character offsets ``lo`` and ``hi``; None when there is none."""
    n = len(toks)
    for i in range(1, n - 2):
        so = toks[i]
        if so.start < lo or so.end > hi:
            continue
        if (
            so.lower != "so"
            or so.q >= 0
            or toks[i - 1].q >= 0
            or toks[i - 1].text not in FRAME_MARKS
        ):
            continue
        src = np_forward(toks, i + 1)
        if src is None or not is_head(toks[src[1] - 1]):
            continue
        if src[1] < n and toks[src[1]].q < 0 and toks[src[1]].text in FRAME_MARKS:
            close = src[1]
        else:
            close = _tail_end(toks, src[1], n)
        if close is None or toks[close].end > hi:
            continue
        return src
    return None


def inserted_so_speakers(
    quotes: Sequence[Quote], starts: Sequence[int], unit_toks: Callable[[int], Sequence[Tok]]
) -> list[Quote]:
    """``quotes`` with a speakerless quotation given the source of an inserted *so X*
    frame inside it (see the module docstring)."""
    return in_unit_speakers(
        quotes,
        starts,
        unit_toks,
        lambda toks, q: inserted_so_source(toks, q.start, q.end),
        applies=lambda q: q.speaker is None and " so " in q.text,
    )
