"""Find the speaker (source) noun phrase of a reporting cue without a parser.

Why heuristics on capitalisation and closed word lists: the default pipeline has no tagger, but
German capitalises nouns, and a speaker is a noun phrase in one of few positions: the first
field before the finite verb (*Rutte sagte …*), right after the verb in inverted order
(*…, sagte Außenamtssprecherin Marija Sacharowa am Rande …*), after a subordinating
conjunction (*nachdem sie berichtet hatte*), or inside a source phrase (*laut X*, *X zufolge*,
*nach Angaben von X*, *aus der Bundesregierung … geäußert*). A noun phrase is: determiner or
possessive, lower-case adjectives, capitalised words (with hyphens, initials, *von*/*de* name
particles), and genitive or *von/vom* attachments.

Limits: an object in the first field (*Die Äußerungen bezeichnete X als …*) is taken for the
subject; lower-case names and nouns after a sentence-initial lower-case word are missed;
coordination (*X und Y sagten*) is kept as one span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

DETERMINERS: frozenset[str] = wordset(
    """
    der die das des dem den ein eine einer eines einem einen sein seine seiner seines seinem
    seinen ihr ihre ihrer ihres ihrem ihren unser unsere unserer unseres unserem unseren
    dieser diese dieses diesem diesen jener jene jenes mehrere viele einige zahlreiche beide
    alle andere weitere zwei drei vier fünf sechs sieben acht neun zehn
    jegliche jeglicher jegliches sämtliche jede jeder jedes keine kein keinen
    """
)
PRONOUNS: frozenset[str] = wordset("er sie man ich wir ihr es")
PERSONAL_SPEAKER_PRONOUNS: frozenset[str] = wordset("er sie man ich wir")
#: pronouns that are only nominative (*sie* may be an accusative object: *forderte sie auf*)
NOMINATIVE_PRONOUNS: frozenset[str] = wordset("er man ich wir")
#: demonstratives that stand alone as a speaker (*sagte dieser*)
DEMONSTRATIVE_SPEAKERS: frozenset[str] = wordset("dieser diese jener jene letzterer letztere")
PREPOSITIONS: frozenset[str] = wordset(
    """
    in im am an auf aus bei beim mit nach seit von vom vor zu zum zur über unter für gegen
    ohne um durch während wegen trotz gegenüber neben zwischen hinter innerhalb außerhalb
    angesichts infolge bezüglich ab bis dank via per gemäß entgegen laut
    """
)
#: first-field words that are not a subject (the subject then follows the finite verb)
ADVERBS: frozenset[str] = wordset(
    """
    gestern heute morgen vorgestern dabei dazu daher deshalb deswegen darum damit danach davor
    zuvor zudem außerdem ebenfalls jedoch allerdings inzwischen mittlerweile später bereits
    schon nun jetzt dann damals daraufhin demnach demgegenüber gleichzeitig zugleich weiter
    weiterhin ferner insgesamt offenbar offensichtlich hier dort erst noch bislang bisher
    zunächst schließlich anschließend unterdessen indes indessen trotzdem dennoch so ebenso
    hierzu hierbei dagegen hingegen stattdessen vielmehr wiederum überdies zusätzlich
    gestrigen gerade kürzlich jüngst nochmals erneut auch aber doch und denn sogar selbst nur
    ebenfalls explizit ausdrücklich konkret wörtlich abschließend einleitend zuletzt
    zwar derzeit zurzeit momentan gegenwärtig künftig zukünftig seither seitdem vorher nachher
    darunter darüber dazwischen ohnehin jedenfalls immerhin freilich zusammen gemeinsam
    """
)
LEADING_PARTICLES: frozenset[str] = wordset("auch und aber doch denn sogar selbst nur so")
SUBORDINATORS: frozenset[str] = wordset(
    """
    nachdem weil da als obwohl obgleich wenn während bevor seit seitdem sobald solange indem
    nachdem damit falls sofern wie wo dass daß ob
    """
)
#: determiners that are never nominative: a first field starting with one is an object
OBJECT_DETERMINERS: frozenset[str] = wordset(
    "den dem einen einem seinen seinem ihren ihrem diesen diesem jenen jenem unseren unserem"
)
COORDINATORS: frozenset[str] = wordset("und aber doch sondern jedoch denn oder")
RELATIVES: frozenset[str] = frozenset(
    ["der", "die", "das", "dem", "den", "denen", "dessen", "deren", "welcher", "welche"]
)
AUXILIARIES: frozenset[str] = wordset(
    """
    hat hatte haben hatten habe hätte hätten ist war sind waren sei seien wäre wären wurde
    wurden wird werden würde würden kann konnte können konnten könne könnte will wollte
    wollen wollten wolle soll sollte sollen sollten solle muss musste müssen mussten müsse
    müsste möchte möchten darf durfte dürfe dürfte ließ ließen lässt
    """
)
NAME_PARTICLES: frozenset[str] = frozenset(
    [
        "von",
        "van",
        "de",
        "del",
        "della",
        "der",
        "den",
        "du",
        "da",
        "di",
        "bin",
        "al",
        "el",
        "la",
        "le",
        "ter",
        "zu",
    ]
)

_MAX_NP = 14
#: adverbs that stand inside an extended attribute (*die gestern veröffentlichte Studie*)
TIME_ADVERBS: frozenset[str] = wordset("gestern heute vorgestern kürzlich erst zuvor bereits")
#: nouns of quantity after a number that make a subject (*80 Prozent befürworteten*)
QUANTITY_NOUNS: frozenset[str] = wordset("prozent viertel drittel hälfte mehrheit")
#: tokens (with the marks) of a quoted name that can be a subject (*„Ärzte ohne Grenzen“*)
_MAX_QUOTED_NAME = 7
FUNCTION_WORDS: frozenset[str] = (
    DETERMINERS
    | PRONOUNS
    | PREPOSITIONS
    | ADVERBS
    | SUBORDINATORS
    | RELATIVES
    | wordset("dies dieses das es man wer was hier dort ja nein kein keine")
)


def is_cap(tok: Tok) -> bool:
    """Capitalised (noun or name), also *ai-Bericht*, *5-Sterne-Bewegung*."""
    t = tok.text
    if not t:
        return False
    if t[0].isupper():
        return True
    if "-" in t:
        tail = t.rsplit("-", 1)[1]
        return tail[:1].isupper() or (t[0].isdigit() and tail.startswith("jährig"))
    return False


def is_adjective(tok: Tok) -> bool:
    """A lower-case inflected adjective (*spanische*, *offiziellen*) — by its ending."""
    return _is_adj(tok)


def _is_adj(tok: Tok) -> bool:
    t = tok.text
    return (
        t[:1].islower()
        and t.isalpha()
        and t not in DETERMINERS
        and t not in AUXILIARIES
        and t not in PREPOSITIONS
        and (t.endswith(("e", "en", "er", "es", "em")) or t.endswith("isch"))
    )


_DOMAIN_RE = re.compile(
    r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:de|com|net|org|at|ch|eu|info|tv|fr|it|es|ru|uk|io)"
)


def is_head(tok: Tok) -> bool:
    """A capitalised content word (not a sentence-initial function word like *Die*, *Dem*),
    or a web address used as a name (*laut ndr.de*, *der Website worldreferee.com zufolge*)."""
    if is_cap(tok):
        return tok.lower not in FUNCTION_WORDS
    return "." in tok.text and _DOMAIN_RE.fullmatch(tok.text) is not None


def _quoted_name(toks: Sequence[Tok], k: int, stop: int) -> tuple[int, int] | None:
    """A short quoted name as speaker (*wie »heise online« berichtet*)."""
    q = toks[k].q
    j = k
    while j < stop and toks[j].q == q:
        j += 1
    return (k, j) if j - k <= 6 else None


def np_forward(toks: Sequence[Tok], k: int, *, end: int | None = None) -> tuple[int, int] | None:
    """The noun phrase starting at token ``k`` as ``(first, last + 1)``, or None."""
    stop = len(toks) if end is None else end
    if k >= stop:
        return None
    if toks[k].q < 0 and toks[k].lower in DETERMINERS and k + 1 < stop and toks[k + 1].q >= 0:
        named = _quoted_name(toks, k + 1, stop)
        return (k, named[1]) if named else None
    if toks[k].q >= 0:
        return _quoted_name(toks, k, stop)
    if toks[k].lower in PERSONAL_SPEAKER_PRONOUNS:
        return (k, k + 1)
    if toks[k].text[:1].isdigit() and k + 1 < stop and toks[k + 1].lower in QUANTITY_NOUNS:
        return (k, k + 2)  # *80 Prozent befürworteten, …*
    if toks[k].lower in DEMONSTRATIVE_SPEAKERS and (
        k + 1 >= stop or not (is_cap(toks[k + 1]) or _is_adj(toks[k + 1]))
    ):
        return (k, k + 1)
    i = k
    has_head = False
    while i < stop and i - k < _MAX_NP:
        tok = toks[i]
        if tok.q >= 0:
            if not has_head and i > k and toks[i - 1].q < 0 and _is_adj(toks[i - 1]):
                named = _quoted_name(toks, i, stop)  # *der neue »Oberste Rat«*
                if named is not None:
                    return (k, named[1])
            break
        low = tok.lower
        if low in DETERMINERS:
            if has_head and low not in ("des", "der", "eines", "einer"):
                break
            i += 1
            continue
        if not has_head and i > k and low in PREPOSITIONS and toks[i - 1].lower in DETERMINERS:
            # *einer am Dienstag veröffentlichten Mitteilung*: a phrase inside the attribute
            j = _attribute_phrase_end(toks, i, stop)
            if j is not None:
                i = j
                continue
        if is_head(tok):
            has_head = True
            i += 1
            continue
        if (
            not has_head
            and i > k
            and low in ADVERBS | TIME_ADVERBS
            and tok.text[:1].islower()
            and i + 1 < stop
            and _is_adj(toks[i + 1])
        ):
            i += 1  # *einer gestern verbreiteten Erklärung*: an adverb inside the attribute
            continue
        if (
            _is_adj(tok)
            and (not has_head or toks[i - 1].lower in DETERMINERS or toks[i - 1].lower in ADVERBS)
            and i + 1 < stop
            and (is_head(toks[i + 1]) or _is_adj(toks[i + 1]) or toks[i + 1].q >= 0)
        ):
            i += 1
            continue
        if (
            has_head
            and low in ("von", "vom")
            and i + 1 < stop
            and (is_head(toks[i + 1]) or toks[i + 1].lower in DETERMINERS)
        ):
            i += 1
            continue
        if (
            has_head
            and low in NAME_PARTICLES
            and i + 1 < stop
            and is_head(toks[i + 1])
            and not _particle_phrase(toks, i, stop)
        ):
            i += 1
            continue
        break
    # trailing determiners/particles are not part of the phrase
    while i > k and not is_head(toks[i - 1]):
        i -= 1
    if not has_head or i <= k:
        return None
    return (k, i)


def _particle_phrase(toks: Sequence[Tok], i: int, stop: int) -> bool:
    """Is the name particle at ``i`` rather a preposition (*zu Beginn der Debatte*, *de facto*)?
    A time noun or a noun with a genitive attribute follows, not a surname."""
    nxt = toks[i + 1].lower
    if nxt in TIME_WORDS or nxt in TIME_NOUNS:
        return True
    return i + 2 < stop and toks[i + 2].lower in ("der", "des") and toks[i].lower == "zu"


def _attribute_phrase_end(toks: Sequence[Tok], i: int, stop: int) -> int | None:
    """After a determiner, a prepositional phrase of an extended attribute (*am Dienstag*,
    *von der Regierung*) that ends in an adjective before a noun: the adjective's index."""
    j = i + 1
    while j < stop and j - i <= 4:
        t = toks[j]
        if t.q >= 0 or t.text in (",", ".", ";", ":"):
            return None
        if (
            _is_adj(t)
            and j + 1 < stop
            and (is_head(toks[j + 1]) or toks[j + 1].q >= 0)
            and j > i + 1
        ):
            return j
        if not (t.lower in DETERMINERS or is_cap(t) or _is_adj(t) or t.text[:1].isdigit()):
            return None
        j += 1
    return None


