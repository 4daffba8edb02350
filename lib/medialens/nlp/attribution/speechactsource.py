"""The source of a *soll* sentence right after a speech act without a quotation.

Why a module of its own: German news names a speech act in an indicative sentence and then
passes on its content with *soll/sollen* (*Der Hersteller gab die Preise bekannt. So soll
die Vollversion 200 Euro kosten.*; *Der Direktor äußerte sich zu den Plänen. Der nächste
Start soll im Herbst stattfinden.*). The *soll* sentence is free indirect speech of the
subject of the speech act. Step 4 of :mod:`.extract` carries a speaker only from a recent
quotation, and step 5 takes *soll* sentences only as hearsay with a perfect or stative
infinitive; a speech act without a quotation (its content is what follows) left the
present *soll* sentence unfound.

Kept narrow: the sentence before must be in the same paragraph, active (no *wurde … bekannt
gegeben*), contain a finite form of a verb of announcing or informing (a separable one
with its particle right before the final punctuation: *gab … bekannt*, *teilte … mit*) and no
quotation, and its subject must be a possible source (see
:func:`.freeindirect._previous_subject`). Cheap: set look-ups on the tokens of one sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.carry import same_paragraph
from medialens.nlp.attribution.clauses import PASSIVE_AUX
from medialens.nlp.attribution.freeindirect import _previous_subject
from medialens.nlp.attribution.quotestate import _State
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Speaker

#: finite forms of verbs of informing that name a speech act whose content may follow (not
#: *präsentieren, vorstellen*: a product shown is no statement, and the next sentence is
#: often about another product)
_SPEECH_ACT_FORMS = wordset(
    "äußerte äußerten äußert äußern informierte informierten informiert berichtete "
    "berichteten berichtet erläuterte erläuterten erläutert verkündete verkündeten verkündet "
    "sprach sprachen spricht"
)

#: finite forms of separable verbs of announcing, with their particle
_PARTICLE_FORMS: dict[str, frozenset[str]] = {
    "bekannt": wordset("gab gaben gibt geben"),
    "an": wordset("kündigte kündigten kündigt kündigen"),
    "mit": wordset("teilte teilten teilt teilen"),
}

#: auxiliaries of the passive: *Die Preise wurden bekannt gegeben* names no speaker


def _speech_act(ptoks: Sequence[Tok]) -> bool:
    """Does the sentence ``ptoks`` name an active speech act without quoting it?"""
    if any(t.q >= 0 for t in ptoks):
        return False
    words = [t.lower for t in ptoks]
    if any(w in PASSIVE_AUX for w in words):
        return False
    if any(w in _SPEECH_ACT_FORMS for w in words):
        return True
    k = len(words) - 1
    while k > 0 and not words[k].isalpha():
        k -= 1
    forms = _PARTICLE_FORMS.get(words[k])
    return forms is not None and any(w in forms for w in words[:k])


def speech_act_subject(
    text: str, ptoks: Sequence[Tok], start: int, state: _State
) -> Speaker | None:
    """The subject of the speech-act sentence ``ptoks`` right before a *soll* sentence that
    starts at ``start``; None when the sentence before is no such sentence."""
    if not ptoks or not same_paragraph(text, ptoks, start) or not _speech_act(ptoks):
        return None
    return _previous_subject(ptoks, text, state)
