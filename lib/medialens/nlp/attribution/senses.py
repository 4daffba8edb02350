"""Speech or not: the lexicon's argument structure applied to one cue in its clause.

Why: a reporting verb reports speech only with the right arguments. *Die Gewerkschaft forderte
höhere Löhne* is a demand, *Das Hochwasser forderte 40 Todesopfer* is not; *Die Studie zeigt,
dass …* states a finding, *Die Zahlen zeigen …* and *Er zeigte Bilder* do not; *hält X für Y*
is an opinion, *hielt eine Rede* is not. The lexicon (``reporting_verbs.yaml``) says for
each entry which subjects give it a speech sense (``subjects``) and what its message may be
(``message``); this module checks a cue's clause against them with word lists and no parser.

Limits: the subject class is read from the head noun of the subject phrase only (the first
capitalised word after determiners, compounds by their last part): a name is *unknown* and
passes; metaphorical subjects (*Berlin fordert*) pass as institutions. Negation is seen only
as *nicht/nie/niemals/kein-* in the cue's own clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from medialens.codebook.verbs import PREPOSITIONAL_MESSAGES
from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.phrases import AUXILIARIES, COMPARATIVES, RELATIVES
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: head nouns of texts that state something (a ``document`` subject): *die Studie zeigt*
DOCUMENT_HEADS: frozenset[str] = wordset(
    """
    studie bericht berichte umfrage umfragen untersuchung untersuchungen gutachten analyse
    papier dokument brief schreiben erklärung mitteilung resolution urteil entwurf artikel
    beitrag meldung kommuniqué stellungnahme protokoll erhebung auswertung prognose expertise
    dossier memorandum zeitung zeitschrift magazin blatt report
    studien analysen dokumente erhebungen auswertungen prognosen erklärungen mitteilungen
    meldungen stellungnahmen protokolle urteile entwürfe beiträge
    bekanntmachung bekanntmachungen veröffentlichung veröffentlichungen
    """
)
#: head nouns that never speak (events, forces of nature, data): a subject of this class
#: takes the speech sense from every entry (*Das Hochwasser forderte 40 Todesopfer*,
#: *Die Zahlen zeigen …*)
THING_HEADS: frozenset[str] = wordset(
    """
    hochwasser flut fluten überschwemmung überschwemmungen erdbeben beben sturm stürme unwetter
    orkan hurrikan taifun zyklon tsunami lawine lawinen brand brände feuer explosion
    explosionen unfall unfälle unglück absturz katastrophe naturkatastrophe krieg kämpfe
    gefechte anschlag anschläge seuche epidemie pandemie krankheit virus grippe hitze
    hitzewelle kälte dürre regen schnee zahlen daten werte messungen zahl statistik
    statistiken grafik kurve
    """
)
_DETERMINERS = wordset(
    "der die das des dem den ein eine einer eines einem einen dieser diese dieses jener jene "
    "alle beide mehrere viele einige zahlreiche weitere erste ersten neue neuen"
)
#: compound heads need this many characters before them (*Abschlussbericht*), and a head
#: this long (*Gillibrand* is no *Brand*)
_MIN_COMPOUND_PREFIX = 3
_MIN_COMPOUND_HEAD = 6
_NEGATIONS = wordset("nicht nie niemals keine keinen keiner keinem keines kein")


@lru_cache(maxsize=20_000)
def _head_class(word: str) -> str | None:
    w = word.lower()
    for heads, cls in ((THING_HEADS, "thing"), (DOCUMENT_HEADS, "document")):
        if w in heads:
            return cls
        for h in heads:
            if (
                len(w) > len(h) + _MIN_COMPOUND_PREFIX
                and w.endswith(h)
                and len(h) >= _MIN_COMPOUND_HEAD
            ):
                return cls
    return None


def subject_class(toks: Sequence[Tok], rng: tuple[int, int] | None) -> str | None:
    """``"document"``, ``"thing"`` or None (a person, institution, name or unknown) for the
    subject phrase ``rng``: the class of its head noun (the first capitalised word after
    determiners and adjectives; a genitive attribute after it does not count)."""
    if rng is None:
        return None
    a, b = rng
    for t in toks[a:b]:
        if t.q >= 0:
            return None
        if t.lower in _DETERMINERS or not t.text[:1].isupper():
            continue
        return _head_class(t.text)
    return None


def fits_subject(cls: str | None, subjects: Sequence[str]) -> bool:
    """Does a subject of class ``cls`` give an entry with ``subjects`` its speech sense?
    A thing never does; a document only where ``document`` is listed; an entry that lists
    only ``document`` (*zeigen*) needs a document subject."""
    if cls == "thing":
        return False
    if cls == "document":
        return "document" in subjects
    return "animate" in subjects or "institution" in subjects


_CLAUSE_MARKS = frozenset([",", ":", ";", "–", "—", "(", ")"])


#: objects that make *fordern* the verb of a death toll (*Das Erdbeben forderte 40 Tote*,
#: *Zwölf Todesopfer forderte ein Taifun*), never a demand
TOLL_NOUNS: frozenset[str] = wordset(
    "tote toten todesopfer opfer menschenleben verletzte verletzten leben"
)
_TOLL_LEMMAS = frozenset(["fordern"])


def death_toll(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is the cue *fordern* with a death toll as its object (in the unit, outside
    quotations)? Then it reports no demand, whatever the subject (*forderte in Mexiko ein
    Erdbeben*: the subject after the verb is not read as such)."""
    if hit.lemma not in _TOLL_LEMMAS:
        return False
    return any(
        t.q < 0
        and t.text[:1].isupper()
        and (t.lower in TOLL_NOUNS or t.lower.endswith(("todesopfer", "tote", "toten")))
        for t in toks
    )


