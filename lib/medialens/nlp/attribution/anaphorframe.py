"""*Der Sänger soll die Tournee abgesagt haben. Das berichten mehrere Zeitungen.*: a frame
after the reported sentence, with *das/dies* for its content, names the source.

Why a module of its own: :func:`.directquote._attach_to_previous_quote` gives a frameless
direct quotation the speaker of a following *Das sagte X*. German news uses the same
anaphoric frame after indirect speech (Konjunktiv or hearsay *soll*): the sentence before is
the content, the subject of the frame its source. Without this step such a sentence keeps the
speaker carried from an earlier quotation (or none), since the frame has no content of its own.

What is decided here: which earlier indirect quotation the frame may name — one without a cue
whose speaker, if any, is not named in its own sentence (carried from before), and a frame
verb that reports rather than denies (*Das bestritt die Polizei* rejects the content).

Limits: only the quotation right before the frame, in the sentence before it; a quotation
whose own sentence names a source (*Laut X …*) keeps it.
"""

from __future__ import annotations

from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.types import Quote

#: cue categories of verbs that reject the content rather than report it
_REJECTING = frozenset(["denying"])


def unnamed_report(q: Quote, sentence_start: int, hit: CueHit) -> bool:
    """May the anaphoric frame ``hit`` (*Das berichten X*) name the source of the indirect
    quotation ``q`` whose sentence starts at character ``sentence_start``? See the module
    docstring."""
    if q.kind != "indirect" or q.cue is not None or hit.category in _REJECTING:
        return False
    return q.speaker is None or q.speaker.end <= sentence_start
