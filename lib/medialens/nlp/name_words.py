"""Word lists and word tests of German person and organisation names.

Why a module of its own: the rule candidate finder (:mod:`.candidates`) and the entity tagger
(:mod:`.entity_model`, :mod:`.entity_features`) share these lists; keeping them here lets the
candidates component call the tagger without an import circle. Limits: the lists are our
own, written from general knowledge of German names, roles and organisation forms; they are
not exhaustive (see ``docs/actors.md``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from medialens.codebook.patterns import trie_regex


def _words(block: str) -> frozenset[str]:
    """A word list written as a whitespace-separated block."""
    return frozenset(block.split())


_UP = "A-ZÄÖÜÀÁÂÉÈÊÍÓÔÚÇŠŽČŁ"
_LOW = "a-zäöüßàáâãéèêëíìîïóòôõúùûñçćčšžłńśźżğışă"
#: words written with a capital that never start a name
STOP_CAPS: frozenset[str] = _words(
    """
    Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Im In Am An Auf Aus Bei Beim Bis
    Durch Für Gegen Hinter Mit Nach Neben Ohne Seit Über Um Unter Von Vom Vor Während Wegen Zu
    Zum Zur Und Oder Aber Doch Denn Sondern Als Wie Wenn Weil Dass Ob Obwohl Auch Noch Nur Schon
    Er Sie Es Wir Ihr Ich Man Dies Diese Dieser Dieses Diesem Diesen Jene Jener Alle Viele Einige
    Kein Keine Sein Seine Ihre Unser Unsere Was Wer Wo Wann Warum Dann Da Dort Hier Heute Gestern
    Morgen Jetzt So Nun Zudem Laut Demnach Damit Danach Dabei Darauf Deshalb Trotz Sowohl Weder
    Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März April Mai
    Juni Juli August September Oktober November Dezember Herr Frau Dr Prof
    """
)
_PARTICLE = r"(?:von|van|de|der|den|da|di|du|del|dos|la|le|zu|ter|ten|bin|al|el|ibn)"

#: role nouns / titles that introduce a name (compounds ending in them count too)
ROLE_NOUNS: tuple[str, ...] = (
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "vorsitzende",
    "vorsitzender",
    "sekretär",
    "sekretärin",
    "kanzler",
    "kanzlerin",
    "direktor",
    "direktorin",
    "botschafter",
    "botschafterin",
    "trainer",
    "trainerin",
    "abgeordnete",
    "abgeordneter",
    "bürgermeister",
    "bürgermeisterin",
    "general",
    "senator",
    "senatorin",
    "gouverneur",
    "gouverneurin",
    "richter",
    "richterin",
    "anwalt",
    "anwältin",
    "kommissar",
    "kommissarin",
    "beauftragte",
    "beauftragter",
    "koordinator",
    "leiter",
    "leiterin",
    "gründer",
    "gründerin",
    "manager",
    "managerin",
    "ökonom",
    "ökonomin",
    "experte",
    "expertin",
    "politiker",
    "politikerin",
    "aktivist",
    "aktivistin",
    "professor",
    "professorin",
    "forscher",
    "forscherin",
    "autor",
    "autorin",
    "regisseur",
    "regisseurin",
    "sänger",
    "sängerin",
    "spieler",
    "spielerin",
    "stürmer",
    "torwart",
    "kapitän",
    "könig",
    "königin",
    "prinz",
    "prinzessin",
    "papst",
    "bischof",
    "pfarrer",
    "oberst",
    "kommandeur",
    "führer",
    "funktionär",
    "funktionärin",
    "diplomat",
    "diplomatin",
    "berater",
    "beraterin",
    "analyst",
    "analystin",
    "journalist",
    "journalistin",
    "korrespondent",
    "korrespondentin",
)
TITLES: tuple[str, ...] = ("Herr", "Frau", "Dr.", "Prof.", "Sir", "Lady", "Lord")

#: common given names (German and international news), written from general knowledge
GIVEN_NAMES: frozenset[str] = _words(
    """
    Alexander Alexandra Alexej Ali Alice Andrea Andreas Andrej Andrzej Angela Anja Anna Annalena
    Anne Annegret Anton Antonio Armin Arnold Barbara Benjamin Bernd Bernhard Bettina Birgit Bodo
    Boris Brigitte Britta Carsten Catherine Charles Christa Christian Christiane Christina
    Christine Christoph Claudia Cem Daniel Daniela David Dennis Dieter Dietmar Dirk Dmitri
    Dmitrij Donald Doris Dorothee Edmund Elena Elisabeth Emmanuel Emily Erich Erik Ernst Eva
    Fabian Felix Florian Frank Franz Franziska François Friedrich Fritz Gabriele Georg George
    Gerhard Gerd Gregor Guido Günter Günther Hans Hannah Harald Heiko Heinrich Heinz Helga Helmut
    Hendrik Herbert Hermann Horst Hubert Hubertus Igor Ilse Ina Ines Ingrid Iris Isabel Ivan
    Jakob James Jan Jana Jean Jens Jessica Joachim Jochen Johann Johannes John Jonas Jörg Josef
    Joseph Julia Julian Jürgen Juri Justin Kai Karin Karl Karsten Katarina Katharina Katja
    Katrin Kevin Klaus Konrad Kristina Lars Laura Lea Lena Leon Lisa Lothar Ludwig Lukas Luisa
    Manfred Manuel Manuela Marc Marco Marcus Margarete Maria Marie Marija Mario Marion Mark Markus
    Martin Martina Marco Matthias Max Maximilian Melanie Michael Michaela Michel Mike Mohammed
    Muhammad Monika Nadine Natalia Nicola Nicolas Niklas Nikolai Nina Norbert Olaf Oleg
    Oleksandr Olga Oliver Otto Patrick Paul Peter Petra Philipp Pierre Rainer Ralf Ralph
    Reinhard Renate Richard Robert Roland Rolf Roman Rudolf Sabine Sahra Sandra Sara Sarah
    Sascha Sebastian Sergej Sergei Silvia Simon Simone Sophie Stefan Stefanie Steffen Stephan
    Steve Steven Susanne Sven Svenja Tanja Thomas Thorsten Tim Tobias Tom Torsten Ulrich Ulrike
    Ursula Uwe Valentin Vera Viktor Vladimir Walter Werner Wilhelm Winfried Wladimir Wolfgang
    Wolodymyr Yvonne Zoran Ahmed Hassan Hussein Mahmud Omar Recep Emine Mehmet Mustafa Yusuf
    Giorgia Giuseppe Luigi Matteo Pedro Carlos Juan José Luis Manuel Miguel Jorge Javier Pablo
    Xavier Emma Olivia William Henry Edward Joe Kamala Hillary Barack Bill Elon Jeff Keir Rishi
    Boris Theresa Liz Marine Jacques Nicolas Ségolène Viktor Jarosław Karol Donald Mateusz Lech
    Aleksandr Sergey Maria Yulia Julija Vitali Witali Petro Denys Dmytro Andrij Kyrylo
    Ludovic Thierry Olivier Laurent Benoît Guillaume Julien Mathieu Sébastien Stéphane Vincent
    Yves Étienne Gabriel Édouard Bruno Gérald Gérard Jean-Luc Jean-Marie Jean-Pierre Jean-Claude
    Valérie Ursula Emmanuelle Rachida Raphaël Dominique Philippe Hugo Antoine Bernard Michèle
    Giovanni Francesco Alessandro Roberto Sergio Paolo Silvio Mario Enrico Elly Matteo Carlo
    Mateo Santiago Alberto Fernando Felipe Isabel Carmen Pilar Teresa Rafael Ignacio Alfonso
    Jarosław Radosław Władysław Krzysztof Tomasz Piotr Paweł Marek Wojciech Agnieszka Małgorzata
    """
)

#: reporting verbs (finite forms) that stand next to a speaker's name
REPORTING_FORMS: frozenset[str] = _words(
    """
    sagte sagt sagten erklärte erklärt betonte betont meinte meint warnte warnt forderte fordert
    kritisierte kritisiert behauptete behauptet schrieb schreibt teilte teilt fügte fügt
    ergänzte ergänzt räumte räumt kündigte kündigt bekräftigte bekräftigt berichtete berichtet
    sprach spricht versicherte versichert unterstrich unterstreicht argumentierte argumentiert
    mahnte mahnt verwies verweist bestätigte bestätigt dementierte dementiert lobte lobt
    antwortete antwortet entgegnete entgegnet zitierte zitiert glaubt glaubte findet fand
    """
)

ORG_HEADS_AFTER: tuple[str, ...] = (
    "GmbH",
    "AG",
    "SE",
    "KG",
    "KGaA",
    "e.V.",
    "e. V.",
    "Inc.",
    "Ltd.",
    "Co.",
    "Corp.",
    "plc",
    "Partei",
    "Verband",
    "Stiftung",
    "Gruppe",
    "Bank",
    "Holding",
    "Konzern",
    "Institut",
    "Gewerkschaft",
    "Verein",
    "Club",
    "Zeitung",
    "Allgemeine",
    "Rundschau",
    "Post",
    "Times",
    "Bund",
    "Union",
    "Zentrale",
    "Agentur",
    "Rat",
    "Werke",
    "Klinikum",
    "Airlines",
)
ORG_HEADS_BEFORE: tuple[str, ...] = (
    "Universität",
    "Partei",
    "Verband",
    "Stiftung",
    "Institut",
    "Ministerium",
    "Verein",
    "Bündnis",
    "Organisation",
    "Konzern",
    "Unternehmen",
    "Firma",
    "Hochschule",
    "Gewerkschaft",
    "Sender",
    "Zeitung",
    "Agentur",
    "Landgericht",
    "Oberlandesgericht",
    "Amtsgericht",
)
#: endings of one-word organisation names (``Bundesumweltministerium``, ``Bauernverband``)
ORG_ENDINGS: tuple[str, ...] = (
    "ministerium",
    "verband",
    "gewerkschaft",
    "institut",
    "stiftung",
    "behörde",
    "rundfunk",
    "universität",
)
#: all-caps words that are not organisation names
ACRONYM_STOP: frozenset[str] = _words(
    """
    AG GMBH SE KG CO TV CD DVD PC USA UK DDR BRD UDSSR NRW EUR USD CHF DM OK PS KM HIV WM EM
    ID SMS PDF ISBN DNA RNA GNU IT PLZ UKW MBA PMID FCKW MDAX DAX ABC ATP NADPH PKW LKW KFZ
    GPS USB CEO CFO FAQ PR HD LED LCD DSL ISDN PIN TAN MP III VII VIII XII XIII XIV XVI
    """
)


def _alt(words: tuple[str, ...] | frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: a run of capitalised words (name particles allowed inside); found with one fast regex,
#: then classified in Python: the rules below look only at runs, never at every token
#: (possessive ``*+``: a word is never given back to let a shorter one match, which cannot
#: succeed anyway, as a word is always followed by a space or the end of the run; saves the
#: engine a backtracking step per letter of every capitalised word)
_WORD = rf"[{_UP}][\w'’-]*+"
_RUN_RE = re.compile(rf"{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_WORD})+")
_WORD_RE = re.compile(rf"{_PARTICLE}(?=[ \t])|{_WORD}")
_NEXT_WORD_RE = re.compile(r"[ \t]*,?[ \t]*(\w+)")
#: legal forms written with periods, right after a run (``Beispiel e. V.``)
_DOTTED_FORM_RE = re.compile(r"[ \t]+(?:e\.[ \t]?V\.|Inc\.|Ltd\.|Co\.|Corp\.)")
#: ``Institut für Weltwirtschaft``: a head noun, a linking word, a name
_ORG_LINK_RE = re.compile(rf"[ \t]+(?:für|der|des)[ \t]+({_WORD}(?:[ \t]+{_WORD}){{0,2}})")
#: one-word rules get their own literal-led passes (a run regex over every capitalised word,
#: classified in Python, cost more than tokenising)
#: (the leading word boundary of ``_ACRONYM_RE`` and ``_HEAD_LINK_RE`` is checked in Python by
#: ``_at_word_start``: a leading ``\b`` stops the engine from skipping to possible first letters)
_ACRONYM_RE = re.compile(rf"[{_UP}]{{3,6}}\b")
_ORG_END_RE = re.compile(rf"(?:{'|'.join(ORG_ENDINGS)})(?:es|s)?\b")
#: the verbs as a character trie: a flat alternation of 80 words is tried word by word at
#: every position of the text
_VERB_NAME_RE = re.compile(
    rf"(?:{trie_regex([re.escape(c) for c in w] for w in REPORTING_FORMS)})"
    rf"[ \t]+([{_UP}][{_LOW}]+)\b"
)
_VERB_AFTER_RE = re.compile(r"\W" + _VERB_NAME_RE.pattern)
_HEAD_LINK_RE = re.compile(
    rf"(?:{'|'.join(ORG_HEADS_BEFORE)})[ \t]+(?:für|der|des)[ \t]+{_WORD}(?:[ \t]+{_WORD}){{0,2}}"
)
_ROLE_ENDINGS: tuple[str, ...] = tuple(
    n + e for n in ROLE_NOUNS for e in ("", "in", "innen", "en", "n", "s")
)
_ORG_WORD_ENDINGS: tuple[str, ...] = tuple(e + s for e in ORG_ENDINGS for s in ("", "s", "es"))
_TITLE_WORDS = frozenset(t.rstrip(".") for t in TITLES)
_HEADS_AFTER = frozenset(h for h in ORG_HEADS_AFTER if "." not in h)
_HEADS_BEFORE = frozenset(ORG_HEADS_BEFORE)
_ORG_HEAD_WORDS = _HEADS_AFTER | _HEADS_BEFORE
PER_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG"})


#: the role endings, reversed, as a character trie: ``_is_role`` matches it at the start of
#: the reversed word, a few steps instead of one ``endswith`` test per ending (500 of them)
_ROLE_REV_RE = re.compile(trie_regex([re.escape(c) for c in reversed(e)] for e in _ROLE_ENDINGS))


@lru_cache(maxsize=65536)
def _is_role(word: str) -> bool:
    """The word ends in a role noun (``Außenamtssprecherin``) or is a title (``Dr``)."""
    return _ROLE_REV_RE.match(word.lower()[::-1]) is not None or word in _TITLE_WORDS


@lru_cache(maxsize=65536)
def _is_name(word: str) -> bool:
    return word not in STOP_CAPS and word[1:2].islower() and not _is_role(word)


@lru_cache(maxsize=65536)
def _one_word_org(w: str) -> bool:
    """An acronym (``BDI``) or a compound ending in an organisation head (``Bauernverband``)."""
    if w.isupper():
        return 3 <= len(w) <= 6 and w.isalpha() and w not in ACRONYM_STOP
    return w.endswith(_ORG_WORD_ENDINGS) and not w.lower().startswith(_ORG_WORD_ENDINGS)
