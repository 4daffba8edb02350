"""When a reporting verb does *not* make its sentence a reported quotation.

Why a module of its own: the reported-speech rule (:mod:`.verbquote`, step d) takes the whole
analysis unit as what was said. That is right only when the reporting verb is the predicate of
the unit's main clause and the act was actually performed. German marks the other cases in
the surface form, so they are cheap to test without a parser:

* the verb ends a **relative clause** (*Der Plan, der seit Jahren gefordert wird, scheiterte
  am Geld*): the sentence is about something else; the act is background;
* the verb is a bare **infinitive under a modal or the future auxiliary** (*Das Gerät soll vor
  Böen warnen*, *Sie wollen ihren Unmut äußern*, *Die Behörde kann jetzt warnen*): an ability,
  purpose or plan, not a speech act that took place;
* the cue's **first field is a prepositional phrase around a quotation** (*Von einer »dreisten
  Lüge« sprechen die Behörden*): its fronted object, not a quoted clause before the frame
  (:func:`fronted_phrase`, read by the inverted-frame step of :mod:`.verbquote`);
* the verb's clause **introduces a direct quotation after a colon** (*Die Kommission
  kritisierte den Plan scharf: »…«*, *Der Trainer äußerte sich über X: »…«, sagte er*): the
  frame of that quotation, whose words are what was said (:func:`frames_colon_quotation`).

On the Wikinews training data such sentences were (nearly) never annotated as speech; see
docs/attribution.md ("Spurious quotations"). The same module checks the *Das/Dies* +
auxiliary frame (:func:`anaphor_frame_single_clause`).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clausebounds import _verb_opens as verb_opens
from medialens.nlp.attribution.clauses import clause_start
from medialens.nlp.attribution.phrases import AUXILIARIES, PREPOSITIONS, RELATIVES
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: finite modals (and *werden* as the future auxiliary) that take a bare infinitive
_MODALS: frozenset[str] = wordset(
    """
    kann konnte können konnten könne könnte könnten will wollte wollen wollten wolle wollten
    soll sollte sollen sollten solle muss musste müssen mussten müsse müsste müssten möchte
    möchten darf durfte dürfen durften dürfe dürfte dürften mag mögen wird werden würde würden
    """
)

#: punctuation after a verb-final infinitive
_CLAUSE_END: frozenset[str] = frozenset([",", ".", ";", ":", "!", "?", "–", "—", ")"])

#: relative pronouns that open a clause after a comma (*…, die …*; *…, in der …*)
_RELATIVE_OPENERS: frozenset[str] = RELATIVES | wordset("welches welchem welchen")


def reported_act_embedded(toks: Sequence[Tok], ci: int, last: int, lemma: str) -> str | None:
    """Why the cue at ``ci`` (its last token ``last``, lexicon lemma ``lemma``) reports no
    speech as the whole unit, or None when it may: ``"relative"`` (the cue ends a relative
    clause) or ``"modal"`` (a bare infinitive under a modal or *werden*)."""
    if _verb_final(toks, ci, last) and _in_relative_clause(toks, ci):
        return "relative"
    if _modal_infinitive(toks, ci, last, lemma):
        return "modal"
    return None


def _verb_final(toks: Sequence[Tok], ci: int, last: int) -> bool:
    """Does the cue end its clause, as the verb of a relative clause does? Only auxiliaries
    may follow it (*…, die gefordert wird, …*, *…, die X gefordert hatten*). A separable verb
    with its particle apart (*gehen … aus*) or an object after the verb (*…, der Präsident
    fordert Geld*) is verb-second: a main clause, whatever word opened it."""
    if last != ci:
        return False
    k = ci + 1
    while k < len(toks) and toks[k].q < 0 and toks[k].lower in AUXILIARIES:
        k += 1
    return k >= len(toks) or (toks[k].q < 0 and toks[k].text in _CLAUSE_END)


def _in_relative_clause(toks: Sequence[Tok], ci: int) -> bool:
    """Is the cue inside a relative clause (*…, die X gefordert hatten*, *…, in dem X warnt*)?
    :func:`.clauses.clause_start` already knows relative openers after a comma; this only
    reads what it found."""
    if toks[ci - 1].text == ",":
        # *X, der Sprecher von Y, kritisierte …*: a verb right after the comma is the main
        # clause's finite verb after an apposition (a relative clause ends in its verb)
        return False
    cs = clause_start(toks, ci, inverted=False)
    if cs == 0 or cs >= ci or toks[cs - 1].text != "," or toks[cs - 1].q >= 0:
        return False
    first = toks[cs].lower
    if not (
        first in _RELATIVE_OPENERS
        or (
            first in PREPOSITIONS
            and cs + 1 < ci
            and toks[cs + 1].lower in _RELATIVE_OPENERS
            and not _conjunction_with_subject(toks, cs, ci)
        )
    ):
        return False
    # *X, der …, hat … angekündigt*: a comma followed by a finite verb closed the relative
    # clause, and the cue belongs to the main clause again
    return not any(
        toks[k].text == "," and toks[k].q < 0 and verb_opens(toks, k + 1) for k in range(cs, ci)
    )


#: prepositions that are also subordinating conjunctions (*während der Sitzung* / *…, während
#: der Plan kritisiert wurde*)
_CONJUNCTION_PREPOSITIONS: frozenset[str] = wordset("während seit bis")


def _conjunction_with_subject(toks: Sequence[Tok], cs: int, ci: int) -> bool:
    """Is *während/seit/bis* + *der/die/das* at ``cs`` a conjunction and the article of its
    subject (*…, während der Plan kritisiert wurde*), not a preposition with a relative
    pronoun (*die Sitzung, während der er schwieg*)? The article is followed by a noun."""
    return (
        toks[cs].lower in _CONJUNCTION_PREPOSITIONS
        and cs + 2 < ci
        and toks[cs + 2].q < 0
        and toks[cs + 2].text[:1].isupper()
    )


def _modal_infinitive(toks: Sequence[Tok], ci: int, last: int, lemma: str) -> bool:
    """Is the cue a bare infinitive (*warnen*, *äußern*, *ankündigen*) whose clause has a
    finite modal or *werden* (*soll … warnen*, *wollen … äußern*)? A perfect infinitive
    (*soll … gefordert haben*: hearsay about a past act) has a participle cue and is not
    caught; nor is a passive (*… wird vorgeworfen*): the cue must be the lemma's own form."""
    if toks[ci].lower != lemma.rsplit(" ", 1)[-1].lower():
        return False
    # an infinitive ends its clause (verb-final): nothing but punctuation may follow it
    nxt = last + 1
    if nxt < len(toks) and toks[nxt].q < 0 and toks[nxt].text not in _CLAUSE_END:
        return False
    cs = clause_start(toks, ci, inverted=False)
    return any(toks[k].q < 0 and toks[k].lower in _MODALS for k in range(cs, ci))


