"""Reported speech in one conjunct of a sentence that also quotes or paraphrases.

Why: a sentence often joins two speech acts of one subject (*Die Behörde teilte mit, dass
es schneie, und warnte vor Glätte*; *Die Ärztekammer kritisierte die Reform und kündigte an,
vor Gericht zu ziehen*) or a speech act and a Konjunktiv clause that gives its reason (*X
verlangt eine Prüfung des Vertrags, der gegen geltendes Recht verstoße*). The reported-speech rule takes the whole sentence, so the sentence's
indirect or direct quotation used to remove it (the two overlap). The speech act of its own
conjunct is reported speech all the same: the quotation is cut to that conjunct, at the
coordinator or comma between it and the other quotation (or the other quotation's cue).

Limits: only when the other quotations lie wholly before or wholly after the speech-act verb
and a coordinator (*und, aber, sowie, oder, sondern*) or a comma separates them; a partial
quotation right after the verb (*nannte die Niederlage »völlig unnötig«*) has no such
boundary and stays the only quotation.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote

#: words that join two conjuncts with verbs of their own
_COORDINATORS = wordset("und aber sowie oder sondern")
#: a conjunct needs this many tokens (subject or coordinator, verb, object)
_MIN_TOKENS = 3


def _boundary(toks: Sequence[Tok], a: int, b: int, last: bool) -> int | None:
    """The first (or ``last``) coordinator or comma outside quotations in ``[a, b)``."""
    rng = range(b - 1, a - 1, -1) if last else range(a, b)
    for j in rng:
        t = toks[j]
        if t.q < 0 and (t.text == "," or t.lower in _COORDINATORS):
            return j
    return None


def conjunct_report(
    q: Quote, others: Sequence[Quote], toks: Sequence[Tok], text: str
) -> Quote | None:
    """``q`` (a reported quotation over the whole unit ``toks``) cut to the conjunct of its
    speech-act verb, so that it no longer overlaps ``others`` (the unit's direct and
    indirect quotations); None when there is no clause boundary between them."""
    act = q.act
    if act is None or q.speaker is None or not others:
        return None
    act_start = min(s for s, _ in act.spans) if act.spans else act.start
    act_end = max(e for _, e in act.spans) if act.spans else act.end
    before = [o for o in others if o.end <= act_start]
    after = [o for o in others if o.start >= act_end]
    if len(before) + len(after) != len(others):
        return None
    idx = {t.start: k for k, t in enumerate(toks)}
    first = next((k for k, t in enumerate(toks) if t.start >= q.start), None)
    verb = idx.get(act_start)
    verb_end = next((k for k, t in enumerate(toks) if t.end >= act_end), None)
    if first is None or verb is None or verb_end is None:
        return None
    a, b = first, next((k for k, t in enumerate(toks) if t.end >= q.end), len(toks) - 1) + 1
    if before:
        # (after the other quotation's own cue, when it follows the quotation: *»…«, sagte
        # sie und kündigte … an* — the conjunct opens at *und*, not at the comma after »…«)
        cues = [o.cue.end for o in before if o.cue is not None and o.end <= o.cue.start]
        lim = max([o.end for o in before] + [c for c in cues if c <= act_start])
        k = next((j for j, t in enumerate(toks) if t.start >= lim), verb)
        j = _boundary(toks, k, verb, last=False)
        if j is None:
            return None
        a = j if toks[j].text != "," else j + 1
    if after:
        lim = min(o.start for o in after)
        cues = [o.cue.start for o in after if o.cue is not None and o.cue.start > act_end]
        lim = min([lim, *cues])
        k = next((j for j, t in enumerate(toks) if t.end > lim), b)
        j = _boundary(toks, verb_end + 1, k, last=True)
        if j is None:
            return None
        b = j
    if b - a < _MIN_TOKENS or not a <= verb < b:
        return None
    start, end = toks[a].start, toks[b - 1].end
    return q._replace(start=start, end=end, spans=((start, end),), text=text[start:end])
