"""What kind of noun phrase a first field is: a time phrase, an abstract or thing noun, an
adverbial word, a predicative adjective — the tests that keep such a phrase from being taken
for the speaker.

Why a module of its own: :mod:`.phrases` finds noun phrases; these tests classify one, and
the subject rules (:mod:`.speakers`, :mod:`.subjects`) ask them. Moved verbatim out of
:mod:`.phrases`. Limits: word lists and suffixes, no parser (see each function).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.phrases import (
    ADVERBS,
    PREPOSITIONS,
    TIME_NOUNS,
    TIME_WORDS,
    is_head,
)
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset


def is_time_np(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is ``toks[a:b]`` headed by a time noun (*Wenige Stunden nach dem Putsch*,
    *Zwei Tage später*)? Any capitalised word before the first preposition counts (a
    capitalised quantifier like *Wenige* may come first)."""
    for t in toks[a:b]:
        if t.lower in PREPOSITIONS or t.text in (",", "("):
            return False  # only the phrase's own nouns (*nach dem Putsch* is an attribute)
        if is_head(t) and (t.lower in TIME_NOUNS or t.lower in TIME_WORDS):
            return True
    return False


#: suffixes of abstract nouns (actions, states, qualities) that do not speak
_ABSTRACT_SUFFIXES = ("ung", "heit", "keit", "ion", "nis", "tät", "ismus", "sicht", "mut")
#: institutions and groups with such a suffix, which do speak (*die Bundesregierung*, *die
#: Kommission*, *die Mehrheit*; also as the last part of a compound: *Parteiführung*); shared
#: with the object-speaker test of :mod:`.nonspeakers`
SPEAKING_ABSTRACTS: tuple[str, ...] = (
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
    "gemeinschaft",
    "region",
    "religion",
    "universität",
    "fakultät",
    "föderation",
    "abteilung",
    "sektion",
    "division",
    "legion",
    "generation",
    "verteidigung",
    "bevölkerung",
    "mehrheit",
    "minderheit",
    "einheit",
    "öffentlichkeit",
    "obrigkeit",
    "geistlichkeit",
    "christenheit",
    "menschheit",
    "kammer",
)
#: common non-speaking nouns of the first field without such a suffix
_ABSTRACT_NOUNS = wordset(
    "grund gründe plan pläne vorschlag vorschläge ziel ziele kritik unmut sorge sorgen frage "
    "fragen idee ideen lage problem probleme ursache aussage aussagen äußerungen zahl zahlen "
    "interesse angebot angebote schritt schritte entscheid forderungen vorwürfe vorwurf "
    "motiv motive antwort antworten sichtweise argument argumente"
)


def is_abstract_np(toks: Sequence[Tok], a: int, b: int) -> bool:
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
    return low.endswith(_ABSTRACT_SUFFIXES) and not low.endswith(SPEAKING_ABSTRACTS)


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
    "gemäß",
)


def looks_adverbial(tok: Tok) -> bool:
    """A capitalised single first-field word that is an adverb/adjective (*Offiziell*,
    *Besorgt*, *Relativierend*): by its suffix, or a past participle ``ge…t``."""
    low = tok.lower
    if low in ADVERBS or low in PREDICATIVE_OPENERS:
        return True
    if low.endswith(_ADVERBIAL_SUFFIXES) and not tok.text.isupper():
        return True
    # *Besorgt*, *Verärgert*, *Enttäuscht* (a name like *Bernhardt* is kept by the caller)
    return low.endswith("t") and len(low) > 6 and low.startswith(_PARTICIPLE_PREFIXES)


#: predicative adjectives that open a copula clause about what is known (*Offen ist die
#: Frage, ob …*, *Unklar blieb, wer …*): never the subject, which follows the verb
PREDICATIVE_OPENERS: frozenset[str] = wordset(
    """
    offen unklar fraglich ungeklärt unbekannt ungewiss umstritten strittig unstrittig
    unbestritten bemerkenswert auffällig erstaunlich bezeichnend entscheidend
    """
)
#: prefixes of past participles used as first-field adverbials
_PARTICIPLE_PREFIXES = ("ge", "be", "ver", "er", "ent", "zer", "über")
