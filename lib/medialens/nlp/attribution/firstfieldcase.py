"""A first field that cannot be the subject: *Der Zeitung sagte die Ministerin, …*.

Why: the subject rules take a noun phrase before a finite cue as its subject, but German
fronts datives and accusatives freely (verb second), and the determiner or the agreement of
the verb often shows that the fronted phrase is not nominative:

- *Der* before a noun that is only feminine and singular is dative or genitive (*Der Zeitung
  sagte …*);
- *Einer* before a noun is dative or genitive (*Einer Agentur sagte …*);
- a plural noun phrase (*Die Kritiker*: *die* before a noun that is not feminine) before a singular finite verb (*beschrieb*, *nannte*,
  *sagte*: finite plurals end in *-n*) is no subject of that verb.

What is done: such a speaker that opens its unit and stands right before the finite verb
cue (or its auxiliary; a relative clause between commas may follow the phrase) is replaced by
the subject after the verb (:func:`.subjects.subject_after_verb`) when that one can speak.

Limits: the gender and number come from the noun lexicon (:mod:`.morphology`) and only for
the first capitalised word of the phrase; a verb whose singular ends in *-n* (*kann*) is
taken as plural, so the rule stays silent; nothing is done when no speaker follows the verb.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.morphology import FEM, analyse
from medialens.nlp.attribution.phrases import AUXILIARIES, RELATIVES
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.subjects import subject_after_verb
from medialens.nlp.attribution.units import Tok
from medialens.nlp.types import Quote, Speaker

#: longest relative clause skipped between the fronted phrase and its verb (tokens)
_MAX_RELATIVE = 25
#: postpositions that follow a dative source as its cue (*Der Zeitung zufolge*): no verb
_POSTPOSITIONS = frozenset(["zufolge", "nach", "gemäß", "entsprechend", "gegenüber", "halber"])
#: determiners of a plural or feminine phrase that agree with a plural verb
_PLURAL_DETERMINERS = frozenset(["die", "diese"])


def _head(toks: Sequence[Tok], a: int, b: int) -> Tok | None:
    """The first capitalised word after the determiner (adjectives are lower-case)."""
    return next((t for t in toks[a + 1 : b] if t.text[:1].isupper() and t.q < 0), None)


def not_nominative(toks: Sequence[Tok], a: int, b: int, verb: Tok) -> bool:
    """Does the fronted phrase ``toks[a:b]`` (determiner first) show by its determiner, noun or
    the finite ``verb`` that it is not the subject? See the module docstring."""
    if b - a < 2:
        return False
    det = toks[a].lower
    head = _head(toks, a, b)
    if head is None or (head.i != toks[a + 1].i and det == "einer"):
        return False  # (*Einer der Männer* is nominative; only *Einer Zeitung*)
    if det == "einer":
        return True
    info = analyse(head.text)
    if info is None or info.name:
        return False
    if det == "der":
        return info.genders == FEM and info.singular and not info.plural
    if det in _PLURAL_DETERMINERS:
        singular_verb = verb.text.isalpha() and verb.text.islower() and not verb.lower.endswith("n")
        # *die* before a noun that is not feminine is plural (*die Kritiker*, *die Mönche*)
        plural = info.plural and (not info.singular or not info.genders & FEM)
        return plural and singular_verb
    return False


def _index(toks: Sequence[Tok], pos: int, *, end: bool = False) -> int | None:
    return next((k for k, t in enumerate(toks) if (t.end if end else t.start) == pos), None)


def _verb_after(toks: Sequence[Tok], b: int, cue_start: int) -> int | None:
    """The finite verb right after the phrase ending before ``b`` (or after a relative clause
    between commas): the cue or an auxiliary; None otherwise."""
    k = b
    if (
        k < len(toks)
        and toks[k].text == ","
        and k + 1 < len(toks)
        and toks[k + 1].lower in RELATIVES
    ):
        k = next(
            (j for j in range(k + 2, min(len(toks), k + _MAX_RELATIVE)) if toks[j].text == ","),
            None,
        )
        if k is None:
            return None
        k += 1
    if k >= len(toks) or toks[k].q >= 0 or toks[k].lower in _POSTPOSITIONS:
        return None
    if toks[k].start == cue_start or toks[k].lower in AUXILIARIES:
        return k
    return None


def fronted_object_speakers(
    quotes: Sequence[Quote],
    starts: Sequence[int],
    unit_toks: Callable[[int], Sequence[Tok]],
) -> list[Quote]:
    """``quotes`` with a fronted non-nominative speaker replaced by the subject after the verb
    (see the module docstring)."""
    out: list[Quote] = []
    for q in quotes:
        sp, cue = q.speaker, q.cue
        if sp is None or cue is None or sp.end > cue.start or sp.resolved is not None:
            out.append(q)
            continue
        u = bisect.bisect_right(starts, sp.start) - 1
        toks = unit_toks(u)
        a = _index(toks, sp.start)
        last = _index(toks, sp.end, end=True)
        if a != 0 or last is None or any(t.q >= 0 for t in toks[: last + 1]):
            out.append(q)
            continue
        verb = _verb_after(toks, last + 1, cue.start)
        if verb is None or not not_nominative(toks, a, last + 1, toks[verb]):
            out.append(q)
            continue
        subj = subject_after_verb(toks, verb + 1, len(toks))
        if subj is None or not speaker_like(toks, *subj):
            out.append(q)
            continue
        s, e = subj
        text = " ".join(t.text for t in toks[s:e])
        out.append(q._replace(speaker=Speaker(toks[s].start, toks[e - 1].end, text)))
    return out
