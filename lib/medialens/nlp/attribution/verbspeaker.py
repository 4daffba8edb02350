"""The speaker of a verb cue and the source of *es heißt*.

Why a module of its own: who speaks for a reporting verb is not always its subject — the
quoted object of *zitieren*, the *aus/von* phrase of *verlauten* and *hervorgehen*, the agent
of a fronted passive participle, the document an agentless passive stands in, the place or
document of *es heißt*. These lookups were part of :mod:`.verbquote` (moved verbatim, seventh
round, when that module passed 650 lines). Limits: see each function.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clauses import (
    PP_SOURCES_AFTER,
    clause_start,
    is_passive,
    main_clause_start,
    passive_agent,
    pp_source,
)
from medialens.nlp.attribution.cuefind import CueHit, fronted_participle
from medialens.nlp.attribution.esspeaker import es_subject
from medialens.nlp.attribution.phrases import (
    RELATIVES,
    SUBORDINATORS,
    TIME_ADVERBS,
    TIME_WORDS,
    np_backward,
)
from medialens.nlp.attribution.quotestate import speaker_of_cue
from medialens.nlp.attribution.reference import source_headed
from medialens.nlp.attribution.speakers import quoted_object
from medialens.nlp.attribution.subjectframes import cited_source, speaking_object
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: prepositions of the document an agentless passive cue stands in (*im Bericht … wurde*)
_DOCUMENT_PREPOSITIONS = wordset("in im")


_AUS = wordset("aus")


def verb_speaker(toks: Sequence[Tok], hit: CueHit) -> tuple[int, int] | None:
    """The speaker of a verb cue (*zitieren*: the quoted object)."""
    ci, last = hit.tokens[0], max(hit.tokens)
    if ci == 0 and fronted_participle(toks):
        # *Kritisiert wird von X, dass …*: a fronted passive participle; the phrase after
        # the auxiliary is the patient (*Gefordert wird eine Aufklärung*), the agent speaks
        end = next((k for k in range(2, len(toks)) if toks[k].text in (",", ":", ";")), len(toks))
        return passive_agent(toks, 2, end)
    if hit.lemma == "zitieren":
        rng = cited_source(toks, last) or quoted_object(toks, ci, last)
        if speaking_object(toks, rng):
            return rng
    if hit.lemma == "verlauten":
        # *Aus EU-Kreisen verlautete, …*: no subject, the source is the *aus/von* phrase
        rng = pp_source(toks, clause_start(toks, ci, inverted=False), ci)
        if rng is not None:
            return rng
    if hit.lemma == "hervorgehen":
        # *Dies geht aus einer Mitteilung des Konzerns hervor*: the *aus* phrase is the source
        rng = pp_source(toks, clause_start(toks, ci, inverted=False), last, preps=_AUS)
        if rng is not None:
            return rng
    rng = speaker_of_cue(toks, ci, last)
    if rng is None:
        rng = elliptic_wie_agent(toks, ci, last) if hit.category != "demand" else None
        if rng is not None:
            return rng
    if rng is None:
        start = clause_start(toks, ci, inverted=False)
        if is_passive(toks, start, ci, last):
            # *In einem Bericht der Zeitung wurde vermutet, …*: an agentless passive takes
            # the document it stands in as its source
            doc_rng = pp_source(toks, start, ci, preps=_DOCUMENT_PREPOSITIONS)
            if doc_rng is not None and source_headed(toks, *doc_rng):
                return doc_rng
        else:
            # *Es teilte mit, …*: the pronoun of a neuter source (see :mod:`.esspeaker`)
            rng = es_subject(toks, ci, last, hit.lemma)
    return rng


def heisst_es_source(toks: Sequence[Tok], ci: int) -> tuple[int, int] | None:
    """The source of *es heißt* at ``ci``: *In dem Antrag heißt es*, *Aus Paris hieß es*,
    *…, heißt es in dem Bericht* (the place or document is the gold-standard source)."""
    rng = None
    start = main_clause_start(toks, ci)
    if (
        start >= 2
        and toks[start - 1].text == ","
        and toks[start].lower in _DOCUMENT_PREPOSITIONS
        and start + 1 < ci
        and toks[start + 1].lower in RELATIVES
    ):
        # *eine Erklärung der Behörde, in der es heißt, …*: the document is the antecedent
        ante = np_backward(toks, start - 1)
        if ante is not None:
            return ante
    after = _source_after_heisst_es(toks, ci)
    if after is not None and ci > 0 and (toks[ci - 1].text == "," or toks[ci - 1].q >= 0):
        # *»…«, hieß es vom Sprecher X*: the frame follows the content, so a place inside
        # the content (*… in Syrien …, hieß es*) is no source
        return after
    if (ci > 0 and toks[ci - 1].text not in (",", ":") and toks[ci - 1].q < 0) or (
        start != clause_start(toks, ci, inverted=False)
    ):
        # (after a comma or a quotation the clause before is the content, not the frame,
        # unless the comma closes a relative clause: *In dem Bericht, der …, heißt es*)
        rng = pp_source(toks, start, ci) or _fronted_auf_source(toks, start, ci)
    return rng if rng is not None else after


def _source_after_heisst_es(toks: Sequence[Tok], ci: int) -> tuple[int, int] | None:
    """*…, heißt es in dem Bericht*, *…, heißt es auf der Webseite*, also with one adverb
    between (*heißt es dazu in einer Mitteilung*, *hieß es weiter aus Paris*)."""
    n = len(toks)
    if ci + 3 >= n or toks[ci + 1].lower != "es":
        return None
    k = _after_time_phrase(toks, ci + 2)
    nxt = toks[k] if k < n else toks[ci + 2]
    if nxt.q >= 0 or not nxt.text[:1].islower():
        return None  # (*heißt es, im Bereich X seien …*: the content, not the place)
    end = k + 2 if nxt.lower in PP_SOURCES_AFTER else k + 3
    return pp_source(toks, k, min(n, end), preps=PP_SOURCES_AFTER)


def _after_time_phrase(toks: Sequence[Tok], k: int) -> int:
    """``k``, or the index after a time phrase there (*am Abend*, *am Montag*, *gestern*):
    *hieß es am Abend aus Polizeikreisen* names its source after the time."""
    n = len(toks)
    if k < n and toks[k].lower in TIME_ADVERBS:
        return k + 1
    if k + 2 < n and toks[k].lower in ("am", "im") and toks[k + 1].lower in TIME_WORDS:
        return k + 2
    return k


def _fronted_auf_source(toks: Sequence[Tok], start: int, ci: int) -> tuple[int, int] | None:
    """*Auf der Webseite heißt es*: *auf* + a noun phrase as the whole first field before
    *heißt es* names the place of the text. (Elsewhere before *heißt es*, *auf* belongs to
    the content: *…, entfallen auf Südasien, heißt es*.)"""
    if toks[start].lower != "auf" or toks[start].q >= 0 or ci + 1 >= len(toks):
        return None
    if toks[ci + 1].lower != "es" or any(t.text == "," for t in toks[start:ci]):
        return None
    return pp_source(toks, start, start + 2, preps=PP_SOURCES_AFTER)


#: adverbs between *wie* and the agent of an elliptic participle frame (*wie schon von X …*)
_WIE_ADVERBS = wordset("schon bereits zuvor auch vorab ebenfalls")
_FRAME_END = frozenset([",", ".", ";", "!", "?", "–", "—", ")"])


def elliptic_wie_agent(toks: Sequence[Tok], ci: int, last: int) -> tuple[int, int] | None:
    """The *von*-agent of a verbless *wie*-frame with a participle (*…, wie vom Gericht
    entschieden, …*; *…, wie schon von der Polizei mitgeteilt.*): the elliptic passive of
    *wie von X mitgeteilt wurde*, whose agent the passive rule finds only with its auxiliary.

    Limits: *wie* (after a comma or at the unit start), at most two adverbs, then *von/vom*
    and the agent, and the participle (a ge-/-t/-en form that is not its own lemma) closes
    the frame before a comma, dash or the sentence end; no agent, no speaker (*wie
    angekündigt*). Not in a unit that opens with a subordinate clause (*Dass A, wie von X
    gefordert, geschieht, schließt Y aus*: the frame belongs to the fronted clause, whose
    matrix verb is another speaker's), and not for a demand (*wie von X gefordert* names an
    action wanted, not a statement; the caller checks the category)."""
    n = len(toks)
    if toks and toks[0].lower in SUBORDINATORS and toks[0].lower != "wie":
        return None
    if last + 1 < n and not (toks[last + 1].q < 0 and toks[last + 1].text in _FRAME_END):
        return None
    w = toks[ci].text
    if not (w.endswith("t") or w.endswith("en")) or w == toks[ci].lemma:
        return None
    k = ci - 1
    while k >= 0 and toks[k].q < 0 and toks[k].text not in (",", "wie", "Wie") and ci - k < 14:
        k -= 1
    if k < 0 or toks[k].lower != "wie" or (k > 0 and toks[k - 1].text not in (",", "–", "—")):
        return None
    j = k + 1
    while j < ci and toks[j].lower in _WIE_ADVERBS:
        j += 1
    if j >= ci or toks[j].lower not in ("von", "vom"):
        return None
    return passive_agent(toks, j, ci)
