"""Second look at the speaker of a quotation with a cue, once all quotations are known.

Why a post-pass: the quotation rules pick the subject of a cue while they classify quotations;
a few clause types are easier to recognise afterwards, from the cue and the speaker span alone,
and a post-pass keeps this logic apart from the (much edited) quotation rules.

Rules:

* a cue inside a relative clause (*…, X, der den Plan scharf kritisierte, …*, *…, die sie
  behauptet hatte*): the speaker mention is the relative pronoun, its antecedent is stored as
  the resolved speaker (as for *er/sie*). The relative pronoun is the cue's subject in the
  clause; the antecedent is a phrase of another clause. A passive cue closing a relative
  clause does not speak the content after it: the main clause's subject does;
* an attributive participle cue (*das von X formulierte Ziel, …*) or a noun cue after one:
  the *von* phrase of the extended attribute is the agent; without one, an inflected
  participle after the clause's finite auxiliary takes the sentence's source phrase;
* a subject that cannot speak with an *aus/von* attribute that can (*Die erste Reaktion aus
  dem Ministerium bestand in der Ankündigung, …*): the attribute;
* a quantifier used as a pronoun (*Die meisten erklärten*) or an article with a lower-case
  name (*Die taz vermutet*) as first field: the subject the noun-phrase scanner misses;
* the noun of a phrase cue in the first field (*Scharfe Kritik übte X*): the subject after
  the verb; a direct quotation after a colon or parenthesis in an enumeration of sources
  (*so A, B („…“), und C: „…“*): the member right before it; a cue-less direct quotation
  nested in an indirect one with a cue: that quotation's speaker.

The subject helpers that :mod:`.speakers` and :mod:`.verbquote` call while quotations are
found (asyndetic main clause, inverted perfect frame, passive agent span, *zitieren aus X*)
are in :mod:`.subjectframes`.

Limits: a relative pronoun after a preposition (*in dem*, *nach denen*) is left alone; so is a
passive relative clause (the pronoun is the patient) and one whose pronoun may be an object
(another subject candidate stands in the clause).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.clauses import (
    PASSIVE_AUX,
    clause_start,
    is_passive,
)
from medialens.nlp.attribution.complementconjunct import complement_conjunct_subject
from medialens.nlp.attribution.phrases import (
    AUXILIARIES,
    DETERMINERS,
    LEADING_PARTICLES,
    OBJECT_DETERMINERS,
    PREPOSITIONS,
    SUBORDINATORS,
    np_backward,
    np_forward,
)
from medialens.nlp.attribution.reference import source_headed, speaker_like
from medialens.nlp.attribution.scan import SOURCE_TRIGGERS
from medialens.nlp.attribution.sourcecues import find_source_phrases
from medialens.nlp.attribution.subjectframes import (
    CLAUSE_END,
    NOMINATIVE_RELATIVES,
    NOT_SUBJECT_OPENERS,
    article_reading,
)
from medialens.nlp.attribution.subjects import subject_after_verb, v2_subject
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote, Speaker

#: auxiliaries after a verb-final participle or infinitive (*erklärt hat*, *gesagt haben soll*)
_FINAL_AUX = AUXILIARIES | wordset("haben worden gewesen")


def relative_subject(toks: Sequence[Tok], ci: int, last: int) -> int | None:
    """The relative pronoun whose clause the verb cue ``toks[ci..last]`` closes, when the
    pronoun is the clause's subject: *…, der den Plan kritisierte, …*, *…, die unter anderem
    skandierten: …*, *…, der erklärt hat, …*. None when the verb is not clause-final, when
    a comma stands between pronoun and verb (*X, der Präsident des Landes, sagte*: an
    apposition), or when the clause is passive (*…, die veröffentlicht wurde*)."""
    j = ci - 1
    while j >= 0:
        t = toks[j]
        if t.q < 0 and t.text in CLAUSE_END:
            break
        j -= 1
    rel = j + 1
    if j < 0 or toks[j].text != "," or rel >= ci or toks[rel].q >= 0:
        return None
    if toks[rel].lower not in NOMINATIVE_RELATIVES or toks[rel].text[:1].isupper():
        return None
    if article_reading(toks, rel, ci):
        return None  # *…, der Sprecher erklärte, …*: an article, a main clause
    # the verb (with its auxiliaries) must end the clause
    k = last + 1
    while k < len(toks) and toks[k].q < 0 and toks[k].lower in _FINAL_AUX:
        if toks[k].lower in PASSIVE_AUX:
            return None
        k += 1
    if k < len(toks) and not (toks[k].text in CLAUSE_END or toks[k].q >= 0):
        return None
    if any(t.q < 0 and t.lower in PASSIVE_AUX for t in toks[rel + 1 : ci]):
        return None
    return rel


#: how far before an attributive participle its *von* agent may stand (tokens)
MAX_ATTRIBUTE = 16
#: adjective endings of an inflected (attributive) participle
_INFLECTED = ("e", "en", "er", "es", "em")


def attributive_agent(toks: Sequence[Tok], ci: int) -> tuple[int, int] | None:
    """The agent of a cue that is an attributive participle (*das von Minister X im Mai
    formulierte Ziel, …*, *die vom Verband vorgetragene Forderung, …*): the noun phrase of
    the *von/vom* phrase that follows the phrase's determiner (an extended attribute between
    determiner and noun). None when the cue is not an inflected participle before a noun or
    no determiner + *von* opens the attribute (*Der Sprecher vom Amt sagte Reportern*: the
    *von* phrase follows a noun, the verb is finite)."""
    cue = toks[ci]
    n = len(toks)
    if cue.q >= 0 or not cue.text[:1].islower() or not cue.lower.endswith(_INFLECTED):
        return None
    k = ci + 1
    while (
        k < n
        and toks[k].q < 0
        and toks[k].text[:1].islower()
        and toks[k].lower.endswith(_INFLECTED)
    ):
        k += 1  # adjectives between participle and noun (*vorgetragene feierliche Petition*)
    if k >= n or toks[k].q >= 0 or not toks[k].text[:1].isupper():
        return None
    for j in range(ci - 1, max(0, ci - MAX_ATTRIBUTE) - 1, -1):
        t = toks[j]
        if t.q < 0 and t.text in (".", ";", ":", "!", "?", ","):
            return None  # (a participle after a comma is a finite verb: *…, entgegnete X*)
        if t.q < 0 and t.lower in ("von", "vom") and j > 0 and toks[j - 1].lower in DETERMINERS:
            if toks[j - 1].q >= 0 or (t.lower == "vom" and toks[j - 1].lower in ("dem", "den")):
                return None
            agent = np_forward(toks, j + 1, end=ci)
            if agent is None or not speaker_like(toks, *agent):
                return None
            if _closed_attribute(toks, agent[1], ci):
                return None
            return agent
    return None


#: endings of an inflected past participle (*bezeichnete*, *genannten*, *geschriebenes*)
_PARTICIPLE_INFLECTED = ("te", "ten", "tes", "ter", "tem", "ene", "enen", "enes", "ener", "enem")


def attributive_participle(toks: Sequence[Tok], ci: int) -> bool:
    """Is the cue at ``ci`` an inflected participle before a noun or quoted phrase inside a
    clause whose finite verb is an auxiliary before it (*Grund waren nicht näher
    bezeichnete »Probleme«*)? Then it is an attribute, not the clause's reporting verb:
    a finite past form (*bezeichnete*) cannot follow the finite verb of its own clause."""
    cue = toks[ci]
    if cue.q >= 0 or not cue.text[:1].islower() or not cue.lower.endswith(_PARTICIPLE_INFLECTED):
        return False
    if ci + 1 >= len(toks) or not (toks[ci + 1].text[:1].isupper() or toks[ci + 1].q >= 0):
        return False
    prev = toks[ci - 1] if ci > 0 else None
    if prev is None or prev.q >= 0 or not prev.text.isalpha() or not prev.text[:1].islower():
        return False  # (*»…«, sagte X*: an inverted frame after a comma or quotation)
    start = clause_start(toks, ci, inverted=False)
    return any(t.q < 0 and t.lower in AUXILIARIES for t in toks[start:ci])


def _source_of_unit(q: Quote, toks: Sequence[Tok]) -> Quote:
    """The speaker of a quotation whose cue is only an attribute: the source phrase of the
    sentence (*dem Bericht zufolge*), else none."""
    hits = [h for h in find_source_phrases(toks) if h.speaker is not None]
    if len(hits) != 1:
        return q._replace(speaker=None) if q.speaker is not None else q
    a, b = hits[0].speaker  # type: ignore[misc]
    text = " ".join(t.text for t in toks[a:b])
    return q._replace(speaker=Speaker(toks[a].start, toks[b - 1].end, text))


#: what stands before a member of an enumeration of sources
_ENUMERATION_GLUE = wordset(", und sowie oder so")


def adjacent_speaker(toks: Sequence[Tok], start: int) -> tuple[int, int] | None:
    """*…, so A, B („…“), und C: „…“*: a direct quotation right after a colon or an opening
    parenthesis that follows a name or role phrase is that phrase's (in an enumeration of
    sources the nearest one, not the first). The phrase must be able to speak, name a person
    (a name or role noun, not a bare institution) and not be a prepositional object."""
    k = _token_at(toks, start)
    if k is None or k < 3:
        return None
    mark = toks[k - 1]
    if mark.q >= 0 or mark.text not in (":", "("):
        return None
    rng = np_backward(toks, k - 1)
    if rng is None or rng[1] != k - 1:
        return None
    a, b = _trimmed(toks, *rng)
    if toks[a].lower in ("von", "vom", "-"):
        a += 1
    if a >= b or a == 0 or toks[a - 1].q >= 0 or toks[a - 1].lower not in _ENUMERATION_GLUE:
        return None  # (*mit folgenden Worten: …*: not a member of an enumeration)
    if toks[a].lower in OBJECT_DETERMINERS or toks[a].lower in NOT_SUBJECT_OPENERS:
        return None
    if not any(toks[j].text[:1].isupper() for j in range(a, b)) or not speaker_like(toks, a, b):
        return None
    return (a, b)


def _closed_attribute(toks: Sequence[Tok], a: int, ci: int) -> bool:
    """Between a *von* agent ending at ``a`` and the cue at ``ci``: another inflected
    participle or adjective with its noun outside a prepositional phrase (*Die von X
    geführte Partei forderte …*) closes the noun phrase — the cue is the finite verb."""
    in_pp = False
    for k in range(a, ci - 1):
        t = toks[k]
        if t.lower in PREPOSITIONS:
            in_pp = True
        if (
            not in_pp
            and t.text[:1].islower()
            and t.lower.endswith(_INFLECTED)
            and toks[k + 1].text[:1].isupper()
        ):
            return True
    return False


def _noun_attribute_agent(toks: Sequence[Tok], ci: int) -> tuple[int, int] | None:
    """*die vom Verband vorgetragene Forderung, …*: a noun cue after an attributive
    participle takes the participle's *von* agent (see :func:`attributive_agent`)."""
    if not toks[ci].text[:1].isupper():
        return None
    p = ci - 1
    while p > 0 and toks[p].q < 0 and toks[p].text[:1].islower():
        if toks[p].lower.endswith(_INFLECTED):
            agent = attributive_agent(toks, p)
            if agent is not None:
                return agent
        p -= 1
        if ci - p > 3:
            break
    return None


