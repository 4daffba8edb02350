"""Where a hearsay quotation starts when the *sollen* clause follows an indicative main
clause after a comma (*Ein Wärter wurde festgenommen, er soll den Häftlingen geholfen
haben*).

Why a module of its own: the free hearsay step (:func:`.freeindirect._free_hearsay`) quoted
the whole sentence; the first main clause is the reporter's own account of a fact, and only
the clause with the epistemic *sollen* passes on a claim.

Limits: only a comma before the hearsay clause, a first field of at most three tokens before
*soll/sollen* (a pronoun or a short noun phrase, verb-second), and an indicative first part
(no Konjunktiv form in it, which would make the whole sentence reported).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clausebounds import _clause_left
from medialens.nlp.attribution.continuations import HEARSAY_MODALS
from medialens.nlp.attribution.konjunktiv import is_konjunktiv
from medialens.nlp.attribution.phrases import SUBORDINATORS
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: the longest first field before the hearsay modal of the second main clause
MAX_FIRST_FIELD = 3
#: correlates that resume a fronted conditional clause (*Wird X geprüft, so soll …*): the
#: sentence before the comma is no main clause of its own
_CORRELATES = wordset("so dann")


def hearsay_clause_start(toks: Sequence[Tok]) -> int:
    """The first token of the main clause with the hearsay *soll/sollen* when an indicative
    main clause and a comma come before it, else 0 (the whole unit)."""
    for k, t in enumerate(toks):
        if t.q >= 0 or t.lower not in HEARSAY_MODALS:
            continue
        c = _clause_left(toks, k)
        if c < 2 or toks[c - 1].text != "," or not 1 <= k - c <= MAX_FIRST_FIELD:
            return 0
        if toks[c].lower in SUBORDINATORS or toks[c].lower in _CORRELATES or toks[c].q >= 0:
            # (an article or demonstrative, *der Mann soll …*, is no relative pronoun here:
            # the modal of a relative clause stands at its end)
            return 0
        if toks[0].lower in SUBORDINATORS:
            return 0  # (*Nachdem …, er soll …*: not two main clauses)
        if any(u.q < 0 and is_konjunktiv(u.text, u.lemma) for u in toks[:c]):
            return 0
        return c
    return 0
