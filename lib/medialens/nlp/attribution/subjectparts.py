"""The parts of a subject the speaker rules look up around a cue: a noun phrase with its
appositions before a comma (*…, die Sprecherin der Fraktion, Sandra Boser, erklärte*), the
subject around or inside a relative clause (*Der NDR, der … verantwortlich ist, begründete*),
and the quoted object of *zitieren*.

Why a module of its own: :func:`.speakers.speaker_of_cue` decides which of these applies;
the look-ups themselves are independent of that decision. Moved verbatim out of
:mod:`.speakers`. Limits: as there, no parser — commas, relative pronouns and predicate words.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clauses import (
    PASSIVE_AUX,
    clause_start,
    has_clause_word,
    is_passive,
)
from medialens.nlp.attribution.morphology import analyse, lexicon
from medialens.nlp.attribution.npclass import looks_adverbial
from medialens.nlp.attribution.phrases import (
    ADVERBS,
    AUXILIARIES,
    DETERMINERS,
    LEADING_PARTICLES,
    MAX_NP,
    NOMINATIVE_PRONOUNS,
    OBJECT_DETERMINERS,
    PREPOSITIONS,
    RELATIVES,
    SUBORDINATORS,
    first_field_np,
    is_cap,
    is_head,
    np_forward,
)
from medialens.nlp.attribution.subjects import (
    subject_after_verb,
    with_apposition,
)
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: degree and time adverbs that open an adverbial first field (*Kurz nach dem Putsch*)
_DEGREE_ADVERBS = wordset("kurz unmittelbar direkt knapp gleich spät früh lange bald")


def _np_chain_before(toks: Sequence[Tok], comma: int) -> tuple[int, int] | None:
    """The noun phrase with its appositions that ends at ``comma`` (before the verb) and starts
    after an earlier comma or at the unit start: *…, die Sprecherin der Fraktion, Sandra Boser,
    erklärte* -> *die Sprecherin der Fraktion, Sandra Boser*. Each comma-separated segment must
    be free of predicates (else it is a clause), the first must start a noun phrase; the chain
    must be preceded by a clause (a predicate) or the unit start."""
    end = comma
    j = comma - 1
    first = None
    while j >= 0:
        k = j
        while k >= 0 and not (toks[k].text in (",", ":", ";") and toks[k].q < 0):
            k -= 1
        seg_start = k + 1
        if seg_start >= end or has_clause_word(toks, seg_start, j + 1):
            break
        if any(t.q >= 0 for t in toks[seg_start : j + 1]):
            break
        first = seg_start
        if k < 0 or toks[k].text != ",":
            break
        j = k - 1
        if comma - j > MAX_NP + 6:
            break
    if first is None:
        return None
    if toks[first].lower in OBJECT_DETERMINERS or toks[first].lower in SUBORDINATORS:
        return None
    if np_forward(toks, first, end=end) is None:
        return None
    return first_field_np(toks, first, end)


def _relative_clause_end(toks: Sequence[Tok], start: int, cue_i: int) -> int | None:
    """The comma that closes a relative clause starting at ``start`` when a finite auxiliary
    of the main clause follows it before the cue (*X, der … wurde, hat … gesagt*), or None."""
    if start < 1 or toks[start - 1].text != "," or toks[start].lower not in RELATIVES:
        return None
    for c in range(start + 2, cue_i - 1):
        t = toks[c]
        if t.text == "," and t.q < 0:
            nxt = toks[c + 1]
            if nxt.q < 0 and nxt.lower in AUXILIARIES and has_clause_word(toks, start + 1, c):
                return c
            return None
    return None


def _subject_before_relative(toks: Sequence[Tok], comma: int) -> tuple[int, int] | None:
    """*Der NDR, der in der ARD … verantwortlich ist, begründete …*: a noun phrase at the
    start of the unit, then a relative clause that ends at ``comma`` right before the verb —
    the noun phrase is the subject of the verb (the verb is in second position)."""
    k = next((j for j in range(comma - 1, 0, -1) if toks[j].text == "," and toks[j].q < 0), None)
    if k is None or k + 1 >= comma or toks[k + 1].lower not in RELATIVES:
        return None
    a = 0
    while a < k and toks[a].lower in LEADING_PARTICLES:
        a += 1
    b = k
    while b > a + 1 and toks[b - 1].lower in ADVERBS and toks[b - 1].text[:1].islower():
        b -= 1  # *John Edwards dagegen, der …, bekräftigte*
    if toks[a].lower in OBJECT_DETERMINERS or any(t.q >= 0 for t in toks[a:k]):
        return None
    sp = np_forward(toks, a, end=b)
    if sp is not None and sp[1] < b and toks[sp[1]].text == "(":
        sp = first_field_np(toks, a, b)  # *Die Interessengemeinschaft (IGD), die …*
    if sp is not None and sp[1] == b and not any(t.text in (",", ":", ";") for t in toks[a:k]):
        return sp
    if b == k and any(t.text == "," for t in toks[a:k]):
        # *Hans Maier, der Minister des Landes, der …, sagte*: a name with its apposition
        chain = _np_chain_before(toks, k)
        if chain is not None and chain[0] == a and chain[1] == k:
            return chain
    return None


#: words that are a subordinating conjunction or a preposition (*seit er …*, *seit Jahren*)
_PREPOSITION_SUBORDINATORS = wordset("seit während bis")


#: pronoun subjects that may stand between *zitieren* and its object
_ZITIEREN_SUBJECTS = wordset("man er sie wir ich")


def quoted_object(toks: Sequence[Tok], cue_i: int, cue_last: int) -> tuple[int, int] | None:
    """*Der Spiegel zitiert den Prediger mit …*, *zitierte man X*: with *zitieren* the person
    whose words are given is the object after the verb, not the subject (the medium).

    Limits: only an object right after the verb (or after a pronoun subject); passive
    *wird … zitiert* and an object in the first field are left to ``speaker_of_cue``.
    """
    start = clause_start(toks, cue_i)
    if is_passive(toks, start, cue_i, cue_last):
        # *»…«, wird Panetta zitiert*, *X wird von der Zeitung mit den Worten zitiert*, *wie X
        # von Y zitiert wird*: the subject is the one quoted, the agent only relays the words
        if toks[start].lower in SUBORDINATORS:
            agent = next(
                (j for j in range(start + 2, cue_i) if toks[j].lower in ("von", "vom")), cue_i
            )
            return np_forward(toks, start + 1, end=agent)
        for k in range(start, cue_i):
            if toks[k].q < 0 and toks[k].lower in PASSIVE_AUX:
                before = toks[k - 1] if k > 0 else None
                if before is not None and before.text == "," and before.q < 0:
                    # *X, Fraktionschef der Grünen, wird … zitiert*: an apposition chain
                    chain = _np_chain_before(toks, k - 1)
                    if chain is not None:
                        return chain
                if (
                    before is not None
                    and before.text not in (",", ":")
                    and before.q < 0
                    and toks[start].lower not in PREPOSITIONS
                ):
                    return np_forward(toks, start)
                return subject_after_verb(toks, k + 1, cue_i)
        return None
    j = cue_last + 1
    n = len(toks)
    if j < n and toks[j].lower in _ZITIEREN_SUBJECTS:
        j += 1
    if j >= n or toks[j].q >= 0 or not (toks[j].lower in DETERMINERS or is_cap(toks[j])):
        return None
    if toks[j].lower in ("der", "die", "das") and j == cue_last + 1:
        return None  # *zitiert die Zeitung*: a nominative subject after the verb
    sp = np_forward(toks, j)
    return with_apposition(toks, sp, n) if sp is not None else None


#: words of multi-word adverbials (*des Weiteren*, *im Übrigen*, *zum einen*)
_ADVERBIAL_GLUE = wordset("des im zum am weiteren übrigen einen anderen ganzen allgemeinen")


def _relative_clause_subject(toks: Sequence[Tok], rel: int, cue_i: int) -> tuple[int, int] | None:
    """The subject of a relative clause that has one of its own besides the relative pronoun
    at ``rel``: a nominative personal pronoun or a name right after it (*…, die Gerhard
    Schröder … erklärt hatte*, *…, den er … nannte*); then the relative pronoun is an object.

    Limits: a common noun after *der/die/das* is left alone (*…, der Präsident des Landes,
    sagte*: an article, not a relative pronoun); a name must be unknown to the noun lexicon or
    listed only as a name, and not end like a role noun whose tail the lexicon knows
    (*Rettungskoordinator*); with an article (*…, die die Regierung …*) the case is
    ambiguous and nothing is returned.
    """
    k = rel + 1
    if k >= cue_i or toks[k].q >= 0 or toks[rel].lower in ("dessen", "deren"):
        return None
    if toks[k].lower in NOMINATIVE_PRONOUNS:
        return (k, k + 1)
    if not is_head(toks[k]) or looks_adverbial(toks[k]):
        return None
    word = toks[k].text
    info = lexicon().lookup(word)
    if info is not None and info.common:
        return None
    if word.endswith(_ROLE_ENDINGS) and (info := analyse(word)) is not None and info.common:
        return None  # *der Rettungskoordinator*: a compound role noun (not listed itself)
    return np_forward(toks, k, end=cue_i)


#: endings of role nouns (a compound with one is a common noun, not a name: *Koordinator*)
_ROLE_ENDINGS = ("or", "er", "ent", "ant", "ist", "in", "chef", "sprecher")
