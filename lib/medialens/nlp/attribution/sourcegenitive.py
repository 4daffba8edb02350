"""The extent of a *nach*-source phrase: a genitive attribute without article after its
noun (*nach Angaben libanesischer Behörden*, *nach Meinung Russlands*), and which reading of
*nach* a source noun before it has (:func:`source_noun_follows`).

Why: the source phrase after *nach* took its attribute only when an article or *von* opened
it (*nach Angaben der Polizei*). A plural genitive without article opens with a strong
adjective in *-er*, a name in the Saxon genitive ends in *-s*; without them the attribute
was read as the first words of the reported clause (*Nach Angaben palästinensischer Medien
wurden …* gave the quotation *palästinensischer Medien wurden …* and the speaker *Angaben*).

Limits: only the adjective-plus-noun and the single-name forms; a name of several words in
the genitive (*nach Angaben Wladimir Putins*) is left to the caller.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.cuefind import is_source_noun
from medialens.nlp.attribution.phrases import DETERMINERS, is_adjective, np_backward
from medialens.nlp.attribution.units import Tok


def bare_genitive(toks: Sequence[Tok], k: int) -> bool:
    """Does an article-less genitive attribute start at ``k``: a lower-case strong adjective
    in *-er* before a capitalised noun, or a capitalised name in *-s* before a lower-case
    word or the end of the clause?"""
    n = len(toks)
    tok = toks[k]
    if tok.q >= 0 or k + 1 >= n:
        return False
    nxt = toks[k + 1]
    if tok.text[:1].islower():
        return (
            tok.text.endswith("er") and is_adjective(tok) and nxt.q < 0 and nxt.text[:1].isupper()
        )
    return (
        len(tok.text) > 3
        and tok.text.endswith("s")
        and not tok.text.isupper()
        and (nxt.text[:1].islower() or nxt.text in (",", "."))
    )


def source_noun_follows(toks: Sequence[Tok], i: int) -> bool:
    """Is *nach* at ``i`` the preposition of a source noun after it (*nach Meinung der X*,
    *nach ersten Angaben*)? Then a source-like noun before it (*das Gesetz nach Meinung der
    Opposition*, *der Bericht nach Angaben …*) is no postposed source (*ihrer Meinung nach*)
    but a word of the reported clause."""
    j = i + 1
    n = len(toks)
    while j < n and toks[j].q < 0 and (toks[j].lower in DETERMINERS or is_adjective(toks[j])):
        j += 1
    return j < n and toks[j].q < 0 and toks[j].text[:1].isupper() and is_source_noun(toks[j].lower)


#: articles that are never dative: the object of the postposition *nach* is dative (*dem
#: Gesetz nach*, *der Studie nach*, *ihrer Meinung nach*), so *das Gesetz nach der Wahl* is a
#: noun of the clause before a temporal preposition
_NON_DATIVE = frozenset(["das", "die", "ein", "eine", "dieses", "diese", "kein", "keine"])


def non_dative_article(tok: Tok) -> bool:
    """Is ``tok`` (the first word of the noun phrase before *nach*) an article that is never
    dative, so that the phrase cannot be the object of the postposition *nach*?"""
    return tok.q < 0 and tok.lower in _NON_DATIVE


#: articles of a quoted medium or title before *zufolge* (*dem „Spiegel“ zufolge*)
_QUOTED_NAME_ARTICLES = frozenset(["dem", "der", "den", "einem", "einer"])
#: the longest quoted name taken before *zufolge* (tokens, marks included)
_MAX_QUOTED_NAME = 8


def quoted_name_before(toks: Sequence[Tok], i: int) -> tuple[int, int] | None:
    """*dem „Spiegel“ zufolge*, *der „New York Times“ zufolge*: a short quoted name with its
    dative article right before *zufolge* at ``i`` is the source (the noun-phrase search stops
    at quotation marks). ``(start, i)`` from the article, else None."""
    k = _quoted_name_start(toks, i)
    if k is None:
        return None
    art = toks[k - 1]
    if art.q >= 0 or art.lower not in _QUOTED_NAME_ARTICLES:
        return None
    return (k - 1, i)


def quoted_name_after_noun(toks: Sequence[Tok], i: int) -> tuple[int, int] | None:
    """*ein Bericht der Agentur „Interfax“, wonach …*: a short quoted name right before ``i``
    that stands in apposition to a noun phrase (a capitalised noun right before its opening
    mark) gives ``(start of that noun phrase, i)``; else None. Why: the noun-phrase search
    stops at quotation marks, so the source of *wonach* was lost. Limits: only the quoted
    name and the noun phrase directly before it (no attribute between them)."""
    k = _quoted_name_start(toks, i)
    if k is None:
        return None
    if toks[k - 1].q >= 0 or not toks[k - 1].text[:1].isupper():
        return None
    sp = np_backward(toks, k)
    return (sp[0], i) if sp is not None else None


def _quoted_name_start(toks: Sequence[Tok], i: int) -> int | None:
    """Index of the first token of a short quoted name ending right before ``i`` (at most
    :data:`_MAX_QUOTED_NAME` tokens, marks included, with a capitalised word), else None."""
    if i < 3 or toks[i - 1].q < 0:
        return None
    q = toks[i - 1].q
    k = i - 1
    while k > 0 and toks[k - 1].q == q:
        k -= 1
    if i - k > _MAX_QUOTED_NAME or not any(t.text[:1].isupper() for t in toks[k:i]):
        return None
    return k
