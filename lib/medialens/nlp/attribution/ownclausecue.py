"""A reporting verb after a direct quotation that opens a main clause with a subject of its own
does not frame that quotation.

Why a module of its own: :func:`.directquote._nearest_cue` picks the cue nearest to a
quotation, and a cue right after it is usually its frame (*„…“, sagte X*; *„…“, so X*; *„…“,
wie X berichtete*). In *A nannte den Entwurf „unausgegoren“, Verbandschef B bezeichnete die
Kosten als „untragbar“* the verb after the first quotation stands after its own subject, the first
field of a new asyndetic main clause; German puts an inserted frame's verb first (*„…“,
bezeichnete B*), so the quotation is the earlier clause's (*nannte*). The test is cheap on the
tokens between the quotation and the cue: a comma, then a noun phrase (a determiner or a
capitalised word first) and nothing that opens a subordinate or relative clause.

Limits: the earlier clause must have a cue of its own, else the later cue still wins (the
penalty only reorders); a pronoun subject (*„…“, er sagte*) is not recognised, nor is a first
field that is a prepositional or adverbial phrase (*„…“, am Montag sagte B*), which is rare
after a quotation.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.phrases import DETERMINERS, PREPOSITIONS, RELATIVES, SUBORDINATORS
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: words after the comma that make the cue an inserted frame or a second speech act, not a
#: main clause with its own subject (*„…“, so X*, *„…“, und fügte hinzu*)
_FRAME_OPENERS: frozenset[str] = wordset("so und sowie aber doch oder denn zitat")
#: tokens from the comma to the cue at most (a long noun phrase with an apposition is rare)
_MAX_FIELD = 8


def subject_before_cue(toks: Sequence[Tok], cue: int, quote_end: int) -> bool:
    """Does the cue at token ``cue`` stand after a comma and a subject noun phrase that follow
    the quotation ending at character ``quote_end`` (*„…“, Trainer B bezeichnete*)? See the
    module docstring."""
    k = cue - 1
    while k >= 0 and toks[k].start >= quote_end:
        k -= 1
    comma = k + 1
    if comma >= cue or toks[comma].text != "," or toks[comma].q >= 0:
        return False
    field = toks[comma + 1 : cue]
    if not field or len(field) > _MAX_FIELD:
        return False
    first = field[0]
    if first.lower in _FRAME_OPENERS or first.lower in SUBORDINATORS:
        return False
    if not (first.lower in DETERMINERS or first.text[:1].isupper()):
        return False
    if first.lower in RELATIVES and len(field) > 1 and field[1].lower in DETERMINERS:
        return False  # *„…“, die der Minister nannte*: a relative clause on the quotation
    return all(
        t.q < 0
        and t.text not in (",", ":", ";", "(", ")", "–", "—")
        and t.lower not in PREPOSITIONS
        for t in field
    )
