"""Forms of a reporting verb that perform no speech act, read from the surface.

Why: the lexicon finds *prognostiziert, berichten, ausgegangen, angekündigt, bestreitet*
wherever they occur, but German marks several non-speech uses in the form or its immediate
neighbours, which are cheap to test without a parser:

* an **attributive participle** (*der prognostizierten Körperlänge*, *die geforderten
  Reformen*): an inflected participle between an article and its noun is an adjective;
* a **zu-infinitive** with a perfect or modal infinitive (*… wurde zugebilligt, ausgewogen
  berichtet zu haben*, *um über den Streik berichten zu können*): a non-finite clause names
  a possibility or a claim about the act, not an act that the sentence reports (the bare
  *zu berichten* is already left out by the reported-speech rule);
* *ausgehen* with the **perfect auxiliary *sein*** (*Die Idee war von der Firma
  ausgegangen*: "had originated", a subject that cannot speak); the speech sense ("assume")
  also takes *sein*, with a subject that can (*Die Ermittler waren von X ausgegangen*);
* reflexive ***sich ankündigen*** (*Der Wechsel hatte sich angekündigt*: "was foreseeable");
* reflexive ***sich erklären*** with an impersonal subject (*Damit erklärt es sich, dass …*,
  *Das erklärt sich dadurch, dass …*: "is explained by");
* ***bemerken*** in a temporal clause or with *erst* (*nachdem sie den Fehler bemerkt
  hatten*, *bemerkten viele erst, als …*: "to notice", not "to remark");
* ***bestreiten*** with a match or livelihood as object (*bestreitet das Finale*, *bestritt
  seinen Lebensunterhalt*: "to play", "to pay for"), as *fordern* with a death toll is no
  demand (:func:`.senses.death_toll`).

Measured on the Wikinews training split (docs/attribution.md, "Spurious quotations").
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.cuefind import CueHit
from medialens.nlp.attribution.phrases import is_adjective
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.speakers import speaker_of_cue
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: articles before an attributive participle (not *die/der* as relative pronouns: those are
#: followed by the clause, not by a noun right after the verb)
_ARTICLES: frozenset[str] = wordset(
    "der die das den dem des ein eine einer eines einem einen diese dieser diesen diesem dieses"
)
_INFLECTED = ("e", "en", "er", "em", "es")


def attributive_participle(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is the one-token cue an inflected participle between an article (and adjectives) and
    a noun (*der prognostizierten Körperlänge*, *die oft geforderte Reform*)?"""
    if len(hit.tokens) != 1:
        return False
    ci = hit.tokens[0]
    t = toks[ci]
    if ci == 0 or ci + 1 >= len(toks) or not t.text[:1].islower():
        return False
    if not t.lower.endswith(_INFLECTED):
        return False  # (a finite *forderten* cannot stand between an article and its noun)
    nxt = toks[ci + 1]
    if nxt.q >= 0 or not nxt.text[:1].isupper():
        return False
    k = ci - 1
    while k > 0 and toks[k].q < 0 and toks[k].lower not in _ARTICLES:
        if not (is_adjective(toks[k]) or toks[k].lower in _DEGREE):
            return False
        k -= 1  # (adjectives or degree words between: *die bereits angekündigten*)
    if toks[k].q >= 0 or toks[k].lower not in _ARTICLES:
        return False
    # *Das erklärte General X*, *Das berichteten Helfer*: at the clause start *das/die/der*
    # may be a demonstrative before a finite verb that looks like the participle (no *ge-*)
    return "ge" in t.lower[:6] or not (
        (k == 0 or toks[k - 1].text in _PUNCT) and toks[k].lower in _DEMONSTRATIVES
    )


_PUNCT = frozenset([",", ";", ":", "(", ")", "–", "—", "-", ".", "!", "?", "„", "“", "»", "«", '"'])
#: articles that are also demonstrative pronouns
_DEMONSTRATIVES: frozenset[str] = wordset("das der die den dem dies diese dieser diesen diesem")


#: degree and time adverbs inside an attributive phrase (*die oft geforderte*, *die bereits
#: angekündigten*)
_DEGREE: frozenset[str] = wordset("oft häufig lange bereits schon vielfach immer viel seit")
#: infinitives after *zu* that make a perfect or modal zu-infinitive
_ZU_INFINITIVES: frozenset[str] = wordset(
    "haben sein werden worden können müssen dürfen wollen sollen lassen"
)


