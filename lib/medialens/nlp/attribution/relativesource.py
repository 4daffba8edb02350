"""Relative source clauses: *Studien, nach denen …*, and where a relative *wonach* clause ends.

Why a module of its own: the source-phrase finder (:func:`.sourcecues.find_source_phrases`)
reads *wonach* after a noun phrase (*ein Bericht, wonach …*); German also attaches the content
of a report with a prepositional relative pronoun (*Umfragen, nach denen 70 Prozent …*, *ein
Antrag, nach welchem …*). Both are verb-final relative clauses: what was said is the clause
after the relative word and ends where the matrix clause goes on with its finite verb (*Ein
Bericht, wonach X festgenommen worden sein soll, wurde dementiert*). The speaker of *nach
denen* is the antecedent noun phrase; so is the speaker of *laut denen/dem/der* (*die Pläne,
laut denen jeder …*), which needs no source noun: *laut* always names a source.

Limits: *nach denen/dem/der* is a source only after a source noun (*Studie, Umfrage,
Angaben*, compounds with them) or a noun of a claim (*Gerücht, Bericht, Antrag*): after
*Pause, Fußnote, Kriterien* it is temporal or a rule, not speech; and only in a unit the
document scan flags for source phrases (a source noun in it). A *wonach* after a clause
rather than a noun phrase (*Sie kehrten zur ersten Version zurück, wonach …*) is not taken:
its source is unclear (on the training split its speaker went wrong as often as right).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clausebounds import _attributive, _verb_opens
from medialens.nlp.attribution.cuefind import CueHit, is_source_noun
from medialens.nlp.attribution.phrases import np_backward
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: cue lemmas whose quotation is the relative clause after the cue words
RELATIVE_SOURCE_LEMMAS: frozenset[str] = frozenset(["wonach", "nach denen", "laut denen"])

#: prepositional relative pronouns after *nach* and *laut* (dative)
_PRONOUNS = wordset("denen dem der welchem welcher welchen")
#: the prepositions of a relative source and the cue lemma each gives
_RELATIVE_PREPOSITIONS: dict[str, str] = {"nach": "nach denen", "laut": "laut denen"}

#: nouns of a claim whose content a relative *nach denen* gives (besides the source nouns)
_CLAIM_NOUNS = wordset(
    "gerücht gerüchte gerüchten antrag anträge vorwurf vorwürfe behauptung behauptungen "
    "berichte berichten angaben aussage aussagen erklärung erklärungen"
)


def relative_source_phrases(toks: Sequence[Tok], taken: Sequence[CueHit] = ()) -> list[CueHit]:
    """Source hits of *X, nach denen …* (not already in ``taken``, the hits of
    :func:`.sourcecues.find_source_phrases`)."""
    out: list[CueHit] = []
    n = len(toks)
    seen = {h.tokens[0] for h in taken} if taken else set()
    for i in range(2, n - 2):
        t = toks[i]
        if t.lower not in _RELATIVE_PREPOSITIONS or t.q >= 0 or i in seen:
            continue
        if toks[i - 1].text != "," or toks[i - 1].q >= 0 or toks[i + 1].lower not in _PRONOUNS:
            continue
        sp = np_backward(toks, i - 1)
        if sp is None:
            continue
        if t.lower == "nach" and not _claim_head(toks[sp[1] - 1].lower):
            continue  # (*laut* names a source whatever the noun: *die Pläne, laut denen …*)
        out.append(CueHit((i, i + 1), _RELATIVE_PREPOSITIONS[t.lower], "neutral", True, sp))
    return out


def _claim_head(word: str) -> bool:
    return is_source_noun(word) or word in _CLAIM_NOUNS


def relative_clause_end(toks: Sequence[Tok], a: int, b: int) -> int:
    """Where the verb-final relative clause starting at ``a`` ends before ``b``: before the
    first comma after which a finite verb opens (the matrix clause goes on: *…, wonach X
    festgenommen worden sei, wurde dementiert*), else ``b``."""
    for k in range(a + 1, b - 1):
        if toks[k].text == "," and toks[k].q < 0:
            if _verb_opens(toks, k + 1) and not _attributive(toks, k + 1):
                return k
            return b  # (only the first comma: a later one may be inside the content)
    return b


#: relative pronouns after a preposition (*unter denen*, *in der*, *von dem*, *bei welchem*)
_RELATIVES_AFTER_PREPOSITION = wordset(
    "denen dem der den dessen deren welchem welcher welchen welche"
)


def prepositional_relative(toks: Sequence[Tok], k: int) -> bool:
    """Does a relative clause opened by a preposition start at ``k`` (*…, unter denen sich
    laut Polizei der Täter befand, …*, *…, in der nach Angaben X …*)? Such a clause is
    subordinate like one opened by the bare relative pronoun: a source phrase inside it
    covers that clause only, not the main clause around it. Limits: only after a comma, and
    the pronoun right after the preposition (*…, mit deren Hilfe …* is one; *…, mit dem
    Zug* is not told apart when *dem* opens a noun phrase — a capitalised word right after
    the pronoun rules that reading out only for *denen*, *dessen*, *deren*)."""
    if k < 1 or k + 2 >= len(toks) or toks[k - 1].text != ",":
        return False
    prep, pron = toks[k], toks[k + 1]
    if prep.q >= 0 or pron.q >= 0 or prep.lower not in _PREPOSITIONS_OPENING:
        return False
    if pron.lower not in _RELATIVES_AFTER_PREPOSITION:
        return False
    # *…, mit dem Zug …*: an article before a noun opens a phrase, not a relative clause
    return pron.lower in ("denen", "dessen", "deren") or not toks[k + 2].text[:1].isupper()


#: prepositions that open a relative clause
_PREPOSITIONS_OPENING = wordset(
    "in an auf aus bei mit nach von vor zu über unter für gegen ohne um durch seit hinter "
    "neben zwischen wegen trotz"
)
