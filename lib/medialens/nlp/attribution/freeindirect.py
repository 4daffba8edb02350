"""The free-indirect and hearsay step: Konjunktiv sentences without a cue, *sollen*-hearsay.

Why a module of its own: units without a reporting cue that still report speech (a Konjunktiv
continuation of the current speaker, hearsay with *sollen*) are one stage of
:func:`.extract._analyse_unit`, with their own speaker tests. Moved verbatim out of
:mod:`.extract`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from medialens.nlp.attribution.carry import pronominal_adverb
from medialens.nlp.attribution.clausebounds import _DEFINITE, _FINAL_PUNCT
from medialens.nlp.attribution.clauses import clause_start, is_passive
from medialens.nlp.attribution.complementconjunct import complement_conjunct_subject
from medialens.nlp.attribution.continuations import (
    KONJUNKTIV_I_FORMS,
    perfect_hearsay,
    stative_hearsay,
)
from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.hearsayclause import hearsay_clause_start
from medialens.nlp.attribution.konjunktiv import (
    KONJUNKTIV_FORMS,
    SINGULAR_KONJUNKTIV_II,
    is_konjunktiv,
)
from medialens.nlp.attribution.morphology import analyse
from medialens.nlp.attribution.npclass import is_abstract_np
from medialens.nlp.attribution.phrases import (
    AUXILIARIES,
    PERSONAL_SPEAKER_PRONOUNS,
    RELATIVES,
    SUBORDINATORS,
    is_adjective,
    is_head,
)
from medialens.nlp.attribution.phrases import DETERMINERS as DETERMINERS_
from medialens.nlp.attribution.phrases import PREPOSITIONS as PREPOSITIONS_
from medialens.nlp.attribution.quotebounds import konjunktiv_after_indicative
from medialens.nlp.attribution.quotestate import (
    Options,
    _make_speaker,
    _State,
    _trim,
    _wordish,
    latest_mention,
    speaker_of_cue,
)
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.scan import HEARSAY
from medialens.nlp.attribution.scarenames import looks_like_name
from medialens.nlp.attribution.sourcecues import find_source_phrases
from medialens.nlp.attribution.speakers import after_verb_speaker, v2_subject
from medialens.nlp.attribution.units import Tok, Unit
from medialens.nlp.attribution.verbspeaker import heisst_es_source
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote, Speaker


def _embedded_in_konjunktiv(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is the cue a participle/infinitive under a Konjunktiv auxiliary (*hätten … erklärt*)?"""
    ci = hit.tokens[0]
    if ci > 0 and toks[ci - 1].text == "," and after_verb_speaker(toks, ci + 1) is not None:
        return False  # *Sie seien …, sagte X*: the finite verb of an inverted frame
    if (
        hit.lemma == "heißen"
        and ci > 0
        and toks[ci - 1].text == ","
        and ci + 1 < len(toks)
        and toks[ci + 1].lower == "es"
        and heisst_es_source(toks, ci) is not None
    ):
        # *Sie seien …, hieß es bei X*: the impersonal inverted frame with a source of its
        # own (*hieß es weiter* names none and goes on with the current speaker)
        return False
    if (
        ci > 1
        and toks[ci - 1].lower in ("und", "sowie")
        and complement_conjunct_subject(toks, ci - 1) is not None
    ):
        # *X erklärte, A sei „B“ und kündigte an, …*: the finite verb of a second conjunct of
        # the main clause; the Konjunktiv before *und* is the first verb's complement
        return False
    start = clause_start(toks, ci, inverted=False)
    for t in toks[start:ci]:
        if t.q < 0 and t.lower in AUXILIARIES:
            return is_konjunktiv(t.text, t.lemma) and t.lower not in SINGULAR_KONJUNKTIV_II
    # *Außerdem halte der Verein die Kosten für angemessen*: the finite cue itself in
    # Konjunktiv I, in a main clause, reports what the current speaker said
    cue = toks[ci]
    if (
        start > 0
        and toks[start].lower in _COMPLEMENT_OPENERS
        and toks[start - 1].text == ","
        and _konjunktiv_main_clause_first(toks, start)
    ):
        # *Es sei schwierig, dass das Gremium eine Person findet, …*: a cue in a complement
        # clause of a Konjunktiv main clause is part of what the current speaker said
        return True
    if (
        not is_konjunktiv(cue.text, cue.lemma)
        or cue.lower in SINGULAR_KONJUNKTIV_II
        or cue.lower.endswith("en")
    ):
        return False
    return (start == 0 and toks[0].lower not in SUBORDINATORS) or _konjunktiv_before(toks, start)


