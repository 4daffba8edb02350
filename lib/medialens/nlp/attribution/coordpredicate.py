"""A reporting verb that opens a coordinated predicate right after a comma (*Die UN bestätigten
den Vorfall, teilten aber mit, es sei unklar, wer …*).

Why a module of its own: :func:`.verbquote._verb_quote` took the clause after the first verb's
comma as that verb's complement, which then began with the second verb and its frame; the
second verb's own quotation already covers the content, so the first one was a false, too long
duplicate. A coordinated predicate shares the subject and has none of its own; an inverted
main clause after a fronted clause (*Weil …, glaubt er, …*) has its subject right after the
verb and may be the first verb's content.

Limits: the subject after the verb is told by a pronoun or an article right after it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from medialens.nlp.attribution.konjunktiv import PRONOUN_SUBJECTS
from medialens.nlp.attribution.phrases import DETERMINERS
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: personal pronouns that can stand as the subject right after an inverted finite verb
_SUBJECT_PRONOUNS: frozenset[str] = PRONOUN_SUBJECTS | wordset("ich wir ihr du")


def coordinated_predicate(toks: Sequence[Tok], j: int, others: Collection[int]) -> bool:
    """Does another reporting verb (token indices ``others``) open a coordinated predicate
    right after the comma at ``j`` (no subject of its own after it)?"""
    k = j + 1
    if toks[j].text != "," or toks[j].q >= 0 or k not in others or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return nxt.q < 0 and nxt.lower not in _SUBJECT_PRONOUNS and nxt.lower not in DETERMINERS