def _antecedent(toks: Sequence[Tok], comma: int) -> tuple[int, int] | None:
    """The noun phrase before the comma of a relative clause, cut at its determiner when a
    lower-case word (a verb: *befragte einen Nachbarn*) stands before it."""
    rng = np_backward(toks, comma)
    return _trimmed(toks, *rng) if rng is not None else None


def _trimmed(toks: Sequence[Tok], a: int, b: int) -> tuple[int, int]:
    """``toks[a:b]`` without a leading verb (see :func:`_antecedent`) and without a noun
    phrase before a *von der/dem/den* phrase (*bekam der Minister von der Kanzlerin, die
    …*: the relative pronoun refers to the phrase after *von*)."""
    for k in range(b - 2, a - 1, -1):
        low = toks[k].lower
        if low == "vom" or (low == "von" and toks[k + 1].lower in DETERMINERS):
            a = k + 1
            break
    rng = (a, b)
    for k in range(b - 1, a, -1):
        before = toks[k - 1]
        if (
            toks[k].lower in DETERMINERS
            and before.text[:1].islower()
            and before.lower not in DETERMINERS
            and before.lower not in ("von", "vom")
        ):
            return (k, b)
    if (
        b - a > 1
        and toks[a].text[:1].islower()
        and toks[a].lower not in DETERMINERS
        and toks[a + 1].text[:1].isupper()
    ):
        return (a + 1, b)  # *zogen Tausende Studenten*: a verb before the phrase
    return rng


