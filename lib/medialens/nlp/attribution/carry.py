"""Which source a continuation (free indirect speech, *soll*-hearsay) carries.

Why a module of its own: the continuation steps of :mod:`.extract` (step 4, a Konjunktiv or
*soll* sentence after a quotation; step 5, free *soll*-hearsay) take the speaker of the last
quotation, or the source the sentence right before names. These helpers decide and bound
that carry: a paragraph break ends it (a new paragraph opens a new topic or source); a
pronominal adverb in the first field (*Daneben standen …*, *Dahinter lag …*) is no subject
that could be a source; a pronoun subject in between refers to the carried speaker; after
nested quotations the outer speaker goes on; a source named again right before is carried
beyond the usual gap. All tests are cheap: string checks on tokens the extractor has cached
and on the quotations of the current unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.phrases import PERSONAL_SPEAKER_PRONOUNS
from medialens.nlp.attribution.quotestate import latest_mention
from medialens.nlp.attribution.reference import word_speaker_like
from medialens.nlp.attribution.units import Tok
from medialens.nlp.types import Quote, Speaker

#: *da(r)-/hier-/wo(r)-* + preposition (*daneben, dabei, darauf, hierzu, womit*): pronominal
#: adverbs that stand for a thing or circumstance named before, never for a speaker
_PRONOMINAL_ADVERB_RE = re.compile(
    r"(?:da|dar|hier|wo|wor)(?:an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|über"
    r"|um|unter|von|vor|zu|zwischen)"
)


def same_paragraph(text: str, ptoks: Sequence[Tok], start: int) -> bool:
    """Is there no paragraph break between the sentence ``ptoks`` and offset ``start``?

    Why: the carry of a source to a continuation is bounded by the paragraph; the
    extractor's units do not keep their paragraph, but a break is a newline in between."""
    return bool(ptoks) and "\n" not in text[ptoks[-1].end : start]


def pronominal_adverb(word: str) -> bool:
    """Is ``word`` a pronominal adverb (*Daneben*, *Dabei*, *Darüber*, *Hierzu*)? As a
    sentence's first field it is an adverbial, not the subject: no speaker."""
    return _PRONOMINAL_ADVERB_RE.fullmatch(word.lower()) is not None


def pronoun_of_carried(subject: Speaker, carried: Speaker | None) -> bool:
    """Is the subject of the sentence before a continuation a personal pronoun (*Dabei
    lobte er …*) while a speaker is carried from a recent quotation? Then the pronoun
    most likely refers to that speaker, and the carried mention, which names the source, is
    kept (the gold standard marks the mention of the quoted speech act, not the pronoun of
    an intervening sentence)."""
    return carried is not None and subject.text.lower() in PERSONAL_SPEAKER_PRONOUNS


def governing_speaker(new: Sequence[Quote], current: Speaker | None) -> Speaker | None:
    """The speaker that a sentence's later continuations go on with, when the current
    speaker (``current``, set by the sentence's last quotation) belongs to a quotation
    nested inside another of the sentence's quotations (``new``): the outer quotation's
    speaker; None when nothing is to change.

    Why: *Die Ärztin erklärte, die Impfung sei ihrer Ansicht nach sicher.* yields the
    indirect quotation of the doctor and, inside it, one of the source phrase *ihrer
    Ansicht*; *Die Ministerin bestritt, dass von der Firma Geld verlangt werde* one of the
    embedded passive. The Konjunktiv sentences that follow continue what the outer speaker said.
    """
    if current is None:
        return None
    inner = next((q for q in reversed(new) if q.speaker is current), None)
    if inner is None:
        return None
    for q in new:
        if (
            q is not inner
            and q.speaker is not None
            and q.start <= inner.start
            and inner.end <= q.end
            and q.end - q.start > inner.end - inner.start
        ):
            return q.speaker
    return None


def named_again(text: str, speaker: Speaker, ptoks: Sequence[Tok], start: int) -> Speaker | None:
    """The mention of the current ``speaker`` in the sentence right before a continuation
    (``ptoks``; the continuation starts at ``start``), in the same paragraph, or None.

    Why: after a gap of several sentences the extractor drops the carried speaker as an
    uncertain referent; but when the sentence before names that source again (*… . Die
    Warnungen des TSB werden lauter. Die Lage sei …*), the Konjunktiv sentence
    continues it. Limits: string match on the speaker's head word (see
    :func:`.quotestate.latest_mention`), which must be able to speak (not *Veröffentlichung*)."""
    if not ptoks or not same_paragraph(text, ptoks, start):
        return None
    found = latest_mention(text, speaker, start)
    if found is None or found is speaker or found.start < ptoks[0].start:
        return None
    return found if word_speaker_like(found.text) else None
