"""Who labels something with a partial quotation: *als »…« bezeichnet* in a passive with an
agent, or in a relative clause about a source.

Why a module of its own: a short direct quotation after *als* with a verb of labelling or
judging (*bezeichnen, einstufen, werten, sehen*) is the wording of whoever does the
labelling. The frame-subject test of :mod:`.directquote` reads the first field, which in
these two constructions is not that person:

- passive with an agent: *Die Gefahr wird vom Wetterdienst als »sehr hoch« eingestuft* —
  the first field is the thing labelled; the agent phrase (*vom Wetterdienst*) names the
  source;
- relative clause: *Kritik kommt vom Fahrgastverband, der die Maßnahme als »Kapitulation«
  sieht* — the relative pronoun is the subject and refers to the noun phrase before the
  comma.

Cheap: a closed list of participles and verb forms, string checks on the clause of the
quotation.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clauses import AGENT_PREPOSITIONS, PASSIVE_AUX, passive_agent
from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.phrases import PRONOUNS, np_backward
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: forms of the verbs of labelling and judging that take *als X* (matched as exact forms)
_LABEL_FORMS = wordset(
    "bezeichnet bezeichnete bezeichneten bezeichnen bezeichne eingestuft stuft stufte "
    "stuften einstuft einstufte einstufen gewertet wertet wertete werteten werten "
    "beschrieben beschreibt beschrieb beschreiben eingeschätzt schätzt "
    "schätzte einschätzt einschätzen angesehen sieht sah sahen sehen ansieht ansehen "
    "betrachtet betrachtete betrachten dargestellt darstellt stellt stellte darstellen "
    "kritisiert kritisierte kritisieren beurteilt beurteilte beurteilen charakterisiert "
    "charakterisierte bewertet bewertete bewerten abgetan tut tat abtut empfunden empfindet "
    "empfand gelobt lobt lobte verurteilt verurteilte verspottet verspottete gefeiert "
    "feiert feierte betitelt betitelte"
)

#: auxiliaries of the passive

#: prepositions that may open the phrase before the relative clause
_PREPOSITIONS = wordset("von vom bei beim aus mit zu zum zur an am in im für gegen über auf")

#: relative pronouns in the nominative that open a relative clause about a source
_RELATIVE_SUBJECTS = wordset("der die welcher welche")


def _clause_bounds(toks: Sequence[Tok], first_in: int, last_in: int) -> tuple[int, int]:
    """The comma-bounded stretch around the quotation: from after the last comma (or colon,
    semicolon) before it to the first one after it (or the unit end)."""
    a = first_in
    while a > 0 and not (toks[a - 1].q < 0 and toks[a - 1].text in (",", ";", ":")):
        a -= 1
    b = last_in + 1
    while b < len(toks) and not (toks[b].q < 0 and toks[b].text in (",", ";", ":")):
        b += 1
    return a, b


def labelling_source(toks: Sequence[Tok], r: QuotedRegion) -> tuple[int, int] | None:
    """The source of a partial quotation after *als* in a labelling clause (see the module
    doc): the agent of a passive, or the antecedent of a relative pronoun subject; else None."""
    first_in = next((t.i for t in toks if t.start >= r.start), None)
    if first_in is None or first_in < 2 or toks[first_in - 1].lower != "als":
        return None  # (the common case, decided before any further scan)
    last_in = first_in
    while last_in + 1 < len(toks) and toks[last_in + 1].start < r.end:
        last_in += 1
    a, b = _clause_bounds(toks, first_in, last_in)
    after = [t for t in toks[last_in + 1 : b] if t.q < 0]
    before = [t for t in toks[a : first_in - 1] if t.q < 0]
    if not any(t.lower in _LABEL_FORMS for t in after) and not any(
        t.lower in _LABEL_FORMS for t in before
    ):
        return None
    if any(t.lower in PASSIVE_AUX for t in before + after):
        # the agent phrase nearest before *als* (*die Gefahr von Bränden vom Wetterdienst
        # als »…«*: *von Bränden* is an attribute of the first field)
        for j in range(first_in - 2, a - 1, -1):
            if toks[j].q < 0 and toks[j].lower in AGENT_PREPOSITIONS:
                rng = passive_agent(toks, j, first_in - 1)
                if rng is not None and speaker_like(toks, *rng):
                    return rng
        return None
    if (
        a >= 2
        and toks[a].lower in _RELATIVE_SUBJECTS
        and toks[a - 1].text == ","
        and toks[a + 1].lower not in PRONOUNS
    ):
        # *…, der die Maßnahme als »…« sieht*: the pronoun is the subject (not an object
        # before a pronoun subject: *die Reform, die er als »…« sieht*)
        rng = np_backward(toks, a - 1)
        if rng is not None and toks[rng[0]].lower in _PREPOSITIONS:
            rng = (rng[0] + 1, rng[1])  # *vom Verband, der …* -> *Verband*
        if rng is not None and rng[0] < rng[1] and speaker_like(toks, *rng):
            return rng
    return None
