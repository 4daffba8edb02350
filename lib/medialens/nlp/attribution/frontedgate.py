"""Quotations read off a clause that is no content: a fronted noun phrase, the first half of a
coordinated predicate, a motto or title, and speakers that are time phrases.

Why: an indirect quotation whose cue follows it (*Die Lage sei ernst, sagte der Minister*) is
found by taking the clause before the cue as its content and the phrase after the cue as its
speaker. Four shapes pass that test although nothing is reported:

**A. A coordinated second predicate** (content before the cue). *Die Polizei beziffert die
Zahl der Toten auf 600, befürchtet aber weitere Opfer*: the cue after the comma shares the
subject of the clause before it (*aber/jedoch/allerdings* right after the verb show that no
subject follows), so the phrase after the cue is its object, not a speaker. The inverted frame
of real content (*…, sagte der Minister*) has its subject right after the verb, and when its
content is in the Konjunktiv (*Die Brücke müsse saniert werden, erklärte jedoch der
Gutachter*) the frame is kept whatever follows the verb. Only the
speaker is removed: the clause before the comma is often an act of its own (*Beide sprachen
sich für X aus, erklärten aber …*), which a historical gold annotates as reported speech.

**B. A fronted noun phrase with a relative clause or an apposition** (content before the cue).
*Auch amtliche Zahlen, auf die der Bericht verweist, bestätigen die hohe Quote*, *Die
Arbeiter, die gestreikt hatten, beschrieb die Zeitung als …*, *Im Anhang des Briefes, der
gestern ankam, heißt es: …*: the part before the cue is the subject, the object or an
adverbial of the cue's own clause, and a noun phrase (or prepositional phrase) plus a relative
clause is no statement. A quotation qualifies when its first comma-segment is a noun or
prepositional phrase without a predicate and every later segment opens a relative clause or is
another noun phrase (an apposition).

**C. A motto or title** (direct quotations). *Sie demonstrierten unter dem Motto „Frieden
jetzt!“*, *ein Film mit dem Titel „Die lange Nacht“*: the quoted words name the event or the
work; nobody is quoted. Only right after *Motto/Titel/Slogan/Devise* (with an article or
preposition before them and no colon, which announces the words as spoken: *unter dem Motto:
„…“* is kept).

**E. A modal passive** (*Positives ist zu berichten: …*, *Es ist davon auszugehen, dass …*,
*war es als Sensation zu bewerten, dass …*): *sein* + *zu* + the cue's infinitive has no agent;
the author states what is to be said, and the noun before or after the verb (*Positives*,
*Sensation*) is no speaker. The speaker is removed, the quotation kept (a historical gold
annotates some of these statements of the author). *X war es wichtig zu betonen, dass …*
and *Sie ist bereit zu erklären, …* (a lower-case word other than an adverb between *sein*
and *zu*: a predicative adjective) have a subject or dative that speaks and are not concerned.

**F. The subject of a passive infinitive** (reported quotations). *Die Paare dürfen künftig Ehe
genannt werden*, *Der Verband hätte gewarnt sein können*: the act's participle is followed by
the infinitive *werden* or *sein*, so the subject is what the act is about, not who performs
it; without an agent phrase (*von X*, *durch X*) as the speaker, the speaker is removed. The
quotation is kept: a historical gold annotates such a passive as a reported act without a
speaker (*Unbedenklich darf dies Werk als epochemachend bezeichnet werden*).

**G. A cue inside a comparison** (*Es war heißer als angenommen, …*, *mehr als erwartet*): a
participle right after *als* after a comparative (*heißer, mehr, anders*) is part of a
comparison; what follows is not its content. The quotation is dropped. (A phrase between *als*
and the cue is not judged: *Mehr als hundert Ärzte erklärten, …* has its subject there, and
*an nichts anderes als ein Remis dachte* cannot be told from it without a parser.)

**D. A time phrase as speaker** (*Am 31. Mai, dem Aktionstag, informierten unter dem Motto …*):
a prepositional phrase of time is never the subject; the speaker is removed, the quotation
kept.

Measured on Wikinews train (main 0a42edd; removed quotations that matched a gold quotation /
removed in all): see docs/attribution.md, round 13 (branch ``s13-prec``).

Limits: words, not a parser: a relative clause is recognised by its opener after a comma
(*der, die, das, welche …*, or a preposition before one); an apposition that is a full clause
without a verb in lower case is taken for a noun phrase.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from medialens.nlp.attribution.clauses import has_clause_word
from medialens.nlp.attribution.konjunktiv import reported_konjunktiv
from medialens.nlp.attribution.phrases import (
    ADVERBS,
    AUXILIARIES,
    COMPARATIVES,
    DETERMINERS,
    LEADING_PARTICLES,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    TIME_WORDS,
)
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset
from medialens.nlp.types import Quote

#: contrastive adverbs right after a coordinated second verb (shape A)
CONTRAST_AFTER_VERB: frozenset[str] = wordset("aber jedoch allerdings")
#: nouns that name an event or a work by the quoted words after them (shape C)
TITLE_NOUNS: frozenset[str] = wordset("motto titel slogan devise leitspruch")
#: words before a title noun (*unter dem Motto*, *mit dem diesjährigen Motto*, *den Titel*)
_TITLE_LEAD: frozenset[str] = wordset("dem den der das des ein einem einen diesjährigen")
#: forms of *sein* of the modal passive (shape E)
_SEIN: frozenset[str] = wordset("ist sind war waren sei seien wäre wären")
#: lower-case words that may stand between *sein* and the *zu*-infinitive of a modal passive
#: besides the adverbs and determiners (*ist nun davon auszugehen*, *war es durchaus als
#: Erfolg zu werten*); any other lower-case word is taken for a predicative adjective whose
#: infinitive has a subject of its own (*X war es wichtig zu betonen*, *sie ist bereit zu
#: erklären*)
_MODAL_PASSIVE_WORDS: frozenset[str] = wordset(
    "es als nicht durchaus eindeutig klar kaum ja also insofern davon daraus daher hieraus"
)
#: infinitives of the passive after a participle (shape F)
_PASSIVE_INFINITIVES: frozenset[str] = wordset("werden sein")
#: words that introduce the agent of a passive (its speaker is then the agent)
_AGENT_WORDS: frozenset[str] = wordset("von vom durch seitens")
#: words before *als* that make a comparison besides the comparatives of :mod:`.phrases`
_OTHER_THAN: frozenset[str] = wordset("anderes anderer andere anders nichts")
#: prepositions of time that open a speaker no source can have (shape D)
_TIME_PREPOSITIONS: frozenset[str] = wordset("am im seit bis ab")
_TIME_OPENERS: frozenset[str] = frozenset(w[:2] for w in _TIME_PREPOSITIONS)
_RELATIVE_PREPOSITIONS = PREPOSITIONS - {"laut", "gemäß"}


def _index_at(toks: Sequence[Tok], offset: int) -> int:
    """The index of the first token of ``toks`` that ends after ``offset``."""
    ends = [t.end for t in toks]
    return bisect.bisect_right(ends, offset)


def _segments(toks: Sequence[Tok], a: int, b: int) -> list[tuple[int, int]]:
    """``toks[a:b]`` split at its commas outside parentheses."""
    out: list[tuple[int, int]] = []
    depth, s = 0, a
    for k in range(a, b):
        t = toks[k].text
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        elif t == "," and depth == 0:
            out.append((s, k))
            s = k + 1
    out.append((s, b))
    return [(x, y) for x, y in out if y > x]


def _opens_relative(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Does ``toks[a:b]`` open a relative clause (*die …*, *auf die …*, *welcher …*)?"""
    first = toks[a].lower
    if first in RELATIVES:
        return True
    return first in _RELATIVE_PREPOSITIONS and a + 1 < b and toks[a + 1].lower in RELATIVES


