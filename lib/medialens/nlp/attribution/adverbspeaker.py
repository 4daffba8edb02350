"""An adverb in the first field is no speaker: *Andererseits warnte der Verband, …*.

Why: the subject rules take the first field before a finite cue as its subject when the word
looks like a name, and the noun lexicon does not know most sentence adverbs, so an unknown
capitalised word such as *Andererseits*, *Seinerseits*, *Nebenbei* or *Erstmals* passes for a
name. German forms these adverbs with a few suffixes (*-seits, -weise, -mals, -falls, -dings,
-maßen, -wärts*), with a preposition as second part (*nebenbei*) and with adverbial genitives of time (*tags, abends,
morgens*); none of them is a noun phrase, so the subject stands after the finite verb (verb
second: adverb, verb, subject).

What is done: a speaker that is one such word right before its finite verb cue is replaced by
the subject after the verb (:func:`.subjects.subject_after_verb`), or dropped when none can
speak. The pronominal adverbs of sources (*Demnach, Danach*) are cues of their own and are
never touched: the rule only looks at a speaker that stands apart from its cue.

Limits: a closed set of suffixes and words; a sentence adverb without them is left alone (the
predicative adjectives of *Offen ist die Frage, …* are caught earlier, by
:data:`.npclass.PREDICATIVE_OPENERS`).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.phrases import ADVERBS, AUXILIARIES
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.subjects import subject_after_verb
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote, Speaker

#: suffixes that make adverbs (*andererseits, möglicherweise, erstmals, ebenfalls,
#: allerdings, gewissermaßen, rückwärts*)
_ADVERB_SUFFIXES: tuple[str, ...] = ("seits", "weise", "mals", "falls", "dings", "maßen", "wärts")
#: adverbs with a preposition as second part and adverbial genitives of time
_ADVERB_WORDS: frozenset[str] = wordset(
    """
    nebenbei nebenher vorneweg hinterher obendrein tags abends morgens mittags nachts
    vormittags nachmittags anfangs eingangs seinerzeit
    """
)
#: shortest word taken as a suffix adverb (*Weise*, *Mals* alone are nouns or names)
_MIN_LENGTH = 7


def adverb_word(word: str) -> bool:
    """Is ``word`` (capitalised at the start of a clause) an adverb by its form?"""
    low = word.lower()
    if low in _ADVERB_WORDS:
        return True
    return len(low) >= _MIN_LENGTH and low.isalpha() and low.endswith(_ADVERB_SUFFIXES)


#: determiners that open a subject noun phrase after the verb (nominative or ambiguous)
_SUBJECT_DETERMINERS = wordset("der die ein eine mehrere viele einige zahlreiche beide alle")


def _nominal(toks: Sequence[Tok], a: int, b: int) -> bool:
    """A noun phrase with a subject determiner and a capitalised head (*die Zeitungen*): after
    the finite verb of a speech act it is the subject even where the head lexicon does not
    list the noun as a source."""
    return b - a >= 2 and toks[a].lower in _SUBJECT_DETERMINERS and toks[b - 1].text[:1].isupper()


def _finite_after(toks: Sequence[Tok], sp_start: int, cue_start: int) -> int | None:
    """The finite verb right after the adverb starting at ``sp_start`` (at most one lower-case
    adverb between them: *Tags darauf erklärte X*): the cue itself or an auxiliary of it
    (*Andererseits haben die Medien … gesagt*); None otherwise."""
    k = next((k for k, t in enumerate(toks) if t.start == sp_start), None)
    if k is None:
        return None
    k += 1
    if k < len(toks) and toks[k].lower in ADVERBS and toks[k].text[:1].islower():
        k += 1
    if k >= len(toks) or toks[k].q >= 0:
        return None
    if toks[k].start == cue_start or toks[k].lower in AUXILIARIES:
        return k
    return None


def adverb_speakers(
    quotes: Sequence[Quote],
    starts: Sequence[int],
    unit_toks: Callable[[int], Sequence[Tok]],
) -> list[Quote]:
    """``quotes`` with a first-field adverb speaker replaced by the subject after the verb
    cue, or dropped (see the module docstring)."""
    out: list[Quote] = []
    for q in quotes:
        sp, cue = q.speaker, q.cue
        if (
            sp is None
            or cue is None
            or " " in sp.text
            or sp.end > cue.start
            or sp.resolved is not None
            or not adverb_word(sp.text)
        ):
            out.append(q)
            continue
        u = bisect.bisect_right(starts, sp.start) - 1
        toks = unit_toks(u)
        verb = _finite_after(toks, sp.start, cue.start)
        if verb is None:
            out.append(q)  # (only an adverb right before the finite verb)
            continue
        subj = subject_after_verb(toks, verb + 1, len(toks))
        if subj is None or not (speaker_like(toks, *subj) or _nominal(toks, *subj)):
            out.append(q._replace(speaker=None))
            continue
        a, b = subj
        text = " ".join(t.text for t in toks[a:b])
        out.append(q._replace(speaker=Speaker(toks[a].start, toks[b - 1].end, text)))
    return out
