"""Continuations without a cue: hearsay *sollen* and the singular Konjunktiv II.

Why a module of its own: these are tests on one unit's tokens (no state), used by the
continuation steps of :mod:`.extract` (step 4: a Konjunktiv sentence after a quotation;
step 5: free indirect hearsay). German news passes on what a source said without a frame in
two ways this module recognises: the epistemic *sollen* with a perfect infinitive (*Der Täter
soll das Geld veruntreut haben*) and, right after a quotation, a singular Konjunktiv II that
stands in for a Konjunktiv I (*Es wäre falsch, jetzt aufzugeben*).

Limits: no parser — verb-second position is approximated by the token position, the perfect
infinitive by the last two words of the clause; conditional sentences are recognised by a
closed word list and by a verb-first opening.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.strings import get_string_id

from medialens.nlp.attribution.konjunktiv import (
    KONJUNKTIV_FORMS,
    SINGULAR_KONJUNKTIV_II,
    STRONG_PLURAL_KONJUNKTIV_II,
)
from medialens.nlp.attribution.phrases import (
    DETERMINERS,
    PREPOSITIONS,
    RELATIVES,
    SUBORDINATORS,
    is_adjective,
)
from medialens.nlp.attribution.units import Tok, TokenArrays, Unit
from medialens.nlp.attribution.wordlists import wordset

#: forms of *sollen* that mark hearsay with a perfect infinitive (*soll … gesagt haben*,
#: *sollte … beteiligt gewesen sein*)
HEARSAY_MODALS: frozenset[str] = wordset("soll sollen sollte sollten")
_HEARSAY_KEYS: frozenset[int] = frozenset(get_string_id(w) for w in HEARSAY_MODALS)
_PERFECT_AUX = wordset("haben sein")
_FINITE_AUX = wordset("wird werden hat hatte ist sind war waren wurde wurden kann können")
#: participles in *-en* of strong verbs start with *ge-* or an inseparable prefix
_PARTICIPLE_PREFIXES = ("ge", "be", "ver", "er", "ent", "zer", "emp", "miss")
_CLAUSE_END = frozenset([",", ".", ";", ":", "!", "?", ")", "(", "–", "—"])


#: words that make a singular Konjunktiv II conditional or comparative, not reported
_CONDITIONAL = wordset("wenn falls sofern ob ohne als sonst andernfalls ansonsten")
_FIRST_SECOND_PERSON = wordset("ich wir du ihr")
#: a sentence opening with a finite modal or Konjunktiv II is a conditional (verb first)
_VERB_FIRST = wordset("sollte sollten wäre wären hätte hätten würde würden könnte könnten")
#: the journalist's own estimate (*Der Aufschwung dürfte …*), like plural *dürften*; and
#: *möchte*, which is the indicative of wishing (*Er möchte im Januar reisen*), no Konjunktiv
_EPISTEMIC_SINGULAR = frozenset(["dürfte", "möchte"])


def singular_konjunktiv_ii_continuation(outside: Sequence[Tok]) -> bool:
    """A singular Konjunktiv II (*wäre, hätte, würde, müsste …*) in verb-second position right
    after a quotation continues it (*X sagte, …. Es wäre falsch, jetzt aufzugeben.*): the
    reporter's substitute for a Konjunktiv I that equals the indicative or sounds stilted.

    The same holds for plural *könnten* (*X sagte, …. Funken könnten einen Brand
    auslösen.*); plural *dürften* is the journalist's estimate (*Die Schäden dürften
    erheblich sein*) unless negated: *Sie dürften nicht …* is a prohibition the source
    demands (:func:`_negated_after`).

    Limits: only in the unit right after the quotation (the caller checks), and not in a
    conditional or comparative sentence (*wenn, falls, ohne, als …*) or in the first or
    second person (the speaker's own words outside quotation marks are rare)."""
    if len(outside) < 3 or any(t.lower in _CONDITIONAL for t in outside):
        return False
    if outside[0].text.lower() in _VERB_FIRST:
        return False  # *Sollten die Partner …*, *Wäre das so, …*: a conditional
    for k in range(1, min(len(outside), 6)):
        t = outside[k]
        if (
            (t.text in SINGULAR_KONJUNKTIV_II and t.text not in _EPISTEMIC_SINGULAR)
            or t.text == "könnten"
            or (t.text == "dürften" and _negated_after(outside, k))
        ):
            return not any(u.lower in _FIRST_SECOND_PERSON for u in outside[max(0, k - 1) : k + 2])
        if t.text in (",", ":", ";"):
            return False
    return False


#: negation words that make plural *dürften* a prohibition (*Sie dürften nicht …*)
_NEGATIONS = wordset("nicht nie niemals kein keine keinen keiner keinem keines")


def _negated_after(outside: Sequence[Tok], k: int) -> bool:
    """Is the modal at ``k`` negated in its clause (*Es dürften nicht zu viele Vorschriften
    gemacht werden*)? A negated plural *dürften* is the deontic prohibition (*dürfen nicht*,
    whose plural Konjunktiv I equals the indicative), which reporters put in Konjunktiv II
    for the speaker's demand; the epistemic estimate (*Die Schäden dürften erheblich sein*)
    is rarely negated. Limits: the clause ends at the next punctuation mark; an estimate
    with *nicht* (*dürften nicht gering sein*) is taken for a prohibition."""
    for t in outside[k + 1 :]:
        if t.text in _CLAUSE_END:
            return False
        if t.lower in _NEGATIONS:
            return True
    return False


def adjective_comma(toks: Sequence[Tok], j: int) -> bool:
    """Is the comma at ``j`` one between coordinated attributive adjectives before their noun
    (*die extreme, außergewöhnliche Kälte*, *große, schwere, teure Steine*)? It ends no
    clause. Limits: adjectives are told by their endings (:func:`.phrases.is_adjective`)."""
    if toks[j].text != "," or j < 1 or j + 2 >= len(toks):
        return False
    before, after, noun = toks[j - 1], toks[j + 1], toks[j + 2]
    return (
        before.q < 0
        and after.q < 0
        and is_adjective(before)
        and is_adjective(after)
        and (noun.text[:1].isupper() or is_adjective(noun) or noun.text == ",")
    )


def _clause_end(toks: Sequence[Tok], k: int) -> int:
    """The end of the clause that goes on after token ``k``: the next clause mark outside
    quotations; a closed parenthesis is an insertion, not a boundary (*Meldungen für den
    Sender „Tondar“ (Donner) geschrieben haben*)."""
    n = len(toks)
    j = k + 1
    while j < n:
        t = toks[j]
        if t.q < 0 and t.text == "(":
            close = next((m for m in range(j + 1, min(n, j + 12)) if toks[m].text == ")"), None)
            if close is not None:
                j = close + 1
                continue
        if t.q < 0 and t.text in _CLAUSE_END and not adjective_comma(toks, j):
            return j
        j += 1
    return n


def _clause_start(toks: Sequence[Tok], k: int) -> int:
    """The first token of the clause of token ``k`` (after the previous clause mark)."""
    for j in range(k - 1, -1, -1):
        if toks[j].q < 0 and toks[j].text in _CLAUSE_END:
            return j + 1
    return 0


def hearsay_modal_in(arrays: TokenArrays, unit: Unit) -> bool:
    """Cheap prefilter: has the unit a form of *sollen* (see ``extract._free_hearsay``)?"""
    keys = _HEARSAY_KEYS
    return not keys.isdisjoint(arrays.lower[unit.tok_start : unit.tok_end])  # (in C)


def perfect_hearsay(toks: Sequence[Tok]) -> bool:
    """Is there a main-clause *sollen* with a perfect infinitive (*soll … verhaftet worden
    sein*, *sollen … geplant haben*)? That is the epistemic, hearsay *sollen*: the writer
    passes on a claim without naming its source. A deontic *soll … gebaut werden* (a plan)
    has no perfect infinitive and is left to the continuation rule (step 4).

    Limits: *soll* must stand in verb-second position of its clause (not clause-final as in
    a relative clause), and the clause must end in *haben/sein* after a participle.
    """
    n = len(toks)
    for k, t in enumerate(toks):
        if t.q >= 0 or t.lower not in HEARSAY_MODALS or k + 1 >= n:
            continue
        if toks[k + 1].text in _CLAUSE_END:
            continue  # clause-final: a relative or subordinate clause
        e = _clause_end(toks, k)
        if e - k < 3:
            continue
        last, before = toks[e - 1], toks[e - 2]
        if last.q >= 0 or last.lower not in _PERFECT_AUX:
            continue
        if any(t.lower in _FINITE_AUX for t in toks[k + 1 : e - 2]):
            continue  # *soll … fertig sein und wird … gekostet haben*: another verb's infinitive
        b = before.lower
        if (
            before.q < 0
            and before.text[:1].islower()
            and toks[e - 3].lower != "zu"
            and (
                b in ("worden", "gewesen")
                or b.endswith("iert")
                or (
                    (b.startswith(_PARTICIPLE_PREFIXES) or "ge" in b[2:7])
                    and b.endswith(("t", "en"))
                )
            )
        ):
            return True
    return False


#: present-tense hearsay forms: *sollte(n)* with a plain infinitive is advice or a
#: conditional (*Autofahrer sollten die A 14 meiden*), not hearsay
_PRESENT_HEARSAY = wordset("soll sollen")
#: stative infinitives after which *soll* passes on a claim about how things are (*Die
#: Ursache soll ein Kurzschluss sein*, *Der Schaden soll zwei Millionen Euro betragen*,
#: *Bei den Tätern soll es sich um Jugendliche handeln*): a state cannot be planned or
#: ordered, so the deontic reading (*Die Brücke soll gebaut werden*) is out
#: (*haben* only for possession, after a noun: *soll Kontakte zur Mafia haben*)
_STATIVE = wordset("sein betragen handeln stammen befinden haben")
#: the stative verbs that need a companion word in the clause (*sich … handeln um*,
#: *sich … befinden*)
_STATIVE_NEEDS: dict[str, frozenset[str]] = {
    "handeln": wordset("sich"),
    "befinden": wordset("sich"),
}
#: future and plan words: with them *soll … sein* is a schedule or a target (*2010 soll er
#: fertig sein*, *Künftig soll der Eintritt frei sein*), not hearsay
_FUTURE_WORDS = wordset(
    "künftig zukünftig später bald dann demnächst ab bis nächsten nächste nächstes kommenden "
    "kommende kommendes zunächst vorerst erst noch"
)


#: number words before a range *bis* (*zwei bis drei Meter*)
_NUMBER_WORDS = wordset("zwei drei vier fünf sechs sieben acht neun zehn zwölf zwanzig hundert")


def _range_bis(toks: Sequence[Tok], i: int) -> bool:
    """Is the token at ``i`` the *bis* of a range of numbers (*zwei- bis siebenmal*, *20 bis
    30 Meter*), not the *bis* of a deadline (*bis 2010*)?"""
    if toks[i].lower != "bis" or i < 1:
        return False
    prev = toks[i - 1].text
    if prev.endswith("-") or prev.lower() in _NUMBER_WORDS:
        return True
    # (*20 bis 30*, not the years *2010 bis 2012*)
    return prev.isdigit() and len(prev) < 4


#: particles that open the compared term after the infinitive (*größer sein als die Sonne*)
_COMPARATIVE_PARTICLES = wordset("als wie")


def comparative_end(toks: Sequence[Tok], k: int, e: int) -> int:
    """The end of the verbal bracket of the clause after ``k`` that ends at ``e`` when the
    compared term stands after the infinitive (*Der Stern soll größer sein als die Sonne*):
    the token after that *sein*; else ``e``. Limits: only *sein* before *als/wie*, after a
    comparative in *-er* or *so* + adjective."""
    for m in range(k + 2, e - 1):
        t = toks[m]
        if t.q >= 0 or t.lower != "sein" or toks[m + 1].lower not in _COMPARATIVE_PARTICLES:
            continue
        before = toks[m - 1]
        if (
            before.q < 0
            and before.text[:1].islower()
            and (before.lower.endswith("er") or toks[m - 2].lower == "so")
        ):
            return m + 1
        return e
    return e


def stative_hearsay(toks: Sequence[Tok]) -> int | None:
    """The start (token index) of a main clause *soll/sollen* with a stative infinitive at the clause end (*Das
    Motiv soll Eifersucht sein*, *Der Schaden soll zwei Millionen Euro betragen*, *Unter den
    Opfern sollen sich Kinder befinden*)? Like the perfect infinitive of
    :func:`perfect_hearsay`, a state rules out the deontic *sollen* (a plan or an order), so
    the writer passes on a claim: free indirect speech. None when there is none; after a
    comma the clause alone is the claim (*Die Täter flohen, unter den Opfern sollen sich
    Kinder befinden*).

    Limits: *soll* in verb-second position (the clause goes on after it); *sein* after a
    participle or *zu* + infinitive is a state passive or modal passive of a plan (*soll
    fertiggestellt sein*, *soll zu sehen sein*); a future or plan word in the clause (*ab
    2010*, *künftig*, *dann*) makes it a schedule.
    """
    n = len(toks)
    for k, t in enumerate(toks):
        if t.q >= 0 or t.lower not in _PRESENT_HEARSAY or k + 1 >= n:
            continue
        if toks[k + 1].text in _CLAUSE_END:
            continue  # clause-final: a relative or subordinate clause
        c = _clause_start(toks, k)
        if c == k:
            c = 0  # *Die Figur, mit der …, soll …*: the first field holds a relative clause
        if k - c > 10 or (c and toks[c].lower in SUBORDINATE_OPENERS):
            continue  # not verb-second: a long first field or a subordinate clause
        e = _clause_end(toks, k)
        if e - k < 3:
            continue
        e = comparative_end(toks, k, e)
        last, before = toks[e - 1], toks[e - 2]
        if last.q >= 0 or last.lower not in _STATIVE:
            continue
        clause = toks[c : e - 1]
        need = _STATIVE_NEEDS.get(last.lower)
        if need is not None and not any(u.q < 0 and u.lower in need for u in toks[k + 1 : e]):
            continue
        if any(
            u.q < 0
            and ((u.lower in _FUTURE_WORDS and not _range_bis(toks, u.i)) or u.lower in _FINITE_AUX)
            for u in clause
        ):
            continue
        b = before.lower
        if last.lower == "haben" and (before.q >= 0 or not before.text[:1].isupper()):
            continue  # (possession only: *soll Kontakte zur Mafia haben*)
        if last.lower == "sein" and (
            before.q >= 0
            or b in ("worden", "gewesen", "werden")
            or toks[e - 3].lower == "zu"
            or (
                before.text[:1].islower()
                and (
                    b.endswith("iert")
                    or (
                        (b.startswith(_PARTICIPLE_PREFIXES) or "ge" in b[2:])
                        and b.endswith(("t", "en"))
                    )
                )
            )
        ):
            continue
        return c
    return None


#: words that open a subordinate or relative clause (after a comma)
SUBORDINATE_OPENERS: frozenset[str] = (
    SUBORDINATORS
    | RELATIVES
    | wordset(
        "welches welchem welchen zumal sodass wobei was wodurch womit weshalb weswegen "
        "worauf woraufhin"
    )
)
#: plural Konjunktiv II forms (they also stand for a plural Konjunktiv I, but as often for a
#: conditional: *Die Preise würden steigen*)
PLURAL_KONJUNKTIV_II: frozenset[str] = (
    wordset(
        "wären hätten würden könnten müssten müßten dürften möchten gäben kämen stünden lägen "
        "wüssten bräuchten"
    )
    | STRONG_PLURAL_KONJUNKTIV_II
)
#: unambiguous Konjunktiv I forms of the closed list (*sei, habe, werde, könne, gehe …*)
KONJUNKTIV_I_FORMS: frozenset[str] = frozenset(
    KONJUNKTIV_FORMS - SINGULAR_KONJUNKTIV_II - PLURAL_KONJUNKTIV_II
)
_FIRST_PERSON = wordset("ich wir")


def main_clause_konjunktiv_i(outside: Sequence[Tok]) -> bool:
    """Has the unit (tokens outside quotations) a Konjunktiv I form of the closed list in a
    main clause (*Die Ursache sei noch unklar*, *…, auch eine Ausweitung sei denkbar*)?

    Why: in news a Konjunktiv I main clause is reported speech even when its frame is
    sentences away or only implied (free indirect speech); a Konjunktiv I inside a relative
    or subordinate clause (*Die Toten, die gefesselt worden seien, wurden …*) says nothing
    about the main clause. Limits: main clauses are told by the comma-part's first word (not a
    subordinator, relative pronoun or preposition + relative); a form after a determiner is
    an adjective (*eine heiße Spur*); a unit with *ich/wir* is left out (a first person
    indicative *habe* looks the same).
    """
    n = len(outside)
    if any(t.lower in _FIRST_PERSON for t in outside):
        return False
    main = True
    for k, t in enumerate(outside):
        if t.text == ",":
            nxt = outside[k + 1].lower if k + 1 < n else ""
            nxt2 = outside[k + 2].lower if k + 2 < n else ""
            main = nxt not in SUBORDINATE_OPENERS and not (
                nxt in PREPOSITIONS and nxt2 in RELATIVES
            )
            continue
        if main and t.text in KONJUNKTIV_I_FORMS and not _attributive(outside, k):
            return True
    return False


#: one-word first fields that are demonstrative pronouns before a verb (*Das könne …*), not
#: determiners
_DEMONSTRATIVES = wordset("das dies dieses")


def _attributive(outside: Sequence[Tok], k: int) -> bool:
    """Is the Konjunktiv-looking form at ``k`` an adjective after a determiner (*eine heiße
    Spur*)? Only *heiße* of the closed list is also an adjective; the other forms after a
    determiner are verbs unless a noun follows (*Das werde die Saison gefährden*: the
    demonstrative *das* is the subject)."""
    if not k or outside[k - 1].lower not in DETERMINERS:
        return False
    if outside[k].lower == "heiße":
        return True
    nxt = outside[k + 1].text if k + 1 < len(outside) else ""
    return outside[k - 1].lower not in _DEMONSTRATIVES and nxt[:1].isupper()


_REPORTED_FORM_KEYS: frozenset[int] = frozenset(
    get_string_id(w) for w in KONJUNKTIV_I_FORMS | wordset("würden hätten")
)


def reported_forms_in(arrays: TokenArrays, unit: Unit) -> bool:
    """Cheap prefilter for a unit far from any quotation: has it a closed-list Konjunktiv I
    form or *würden/hätten* (see :func:`main_clause_konjunktiv_i` and the embedded clauses of
    ``extract``)? One set lookup per token."""
    keys = _REPORTED_FORM_KEYS
    return not keys.isdisjoint(arrays.lower[unit.tok_start : unit.tok_end])  # (in C)
