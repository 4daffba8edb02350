"""Which codebook actor a speaker phrase names: the actor of its *head*, not any actor inside.

Why: a speaker phrase often contains actors that are not the speaker. *Ein Anwalt des
Kanzlers* is the lawyer, not the chancellor; *die Grünen-Politikerin Anna Lührmann* is the
politician, not the party; *Einer Presseerklärung des Verbandes Deutscher Realschullehrer*
is the association, never Germany. Linking a speaker to "the actor of any mention inside it"
put such quotes into the wrong mouth. German noun phrases are head-initial after their
prenominal modifiers, so the rules work on the surface words of the phrase (the default
pipeline has no parser):

1. The phrase is split into a *core* (determiners, adjectives, prenominal genitives, the head
   noun and a name in apposition) and a *complement* (from the first postnominal genitive
   article or preposition: *des*, *der*, *von*, *aus* …).
2. A mention covering the last word of the core is the speaker: the apposition (*Bundeskanzler
   Friedrich Merz*, *Frankreichs Präsident Emmanuel Macron*), or the head itself (*die
   Bundesregierung*, *der Kanzler* resolved by date). Exception: a genitive name right after
   an unmatched noun is a postnominal genitive (*der Präsident Frankreichs*): the head is that
   noun.
3. A spokesperson-type head (*Sprecher*, *Sprecherin*, *Erklärung*, *Mitteilung*, *Vertreter*,
   *Kreise* …; also as compound heads: *Regierungssprecher*, *Presseerklärung*) passes the
   speaker on: to a modifier inside the core (*Merz' Sprecher*, *Kreml-Sprecher*), else to the
   head of its complement, recursively (*Eine Sprecherin des Auswärtigen Amtes* → Auswärtiges
   Amt).
4. Otherwise the head is not a coded actor: ``None`` (an uncoded entity may still cover it).

Adjective mentions (*deutsche*) never name the speaker, except as the modifier of a
spokesperson head (*ein russischer Regierungssprecher*).

Limits: coordinated speakers (*Merz und Macron*) give the rightmost conjunct; a relative
clause or a long apposition inside the speaker span is read as part of the core; a head
written in lower case (headline style) is not recognised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Mention

#: words of a speaker phrase (a hyphenated compound is one word)
_WORD = re.compile(r"[\w][\w'’.-]*[\w'’]|\w")
#: determiners and quantifiers before the head (lower case)
DETERMINERS = wordset(
    """der die das des dem den ein eine einer eines einem einen kein keine dieser diese dieses
    jener jene jenes sein seine ihr ihre unser unsere mehrere einige viele zwei drei"""
)
#: words that open a postnominal complement (genitive article or preposition), lower case
COMPLEMENT_OPENERS = wordset(
    "des der eines einer von vom aus bei beim im in am an für zur zum gegenüber"
)
#: heads that speak for another actor (their genitive, compound modifier or prenominal
#: genitive): spokespersons, representatives, statements and what they contain (*nach
#: Angaben der*, *Worten des*, *Auffassung des*), and bodies that speak for a state or a
#: party (*die syrische Regierung*, *die US-Botschaft*, *die SPD-Landtagsfraktion*)
_SPOKESPERSON = re.compile(
    r"(?:sprecher|vertreter|beauftragte|repräsentant)(?:in|innen|s|n|en)?"
    r"|(?:erklärung|mitteilung|stellungnahme|verlautbarung|quelle|seite|spitze|führung"
    r"|pressestelle|delegation|meldung|information|auffassung|ansicht|sichtweise|sicht"
    r"|meinung|schätzung|darstellung|aussage|äußerung|auskunft|regierung|botschaft"
    r"|fraktion|position)(?:en|n)?"
    r"|(?:bericht|statement|kommuniqué|communiqué|schreiben|brief|wort|zitat|vorschlag"
    r"|presseamt|ministerium|vorstand|landesverband|standpunkt)(?:e|es|s|en|n|ern)?"
    r"|kreisen?|angaben",
)


def is_spokesperson_noun(word: str) -> bool:
    """Does ``word`` (any case) name someone or something that speaks for another actor?

    Matched as the head of a compound too (*Regierungssprecherin*, *Presseerklärung*,
    *Kreml-Sprecher*).
    """
    low = word.lower().rstrip("'’")
    return any(m.end() == len(low) for m in _SPOKESPERSON.finditer(low))


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (start + m.start(), start + m.end(), m.group()) for m in _WORD.finditer(text[start:end])
    ]


def head_actor(
    text: str, start: int, end: int, mentions: Sequence[Mention], *, depth: int = 0
) -> str | None:
    """The codebook actor named by the head of the speaker phrase ``text[start:end]``.

    ``mentions`` are the document's mentions (any order). Returns ``None`` when the head is
    not a coded actor. Raises ``ValueError`` for an empty or reversed span.
    """
    if end <= start:
        raise ValueError(f"speaker span [{start}, {end}) is empty")
    inside = [m for m in mentions if m.start < end and m.end > start]
    if not inside:
        return None
    phrase = text[start:end]
    close, open_ = phrase.find(")"), phrase.find("(")
    if close != -1 and (open_ == -1 or close < open_):
        return None  # the inside of a bracket (*SPD)* of *Anna Beispiel (SPD)*): not a head
    if open_ > 0:
        end = start + len(phrase[:open_].rstrip())  # *Heribert Rech (CDU)*: the bracket adds
    words = _words(text, start, end)
    if not words:
        return None
    # 1. split core / complement at the first opener after the first content word
    core_end = len(words)
    content_seen = False
    for i, (_s, _e, w) in enumerate(words):
        low = w.lower()
        if content_seen and low in COMPLEMENT_OPENERS:
            core_end = i
            break
        if low not in DETERMINERS and w[:1].isupper():
            content_seen = True
    core = words[:core_end]
    if not core:
        return None
    comma = text.find(",", core[0][0], core[-1][1])
    if comma != -1 and depth < 3:
        # *Hans-Jürgen Papier, Präsident des …*: the head is the first noun phrase
        return head_actor(text, start, comma, mentions, depth=depth + 1) if comma > start else None
    if _coordinated(core, inside):
        return None  # *Merkel sowie CSU-Chef Stoiber*, *von Deutschland und Frankreich*
    last_s, last_e, _ = core[-1]
    core_mentions = [m for m in inside if m.start < last_e and m.end > core[0][0]]

    def covered(ws: int, we: int) -> Mention | None:
        best = None
        for m in core_mentions:
            if m.start <= ws and m.end >= we and m.kind != "adjective":
                best = m if best is None or m.start > best.start else best
        return best

    # 2. a mention covering the last core word: apposition name or the head itself; a
    # brand suffix does not change the head (*CNN.com*, *SPIEGEL ONLINE*)
    last = covered(last_s, _word_stem_end(text, last_s, last_e))
    if last is None:
        last = _brand_head(text, core, core_mentions)
    head_i = len(core) - 1
    if last is not None:
        before = [w for w in core if w[1] <= last.start]
        postnominal = (
            last.match == "genitive"
            and before
            and before[-1][2][:1].isupper()
            and before[-1][2].lower() not in DETERMINERS
            and covered(before[-1][0], before[-1][1]) is None
        )
        if not postnominal:
            return last.actor
        head_i = core.index(before[-1])
    # 3. the head noun: the last core word (or the noun before a postnominal genitive)
    head = core[head_i]
    if not is_spokesperson_noun(head[2]):
        return None
    # a modifier of the spokesperson head: prenominal genitive, compound part, adjective
    mods = [m for m in core_mentions if m.start < head[1] and m.end > core[0][0]]
    if head_i < len(core) - 1:  # postnominal genitive name (*ein Sprecher Frankreichs*)
        mods = [m for m in core_mentions if m.start >= head[1]] or mods
    if mods:
        direct = [m for m in mods if m.kind != "adjective"]
        return max(direct or mods, key=lambda m: m.start).actor
    if core_end < len(words) and depth < 3:
        comp_start = words[core_end][1]  # after the article/preposition
        if comp_start < end:
            return head_actor(text, comp_start, end, mentions, depth=depth + 1)
    return None


_CONJUNCTIONS = wordset("und sowie oder bzw.")


def _coordinated(core: list[tuple[int, int, str]], mentions: list[Mention]) -> bool:
    """Does the core coordinate several phrases (a conjunction outside any mention)? Then
    no single head names the speaker."""
    for ws, we, w in core[1:]:
        if w.lower() in _CONJUNCTIONS and not any(m.start <= ws and m.end >= we for m in mentions):
            return True
    return False


def _word_stem_end(text: str, start: int, end: int) -> int:
    """End of a word without a genitive ``'s``/``s``-less apostrophe (mentions may stop there)."""
    word = text[start:end]
    if word.endswith(("'", "’")):
        return end - 1
    return end


def _brand_head(
    text: str, core: list[tuple[int, int, str]], mentions: list[Mention]
) -> Mention | None:
    """A name mention followed in the core only by a domain or all-caps words (*CNN.com*,
    *SPIEGEL ONLINE*): a brand of the named medium or organisation."""
    for m in sorted(mentions, key=lambda m: -m.start):
        if m.kind != "name" or m.match == "genitive":
            continue
        rest = text[m.end : core[-1][1]]
        if not rest.strip():
            continue
        if rest.startswith(".") and rest[1:].isalpha() and rest[1:].islower():
            return m
        words = rest.split()
        if rest[:1].isspace() and all(w.isupper() and w.isalpha() for w in words):
            return m
        return None
    return None
