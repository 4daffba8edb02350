"""The whole speaker phrase: a party or acronym in parentheses and a name in apposition after a
role noun belong to the speaker (*Renate Schmidt (SPD)*, *der Vorsitzende des Verbands,
Peter Kessler,*).

Why: the speaker finders stop at the noun phrase they scan (:func:`.phrases.np_forward`), so
the parenthesis and the comma apposition that German news put after a speaker are left out,
and a reader sees a role without the person (*der Innenminister des Landes*) or a name without
the party. This last pass reads the text right after each speaker span and widens the span.

Limits, stated first: only right after the span (an apposition before it, *Der Leiter der
Studie, Peter Kessler*, when the finder took only the name, is not added); a name apposition
is at most :data:`MAX_NAME_WORDS` capitalised words and must end at a comma, a parenthesis or
the end of the sentence (*…, sagte der Sprecher, Kessler habe …* stays out); a role apposition
after a name (*Peter Kessler, Sprecher des Verbands,*) is not added; pronoun speakers and
speakers inside or next to another quotation are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.morphology import FIRST_NAME, SURNAME, TOPONYM, analyse
from medialens.nlp.attribution.phrases import AUXILIARIES, PREPOSITIONS
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote, Speaker

#: most words of a parenthesis that belongs to the speaker (*(SPD)*, *(Bündnis 90/Die Grünen)*)
MAX_PAREN_WORDS = 4
#: most words of a name in apposition to a role noun (*Luis Moreno Ocampo*)
MAX_NAME_WORDS = 4
#: most words of a role apposition after a name (*die Leiterin der Fachstelle für Sucht*)
MAX_ROLE_WORDS = 10
#: articles that may open a role apposition
ROLE_ARTICLES: frozenset[str] = frozenset(
    ("der", "die", "das", "ein", "eine", "einer", "eines", "einem", "dem", "den")
)
#: lower-case words inside a role apposition after its head (*der Sprecher der Partei im Land*)
ROLE_LINKS: frozenset[str] = frozenset(("der", "des", "dem", "den", "einer", "eines", "und"))
#: lower-case name particles inside a name (*Thomas de Maizière*, *Ursula von der Leyen*)
NAME_PARTICLES: frozenset[str] = frozenset(
    ("de", "del", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "zu")
)

#: capitalised words of a date or time in parentheses, which is no party (*(Montag)*)
TIME_WORDS: frozenset[str] = wordset(
    "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai "
    "juni juli august september oktober november dezember mez mesz utc ortszeit"
)

_PAREN = re.compile(r" \(([^()\n]{1,60})\)")
_NAME_APPOSITION = re.compile(r", ([^,.;:!?()\n„“”\"»«]{2,80}?)(?=,|\.(?:\s|$)| \(|$)")


def _paren_words_ok(inner: str) -> bool:
    """A party, an acronym or a short proper name: every word capitalised or a digit group
    with a slash (*Bündnis 90/Die Grünen*), no date or number on its own."""
    words = inner.split()
    if not words or len(words) > MAX_PAREN_WORDS or any(c in inner for c in ":;,="):
        return False  # *(Stand: Montag)*, *(Foto, links)*
    if any(w.lower() in TIME_WORDS for w in words):
        return False
    for w in words:
        if w[:1].isupper():
            continue
        if w[:1].isdigit() and "/" in w:
            continue
        return False
    return True


def _is_name_word(word: str) -> bool:
    """A capitalised word that is no common noun the lexicon knows only as such; also with an
    Arabic article (*el-Baradei*, *al-Sadr*)."""
    if word[:3] in ("el-", "al-") and word[3:4].isupper():
        word = word[3:]
    if not word[:1].isupper():
        return False
    info = analyse(word.split("-")[0] if "-" in word else word)
    return info is None or info.name


def _name_apposition(words: list[str]) -> bool:
    """A personal name: two to :data:`MAX_NAME_WORDS` words, first and last capitalised name
    words, lower-case particles only inside (*Thomas de Maizière*)."""
    if not 2 <= len(words) <= MAX_NAME_WORDS:
        return False
    if not (_is_name_word(words[0]) and _is_name_word(words[-1])):
        return False
    return all(_is_name_word(w) or w in NAME_PARTICLES for w in words[1:-1])


def _role_ending(speaker_text: str) -> bool:
    """Does the speaker end in a common noun or a place (*der Sprecher des Landes Hessen*)
    rather than a personal name?"""
    last = speaker_text.split()[-1] if speaker_text.split() else ""
    if not last[:1].isupper():
        return False
    info = analyse(last)
    if info is None and last.endswith("s"):
        info = analyse(last[:-1])  # a genitive place (*der Innenminister Brandenburgs*)
    if info is None:
        return False  # an unknown word: most likely a surname
    if info.code & TOPONYM:
        return True  # (*Brandenburg* is also a surname)
    return not info.code & (FIRST_NAME | SURNAME)


def _adjective_like(word: str) -> bool:
    return (
        word.isalpha()
        and word.islower()
        and word.endswith(("e", "en", "er", "es", "em", "isch"))
        and word not in AUXILIARIES
    )


def _role_apposition(words: list[str]) -> bool:
    """A role noun phrase: an optional article, lower-case adjectives, a capitalised common
    noun, then only capitalised words, genitive articles, prepositions and adjectives (*die
    Leiterin der Fachstelle für Suchtvorbeugung*, *Sprecher der Partei*). A relative clause
    (*der gestern ankam*) or a clause (*die Regierung habe versagt*) has another word."""
    if not 1 <= len(words) <= MAX_ROLE_WORDS:
        return False
    if any(w.lower() in TIME_WORDS for w in words):
        return False  # *…, Kommandeur des Einsatzes am Montag*
    k = 1 if words[0] in ROLE_ARTICLES else 0
    while (
        k < len(words)
        and _adjective_like(words[k])
        and words[k] not in ROLE_ARTICLES
        and (k > 0 or not words[k].endswith(("te", "ten")))  # a verb: *…, kritisierte die*
    ):
        k += 1
    if k >= len(words) or not words[k][:1].isupper():
        return False
    info = analyse(words[k])
    if info is None or not info.common or info.name:
        return False
    rest = words[k + 1 :]
    for j, w in enumerate(rest):
        if w[:1].isupper() or w in ROLE_LINKS or w in PREPOSITIONS:
            continue
        if _adjective_like(w) and j + 1 < len(rest) and rest[j + 1][:1].isupper():
            continue  # an attributive adjective stands before its noun (not *abzuschaffen*)
        return False
    return True


def _name_ending(speaker_text: str) -> bool:
    """Does the speaker end in a personal name (*Petra Kessler*)? An unknown capitalised word
    after another capitalised word counts as one."""
    words = speaker_text.split()
    if len(words) < 2 or not (words[-1][:1].isupper() and words[-2][:1].isupper()):
        return False
    if words[-2].lower() in ROLE_ARTICLES:
        return False  # *Der Beschluss*: a sentence-initial article
    info = analyse(words[-1])
    if info is None:
        return True
    return bool(info.code & (FIRST_NAME | SURNAME)) and not info.common


def _free(a: int, b: int, taken: Sequence[tuple[int, int]]) -> bool:
    return not any(s < b and a < e for s, e in taken)


def widened(sp: Speaker, text: str, taken: Sequence[tuple[int, int]]) -> Speaker:
    """``sp`` with a following parenthesis and a following name apposition added (see the
    module doc); ``taken`` are the character spans of all quotations of the document."""
    if not sp.text or not sp.text.split()[-1][:1].isupper() or sp.end > len(text):
        return sp
    end = sp.end
    m = _PAREN.match(text, end)
    if m is not None and _paren_words_ok(m.group(1)) and _free(end, m.end(), taken):
        end = m.end()
    m = _NAME_APPOSITION.match(text, end)
    if (
        m is not None
        and _role_ending(sp.text)
        and _name_apposition(m.group(1).split())
        and _free(end, m.end(), taken)
    ):
        end = m.end()
        p = _PAREN.match(text, end)
        if p is not None and _paren_words_ok(p.group(1)) and _free(end, p.end(), taken):
            end = p.end()
    elif (
        m is not None
        and end == sp.end
        and _name_ending(sp.text)
        and _role_apposition(m.group(1).split())
        and _free(end, m.end(), taken)
    ):
        end = m.end()
    if end == sp.end:
        return sp
    return sp._replace(end=end, text=text[sp.start : end])


def widen_speakers(quotes: list[Quote], text: str) -> list[Quote]:
    """Each quotation with its speaker widened by :func:`widened`."""
    spans = [span for q in quotes for span in (q.spans or [(q.start, q.end)])]
    out = []
    for q in quotes:
        sp = q.speaker
        if sp is None:
            out.append(q)
            continue
        # a reported quotation contains its own speaker (*Müller (SPD) kritisierte …*)
        taken = [(a, b) for a, b in spans if not a <= sp.start < b]
        new = widened(sp, text, taken)
        out.append(q if new is sp else q._replace(speaker=new))
    return out
