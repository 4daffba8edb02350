"""Source frames the cue finder does not see: trailing and inserted reporting frames (*…, so
betont die Firma, …*, *…, das teilte X mit.*) and an opening *Danach* after a document.

Why a module of its own: :mod:`.extract` finds the verb cue of such a frame (*betont*,
*teilte … mit*) but reads it as an ordinary clause whose complement follows the verb. In
German news the frame often comes *after* (or inside) what was said, and then it is one of
two fixed forms:

* **inserted or final *so* + verb + subject** — *Die Einnahmen sind, so betont die Firma,
  deutlich gestiegen*; *Der Flug sei zu gefährlich, so bestätigt das Gericht.* The *so*
  frame without a verb (*…, so der Minister*) is already a source phrase
  (:func:`.sourcecues.find_source_phrases`); with a reporting verb it is the same frame.
* **resumptive *das/dies* + verb + subject** after a main clause — *Die Brücke bleibt
  gesperrt, das teilte die Stadt mit.* The demonstrative takes up the clause before the
  comma as the verb's object, so that clause is what was said (the frame in its own
  sentence, *Dies teilte die Stadt mit.*, is rule (d) of :mod:`.extract`).

Both are turned into a *source* hit (a :class:`.cuefind.CueHit` with ``source=True``) whose
speaker is the subject after the verb, so the source-phrase step builds the quotation: the
unit minus the frame, in two spans when the frame interrupts it. The hit keeps the verb's
lemma and stance category; a *so* frame's tokens start with *so* (as the source phrase
*so X* does), a resumptive frame's with the verb.

Limits: the subject must directly follow the verb (adverbs and a trailing prepositional
phrase may follow it: *so betont die Firma in einer Mitteilung*), then the verb's particle,
then a comma, dash or the sentence end — *…, so wurde der Hafen geschlossen* (a consequence,
not a frame) is no hit because the verb is no reporting verb, and *…, so dass …* has no verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.phrases import ADVERBS, np_forward
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.senses import DOCUMENT_HEADS
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import ARTICLES, wordset

#: the words that open a trailing or inserted frame before its verb
FRAME_OPENERS: frozenset[str] = wordset("so das dies dieses")
#: demonstratives that take up the clause before the comma (*…, das teilte X mit*)
_RESUMPTIVES = wordset("das dies dieses")
_BEFORE_FRAME = frozenset([",", "–", "—"])
#: what may stand before a resumptive *das/dies*: a comma, or a dash (*A – das meint X.*;
#: a spaced hyphen is a dash too)
_BEFORE_RESUMPTIVE = frozenset([",", "–", "—", "-"])
#: focus and hedge adverbs between the opener and its verb (*…, das zumindest meint X*,
#: *…, so jedenfalls berichtet X, …*): they qualify the frame, they do not open a clause
FRAME_ADVERBS: frozenset[str] = wordset("zumindest jedenfalls immerhin wenigstens ebenfalls")
_CLOSING_MARKS = frozenset(["“", "”", "«", "»", '"', "‘", "’", "'"])
_AFTER_FRAME = frozenset([",", ".", ";", "!", "?", ")", ":", "–", "—"])
#: a resumptive frame needs this many tokens before its comma (a clause, not a name)
_MIN_CONTENT = 3


def frame_source(toks: Sequence[Tok], hit: CueHit) -> CueHit | None:
    """The verb cue ``hit`` read as a trailing or inserted frame (*…, so betont X, …*;
    *…, das teilte X mit.*), as a source hit with the subject after the verb as speaker; or
    None when the verb does not stand in such a frame."""
    if hit.source or hit.noun or hit.frame:
        return None
    found = _frame(toks, hit)
    if found is None:
        return None
    sp, _end = found
    v = hit.tokens[0]
    o = opener_index(toks, v)
    tokens = (o, *hit.tokens) if o is not None and toks[o].text == "so" else hit.tokens
    return hit._replace(tokens=tokens, source=True, speaker=sp, frame=True)


def opener_index(toks: Sequence[Tok], v: int) -> int | None:
    """Index of the frame opener (*so/das/dies*, lower case, unquoted) of the verb at ``v``:
    right before it, or before one focus adverb (*das zumindest meint X*); else None."""
    o = v - 1
    if o >= 1 and toks[o].q < 0 and toks[o].lower in FRAME_ADVERBS:
        o -= 1
    if o < 1 or toks[o].q >= 0 or toks[o].text not in FRAME_OPENERS:
        return None
    return o


def frame_bounds(toks: Sequence[Tok], hit: CueHit) -> tuple[int, int]:
    """``(first, end)`` of a frame hit: the index of *so/das/dies* and the index of the
    token after the frame (a comma, dash, final punctuation or the unit end)."""
    v = hit.tokens[0] if toks[hit.tokens[0]].text != "so" else hit.tokens[1]
    found = _frame(toks, hit._replace(tokens=tuple(k for k in hit.tokens if k >= v)))
    end = found[1] if found is not None else max(hit.tokens) + 1
    o = opener_index(toks, v)
    return (o if o is not None else v - 1), end


def _frame(toks: Sequence[Tok], hit: CueHit) -> tuple[tuple[int, int], int] | None:
    """The subject range and the end index of the frame around the verb ``hit.tokens[0]``."""
    v = hit.tokens[0]
    if v < 2 or toks[v].q >= 0:
        return None
    o = opener_index(toks, v)  # lower-case only (not *Das …*)
    if o is None:
        return None
    opener = toks[o]
    before = toks[o - 1]
    if opener.text == "so":
        if not (
            (before.q < 0 and before.text in _BEFORE_FRAME)
            or (before.q >= 0 and before.text in _CLOSING_MARKS)
        ):
            return None
    elif before.q >= 0 or before.text not in _BEFORE_RESUMPTIVE or o - 1 < _MIN_CONTENT:
        return None
    n = len(toks)
    sp = np_forward(toks, v + 1)
    if sp is None or not speaker_like(toks, *sp):
        return None  # *…, so lautet der Titel der Studie*: a thing is no source
    after = sp[1]
    if after < n and toks[after].text == "(":  # *das Institut (STSI)*: an abbreviation
        close = next((m for m in range(after + 1, min(n, after + 6)) if toks[m].text == ")"), None)
        after = close + 1 if close is not None else after
    while after < n and toks[after].q < 0 and toks[after].lower in ADVERBS:
        after += 1  # *so X weiter*
    after = _skip_pps(toks, after, n)  # *so X in einer Mitteilung*, *X am Montag mit*
    for p in sorted(k for k in hit.tokens[1:] if k > v):
        if p != after:
            return None  # the particle must close the frame (*das teilte X mit*)
        after += 1
    if after < n and not (toks[after].q < 0 and toks[after].text in _AFTER_FRAME):
        return None
    if opener.text in _RESUMPTIVES and after < n and toks[after].text not in (".", "!", "?"):
        return None  # *…, das sagte X, …*: only at the end of the sentence
    return sp, after


#: prepositions of a time, place or medium after the frame's subject, and of an attribute
#: of it (*so X vom Verband für Y*, whose noun phrase ends before the preposition)
_FRAME_PREPS = wordset(
    "am an im in auf bei beim gegenüber vor nach aus mit zum zur laut von vom für"
)


def _skip_pps(toks: Sequence[Tok], k: int, n: int) -> int:
    """Index after prepositional phrases at ``k`` (*am Montag*, *in einer Mitteilung*,
    *gegenüber der Zeitung »X«*), at most ten tokens."""
    j = k
    while j < n and j - k < 10 and toks[j].q < 0 and toks[j].lower in _FRAME_PREPS:
        m = j + 1
        while (
            m < n
            and m - k < 10
            and (
                toks[m].q >= 0
                or toks[m].lower in ADVERBS
                or toks[m].text[:1].isupper()
                or toks[m].text[:1].isdigit()
                or toks[m].lower in ARTICLES
                or (
                    toks[m].lower.endswith(("en", "er", "em", "es", "e"))
                    and m + 1 < n
                    and toks[m + 1].text[:1].isupper()
                )
            )
        ):
            m += 1
        if m == j + 1:
            return j
        j = m
    return j


def is_frame_source(hit: CueHit) -> bool:
    """Is ``hit`` a source hit made by :func:`frame_source`? Then, like *…, so X*, what was
    said is the rest of the unit before (and after) the frame."""
    return hit.frame


#: nouns of a text or statement whose content a following sentence may render (*Die Studie
#: wurde heute vorgestellt. Danach bestimmen …*): documents, figures, accounts
SOURCE_TEXT_HEADS: frozenset[str] = DOCUMENT_HEADS | wordset(
    "darstellung version angaben gesetz gesetze act quartalszahlen bilanz ergebnis ergebnisse "
    "ankündigung aussage aussagen"
)
#: strong past forms in *-t* (the present tense is otherwise told by its *-t* ending)
_PAST_IN_T = wordset("hielt riet trat galt bot briet lud schalt focht")
#: present-tense finite verbs without the *-t*/*-en* ending
_PRESENT_IRREGULAR = wordset("sind kann muss soll will darf mag weiß")


def _present_tense(tok: Tok) -> bool:
    """Is the finite verb ``tok`` in the present tense? 3rd person singular in *-t* (not the
    weak past *-te*, nor a strong past such as *hielt*), 3rd person plural equal to its
    infinitive (*leiden*; the strong past *fuhren* has another lemma), or an irregular
    present (*sind, kann, muss …*). The strong past (*fuhr, ging, kam*) has no ending."""
    w = tok.lower
    if w in _PRESENT_IRREGULAR:
        return True
    if w.endswith("t"):
        return w not in _PAST_IN_T
    return w.endswith("en") and tok.lemma.lower() == w


_MIN_HEAD = 6


def danach_after_source(toks: Sequence[Tok], prev: Sequence[Tok]) -> CueHit | None:
    """An opening *Danach* with a present-tense verb right after a sentence that names a
    text or statement (*Die Studie wurde heute vorgestellt. Danach leiden …*): the adverb
    points back to that source ("according to it"), not to a time ("after that").

    Why: *Danach* + Konjunktiv I/*soll* is a source already (:mod:`.cuefind`); with the
    indicative it is mostly temporal in narration (*Danach ging er nach Hause*), which is
    told in the past tense and follows an event, not a document. Limits: the present tense
    is told by its endings (see ``_present_tense``); the source must be named in the
    sentence right before, by a document noun or a compound ending in one.
    """
    if len(toks) < 4 or toks[0].text != "Danach" or toks[1].q >= 0 or not prev:
        return None
    if not toks[1].lower.isalpha() or not _present_tense(toks[1]):
        return None
    for t in prev:
        if t.q >= 0 or not t.text[:1].isupper():
            continue
        w = t.lower
        if w in SOURCE_TEXT_HEADS or any(
            len(h) >= _MIN_HEAD and w.endswith(h) for h in SOURCE_TEXT_HEADS
        ):
            return CueHit((0,), "danach", "neutral", True, (0, 1))
    return None
