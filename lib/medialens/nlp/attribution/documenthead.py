"""Abstract nouns that name a document or finding (*Schätzung, Untersuchung, Erklärung,
Mitteilung, Hochrechnung*) and so can be the subject of a reporting verb.

Why a module of its own: the speaker rules read an abstract first field as a fronted object
when a noun phrase follows the finite verb (*Die Haltung der Regierung kritisierte X*, see
:func:`.speakers.speaker_of_cue`). A first field headed by a source noun is the subject
instead (*Eine aktuelle Schätzung beziffert die Schulden auf …*: the estimate gives the
figure, not the debts); the source nouns are those of *nach Angaben/Schätzungen X*
(:func:`.cuefind.is_source_noun`).

Limits: only when nothing marks the first field as an object or an adverbial — an object
determiner (*Den Bericht lobte X*), a postposition (*Der Mitteilung zufolge versicherte X*) —
and nothing marks the phrase after the verb as the subject: a nominative pronoun or *der*
(*Das Ergebnis fasst man so zusammen*, *Die Studie lobte der Minister*).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.cuefind import is_source_noun
from medialens.nlp.attribution.phrases import OBJECT_DETERMINERS, is_head
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: postpositions that end an adverbial first field (*Der Mitteilung zufolge …*)
_POSTPOSITIONS = wordset("zufolge nach gemäß entsprechend halber wegen zuliebe gegenüber")
#: first words that mark a noun phrase after the verb as nominative, i.e. the subject
_NOMINATIVE_MARKS = wordset("der er man ich wir du ihr sie es dieser jener keiner")


def document_head(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is the head of ``toks[a:b]`` (its first capitalised content word) a source noun?"""
    head = next((t for t in toks[a:b] if is_head(t)), None)
    return head is not None and is_source_noun(head.lower)


def document_subject(toks: Sequence[Tok], a: int, b: int, after: tuple[int, int]) -> bool:
    """Is the first field ``toks[a:b]``, headed by a source noun, the subject of the verb
    rather than a fronted object, given the noun phrase ``after`` the verb? See the module
    docstring for the marks that decide."""
    if not document_head(toks, a, b):
        return False
    if toks[a].lower in OBJECT_DETERMINERS or toks[b - 1].lower in _POSTPOSITIONS:
        return False
    return toks[after[0]].lower not in _NOMINATIVE_MARKS
