"""The document a sentence without a named speaker stands in: *In dem Schreiben forderte man
…*, *In ersten Berichten wurde als Ursache … vermutet*.

Why a module of its own: a sentence that opens with *in/im* + a document (*Bericht,
Schreiben, Erklärung*) and reports its content with the impersonal *man* or an agentless
passive names no other source than that document; the gold standard marks the document as
the speaker (as for *In dem Brief heißt es*). The verb-cue path already does this for an
agentless passive with a complement clause; reported speech (*… forderte man den Abzug …*)
and *man* were left without a speaker. Cheap: one noun-phrase look-up at the sentence start.

Round 13: the document may be plural (*In ersten Berichten*, *In Presseberichten*:
:data:`DOCUMENT_PLURALS`, since :data:`.reference.SOURCE_HEADS` holds singulars), and the
verb is looked for after the document's prepositional attributes and one relative clause
(*In einer Erklärung, die am Abend verbreitet wurde, wurde angekündigt, …*). Limits: a
document after the verb or in another preposition (*auf einer Konferenz*) is not taken.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clauses import PASSIVE_AUX
from medialens.nlp.attribution.phrases import RELATIVES, np_forward
from medialens.nlp.attribution.reference import head_index, source_headed
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: prepositions of the document a statement stands in
_IN = wordset("in im")
#: plural document nouns (also as compound tails: *Presseberichten*, *Polizeimeldungen*)
DOCUMENT_PLURALS: tuple[str, ...] = tuple(
    sorted(
        wordset(
            "berichte berichten meldungen erklärungen mitteilungen studien umfragen "
            "untersuchungen dokumente dokumenten stellungnahmen"
        )
    )
)
#: prepositions of an attribute after the document (*Berichte über …*, *im Werk*)
_ATTRIBUTE_PREPOSITIONS = wordset("über zu zum zur im am in an aus")


def _plural_document(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is the head of ``toks[a:b]`` a plural document noun (*In ersten Berichten*, *In
    Mitteilungen der Stadt*)? :data:`.reference.SOURCE_HEADS` holds the singulars only."""
    h = head_index(toks, a, b)
    return h is not None and toks[h].lower.endswith(DOCUMENT_PLURALS)


def _attributes_end(toks: Sequence[Tok], k: int) -> int:
    """The index after the attributes that follow the document noun phrase ending at ``k``:
    prepositional phrases of :data:`_ATTRIBUTE_PREPOSITIONS` (*In ersten Berichten über das
    Unglück im Werk wurde …*) and one relative clause closed by a comma (*In einer
    Erklärung, die am Abend veröffentlicht wurde, wurde …*); ``k`` when there are none.

    Why: the verb that tells whether the document is the only source (*man*, an agentless
    passive) comes after these attributes, beyond the six words the check looks at.
    Limits: at most three prepositional phrases; a relative clause with a comma of its own
    is not skipped."""
    n = len(toks)
    for _ in range(3):
        if k >= n or toks[k].q >= 0 or toks[k].lower not in _ATTRIBUTE_PREPOSITIONS:
            break
        pp = np_forward(toks, k + 1)
        if pp is None:
            break
        k = pp[1]
    if k + 1 < n and toks[k].text == "," and toks[k + 1].lower in RELATIVES:
        close = next((j for j in range(k + 2, min(n, k + 20)) if toks[j].text == ","), None)
        if close is not None:
            return close + 1
    return k


def opening_document(toks: Sequence[Tok]) -> tuple[int, int] | None:
    """The document noun phrase of a sentence that opens with *in/im* + a document and has
    no other subject than *man* or an agentless passive; None otherwise."""
    if len(toks) < 5 or toks[0].lower not in _IN:
        return None
    rng = np_forward(toks, 1)
    if rng is None or not (source_headed(toks, *rng) or _plural_document(toks, *rng)):
        return None
    rest = [t.lower for t in toks[_attributes_end(toks, rng[1]) :] if t.q < 0]
    if "," in rest[:6]:
        rest = rest[: rest.index(",")]  # (the verb of the first field's own clause)
    if "man" not in rest[:6] and not any(w in PASSIVE_AUX for w in rest[:6]):
        return None  # (*In dem Bericht nennt die Ministerin …*: the subject speaks)
    if any(w in ("von", "vom", "durch", "seitens") for w in rest):
        return None  # a passive with its agent names the speaker
    return rng
