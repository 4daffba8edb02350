"""*„…“ Dieser oft X zugeschriebene Satz …*, *das X zugeschriebene Wort „…“*: the dative
before the participle *zugeschrieben* names the author of a direct quotation.

Why a module of its own: *zuschreiben* ("ascribe") is no speech verb, and its participle as
an attribute of the noun that takes up the quotation (*Satz, Wort, Spruch, Weisheit*) leaves
no subject and no cue, so the quotation stayed without a speaker. The dative noun phrase
inside the attribute is the person the words are ascribed to; the gold standard marks it as
the speaker.

What is done, after all quotations are found: a direct quotation without speaker whose unit,
or the unit right after it, holds a form of *zugeschrieben* with a noun phrase with a
capitalised head right before it (after an article or demonstrative and optional adverbs),
gets that noun phrase as its speaker.

Limits: only the participle form (*schreibt X zu* is left to the cue rules); the noun phrase
must end right before the participle; a quotation further away is not linked.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.phrases import ADVERBS, DETERMINERS, is_head, np_forward
from medialens.nlp.attribution.speakerpass import span_speaker
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote

#: forms of the participle *zugeschrieben*
ASCRIBED_FORMS: frozenset[str] = wordset(
    "zugeschrieben zugeschriebene zugeschriebenen zugeschriebener zugeschriebenes"
)
#: most tokens of the dative phrase
_WINDOW = 10
#: tokens that end the search for the dative
_STOPS: frozenset[str] = frozenset([",", ".", ":", ";", "–", "—", "(", ")"])
#: adverbs between the article and the dative (*dieser oft X zugeschriebene Satz*)
_ADVERBS: frozenset[str] = ADVERBS | wordset(
    "oft häufig gern gerne fälschlich fälschlicherweise meist"
)


def ascribed_source(toks: Sequence[Tok]) -> tuple[int, int] | None:
    """Token range of the dative noun phrase before a *zugeschrieben* participle in the unit
    ``toks``; None when there is none. The dative is the phrase from the nearest article
    before the participle (not the noun's own article before it: *das dem Kanzler …*), or a
    bare name right before the participle."""
    for p, tok in enumerate(toks):
        if tok.q >= 0 or tok.lower not in ASCRIBED_FORMS or p < 2 or not is_head(toks[p - 1]):
            continue
        bare = p - 1
        for k in range(p - 1, max(-1, p - 1 - _WINDOW), -1):
            if toks[k].q >= 0 or toks[k].text in _STOPS:
                break
            if toks[k].lower in DETERMINERS:
                if np_forward(toks, k, end=p) == (k, p):
                    return (k, p)
                break
            if is_head(toks[k]) and bare == k + 1:
                bare = k
        if (
            bare > 0
            and toks[bare - 1].q < 0
            and (toks[bare - 1].lower in DETERMINERS or toks[bare - 1].lower in _ADVERBS)
        ):
            return (bare, p)
    return None


def ascribed_speakers(
    quotes: Sequence[Quote], starts: Sequence[int], unit_toks: Callable[[int], Sequence[Tok]]
) -> list[Quote]:
    """``quotes`` with a speakerless direct quotation given the dative of a *zugeschrieben*
    attribute in its unit or the next (see the module docstring)."""
    out: list[Quote] = []
    for q in quotes:
        if q.speaker is not None or q.kind != "direct":
            out.append(q)
            continue
        u = bisect.bisect_right(starts, q.start) - 1
        found = None
        for v in (u, u + 1):
            if v < 0 or v >= len(starts):
                continue
            toks = unit_toks(v)
            rng = ascribed_source(toks) if toks else None
            if rng is not None:
                found = (toks, rng)
                break
        if found is None:
            out.append(q)
            continue
        toks, rng = found
        out.append(q._replace(speaker=span_speaker(toks, rng)))
    return out
