"""Reported speech by argument structure: the verb's arguments say that an opinion was voiced.

Why a module of its own: most reporting verbs report speech with an object only in some of
their uses (*Die Regierung wies die Vorwürfe als haltlos zurück* is a statement; *Das Gericht
wies die Klage zurück* is a ruling; *Die Polizei schätzt den Schaden auf zwei Millionen Euro*
is a figure someone gave, *Sie schätzt die Arbeit der Kollegen* is not). Letting every such
verb take its object as the message adds many sentences that are no quotations (see
docs/attribution.md, "Spurious quotations"). Two argument frames mark the speech sense in the
surface form and are cheap to test without a parser:

* an **evaluative predicative** (:func:`evaluative_predicative`): *bezeichnete / stufte / wies
  X als Y (ein / zurück)*, *wurde vom Verband als überzogen kritisiert*, *Als Grund gab X Y
  an*: the predicative is the judgement that was voiced (not *erklärte X für nichtig*, the
  declaration of an authority, an act rather than a statement);
* a **figure** (:func:`figure_argument`): *schätzte den Schaden auf zwei Millionen Euro*, *Die
  Veranstalter schätzten 2.000 Teilnehmer*: an estimate someone stated.

Each frame applies only to the verbs listed for it here (lemmas of the reporting-verb
lexicon); the other verbs keep the lexicon's ``message`` (:mod:`.senses`).

Limits: the clause is the stretch between commas, colons, semicolons, dashes and brackets
around the cue; a predicative in quotation marks is left to the quotation itself (*wies X als
»absurd« zurück*: the quoted word is the quotation); comparisons (*mehr als*, *höher als*)
and temporal *als*-clauses (*als er kam*) are recognised by the word before and after *als*.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clauses import clause_start, is_passive, passive_agent
from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.phrases import COMPARATIVES, RELATIVES
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: verbs whose *als*-predicative is a voiced judgement: *wies X als haltlos zurück*, *stufte X als gefährlich ein*
EVALUATIVE_VERBS: frozenset[str] = wordset(
    """
    zurückweisen verurteilen einschätzen einstufen bewerten beurteilen loben würdigen
    charakterisieren brandmarken ablehnen abtun betrachten ansehen angeben anführen
    kritisieren begrüßen
    """
)
#: verbs whose figure is an estimate someone gave: *schätzte den Schaden auf zwei Millionen*
FIGURE_VERBS: frozenset[str] = frozenset(["schätzen"])

#: verbs of holding a view: in an agentless passive they state a general view (*wird als
#: Prüfstein angesehen*, like *gilt als*), not a source's speech act; the speech-act verbs
#: (*wurde als überzogen kritisiert*, *Als Ursache wurde X angegeben*) report one also
#: without their agent
OPINION_VERBS: frozenset[str] = wordset(
    "ansehen betrachten einschätzen einstufen bewerten beurteilen"
)

_CLAUSE_MARKS = frozenset([",", ":", ";", "–", "—", "(", ")", "."])

#: words before *als* that make it a comparison (*mehr als zehn*, *eher als Mahnung*)
_COMPARISON_WORDS = COMPARATIVES | wordset("sowohl ebenso genauso so")
#: words after *als* that open a clause or comparison, not a predicative (*als er kam*,
#: *als ob*, *als zuvor*), or a role of the subject (*als erste Partei*, *als einziger*)
_NOT_PREDICATIVE = wordset(
    """
    ob wenn er sie es wir ich ihr man du sich zuvor bisher erwartet gedacht geplant vorgesehen
    noch je sonst auch nur zu erste erster ersten erstes einzige einziger einzigen einziges
    letzte letzter letzten
    """
)
#: words of a court sentence (*wurde als Mörderin zum Tode verurteilt*, *zu einer Geldbuße
#: verurteilt*): *verurteilen* is then a ruling, not a statement
_SENTENCE_WORDS = wordset("zu zum zur wegen")
_SENTENCING_LEMMAS = wordset("verurteilen")
_COORDINATORS = wordset("und oder sowie aber sondern")
#: the longest predicative phrase read after *als* (in tokens)
_MAX_PREDICATIVE = 12
#: number words that make an object a figure (with digits: *2.000*, *3,5*)
_NUMBER_WORDS = wordset(
    """
    prozent million millionen milliarde milliarden hundert hunderte tausend tausende dutzend
    dutzende zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig
    vierzig fünfzig halbe hälfte drittel viertel
    """
)


def argument_frame(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Does the cue's clause report speech by one of the argument frames of this module?"""
    base = hit.lemma.rsplit(" ", 1)[-1]
    if base not in EVALUATIVE_VERBS and base not in FIGURE_VERBS:
        return False
    if toks[-1].text == "?" or _zu_infinitive(toks[hit.tokens[0]].lower, base):
        return False  # (a question or a zu-infinitive states no judgement: *wie beurteilen Sie …?*)
    if base in EVALUATIVE_VERBS and evaluative_predicative(toks, hit):
        return True
    return base in FIGURE_VERBS and figure_argument(toks, hit)


