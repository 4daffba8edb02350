"""Does the clause after a cue have a form the cue's lexicon entry allows as its message?

Why: most entries allow a clause, a zu-infinitive and a Konjunktiv clause (the default), so
any complement-like clause after their comma or colon is what was said. Some verbs are speech
acts only with one form: *zusagen* with a clause or infinitive (*sagte zu, die Strecke zu
reparieren*; *das Essen sagte ihm zu* is no speech), *herausfinden*/*errechnen* with a
*dass*-clause, *beauftragen* with a zu-infinitive (*beauftragte X, … zu verkaufen*, not
*beauftragt: den Anwalt X, der …*). For those entries (no ``konjunktiv`` in ``message``) the
clause must open with *dass/ob*/a *w*-word (``clause``) or its first comma segment must end
in a zu-infinitive (``infinitive``).

Limits: an infinitive group interrupted by an apposition (*nicht über den Turm, das größte
Gebäude, bestimmen zu wollen*) is only seen from its last segment, as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.clausebounds import WH_WORDS
from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: conjunctions that open a complement clause of speech
_COMPLEMENTISERS = wordset("dass daß ob")
_ZU_INFINITIVE = re.compile(r"[a-zäöü]+zu[a-zäöü]+en")
#: the complement forms a restricted entry may name (see ``ReportingVerb.message``)
_COMPLEMENT_FORMS = frozenset(["clause", "infinitive"])


def complement_only(message: Sequence[str]) -> bool:
    """Does the entry allow nothing but a *dass/ob/w*-clause and/or a zu-infinitive?
    (Entries with a Konjunktiv clause, an object or a predicative keep their old paths.)"""
    return bool(message) and set(message) <= _COMPLEMENT_FORMS


def message_admits(toks: Sequence[Tok], message: Sequence[str], a: int) -> bool:
    """Is the clause starting at ``a`` a message form of ``message`` (the entry's forms)?

    True for every entry not restricted to ``clause`` and/or ``infinitive``
    (:func:`complement_only`): the check only narrows those."""
    if not complement_only(message):
        return True
    n = len(toks)
    if a >= n:
        return False
    first = toks[a].lower
    if "clause" in message and (
        first in _COMPLEMENTISERS or (first in WH_WORDS and first != "wie")
    ):
        return True
    if "infinitive" in message:
        end = a
        while end < n and not (
            toks[end].q < 0 and toks[end].text in (",", ";", ":", ".", "!", "?")
        ):
            end += 1
        seg = toks[a:end]
        if len(seg) >= 2 and seg[-2].lower == "zu" and seg[-1].lower.endswith("n"):
            return True
        if seg and _ZU_INFINITIVE.fullmatch(seg[-1].text):
            return True
    return False


def message_before_cue(toks: Sequence[Tok], hit: CueHit, start: int) -> bool:
    """Does a quotation starting at character ``start`` stand before the verb cue ``hit``
    although the cue's entry allows only a clause or zu-infinitive after it (no Konjunktiv
    clause, no direct speech)? *Er packte, sagte dem Freund zu und reiste ab* is no frame of
    *Er packte*: only *sagte zu, …* (after the cue) reports a promise."""
    if hit.source or hit.noun or not complement_only(hit.message):
        return False
    return start < toks[hit.tokens[0]].start


def complement_follows(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is a cue whose entry allows only a clause or zu-infinitive followed by one (after the
    first comma or colon behind its last word)? Without it the verb has its other sense and
    is no cue at all (*Sie sagte ihm ihre Unterstützung zu.*; *fanden aus dem Wald heraus*).
    True for every other entry."""
    if not complement_only(hit.message):
        return True
    last = max(hit.tokens)
    for j in range(last + 1, len(toks)):
        t = toks[j]
        if t.q < 0 and t.text in (",", ":"):
            return message_admits(toks, hit.message, j + 1)
    return False
