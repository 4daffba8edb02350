"""The subject of a relative clause opened by a preposition: *…, in dem das Gericht
festgestellt hatte, …*, *…, in dessen Folge die Behörde erklärt hatte, …*.

Why a module of its own: :func:`.speakers.speaker_of_cue` finds the subject of a relative
clause that starts with the relative pronoun (*…, die X erklärt hatte*), but a clause that
starts with a preposition (*in dem*, *mit der*, *bei denen*) fell through to the verb-second
rules and got no speaker. After a preposition the relative pronoun is never the subject, so
the subject is the nominative noun phrase that follows the relative phrase (after the noun of a
genitive relative *dessen/deren*: *in dessen Folge das Gericht …*). German relative clauses are
verb-final, so that phrase stands between the relative phrase and the cue.

Limits: *der/die/das/den/dem* before a noun or adjective is an article (*…, mit den
zuständigen Stellen …*), not a relative pronoun; a passive clause (*…, in der der König ersucht wird*) is left alone: its subject is
the addressee. The phrase must start right after the relative phrase (a focus particle may stand
before it); an object determiner (*den, dem, einem*) or a phrase that cannot speak (a thing or
an abstraction) gives no speaker; a comma between the relative phrase and the cue means the cue
is not in this clause.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clauses import PASSIVE_AUX
from medialens.nlp.attribution.npclass import is_abstract_np
from medialens.nlp.attribution.phrases import (
    LEADING_PARTICLES,
    NOMINATIVE_PRONOUNS,
    OBJECT_DETERMINERS,
    PREPOSITIONS,
    RELATIVES,
    is_adjective,
    is_head,
    np_forward,
)
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: relative pronouns after a preposition (also the dative plural and the *welch-* forms)
_RELATIVE_AFTER_PREPOSITION = RELATIVES | wordset("welchem welchen welcher welches")
#: genitive relatives that stand before a noun of their own (*in dessen Folge*)
_GENITIVE_RELATIVES = wordset("dessen deren")


def prepositional_relative_subject(
    toks: Sequence[Tok], start: int, cue_i: int
) -> tuple[int, int] | None:
    """The subject of the relative clause ``toks[start:cue_i]`` opened by a preposition and a
    relative pronoun after a comma, up to the cue at ``cue_i``; None when the clause is not one
    or has no speaking subject. See the module docstring."""
    if start < 1 or start + 3 > cue_i or toks[start - 1].text != ",":
        return None
    prep, rel = toks[start], toks[start + 1]
    if prep.q >= 0 or rel.q >= 0 or prep.lower not in PREPOSITIONS:
        return None
    if rel.lower not in _RELATIVE_AFTER_PREPOSITION:
        return None
    nxt = toks[start + 2]
    if rel.lower not in _GENITIVE_RELATIVES and (is_head(nxt) or is_adjective(nxt)):
        return None  # (*…, mit den entsprechenden Fachleuten …*: an article, not a relative)
    if any(t.text == "," or t.q >= 0 for t in toks[start:cue_i]):
        return None
    if any(t.lower in PASSIVE_AUX for t in toks[cue_i + 1 : cue_i + 3]):
        return None  # (*…, in der der König ersucht wird, …*: the subject is the addressee)
    k = start + 2
    if rel.lower in _GENITIVE_RELATIVES:
        owned = np_forward(toks, k, end=cue_i)
        if owned is None:
            return None
        k = owned[1]  # (*in dessen Folge*: the noun of the genitive relative)
    while k < cue_i and toks[k].lower in LEADING_PARTICLES:
        k += 1
    if k >= cue_i:
        return None
    if toks[k].lower in NOMINATIVE_PRONOUNS:
        return (k, k + 1)
    if toks[k].lower in OBJECT_DETERMINERS:
        return None
    sp = np_forward(toks, k, end=cue_i)
    if sp is None or not speaker_like(toks, *sp) or is_abstract_np(toks, *sp):
        return None
    return sp