#: words that end the clause of *Das/Dies* + auxiliary before the cue
#: (a comma alone does not: *Das wurde am Montag, dem 3. Mai, bekannt gegeben*)
_CLAUSE_BREAKS: frozenset[str] = frozenset([";", ":"]) | wordset(
    "und oder aber sondern als wie weil da wenn nachdem"
)


def anaphor_frame_single_clause(toks: Sequence[Tok], ci: int) -> bool:
    """In *Das/Dies* + auxiliary + … + cue (*Das wurde vom Amt bekannt gegeben*: the previous
    sentence is what was said), is the cue in the same clause as the auxiliary? Not when a
    coordinator or a subordinator stands between them: *Das ist weniger, als X
    erhoffen konnte*, *Das hatte er längst getan, wie sein Anwalt mitteilte*, *Dies wollte
    sie nicht hinnehmen und gab vor, …* — there *Das* is the subject or object of another
    verb, and the cue does not take the previous sentence as its content."""
    return not any(t.q < 0 and t.lower in _CLAUSE_BREAKS for t in toks[2:ci])


def frames_colon_quotation(toks: Sequence[Tok], last: int) -> bool:
    """Is there a colon after the cue (its last token ``last``), outside quotations, with a
    quotation right after it (*kritisierte X scharf: »…«*)? Then the unit is the frame of
    that direct quotation, not reported speech of its own.

    Limits: only a colon directly followed by the opening quotation mark; a colon before
    an unquoted clause (*warnte vor X: Die Lage sei …*) or a list is not such a frame.
    """
    return any(
        toks[k].text == ":" and toks[k].q < 0 and toks[k + 1].q >= 0
        for k in range(last + 1, len(toks) - 1)
    )


def fronted_phrase(toks: Sequence[Tok], a: int, b: int, ci: int) -> bool:
    """Is ``toks[a:b]``, fronted right before the cue at ``ci`` with no comma, a
    prepositional phrase around a quotation (*Von einer »dreisten Lüge« sprechen die
    Behörden*) rather than a quoted sentence (*»…« sagte X*)? Then it is the fronted object
    of the cue's own clause (the first field holds one phrase), not a clause before the
    frame: the unit is reported speech with the partial quotation nested in it.

    Limits: only a phrase that opens with an unquoted preposition and ends in the quotation
    right before the cue; a fronted noun phrase object (*Einen »Fehler« nannte sie das*) is
    left to the quotation rules."""
    if b != ci or ci < 1 or toks[ci - 1].q < 0 or toks[a].q >= 0:
        return False
    if toks[a].lower not in PREPOSITIONS:
        return False
    return not any(t.q < 0 and t.text in (",", ";", ":") for t in toks[a:b])