def clause_has(toks: Sequence[Tok], hit: CueHit, words: frozenset[str]) -> bool:
    """Is one of ``words`` in the cue's clause after the verb (up to a comma, colon, dash or
    the unit end, outside quotations; a relative clause on the way is skipped: *hält das
    Verfahren, das … führte, für verfassungswidrig*), or — when the verb ends its clause
    (*…, weil sie von einem Unfall ausgehen*) — before it, back to the clause start?"""
    n = len(toks)
    k = hit.tokens[0] + 1
    while k < n:
        t = toks[k]
        if t.q < 0 and t.text in _CLAUSE_MARKS:
            if t.text == "," and k + 2 < n and toks[k + 1].lower in RELATIVES:
                close = next(
                    (j for j in range(k + 2, n) if toks[j].q < 0 and toks[j].text == ","), None
                )
                if close is not None:
                    k = close + 1
                    continue
            break
        if t.q < 0 and t.lower in words:
            return True
        k += 1
    last = max(hit.tokens)
    if last + 1 < n and not (toks[last + 1].q < 0 and toks[last + 1].text in _VERB_FINAL_NEXT):
        return False
    for j in range(hit.tokens[0] - 1, -1, -1):
        t = toks[j]
        if t.q < 0 and (t.text in _CLAUSE_MARKS or t.lower in AUXILIARIES):
            return False  # (a finite auxiliary ends the middle field: *X hatte in Y … gesehen*)
        if t.q < 0 and t.lower in words:
            return True
    return False


#: tokens after a clause-final verb
_VERB_FINAL_NEXT = _CLAUSE_MARKS | frozenset([".", "!", "?"])


#: the words of each prepositional message form (*vom* for *von*)
_PREPOSITION_WORDS: dict[str, frozenset[str]] = {
    "als": frozenset(["als"]),
    "für": frozenset(["für"]),
    "von": frozenset(["von", "vom"]),
    "mit": frozenset(["mit"]),
    "auf": frozenset(["auf"]),
    "über": frozenset(["über"]),
}


