"""Which cues of a sentence stop it from continuing the current speaker's indirect speech.

Why a module of its own: the continuation step of :mod:`.extract` (step 4) runs only in a
unit without cues; a reporting verb in a *zu*-infinitive that gave no quotation of its own
(*Denn das Land zwinge jeden, jede Arbeit anzunehmen*) is part of what is reported, not a frame
of the reporter's, and should not block the Konjunktiv sentence it stands in.

Limits: only the *zu*-infinitive (*zu sagen*, *anzunehmen*) is recognised as non-finite; a
bare infinitive after a modal (*Er wolle nichts sagen*) still blocks, because it often governs
a clause of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.konjunktiv import reported_konjunktiv
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: first and second person words: a sentence with one is the writer's or a letter's own voice
#: (*Wir erlauben uns, Ihnen … zu geben*), not a report; *jch* is the old spelling of *ich*
FIRST_SECOND_PERSON: frozenset[str] = wordset("ich jch wir mich mir uns unser unsere du dich dir")


def particle_zu_infinitive(word: str, lemma: str) -> bool:
    """Is ``word`` the *zu*-infinitive of the particle verb ``lemma`` (*anzunehmen*,
    *vorzuwerfen*)?"""
    return any(
        word.startswith(lemma[:i] + "zu") and word[i + 2 :] == lemma[i:]
        for i in range(2, min(8, len(lemma) - 1))
    )


def nonfinite_cue(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is the verb cue a *zu*-infinitive (*zu sagen*, *anzunehmen*), which cannot be the finite
    verb of a reporter's frame? Source phrases and noun cues are never non-finite here."""
    if hit.source or hit.noun:
        return False
    i = hit.tokens[0]
    tok = toks[i]
    if tok.q >= 0:
        return False
    if i > 0 and toks[i - 1].lower == "zu" and tok.lower == tok.lemma.lower():
        return True
    return particle_zu_infinitive(tok.lower, tok.lemma.lower())


def framing_cues(toks: Sequence[Tok], cues: Sequence[CueHit]) -> list[CueHit]:
    """The cues that can frame the unit: all but the non-finite verb cues, and those only in
    a sentence with a Konjunktiv I or plural Konjunktiv II (see
    :func:`.konjunktiv.reported_konjunktiv`) and without a first or second person word."""
    if not cues or not any(nonfinite_cue(toks, c) for c in cues):
        return list(cues)
    outside = [t for t in toks if t.q < 0]
    if any(t.lower in FIRST_SECOND_PERSON for t in outside):
        return list(cues)
    if not reported_konjunktiv([(t.text, t.lemma) for t in outside]):
        return list(cues)
    return [c for c in cues if not nonfinite_cue(toks, c)]