def _zu_infinitive(word: str, lemma: str) -> bool:
    """Is ``word`` the *zu*-infinitive of the particle verb ``lemma`` (*abzutun*,
    *einzustufen*, *anzuführen*)?"""
    return any(
        word.startswith(lemma[:i] + "zu") and word[i + 2 :] == lemma[i:]
        for i in range(2, min(8, len(lemma) - 1))
    )


def _clause(toks: Sequence[Tok], hit: CueHit, *, skip_relative: bool = False) -> tuple[int, int]:
    """The cue's clause: from the mark before the cue to the mark after its last token
    (marks outside quotations). With ``skip_relative``, a relative clause after the verb is
    passed over (*schätzt den Schaden, der durch … entstand, auf zehn Millionen*)."""
    ci, last = hit.tokens[0], max(hit.tokens)
    n = len(toks)
    a = ci
    while a > 0 and not (toks[a - 1].q < 0 and toks[a - 1].text in _CLAUSE_MARKS):
        a -= 1
    b = last + 1
    while b < n and not (toks[b].q < 0 and toks[b].text in _CLAUSE_MARKS):
        b += 1
    if (
        skip_relative
        and b + 2 < n
        and b - 1 != last
        and toks[b - 1].text[:1].isupper()
        and toks[b].text == ","
        and toks[b + 1].lower in RELATIVES
    ):
        # (only after a noun, the antecedent: *Ich schätze, das Volumen …* is a complement)
        close = next((j for j in range(b + 2, n) if toks[j].q < 0 and toks[j].text == ","), None)
        if close is not None:
            b = close + 1
            while b < n and not (toks[b].q < 0 and toks[b].text in _CLAUSE_MARKS):
                b += 1
    return a, b


