"""The indirect/verb-quote step: the clause a reporting verb or noun cue introduces.

Why a module of its own: finding the complement clause of a cue (``cue …, dass``, Konjunktiv
clause, the clause before ``, cue``), its speaker, and the frames that are not speech (negated,
opinion, predicative) is the largest stage of :func:`.extract._analyse_unit`. Moved verbatim out
of :mod:`.extract`.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.argframes import predicative_closes_frame
from medialens.nlp.attribution.clausebounds import (
    _NOT_COMPLEMENT,
    _clause_qualifies,
    _complement_end,
    _ends_subordinate_clause,
    _verb_opens,
)
from medialens.nlp.attribution.clauses import (
    clause_start,
    is_passive,
    np_segment,
)
from medialens.nlp.attribution.contrastspan import contrast_span
from medialens.nlp.attribution.coordpredicate import coordinated_predicate
from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.infinitive import trailing_infinitive
from medialens.nlp.attribution.insertedframe import inserted_wie_frame
from medialens.nlp.attribution.konjunktiv import reported_konjunktiv
from medialens.nlp.attribution.mainclause import (
    next_main_clause,
    parenthesis_end,
    second_main_clause,
)
from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.messageform import message_admits
from medialens.nlp.attribution.mixedclause import mixed_quotation_clause
from medialens.nlp.attribution.phrases import (
    AUXILIARIES,
    SUBORDINATORS,
)
from medialens.nlp.attribution.quotebounds import (
    commentary_relative_end,
    coordinated_frame,
    extraposed_infinitive,
    verb_final_complement_end,
)
from medialens.nlp.attribution.quotestate import (
    _ANAPHORS,
    Options,
    _make_cue,
    _make_speaker,
    _q,
    _span_text,
    _State,
    _trim,
)
from medialens.nlp.attribution.reportedgate import (
    anaphor_frame_single_clause,
    frames_colon_quotation,
    fronted_phrase,
    reported_act_embedded,
)
from medialens.nlp.attribution.sourcequote import _FRONTED_SUBORDINATORS
from medialens.nlp.attribution.speakers import after_verb_speaker
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.verbframes import (
    _CLAUSE_MESSAGES,
    _WIE_CONNECTORS,
    _als_predicative,
    _inverted_auxiliary,
    _negated_frame,
    _noun_cue_subject,
    _reported_frame,
    _turn_dash,
    _wie_with_apposition,
)
from medialens.nlp.attribution.verbspeaker import heisst_es_source, verb_speaker
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote

_MARKS = frozenset('„“”"»«‚‘’›‹')


#: *äußerte Bedenken*: verbs that make reported speech only with a noun naming what was said
_OBJECT_CUES = wordset("äußern erheben vorbringen")


_CONTENT_NOUNS = wordset(
    "bedenken vorbehalte kritik zweifel sorge sorgen befürchtungen hoffnung hoffnungen "
    "verständnis unverständnis bedauern unmut vorwürfe vorwurf forderungen forderung wunsch "
    "wünsche meinung ansicht einwände einwand skepsis zustimmung ablehnung protest"
)


def _opens_frame(toks: Sequence[Tok], p: int) -> bool:
    """Does the reporting verb at ``p`` open a new frame — right after a comma or a
    coordinating conjunction (*…, betonte X*, *und fügte hinzu*) — rather than end a
    subordinate clause inside the reported content (*…, wie er behaupten konnte*)?"""
    prev = toks[p - 1].lower if p > 0 else ""
    if prev in (",", "und", "sowie", "aber", ";", ":"):
        return True
    if p >= 3 and _coordinated_subject_frame(toks, p):
        return True
    # *…, indem er sagte, …*: a subordinate clause of manner whose own verb frames what
    # follows (not part of the content of the verb before it)
    return p >= 3 and toks[p - 2].lower in _FRAME_SUBORDINATORS and toks[p - 3].text == ","


#: conjunctions that open a coordinated main clause after a comma (*…, doch X erklärte, …*)
_CLAUSE_COORDINATORS = wordset("doch aber und sondern während jedoch")


def _coordinated_subject_frame(toks: Sequence[Tok], p: int) -> bool:
    """Is the verb at ``p`` the verb of a coordinated main clause with its own subject after
    a comma (*X sagte, die Heizung sei repariert, doch der Mieterverein erklärte, …*)? Then it frames what
    follows it and closes the content of the verb before it."""
    for c in range(p - 2, max(0, p - 10), -1):
        t = toks[c]
        if t.q >= 0 or t.text in (",", ";", ":"):
            return False
        if t.lower in _CLAUSE_COORDINATORS:
            return toks[c - 1].text == "," and toks[c - 1].q < 0 and np_segment(toks, c + 1, p)
    return False


#: subordinators whose clause may frame the quotation that follows (*indem er sagte*)
_FRAME_SUBORDINATORS = wordset("indem wobei womit")


def _verb_quote(
    toks: Sequence[Tok],
    hit: CueHit,
    text: str,
    sid: int,
    state: _State,
    regions: list[QuotedRegion],
    speech: list[int],
    opts: Options,
    used_for_direct: bool,
    prev_span: tuple[int, int] | None,
    others: Sequence[int] = (),
) -> Quote | None:
    n = len(toks)
    ci = hit.tokens[0]
    last = max(hit.tokens)
    cue = _make_cue(toks, hit, text)
    if hit.noun:
        # the genitive attribute (*die Forderung der Gewerkschaft, …*), else the subject
        rng = hit.speaker or _noun_cue_subject(toks, ci)
    elif hit.lemma == "heißen":
        rng = heisst_es_source(toks, ci)
    else:
        rng = verb_speaker(toks, hit)
    speaker = _make_speaker(toks, rng, text, state)
    spk_toks = set(range(*rng)) if rng else set()
    # a0) "Dies/Das sagte X": the previous sentence is what was said
    if (
        len(toks) > 1
        and toks[0].lower in _ANAPHORS
        and (ci == 1 or (toks[1].lower in AUXILIARIES and anaphor_frame_single_clause(toks, ci)))
        # (the cue in the anaphor's own clause: *Das hatte er schon erledigt, wie seine Frau
        # mitteilte* reports the clause itself, not the sentence before)
        and not any(
            toks[k].text == "," and toks[k].q < 0 and toks[k + 1].lower in SUBORDINATORS
            for k in range(1, ci - 1)
        )
        and prev_span is not None
        and speaker is not None
        and not any(t.q >= 0 for t in toks[: ci + 1])
    ):
        spans = (prev_span, (toks[0].start, toks[0].end))
        return Quote(
            prev_span[0], toks[0].end, spans, _span_text(text, spans), "indirect", speaker, cue, sid
        )
    # a) "Wie X sagte, …": the main clause after the comma (also after a connector:
    # *Denn wie X berichtete, …*)
    w0 = 1 if n > 1 and toks[0].lower in _WIE_CONNECTORS else 0
    if toks[w0].lower == "wie" and ci < n:
        j = next((k for k in range(ci, n) if toks[k].text == "," and toks[k].q < 0), None)
        if j is not None:
            a, b = _trim(toks, j + 1, n)
            if a < b:
                return _q(toks, text, [(a, b)], "indirect", speaker, cue, sid)
    # a2) "…, wie X betonte.": the clause before ", wie"
    wie_apposition = _wie_with_apposition(toks, ci) if toks[ci - 1].text == "," else None
    cs = wie_apposition or clause_start(toks, ci)
    if (
        cs > 1
        and toks[cs].lower == "wie"
        and toks[cs - 1].text == ","
        and speaker is not None
        and not any(t.text in (",", ":") and t.q < 0 for t in toks[last + 1 :])
        and not any(
            toks[k].text == "," and toks[k].q < 0 and _verb_opens(toks, k + 1)
            for k in range(cs, ci if wie_apposition is None else ci - 1)
        )
    ):
        # (only at the end of the unit: *…, wie X behaupten konnte, …* is inside a clause;
        # and the cue must be in the *wie*-clause: *X, wie sie Y enthält, hat Z erklärt*)
        a, b = _trim(toks, 0, cs - 1)
        if a < b:
            return _q(toks, text, [(a, b)], "indirect", speaker, cue, sid)
    if cs > 1 and toks[cs].lower == "wie" and (speaker is not None or hit.lemma == "heißen"):
        # a3) "A, wie X betonte, B": the frame inserted into the main clause
        inserted = inserted_wie_frame(toks, cs, last)
        if inserted is not None:
            parts = [r for r in (_trim(toks, a, b) for a, b in inserted) if r[0] < r[1]]
            if parts:
                return _q(toks, text, parts, "indirect", speaker, cue, sid)
    if not hit.noun and hit.category != "denying" and _negated_frame(toks, hit):
        # *wollte nicht bestätigen, dass …*, *hat nicht gesagt, ob …*: a negated speech act
        # reports no content (but *bestritt nicht, dass …*, a negated denial, asserts it)
        return None
    # b) cue …, CLAUSE  (only for entries whose message may be a clause: not *hält X für Y*)
    commas = [k for k in range(last + 1, n) if toks[k].text in (",", ":") and toks[k].q < 0]
    if not set(hit.message) & _CLAUSE_MESSAGES or (
        commas and predicative_closes_frame(toks, hit, commas[0])
    ):
        # (*bezeichnete X als einen Versuch, Y zu verhindern*: the clause is the noun's)
        commas = []
    if not commas and set(hit.message) & _CLAUSE_MESSAGES:
        # *hat versprochen den Spielplatz zu erneuern*: an infinitive group without its comma
        rng = extraposed_infinitive(toks, ci, last)
        if rng is not None and not any(k in spk_toks for k in range(*rng)):
            return _q(toks, text, [rng], "indirect", speaker, cue, sid)
    for j in commas[:3]:
        if j in spk_toks:
            continue  # (*die Ankündigung des Trainers, Hans Meier, …*: the apposition's comma)
        if toks[j].text == ":" and j + 1 < n and toks[j + 1].q >= 0:
            break  # *sagte: »…«* is the direct quote
        if any(last < p < j and _opens_frame(toks, p) for p in others):
            break  # *X warnte vor Y und teilte mit, dass …*: the complement of the later verb
        if coordinated_predicate(toks, j, others):
            # *X bestätigte den Vorfall, teilte aber mit, es sei …*: what follows is the
            # content of the coordinated verb (see :mod:`.coordpredicate`)
            break
        if (
            j == commas[0]
            and (j == last + 1 or toks[last + 1].lower in AUXILIARIES)
            and _ends_subordinate_clause(toks, ci, last, j)
        ):
            break  # *Nachdem sie es bemerkt hatten, leiteten sie …*: the matrix clause
        if not message_admits(toks, hit.message, j + 1):
            # *beauftragt: den Anwalt X, der …*: an entry whose message is only a clause or
            # zu-infinitive takes it right after the cue, or not at all
            break
        colon_clause = (
            toks[j].text == ":" and j - last <= 4 and j + 1 < n and toks[j + 1].text not in _MARKS
        )
        if (
            colon_clause
            or _clause_qualifies(toks, j + 1, n)
            or (j == commas[0] and mixed_quotation_clause(toks, j + 1, n))
        ):
            end = n
            for k in range(j + 1, n - 1):
                if toks[k].text == ":" and toks[k].q < 0 and toks[k + 1].q >= 0:
                    end = k
                    break
            if (
                hit.noun
                and ci > 0
                and toks[0].lower not in _NOT_COMPLEMENT
                and (hit.speaker is not None or toks[ci + 1].text == ",")
            ):
                # *Die Forderung der X, die Löhne anzuheben, stieß auf …*: the complement of
                # a noun in the first field is closed by the next comma (not so when the
                # noun's clause closes first: *legte die Erklärung vor, dass A, und B*)
                end = next(
                    (k for k in range(j + 1, end) if toks[k].text == "," and toks[k].q < 0), end
                )
            if toks[w0].lower in _FRONTED_SUBORDINATORS and not any(
                toks[k].text == "," and toks[k].q < 0 for k in range(w0 + 1, ci)
            ):
                # *Nachdem X angekündigt hatte, Y zu tun, stellt sich Z …*: the frame is a
                # fronted subordinate clause; its complement ends where the main clause
                # opens with its finite verb
                end = next(
                    (
                        k
                        for k in range(j + 2, end - 1)
                        if toks[k].text == "," and toks[k].q < 0 and _verb_opens(toks, k + 1)
                    ),
                    end,
                )
            end = _complement_end(toks, j + 1, end)
            # a verb-final complement (*dass …*, *… zu öffnen*) ends before a finite verb
            end = verb_final_complement_end(toks, j + 1, end)
            # an indicative comment on the whole clause is the reporter's (*…, was sie bestreitet*)
            end = commentary_relative_end(toks, j + 1, end)
            # another reporting verb later on starts its own attribution
            # (a verb at the end of a subordinate clause, *wie X behaupten konnte*, does not)
            later = [
                p
                for p in others
                if p > j + 1 and (_opens_frame(toks, p) or coordinated_frame(toks, p, j))
            ]
            if later:
                cut = max(
                    (k for k in range(j + 1, later[0]) if toks[k].text == "," and toks[k].q < 0),
                    default=None,
                )
                if cut is not None:
                    end = min(end, cut)
            a, b = _trim(toks, j + 1, end)
            if a < b and not any(k in spk_toks for k in range(a, b)):
                return _q(toks, text, [(a, b)], "indirect", speaker, cue, sid)
    # b2) a zu-infinitive group after the closed frame without a comma, or with a phrase
    # after its verb (*hat angekündigt ihre Filiale zu schließen*)
    group = trailing_infinitive(toks, hit)
    if group is not None and not any(k in spk_toks for k in range(*group)):
        a, b = _trim(toks, *group)
        if a < b:
            return _q(toks, text, [(a, b)], "indirect", speaker, cue, sid)
    # c) CLAUSE, cue X  (inverted order: the speaker follows the verb; also with the
    # participle at the end: *CLAUSE, hatte X in Moskau gesagt*)
    fin = _inverted_auxiliary(toks, ci)
    if (
        ci > 0
        and (toks[ci - 1].text == "," or toks[ci - 1].q >= 0 or fin is not None)
        and (
            fin is not None
            or after_verb_speaker(toks, ci + 1) is not None
            or (hit.lemma == "heißen" and ci + 1 < n and toks[ci + 1].lower == "es")
        )
    ):
        inverted_speaker = speaker
        if fin is not None:
            b = fin - 1
            if speaker is None:
                rng_after = after_verb_speaker(toks, fin + 1)
                inverted_speaker = _make_speaker(toks, rng_after, text, state)
        else:
            b = ci - 1 if toks[ci - 1].text == "," else ci
        a = max(
            (
                k + 1
                for k in range(b)
                if toks[k].q < 0 and (toks[k].text in (":", ";") or _turn_dash(toks, k))
            ),
            default=0,
        )
        first = toks[a].lower if b > a else ""
        if b > a and fronted_phrase(toks, a, b, ci):
            b = a  # (*Von einem »Skandal« sprach X*: the verb's own fronted object, no clause)
        if b > a and (
            first not in SUBORDINATORS
            or first in ("dass", "daß", "ob")
            # *Als X geschah, tat Y Z, teilte W mit*: a main clause after the fronted one
            or any(
                toks[k].text == "," and toks[k].q < 0 and _verb_opens(toks, k + 1)
                for k in range(a + 1, b)
            )
        ):
            a, b = _trim(toks, a, b)
            if a < b:
                # the quotation itself is the direct quote: nothing more to add
                if all(t.q >= 0 or t.text in (",", ":") for t in toks[a:b]):
                    return None
                reported = fin is None or (
                    first in ("dass", "daß", "ob")
                    or any(t.q >= 0 for t in toks[a:b])
                    or reported_konjunktiv([(t.text, t.lemma) for t in toks[a:b] if t.q < 0])
                )  # (*X, wie sie das Gesetz enthält, hat das Gericht … erklärt*: no report)
                if reported and not np_segment(toks, a, b):
                    return _q(toks, text, [(a, b)], "indirect", inverted_speaker, cue, sid)
                # else *X, Sprecherin von Y, kritisierte …*, *Der frühere Minister, X,
                # warnte …*, *X, die …, kritisierte …*: a subject, no clause
    if used_for_direct:
        return None
    # d) reported speech: the unit, for verbs whose object is what was said (not a
    # zu-infinitive: *ist damit zu rechnen*, *war zu sehen*, *um X zu kritisieren*)
    a, b = _trim(toks, 0, n)
    first_comma = (
        next((k for k in range(last + 1, n) if toks[k].text == "," and toks[k].q < 0), None)
        if toks[a].lower in _FRONTED_SUBORDINATORS  # (cheap test first: most units open otherwise)
        else None
    )
    if (
        first_comma is not None
        and toks[clause_start(toks, ci)].lower in _FRONTED_SUBORDINATORS
        and clause_start(toks, ci) == a
        and _ends_subordinate_clause(toks, ci, last, first_comma)
    ):
        # *Nachdem X vor Y gewarnt hatte, stellte sich heraus …*: the fronted subordinate
        # clause only (a relative clause stays with its sentence: *Die Alternative, die X
        # nannte, ist …*)
        a, b = _trim(toks, a, first_comma)
    clause_from = None
    if a < ci and "reported" in hit.speech:
        # (cheap test first: only a cue that can report speech by itself needs its clause)
        second = second_main_clause(toks, a, ci)
        if second is not None:
            # *Details nannte er nicht, er verwies aber auf …*: the second main clause only,
            # with its own subject
            a = clause_from = second[0]
            b = parenthesis_end(toks, a, ci, b)
            if not spk_toks or not spk_toks <= set(range(*second)):
                speaker = _make_speaker(toks, second, text, state)  # (subject first)
    if a >= b or (ci > 0 and toks[ci - 1].lower == "zu"):
        return None
    if speaker is None and not (
        is_passive(toks, clause_start(toks, ci, inverted=False), ci, last)
        and _als_predicative(toks)
    ):
        # (an agentless passive reports speech when it names what something was said to be:
        # *Als Ursache wurde ein Kurzschluss genannt*, *wurde X als Kandidat genannt*)
        return None
    base = hit.lemma.rsplit(" ", 1)[-1]
    content_object = base in _OBJECT_CUES and any(
        t.lower in _CONTENT_NOUNS or t.q >= 0 for t in toks
    )
    if not content_object and not _reported_frame(toks, hit, clause_from):
        return None
    if frames_colon_quotation(toks, last):
        return None  # (*kritisierte X scharf: »…«*: the frame of the direct quotation)
    if reported_act_embedded(toks, ci, last, hit.lemma) is not None:
        # *Der Plan, der seit Jahren gefordert wird, scheiterte*, *Es soll vor Böen warnen*:
        # the act is background or a mere possibility, not what the sentence reports
        return None
    # *Während X …, forderte Y …*, *…, während X … begrüßte*: one clause per statement
    a, b = _trim(toks, *contrast_span(toks, ci, last, a, b))
    nxt = next_main_clause(toks, last, b)
    if nxt is not None and not (
        set(hit.message) & _CLAUSE_MESSAGES
        and all(t.lower in AUXILIARIES for t in toks[last + 1 : nxt])
    ):
        # *X geht von Y aus, sie schließt Z aus*: the speech act is the first main clause
        # (not *warf Y vor, er wollte …*: right after the verb of an entry that takes a
        # clause, the indicative clause is its complement, what was said)
        a, b = _trim(toks, a, nxt)
    q = _q(toks, text, [(a, b)], "reported", speaker, cue if opts.reported_cues else None, sid)
    # the speech act stays available with its stance category (*kritisierte*: critical)
    return q._replace(act=cue)
