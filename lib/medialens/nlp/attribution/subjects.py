"""The subject phrase of a verb-second clause whose verb position is known or guessed: right
after the finite verb (*…, sagte Außenamtssprecherin X am Rande …*), or the first field
before it unless that field is an object, an abstract or time phrase, or a prepositional
phrase (then the subject follows the verb).

Why a module of its own: :mod:`.speakers` decides which position applies to a cue;
:mod:`.reference` and the continuation rules need the same positions for sentences whose verb
is not a cue. These functions skip what stands between a verb and its subject —
prepositional phrases with their genitive and prepositional attributes, adverbs, quoted
names in apposition — and stop at clause punctuation.

Limits: no parser; a genitive *der/einer* is told from a nominative by the noun's gender in
the lexicon (:mod:`.morphology`) only; a directional *von/vom* phrase after a subject is taken
as its attribute (*die Demonstranten vom Bahnhof*).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.morphology import FEM, analyse
from medialens.nlp.attribution.npclass import is_abstract_np, is_time_np, looks_adverbial
from medialens.nlp.attribution.phrases import (
    ADVERBS,
    DEMONSTRATIVE_SPEAKERS,
    DETERMINERS,
    LEADING_PARTICLES,
    OBJECT_DETERMINERS,
    PERSONAL_SPEAKER_PRONOUNS,
    PREPOSITIONS,
    SUBORDINATORS,
    TIME_WORDS,
    appositive_name,
    is_adjective,
    is_cap,
    is_head,
    np_forward,
    quoted_name,
)
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset


def v2_subject(toks: Sequence[Tok], end: int, *, start: int = 0) -> tuple[int, int] | None:
    """Subject of a verb-second clause ``toks[start:end]`` when the verb is not known: the
    first field if it is a noun phrase, else the phrase after the finite verb. A first field
    that is an object (*Den Plan lobte X*), abstract (*Die Äußerungen des Richters nannte
    X …*) or a time phrase yields to a concrete phrase right after the verb that follows it."""
    a = start
    while a < end and toks[a].lower in LEADING_PARTICLES:
        a += 1
    if a >= end:
        return None
    first = toks[a]
    if first.lower in PERSONAL_SPEAKER_PRONOUNS:
        return (a, a + 1)
    if first.lower in DEMONSTRATIVE_SPEAKERS and a + 1 < end and _verb_like(toks[a + 1]):
        # *Diese verließen den Saal und drohten …*: a demonstrative standing alone before the
        # finite verb is the subject (before a noun it is the article: *Diese Männer*)
        return (a, a + 1)
    if a > start and particle_first_field(toks, a):
        # *So hat die Stadt die Gebühren erhöht*: the particle is the whole first field, the
        # finite verb follows it and the subject the verb
        return subject_after_verb(toks, a + 1, end)
    if first.lower in SUBORDINATORS:
        main = main_clause_after_subordinate(toks, a, end)
        if main is not None:
            # *Als X eingriff, schlug der Mann um sich*: the subordinate clause is the first
            # field, the finite verb follows its comma, the subject follows the verb
            return subject_after_verb(toks, main + 1, end)
    if first.lower in PREPOSITIONS:
        # the prepositional phrase with its attributes, then the finite verb
        j = attributes_end(toks, phrase_end(toks, a + 1, end), end)
        j = coordinated_attributes_end(toks, j, end)
        if j < end and toks[j].text == "," and toks[j].q < 0:
            # *Angesichts der Meldungen, das Wasser sei verunreinigt, wachsen Sorgen*: a clause
            # inserted after the phrase; the finite verb follows its closing comma
            j = inserted_clause_end(toks, j, end)
            if j is None:
                return None
        return subject_after_verb(toks, j + 1, end)
    if looks_adverbial(first) or _year_first_field(toks, a, end):
        return subject_after_verb(toks, a + 2, end)
    sp = np_forward(toks, a, end=end)
    if sp is not None and sp[1] + 1 < end and toks[sp[1]].lower in ("und", "sowie", "oder"):
        more = np_forward(toks, sp[1] + 1, end=end)  # *Die Äußerungen X und Y*
        if more is not None:
            sp = (sp[0], more[1])
    if sp is None or sp[1] + 1 >= end:
        return sp
    objective = (
        first.lower in OBJECT_DETERMINERS or is_abstract_np(toks, *sp) or is_time_np(toks, *sp)
    )
    v = attributes_end(toks, sp[1], end) if objective else sp[1]
    if v + 1 >= end:
        return sp
    verb = toks[v]
    if (
        objective
        and verb.q < 0
        and verb.text[:1].islower()
        and verb.text.isalpha()
        and verb.lower not in _NOT_VERBS
    ):
        after = subject_after_verb(toks, v + 1, end)
        if after is not None and not is_abstract_np(toks, *after):
            return after
    return sp


def _verb_like(t: Tok) -> bool:
    """Can the lower-case word after a sentence-initial demonstrative be its finite verb
    (*Diese verließen*, *Dieser sagte*) rather than an adjective of a noun phrase (*Diese neuen
    Regeln*)? A word with an adjective ending counts only when its lemma is an infinitive
    other than the word itself (*baten* → *bitten*; *neuen* → *neu*)."""
    if t.q >= 0 or not t.text.isalpha() or not t.text[:1].islower() or t.lower in _NOT_VERBS:
        return False
    if not is_adjective(t):
        return True
    lemma = t.lemma.lower()
    return lemma != t.lower and lemma.endswith(("en", "ern", "eln"))


#: tokens an inserted clause after a fronted phrase spans at most
_MAX_INSERTED = 25


def inserted_clause_end(toks: Sequence[Tok], comma: int, end: int) -> int | None:
    """The comma that closes a clause or apposition opened by the comma at ``comma`` after
    a fronted phrase (the token before the finite verb), or None when there is none within
    :data:`_MAX_INSERTED` tokens before ``end``."""
    for k in range(comma + 1, min(end, comma + _MAX_INSERTED)):
        t = toks[k]
        if t.q >= 0:
            continue
        if t.text in (".", ";", ":", "!", "?"):
            return None
        if t.text == ",":
            return k
    return None


def particle_first_field(toks: Sequence[Tok], a: int) -> bool:
    """Is ``toks[a]``, right after a leading particle (*So*, *Doch*, *Auch*), the finite verb
    of a verb-second clause, so that the particle was the whole first field (*So hat die
    Stadt …*), not a focus particle before a noun phrase (*Auch die Stadt hat …*)? Only
    auxiliaries and modals count: a lower-case word there may also be an adjective or adverb."""
    t = toks[a]
    return t.q < 0 and t.lower in FINITE_AUXILIARIES


def main_clause_after_subordinate(toks: Sequence[Tok], a: int, end: int) -> int | None:
    """The finite verb of the main clause after a sentence-initial subordinate clause that
    starts at ``a`` (*Nachdem X eingetroffen war, beruhigte sich …*): the word after the
    first comma when the word before it is the clause-final verb (lower-case, no
    determiner or preposition) and the word after it is lower-case and no determiner,
    conjunction or relative pronoun (else the comma closes an apposition or starts another
    clause: *Als Vorsitzender der Partei, die …*). None when no such comma is found."""
    for k in range(a + 2, end - 1):
        t = toks[k]
        if t.q >= 0:
            continue
        if t.text in (".", ";", ":", "!", "?"):
            return None
        if t.text != ",":
            continue
        verb, nxt = toks[k - 1], toks[k + 1]
        if (
            verb.q < 0
            and verb.text[:1].islower()
            and verb.text.isalpha()
            and verb.lower not in _NOT_VERBS
            and nxt.q < 0
            and nxt.text[:1].islower()
            and nxt.text.isalpha()
            and nxt.lower not in _NOT_VERBS
            and nxt.lower not in SUBORDINATORS
            and nxt.lower not in ADVERBS
            and nxt.lower not in _CLAUSE_OPENERS
        ):
            return k + 1
        return None
    return None


#: words that open a dependent clause after a comma (interrogative and relative words,
#: *zu*-infinitive and comparison openers): no finite verb of a main clause
_CLAUSE_OPENERS = wordset(
    "was wer wen wem wessen wo wohin woher warum weshalb weswegen wann wieso welche welcher "
    "welches welchen welchem um ohne statt anstatt denen dessen deren"
)


#: conjunctions that join noun phrases inside one first field
_NP_COORDINATORS = wordset("und sowie oder")


def coordinated_attributes_end(toks: Sequence[Tok], j: int, end: int) -> int:
    """*Nach dem Flug mit seinen Kollegen A und B landete er*: a conjunction after the
    attributes of a fronted prepositional phrase joins a further noun phrase to it (the
    first field holds one constituent), so the finite verb comes after that phrase."""
    for _ in range(3):
        if j + 1 >= end or toks[j].q >= 0 or toks[j].lower not in _NP_COORDINATORS:
            return j
        k = phrase_end(toks, j + 1, end)
        if k == j + 1 or not is_head(toks[k - 1]):
            return j
        j = attributes_end(toks, k, end)
    return j


def _year_first_field(toks: Sequence[Tok], a: int, end: int) -> bool:
    """*2030 will der Verein …*: a year (four digits) alone before a lower-case finite verb is a
    time adverbial, so the subject follows the verb (*2009 Tote* is no year field)."""
    t = toks[a]
    return (
        len(t.text) == 4
        and t.text.isdigit()
        and a + 1 < end
        and toks[a + 1].q < 0
        and toks[a + 1].text[:1].islower()
        and toks[a + 1].text.isalpha()
    )


#: finite auxiliaries and modals of a verb-second clause (see :func:`particle_first_field`)
FINITE_AUXILIARIES = wordset(
    """
    hat hatte haben hatten habe hätte hätten ist war sind waren sei seien wäre wären wird
    wurde werden wurden würde würden kann konnte können konnten könne könnte will wollte
    wollen wollten soll sollte sollen sollten muss musste müssen mussten müsse müsste darf
    durfte dürfen durften dürfe
    """
)

#: lower-case words after a noun phrase that are not its finite verb
_NOT_VERBS = DETERMINERS | PREPOSITIONS | wordset("und oder sowie aber sondern bzw")


def after_verb_speaker(toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The speaker right after a verb ending at ``k - 1`` (inverted order, *sagte X*)."""
    return subject_after_verb(toks, k, len(toks))


