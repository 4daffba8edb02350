"""The subject of a second reporting verb coordinated after a first verb's complement.

*Der Minister sagte, die Lage sei ernst, und fügte hinzu, man werde handeln.* The second
conjunct (*und fügte hinzu*) has no subject of its own; its subject is the first conjunct's.
But the clause right before *und* is the first verb's complement (*die Lage sei ernst*), not
the first conjunct: its noun phrase (*die Lage*) never speaks. The first conjunct is the
main clause before that complement (*Der Minister sagte*), so its subject is the speaker.

Why a module of its own: :func:`.speakers.speaker_of_cue` reads the clause before the
conjunction as the first conjunct (:func:`.coordination.ellipsis_conjunction`), which is right
for *Er lobte den Plan und sagte, …* and wrong after a complement.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.konjunktiv import is_konjunktiv
from medialens.nlp.attribution.phrases import RELATIVES, SUBORDINATORS
from medialens.nlp.attribution.subjects import v2_subject
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: words that open a complement clause of a reporting verb
_COMPLEMENT_OPENERS = wordset("dass daß ob")


def _complement(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is ``toks[a:b]`` a complement clause (*dass/ob …*, or a verb-second clause with a
    Konjunktiv verb)? It must open outside quotation marks; a partial quotation inside it
    (*sagte, der Plan sei „ein Fehler“ und kündigte an*) is allowed, but the Konjunktiv must
    stand outside quotation marks (a quoted verb may be the speaker's indicative)."""
    seg = [t for t in toks[a:b] if t.q < 0]
    if not seg or toks[a].q >= 0:
        return False
    if seg[0].lower in _COMPLEMENT_OPENERS:
        return True
    if seg[0].lower in SUBORDINATORS:
        return False
    if seg[0].lower in RELATIVES and not (len(seg) > 1 and seg[1].text[:1].isupper()):
        return False  # *…, die er sei …*: a relative clause; *…, die Lage sei …*: an article
    return any(is_konjunktiv(t.text, t.lemma) for t in seg[1:])


def _boundary(t: Tok) -> bool:
    """A clause boundary outside quotation marks (a comma inside a partial quotation is the
    quoted speaker's, not the sentence's)."""
    return t.q < 0 and t.text in (",", ":", ";")


def complement_conjunct_subject(toks: Sequence[Tok], conj: int) -> tuple[int, int] | None:
    """The subject of the main clause before the complement that the conjunction ``conj``
    (*und*, *sowie*) follows, else None.

    The complement opens right after a comma and runs up to ``conj`` (a comma before the
    conjunction is allowed); the main clause before that comma starts the unit or follows a
    unit and does not open with a subordinator.
    Limits: one complement clause only (*sagte, A, B und fügte hinzu*: nothing).
    """
    b = conj - 1 if conj > 0 and toks[conj - 1].text == "," else conj
    c = next((k for k in range(b - 1, 0, -1) if _boundary(toks[k])), None)
    if c is None or toks[c].text != ",":
        return None
    if not _complement(toks, c + 1, b):
        return None
    s = next((k + 1 for k in range(c - 1, -1, -1) if _boundary(toks[k])), 0)
    if s > 0 or c - s < 2:
        return None
    if toks[s].lower in SUBORDINATORS:
        return None
    return v2_subject(toks, c, start=s)
