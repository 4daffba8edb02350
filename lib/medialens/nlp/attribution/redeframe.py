"""*In dem Rundbrief war von einer „schwierigen Übergangszeit“ die Rede*: the impersonal frame *ist von X
die Rede* quotes the document or place of its fronted *in/bei* phrase.

Why a module of its own: *die Rede sein von* is a speech frame without a speaking subject
(*die Rede* is the subject: "there is talk of"); the quotation rules find the quoted phrase
but no reporting verb, so it keeps no speaker or one carried from before. As with *heißt es
in X* (see :mod:`.documentframe`), the source is the document, medium or institution of the
phrase in the first field.

What is done, after all quotations are found: a direct quotation without a cue that stands
after *von* in a clause that ends with *die Rede* and opens with *in/im/bei/beim* + noun
phrase + a form of *sein* gets that noun phrase as its speaker.

Limits: only that word order (first field, *sein*, …, *von „…“*, *die Rede*); *Die Rede ist
von „…“* and a first field without a source (*Zunächst war von „…“ die Rede*) give nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from medialens.nlp.attribution.phrases import np_forward
from medialens.nlp.attribution.speakerpass import in_unit_speakers
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote

#: prepositions of a first field that names where the talk is (*in dem Bericht*, *bei der
#: Polizei*)
_PLACE_PREPOSITIONS: frozenset[str] = wordset("in im bei beim")
#: finite forms of *sein* in the frame
_SEIN: frozenset[str] = wordset("ist war sei wäre sind waren seien wären")
#: the most tokens between *von* and the quotation (article and adjectives)
_MAX_BEFORE = 4


def rede_frame_source(toks: Sequence[Tok], qa: int, qb: int) -> tuple[int, int] | None:
    """The source noun phrase of an *ist von „…“ die Rede* frame around the quotation
    ``toks[qa:qb]``, or None. See the module docstring."""
    n = len(toks)
    if qb + 1 >= n or toks[qb].lower != "die" or toks[qb + 1].lower != "rede":
        return None
    if qb + 2 < n and toks[qb + 2].text not in (".", ",", ";", "!", "?"):
        return None
    v = qa - 1
    while v >= 0 and toks[v].q < 0 and toks[v].lower != "von" and qa - v <= _MAX_BEFORE:
        v -= 1
    if v < 2 or toks[v].lower != "von" or toks[v].q >= 0:
        return None
    if toks[0].lower not in _PLACE_PREPOSITIONS:
        return None
    src = np_forward(toks, 1)
    if src is None:
        return None
    # the finite *sein* follows the first field, possibly after attributes of its phrase
    s = next((k for k in range(src[1], v) if toks[k].lower in _SEIN and toks[k].q < 0), None)
    if s is None or any(t.text in (",", ";", ":") for t in toks[src[1] : s]):
        return None
    return src


def rede_frame_speakers(
    quotes: Sequence[Quote], starts: Sequence[int], unit_toks: Callable[[int], Sequence[Tok]]
) -> list[Quote]:
    """``quotes`` with the speaker of a direct quotation in an *ist von „…“ die Rede* frame
    set to the frame's source (see the module docstring)."""
    return in_unit_speakers(
        quotes,
        starts,
        unit_toks,
        _rede_source,
        applies=lambda q: q.kind == "direct" and q.cue is None,
    )


def _rede_source(toks: Sequence[Tok], q: Quote) -> tuple[int, int] | None:
    """The source range of *In X ist von „…“ die Rede* around the quotation ``q``."""
    if toks[0].lower not in _PLACE_PREPOSITIONS:
        return None
    qa = next((k for k, t in enumerate(toks) if t.start >= q.start), None)
    qb = next((k for k, t in enumerate(toks) if t.start >= q.end), None)
    return rede_frame_source(toks, qa, qb) if qa is not None and qb is not None else None