def with_apposition(toks: Sequence[Tok], sp: tuple[int, int], end: int) -> tuple[int, int]:
    """*der Sprecher der Fraktion, Jens Nacke,*: extend by a name apposition between commas."""
    a, b = sp
    if b + 1 < end and toks[b].text == "," and toks[b].q < 0:
        app = np_forward(toks, b + 1, end=end)
        if (
            app is not None
            and app[1] < end
            and toks[app[1]].text == ","
            and all(is_head(t) for t in toks[app[0] : app[1]])
        ):
            return (a, app[1])
    return sp


def subject_after_verb(toks: Sequence[Tok], k: int, end: int) -> tuple[int, int] | None:
    """Speaker after the finite verb, skipping a few adverbs and prepositional phrases."""
    i = k
    skipped = 0
    while i < end and skipped < 8:
        t = toks[i]
        if t.q >= 0 and i == k:
            # *…«, schrieb »Die Zeit« in einem Nachruf*: a short quoted name as subject
            named = quoted_name(toks, i, end)
            if named is not None and named[1] - named[0] <= 4 and is_cap(toks[i + 1]):
                return named
            return None
        if t.q >= 0 or t.text in (",", ".", ":", ";", "!", "?"):
            return None
        if t.lower in PERSONAL_SPEAKER_PRONOUNS:
            return (i, i + 1)
        if (
            t.lower in STANDALONE_QUANTIFIERS
            and t.q < 0
            and (
                i + 1 >= end
                or toks[i + 1].text in (",", ".", ":", ";")
                or toks[i + 1].lower in DETERMINERS
                or toks[i + 1].lower in PREPOSITIONS
            )
        ):
            # *forderten beide eine Verlängerung*: the quantifier stands alone as the
            # subject; the phrase after it is the object
            return (i, i + 1)
        if (
            t.lower in ("sich", "es", "dazu", "damit")
            or (t.lower in ADVERBS and t.text[:1].islower())
            or t.lower in TIME_WORDS
        ):
            i += 1
            skipped += 1
            continue
        if t.lower in PREPOSITIONS:
            # skip the prepositional phrase (with its genitive attributes: *zum Abschluss des
            # Treffens*, *zu Beginn der Sitzung*)
            j = phrase_end(toks, i + 1, end)
            while j < end and genitive_follows(toks, j, end):
                j = phrase_end(toks, j + 1, end)
            skipped += j - i
            i = j
            continue
        if t.lower in GENITIVE_DETERMINERS:
            # *des Treffens*: a genitive is an attribute, never the subject
            i = phrase_end(toks, i + 1, end)
            skipped += 1
            continue
        if t.lower in OBJECT_DETERMINERS and t.lower not in ("dem", "einem", "diesem"):
            return None  # *schilderte den Hergang*: an accusative object, not the subject
        sp = np_forward(toks, i, end=end)
        if sp is not None:
            return with_apposition(toks, sp, end)
        i += 1
        skipped += 1
    return None


