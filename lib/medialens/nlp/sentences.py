"""Quote-aware German sentence segmentation for the blank pipeline (regexes over ``doc.text``).

Why our own: spaCy's rule ``sentencizer`` splits after every ``.``/``!``/``?`` — inside
``»Wir kommen!«, sagte er``, after ``z. B.``, ``Dr.`` and the ordinal in ``am 5. September`` —
and the attribution rules work per sentence, so a wrong split separates a quotation from its
reporting verb. Rules:

* a sentence ends after ``.``, ``!``, ``?`` or ``…`` (plus any closing quotation marks or
  brackets) when whitespace and an upper-case letter, digit or opening mark follow;
* no split when the token before the period is a known abbreviation (``z. B.``, ``Dr.``,
  ``Nr.``, ``u. a.``), a single letter (initials), or a one- or two-digit ordinal
  (``5. September``, ``20. Jahrhundert``);
* no split between the final punctuation and a closing quotation mark, nor when the quotation
  is followed by a comma or lower-case continuation (``»Nein!«, sagte er``);
* a period glued between a lower-case word and a capitalised word
  (``lange.Danach``, scraped or OCR text) ends a sentence, except after an abbreviation;
* a dash after a sentence's end mark and before an opening quotation mark or a capital opens
  the next sentence (``„Kommt er?“ – „Nein“, sagte sie``; ``… angeordnet. -- Das Blatt``;
  ``--`` in transcriptions of older print): the turns of a dialogue, news items;
* a paragraph break (``\\n\\n``, also with spaces between) always ends a sentence.
* a single line break ends a heading: a line of at most eight words without final
  punctuation (and not ending in a colon or comma) before a capital or an opening mark.

Limits: sentence-final abbreviations (``usw.``, ``etc.``) end a sentence only if a capital
follows, which mis-splits before nouns; a sentence ending in an ordinal-looking number is
split only before a word that never follows an ordinal (an article, a pronoun, a sentence
adverb or a preposition: ``… des Modells 3. Ein Sprecher``), not before a noun (``… auf Platz
5. Siegerin wurde …`` stays one sentence). Cost: one regex pass plus a look at each candidate.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.pipes import doc_text

#: Abbreviations (without their period) after which a period does not end a sentence; the
#: last line: titles and forms of address of parliamentary and older news (*Abg. Müller*,
#: *Se. Majestät*, *Sr. Excellenz*, *k. k. Regierung*, *Geh. Rath*).
ABBREVIATIONS: frozenset[str] = wordset(
    """
    a abs abschn abt adm allg angekl anm art aug bd bde bearb bes best betr bspw bzgl bzw ca
    chr co corp d dez dgl di dipl do dr dt ebd ehem eig einschl entspr erg evtl exkl f fa feb
    ff fr frl gebr gegr gem gen ges gg ggf gmbh h hbf hg hl hr hrn hrsg i ident inc ing inkl
    insb int jan jh jhd jr jun kap kfz kl kr lt ltd max mi min mind mio mo mrd mrz nachf nat
    nr nrn o od okt pkt pl prof prov rd red rel rep resp s sa sen sep sept so sog sp st std
    str stv svw tab tel u urspr usf v vgl vs z zb zt zzgl
    abg ev exc geh gf k kais kaiserl kath kgl königl reg se sr
    """
)

_END = re.compile(
    r"(?P<punct>[.!?…]+)(?P<close>[\"»«“”’‘‹›)\]]*)(?P<ws>\s+)(?P<next>[\"„»«“‚‹›(\[]?\S)"
)
_PARA = re.compile(r"\n[ \t\r]*\n\s*")
#: dashes that may stand between two sentences (``--``: the dash of transcriptions of older
#: print); the marks that may close a sentence before one and open a quotation after one
_TURN_DASHES = ("--", "–", "—")
_CLOSING_MARKS = '"»«“”’‘‹›)]'
_OPENING_MARKS = '"„»«‚‹›'
#: a single line break after a line that ends without punctuation, before a capital or an
#: opening mark (headings: *Wahlverlauf und Wahlbeteiligung* / *Wie der Wahlleiter …*)
_LINE = re.compile(r"(?<=[^\s.!?:;,\-–—(\[])[ \t]*\n[ \t]*(?=[A-ZÄÖÜ„»\"])")
#: the characters around a ``_LINE`` match, tested one at a time (see :func:`_line_breaks`)
_LINE_BEFORE = re.compile(r"[^\s.!?:;,\-–—(\[]")
_LINE_AFTER = re.compile(r"[A-ZÄÖÜ„»\"]")
#: a line of at most this many words before a single line break is a heading
MAX_HEADING_WORDS = 8
#: a word read backwards: matched in the reversed text from the period leftwards, one
#: ``match`` per period (searching ``[\w-]+$`` forwards in the 30 characters before the
#: period tries every start position, each up to the period)
_WORD_BACKWARDS = re.compile(r"[\w\-]+")


def _is_abbreviation(text: str, pos: int, reverse: str | None = None) -> bool:
    r"""Is the period at ``pos`` the end of an abbreviation, initial or ordinal number?

    The word is the longest run of word characters and hyphens ending at ``pos`` (or at a
    newline right before it, as ``[\w-]+$`` would find), within the 30 characters before
    ``pos``; ``reverse`` is ``text[::-1]`` (computed here if not given).
    """
    if reverse is None:
        reverse = text[::-1]
    n = len(text)
    end = pos - 1 if pos and text[pos - 1] == "\n" else pos
    m = _WORD_BACKWARDS.match(reverse, n - end, n - max(0, pos - 30))
    if m is None:
        return False
    word = m.group()[::-1]
    if word.isdigit():
        start = end - len(word)
        if start >= 2 and text[start - 1] in ",." and text[start - 2].isdigit():
            return False  # *eine Stärke von 7,1.*: the end of a decimal number, no ordinal
        return len(word) <= 2
    if len(word) == 1 and word.isalpha():
        return True
    return word.lower() in ABBREVIATIONS


#: words that never follow an ordinal (an ordinal stands before its noun or adjective:
#: *am 5. September*, *der 3. große Sieg*) and often open a sentence; after a number and a
#: period they mark a sentence end (*… des Modells 3. Ein Sprecher sagte …*)
SENTENCE_OPENERS: frozenset[str] = wordset(
    """
    der die das ein eine einer eines dem den des er sie es wir ich ihr man dies diese dieser
    dieses damit danach dann doch aber auch außerdem zudem denn so nun jetzt heute dabei
    daher deshalb trotzdem im am in nach bei mit für laut
    bisher bislang zuvor inzwischen mittlerweile später zunächst anschließend allerdings
    jedoch gleichzeitig zugleich weiterhin ebenfalls insgesamt offenbar unterdessen dagegen
    hingegen stattdessen seitdem seither derzeit zurzeit bereits damals zuletzt schließlich
    wie als wenn weil obwohl nachdem während zwar sogar vor seit
    """
)
_NEXT_WORD = re.compile(r"\w+")


def _opens_after_number(text: str, period: int, nxt: int) -> bool:
    """Is the period at ``period`` after a number and the word at ``nxt`` one that never
    follows an ordinal (:data:`SENTENCE_OPENERS`)? Then the number ends a sentence."""
    if not text[period - 1 : period].isdigit():
        return False
    m = _NEXT_WORD.match(text, nxt)
    return m is not None and m.group().lower() in SENTENCE_OPENERS


def _glued_ends(text: str) -> list[int]:
    """Positions of a period glued to the next sentence: two lower-case letters before it, a
    capital and two lower-case letters after it (*lange.Danach*; not *Web.De*, *z.B.*,
    *U.S.A.*).

    Why a pattern that starts with the period: a pattern that starts with a character class
    is tried at every position of the text (that cost about a sixth of the segmenter's
    time); one with a literal first character is searched for quickly. A glued ``!``/``?``
    is not looked for (rare)."""
    out: list[int] = []
    n = len(text) - 3
    for m in _GLUED.finditer(text):
        p = m.start()
        if (
            2 <= p < n
            and text[p + 2].islower()
            and (text[p + 3].islower() or text[p + 1 : p + 4] in _SHORT_OPENERS)
            and text[p - 1].islower()
            and text[p - 2].islower()
        ):
            out.append(p)
    return out


#: two-letter words that open sentences, with the space after them (*befinden.Im HRW-Bericht
#: …*, *gefunden.Er soll …*): a glued period before them ends a sentence too
_SHORT_OPENERS = frozenset(
    w + " " for w in ("Im", "In", "Er", "Es", "Am", "An", "Um", "Zu", "So", "Da", "Ab", "Wo")
)


#: a period right before a capital letter (candidates for :func:`_glued_ends`)
_GLUED = re.compile(r"\.[A-ZÄÖÜ]")


def _line_breaks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every match of ``_LINE`` in ``text``, found from the newlines.

    Why not ``_LINE.finditer``: a pattern that opens with a look-behind is tried at every
    position of the text, which made it the costliest step of the segmenter; an article has
    only a few newlines. The match around a newline is the run of blanks before and after it,
    when the character before the run is in ``_LINE_BEFORE`` and the one after it
    opens a sentence (the same test as the pattern, which ``test_sentences`` checks)."""
    out: list[tuple[int, int]] = []
    n = len(text)
    p = text.find("\n")
    while p >= 0:
        s = p
        while s > 0 and text[s - 1] in " \t":
            s -= 1
        e = p + 1
        while e < n and text[e] in " \t":
            e += 1
        if s > 0 and e < n and _LINE_BEFORE.match(text, s - 1) and _LINE_AFTER.match(text, e):
            out.append((s, e))
        p = text.find("\n", p + 1)
    return out