#: prepositions of an attribute that names where a statement or reaction comes from
_ORIGIN_PREPOSITIONS = wordset("aus von vom seitens")


def origin_attribute(toks: Sequence[Tok], a: int, b: int) -> tuple[int, int] | None:
    """*Die erste Reaktion aus dem Ministerium*, *Widerspruch von den Grünen*: a phrase that
    cannot speak (a reaction, criticism) followed by an *aus/von* attribute that can — the
    attribute names the source. None when the phrase can speak or no such attribute follows."""
    if b >= len(toks) or toks[b].q >= 0 or toks[b].lower not in _ORIGIN_PREPOSITIONS:
        return None
    if speaker_like(toks, a, b):
        return None
    rng = np_forward(toks, b + 1)
    if rng is None or not speaker_like(toks, *rng):
        return None
    if toks[rng[0]].text[:1].isdigit():
        return None
    return rng


def _origin(q: Quote, toks: Sequence[Tok]) -> Quote:
    sp = q.speaker
    assert sp is not None
    a = _token_at(toks, sp.start)
    if a is None:
        return q
    b = a + 1
    while b < len(toks) and toks[b - 1].end < sp.end:
        b += 1
    if toks[b - 1].end != sp.end:
        return q
    rng = origin_attribute(toks, a, b)
    if rng is None:
        return q
    x, y = rng
    text = " ".join(t.text for t in toks[x:y])
    return q._replace(speaker=Speaker(toks[x].start, toks[y - 1].end, text))


