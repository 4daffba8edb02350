"""*es* as the speaker of an active reporting verb: *Das Komitee tagte am Freitag. Es teilte
mit, …*, *Damit bestätigte es, dass …*.

Why a module of its own: the subject search (:func:`.speakers.speaker_of_cue`) skips *es*,
since most *es* before or after a reporting verb are expletive (*es heißt*, *es wird
berichtet*, *es zeigte sich, dass*, *es gibt Hinweise, dass*); a cue whose clause has no
other subject then had no speaker. As the subject of an active reporting verb that is not
reflexive, *es* is the personal pronoun of a neuter noun (*das Komitee, das Ministerium,
das Unternehmen, das Institut*): a pronoun speaker like *er* or *sie*, kept as its span (the
gold convention) and resolved to a neuter antecedent by :mod:`.reference`.

Limits: only when no other subject was found; *es* after the verb only after a first field
of adverbs (after a noun phrase it is the object that stands for the clause: *X hält es für
möglich, dass …*); not for *heißen* (its *es* is expletive), a
passive (*Es wird erwartet, dass …*), a reflexive frame (*Es stellte sich heraus, dass …*,
*es zeigt sich*) or a modal or causative of an impersonal frame (*Es lässt sich sagen*).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.phrases import ADVERBS
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: cue lemmas whose *es* is expletive
_IMPERSONAL_LEMMAS = wordset("heißen geben gelten lassen scheinen ergeben")

#: words after the verb that make its *es* expletive or the frame impersonal
_IMPERSONAL_AFTER = wordset("sich")

#: clause boundaries
_BOUNDARIES = frozenset([",", ".", ":", ";", "!", "?", "–", "(", ")"])


def es_subject(toks: Sequence[Tok], ci: int, last: int, lemma: str) -> tuple[int, int] | None:
    """The token range of a referring *es* right before the finite cue at ``ci`` (at the
    start of its clause: *Es teilte mit, …*) or right after it (*Damit bestätigte es*); None
    otherwise. ``last``: the cue's last token (a separable particle)."""
    if lemma in _IMPERSONAL_LEMMAS:
        return None
    n = len(toks)
    k = None
    if ci >= 1 and toks[ci - 1].lower == "es" and toks[ci - 1].q < 0:
        if ci == 1 or toks[ci - 2].text in _BOUNDARIES:
            k = ci - 1
    elif ci + 1 < n and toks[ci + 1].lower == "es" and toks[ci + 1].q < 0:
        # (only after a first field of adverbs: after a noun phrase, *es* is the object
        # standing for the clause, *Die Firma hält es für denkbar, dass …*, *X lehnte es ab, dass …*)
        first = ci - 1
        while first >= 0 and toks[first].text not in _BOUNDARIES:
            if toks[first].lower not in ADVERBS:
                return None
            first -= 1
        if first == ci - 1:
            return None
        k = ci + 1
    if k is None:
        return None
    # (a reflexive frame in the rest of the clause: *es zeigte sich*, *Damit erklärt es sich,
    # daß …*, *stellte es sich heraus*)
    j = max(ci, k) + 1
    while j < n and toks[j].text not in _BOUNDARIES:
        if toks[j].lower in _IMPERSONAL_AFTER:
            return None
        j += 1
    return (k, k + 1)