def _noun_phrase(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is ``toks[a:b]`` a noun phrase without a predicate (a focus particle before it, *Auch
    die Bank*, is allowed)? A prepositional phrase is not: a fronted adverbial (*In einem
    Bericht, der …, fordert X …*) belongs to a sentence that the corpus takes whole as
    reported speech."""
    while a < b and toks[a].lower in LEADING_PARTICLES:
        a += 1
    if a >= b or toks[a].lower in PREPOSITIONS or toks[a].lower in PRONOUNS:
        return False
    return not has_clause_word(toks, a, b) and not any(
        toks[k].lower in AUXILIARIES for k in range(a, b)
    )


def _infinitive(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Does ``toks[a:b]`` end in an infinitive with *zu* (*…, die Stadt zu verlassen*)?"""
    return b - a >= 2 and toks[b - 2].lower == "zu" and toks[b - 1].text[:1].islower()


def fronted_phrase(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Is ``toks[a:b]`` a noun or prepositional phrase followed only by relative clauses and
    appositions (shape B of the module docstring)?"""
    segs = _segments(toks, a, b)
    if len(segs) < 2 or not _noun_phrase(toks, *segs[0]):
        return False
    return all(
        _opens_relative(toks, x, y) or _infinitive(toks, x, y) or _noun_phrase(toks, x, y)
        for x, y in segs[1:]
    )


def coordinated_cue(toks: Sequence[Tok], ci: int) -> bool:
    """Is the cue at ``toks[ci]`` a second verb after a comma, followed by *aber/jedoch*
    (shape A)?"""
    return (
        ci >= 1
        and toks[ci - 1].text == ","
        and ci + 1 < len(toks)
        and toks[ci + 1].lower in CONTRAST_AFTER_VERB
    )


def title_quote(toks: Sequence[Tok], qi: int) -> bool:
    """Does the quotation opening at ``toks[qi]`` follow a title noun with its article
    (*unter dem Motto „…“*, shape C)?"""
    return qi >= 2 and toks[qi - 1].lower in TITLE_NOUNS and toks[qi - 2].lower in _TITLE_LEAD


def time_speaker(text: str) -> bool:
    """Is a speaker ``text`` a time phrase (*Am 31. Mai*, *Im Januar*, shape D)?"""
    if text[:2].lower() not in _TIME_OPENERS:
        return False  # (one look at two letters: most speakers are names or *der …*)
    words = text.replace(",", " ").split()
    if len(words) < 2 or words[0].lower() not in _TIME_PREPOSITIONS:
        return False
    nxt = words[1].rstrip(".").lower()
    return nxt.isdigit() or nxt in TIME_WORDS


def _zu_infinitive(tok: Tok, prev: Tok | None) -> bool:
    """Is ``tok`` an infinitive with *zu* (*zu berichten*, *auszugehen*)?"""
    low = tok.lower
    if not tok.text[:1].islower() or not low.endswith("n"):
        return False
    if prev is not None and prev.lower == "zu":
        return low == tok.lemma  # (*zu berichten*, not *zu dem Schluss*)
    k = low.find("zu", 1, 6)
    return k > 0 and low[:k] + low[k + 2 :] == tok.lemma


def modal_passive(toks: Sequence[Tok], ci: int, last: int) -> bool:
    """Is the cue ``toks[ci..last]`` a *zu*-infinitive after *sein* in its clause (shape E)?"""
    if not any(_zu_infinitive(toks[k], toks[k - 1] if k else None) for k in range(ci, last + 1)):
        return False
    for j in range(ci - 1, -1, -1):
        t = toks[j]
        if t.q >= 0 or t.text in (",", ";", ":"):
            return False
        if t.lower in _SEIN:
            return True
        if (
            t.text[:1].islower()
            and t.lower != "zu"
            and t.lower not in _MODAL_PASSIVE_WORDS
            and t.lower not in ADVERBS
            and t.lower not in DETERMINERS
            and not toks[j + 1].text[:1].isupper()  # (attributive: *freudige Ereignisse*)
        ):
            return False  # (a predicative adjective: *wichtig zu betonen*, *bereit zu …*)
    return False


def passive_subject(toks: Sequence[Tok], q: Quote) -> bool:
    """Is ``q`` a reported quotation whose act is a participle before the infinitive *werden*
    or *sein*, with its speaker before the act and no agent preposition before the speaker
    (shape F)?"""
    if q.act is None or q.speaker is None or q.speaker.end > q.act.start:
        return False
    ai = _index_at(toks, q.act.start)
    si = _index_at(toks, q.speaker.start)
    if ai + 1 >= len(toks) or toks[ai].start != q.act.start or si >= len(toks):
        return False
    if toks[ai + 1].lower not in _PASSIVE_INFINITIVES:
        return False
    return si == 0 or toks[si - 1].lower not in _AGENT_WORDS


def _comparative(tok: Tok) -> bool:
    """A comparative before *als* (*mehr, heißer, anders*; a lower-case word in *-er*)."""
    low = tok.lower
    if low in COMPARATIVES or low in _OTHER_THAN:
        return True
    return tok.text[:1].islower() and low.endswith("er") and len(low) > 4


def in_comparison(toks: Sequence[Tok], ci: int) -> bool:
    """Is the cue at ``toks[ci]`` right after *als* after a comparative (*heißer als
    angenommen*, shape G)? A phrase between them is left alone: *Mehr als hundert Ärzte
    erklärten* has a subject there."""
    return ci >= 2 and toks[ci - 1].lower == "als" and _comparative(toks[ci - 2])


def _konjunktiv(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Does ``toks[a:b]`` carry indirect speech (a Konjunktiv form)? Then the clause is the
    content of an inverted frame (*Die Brücke müsse saniert werden, erklärte jedoch der
    Gutachter*), not the first half of a coordination."""
    return reported_konjunktiv([(t.text, t.lemma) for t in toks[a:b] if t.q < 0])


def _content_first(toks: Sequence[Tok], q: Quote) -> tuple[int, int, int] | None:
    """The token range of an indirect quotation whose cue follows it, and the cue's index."""
    if q.kind != "indirect" or q.cue is None or q.cue.start < q.end:
        return None
    qa, qb = _index_at(toks, q.start), _index_at(toks, q.end - 1) + 1
    ci = _index_at(toks, q.cue.start)
    if qb > len(toks) or ci >= len(toks) or qa >= qb or toks[ci].start != q.cue.start:
        return None  # (the cue in another unit)
    return qa, qb, ci


def drop_nonclauses(
    quotes: Sequence[Quote],
    starts: Sequence[int],
    unit_toks: Callable[[int], Sequence[Tok]],
) -> list[Quote]:
    """``quotes`` without shapes B, C and G, and with the speakers of shapes A, D, E and F removed
    (see the module docstring); ``starts`` are the units' start offsets."""
    out: list[Quote] = []
    for q in quotes:
        if q.speaker is not None and time_speaker(q.speaker.text):
            q = q._replace(speaker=None)
        u = bisect.bisect_right(starts, q.start) - 1
        toks = unit_toks(u) if u >= 0 else []
        if not toks:
            out.append(q)
            continue
        if q.kind == "reported":
            out.append(q._replace(speaker=None) if passive_subject(toks, q) else q)
            continue
        if q.cue is not None and q.cue.lemma[:1].islower():
            ci = _index_at(toks, q.cue.start)
            if ci < len(toks) and toks[ci].start == q.cue.start:
                if in_comparison(toks, ci):
                    continue
                last = min(_index_at(toks, q.cue.end - 1), len(toks) - 1)
                if q.speaker is not None and modal_passive(toks, ci, last):
                    q = q._replace(speaker=None)
        if q.kind == "direct":
            if title_quote(toks, _index_at(toks, q.start)):
                continue
        elif (rng := _content_first(toks, q)) is not None:
            qa, qb, ci = rng
            if fronted_phrase(toks, qa, qb):
                continue
            if (
                q.speaker is not None
                and coordinated_cue(toks, ci)
                and not _konjunktiv(toks, qa, qb)
            ):
                q = q._replace(speaker=None)  # (the clause may still report an act: kept)
        out.append(q)
    return out