#: quantifiers that stand alone as a noun phrase (*Die meisten erklärten*, *Beide sagten*)
PRONOMINAL_QUANTIFIERS = wordset(
    "beide beiden meisten anderen andere einige viele manche alle wenige mehrere niemand "
    "jeder jede keiner keine erstere ersterer"
)


def pronominal_subject(toks: Sequence[Tok], ci: int, last: int) -> tuple[int, int] | None:
    """A first field (or the field after a subordinating conjunction) that is a quantifier
    used as a pronoun, with or without article (*Die meisten erklärten, …*, *Beide sagten,
    …*, *…, weil viele befürchten, …*), or an article with a lower-case name (*Die taz
    vermutet, …*): the noun-phrase scanner wants a capitalised head and finds none.
    Returns the field when it ends at the finite verb (the cue or an auxiliary before it)
    and the cue is active (the subject of a passive is what was said or whom it concerns)."""
    start = clause_start(toks, ci, inverted=False)
    a = start
    while a < ci and toks[a].q < 0 and toks[a].lower in LEADING_PARTICLES:
        a += 1
    if a < ci and toks[a].lower in SUBORDINATORS:
        a += 1
    b = next((k for k in range(a, ci) if toks[k].lower in AUXILIARIES), ci)
    if b - a not in (1, 2) or any(t.q >= 0 for t in toks[a:b]):
        return None
    word = toks[b - 1]
    if b - a == 2 and toks[a].lower not in ("die", "der", "das"):
        return None
    if is_passive(toks, start, ci, last):
        return None  # (last: the costliest test)
    if word.lower in PRONOMINAL_QUANTIFIERS:
        return (a, b)
    if (
        b - a == 2
        and word.text[:1].islower()
        and word.text.isalpha()
        and not word.lower.endswith(_INFLECTED)
        and not word.lower.endswith(("t", "ig", "lich", "isch"))
    ):
        return (a, b)  # *Die taz*: a lower-case name
    return None


def _phrase_cue_subject(q: Quote, toks: Sequence[Tok], ci: int, last: int) -> Quote:
    """*Scharfe Kritik übte der Verband: »…«*: the noun of a phrase cue (*Kritik üben*) in
    the first field is no speaker; the subject follows the finite verb of the phrase."""
    verb = next((k for k in range(ci, last + 1) if toks[k].text[:1].islower()), None)
    if verb is None or not toks[ci].text[:1].isupper() or toks[verb].lower in PREPOSITIONS:
        return q  # (*Dem Vernehmen nach*: a source phrase, no verb)
    rng = subject_after_verb(toks, verb + 1, len(toks))
    if rng is None:
        return q
    a, b = rng
    text = " ".join(t.text for t in toks[a:b])
    return q._replace(speaker=Speaker(toks[a].start, toks[b - 1].end, text))


