"""A complement clause that goes on as a quotation: *Sie sagte, ihre „Gedanken sind bei den
Familien“*; *Merkel sagte, der Papst „ist und bleibt ein großer Denker“*.

Why a module of its own: a clause after ``cue,`` counts as reported speech when it opens with
*dass/ob/w-*, holds a Konjunktiv or a *zu*-infinitive (:func:`.clausebounds._clause_qualifies`);
those marks are looked for outside quotations. In a mixed quotation the reporter writes the
first words (the subject) and quotes the rest verbatim, so the finite verb is inside the
quotation, in the indicative of the original. The clause is still what the cue's subject said
(the annotation scheme marks it as indirect speech around the nested direct quotation).

Limits: the words before the quotation are at most :data:`MAX_LEAD` tokens without a comma or
a verb of their own and do not open with a preposition; the quotation holds at least three
words, one of them lower-case (not a quoted name), and runs to the end of the clause; only the
first comma after the cue counts (a later one may close an apposition: *nannte X, Chef von Y,
die Kartoffel „…“*). A quotation that opens the clause (*sagte, „…“*) is plain direct speech
and is left to the direct-quote step.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clausebounds import _NOT_COMPLEMENT
from medialens.nlp.attribution.phrases import AUXILIARIES, PREPOSITIONS
from medialens.nlp.attribution.units import Tok

#: the most words before the quotation (a subject noun phrase)
MAX_LEAD = 5

#: tokens that may follow the quotation at the end of the clause
_TAIL = frozenset(".!?;:…")


def mixed_quotation_clause(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is ``toks[a:b]`` a few words outside quotations followed by a quotation of at least
    three tokens that runs to the end of the clause (``b`` or a comma outside quotations)?"""
    if a >= b or toks[a].q >= 0 or toks[a].lower in _NOT_COMPLEMENT:
        return False
    if toks[a].lower in PREPOSITIONS:
        return False  # *…, in den Medien „…“*: no subject, the main clause goes on
    k = a
    while k < b and toks[k].q < 0:
        t = toks[k]
        if t.text in (",", ":", ";", "(", ")") or t.lower in AUXILIARIES:
            return False
        k += 1
    if k == a or k - a > MAX_LEAD or k >= b:
        return False
    region = toks[k].q
    end = k
    while end < b and toks[end].q == region:
        end += 1
    words = [t for t in toks[k:end] if t.text[:1].isalpha()]
    if len(words) < 3 or not any(t.text[:1].islower() for t in words):
        return False  # (a quoted name or title: *das „Aktionsbündnis Nichtrauchen“*)
    return end == b or toks[end].text == "," or toks[end].text in _TAIL
