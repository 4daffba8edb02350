"""Find the speaker (source) noun phrase of a reporting cue without a parser.

Why heuristics on capitalisation and closed word lists: the default pipeline has no tagger, but
German capitalises nouns, and a speaker is a noun phrase in one of few positions: the first
field before the finite verb (*Rutte sagte …*), right after the verb in inverted order
(*…, sagte Außenamtssprecherin Marija Sacharowa am Rande …*), after a subordinating
conjunction (*nachdem sie berichtet hatte*), or inside a source phrase (*laut X*, *X zufolge*,
*nach Angaben von X*, *aus der Bundesregierung … geäußert*). A noun phrase is: determiner or
possessive, lower-case adjectives, capitalised words (with hyphens, initials, *von*/*de* name
particles), and genitive or *von/vom* attachments.

Limits: an object in the first field is recognised only by an oblique article or an abstract
head (*Den Plan lobte X*, *Die Äußerungen bezeichnete X als …*), not by case alone (*Die
Mönche beschrieb die Agentur als …* is read subject-first); lower-case names and nouns after
a sentence-initial lower-case word are missed; coordination (*X und Y sagten*) is kept as one
span; a relative pronoun is never the speaker span (its antecedent is).

Noun phrases are scanned by :mod:`.phrases`, clause boundaries and passive voice found by
:mod:`.clauses`, the subject positions of a verb-second clause by :mod:`.subjects`; this
module decides which position holds the subject of a cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clauses import (
    all_quoted_clause,
    clause_start,
    has_clause_word,
    has_predicate,
    is_passive,
    np_segment,
    passive_agent,
)
from medialens.nlp.attribution.complementconjunct import complement_conjunct_subject
from medialens.nlp.attribution.coordination import (
    asyndetic_subject,
    ellipsis_conjunction,
    ellipsis_subject,
    main_clause_conjunct_subject,
    quoted_first_field_subject,
    second_conjunct_subject,
)
from medialens.nlp.attribution.documenthead import document_subject
from medialens.nlp.attribution.npclass import is_abstract_np, is_time_np, looks_adverbial
from medialens.nlp.attribution.phrases import (
    ADVERBS,
    AUXILIARIES,
    DEMONSTRATIVE_SPEAKERS,
    LEADING_PARTICLES,
    MAX_NP,
    MAX_QUOTED_NAME,
    NOMINATIVE_PRONOUNS,
    OBJECT_DETERMINERS,
    PERSONAL_SPEAKER_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTITY_NOUNS,
    RELATIVES,
    SUBORDINATORS,
    TIME_WORDS,
    first_field_np,
    is_head,
    np_backward,
    np_forward,
    quoted_name,
)
from medialens.nlp.attribution.prepositionrelative import prepositional_relative_subject
from medialens.nlp.attribution.reference import source_headed, speaker_like
from medialens.nlp.attribution.subjectframes import (
    FRAME_END,
    asyndetic_clause_subject,
    inverted_auxiliary_subject,
    passive_clause_end,
)
from medialens.nlp.attribution.subjectparts import (
    _ADVERBIAL_GLUE,
    _DEGREE_ADVERBS,
    _PREPOSITION_SUBORDINATORS,
    _np_chain_before,
    _relative_clause_end,
    _relative_clause_subject,
    _subject_before_relative,
    quoted_object,
)
from medialens.nlp.attribution.subjects import (
    after_verb_speaker,
    main_clause_after_subordinate,
    subject_after_verb,
    v2_subject,
)
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

__all__ = ["after_verb_speaker", "quoted_object", "speaker_of_cue", "v2_subject"]


def _agent(toks: Sequence[Tok], start: int, end: int) -> tuple[int, int] | None:
    """The agent of a passive cue: the first *von/aus/seitens* phrase that can speak — not
    *eine Summe von drei Prozent* (a quantity), not *wird von einer schweren Dürre
    berichtet* (the topic of *berichten von*, a thing). A *von* phrase right
    after the object noun stays a candidate: *wurde der Plan von den Anwohnern als
    Zumutung bezeichnet* has the agent there."""
    rng = passive_agent(toks, start, end)
    while rng is not None and not _speaking_agent(toks, rng):
        rng = passive_agent(toks, rng[1], end)
    return rng


def _speaking_agent(toks: Sequence[Tok], rng: tuple[int, int]) -> bool:
    a, b = rng
    if toks[a].text[:1].isdigit() or toks[a].lower in _NUMBER_WORDS:
        return False
    return speaker_like(toks, a, b)


#: number words that open a quantity, not an agent (*von drei Prozent*)
_NUMBER_WORDS = wordset(
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert "
    "tausend rund etwa über knapp mehr weniger"
)


def speaker_of_cue(toks: Sequence[Tok], cue_i: int, cue_last: int) -> tuple[int, int] | None:
    """The speaker token range for the cue at ``cue_i`` (its last token ``cue_last``)."""
    n = len(toks)
    if cue_i > 3 and toks[cue_i - 1].text[:1].isupper():
        # (cheap gates first: these frames need a noun or name right before the verb, or a
        # clause-final participle)
        asyndetic = asyndetic_clause_subject(toks, cue_i)
        if asyndetic is not None:
            return asyndetic
    if cue_last + 1 >= n or toks[cue_last + 1].text in FRAME_END:
        inverted = inverted_auxiliary_subject(toks, cue_i, cue_last)
        if inverted is not None:
            return inverted
    start = clause_start(toks, cue_i)
    closing = _relative_clause_end(toks, start, cue_i)
    if closing is not None:
        # *Die Gemeinschaft, die von X gegründet wurde, hat nun bekannt gegeben*: the cue
        # belongs to the main clause around the relative clause
        if is_passive(toks, closing + 1, cue_i, cue_last):
            return _agent(toks, closing + 1, passive_clause_end(toks, cue_last))
        fronted = _subject_before_relative(toks, closing)
        if fronted is not None:
            return fronted
    if is_passive(toks, start, cue_i, cue_last):
        return _agent(toks, start, passive_clause_end(toks, cue_last))
    if (
        cue_i >= 2
        and toks[cue_i - 1].lower in NOMINATIVE_PRONOUNS
        and (toks[cue_i - 2].lower in RELATIVES or toks[cue_i - 2].lower in SUBORDINATORS)
    ):
        return (cue_i - 1, cue_i)  # *… einen Zettel, in dem er verlangte*, *…, weil er sagte*
    if cue_i >= 2 and toks[cue_i - 1].lower == "so" and toks[cue_i - 2].text in (",", "–", "("):
        # *Tatsächlich, so betont die Polizei, ist dies falsch*: an inserted frame in
        # inverted order, its subject follows the verb
        after = subject_after_verb(toks, cue_last + 1 if cue_last > cue_i else cue_i + 1, n)
        if after is not None:
            return after
    # inverted order: ", sagte X" / "»…«, sagte X" / "Wie X sagte" handled by the caller
    prev = toks[cue_i - 1] if cue_i > 0 else None
    quote_before = False
    q0 = -1
    if prev is not None and prev.q >= 0:
        q0 = cue_i - 1
        while q0 > 0 and toks[q0 - 1].q == prev.q:
            q0 -= 1
        quote_before = q0 == 0 or toks[q0 - 1].text in (",", ":", ";")
    apposition = (
        prev is not None
        and prev.text == ","
        and not quote_before
        and not any(tk.q >= 0 for tk in toks[:cue_i])
        and cue_i - 1 - clause_start(toks, cue_i, inverted=False) >= 2
        and np_segment(toks, clause_start(toks, cue_i, inverted=False), cue_i - 1)
        # (an apposition of a subject is nominative: *am Samstag, den 6. Februar, teilte X
        # mit* is a date; a dative one belongs to a noun inside the subject, see below)
        and toks[clause_start(toks, cue_i, inverted=False)].lower not in ("den", "einen")
    )
    if apposition:
        start = clause_start(toks, cue_i, inverted=False)  # *X, Sprecherin von Y, sagte …*
        if start > 0 and toks[start - 1].text == "," and toks[start].lower in RELATIVES:
            # *…, die Sprecherin der Fraktion, Sandra Boser, erklärte*: not a relative
            # pronoun but the article of a subject after an asyndetic comma; *René Vidal, der
            # Präsident des Landes, sagte*: an apposition of the name before it
            chain = _np_chain_before(toks, cue_i - 1)
            if chain is not None and chain[0] < start:
                return chain
            if toks[start].lower not in OBJECT_DETERMINERS:
                return first_field_np(toks, start, cue_i - 1)
            # *Am 31. Mai, dem Weltnichtrauchertag, sagte X*: a dative apposition of an
            # adverbial, the subject follows the verb
            apposition = False
            start = clause_start(toks, cue_i)
    if prev is not None and prev.text == "," and not quote_before and not apposition:
        fronted = _subject_before_relative(toks, cue_i - 1)
        if fronted is not None:
            return fronted  # *Der NDR, der … verantwortlich ist, begründete …*
    if prev is not None and (prev.text in (",", ":") or quote_before) and not apposition:
        after = subject_after_verb(toks, cue_i + 1, n)
        if (
            after is not None
            and prev.text == ","
            and not quote_before
            and is_abstract_np(toks, *after)
        ):
            # *X, Präsident von Y, wies die Darstellung zurück*: the phrase after the verb is
            # its object when a noun-phrase chain before the comma can be the subject
            chain = _np_chain_before(toks, cue_i - 1)
            if chain is not None:
                return chain
        if after is None and prev.text == "," and not quote_before:
            # *…, die Sprecherin der Fraktion, Sandra Boser, erklärte: …*: asyndetic
            # coordination, the subject is the noun-phrase chain between the commas
            chain = _np_chain_before(toks, cue_i - 1)
            if chain is not None:
                return chain
            ell = asyndetic_subject(toks, cue_i)
            if ell is not None:
                return ell  # *X wollte sich nicht festlegen, sagte aber, …*
            ell = complement_conjunct_subject(toks, cue_i)
            if ell is not None:
                return ell  # *X sagte, die Lage sei ernst, warnte aber vor …*: X
        if after is None and quote_before and q0 == 0 and cue_i <= MAX_QUOTED_NAME:
            # *„BBC News“ berichtet, dass …*: a short quotation right before the verb, with no
            # comma between, is a quoted name in the first field, i.e. the subject
            return (0, cue_i)
        if after is not None or quote_before:
            return after
        # *X, Präsident von Y, sagte …*: an apposition before the verb
        start = clause_start(toks, cue_i, inverted=False)
    if start < cue_i:
        conj = ellipsis_conjunction(toks, start, cue_i)
        sub = complement_conjunct_subject(toks, conj) if conj is not None else None
        if sub is not None:
            # *X sagte, A sei B, und fügte hinzu, …*: the clause before *und* is the first
            # verb's complement; the first conjunct is the main clause before it
            return sub
        own = prepositional_relative_subject(toks, start, cue_i)
        if own is not None:
            return own  # *…, in dem das Gericht festgestellt hatte, …*
        main = main_clause_conjunct_subject(toks, start, cue_i)
        if main is not None:
            return main  # *X teilte mit, dass es regne, und warnte …*: X
        first = toks[start]
        has_comma = any(t.text == "," and t.q < 0 for t in toks[start:cue_i])
        verb_final = cue_last + 1 >= n or toks[cue_last + 1].text in (",", ".", ";")
        if (
            first.lower in ("als", "seit", "seitdem", "während")
            and not has_comma
            and cue_i + 1 < n
            and toks[cue_i + 1].lower in NOMINATIVE_PRONOUNS
        ):
            return (cue_i + 1, cue_i + 2)  # *Als Begründung gab er an*: V2, not a clause
        if (
            first.lower == "als"
            and not has_comma
            and cue_last > cue_i + 1
            and toks[cue_i + 1].text not in (",", ".", ";", ":")
        ):
            # *Als Begründung gaben die USA an*: the verb is not final, so this is a main
            # clause with an adverbial first field; the subject follows the verb
            after = subject_after_verb(toks, cue_i + 1, cue_last)
            if after is not None:
                return after
        if (
            first.lower in _PREPOSITION_SUBORDINATORS
            and not has_comma
            and cue_i + 1 < n
            and toks[cue_i + 1].text not in (",", ".", ";")
        ):
            # *Seit Jahren fordert der Staat …*: a preposition, not a conjunction, when its
            # noun phrase ends right at a verb that is not clause-final; the subject follows
            pp = np_forward(toks, start + 1)
            if pp is not None and pp[1] == cue_i:
                after = subject_after_verb(toks, cue_i + 1, cue_last if cue_last > cue_i else n)
                if after is not None:
                    return after
        if (first.lower in SUBORDINATORS or (first.lower in RELATIVES and start > 0)) and has_comma:
            # *Da es …, hat der VfGH entschieden*, *Dass es …, hatte X gesagt*, *Wie X
            # berichtete, soll Y gesagt haben*: the subordinate clause is the first field,
            # the main clause starts with the finite verb, its subject follows it
            last = max(j for j in range(start, cue_i) if toks[j].text == "," and toks[j].q < 0)
            if (
                last + 1 <= cue_i
                and (toks[last + 1].lower in AUXILIARIES or last + 1 == cue_i)
                and has_clause_word(toks, start + 1, last)
            ):
                after = subject_after_verb(toks, last + 2, cue_i + 1)
                if after is not None:
                    return after
        if first.lower == "als" and not has_comma and cue_i > start + 2:
            ell = ellipsis_subject(toks, start, cue_i)
            if ell is not None:
                return ell  # *Als Beispiel führte er X an und erklärte, …*
        if first.lower in SUBORDINATORS and has_comma:
            main = main_clause_after_subordinate(toks, start, cue_i + 1)
            if main is not None and main < cue_i:
                # *Als X eingriff, schlug der Mann um sich und rief: …*: the cue is in the
                # main clause after the subordinate one (a conjunct of its verb)
                sub = subject_after_verb(toks, main + 1, cue_i)
                if sub is not None:
                    return sub
        if first.lower in SUBORDINATORS and (has_comma or first.lower != "als" or verb_final):
            if first.lower == "wie":
                sp = np_forward(toks, start + 1)
                if sp is not None:
                    return sp
            return np_forward(toks, start + 1) or subject_after_verb(toks, start + 1, cue_i)
        if first.lower in RELATIVES and start > 0 and toks[start - 1].text == "," and has_comma:
            last = max(j for j in range(start, cue_i) if toks[j].text == "," and toks[j].q < 0)
            if not has_clause_word(toks, start + 1, last):
                # *Hans Kern, der Kandidat der Partei, hat … angekündigt*: an apposition, not
                # a relative clause; the subject is the noun phrase with it
                a0 = clause_start(toks, start - 1, inverted=False)
                if np_segment(toks, a0, last):
                    return first_field_np(toks, a0, last)
        if first.lower in RELATIVES and start > 0 and toks[start - 1].text == ",":
            sp = np_forward(toks, start)
            if (
                first.lower in ("der", "die", "das")
                and sp is not None
                and sp[1] == cue_i
                and cue_last + 1 < n
                and toks[cue_last + 1].text not in (",", ".", ";")
                and subject_after_verb(toks, cue_last + 1, n) is None
            ):
                # *…, die Organisation bezweifelt aber, dass …*: a determiner, not a relative
                # pronoun (a noun follows and the verb is not clause-final)
                return sp
            own = _relative_clause_subject(toks, start, cue_i)
            if own is not None:
                return own  # *…, die Gerhard Schröder … erklärt hatte*: the object is relative
            return np_backward(toks, start - 1)
    conj = ellipsis_conjunction(toks, start, cue_i)
    if conj is not None:
        # coordination ellipsis (*Im Januar legte er sein Amt nieder und verkündete, …*,
        # *Die Äußerungen nannte X einen Knaller und glaubt, …*): the second conjunct has
        # no subject of its own; it is the first conjunct's
        first_start = start if conj > start else clause_start(toks, conj - 1, inverted=False)
        sub = quoted_first_field_subject(toks, first_start, conj) or v2_subject(
            toks, conj, start=first_start
        )
        if sub is not None:
            return sub
    if cue_i - start >= 4 and toks[cue_i - 1].text[:1].isalpha():
        second = second_conjunct_subject(toks, start, cue_i)
        if second is not None:
            return second
    # V2: find the finite verb (the cue itself, or an auxiliary before it)
    finite = cue_i
    for j in range(start, cue_i):
        if toks[j].q < 0 and toks[j].lower in AUXILIARIES and j > start:
            finite = j
            break
    a = start
    while a < finite and (toks[a].lower in LEADING_PARTICLES or toks[a].text in ("„", "»", "-")):
        a += 1
    if a >= finite:
        return subject_after_verb(toks, finite + 1, n)
    first = toks[a]
    if (
        finite + 1 < n
        and toks[finite + 1].q < 0
        and toks[finite + 1].lower in NOMINATIVE_PRONOUNS
        and first.lower not in PRONOUNS
        and first.lower not in SUBORDINATORS
    ):
        # *Der Politik schlug er vor*, *Als Begründung gab er an*: a nominative pronoun right
        # after the finite verb is the subject; the first field is an object or adverbial
        return (finite + 1, finite + 2)
    if first.q >= 0:
        # *»BBC News« berichtet, dass …*: a quoted name in the first field is the subject
        # unless a subject follows the verb (*»…«, sagte X* is handled above)
        after = subject_after_verb(toks, finite + 1, n)
        if after is not None:
            return after
        b = finite
        while b > a and toks[b - 1].text in (",", "–"):
            b -= 1
        if b < finite and toks[a].q == toks[b - 1].q and toks[b - 1].q >= 0:
            return None  # *»Wir bitten um Geduld«, heißt es*: a quoted statement and its frame
        if b > a and toks[b - 1].q >= 0 and not all_quoted_clause(toks, a, b):
            return (a, b)
        named = quoted_name(toks, a, b)
        if (
            named is not None
            and named[1] < b
            and toks[named[1]].lower in ("und", "sowie")
            and not has_predicate(toks, named[1] + 1, b)
        ):
            a0 = a - 1 if a > 0 and toks[a - 1].q == first.q else a  # the opening mark
            return (a0, b)  # *»Ärzte ohne Grenzen« sowie das Rote Kreuz kündigten an*
        return None
    if (
        first.lower in PREPOSITIONS
        or first.lower in ADVERBS
        or first.lower in TIME_WORDS
        or (
            first.text[:1].isdigit()
            and not (a + 1 < finite and toks[a + 1].lower in QUANTITY_NOUNS)
        )
    ):
        return subject_after_verb(toks, finite + 1, n)  # *Ende Januar sagte X*, *1998 erklärte X*
    if all(t.lower in ADVERBS or t.lower in _ADVERBIAL_GLUE for t in toks[a:finite]):
        return subject_after_verb(toks, finite + 1, n)  # *Des Weiteren verwies X*
    if first.lower in OBJECT_DETERMINERS:
        return subject_after_verb(toks, finite + 1, n)  # *Seinen Ausstieg hatte X angekündigt*
    if finite - a == 1 and first.lower in DEMONSTRATIVE_SPEAKERS:
        return (a, a + 1)  # *Diese hatte … angekündigt*
    if finite - a == 1 and looks_adverbial(first):
        after = subject_after_verb(toks, finite + 1, n)
        if after is None and first.lower not in ADVERBS and not first.lower.endswith("weise"):
            # *Glos hatte gesagt*: a name that merely ends like an adverb (*-los, -ig*) and
            # no subject after the verb: the first field is the subject after all
            return (a, a + 1)
        return after
    if (
        finite - a > 2
        and toks[a + 1].lower in PREPOSITIONS
        and (looks_adverbial(first) or first.lower in _DEGREE_ADVERBS)
    ):
        # *Passend zu den Gefahren warnte X*: an adjective phrase with a complement
        after = subject_after_verb(toks, finite + 1, n)
        if after is not None:
            return after
    if cue_i > 0 and toks[cue_i - 1].lower in ("und", "sowie", "aber", "oder") and finite == cue_i:
        # coordination ellipsis (*Die Ministerin lobte X und sagte, …*): the subject of the
        # first conjunct
        ell = ellipsis_subject(toks, a, cue_i)
        if ell is not None:
            return ell
        return np_forward(toks, a)
    if first.lower == "als" and not any(t.text == "," for t in toks[a:finite]):
        if cue_last + 1 < n and toks[cue_last + 1].text in (",", ".", ";"):
            return np_forward(toks, a + 1)  # *Als X sagte, …*: subordinate, verb-final
        return subject_after_verb(toks, finite + 1, n)
    if first.lower in PERSONAL_SPEAKER_PRONOUNS:
        return (a, a + 1)
    if finite - a > MAX_NP:
        return np_forward(toks, a)
    # trim a trailing comma of an apposition
    b = finite
    while b > a and toks[b - 1].text in (",", "–"):
        b -= 1
    if b > a and any(is_head(t) for t in toks[a:b]):
        if is_abstract_np(toks, a, b) or is_time_np(toks, a, b):
            # *Seine Zuversicht drückte X aus*, *Die Haltung der Regierung kritisierte X*:
            # an abstract first field is the object when a subject follows the verb;
            # *Wenige Stunden nach dem Putsch erklärte X*: a time phrase is an adverbial
            after = subject_after_verb(toks, finite + 1, n)
            if (
                after is not None
                and not is_abstract_np(toks, *after)
                # (a document noun is the subject: *Eine Schätzung beziffert den Schaden …*)
                and not document_subject(toks, a, b, after)
            ):
                # (an abstract phrase after the verb too, *Die Studie hatte die Absicht …*:
                # the default order, subject first, is the likelier reading)
                return after
            if (
                is_time_np(toks, a, b)
                and not is_abstract_np(toks, a, b)
                and not any(t.q >= 0 for t in toks[a:b])
                and not source_headed(toks, a, b)
            ):
                # a time phrase is never the subject, whatever follows (but *Die
                # Monatsblatt »Neue Zeit«* is a medium, not a time)
                return after
        return first_field_np(toks, a, b)
    return subject_after_verb(toks, finite + 1, n)