#: quantifiers that stand alone as a subject (*forderten beide …*, *sagten viele …*)
STANDALONE_QUANTIFIERS = wordset("beide alle viele einige mehrere manche wenige")


#: determiners that are only genitive (a phrase they open is never a subject)
GENITIVE_DETERMINERS = wordset("des eines dieses jenes")


def attributes_end(toks: Sequence[Tok], j: int, end: int) -> int:
    """After a noun phrase ending at ``j``: the end of its genitive and prepositional
    attributes (*… der Regierung*, *… um die Praxis des Vollzugs in Niedersachsen*), at most
    four of them — where the finite verb of a first field is expected."""
    for _ in range(4):
        if j < end and toks[j].q >= 0 and j > 0 and is_head(toks[j - 1]):
            named = appositive_name(toks, j, end)  # *unter dem Motto »Freiheit statt Angst«*
            if named is None:
                break
            j = named
        elif j < end and (genitive_follows(toks, j, end) or _genitive_before_verb(toks, j, end)):
            j = phrase_end(toks, j + 1, end)
        elif j + 1 < end and toks[j].q < 0 and toks[j].lower in PREPOSITIONS:
            k = phrase_end(toks, j + 1, end)
            if k == j + 1:
                break
            j = k
        elif (
            j + 2 < end
            and toks[j].lower in _PREPOSITION_ADVERBS
            and toks[j + 1].q < 0
            and toks[j + 1].lower in PREPOSITIONS
        ):
            # *nach einer Reise zusammen mit seinen Kollegen*: an adverb that opens a
            # prepositional attribute
            k = phrase_end(toks, j + 2, end)
            if k == j + 2:
                break
            j = k
        else:
            break
    return j


