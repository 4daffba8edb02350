"""Abstract nouns that name a document or finding (*Schätzung, Untersuchung, Erklärung,
Mitteilung, Hochrechnung*) and so can be the subject of a reporting verb.

Why a module of its own: the speaker rules read an abstract first field as a fronted object
when a noun phrase follows the finite verb (*Die Haltung der Regierung kritisierte X*, see
:func:`.speakers.speaker_of_cue`). A first field headed by a source noun is the subject
instead (*Eine aktuelle Schätzung beziffert die Schulden auf …*: the estimate gives the
figure, not the debts); the source nouns are those of *nach Angaben/Schätzungen X*
(:func:`.cuefind.is_source_noun`).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.cuefind import is_source_noun
from medialens.nlp.attribution.phrases import is_head
from medialens.nlp.attribution.units import Tok


def document_head(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is the head of ``toks[a:b]`` (its first capitalised content word) a source noun?"""
    head = next((t for t in toks[a:b] if is_head(t)), None)
    return head is not None and is_source_noun(head.lower)
