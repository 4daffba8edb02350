"""Subject positions of reporting frames that :mod:`.speakers` tests before its general
verb-second analysis, and the sources of *zitieren* for :mod:`.verbquote`.

Why a module of its own: split out of :mod:`.speakerchoice` (the speaker post-pass) to keep
both modules readable; :mod:`.speakers` imports these helpers directly.

* an asyndetic main clause after a comma (:func:`asyndetic_clause_subject`);
* an inverted perfect frame after the content, *…, hatte X gesagt*
  (:func:`inverted_auxiliary_subject`);
* the span where a passive agent may stand (:func:`passive_clause_end`);
* *zitieren aus X* and a passage as object of *zitieren* (:func:`cited_source`,
  :func:`speaking_object`).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clauses import clause_start, has_clause_word
from medialens.nlp.attribution.morphology import lexicon
from medialens.nlp.attribution.phrases import (
    AUXILIARIES,
    MAX_NP,
    OBJECT_DETERMINERS,
    PREPOSITIONS,
    SUBORDINATORS,
    np_backward,
    np_forward,
)
from medialens.nlp.attribution.reference import source_headed, speaker_like
from medialens.nlp.attribution.subjects import subject_after_verb
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: relative pronouns that can be nominative (the subject of their clause)
NOMINATIVE_RELATIVES = wordset("der die das welcher welche welches")
#: tokens that may follow the verb at the end of a clause
CLAUSE_END = frozenset([",", ".", ";", ":", "!", "?", ")", "–", "—"])


def passive_clause_end(toks: Sequence[Tok], last: int) -> int:
    """Where the agent of a passive cue ending at ``last`` may be sought: up to the first
    clause mark or quotation after the cue. A *von* phrase after it belongs to the
    complement (*So wird in einer Mitteilung gefordert, dass die Regierung von X …*), not
    to the cue (an agent after the participle, *wurde betont von X*, is rare in German)."""
    n = len(toks)
    k = last + 1
    while k < n and toks[k].q < 0 and toks[k].text not in CLAUSE_END:
        k += 1
    return k


def asyndetic_clause_subject(toks: Sequence[Tok], cue_i: int) -> tuple[int, int] | None:
    """*X nannte die Entscheidung »überzogen«, Trainer Y bezeichnete sie als …*: a main
    clause joined by a comma alone (asyndetic) — a noun phrase between the comma and the
    finite cue, after a clause with a verb of its own, is the cue's subject, not the first
    field of the sentence. Not an apposition (*X, Sprecher der Partei, sagte*: a comma
    before the verb) nor a relative clause with an object (*…, die Minister Y kritisiert
    hatte*: a determiner that can be a relative pronoun before a name, the verb final)."""
    if cue_i < 4:
        return None
    prev = toks[cue_i - 1]
    if prev.q >= 0 or not prev.text[:1].isupper():
        return None
    if not any(t.text == "," for t in toks[max(0, cue_i - MAX_NP - 1) : cue_i - 1]):
        return None  # (no comma near enough: the common case, decided cheaply)
    rng = np_backward(toks, cue_i)
    if rng is None:
        return None
    a = rng[0]
    if a < 2 or toks[a - 1].text != "," or toks[a - 1].q >= 0:
        return None
    first = toks[a]
    if first.lower in OBJECT_DETERMINERS or first.lower in NOT_SUBJECT_OPENERS:
        return None
    if first.lower in SUBORDINATORS or first.lower in PREPOSITIONS:
        return None  # (*…, wie X mitteilte*: a subordinate clause)
    if any(t.text in ("-", "–", "—") for t in toks[a:cue_i]):
        return None
    if first.lower in NOMINATIVE_RELATIVES and not article_reading(toks, a, cue_i):
        return None
    if not speaker_like(toks, a, cue_i):
        return None
    if not has_clause_word(toks, clause_start(toks, a - 1, inverted=False), a - 1):
        return None
    return (a, cue_i)


#: finite auxiliaries of an active perfect frame (*hatte gesagt*, *ist ausgegangen*)
_PERFECT_AUX = wordset("hat hatte hatten haben habe hätte hätten ist war sind waren")


#: what may follow a clause-final participle (the end of the clause or a coordinated verb)
FRAME_END = frozenset([".", "!", "?", ",", ";", ":", "und", "sowie", "aber", "oder"])


def inverted_auxiliary_subject(
    toks: Sequence[Tok], cue_i: int, cue_last: int
) -> tuple[int, int] | None:
    """*Die Lage sei ernst, hatte X damals gesagt*: a clause-final participle cue whose finite
    auxiliary stands right after the comma (or closing quotation) that ends the content —
    the frame is inverted and its subject follows the auxiliary, not the first field of
    the content before the comma."""
    n = len(toks)
    if cue_last + 1 < n and toks[cue_last + 1].text not in FRAME_END:
        return None
    if not toks[cue_i].text.endswith(("t", "en")) or toks[cue_i - 1].text == ",":
        return None  # (a participle ends in *-t/-en*; *…, sagte X* is not this frame)
    for k in range(cue_i - 1, max(0, cue_i - MAX_NP - 4), -1):
        t = toks[k]
        if t.q >= 0 or t.text in (",", ":", ";", "(", ")", "–", "—"):
            return None
        if t.lower in _PERFECT_AUX:
            before = toks[k - 1]
            if before.text != "," or before.q >= 0:
                return None
            if not (toks[k - 2].q >= 0 or _content_clause(toks, k - 1)):
                return None  # (*X, Sprecher von Y, hatte Z aufgefordert*: an apposition)
            return subject_after_verb(toks, k + 1, cue_i)
    return None


#: words that open a relative clause after a comma
RELATIVE_WORDS = NOMINATIVE_RELATIVES | wordset("dessen deren dem den denen")


def _content_clause(toks: Sequence[Tok], comma: int) -> bool:
    """Is the segment before ``comma`` (from the previous clause mark) a clause with a verb
    of its own, not a noun phrase or apposition?"""
    j = comma - 1
    while j >= 0 and not (toks[j].q < 0 and toks[j].text in (",", ":", ";", "(", "–")):
        j -= 1
    first = toks[j + 1].lower if j + 1 < comma else ""
    if j >= 0 and toks[j].text == "," and (first in RELATIVE_WORDS):
        return False  # (a relative clause inside the frame's own subject)
    return has_clause_word(toks, j + 1, comma) or any(
        t.q < 0 and t.lower in AUXILIARIES for t in toks[j + 1 : comma]
    )


#: words that cannot open a subject phrase
NOT_SUBJECT_OPENERS = wordset("des eines dessen deren denen von vom")


def article_reading(toks: Sequence[Tok], a: int, cue_i: int) -> bool:
    """Is *der/die/das* at ``a`` the article of the noun phrase up to the verb at ``cue_i``
    rather than a relative pronoun before an object? Yes when the phrase is the article and
    one common noun (*…, der Sprecher erklärte, …*); a name (*…, die Maier kritisierte*)
    would be the object of a relative clause."""
    if cue_i - a != 2:
        return False
    info = lexicon().lookup(toks[a + 1].text)
    return info is not None and info.common and not info.name


def cited_source(toks: Sequence[Tok], last: int) -> tuple[int, int] | None:
    """*X zitiert aus der Zeitung Y, wonach …*: *zitieren aus* + a document or medium names
    where the words come from; that phrase is the source (X only passes them on)."""
    k = last + 1
    if k + 1 >= len(toks) or toks[k].q >= 0 or toks[k].lower != "aus":
        return None
    rng = np_forward(toks, k + 1)
    if rng is None or not source_headed(toks, *rng):
        return None
    return rng


def speaking_object(toks: Sequence[Tok], rng: tuple[int, int] | None) -> bool:
    """Can the object of *zitieren* be the one quoted (*zitiert den Minister*) rather than
    the passage (*zitiert eine Stelle aus dem Bericht*: then the subject is the source)?"""
    return rng is not None and speaker_like(toks, *rng)