def evaluative_predicative(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Has the cue's clause an unquoted *als*-predicative (*bezeichnete den Plan als
    Fehler*, *wurde vom Amt als problematisch eingestuft*, *Als Grund gab X Y an*)?

    Not with a correlate *es* (*sah es als erwiesen an, dass …*: the complement clause is
    the message), and not in an agentless passive of an opinion verb (*wird als Prüfstein
    angesehen*: a general view, no one's speech act)."""
    a, b = _clause(toks, hit)
    # (not an als-phrase of a later conjunct: *der die Umfragen anführte und nun als
    # Herausforderer antritt*; a coordinator before the cue may join predicatives: *als stark
    # und historisch begrüßt*)
    b = next((k for k in range(max(hit.tokens) + 1, b) if toks[k].lower in _COORDINATORS), b)
    if any(toks[k].lower == "es" and toks[k].q < 0 for k in range(a, b)):
        return False
    if hit.lemma in _SENTENCING_LEMMAS and any(
        toks[k].lower in _SENTENCE_WORDS and toks[k].q < 0 for k in range(a, b)
    ):
        return False
    found = any(
        toks[k].lower == "als"
        and toks[k].q < 0
        and k not in hit.tokens
        and _als_predicative_at(toks, k, a, b, hit)
        for k in range(a, b - 1)
    )
    if not found:
        return False
    base = hit.lemma.rsplit(" ", 1)[-1]
    ci, last = hit.tokens[0], max(hit.tokens)
    if base in OPINION_VERBS and is_passive(toks, clause_start(toks, ci), ci, last):
        return passive_agent(toks, a, b) is not None
    return True


def _als_predicative_at(toks: Sequence[Tok], k: int, a: int, b: int, hit: CueHit) -> bool:
    """Is the *als* at ``k`` (clause ``[a, b)``) the start of a predicative phrase?"""
    if k > a and toks[k - 1].lower in _COMPARISON_WORDS:
        return False
    nxt = toks[k + 1]
    if nxt.q >= 0 or nxt.lower in _NOT_PREDICATIVE or nxt.text[:1].isdigit():
        return False  # (a quoted predicative is the quotation itself)
    end = next((j for j in range(k + 1, b) if j in hit.tokens), b)
    span = toks[k + 1 : end]
    if not span or len(span) > _MAX_PREDICATIVE:
        return False
    # a quoted word inside the predicative: the quotation carries the judgement
    return not any(t.q >= 0 for t in span)


def figure_argument(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is there a figure (digits or a number word) in the cue's clause (*schätzte die Zahl
    auf 150*, *Den Schaden schätzt die Polizei auf 250.000 Euro*, *Die Veranstalter
    schätzten 2.000 Teilnehmer*)?"""
    last = max(hit.tokens)
    if last + 1 < len(toks) and _amount(toks[last + 1].text):
        return False  # (*in geschätzt 100 Jahren*: the participle as an adverb, *about*)
    a, b = _clause(toks, hit, skip_relative=True)
    return any(
        toks[k].q < 0
        and k not in hit.tokens
        and (_amount(toks[k].text) or toks[k].lower in _NUMBER_WORDS)
        for k in range(a, b)
    )


def _amount(word: str) -> bool:
    """Is ``word`` a number that can be an amount, not a year (*2010*) or a day (*5.*)?"""
    if not word[:1].isdigit() or word.endswith("."):
        return False
    return not (len(word) == 4 and word.isdigit() and word[:2] in ("18", "19", "20"))


def predicative_closes_frame(toks: Sequence[Tok], hit: CueHit, comma: int) -> bool:
    """Is the clause after ``comma`` an attribute of an *als*-predicative noun rather than
    the cue's complement (*bezeichnete die Maßnahme als einen Versuch, die Presse zu
    behindern*; *würdigte X als ein Vorbild, das …*)? Then the sentence is reported speech
    by its predicative. Not with a correlate *es* (*bezeichnete es als Fehler, dass …*: the
    clause is the message) and not when the predicative is quoted (the quotation is the
    message)."""
    last = max(hit.tokens)
    k = next((j for j in range(last + 1, comma) if toks[j].lower == "als" and toks[j].q < 0), None)
    if k is None or k + 1 >= comma:
        return False
    if any(toks[j].lower == "es" and toks[j].q < 0 for j in range(last + 1, k)):
        return False
    if toks[k - 1].lower in _COMPARISON_WORDS:
        return False
    span = toks[k + 1 : comma]
    nxt = span[0]
    if nxt.lower in _NOT_PREDICATIVE or nxt.text[:1].isdigit() or any(t.q >= 0 for t in span):
        return False
    # the predicative is a noun phrase: its last word a noun (the antecedent of the clause)
    return span[-1].text[:1].isupper() and len(span) <= _MAX_PREDICATIVE