def zu_infinitive(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is the cue followed by *zu* and a perfect or modal infinitive (*berichtet zu haben*,
    *berichten zu können*)?"""
    last = max(hit.tokens)
    return (
        last + 2 < len(toks)
        and toks[last + 1].lower == "zu"
        and toks[last + 1].q < 0
        and toks[last + 2].lower in _ZU_INFINITIVES
    )


#: forms of *sein* as a perfect auxiliary
_SEIN_FORMS: frozenset[str] = wordset("ist sind war waren sei seien wäre wären gewesen")
#: objects of *bestreiten* in the sense "to play" or "to pay for"
_MATCH_NOUNS: tuple[str, ...] = (
    "spiel",
    "spiele",
    "partie",
    "finale",
    "halbfinale",
    "viertelfinale",
    "match",
    "turnier",
    "rennen",
    "wettkampf",
    "duell",
    "begegnung",
    "lebensunterhalt",
    "unterhalt",
    "auftakt",
)


#: temporal subordinators and *erst* around *bemerken* in the sense "to notice"
_NOTICE_WORDS: frozenset[str] = wordset("als nachdem sobald bevor kaum erst")
#: (a subordinator after the cue belongs to the next clause: *…, bemerkte sie, als …*)


def other_sense(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Is the cue *ausgehen* with *sein* as perfect auxiliary, reflexive *sich ankündigen*
    or impersonal *sich erklären*, *bemerken* in a temporal clause, or *bestreiten* with a match or livelihood object (in
    the unit, outside quotations)?"""
    lemma = hit.lemma
    ci = hit.tokens[0]
    if lemma == "ausgehen":
        # *Die Idee war von X ausgegangen* ("had originated"); *Die Polizei ist von einem
        # Unfall ausgegangen* ("has assumed") also takes *sein*: a subject that can speak
        # holds the assumption
        if toks[ci].lower != "ausgegangen" or not any(
            t.q < 0 and t.lower in _SEIN_FORMS for t in toks[:ci]
        ):
            return False
        rng = speaker_of_cue(toks, ci, max(hit.tokens))
        return rng is None or not speaker_like(toks, *rng)
    if lemma == "ankündigen":
        return toks[ci].lower == "angekündigt" and any(
            t.q < 0 and t.lower == "sich" for t in toks[max(0, ci - 4) : ci]
        )
    if lemma == "bemerken":
        # *nachdem sie den Fehler bemerkt hatten*, *Als er bemerkte, dass …*, *bemerkten
        # viele erst, als …*: "to notice" in a temporal clause or with *erst*
        return any(t.q < 0 and t.lower in _NOTICE_WORDS for t in toks[max(0, ci - 8) : ci]) or any(
            t.q < 0 and t.lower == "erst" for t in toks[ci + 1 : ci + 4]
        )
    if lemma == "erklären":
        return explained(toks, ci)
    if lemma == "bestreiten":
        return any(
            t.q < 0 and t.text[:1].isupper() and t.lower.endswith(_MATCH_NOUNS)
            for t in toks[ci + 1 : ci + 6]
        )
    return False


#: first-field words of *sich erklären* "to be explained" (*Damit erklärt es sich, dass …*,
#: *So erklärt sich auch, warum …*, *Das erklärt sich dadurch, …*, *Wie erklärt sich das?*)
_EXPLAINED_FIRST: frozenset[str] = wordset(
    "so daraus dadurch damit daher das dies es hieraus hierdurch hiermit darin hierin was wie"
)
_CLAUSE_PUNCT = frozenset([",", ";", ":", "(", "–", "—", ".", "!", "?"])


def explained(toks: Sequence[Tok], ci: int) -> bool:
    """Is *erklären* at ``ci`` reflexive *sich erklären* "to be explained": *sich* right
    after the verb (or after its *es*) and a first field of *so, daraus, das, es …*, or *es*
    as the subject after the verb? (*X erklärte sich bereit, …* has a person as subject and
    is a commitment: not concerned.)"""
    n = len(toks)
    j = ci + 1
    es_after = j < n and toks[j].lower == "es"
    if es_after:
        j += 1
    if j >= n or toks[j].lower != "sich" or toks[j].q >= 0:
        return False
    if es_after:
        return True
    k = ci - 1
    while k > 0 and toks[k - 1].text not in _CLAUSE_PUNCT and toks[k - 1].q < 0:
        k -= 1
    while k < ci and toks[k].lower in ("und", "aber", "denn", "doch"):
        k += 1
    return k < ci and ci - k <= 2 and toks[k].lower in _EXPLAINED_FIRST


#: lemmas :func:`other_sense` knows
_OTHER_SENSE_LEMMAS: frozenset[str] = wordset("ausgehen ankündigen bestreiten bemerken erklären")


def no_speech_act(toks: Sequence[Tok], hit: CueHit) -> bool:
    """Does the verb cue's form show that it performs no speech act here (see the module
    docstring)? (Runs for every verb cue: the token after the cue decides which test can
    apply, so most cues cost one look.)"""
    if hit.lemma in _OTHER_SENSE_LEMMAS and other_sense(toks, hit):
        return True
    last = max(hit.tokens)
    if last + 1 >= len(toks):
        return False
    nxt = toks[last + 1]
    if nxt.lower == "zu":
        return zu_infinitive(toks, hit)
    return nxt.text[:1].isupper() and attributive_participle(toks, hit)
