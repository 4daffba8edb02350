"""The document a sentence without a named speaker stands in: *In dem Schreiben forderte man
…*, *In ersten Berichten wurde als Ursache … vermutet*.

Why a module of its own: a sentence that opens with *in/im* + a document (*Bericht,
Schreiben, Erklärung*) and reports its content with the impersonal *man* or an agentless
passive names no other source than that document; the gold standard marks the document as
the speaker (as for *In dem Brief heißt es*). The verb-cue path already does this for an
agentless passive with a complement clause; reported speech (*… forderte man den Abzug …*)
and *man* were left without a speaker. Cheap: one noun-phrase look-up at the sentence start.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clauses import PASSIVE_AUX
from medialens.nlp.attribution.phrases import np_forward
from medialens.nlp.attribution.reference import source_headed
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: prepositions of the document a statement stands in
_IN = wordset("in im")
#: auxiliaries of the passive


def opening_document(toks: Sequence[Tok]) -> tuple[int, int] | None:
    """The document noun phrase of a sentence that opens with *in/im* + a document and has
    no other subject than *man* or an agentless passive; None otherwise."""
    if len(toks) < 5 or toks[0].lower not in _IN:
        return None
    rng = np_forward(toks, 1)
    if rng is None or not source_headed(toks, *rng):
        return None
    rest = [t.lower for t in toks[rng[1] :] if t.q < 0]
    if "," in rest[:6]:
        rest = rest[: rest.index(",")]  # (the verb of the first field's own clause)
    if "man" not in rest[:6] and not any(w in PASSIVE_AUX for w in rest[:6]):
        return None  # (*In dem Bericht nennt die Ministerin …*: the subject speaks)
    if any(w in ("von", "vom", "durch", "seitens") for w in rest):
        return None  # a passive with its agent names the speaker
    return rng
