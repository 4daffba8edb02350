"""When *nach*, *laut* or *gemäß* before a noun names no source of the sentence.

Why a module of its own: :func:`.sourcecues.find_source_phrases` reads *nach Angaben X*,
*laut X* and *X-s Meinung nach* as the source of the whole unit. Two surface forms make that
wrong, and both are cheap to test on the tokens of the phrase without a parser:

* **temporal or causal *nach*** before an event noun (*Bereits zwei Tage nach der
  Veröffentlichung des Buches …*, *Erst nach eingehenden Untersuchungen …*, *Nach einem
  anonymen Hinweis auf …*): *nach* is "after", the noun names an act that happened, not the
  source of a claim. German marks it by a time expression or focus particle before *nach*
  (*kurz, erst, bereits, zwei Tage*), by an adjective of extent or manner on the noun
  (*eingehend, umfangreich, monatelang, anonym*), or — for nouns that name the act of
  publishing or tipping off (*Veröffentlichung, Hinweis*) — by the definite article (*nach
  der Veröffentlichung*; *nach einer Veröffentlichung in Nature* stays a source); *nach der
  Ankündigung* is a source only with an attribute that can speak (*der Bürgermeisterin*);
* an **attributive source**: the phrase stands between an article and the rest of a noun
  phrase (*die seiner Ansicht nach überhöhten Preise*, *der laut Polizei 300 Teilnehmer*, *des
  – nach Angaben der Zeitung – verschuldeten Vereins*): the source qualifies a word of that noun
  phrase, and the sentence is not what the source said. A relative pronoun in the same
  position (*die Regierung, die ihrer Meinung nach …*, *von dem laut Polizei …*) follows a comma
  or a preposition and keeps its source;
* ***gemäß* before a norm or decision** (*gemäß der Regelung*, *gemäß Artikel 5*, *gemäß § 12*,
  *gemäß dem Urteil*): "in accordance with", not "according to" a source.

Measured on the Wikinews training split (see docs/attribution.md, "Spurious quotations").
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.phrases import PREPOSITIONS, np_forward
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: words right before *nach* that make it temporal (*kurz nach*, *erst nach*, *zwei Tage nach*)
_TIME_BEFORE: frozenset[str] = wordset(
    """
    kurz erst bereits schon gleich unmittelbar direkt bald spätestens frühestens noch
    sekunden minuten stunden tage wochen monate jahre jahrzehnte minute stunde tag woche monat
    jahr tagen monaten jahren
    """
)
#: stems of adjectives of extent, duration or manner on the event noun (*nach eingehenden
#: Untersuchungen*, *nach monatelangen Ermittlungen*, *nach einem anonymen Hinweis*); a source
#: reading has *ersten, vorläufigen, bisherigen, neuesten* instead
_EXTENT_STEMS: tuple[str, ...] = (
    "eingehend",
    "umfangreich",
    "umfassend",
    "intensiv",
    "gründlich",
    "ausführlich",
    "langwierig",
    "lang",
    "monatelang",
    "wochenlang",
    "jahrelang",
    "tagelang",
    "stundenlang",
    "mehrstündig",
    "mehrtägig",
    "mehrwöchig",
    "mehrmonatig",
    "mehrjährig",
    "zäh",
    "erfolglos",
    "erfolgreich",
    "anonym",
)
#: event nouns after *nach* that name an act, read as "after" with the definite article
_ACT_NOUNS: frozenset[str] = wordset("veröffentlichung hinweis vorstellung vorschlag")
#: event nouns (acts of investigating or publishing) for which the extent test applies
_EVENT_NOUNS: frozenset[str] = wordset(
    """
    veröffentlichung untersuchung untersuchungen ermittlungen ermittlung prüfung prüfungen
    analyse analysen hinweis hinweisen recherchen recherche vorstellung vorschlag bewertung
    beurteilung
    """
)
_DEFINITE: frozenset[str] = wordset("der dem den des")
#: act nouns that name a source after *nach* only with an attribute that can speak (*nach der
#: Ankündigung der Bürgermeisterin*); without one, or with the thing announced (*nach der
#: Ankündigung des Rücktritts*), *nach* is "after"
_AGENT_ONLY_NOUNS: frozenset[str] = wordset("ankündigung")
#: words that open a genitive or *von* attribute after the noun
_ATTRIBUTE_OPENERS: frozenset[str] = wordset("der des eines einer von vom")


def _speaking_attribute(toks: Sequence[Tok], k: int) -> bool:
    """Does a genitive or *von* attribute that can speak start at ``k``?"""
    if k >= len(toks) or toks[k].q >= 0 or toks[k].lower not in _ATTRIBUTE_OPENERS:
        return False
    rng = np_forward(toks, k + 1 if toks[k].lower in ("von", "vom") else k)
    return rng is not None and speaker_like(toks, *rng)


def temporal_nach(toks: Sequence[Tok], i: int, noun: int) -> bool:
    """Is *nach* at ``i`` before the source noun at ``noun`` (*nach [der] Veröffentlichung*)
    temporal or causal rather than a source? See the module docstring."""
    if i > 0 and toks[i - 1].q < 0 and toks[i - 1].lower in _TIME_BEFORE:
        return True
    word = toks[noun].lower
    if word in _AGENT_ONLY_NOUNS:
        return not _speaking_attribute(toks, noun + 1)
    if word not in _EVENT_NOUNS:
        return False
    if word in _ACT_NOUNS and noun == i + 2 and toks[i + 1].lower in _DEFINITE:
        return True
    return any(toks[k].lower.startswith(_EXTENT_STEMS) for k in range(i + 1, noun))


#: determiners (articles) that open a noun phrase an attributive source may stand in
#: (not *dieser*: also a pronoun, *worauf dieser nach Aussagen X …*)
_ARTICLES: frozenset[str] = wordset("der die das den dem des ein eine einer eines einem einen")
_DASHES = frozenset(["–", "—", "-"])


def attributive_source(toks: Sequence[Tok], first: int) -> bool:
    """Does the source phrase starting at ``first`` (*nach*, *laut*, or the possessive of
    *seiner Meinung nach*) stand right after an article, inside a noun phrase (*die seiner
    Ansicht nach überhöhten Preise*, *gegen die ihrer Meinung nach falsche Politik*)? Not when
    the article is a relative pronoun: after a comma, or after a preposition after a comma
    (*…, die ihrer Meinung nach …*, *…, von dem laut X …*)."""
    k = first - 1
    if k >= 0 and toks[k].text in _DASHES:
        k -= 1
    if k < 0 or toks[k].q >= 0 or toks[k].lower not in _ARTICLES:
        return False
    k -= 1
    if k >= 0 and toks[k].q < 0 and toks[k].lower in PREPOSITIONS:
        k -= 1  # (*gegen die …* is a noun phrase; *…, von dem …* a relative clause)
    return k < 0 or toks[k].q >= 0 or toks[k].text not in _CLAUSE_OPENERS


#: punctuation before a relative pronoun (or before its preposition)
_CLAUSE_OPENERS = frozenset([",", "(", ";", ":", "–", "—"])


#: heads of norms and decisions: *gemäß* before them is "in accordance with" (*gemäß der
#: Regelung*, *gemäß Artikel 5*, *gemäß § 12*, *gemäß dem Urteil*), not a source
_NORM_ENDINGS: tuple[str, ...] = (
    "gesetz",
    "gesetzes",
    "regelung",
    "regelungen",
    "bestimmung",
    "bestimmungen",
    "vorschrift",
    "vorschriften",
    "verordnung",
    "richtlinie",
    "richtlinien",
    "vertrag",
    "vertrags",
    "vertrages",
    "abkommen",
    "statut",
    "statuten",
    "satzung",
    "norm",
    "normen",
    "standard",
    "entscheidung",
    "urteil",
    "beschluss",
    "dekret",
    "erlass",
    "artikel",
    "paragraph",
    "paragraf",
    "absatz",
    "ordnung",
    "recht",
    "plan",
    "vorgabe",
    "vorgaben",
)


def norm_gemaess(toks: Sequence[Tok], sp: tuple[int, int]) -> bool:
    """Is the noun phrase ``sp`` after *gemäß* a norm or decision (its first capitalised
    word, or a *§* sign)? Then *gemäß* means "in accordance with" and names no source."""
    for t in toks[sp[0] : sp[1]]:
        if t.text == "§":
            return True
        if t.text[:1].isupper():
            return t.lower.endswith(_NORM_ENDINGS)
    return False