#: openers of a verb-final complement clause (*dass, ob*)
_COMPLEMENT_OPENERS = wordset("dass daß ob")


def _konjunktiv_main_clause_first(toks: Sequence[Tok], start: int) -> bool:
    """Has the sentence a Konjunktiv verb in its first comma-part, before any subordinator,
    and before ``start`` (*Es sei schwierig, dass …*)? Then that part is a main clause of
    reported speech and a complement clause at ``start`` belongs to it. Limits: a sentence
    without commas (older text) is one comma-part; a Konjunktiv after a subordinator there
    (*X entdeckte daß alle Wörter spanisch seien*) is no main clause."""
    for t in toks[:start]:
        if t.text == "," or t.lower in SUBORDINATORS:
            return False
        if t.q < 0 and is_konjunktiv(t.text, t.lemma) and t.lower not in SINGULAR_KONJUNKTIV_II:
            return True
    return False


def _konjunktiv_before(toks: Sequence[Tok], start: int) -> bool:
    """Does a Konjunktiv I verb stand before the clause at ``start`` (*Neu sei, dass der
    Bürgermeister anordne, …*; *Den Plan, den die Regierung verfolge, unterstütze die
    Partei*)? Then the Konjunktiv cue at ``start`` is embedded in reported speech too: the
    whole sentence passes on what the current speaker said, and the subject of the
    embedded verb is no new speaker."""
    for t in toks[:start]:
        if t.q >= 0:
            continue
        if t.lower in KONJUNKTIV_I_FORMS:
            return True
        if (
            t.text[-1:] == "e"
            and t.lower not in SINGULAR_KONJUNKTIV_II
            and is_konjunktiv(t.text, t.lemma)
        ):
            return True
    return False


