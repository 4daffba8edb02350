"""A rumour or an estimate is no source a continuation can go on with.

*Dort treffen sich dem Vernehmen nach Jugendliche. Es sei wiederholt zu Diebstählen
gekommen.* — *dem Vernehmen nach* (it is said), *Schätzungen zufolge*, *laut einer
Schätzung*, *Spekulationen, wonach …* mark one claim as hearsay or as a figure; they name
no one who goes on talking. A Konjunktiv or *soll* sentence after them continues the source
named before them (the police that announced the controls, the minister who would not
confirm the speculation), not the rumour. On train the carried rumour phrase was wrong in
every case read (3 of 3: *dem Vernehmen*, *einer Schätzung*, *Spekulationen*), and the gold
named the source before the rumour in all three; a right carried speaker with such a head
was not found.

What is done: :func:`rumour_speaker` tells a bare rumour or estimate noun phrase (at most
three words, ending in a head of :data:`RUMOUR_HEADS`); :mod:`.konjcontinuation` gives such a
continuation the speaker of the latest quotation before it that is no rumour phrase
(:func:`source_before_rumour`, within :data:`MAX_SENTENCES_BACK` sentences), else none.

Limits: the phrase keeps its speaker in its own sentence (the gold marks *dem Vernehmen*,
*Schätzungen* there as the speaker); the source before is taken at its latest mention but
not moved to a later one (*Zapatero* where the gold marks the next sentence's *Der
Ministerpräsident*); a phrase with its author (*Schätzungen des Verbandes*) is a source
and carries.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.quotestate import latest_mention
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote, Speaker

#: how many sentences back the source before a rumour phrase may stand
MAX_SENTENCES_BACK = 4

#: heads of source phrases that mark hearsay or an estimate, naming no speaker
RUMOUR_HEADS: frozenset[str] = wordset(
    "vernehmen schätzung schätzungen spekulation spekulationen gerücht gerüchte gerüchten"
)


def rumour_speaker(speaker: Speaker | None) -> bool:
    """Is ``speaker`` a bare rumour or estimate phrase (*dem Vernehmen*, *Schätzungen*,
    *einer Schätzung*), not one with its author (*Schätzungen der Regierung*)?"""
    if speaker is None:
        return False
    words = speaker.text.split()
    return bool(words) and len(words) <= 3 and words[-1].lower() in RUMOUR_HEADS


def source_before_rumour(
    quotes: Sequence[Quote], text: str, sid: int, limit: int
) -> Speaker | None:
    """The speaker of the latest quotation before ``limit`` (in sentence ``sid``) that is no
    rumour phrase, within :data:`MAX_SENTENCES_BACK` sentences, at its latest mention; None
    when there is none."""
    for q in reversed(quotes):
        if q.start >= limit or q.speaker is None:
            continue
        if q.sentence_id < sid - MAX_SENTENCES_BACK:
            return None
        if not rumour_speaker(q.speaker):
            return latest_mention(text, q.speaker, limit)
    return None