def predicative(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Does the clause have the predicative or prepositional object the entry's message asks
    for (``als``: *bezeichnete X als Y*; ``für``: *hält X für Y*; ``von``: *geht von einem
    Unfall aus*; ``mit``: *rechnet mit Verlusten*)?"""
    return any(
        form in _PREPOSITION_WORDS and clause_has(toks, hit, _PREPOSITION_WORDS[form])
        for form in hit.message
    )


#: verbs of regarding whose speech sense is the predicative (*sieht X als Y an*, *betrachtet
#: X als Y*, *sieht es als erwiesen an, dass …*, *für wesentlich ansehen*); without one they
#: are verbs of looking (*sah sich das Spiel an*, *betrachtete die Mitreisenden*)
REGARDING_VERBS: frozenset[str] = wordset("ansehen betrachten")
_REGARDING_WORDS: frozenset[str] = wordset("als für")


def regarding_without_predicative(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is the cue a verb of regarding (:data:`REGARDING_VERBS`) with no *als*/*für* in its
    clause, i.e. a verb of looking?

    Why: the lexicon lets *ansehen* take a clause (*sah es als erwiesen an, dass …*), but
    its clause is only a message when the predicative is there; otherwise every *ansehen*
    with a comma after it opened a quotation. Limits: *als* in a comparison in the same
    clause (*mehr als*) still counts.
    """
    return hit.lemma in REGARDING_VERBS and not clause_has(toks, hit, _REGARDING_WORDS)


def contrary_frame(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is the cue in an *anders als X behauptet* clause (*Anders als der Minister behauptet,
    ist die Lage ernst*; *Die Lage ist, anders als er sagte, ernst*) or another comparison
    (*Schneller als die Experten vorausgesagt hatten, stieg das Wasser*)?

    Why: the clause says that the sentence contradicts X; what X said is not given, so there
    is no quotation to attribute (the main clause is the author's); a comparison with what X
    predicted or stated measures against it and quotes nothing either. Limits: only *als*
    after *anders* or a listed comparative (:data:`.phrases.COMPARATIVES`) within the six words
    before the cue; *im Gegensatz zu dem, was X sagte* is not covered.
    """
    ci, last = hit.tokens[0], max(hit.tokens)
    while last + 1 < len(toks) and toks[last + 1].lower in AUXILIARIES:
        last += 1  # (*anders als von X behauptet wurde*)
    if last + 1 < len(toks) and toks[last + 1].text not in _VERB_FINAL_NEXT:
        return False  # (the verb ends the *als*-clause: *Anders als im Vorjahr sagte sie, …*)
    for k in range(max(0, ci - 6), ci):
        if toks[k].lower != "als" or k == 0:
            continue
        if toks[k - 1].lower == "anders" or (
            _comparison_before(toks, k) and _comparison_clause(toks, hit, k, last)
        ):
            return not any(t.text == "," and t.q < 0 for t in toks[k + 1 : ci])
    return False


#: numerals and indefinites after *als* that make *mehr als* a quantity (*mehr als drei
#: Viertel der Befragten gaben an*, *vor mehr als einer Woche*), not a comparison clause
_QUANTITY_AFTER_ALS = wordset(
    """
    ein eine einer einem einen eines zwei drei vier fünf sechs sieben acht neun zehn elf
    zwölf zwanzig dreißig vierzig fünfzig hundert tausend dutzend doppelt doppelte
    """
)
#: words after the comparison clause's comma that open a content clause, not the main
#: clause's finite verb (*Mehr als die Hälfte behauptet, die Lage sei ernst*)
_CONTENT_OPENERS = wordset(
    """
    dass daß ob wie wer was wo wann warum weshalb wieso der die das den dem des ein eine er
    sie es man wir ich ihr
    """
)


def _comparison_clause(toks: Sequence[Tok], hit: CueHit, k: int, last: int) -> bool:
    """Is the cue the verb of a comparison clause after the comparative *als* at ``k``
    (*Schneller als die Experten vorausgesagt hatten, stieg das Wasser*; *… stieg schneller,
    als erwartet*)? The clause has a noun phrase or nothing after *als* (no numeral: *mehr
    als drei Viertel … gaben an* is a quantity in the subject), a one-word verb at its end,
    and after its comma the main clause's finite verb, not a content clause."""
    nxt = toks[k + 1]
    if nxt.text[:1].isdigit() or nxt.lower in _QUANTITY_AFTER_ALS or len(hit.tokens) > 1:
        return False
    after = last + 1
    if after >= len(toks) or toks[after].text != ",":
        return True
    if after + 1 >= len(toks):
        return True
    follow = toks[after + 1]
    return follow.q < 0 and follow.text[:1].islower() and follow.lower not in _CONTENT_OPENERS


def _comparison_before(toks: Sequence[Tok], k: int) -> bool:
    """Is the *als* at ``k`` the particle of a comparison: right after a comparative, or
    after one noun that a quantity comparative opens (*mehr Menschen als …*)?"""
    if toks[k - 1].lower in COMPARATIVES and toks[k - 1].lower != "anders":
        return True
    return k > 1 and toks[k - 1].text[:1].isupper() and toks[k - 2].lower in ("mehr", "weniger")


def needs_predicative(hit: CueHit) -> bool:
    """Is the entry speech only with a predicative or prepositional object (no clause,
    object or infinitive)?"""
    return bool(hit.message) and set(hit.message) <= PREPOSITIONAL_MESSAGES


def reported_object(toks: Sequence[Tok], hit: CueHit) -> bool:
    """May the clause be reported speech by its object (``message: object``) or predicative?"""
    return "object" in hit.message or predicative(toks, hit)


def negated(toks: Sequence[Tok], hit: CueHit, start: int) -> bool:
    """Is the cue's clause negated (*äußerte sich nicht*, *hat keine Angaben gemacht*)?
    Looks from the clause start ``start`` to the clause end after the cue; *nicht nur …
    (sondern auch)* is no negation."""
    n = len(toks)
    end = next(
        (
            k
            for k in range(hit.tokens[0] + 1, n)
            if toks[k].q < 0 and toks[k].text in (",", ":", ";", "–", "—", "(", ")")
        ),
        n,
    )
    if not any(toks[k].lower in _NEGATIONS for k in range(start, end)):
        return False  # (cheap test first: most clauses have no negation at all)
    start, end = own_conjunct(toks, hit, start, end)
    for k in range(start, end):
        t = toks[k]
        if k == hit.tokens[0] or t.q >= 0 or t.lower not in _NEGATIONS:
            continue
        if t.lower == "nicht" and k + 1 < n and toks[k + 1].lower in ("nur", "bloß", "allein"):
            continue
        if (
            t.lower == "nicht"
            and k + 2 < n
            and k + 1 not in hit.tokens
            and toks[k + 1].q < 0
            and toks[k + 1].text[:1].islower()
            and toks[k + 1].lower.endswith(_ATTRIBUTE_ENDINGS)
            and toks[k + 2].text[:1].isupper()
        ):
            continue  # *beklagen nicht genommene Urlaubstage*: the negation of an attribute
        return True
    return False


#: coordinators that join two verb phrases of one subject (*verwies auf X und wollte keine …*)
_COORDINATORS = frozenset(["und", "oder", "sowie", "aber", "sondern"])
#: endings of an attributive adjective or participle (*ausgezahlte*, *genannten*)
_ATTRIBUTE_ENDINGS = ("e", "en", "er", "es", "em")


def own_conjunct(toks: Sequence[Tok], hit: CueHit, start: int, end: int) -> tuple[int, int]:
    """The cue's own conjunct of ``[start, end)``: a negation in a coordinated verb phrase
    (*Die Trainerin verwies auf die Verletzungen und wollte niemanden kritisieren*; *X lehnte
    nicht ab und forderte Y*) does not negate the cue. Only a verb-second cue is cut after
    it (its object follows it); a clause-final cue is cut only before it."""
    first, last = hit.tokens[0], max(hit.tokens)
    for k in range(first - 1, start - 1, -1):
        if toks[k].q < 0 and toks[k].lower in _COORDINATORS:
            start = k + 1
            break
    if first > start and last == first:
        for k in range(last + 1, end):
            if k == last + 1 and toks[k].lower == "aber":
                continue  # *verwies aber nicht auf …*: an adverb right after the verb
            if toks[k].q < 0 and toks[k].lower in _COORDINATORS:
                return start, k
    return start, end
