"""The *zu*-infinitive complement of a reporting verb that the comma rules miss.

Why: since the 1996 spelling reform the comma before an infinitive group is optional
(*Die Bäckerei hat angekündigt ihre Filiale zu schließen*), and an infinitive group may have a
phrase moved after its verb (*kündigte an, aufzuhören nach der Saison*). The clause rules of
:mod:`.verbquote` look for a comma and a complement that ends in the infinitive, so both are
left to the reported-speech fallback, which takes the whole sentence. Here the verbal
bracket of the frame is closed (a participle after an auxiliary, or a separable particle),
and the words after it up to the next clause mark contain a *zu*-infinitive: that group is
what was said (a promise, an announcement, a demand).

Limits: the frame must end in a participle or particle (*kündigte an …*, *hat angekündigt
…*); a simple verb-second cue (*forderte die Regierung auf, …*) keeps the comma rule.
Purpose clauses (*um/ohne/statt … zu*) and a *zu* before a noun (*zu Beginn*) are no
complement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.phrases import AUXILIARIES, PREPOSITIONS, SUBORDINATORS
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: a joined *zu*-infinitive (*niederzulegen*, *anzuheben*, *zurückzutreten*)
_JOINED_ZU = re.compile(r"[a-zäöü]+zu[a-zäöü]{2,}en")
#: conjunctions that make a *zu*-infinitive adverbial, not a complement
_PURPOSE = wordset("um ohne statt anstatt außer")
#: tokens that end the infinitive group
_GROUP_END = frozenset([",", ".", ";", ":", "!", "?", "(", "–", "—"])
#: modal and auxiliary infinitives after *zu* (*verhandeln zu wollen*, *gesehen zu haben*)
_INFINITIVE_AUX = wordset("wollen können müssen dürfen sollen werden haben sein lassen")


def _participle(word: str) -> bool:
    """A past participle (*angekündigt*, *zugesagt*, *verlangt*, *kritisiert*)?"""
    w = word.lower()
    return w.endswith("iert") or (
        ("ge" in w[:7] or w.startswith(("be", "ver", "er", "ent", "zer", "emp")))
        and w.endswith(("t", "en"))
    )


def _bracket_closed(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Does the cue close its verbal bracket: a separable particle after the verb (*bietet …
    an*) or a participle after an auxiliary of its clause (*hat … angekündigt*)?"""
    ci, last = hit.tokens[0], max(hit.tokens)
    if last > ci:
        return True
    if not _participle(toks[ci].text):
        return False
    for k in range(ci - 1, -1, -1):
        t = toks[k]
        if t.q >= 0 or t.text in _GROUP_END:
            return False
        if t.lower in AUXILIARIES:
            return True
    return False


def _infinitive_at(toks: Sequence[Tok], k: int) -> bool:
    """Is token ``k`` the verb of a *zu*-infinitive (*zu erhöhen*, *niederzulegen*)?"""
    t = toks[k]
    if t.q >= 0 or not t.text[:1].islower() or not t.lower.endswith(("en", "ern", "eln")):
        return False
    if k > 0 and toks[k - 1].lower == "zu":
        return True
    return _JOINED_ZU.fullmatch(t.text) is not None


def trailing_infinitive(toks: Sequence[Tok], hit: CueHit) -> tuple[int, int] | None:
    """``[a, b)`` of a *zu*-infinitive group right after the closed frame of ``hit``
    (*hat angekündigt ihre Filiale zu schließen*; *kündigte an, aufzuhören nach der
    Saison*), or None. Only for entries whose message may be an infinitive."""
    if "infinitive" not in hit.message or hit.noun:
        return None
    n = len(toks)
    a = max(hit.tokens) + 1
    if a < n and toks[a].text == "," and toks[a].q < 0:
        a += 1
    b = a
    zu = -1  # (cheap test first: most groups have no *zu* at all)
    while b < n:
        t = toks[b]
        if t.q < 0 and t.text in _GROUP_END:
            break
        if "zu" in t.lower:
            zu = b
        b += 1
    if zu < 0 or b - a < 2 or toks[a].lower in _PURPOSE or toks[a].lower in SUBORDINATORS:
        return None  # (*um … zu*: a purpose; *…, nachdem er nicht zu sehen war*: a clause)
    if any(t.q >= 0 for t in toks[a:b]) or not _bracket_closed(toks, hit):
        return None
    for k in range(b - 1, a - 1, -1):
        if _infinitive_at(toks, k) or (
            toks[k].lower in _INFINITIVE_AUX and k - 1 > a and _infinitive_at(toks, k - 1)
        ):
            if k == b - 1 and toks[a - 1].text == ",":
                return None  # a comma and the infinitive at the end: the comma rule's case
            if k + 1 < b and not (toks[k + 1].lower == "als" or toks[k + 1].lower in PREPOSITIONS):
                return None  # (only a phrase may follow the infinitive, no finite verb)
            return a, b
    return None
