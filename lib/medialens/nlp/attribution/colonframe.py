"""Verbless colon frames of a direct quotation: *Seine Antwort: »…«*, *Ihr Fazit zur Reform: »…«*.

Why a module of its own: German news often introduces a direct quotation with a noun
phrase and a colon instead of a clause, the noun naming the utterance (*Antwort, Fazit,
Kommentar, Meinung, Urteil*) and its possessive or genitive the speaker (*Die Antwort des
Ministers: »…«*). The frame-subject test of :mod:`.directquote` (``_colon_subject``) takes
such a phrase for the first field of a clause and drops it when its head is abstract; for a
speech noun in a verbless frame the noun phrase is the speaker mention (the possessive or
genitive inside it names who spoke). Cheap: a closed word list and string checks on at most
the dozen tokens before the colon.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: nouns that name an utterance or a stated view: as the head of a verbless frame before a
#: colon they introduce the words of the possessor (*Seine Antwort: »…«*)
SPEECH_NOUNS = wordset(
    "antwort antworten fazit kommentar kommentare meinung urteil einschätzung reaktion "
    "botschaft forderung forderungen appell warnung mahnung prognose bilanz devise credo "
    "erklärung begründung erwiderung entgegnung replik stellungnahme standpunkt position "
    "ansicht auffassung einwand kritik vorwurf rat ratschlag empfehlung bitte aufruf "
    "worte aussage kernaussage schlusswort resümee diagnose losung "
)

#: the words that may open such a frame: articles and possessives (*Die, Seine, Ihr*) and
#: focus particles before them (*Auch seine Antwort: …*)
_OPENERS = wordset(
    "der die das des dem den sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren "
    "unser unsere deren dessen auch und doch aber"
)

#: possessives: the frame names its speaker (*Seine Antwort*, *Ihr Fazit*)
_POSSESSIVES = wordset(
    "sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren unser unsere deren dessen"
)

#: function words allowed after the head (genitive and prepositional attributes: *des
#: Ministers*, *zu der Reform*, *zur Lage*); any other lower-case word is a verb or adverb
#: of a clause, and then the frame is no bare noun phrase
_ATTRIBUTE_WORDS = wordset(
    "der die das des dem den zu zum zur über auf an am im in vom von für gegen nach "
    "und sowie ein eine einer eines einem einen"
)

#: a verbless frame longer than this is no short lead-in
_MAX_FRAME = 12


def speech_noun_frame(toks: Sequence[Tok], end: int) -> tuple[int, int] | None:
    """The noun phrase ``toks[a:end]`` before the colon at ``end`` when it is a verbless
    frame headed by a speech noun (:data:`SPEECH_NOUNS`); else None.

    Limits: the head must be the first capitalised word after the opener words; a frame
    whose words after the head include a lower-case word that is not an article or a
    preposition (a verb, *Seine Antwort kam prompt:*) is a clause, left to the clause
    tests."""
    if end < 1 or end > _MAX_FRAME:
        return None
    a = 0
    while a < end and toks[a].lower in _OPENERS and toks[a].lower not in SPEECH_NOUNS:
        a += 1
    if a >= end or toks[a].lower not in SPEECH_NOUNS or not toks[a].text[:1].isupper():
        return None
    for t in toks[a + 1 : end]:
        if t.q >= 0:
            return None
        if t.text[:1].isupper() or t.lower in _ATTRIBUTE_WORDS:
            continue
        return None
    if not (
        any(t.lower in _POSSESSIVES for t in toks[:a])
        or (a + 1 < end and toks[a + 1].lower in ("des", "der", "von", "vom"))
    ):
        return None  # *Die Antwort: »…«*: the frame names no speaker
    # the frame's mention starts with its article or possessive (*Seine Meinung*), not a
    # focus particle (*Auch*)
    s = 0
    while s < a and toks[s].lower in ("auch", "und", "doch", "aber"):
        s += 1
    # … and ends with its head or with the genitive or *von* phrase after it (*Die Antwort
    # des Ministers*), not with a topic attribute (*zur Reform*)
    e = a + 1
    if e < end and toks[e].lower in ("des", "der", "von", "vom"):
        k = e + 1
        while k < end and (toks[k].text[:1].isupper() or toks[k].lower in ("der", "des")):
            k += 1
        if k > e + 1 and toks[k - 1].text[:1].isupper():
            e = k
    return (s, e)


#: endings of an inflected adjective between an article and its noun
_INFLECTED = ("e", "en", "er", "es", "em")

#: demonstratives that open a sentence pointing back at the quotation before it
_BACK_POINTERS = wordset("das dies")
#: copulas of *Das ist die Botschaft von X*, *Dies war das Fazit des Berichts*
_COPULAS = wordset("ist war sind waren lautet lautete")
#: words allowed between the copula and the speech noun (articles, adjectives, adverbs)
_BEFORE_HEAD = wordset("der die das ein eine einer eines dem den des so auch jedenfalls wohl")
#: openers of the genitive or *von* phrase that names the speaker
_SPEAKER_ATTRIBUTES = wordset("des der eines einer von vom")


def copula_speech_np(toks: Sequence[Tok]) -> tuple[int, int] | None:
    """``Das ist die zentrale Aussage einer Studie …`` right after a direct quotation: the
    noun phrase from the article before the speech noun to the end of the genitive or *von*
    phrase after it, which names who said the quotation; None for any other sentence.

    Why: news leads often open with a frameless quotation and name its source in the next
    sentence by pointing back at it (*»…« Das ist das Fazit des Verbands.*). Limits: the
    sentence must start with *Das/Dies* + copula, the speech noun (:data:`SPEECH_NOUNS`)
    follow within four words, and a genitive or *von* phrase follow the noun (*Das ist die
    Meinung vieler* names no one)."""
    n = len(toks)
    if n < 5 or toks[0].lower not in _BACK_POINTERS or toks[1].lower not in _COPULAS:
        return None
    k = 2
    while k < n and k < 7 and toks[k].q < 0 and toks[k].text[:1].islower():
        if toks[k].lower not in _BEFORE_HEAD and not toks[k].lower.endswith(_INFLECTED):
            return None
        k += 1
    if k >= n - 1 or toks[k].lower not in SPEECH_NOUNS or not toks[k].text[:1].isupper():
        return None
    if toks[k + 1].lower not in _SPEAKER_ATTRIBUTES:
        return None
    e = k + 2
    while e < n and toks[e].q < 0 and (toks[e].text[:1].isupper() or toks[e].lower in _BEFORE_HEAD):
        e += 1
    if e == k + 2 or not toks[e - 1].text[:1].isupper():
        return None
    return (2, e)


#: forms of *stehen* "be written" in a colon frame (*Im Bericht steht: »…«*)
_STEHEN = wordset("steht stand stehen standen")
#: prepositions of the place the words are written in or on
_WRITTEN_IN = wordset("in im auf")
#: heads of texts and signs that words can stand in or on (compounds end with them:
#: *Gesetzentwurf*, *Koalitionsvertrag*); a state after *in/im* (*im Mittelpunkt*, *in der
#: Kritik stehen*) is no text
_TEXT_ENDINGS = tuple(
    wordset(
        "bericht brief entwurf schreiben mitteilung erklärung text vertrag protokoll papier "
        "dokument plakat transparent schild urteil beschluss antrag gesetz artikel buch studie "
        "zeitung blog eintrag aufruf flugblatt passus paragraph paragraf abschnitt satzung "
        "programm manifest testament akte akten notiz e-mail mail botschaft tweet post "
        "verordnung richtlinie gutachten"
    )
)


def written_in_source(toks: Sequence[Tok], end: int) -> tuple[int, int] | None:
    """The document or sign of a colon frame with *stehen* before the colon at ``end``
    (*Im Bericht steht: »…«*, *Derzeit steht in dem Entwurf der Passus: »…«*): the noun
    phrase after *in/im/auf* headed by a text or sign (:data:`_TEXT_ENDINGS`), the source
    as for *In dem Brief heißt es*; None for any other frame.

    Why: the subject of *stehen* is the quoted text itself (*der Passus*), which does not
    speak; the text it stands in does. Limits: only the first *in/im/auf* phrase of the
    frame is looked at, and its head must be the first capitalised word after the
    preposition."""
    if end < 2 or end > _MAX_FRAME + 4:
        return None
    if not any(t.q < 0 and t.lower in _STEHEN for t in toks[:end]):
        return None
    for k in range(end - 1):
        t = toks[k]
        if t.q >= 0 or t.lower not in _WRITTEN_IN:
            continue
        if t.lower == "auf" and toks[k + 1].lower not in ("dem", "der", "einem", "einer"):
            continue
        e = k + 1
        while e < end and toks[e].q < 0 and not toks[e].text[:1].isupper():
            if toks[e].lower not in _BEFORE_HEAD and not toks[e].lower.endswith(_INFLECTED):
                return None
            e += 1
        if e >= end or toks[e].q >= 0 or not toks[e].lower.endswith(_TEXT_ENDINGS):
            return None
        return (k + 1, e + 1)
    return None
