"""*A machen B verantwortlich, die Agentur X dagegen spricht von …*: after a comma, an article
+ noun phrase (+ a contrast adverb) + finite cue verb with words after it opens a main clause,
and the noun phrase is the subject.

Why a module of its own: after a comma *der/die/das* is read as a relative pronoun, and a
relative clause has its verb at the end, so the subject finder gave no speaker for the cue.
A finite verb that follows the noun phrase and is followed by its objects is the verb-second
order of a main clause set beside the previous one without a conjunction.

What is done, after all quotations are found: a quotation with a cue but no speaker, whose
cue verb is preceded in its unit by comma, article, noun phrase with a capitalised head and
optional adverbs of :data:`CONTRAST_ADVERBS`, and followed by another word, gets that noun
phrase as its speaker.

Limits: only a noun phrase opened by an article (a bare name after a comma is as often an
apposition); only the first cue token is looked at.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.phrases import is_head, np_forward
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote, Speaker

#: articles that open the subject of the second main clause
ARTICLES: frozenset[str] = wordset("der die das")
#: adverbs between the subject and the verb of a contrasting main clause
CONTRAST_ADVERBS: frozenset[str] = wordset("dagegen hingegen wiederum indes indessen jedoch aber")


def asyndetic_subject(toks: Sequence[Tok], ci: int) -> tuple[int, int] | None:
    """The subject of a main clause after a comma whose finite cue verb is ``toks[ci]`` (see
    the module docstring), or None."""
    if ci + 1 >= len(toks) or not toks[ci + 1].text[:1].isalnum():
        return None  # a verb at the clause end is a relative clause's
    k = ci
    while (
        k > 0
        and toks[k - 1].q < 0
        and (toks[k - 1].lower in CONTRAST_ADVERBS or not toks[k - 1].text.strip())
    ):
        k -= 1  # (a doubled space is a token of its own)
    c = k - 1
    while c >= 0 and toks[c].text != ",":
        c -= 1
    if c < 0 or toks[c].q >= 0 or c + 1 >= k or toks[c + 1].lower not in ARTICLES:
        return None
    np = np_forward(toks, c + 1, end=k)
    if np is None or np[1] != k or (not is_head(toks[k - 1]) and toks[k - 1].q < 0):
        return None
    return np


def asyndetic_speakers(
    quotes: Sequence[Quote], starts: Sequence[int], unit_toks: Callable[[int], Sequence[Tok]]
) -> list[Quote]:
    """``quotes`` with a speakerless quotation whose cue opens a comma-joined main clause given
    that clause's subject (see the module docstring)."""
    out: list[Quote] = []
    for q in quotes:
        if q.speaker is not None or q.cue is None:
            out.append(q)
            continue
        u = bisect.bisect_right(starts, q.cue.start) - 1
        toks = unit_toks(u) if u >= 0 else []
        ci = next((t.i for t in toks if t.start == q.cue.start), None)
        rng = asyndetic_subject(toks, ci) if ci is not None else None
        if rng is None:
            out.append(q)
            continue
        a, b = rng
        text = " ".join(t.text for t in toks[a:b])
        out.append(q._replace(speaker=Speaker(toks[a].start, toks[b - 1].end, text)))
    return out