def _turn_dashes(text: str) -> list[tuple[int, int, bool]]:
    """``(end mark, dash, closed)`` for each dash between a sentence's end mark and an opening
    quotation mark or a capital (*… fragte er. -- „Ja“, sagte sie*, *„Wirklich?“ – „Ja“*,
    *… angeordnet. -- Das Blatt meldet …*): older newspapers set the dash between the turns
    of a dialogue and between news items, and the dash opens the next sentence. ``closed``: closing marks stand between the end mark and the dash (then
    a full stop ends no abbreviation). Found with ``str.find`` per dash: a pattern opening
    with a character class would be tried at every position of the text."""
    out: list[tuple[int, int, bool]] = []
    n = len(text)
    for dash in _TURN_DASHES:
        p = text.find(dash)
        while p >= 0:
            e = p + len(dash)
            after = e
            while after < n and text[after] in " \t":
                after += 1
            before = p
            while before > 0 and text[before - 1] in " \t":
                before -= 1
            if (
                e < after < n
                and (text[after] in _OPENING_MARKS or text[after].isupper())
                and before < p
            ):
                mark = before
                while mark > 0 and text[mark - 1] in _CLOSING_MARKS:
                    mark -= 1
                if mark > 0 and text[mark - 1] in ".!?…":
                    out.append((mark - 1, p, mark < before))
            p = text.find(dash, e)
    return out


