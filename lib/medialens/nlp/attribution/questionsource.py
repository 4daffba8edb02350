"""A question is no source of the statements after it.

Why: an open question is kept as an indirect quotation whose speaker is the question noun
(*Unklar ist die Frage, ob …*: the historical gold annotates such questions as indirect
speech, docs/attribution.md, round 8). The Konjunktiv sentences after it were then continued
with the speaker *die Frage* (*… . Der Stadtrat wolle im Herbst entscheiden.*), but a question
asserts nothing: what follows in Konjunktiv is said by someone else, named elsewhere or not
at all. So the carried speaker is dropped when it is a question noun.

Limits: the head word only (*die Frage*, *Fragen*, *die Anfrage der Fraktion* is not
concerned: a parliamentary question has an author, its genitive).
"""

from __future__ import annotations

from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Speaker

#: question nouns that head a speaker span of an open question
_QUESTION_HEADS: frozenset[str] = wordset("frage fragen")


def question_speaker(speaker: Speaker | None) -> bool:
    """Is ``speaker`` a bare question noun phrase (*die Frage*, *Fragen*)?"""
    if speaker is None:
        return False
    words = speaker.text.split()
    return bool(words) and len(words) <= 3 and words[-1].lower() in _QUESTION_HEADS
