"""A Konjunktiv I sentence that carries a partial quotation, far from any quotation.

Why a module of its own: the free Konjunktiv step of :func:`.extract._analyse_unit` (step 6,
*Die Ursache sei noch unklar.* after an indicative sentence about a source) runs only for
units without quotation marks, so a sentence such as *Die Stadträtin lehnte den Neubau ab.
Der Platz sei zu klein, ein „Prestigeprojekt“ brauche die Gemeinde nicht.* lost both
its indirect quotation and the speaker of the partial quotation inside it, while the same
sentence without the quotation marks was quoted with its speaker. A partial quotation in a
Konjunktiv I main clause is part of what the reported source said (Redewiedergabe: the
quoted words are embedded in the indirect speech), so the sentence is the indirect quotation
and the partial quotation speaks with its speaker.

Limits: only when every quotation of the unit is a partial quotation without a cue of its
own; the speaker is the subject of the sentence before, as in step 6
(:func:`.freeindirect._free_konjunktiv_quote`) — it replaces a speaker the partial quotation
inherited from an older quotation, as a continuation does after a sentence that names a
source (:mod:`.konjcontinuation`); without such a subject the sentence is left as it was (an
outer quotation without a speaker would only add a speakerless guess).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from medialens.nlp.attribution.continuations import main_clause_konjunktiv_i
from medialens.nlp.attribution.freeindirect import _free_konjunktiv_quote
from medialens.nlp.attribution.quotestate import _State
from medialens.nlp.attribution.units import Tok
from medialens.nlp.types import Quote


def konjunktiv_around_partials(
    toks: Sequence[Tok],
    outside: Sequence[Tok],
    text: str,
    sid: int,
    quotes: list[Quote],
    first_new: int,
    prev_toks: Callable[[], list[Tok]],
    state: _State,
    ui: int,
    paragraph: int,
) -> Quote | None:
    """Insert the indirect quotation of a Konjunktiv I sentence around its cue-less
    partial quotations (``quotes[first_new:]``), give them its speaker, make it the current
    source (unit ``ui`` in ``paragraph``: the Konjunktiv sentences after it continue it, as
    after step 6) and return it; None (nothing changed) when the unit is not such a sentence
    or no speaker is found."""
    new = quotes[first_new:]
    if not new or any(q.kind != "direct" or q.cue is not None for q in new):
        return None
    if not main_clause_konjunktiv_i(outside):
        return None
    outer = _free_konjunktiv_quote(toks, text, sid, prev_toks, state)
    if outer is None or outer.speaker is None:
        return None
    if any(q.start < outer.start or q.end > outer.end for q in new):
        return None  # (a partial quotation outside the Konjunktiv clause: not its words)
    quotes[first_new:] = [outer] + [q._replace(speaker=outer.speaker) for q in new]
    state.speaker = outer.speaker
    state.unit = state.continued = ui
    state.continued_konj = True
    state.paragraph = paragraph
    return outer
