"""The speaker of a Konjunktiv complement after the reporter's indicative frame.

Why a module of its own: step 4 of :mod:`.extract` reads a Konjunktiv clause after an
indicative main clause (*Der Verein reagierte gelassen, die Kasse sei geprüft*, see
:func:`.quotebounds.konjunktiv_after_indicative`) as a continuation and gave it the carried
speaker; when the clause is the complement of the frame, its speaker is the frame's subject.
Kept apart from :mod:`.carry`, which :mod:`.freeindirect` imports, to keep imports one way.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.continuations import SUBORDINATE_OPENERS
from medialens.nlp.attribution.freeindirect import embedding_subject
from medialens.nlp.attribution.phrases import is_adjective, is_head
from medialens.nlp.attribution.quotestate import _State
from medialens.nlp.attribution.units import Tok
from medialens.nlp.types import Speaker

#: openers of a complement clause of saying (*…, dass …*, *…, ob …*); other subordinators
#: (*als, weil, wenn*) and coordinators open a clause about the frame's subject, not its words
_COMPLEMENT_OPENERS = frozenset(["dass", "daß", "ob"])
_NOT_COMPLEMENT = SUBORDINATE_OPENERS | frozenset(["und", "oder", "aber", "sondern", "denn"])


def frame_subject_of(
    toks: Sequence[Tok], clause_start: int, text: str, state: _State
) -> Speaker | None:
    """The speaker of a Konjunktiv clause at ``clause_start`` that follows the reporter's
    indicative main clause (*Der Verband reagierte gelassen auf die Vorwürfe, die
    Bilanz sei ausgeglichen*; *Das Magazin will gehört haben, der Umzug sei …*): the main clause's subject,
    when it can speak and the clause is its complement (verb-second or *dass/ob*), else
    None (the caller keeps the carried speaker).

    Why: a Konjunktiv complement right after a frame is indirect speech of the frame's
    subject even when the frame verb is no listed cue (a typo, an idiom such as *gelassen
    reagieren*, *gehört haben wollen*). Limits: a temporal, causal or coordinated
    clause (*…, als er die Beute verkauft habe*; *…, und sie wolle …*) is about the subject, so
    it keeps the carried speaker; a single word before a subject pronoun is the verb of a
    verb-first clause (*Hieß es anfangs, …*), no subject.
    """
    if clause_start >= len(toks):
        return None
    opener = toks[clause_start].lower
    nxt = toks[clause_start + 1] if clause_start + 1 < len(toks) else None
    if (
        opener not in _COMPLEMENT_OPENERS
        and opener in _NOT_COMPLEMENT
        and not (opener in _ARTICLES and nxt is not None and (is_head(nxt) or is_adjective(nxt)))
    ):
        return None  # (*…, die Bilanz sei …*: an article, not a relative pronoun)
    subject = embedding_subject(toks, clause_start, text, state)
    if subject is None:
        return None
    k = next((j for j, t in enumerate(toks) if t.start == subject.start), None)
    if (
        k is not None
        and toks[k].end == subject.end
        and k + 1 < len(toks)
        and toks[k + 1].lower in _SUBJECT_PRONOUNS
    ):
        return None  # *Hieß es anfangs, …*: a verb-first clause, the word is its verb
    return subject


#: articles that look like relative pronouns
_ARTICLES = frozenset(["der", "die", "das", "den", "dem"])
#: pronouns right after a verb-first clause's verb
_SUBJECT_PRONOUNS = frozenset(["es", "er", "sie", "man", "ich", "wir"])
