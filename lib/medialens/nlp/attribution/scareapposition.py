"""A class noun in apposition right after the marks: the quotation is a name.

Why a module of its own: the close apposition *die Kita „Sonnenblume“* has long made a name
(:func:`.scarenames._after_noun`); the loose apposition after the marks — *die
„Sonnenblume“, eine Kita in Mitte*, *im „Kesselhaus“, einem Club am Hafen*, *die „Löwen“,
der Verein aus der Vorstadt* — says the same (what the quoted words name is of that class),
but the classifier did not look behind the comma, and such a span reached the last stage of
:func:`.scare.classify_quoted` as a scare quote. Found with invented sentences (issue #14,
ninth round), not on the labelled sets.

The class nouns are the title nouns (:func:`.scarenames.is_title_noun`: *Zeitung*, *Band*,
*Verein*, *Firma* …) and nouns of places and businesses that names are given to
(:data:`PLACE_NOUNS`, also as compound heads: *Szenekneipe*, *Grundschule*). Asked only in
the last stage and only for a capitalised quotation, so a scare-quoted adjective or verb is
never touched; an explanation that is no class (*die „Schülerdatei“, eine zentrale
Datenbank*) leaves the scare quote alone.

Cost: one anchored regular expression on the 60 characters after the marks, for a handful of
quotations per article.
"""

from __future__ import annotations

import re

from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.scarenames import has_compound_head, is_title_noun
from medialens.nlp.attribution.wordlists import wordset

#: places, venues, businesses and teams that carry names (lower case; also compound heads)
PLACE_NOUNS: frozenset[str] = wordset(
    """
    kita kindertagesstätte kindergarten schule gymnasium realschule hochschule klinik
    krankenhaus club klub kneipe lokal gaststätte gasthaus gasthof wirtshaus restaurant café
    cafe bar diskothek disco hotel pension herberge laden geschäft kaufhaus supermarkt
    boutique bäckerei brauerei werkstatt fabrik werft zeche mine theater kino museum galerie
    bühne halle stadion arena siedlung viertel kiez straße platz park garten insel dorf
    ortsteil hütte burg schloss kloster kirche kapelle mannschaft team chor orchester
    ensemble kollektiv kneipenkette modemarke
    """
)
#: compound heads matched from the end of the word (*Szenekneipe*, *Grundschule*)
_PLACE_HEADS: tuple[str, ...] = tuple(sorted((w for w in PLACE_NOUNS if len(w) >= 4), key=len))
#: a comma, an article, up to two lower-case attributes and a capitalised noun
_APPOSITION = re.compile(
    r"\s*,\s*(?:ein|eine|einer|einem|einen|eines|der|die|das|dem|den|des)\s+"
    r"(?:[a-zäöüß][\w-]*\s+){0,2}([A-ZÄÖÜ][\w-]*)"
)


def class_noun(word: str) -> bool:
    """Is ``word`` (lower case) a noun of a class of named things: a title noun, or a place,
    venue, business or team (also as a compound head, also in the genitive)?"""
    return is_title_noun(word) or word in PLACE_NOUNS or has_compound_head(word, _PLACE_HEADS)


def class_apposition(text: str, r: QuotedRegion, inner: str) -> bool:
    """Is capitalised quotation ``inner`` (marks ``r``) followed by a loose apposition whose
    head is a class noun (*die „Sonnenblume“, eine Kita in Mitte*)?"""
    if not inner[:1].isupper():
        return False
    m = _APPOSITION.match(text, r.end, min(len(text), r.end + 60))
    if m is None:
        return False
    head = m.group(1).rsplit("-", 1)[-1].lower()
    return class_noun(head)