#: adverbs that open a prepositional attribute (*zusammen mit*, *gemeinsam mit*)
_PREPOSITION_ADVERBS = wordset("zusammen gemeinsam")


def _genitive_before_verb(toks: Sequence[Tok], j: int, end: int) -> bool:
    """*Nach dem Gutachten der Prüfer hat der Bäcker …*: inside a first field a *der/einer*
    phrase right before the finite verb is an attribute of the fronted phrase, whatever the
    gender of its noun (plural *der Prüfer*, masculine *der Minister*) — the first field holds
    one constituent, so the subject cannot stand between it and the verb."""
    if j >= end or toks[j].q >= 0 or toks[j].lower not in ("der", "einer"):
        return False
    k = phrase_end(toks, j + 1, end)
    if k == j + 1 or k >= end or not is_head(toks[k - 1]):
        return False
    verb = toks[k]
    return (
        verb.q < 0
        and verb.text[:1].islower()
        and verb.text.isalpha()
        and verb.lower not in _NOT_VERBS
        and verb.lower not in ADVERBS
    )


def phrase_end(toks: Sequence[Tok], j: int, end: int) -> int:
    """The end of the determiners, adjectives and capitalised words from ``j`` (the rest of
    a noun phrase whose first word is before ``j``)."""
    while j < end and toks[j].q < 0 and (toks[j].lower in DETERMINERS or is_adjective(toks[j])):
        j += 1
    while j < end and toks[j].q < 0 and (is_cap(toks[j]) or _numbered(toks, j)):
        j += 1
    return j


def _numbered(toks: Sequence[Tok], j: int) -> bool:
    """A number that names the noun before it (*mit Apollo 11*, *in Halle 4*)."""
    return j > 0 and toks[j].text.isdigit() and is_cap(toks[j - 1])


def genitive_follows(toks: Sequence[Tok], j: int, end: int) -> bool:
    """Does a genitive attribute start at ``j`` (after a noun)? *des/eines …* always; *der/
    einer …* when its noun is only feminine (*zu Beginn der Sitzung*, but *sagte zu Beginn
    der Minister*: a masculine noun after *der* is a nominative subject)."""
    if j >= end or toks[j].q >= 0:
        return False
    low = toks[j].lower
    if low in GENITIVE_DETERMINERS:
        return True
    if low not in ("der", "einer"):
        return False
    k = j + 1
    while k < end and toks[k].q < 0 and is_adjective(toks[k]):
        k += 1
    if k >= end or not is_head(toks[k]):
        return False
    info = analyse(toks[k].text)
    return info is not None and info.common and info.genders == FEM
