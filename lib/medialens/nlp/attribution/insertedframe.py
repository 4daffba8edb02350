"""A reporting frame inserted into what was said: *Der Umsatz ist, wie der Vorstand mitteilte,
um zehn Prozent gestiegen.*

Why a module of its own: the verb-quote step (:mod:`.verbquote`) reads a *wie*-clause with a
reporting verb before the main clause (*Wie X sagte, …*) and after it (*…, wie X sagte.*); German
news also puts it in the middle of the main clause, between two commas, after the first
constituent or after the finite verb. What was said is then the main clause around the insertion,
in two spans, and the subject of the *wie*-clause is its speaker. Kept apart so that the
steps of the existing rules stay unchanged.

Limits: the *wie*-clause must end with the cue (only auxiliaries after it) right before a comma;
the part before it must be the start of the main clause with its finite verb, without a comma
(a relative clause, *die, wie er sagte, …*, or a noun phrase, *X, wie sie Y enthält, hat …*,
is not taken), and the part after it must not open a clause of its own (*…, wie er angab, er
denke …*: a complement of the frame); a comparative *wie* of manner
with a reporting verb (*Er handelte so, wie er es angekündigt hatte, und …*) reads the same and
is only excluded when the main clause goes on with a conjunction.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.konjunktiv import PRONOUN_SUBJECTS, is_konjunktiv
from medialens.nlp.attribution.phrases import AUXILIARIES, SUBORDINATORS
from medialens.nlp.attribution.quotebounds import indicative_finite
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: words that open a new clause after the insertion: the quotation does not go on there
_CLAUSE_OPENERS = SUBORDINATORS | wordset("und oder aber doch sondern denn sowie so")

#: words right before *wie* that make it a comparison (*so wie*, *genauso, wie*)
_COMPARATIVES = wordset("so genauso ebenso ebenfalls anders")


def inserted_wie_frame(
    toks: Sequence[Tok], cs: int, last: int
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The two token ranges around an inserted *wie*-frame that opens at ``cs`` (the index of
    *wie*, after a comma) and whose cue ends at ``last``: the main clause before the comma
    and its rest after the comma that closes the frame; None when the frame is not inserted.

    *Die Kürzung verstoße, wie das Gericht entschied, gegen das Grundgesetz* → *Die
    Kürzung verstoße* and *gegen das Grundgesetz*.
    """
    n = len(toks)
    if cs < 2 or toks[cs].lower != "wie" or toks[cs - 1].text != "," or toks[cs - 1].q >= 0:
        return None
    if toks[cs - 2].lower in _COMPARATIVES:
        return None
    k = last + 1
    while k < n and toks[k].q < 0 and toks[k].lower in AUXILIARIES:
        k += 1
    if k + 1 >= n or toks[k].text != "," or toks[k].q >= 0:
        return None
    rest = toks[k + 1]
    if rest.q < 0 and (rest.lower in _CLAUSE_OPENERS or not rest.text[:1].isalnum()):
        return None
    head = toks[: cs - 1]
    if any(t.q < 0 and t.text in (",", ":", ";") for t in head):
        return None  # (the main clause starts at the unit start: no clause before it)
    if not any(_finite(t) or _unknown_konjunktiv(head, i) for i, t in enumerate(head)):
        return None  # *X, wie sie das Gesetz enthält, hat …*: a noun phrase, no clause
    if rest.q < 0 and rest.lower in PRONOUN_SUBJECTS:
        return None  # *…, wie er angab, er denke …*: a clause of its own follows
    return (0, cs - 1), (k + 1, n)


def _finite(tok: Tok) -> bool:
    """A finite verb outside quotations: an auxiliary, a Konjunktiv or an indicative form."""
    if tok.q >= 0:
        return False
    return tok.lower in AUXILIARIES or is_konjunktiv(tok.text, tok.lemma) or indicative_finite(tok)


def _unknown_konjunktiv(head: Sequence[Tok], i: int) -> bool:
    """A Konjunktiv I form the lookup table does not know (*verstoße*: ``stem + e``), not
    after a determiner, where an adjective stands (*die neue Regel*)."""
    tok = head[i]
    return (
        i > 0
        and tok.q < 0
        and tok.lemma == tok.text
        and head[i - 1].lower not in _DETERMINERS
        and is_konjunktiv(tok.text, tok.text + "n")
    )


_DETERMINERS = wordset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem "
    "keiner dieser diese dieses diesen diesem sein seine ihr ihre unser unsere"
)