def np_backward(toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The noun phrase ending just before token ``k`` (for *X zufolge*)."""
    i = k - 1
    if i > 0 and toks[i].text == ")":
        # *Einer Erklärung des Verbands (VDR) zufolge*: skip a final parenthesis
        j = i - 1
        while j > 0 and toks[j].text != "(" and i - j < 8:
            j -= 1
        if toks[j].text == "(" and j > 0:
            inner = np_backward(toks, j)
            return (inner[0], k) if inner is not None else None
    if i < 0 or not (is_cap(toks[i]) or is_head(toks[i])):
        if i >= 0 and toks[i].lower in PERSONAL_SPEAKER_PRONOUNS:
            return (i, k)
        return None
    while i - 1 >= 0 and k - i < _MAX_NP:
        prev = toks[i - 1]
        if prev.q >= 0:
            break
        if prev.lower in TIME_WORDS:
            break  # *am Nachmittag hunderttausende Demonstranten, die …*
        if is_head(prev):
            i -= 1
            continue
        if prev.lower in DETERMINERS or _is_adj(prev) or prev.lower in ("von", "vom", "-"):
            i -= 1
            continue
        break
    return (i, k)


def clause_start(toks: Sequence[Tok], k: int, *, inverted: bool = True) -> int:
    """Start of the clause containing token ``k`` (after a comma/colon that opens a
    subordinate, coordinated or new clause, else the unit start). With ``inverted``, a verb
    right after a comma opens its own clause (*…, sagte X*)."""
    if inverted and k > 0 and toks[k - 1].text == "," and toks[k - 1].q < 0:
        return k
    j = k - 1
    while j >= 0:
        t = toks[j]
        if t.q < 0 and t.text == ")":
            # a closed parenthesis before ``k`` is an insertion, not a clause boundary
            # (*Der Sprecher (BA) wollte auf Anfrage nicht bestätigen*)
            o = _opening_parenthesis(toks, j)
            if o is not None:
                j = o - 1
                continue
        if t.q < 0 and t.text in (":", "(", "–", "—"):
            return j + 1
        if t.q < 0 and t.text == "," and j + 1 < k:
            nxt = toks[j + 1].lower
            if nxt in SUBORDINATORS or (nxt in RELATIVES and j + 2 < k):
                return j + 1
            if nxt in PREPOSITIONS and j + 3 < k and _relative_after_preposition(toks, j + 2):
                return j + 1  # *…, in der davon berichtet wird*: a relative clause
            if nxt in COORDINATORS and j + 2 < k:
                return j + 2
        j -= 1
    return 0


def _relative_after_preposition(toks: Sequence[Tok], j: int) -> bool:
    """Is ``toks[j]`` (after a comma and a preposition) a relative pronoun (*, in der davon
    …*, *, nach welchem …*) rather than an article (*, in der Videobotschaft*)?"""
    low = toks[j].lower
    if low not in RELATIVES:
        return False
    if low not in ("der", "die", "das"):
        return True
    return not (is_head(toks[j + 1]) or _is_adj(toks[j + 1]))


def _opening_parenthesis(toks: Sequence[Tok], close: int) -> int | None:
    """The ``(`` matching the ``)`` at ``close`` within a short distance, or None."""
    j = close - 1
    while j >= 0 and close - j <= 12:
        if toks[j].text == "(":
            return j
        if toks[j].text == ")":
            return None
        j -= 1
    return None


def has_predicate(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Could ``toks[a:b]`` be a clause rather than a noun phrase with appositions? It needs a
    lower-case content word (a verb, adjective or participle) outside relative clauses.

    Limits: no tagger, so a lower-case word is taken for a predicate; relative clauses are
    recognised only after a comma.
    """
    in_relative = False
    for k in range(a, b):
        t = toks[k]
        if t.text == ",":
            nxt = toks[k + 1].lower if k + 1 < b else ""
            in_relative = nxt in RELATIVES or (
                nxt in PREPOSITIONS and k + 2 < b and toks[k + 2].lower in RELATIVES
            )
            continue
        if in_relative:
            continue
        low = t.lower
        if (
            t.text[:1].islower()
            and t.text.isalpha()
            and low not in DETERMINERS
            and low not in PREPOSITIONS
            and low not in COORDINATORS
            and low not in RELATIVES
            and low not in ("und", "oder", "sowie", "von", "vom")
        ):
            return True
    return False


def speaker_of_cue(toks: Sequence[Tok], cue_i: int, cue_last: int) -> tuple[int, int] | None:
    """The speaker token range for the cue at ``cue_i`` (its last token ``cue_last``)."""
    n = len(toks)
    start = clause_start(toks, cue_i)
    if is_passive(toks, start, cue_i, cue_last):
        return passive_agent(toks, start, n)
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
        and _np_segment(toks, clause_start(toks, cue_i, inverted=False), cue_i - 1)
    )
    if apposition:
        start = clause_start(toks, cue_i, inverted=False)  # *X, Sprecherin von Y, sagte …*
        if start > 0 and toks[start - 1].text == "," and toks[start].lower in RELATIVES:
            # *…, die Sprecherin der Fraktion, Sandra Boser, erklärte*: not a relative
            # pronoun but the article of a subject after an asyndetic comma
            return first_field_np(toks, start, cue_i - 1)
    if prev is not None and prev.text == "," and not quote_before and not apposition:
        fronted = _subject_before_relative(toks, cue_i - 1)
        if fronted is not None:
            return fronted  # *Der NDR, der … verantwortlich ist, begründete …*
    if prev is not None and (prev.text in (",", ":") or quote_before) and not apposition:
        after = _after_verb(toks, cue_i + 1, n)
        if (
            after is not None
            and prev.text == ","
            and not quote_before
            and _abstract_np(toks, *after)
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
        if after is None and quote_before and q0 == 0 and cue_i <= _MAX_QUOTED_NAME:
            # *„BBC News“ berichtet, dass …*: a short quotation right before the verb, with no
            # comma between, is a quoted name in the first field, i.e. the subject
            return (0, cue_i)
        if after is not None or quote_before:
            return after
        # *X, Präsident von Y, sagte …*: an apposition before the verb
        start = clause_start(toks, cue_i, inverted=False)
    if start < cue_i:
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
            after = _after_verb(toks, cue_i + 1, cue_last)
            if after is not None:
                return after
        if (
            (first.lower in SUBORDINATORS or (first.lower in RELATIVES and start > 0))
            and has_comma
            and first.lower not in ("wie", "dass", "ob")
        ):
            # *Da es …, hat der VfGH entschieden*: the subordinate clause is the first field,
            # the main clause starts with the finite verb, its subject follows it
            last = max(j for j in range(start, cue_i) if toks[j].text == "," and toks[j].q < 0)
            if (
                last + 1 <= cue_i
                and (toks[last + 1].lower in AUXILIARIES or last + 1 == cue_i)
                and _has_clause_word(toks, start + 1, last)
            ):
                after = _after_verb(toks, last + 2, cue_i + 1)
                if after is not None:
                    return after
        if first.lower == "als" and not has_comma and cue_i > start + 2:
            ell = _ellipsis_subject(toks, start, cue_i)
            if ell is not None:
                return ell  # *Als Beispiel führte er X an und erklärte, …*
        if first.lower in SUBORDINATORS and (has_comma or first.lower != "als" or verb_final):
            if first.lower == "wie":
                sp = np_forward(toks, start + 1)
                if sp is not None:
                    return sp
            return np_forward(toks, start + 1) or _after_verb(toks, start + 1, cue_i)
        if first.lower in RELATIVES and start > 0 and toks[start - 1].text == "," and has_comma:
            last = max(j for j in range(start, cue_i) if toks[j].text == "," and toks[j].q < 0)
            if not _has_clause_word(toks, start + 1, last):
                # *Hans Kern, der Kandidat der Partei, hat … angekündigt*: an apposition, not
                # a relative clause; the subject is the noun phrase with it
                a0 = clause_start(toks, start - 1, inverted=False)
                if _np_segment(toks, a0, last):
                    return first_field_np(toks, a0, last)
        if first.lower in RELATIVES and start > 0 and toks[start - 1].text == ",":
            sp = np_forward(toks, start)
            if (
                first.lower in ("der", "die", "das")
                and sp is not None
                and sp[1] == cue_i
                and cue_last + 1 < n
                and toks[cue_last + 1].text not in (",", ".", ";")
                and _after_verb(toks, cue_last + 1, n) is None
            ):
                # *…, die Organisation bezweifelt aber, dass …*: a determiner, not a relative
                # pronoun (a noun follows and the verb is not clause-final)
                return sp
            return np_backward(toks, start - 1)
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
        return _after_verb(toks, finite + 1, n)
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
        after = _after_verb(toks, finite + 1, n)
        if after is not None:
            return after
        b = finite
        while b > a and toks[b - 1].text in (",", "–"):
            b -= 1
        if b > a and toks[b - 1].q >= 0 and not _all_quoted_clause(toks, a, b):
            return (a, b)
        named = _quoted_name(toks, a, b)
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
        return _after_verb(toks, finite + 1, n)  # *Ende Januar sagte X*, *1998 erklärte X*
    if all(t.lower in ADVERBS or t.lower in _ADVERBIAL_GLUE for t in toks[a:finite]):
        return _after_verb(toks, finite + 1, n)  # *Des Weiteren verwies X*
    if first.lower in OBJECT_DETERMINERS:
        return _after_verb(toks, finite + 1, n)  # *Seinen Ausstieg hatte X angekündigt*
    if finite - a == 1 and first.lower in DEMONSTRATIVE_SPEAKERS:
        return (a, a + 1)  # *Diese hatte … angekündigt*
    if finite - a == 1 and looks_adverbial(first):
        after = _after_verb(toks, finite + 1, n)
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
        after = _after_verb(toks, finite + 1, n)
        if after is not None:
            return after
    if cue_i > 0 and toks[cue_i - 1].lower in ("und", "sowie", "aber", "oder") and finite == cue_i:
        # coordination ellipsis (*Die Ministerin lobte X und sagte, …*): the subject of the
        # first conjunct
        ell = _ellipsis_subject(toks, a, cue_i)
        if ell is not None:
            return ell
        return np_forward(toks, a)
    if first.lower == "als" and not any(t.text == "," for t in toks[a:finite]):
        if cue_last + 1 < n and toks[cue_last + 1].text in (",", ".", ";"):
            return np_forward(toks, a + 1)  # *Als X sagte, …*: subordinate, verb-final
        return _after_verb(toks, finite + 1, n)
    if first.lower in PERSONAL_SPEAKER_PRONOUNS:
        return (a, a + 1)
    if finite - a > _MAX_NP:
        return np_forward(toks, a)
    # trim a trailing comma of an apposition
    b = finite
    while b > a and toks[b - 1].text in (",", "–"):
        b -= 1
    if b > a and any(is_head(t) for t in toks[a:b]):
        if _abstract_np(toks, a, b) or _time_np(toks, a, b):
            # *Seine Zuversicht drückte X aus*, *Die Haltung der Regierung kritisierte X*:
            # an abstract first field is the object when a subject follows the verb;
            # *Wenige Stunden nach dem Putsch erklärte X*: a time phrase is an adverbial
            after = _after_verb(toks, finite + 1, n)
            if after is not None:
                return after
        return first_field_np(toks, a, b)
    return _after_verb(toks, finite + 1, n)


def first_field_np(toks: Sequence[Tok], a: int, b: int) -> tuple[int, int] | None:
    """The speaker noun phrase of a first field ``toks[a:b]``: the whole field when every
    lower-case word in it belongs to a noun phrase (*Der Sprecher der Fraktion, Jens Nacke*,
    *Die staatlich kontrollierten Medien*), else the part before the first word that cannot
    (*Obama sagte in der Videobotschaft* -> *Obama*, *Die Kanadier hingegen* -> *Die
    Kanadier*: a verb or adverb after the head ends the phrase)."""
    k = a
    depth = 0
    while k < b:
        t = toks[k]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and t.q < 0 and not _np_internal(toks, k, b) and k > a:
            break
        k += 1
    while k > a and not (is_head(toks[k - 1]) or toks[k - 1].q >= 0 or toks[k - 1].text == ")"):
        k -= 1
    return (a, k) if k > a else None


#: lower-case words that join or quantify inside a noun phrase
_NP_GLUE: frozenset[str] = wordset("und sowie oder bzw dt etwa aller allen vieler mehrerer")


def _np_internal(toks: Sequence[Tok], k: int, end: int) -> bool:
    """Can token ``k`` stand inside a noun phrase? Capitalised words, numbers, punctuation,
    determiners, prepositions, conjunctions, name particles, and lower-case words that are
    attributive (an adjective, participle or adverb before an adjective or noun)."""
    t = toks[k]
    low = t.lower
    if not t.text[:1].islower() or not t.text.isalpha():
        return True
    if low in AUXILIARIES:
        return False
    if low in DETERMINERS or low in PREPOSITIONS or low in NAME_PARTICLES:
        return True
    if low in _NP_GLUE or (k > 0 and toks[k - 1].lower in NAME_PARTICLES):
        return True  # *Front de gauche*: a lower-case word of a foreign name
    j = k + 1
    while j < end and j - k <= 3 and toks[j].lower in ADVERBS | TIME_ADVERBS:
        j += 1
    if j >= end:
        return False
    nxt = toks[j]
    return is_head(nxt) or (_is_adj(nxt) and j + 1 < end) or nxt.lower in TIME_ADVERBS


#: nouns of time spans and points: a first field headed by one is an adverbial
TIME_NOUNS: frozenset[str] = wordset(
    """
    sekunden minuten stunden tage tagen wochen monate monaten jahre jahren jahrzehnte
    jahrzehnten sekunde minute stunde tag woche monat jahr jahrzehnt zeit zeitpunkt
    """
)


def _time_np(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is ``toks[a:b]`` headed by a time noun (*Wenige Stunden nach dem Putsch*,
    *Zwei Tage später*)? Any capitalised word before the first preposition counts (a
    capitalised quantifier like *Wenige* may come first)."""
    for t in toks[a:b]:
        if t.lower in PREPOSITIONS or t.text in (",", "("):
            return False  # only the phrase's own nouns (*nach dem Putsch* is an attribute)
        if is_head(t) and (t.lower in TIME_NOUNS or t.lower in TIME_WORDS):
            return True
    return False


#: degree and time adverbs that open an adverbial first field (*Kurz nach dem Putsch*)
_DEGREE_ADVERBS = wordset("kurz unmittelbar direkt knapp gleich spät früh lange bald")


def _ellipsis_subject(toks: Sequence[Tok], a: int, cue_i: int) -> tuple[int, int] | None:
    """The subject of the first conjunct when the cue opens a second one after *und/sowie/
    oder/aber* without a subject of its own: a nominative pronoun right after the first
    conjunct's verb when the first field is adverbial (*Als Beispiel führte er …*), else
    None (the caller takes the first field)."""
    if cue_i < 1 or toks[cue_i - 1].lower not in ("und", "sowie", "aber", "oder"):
        return None
    first = toks[a].lower
    if not (first in PREPOSITIONS or first in SUBORDINATORS or first in ADVERBS):
        return None
    for j in range(a + 1, cue_i - 1):
        if toks[j].lower in NOMINATIVE_PRONOUNS and toks[j - 1].text[:1].islower():
            return (j, j + 1)
    return None


def _np_segment(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is ``toks[a:b]`` a noun phrase with appositions (no clause)? No predicate in the strict
    sense of :func:`has_predicate`, or — allowing attributive adjectives (*Der frühere
    Bürgermeister, Henning Scherf*) — no clause word, no auxiliary, and a start that is a
    determiner or a capitalised non-pronoun."""
    if not has_predicate(toks, a, b):
        return True
    if b <= a or _has_clause_word(toks, a, b):
        return False
    if any(toks[k].lower in AUXILIARIES for k in range(a, b)):
        return False
    first = toks[a]
    if first.lower in PRONOUNS or first.lower in SUBORDINATORS or first.lower in PREPOSITIONS:
        return False
    return first.lower in DETERMINERS or is_head(first)


def _has_clause_word(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Does ``toks[a:b]`` contain a lower-case word that cannot stand in a noun phrase (a verb
    or a free adverb)? Attributive adjectives and participles do not count."""
    return any(
        toks[k].q < 0 and toks[k].text[:1].islower() and not _np_internal(toks, k, b)
        for k in range(a, b)
    )


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
        if seg_start >= end or _has_clause_word(toks, seg_start, j + 1):
            break
        if any(t.q >= 0 for t in toks[seg_start : j + 1]):
            break
        first = seg_start
        if k < 0 or toks[k].text != ",":
            break
        j = k - 1
        if comma - j > _MAX_NP + 6:
            break
    if first is None:
        return None
    if toks[first].lower in OBJECT_DETERMINERS or toks[first].lower in SUBORDINATORS:
        return None
    if np_forward(toks, first, end=end) is None:
        return None
    return first_field_np(toks, first, end)


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
    sp = np_forward(toks, a, end=b)
    if sp is None or sp[1] != b or toks[a].lower in OBJECT_DETERMINERS:
        return None
    if any(t.q >= 0 or t.text in (",", ":", ";") for t in toks[a:k]):
        return None
    return sp


def _all_quoted_clause(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is ``toks[a:b]`` one long quotation (a quoted statement, not a quoted name)?"""
    return b - a > 6 and all(t.q == toks[a].q for t in toks[a:b])


#: suffixes of abstract nouns (actions, states, qualities) that do not speak
_ABSTRACT_SUFFIXES = ("ung", "heit", "keit", "ion", "nis", "tät", "ismus", "sicht", "mut")
#: institutions with such a suffix, which do speak (*die Bundesregierung*, *die Kommission*)
_SPEAKING_ABSTRACTS = (
    "regierung",
    "verwaltung",
    "stiftung",
    "zeitung",
    "organisation",
    "kommission",
    "opposition",
    "union",
    "koalition",
    "fraktion",
    "nation",
    "nationen",
    "delegation",
    "direktion",
    "redaktion",
    "vereinigung",
    "bewegung",
    "leitung",
    "führung",
    "vertretung",
    "versammlung",
    "administration",
    "institution",
    "mission",
    "gewerkschaft",
    "region",
    "religion",
)
#: common non-speaking nouns of the first field without such a suffix
_ABSTRACT_NOUNS = wordset(
    "grund gründe plan pläne vorschlag vorschläge ziel ziele kritik unmut sorge sorgen frage "
    "fragen idee ideen lage problem probleme ursache aussage aussagen äußerungen zahl zahlen "
    "interesse angebot angebote schritt schritte entscheid forderungen vorwürfe vorwurf "
    "motiv motive antwort antworten sichtweise argument argumente"
)


def _abstract_np(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is the head of the noun phrase ``toks[a:b]`` (its first capitalised content word) an
    abstract noun that cannot be a speaker (*die Haltung*, *Seine Zuversicht*, *Der Grund*)?

    Limits: suffix-based; institutions with abstract suffixes are listed as exceptions.
    """
    head = next((t for t in toks[a:b] if is_head(t)), None)
    if head is None:
        return False
    low = head.lower
    if low in _ABSTRACT_NOUNS:
        return True
    return low.endswith(_ABSTRACT_SUFFIXES) and not low.endswith(_SPEAKING_ABSTRACTS)


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
        # *»…«, wird Panetta zitiert*, *X wird mit den Worten zitiert*: the subject is quoted
        if passive_agent(toks, start, cue_i) is not None:
            return None
        for k in range(start, cue_i):
            if toks[k].q < 0 and toks[k].lower in PASSIVE_AUX:
                if k > start and toks[k - 1].text not in (",", ":"):
                    sp = np_forward(toks, start)
                else:
                    sp = _after_verb(toks, k + 1, cue_i)
                return sp
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
    return _with_apposition(toks, sp, n) if sp is not None else None


def is_abstract_np(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Public name of the abstract-head test (*die Haltung*, *Der Grund*): no speaker."""
    return _abstract_np(toks, a, b)


PASSIVE_AUX = wordset("wird wurde wurden werden worden")
AGENT_PREPOSITIONS = wordset("von vom aus seitens durch")


def is_passive(toks: Sequence[Tok], start: int, cue_i: int, cue_last: int) -> bool:
    """*… wird vorgeworfen*, *… waren … geäußert worden*: a participle with *werden*."""
    word = toks[cue_i].text
    participle = word.endswith("t") or (
        word.endswith("en")
        and "ge" in word[:-2]
        and (word != toks[cue_i].lemma or (word.startswith("ge") and len(word) > 6))
    )
    if not participle:
        return False
    before = any(t.q < 0 and t.lower in PASSIVE_AUX for t in toks[start:cue_i])
    nxt = toks[cue_last + 1].lower if cue_last + 1 < len(toks) else ""
    # *…, wie von der Gruppe berichtet wird*: verb-final subordinate clause
    after = nxt == "worden" or (
        nxt in PASSIVE_AUX and toks[start].lower in SUBORDINATORS and word.endswith("t")
    )
    return before or after


#: prepositions that introduce the place or document of *es heißt*
PP_SOURCES = wordset("bei beim in im von vom aus seitens")
#: after *heißt es* also *auf* (*…, heißt es auf der Webseite*); before it, *auf* mostly
#: belongs to the content (*entfallen auf Südasien, heißt es*)
PP_SOURCES_AFTER = PP_SOURCES | {"auf"}


def pp_source(
    toks: Sequence[Tok], start: int, end: int, *, preps: frozenset[str] = PP_SOURCES
) -> tuple[int, int] | None:
    """The source of *es heißt*: *bei/in/von/aus X hieß es* → X."""
    for j in range(start, end - 1):
        t = toks[j]
        if t.q < 0 and t.lower in preps:
            sp = np_forward(toks, j + 1)
            if sp is not None:
                return sp
    return None


def passive_agent(toks: Sequence[Tok], start: int, end: int) -> tuple[int, int] | None:
    """The agent/source of a passive cue: *von X*, *aus X*, *seitens X* (else None)."""
    for j in range(start, end - 1):
        t = toks[j]
        if t.q < 0 and t.lower in AGENT_PREPOSITIONS:
            sp = np_forward(toks, j + 1)
            if sp is not None:
                return sp
    return None


#: words of multi-word adverbials (*des Weiteren*, *im Übrigen*, *zum einen*)
_ADVERBIAL_GLUE = wordset("des im zum am weiteren übrigen einen anderen ganzen allgemeinen")
#: time nouns after the verb (*sagte heute Abend*) are not the speaker
TIME_WORDS = wordset(
    "abend morgen mittag nachmittag vormittag nacht wochenende montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag montagabend dienstagabend mittwochabend "
    "donnerstagabend freitagabend samstagabend sonntagabend "
    "januar februar märz april mai juni juli august september oktober november dezember "
    "ende anfang mitte beginn"
)

_ADVERBIAL_SUFFIXES = (
    "lich",
    "ig",
    "isch",
    "end",
    "weise",
    "mals",
    "falls",
    "ell",
    "iv",
    "bar",
    "los",
    "erweise",
    "lang",
)


def looks_adverbial(tok: Tok) -> bool:
    """A capitalised single first-field word that is an adverb/adjective (*Offiziell*,
    *Besorgt*, *Relativierend*): by its suffix, or a past participle ``ge…t``."""
    low = tok.lower
    if low in ADVERBS:
        return True
    if low.endswith(_ADVERBIAL_SUFFIXES) and not tok.text.isupper():
        return True
    # *Besorgt*, *Verärgert*, *Enttäuscht* (a name like *Bernhardt* is kept by the caller)
    return low.endswith("t") and len(low) > 6 and low.startswith(_PARTICIPLE_PREFIXES)


#: prefixes of past participles used as first-field adverbials
_PARTICIPLE_PREFIXES = ("ge", "be", "ver", "er", "ent", "zer", "über")


def v2_subject(toks: Sequence[Tok], end: int) -> tuple[int, int] | None:
    """Subject of a verb-second clause ending before ``end`` when the verb is not known:
    the first field if it is a noun phrase, else the phrase after the finite verb."""
    a = 0
    while a < end and toks[a].lower in LEADING_PARTICLES:
        a += 1
    if a >= end:
        return None
    first = toks[a]
    if first.lower in PERSONAL_SPEAKER_PRONOUNS:
        return (a, a + 1)
    if first.lower in PREPOSITIONS:
        j = a + 1
        while j < end and (toks[j].lower in DETERMINERS or _is_adj(toks[j]) or is_head(toks[j])):
            j += 1
        return _after_verb(toks, j + 1, end)
    if looks_adverbial(first):
        return _after_verb(toks, a + 2, end)
    return np_forward(toks, a, end=end)


def after_verb_speaker(toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The speaker right after a verb ending at ``k - 1`` (inverted order, *sagte X*)."""
    return _after_verb(toks, k, len(toks))


def _with_apposition(toks: Sequence[Tok], sp: tuple[int, int], end: int) -> tuple[int, int]:
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


def _after_verb(toks: Sequence[Tok], k: int, end: int) -> tuple[int, int] | None:
    """Speaker after the finite verb, skipping a few adverbs and prepositional phrases."""
    i = k
    skipped = 0
    while i < end and skipped < 8:
        t = toks[i]
        if t.q >= 0 and i == k:
            # *…«, schrieb »Die Zeit« in einem Nachruf*: a short quoted name as subject
            named = _quoted_name(toks, i, end)
            if named is not None and named[1] - named[0] <= 4 and is_cap(toks[i + 1]):
                return named
            return None
        if t.q >= 0 or t.text in (",", ".", ":", ";", "!", "?"):
            return None
        if t.lower in PERSONAL_SPEAKER_PRONOUNS:
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
            # skip the prepositional phrase
            j = i + 1
            while j < end and (toks[j].lower in DETERMINERS or _is_adj(toks[j])):
                j += 1
            while j < end and is_cap(toks[j]):
                j += 1
            skipped += j - i
            i = j
            continue
        if t.lower in OBJECT_DETERMINERS and t.lower not in ("dem", "einem", "diesem"):
            return None  # *schilderte den Hergang*: an accusative object, not the subject
        sp = np_forward(toks, i, end=end)
        if sp is not None:
            return _with_apposition(toks, sp, end)
        i += 1
        skipped += 1
    return None