def sentence_starts(text: str) -> list[int]:
    """Character offsets where a new sentence begins (0 excluded); pure, no spaCy needed."""
    starts: list[int] = []
    reverse: str | None = None
    for m in _END.finditer(text):
        punct, close, _, nxt = m.groups()  # one call instead of one per group
        first = nxt[-1]
        if not (first.isupper() or first.isdigit() or nxt[0] in '"„»«“‚‹›(['):
            continue
        if punct == "." and not close:
            if reverse is None:
                reverse = text[::-1]
            if _is_abbreviation(text, m.start(), reverse) and not _opens_after_number(
                text, m.start(), m.end() - len(nxt)
            ):
                continue
        starts.append(m.end() - len(nxt))  # ``next`` ends the match
    for mark, dash, closed in _turn_dashes(text):
        if text[mark] == "." and not closed:
            if reverse is None:
                reverse = text[::-1]
            if _is_abbreviation(text, mark, reverse):
                continue
        starts.append(dash)
    for pos in _glued_ends(text):
        # *… tagte lange.Danach gab es …*: a sentence end without its space (scraped or
        # OCR text); not after an abbreviation (*bzw.Die*)
        if reverse is None:
            reverse = text[::-1]
        if not _is_abbreviation(text, pos, reverse):
            starts.append(pos + 1)
    for m in _PARA.finditer(text):
        if m.end() < len(text):
            starts.append(m.end())
    for m_start, m_end in _line_breaks(text):
        # a single line break after a heading (a short line without final punctuation)
        line_start = text.rfind("\n", 0, m_start) + 1
        if len(text[line_start:m_start].split()) <= MAX_HEADING_WORDS:
            starts.append(m_end)
    return sorted(set(starts))


class QuoteAwareSentencizer:
    """Set ``token.is_sent_start`` for every token from :func:`sentence_starts`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        values = np.full(n, -1, dtype="int64")
        values[0] = 1
        starts = sentence_starts(doc_text(doc))
        if starts:
            idx = doc.to_array(IDX).astype("int64")
            pos = np.searchsorted(idx, np.asarray(starts, dtype="int64"), side="left")
            pos = pos[(pos > 0) & (pos < n)]
            values[pos] = 1
        doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
        return doc

    def to_disk(self, path: object, *, exclude: object = ()) -> None:
        """Nothing to save: the rules are code."""

    def from_disk(self, path: object, *, exclude: object = ()) -> QuoteAwareSentencizer:
        return self


@Language.factory("medialens_sentencizer_v1", default_config={})
def make_sentencizer(nlp: Language, name: str) -> QuoteAwareSentencizer:
    return QuoteAwareSentencizer(nlp, name)