def _speaks(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Does the cue attribute words to someone? Active voice with a speaker, a passive with
    an agent (*von X*, not the vague *aus X*), or the impersonal *es heißt*."""
    ci, last = hit.tokens[0], max(hit.tokens)
    if hit.lemma == "heißen":
        return True
    if hit.noun:
        return v2_subject(toks, ci) is not None
    start = clause_start(toks, ci)
    if is_passive(toks, start, ci, last):
        return any(
            t.q < 0 and t.lower in ("von", "vom", "seitens", "vonseiten", "durch")
            for t in toks[start:ci]
        )
    return speaker_of_cue(toks, ci, last) is not None


def _hearsay(outside: Sequence[Tok]) -> bool:
    """*soll/sollen* (not *sollte*): the modal of hearsay and of announced plans, which news
    uses to pass on what a source said (free indirect speech). Only in verb-second position:
    a clause-final *soll* ends a relative or subordinate clause (*…, das finanziert werden
    soll*) and says nothing about the sentence."""
    n = len(outside)
    return any(
        t.lower in HEARSAY
        and k + 1 < n
        and outside[k + 1].text not in (",", ".", ";", ":", "!", "?", ")", "–")
        for k, t in enumerate(outside)
    )


#: subordinators of a clause whose Konjunktiv gives the subject's reason or claim
_REASON_SUBORDINATORS = wordset("weil da zumal")


def _embedded_konjunktiv(toks: Sequence[Tok]) -> tuple[int, int] | None:
    """The token range of a causal or relative clause in Konjunktiv inside an indicative
    sentence (*…, da er jeder Grundlage entbehre*; *…, die von X verübt würden*), or None.

    Why: the Konjunktiv of a dependent clause marks its content as what the subject of the
    sentence said or claimed, while the main clause is the reporter's. Limits: the clause
    ends at the next comma (a *zu*-infinitive after it belongs to it); the main clause counts
    as indicative when no comma-part outside such clauses has a Konjunktiv form; only the
    closed-list Konjunktiv I forms and *würden/hätten* count (not an irrealis *hätten …
    können*), and not next to *ich/wir*.
    """
    n = len(toks)
    bounds = [-1, *(k for k in range(n) if toks[k].text == "," and toks[k].q < 0), n]
    found: tuple[int, int] | None = None
    for i in range(len(bounds) - 1):
        a, b = bounds[i] + 1, bounds[i + 1]
        if a >= b:
            continue
        dependent = i > 0 and _dependent_opener(toks, a, b)
        if dependent and found is None and _reported_form_in(toks, a, b):
            while b < n and toks[b].text == "," and _infinitive_part(toks, b + 1):
                b = next((k for k in range(b + 1, n) if toks[k].text == "," and toks[k].q < 0), n)
            found = (a, b)
        elif not dependent and any(
            t.q < 0
            and (t.text in KONJUNKTIV_FORMS or t.text[-1:] == "e")
            and is_konjunktiv(t.text, t.lemma)
            for t in toks[a:b]
        ):
            return None  # the main clause is in Konjunktiv: a continuation as a whole
    return found


def _dependent_clause_after_comma(toks: Sequence[Tok]) -> bool:
    """Cheap test before :func:`_embedded_konjunktiv`: a comma followed by a causal
    subordinator, a relative pronoun or a preposition (of a relative clause)?"""
    # (one pass over pairs of neighbours, no index arithmetic: this runs for most units)
    for tok, nxt in pairwise(toks):
        if tok.text == "," and tok.q < 0 and nxt.lower in _AFTER_COMMA_OPENERS:
            return True
    return False


#: first words of a causal or relative clause (see :func:`_dependent_clause_after_comma`)
_AFTER_COMMA_OPENERS: frozenset[str] = _REASON_SUBORDINATORS | RELATIVES | PREPOSITIONS_


def _dependent_opener(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Does the comma-part ``toks[a:b]`` open a causal or relative clause (not an article:
    *…, die verdächtigen Personen seien …*, *…, bei den Toten handele es sich …*)?"""
    opener = toks[a].lower
    if opener in _REASON_SUBORDINATORS:
        return True
    k = a + 1 if opener in PREPOSITIONS_ else a
    if k >= b or toks[k].lower not in RELATIVES:
        return False
    nxt = toks[k + 1] if k + 1 < b else None
    if toks[k].lower in _DEFINITE | {"den", "dem"} and nxt is not None:
        return not (is_head(nxt) or is_adjective(nxt))
    return True


#: Konjunktiv forms that mark a dependent clause as reported (*würden, hätten* stand in for a
#: plural Konjunktiv I)
_EMBEDDED_FORMS = KONJUNKTIV_I_FORMS | wordset("würden hätten")


_MODAL_INFINITIVES = wordset("können müssen sollen dürfen")


def _reported_form_in(toks: Sequence[Tok], a: int, b: int) -> bool:
    words = [t for t in toks[a:b] if t.q < 0 and t.text not in _FINAL_PUNCT]
    if any(t.lower in ("ich", "wir") for t in words):
        return False
    if (
        words
        and words[-1].lower in _MODAL_INFINITIVES
        and any(t.lower in ("hätte", "hätten") for t in words)
    ):
        return False  # *hätten entdeckt werden können*: an irrealis
    n = len(words)
    return any(
        t.text in _EMBEDDED_FORMS
        or (
            # a regular Konjunktiv I (*entbehre*), not an adjective before its noun
            t.text not in SINGULAR_KONJUNKTIV_II
            and is_konjunktiv(t.text, t.lemma)
            and not (k + 1 < n and words[k + 1].text[:1].isupper())
            and not (k and words[k - 1].lower in DETERMINERS_)
        )
        for k, t in enumerate(words)
    )


def _infinitive_part(toks: Sequence[Tok], a: int) -> bool:
    """Is the comma-part at ``a`` a *zu*-infinitive (*…, mehr Vertrauen zu setzen*)?"""
    end = next((k for k in range(a, len(toks)) if toks[k].text in (",", ".", ";")), len(toks))
    return end - a >= 2 and (
        toks[end - 2].lower == "zu"
        or re.fullmatch(r"[a-zäöü]+zu[a-zäöü]+en", toks[end - 1].text) is not None
    )


def _free_konjunktiv_quote(
    toks: Sequence[Tok], text: str, sid: int, prev_toks: Callable[[], list[Tok]], state: _State
) -> Quote | None:
    """A sentence whose main clause is in Konjunktiv I, far from any quotation: indirect
    speech whose frame is not in the text (*Die Ursache sei noch unklar.*). Its speaker is
    the subject of the sentence before when that is a possible source, else unknown. Of a
    sentence whose main clause is the reporter's indicative only the Konjunktiv clause
    (:func:`.quotebounds.konjunktiv_after_indicative`)."""
    a, b = _trim(toks, *(konjunktiv_after_indicative(toks) or (0, len(toks))))
    if a >= b:
        return None
    start, end = toks[a].start, toks[b - 1].end
    speaker = _previous_subject(prev_toks(), text, state)
    return Quote(start, end, ((start, end),), text[start:end], "indirect", speaker, None, sid)


def _free_hearsay(
    toks: Sequence[Tok], text: str, sid: int, state: _State, ui: int, unit: Unit, opts: Options
) -> Quote | None:
    """A sentence of hearsay *sollen* with a perfect infinitive, without a cue: free indirect
    speech. Its speaker is the current speaker when that was quoted within the continuation
    gap in this or the previous paragraph, else unknown (None)."""
    first = 0
    if perfect_hearsay(toks):
        # (*X wurde festgenommen, er soll … haben*: the hearsay clause only)
        first = hearsay_clause_start(toks)
    else:
        stative = stative_hearsay(toks)
        if stative is None:
            return None
        first = stative
    a, b = _trim(toks, first, len(toks))
    if a >= b:
        return None
    start, end = toks[a].start, toks[b - 1].end
    recent = ui - state.unit <= opts.continuation_gap and unit.paragraph == state.paragraph
    speaker = latest_mention(text, state.speaker, start, state) if recent else None
    return Quote(start, end, ((start, end),), text[start:end], "indirect", speaker, None, sid)


def _previous_subject(ptoks: Sequence[Tok], text: str, state: _State) -> Speaker | None:
    """The subject of an indicative sentence without quotation or Konjunktiv (the sentence
    before a Konjunktiv continuation), if it is a non-abstract noun phrase or a pronoun."""
    if len(ptoks) < 3 or sum(t.q >= 0 for t in ptoks) > _SCARE_QUOTE_TOKENS:
        return None  # (a short quoted word, *nach dem »gut« der Prüfer*, is no quotation)
    if any(is_konjunktiv(t.text, t.lemma) for t in ptoks):
        return None
    rng = v2_subject(ptoks, len(ptoks))
    if rng is None or is_abstract_np(ptoks, *rng) or not speaker_like(ptoks, *rng):
        return None
    if _hearsay_of_subject(ptoks, rng):
        return None  # *X soll … haben.*: reported itself; X is talked about, not a source
    np = ptoks[rng[0] : rng[1]]
    if len(np) == 1 and pronominal_adverb(np[0].text):
        return None  # *Daneben standen Vitrinen.*: an adverbial first field, no subject
    if not (_source_like(np) or _known_surname(np, text)):
        return None
    return _make_speaker(ptoks, rng, text, state)


def _hearsay_of_subject(ptoks: Sequence[Tok], rng: tuple[int, int]) -> bool:
    """Is hearsay *soll/sollen* the verb of the clause whose subject is ``rng`` (*Ein Mann
    soll die Frauen belästigt haben.*; *Der Minister, Y, soll … erschossen worden sein.*;
    *Dabei soll X …*)? Then the sentence is itself passed on, and its subject is the person
    talked about, not the source of the Konjunktiv sentence after it (*Er habe versucht, …*
    is still the unnamed source's).

    Limits: the clause is the comma-part of the subject, after one insertion of at most
    :data:`_INSERTION_TOKENS` tokens between commas (an apposition or short relative clause:
    *X, Y, soll*); *soll* in another comma-part (*X will 100 Autos verkaufen, 2010 sollen es
    200 sein*) leaves the subject a possible source."""
    n = len(ptoks)
    a = rng[0]
    while a > 0 and ptoks[a - 1].text != ",":
        a -= 1
    b = rng[1]
    if b < n and ptoks[b].text == ",":
        k = b + 1
        while k < n and k - b <= _INSERTION_TOKENS and ptoks[k].text != ",":
            k += 1
        if k < n and ptoks[k].text == ",":
            b = k + 1
    while b < n and ptoks[b].text != ",":
        b += 1
    clause = [t for t in ptoks[a:b] if t.q < 0]
    if b < n:
        clause.append(ptoks[b])  # (the comma: a clause-final *soll* is no hearsay verb)
    return _hearsay(clause)


#: the longest insertion between commas after a subject (an apposition, a short relative
#: clause) that :func:`_hearsay_of_subject` looks past
_INSERTION_TOKENS = 8


def _known_surname(np: Sequence[Tok], text: str) -> bool:
    """A single capitalised word that the article introduced earlier with a first name or
    title (*Mark Larson … Larson gab sich optimistisch*): a person, hence a possible source.

    Why: a bare capitalised subject is usually a common noun (*Sirenen heulten*); a word
    that earlier followed another capitalised word is a surname. Limit: string match.
    """
    if len(np) != 1 or not np[0].text[:1].isupper() or len(np[0].text) < 3:
        return False
    word, end = np[0].text, np[0].start
    # as ``[A-ZÄÖÜ][\w.-]+ word(?![\w-])`` searched in ``text[:end]``, without compiling a
    # pattern per word: a space, and before it a run of ``[\w.-]`` with a capital letter
    # that is not the run's last character
    i = text.find(" " + word, 0, end)
    while i >= 0:
        j = i + 1 + len(word)
        if j >= end or not _wordish(text[j]):
            k = i - 1
            while k >= 0 and (_wordish(text[k]) or text[k] == "."):
                if k < i - 1 and text[k] in _CAPITALS:
                    return True
                k -= 1
        i = text.find(" " + word, i + 1, end)
    return False


_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")


def _source_like(np: Sequence[Tok]) -> bool:
    """Could this subject be a source? A pronoun, a definite noun phrase (*die Gewerkschaft*),
    a name of several capitalised words (*Staatspräsident Georgi Parwanow*) or an acronym
    (*ROG*) — not a bare plural or a counted group (*Sirenen heulten*, *Fünf Personen*)."""
    first = np[0]
    if len(np) == 1:
        return (
            first.lower in PERSONAL_SPEAKER_PRONOUNS
            or looks_like_name(first.text)
            or _proper_name(first.text)
        )
    if first.lower in _DEFINITE:
        return True
    if (
        first.text[:1].isupper()
        and first.lower not in _NUMERALS
        and any(t.lower in _GENITIVE_ARTICLES for t in np[1:-1])
    ):
        # *Vertreter der Bürgerinitiative X*, *Sprecher der Regierung*: a bare plural with a
        # genitive attribute names a definite group (unlike *Sirenen*, *Fünf Personen*)
        return True
    return (
        all(t.text[:1].isupper() for t in np)
        and not first.text[:1].isdigit()
        and first.lower not in _NUMERALS
    )


def _proper_name(word: str) -> bool:
    """A capitalised word that the noun lexicon does not know as a common noun: a company,
    organisation or family name (*Greenpeace*, *Amnesty*), which can be a source — unlike
    a bare common noun (*Sirenen*)."""
    if not word[:1].isupper() or len(word) < 3 or not word.replace("-", "").isalpha():
        return False
    info = analyse(word)
    return info is None or not info.common


#: quoted tokens (with the marks) that a source sentence before a continuation may hold
_SCARE_QUOTE_TOKENS = 4


_GENITIVE_ARTICLES = wordset("der des")


_NUMERALS = wordset(
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig hundert tausend "
    "mehrere viele einige zahlreiche wenige etwa rund über"
)


#: source adverbs that point back to a source named before (*Demnach*, *Danach*, *Dem­zufolge*)
ANAPHORIC_SOURCES = wordset("demnach danach demzufolge dementsprechend")


def anaphoric_antecedent(ptoks: Sequence[Tok], text: str, state: _State) -> Speaker | None:
    """The source that an anaphoric source adverb (*Demnach …*) of the current speaker points
    back to, read from the sentence before it (``ptoks``): its source phrase (*laut dem
    Magazin*, *nach Angaben der Polizei*), else its subject if that can speak (*Inzwischen
    sind neue Vorwürfe bekannt geworden. Demnach …*).

    Why: a Konjunktiv continuation after *Demnach X …* goes on with what that source said;
    the adverb itself is no mention to carry further (the gold standard marks the source).
    """
    if len(ptoks) < 3:
        return None
    for hit in find_source_phrases(ptoks):
        if hit.speaker is not None and ptoks[hit.speaker[0]].lower not in ANAPHORIC_SOURCES:
            return _make_speaker(ptoks, hit.speaker, text, state)
    rng = v2_subject(ptoks, len(ptoks))
    if rng is None or is_abstract_np(ptoks, *rng) or not speaker_like(ptoks, *rng):
        return None
    return _make_speaker(ptoks, rng, text, state)


def embedding_subject(
    toks: Sequence[Tok], embedded_start: int, text: str, state: _State
) -> Speaker | None:
    """The subject of the indicative main clause around an embedded Konjunktiv clause (*Die
    Alliierten erhoben Einspruch, weil Berlin einen Sonderstatus habe*; *Er zeigte sich offen
    für eine Strategie, die darin bestehen solle, …*), if it can speak.

    Why: the Konjunktiv marks the clause as that subject's claim or reason, even when the
    clause follows a recent quotation of someone else; the current speaker is only the
    fallback when the main clause has no speaking subject (*Die Lage blieb ruhig, …*).
    """
    rng = v2_subject(toks, embedded_start)
    if rng is None or rng[1] > embedded_start:
        return None
    if is_abstract_np(toks, *rng) or not speaker_like(toks, *rng):
        return None
    return _make_speaker(toks, rng, text, state)