def _unit_of(starts: Sequence[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1


def _token_at(toks: Sequence[Tok], pos: int) -> int | None:
    """The index of the token starting at character ``pos`` (tokens are in text order;
    a plain binary search, cheaper than ``bisect`` with a key function)."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(toks) and toks[lo].start == pos else None


def refine_speakers(
    quotes: Sequence[Quote],
    starts: Sequence[int],
    unit_toks: Callable[[int], Sequence[Tok]],
) -> list[Quote]:
    """Apply the rules of the module docstring to the quotations with a verb cue."""
    quotes = nested_speakers(quotes)
    out: list[Quote] = []
    for q in quotes:
        cue = q.cue
        if cue is None or (q.speaker is not None and q.speaker.resolved is not None):
            out.append(q)
            continue
        u = _unit_of(starts, cue.start)
        toks = unit_toks(u)
        ci = _token_at(toks, cue.start)
        if ci is None:
            out.append(q)
            continue
        last = ci
        while last + 1 < len(toks) and toks[last + 1].start < cue.end:
            last += 1
        if cue.spans and len(cue.spans) > 1 and last - ci + 1 > len(cue.spans):
            # a separated verb particle (*teilte … mit*): verb-second order, no relative clause
            out.append(q)
            continue
        if q.kind == "direct" and q.speaker is not None:
            near = adjacent_speaker(toks, q.start)
            if (
                near is not None
                and toks[near[0]].start != q.speaker.start
                and not (near[0] >= 2 and toks[near[0] - 2].end == q.speaker.end)
            ):
                # (not an apposition of the speaker: *X, Gründer von Y („…“)*)
                a, b = near
                text = " ".join(t.text for t in toks[a:b])
                out.append(q._replace(speaker=Speaker(toks[a].start, toks[b - 1].end, text)))
                continue
        if q.speaker is not None and q.speaker.start < cue.end and cue.start < q.speaker.end:
            q = _phrase_cue_subject(q, toks, ci, last)
        word = toks[ci].text
        if last == ci and (word[:1].isupper() or word.endswith(_INFLECTED)):
            agent = attributive_agent(toks, ci) or _noun_attribute_agent(toks, ci)
            if agent is not None:
                a, b = agent
                text = " ".join(t.text for t in toks[a:b])
                out.append(q._replace(speaker=Speaker(toks[a].start, toks[b - 1].end, text)))
                continue
            if attributive_participle(toks, ci):
                out.append(_source_of_unit(q, toks))
                continue
        if not cue.lemma[:1].isupper() and (
            q.speaker is None or (q.speaker.start > toks[ci].start and _verb_cue(toks[ci]))
        ):
            # (also over a phrase after the verb: *Viele teilen die Ansicht, …*)
            rng = pronominal_subject(toks, ci, last)
            if rng is not None and (
                q.speaker is None or toks[rng[1] - 1].lower in PRONOMINAL_QUANTIFIERS
            ):
                a, b = rng
                text = " ".join(t.text for t in toks[a:b])
                out.append(q._replace(speaker=Speaker(toks[a].start, toks[b - 1].end, text)))
                continue
        main = passive_relative_main_subject(toks, ci, last, q.start)
        if main is not None:
            a, b = main
            text = " ".join(t.text for t in toks[a:b])
            out.append(q._replace(speaker=Speaker(toks[a].start, toks[b - 1].end, text)))
            continue
        if _complement_follows(toks, last, q.start):
            q = _relative(q, toks, ci, last)
        if q.speaker is not None and q.speaker.resolved is None and q.speaker.end <= cue.start:
            q = _origin(q, toks)  # (a subject before its cue, not the phrase of *laut X*)
        out.append(q)
    return out


#: words between a verb and the start of its complement clause
_COMPLEMENT_GLUE = wordset("dass ob wie")


def nested_speakers(quotes: Sequence[Quote]) -> list[Quote]:
    """A direct quotation without a cue of its own inside an indirect one that has a cue
    and a speaker (*Sie wisse, dass ihre Arbeit »nicht frei von Schwächen« sei, hatte X
    gesagt*) is the same speaker's words: it takes that speaker (not the one carried over
    from an earlier quotation). ``quotes`` are sorted by start."""
    out = list(quotes)
    for i, q in enumerate(out):
        if q.kind != "direct" or q.cue is not None:
            continue
        for j in range(i - 1, max(-1, i - 4), -1):
            o = out[j]
            if (
                o.kind == "indirect"
                and o.cue is not None
                and o.speaker is not None
                and o.start <= q.start + 1
                and q.end <= o.end + 1
                and (o.start, o.end) != (q.start, q.end)
            ):
                out[i] = q._replace(speaker=o.speaker)
                break
    return out


def passive_relative_main_subject(
    toks: Sequence[Tok], ci: int, last: int, start: int
) -> tuple[int, int] | None:
    """*X schrieb in einer Erklärung, die im Netz veröffentlicht wurde, sie wolle …*: a
    passive cue closing a relative clause cannot introduce the content after that clause
    (its subject, the relative pronoun, is what was published); the content is the main
    clause's, whose subject is the first field before the relative clause."""
    k = last + 1
    n = len(toks)
    if k >= n or toks[k].q >= 0 or toks[k].lower not in PASSIVE_AUX:
        return None
    while k < n and toks[k].q < 0 and toks[k].lower in _FINAL_AUX:
        k += 1
    if k >= n or toks[k].text != "," or toks[k].q >= 0:
        return None
    if toks[k].end > start:
        return None  # (the quotation must follow the relative clause)
    j = ci - 1
    while j > 0 and not (toks[j].q < 0 and toks[j].text in CLAUSE_END):
        j -= 1
    if j < 1 or toks[j].text != "," or toks[j + 1].lower not in NOMINATIVE_RELATIVES:
        return None
    rng = v2_subject(toks, j)
    if rng is None or not speaker_like(toks, *rng) or source_headed(toks, *rng):
        return None
    return rng


def _verb_cue(tok: Tok) -> bool:
    """Is the cue's first token a verb, not a source word (*laut X*, *so X*, *X zufolge*),
    whose phrase after it is the source itself?"""
    low = tok.lower
    return not (low in PREPOSITIONS or low in SOURCE_TRIGGERS or low == "so")


def _complement_follows(toks: Sequence[Tok], last: int, start: int) -> bool:
    """Does the quotation starting at character ``start`` begin right after the cue ending at
    token ``last`` (after its auxiliaries, a comma or colon, *dass/ob*) — i.e. is it the
    cue's complement, not a phrase of a later clause (*…, der gewarnt hatte, als »…«*)?"""
    k = last + 1
    n = len(toks)
    while k < n and toks[k].end <= start:
        t = toks[k]
        if t.q >= 0 or not (
            t.lower in _FINAL_AUX or t.lower in _COMPLEMENT_GLUE or t.text in (",", ":")
        ):
            return False
        k += 1
    return toks[last].end <= start


def _relative(q: Quote, toks: Sequence[Tok], ci: int, last: int) -> Quote:
    rel = relative_subject(toks, ci, last)
    if rel is None:
        return q
    if (
        ci > 0
        and toks[ci - 1].lower in ("und", "sowie")
        and complement_conjunct_subject(toks, ci - 1) is not None
    ):
        return q  # *X erklärte, der Plan sei Y und kündigte an*: an article, no relative
    sp = q.speaker
    r = toks[rel]
    if sp is not None and sp.end > r.start and sp.start < toks[ci].start:
        return q  # the clause has a subject of its own: the pronoun is an object
    own = _token_at(toks, sp.start) if sp is not None else None
    if own is not None and sp is not None and toks[rel - 2].end == sp.end:
        a, b = _trimmed(toks, own, rel - 1)
        ante = Speaker(toks[a].start, toks[b - 1].end, " ".join(t.text for t in toks[a:b]))
    else:
        rng = _antecedent(toks, rel - 1)
        if rng is None:
            # (*ein Prediger wurde zugeschaltet, der …*: an antecedent not right before the
            # comma; the pronoun is still the subject of the cue, left unresolved)
            return q._replace(speaker=Speaker(r.start, r.end, r.text))
        a, b = rng
        ante = Speaker(toks[a].start, toks[b - 1].end, " ".join(t.text for t in toks[a:b]))
    speaker = Speaker(r.start, r.end, r.text, ante.text, ante.start, ante.end)
    return q._replace(speaker=speaker)
