"""Fourth-round cues for quoted spans: the syntax around the marks.

Why a module of its own: :mod:`.scare` decides from the quoted words and the unit's cues,
:mod:`.scarecues` looks once more at a would-be scare quote; the cues here read the frame
the quotation stands in — the article before it, the noun before a parenthesis, the
sentence after it — which tells a name from a common noun and the author's words from a speaker's
where the words alone cannot:

- **a name**: a one-word quotation that cannot agree with the article before it (*die
  „Komet“*: *Komet* is masculine, so *die* belongs to an implied class noun, *die Rakete*);
  a lower-case word standing as a noun right after an article (*die „kunstwoche“ in
  Weimar*): German capitalises every common noun, so it is a name spelled in lower case;
- **a scare quote**: a German common noun glossed by a quoted term in parentheses
  (*Zwischenspeicher („Cache“)*: the term's other name, a technical term without a
  speaker);
- **no scare quote**: a short quotation in a sentence that the next sentence reports with an
  anaphor (*… der Regierung „assistieren“. Das erklärte General X*): the speaker's word,
  which the extractor attributes with the whole sentence.

Tried and left out: a quotation in an indicative relative or adverbial clause of a sentence
with a speech cue (*Datenschützer wiesen auf die Gefahren hin, die den Weg zum „gläsernen
Menschen“ ebnen*) read as the author's — on the train split of the quotation gold both
such spans the rule found are direct quotations there.

Cost: a few token scans and lexicon look-ups, only for the quotations of a unit (a handful
per article).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.lexicon import bundled_cue_index
from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.morphology import FEM, MASC, NEUT, analyse, case_bit, lexicon
from medialens.nlp.attribution.scarecues import first_token, known_common_noun
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import ARTICLES, wordset

_NOM, _GEN, _DAT, _ACC = "nominativ", "genitiv", "dativ", "akkusativ"
#: the (gender, case) cells of the singular and the cases of the plural an article (or an
#: article fused with a preposition) may stand in; gender 0 = plural
_ARTICLE_CELLS: dict[str, tuple[tuple[int, str], ...]] = {
    "der": ((MASC, _NOM), (FEM, _GEN), (FEM, _DAT), (0, _GEN)),
    "die": ((FEM, _NOM), (FEM, _ACC), (0, _NOM), (0, _ACC)),
    "das": ((NEUT, _NOM), (NEUT, _ACC)),
    "des": ((MASC, _GEN), (NEUT, _GEN)),
    "dem": ((MASC, _DAT), (NEUT, _DAT)),
    "den": ((MASC, _ACC), (0, _DAT)),
    "ein": ((MASC, _NOM), (NEUT, _NOM), (NEUT, _ACC)),
    "eine": ((FEM, _NOM), (FEM, _ACC)),
    "einen": ((MASC, _ACC),),
    "einem": ((MASC, _DAT), (NEUT, _DAT)),
    "einer": ((FEM, _GEN), (FEM, _DAT)),
    "eines": ((MASC, _GEN), (NEUT, _GEN)),
    "im": ((MASC, _DAT), (NEUT, _DAT)),
    "am": ((MASC, _DAT), (NEUT, _DAT)),
    "vom": ((MASC, _DAT), (NEUT, _DAT)),
    "zum": ((MASC, _DAT), (NEUT, _DAT)),
    "beim": ((MASC, _DAT), (NEUT, _DAT)),
    "zur": ((FEM, _DAT),),
}
_MARKS = frozenset('„“”"»«‚‘’›‹')
#: quantifiers and pronouns after an article (*ein bisschen*, *die anderen*, *die meisten*)
_QUANTIFIERS = wordset(
    "bisschen bißchen wenig wenige wenigen paar meisten meiste anderen andere anderer einen "
    "beiden beide einzelnen übrigen"
)
#: coordinators after an attributive adjective (*die „kleinen“ und großen Firmen*)
_COORDINATORS = wordset("und oder sowie bzw")


#: the word right before the opening mark (not after another quotation's closing mark, nor
#: after a parenthesis or other punctuation)
_WORD_BEFORE = re.compile(r"(?<![\w-])([\w-]+)[ \t]*$")
#: the word right after the closing mark (*zu* skipped for *„…“ zu sagen*)
_WORD_AFTER = re.compile(r"[ \t]*([^\s.,;:!?()]+)")
#: the noun right before *(„* (*Zwischenspeicher („…“)*)
_NOUN_BEFORE_PAREN = re.compile(r"(?<![\w-])(\w+)[ \t]*\([ \t]*$")


def _word_before(text: str, r: QuotedRegion) -> str:
    """The word right before the opening mark, or "" (text-based: cheaper than a token scan,
    which matters because these cues run for most quotations)."""
    m = _WORD_BEFORE.search(text, max(0, r.start - 40), r.start)
    return m.group(1) if m else ""


def _word_after(text: str, r: QuotedRegion) -> str:
    m = _WORD_AFTER.match(text, r.end)
    return m.group(1) if m else ""


def article_mismatch(text: str, inner: str, r: QuotedRegion) -> bool:
    """Is a one-word capitalised quotation preceded by an article it cannot agree with in
    gender, case or number (*die „Komet“*, *des „Spiegel“*)?

    Why: a common noun the author sets apart is inflected into the frame's syntax (*des
    „Parteiparlaments“*, *der „Sicherheitsgarantien“*); a name in quotation marks keeps its
    form, and its article belongs to an implied class noun (*die [Rakete] „Komet“*, *des
    [Magazins] „Spiegel“*).

    Limits: only nouns the lexicon knows (also by a compound tail); *der* fits masculine
    nominative, feminine genitive/dative and every plural genitive, so it rarely mismatches.
    """
    word = inner.strip()
    if " " in word or not word[:1].isupper() or not word.replace("-", "").isalpha():
        return False
    cells = _ARTICLE_CELLS.get(_word_before(text, r).lower())
    if cells is None:
        return False
    info = analyse(word)
    if info is None or not info.common:
        return False
    genders = info.genders
    for gender, case in cells:
        if gender == 0:
            if info.code & case_bit(case, True):
                return False
        elif info.code & case_bit(case, False) and (not genders or genders & gender):
            return False
    return True


#: a lower-case name: letters, digits, dots and hyphens, no capital anywhere
_LOWER_NAME = re.compile(r"^[a-zäöüß][a-zäöüß0-9.\-]*$")


def lower_case_noun(text: str, inner: str, r: QuotedRegion) -> bool:
    """Is a one-word lower-case quotation used as a noun — right after an article and not
    before a capitalised word it would modify (*Die „kunstwoche“ in Weimar*, *ein „velomobil“
    fuhr vor*)? German capitalises every common noun, so a lower-case word in a noun's
    place is a name spelled in lower case (a brand, a product, an event).

    Limits: an attributive adjective before its noun (*die „echten“ Probleme*), one
    coordinated with another (*die „kleinen“ und großen Firmen*), a form the lexicon knows as
    a nominalised adjective (*die „kleinen“, die …*) and quantifiers (*ein „bisschen“ mehr*)
    stay out; another substantivised adjective written in lower case is read as a name.
    """
    word = inner.strip()
    if not _LOWER_NAME.match(word) or _word_before(text, r).lower() not in ARTICLES:
        return False
    if word in _QUANTIFIERS:
        return False  # *ein „bisschen“ mehr*, *die „anderen“*: no noun's place
    info = lexicon().lookup(word[:1].upper() + word[1:])
    if info is not None and info.adjectival:
        return False  # *die „kleinen“, die …*: an adjective used as a noun, not a name
    nxt = _word_after(text, r)
    return not (nxt[:1].isupper() or nxt.lower() in _COORDINATORS or nxt[:1] in _MARKS)


def term_gloss(text: str, inner: str, r: QuotedRegion) -> bool:
    """Is the quotation the parenthesised other name of a German common noun right before it
    (*Zwischenspeicher („Cache“)*, *Schlagzahl („Kadenz“)*)? That is a technical term
    the author introduces — a scare quote by the labelling guide, not a name.

    Limits: one or two words without digits or acronyms; the noun before the parenthesis
    must be one the lexicon knows as a common noun (a translated name, *Mozgalom („Bewegung
    …“)*, stays a name).
    """
    if "(" not in text[max(0, r.start - 3) : r.start]:
        return False  # (most quotations: no regex search)
    m = _NOUN_BEFORE_PAREN.search(text, max(0, r.start - 60), r.start)
    if m is None:
        return False
    words = inner.split()
    if not 1 <= len(words) <= 2 or any(not w.replace("-", "").isalpha() for w in words):
        return False
    if any(len(w) > 1 and w.isupper() for w in words):
        return False
    noun = m.group(1)
    return noun[:1].isupper() and noun.isalpha() and known_common_noun(noun)


#: the next sentence reports this one: *Das erklärte X*, *Dies sagte Y am Montag*
_NEXT_ANAPHOR = re.compile(r"\s*(?:Das|Dies)\s+(\w+)\s+(\w+)([^.!?]{0,120})")


#: words that open the subject after the verb (*Das sagte der Minister*, *Das erklärte sie*)
_SUBJECT_OPENERS = wordset("der die das ein eine er sie man")
#: adverbs and prepositions that may stand between the verb and its subject (*Das sagte am
#: Montag der Minister*, *Dies erklärte auch die Polizei*)
_ADVERBS_BEFORE_SUBJECT = wordset(
    "auch zudem gestern heute damals dazu bereits später jetzt kürzlich am im ebenfalls "
    "außerdem nun inzwischen wiederum"
)


def reported_by_next_sentence(toks: Sequence[Tok], text: str) -> bool:
    """Does the next sentence open with *Das*/*Dies* and a reporting verb with a speaker
    (*… der Regierung „assistieren“. Das erklärte General X am Montag.*)? Then this sentence
    is that speaker's reported speech, and a quoted word in it the speaker's.

    Limits: the verb is found by its form in the bundled reporting-verb lexicon, and a
    separable verb needs its particle later in that sentence (*Das teilte X … mit*); the
    word after the verb must not be a neuter common noun (*Das erklärte Ziel ist …*: an
    adjective; *Das erklärte General X*, a masculine noun, is a verb and its subject), and
    a subject must follow (a capitalised word, an article or a pronoun, after at most three
    adverbs): *Das sagt nichts über die Lage aus* reports nothing.
    """
    if not toks:
        return False
    m = _NEXT_ANAPHOR.match(text, toks[-1].end)
    if m is None:
        return False
    verb, after, rest = m.group(1).lower(), m.group(2), m.group(3)
    index = bundled_cue_index()
    senses = index.by_base.get(index.forms.get(verb, verb), ())
    if not senses:
        return False
    info = analyse(after) if after[:1].isupper() else None
    if info is not None and info.common and info.genders & NEUT:
        return False  # *Das erklärte Ziel*: a participle adjective before a neuter noun
    words = (after + rest).split()
    k = 0
    while k < len(words) - 1 and k < 3 and words[k] in _ADVERBS_BEFORE_SUBJECT:
        k += 1
    first = words[k]
    if not (first[:1].isupper() or first in _SUBJECT_OPENERS):
        return False  # *Das sagt nichts über die Lage aus*: no speaker after the verb
    tail = {w.lower() for w in words}
    return any(
        "direct" in s.speech and (not s.particle or set(s.particle.split()) <= tail) for s in senses
    )


#: verbs of uttering words: a quotation right before one is what was uttered (lemmas; the
#: forms of those the reporting-verb lexicon lacks are listed, the lookup table misreads
#: *schreit* as *schreiten*)
_UTTER_VERBS = wordset("sagen rufen schreien brüllen skandieren flüstern murmeln")
#: prepositions before a quotation: it is then a prepositional object, not the words uttered
_PREPOSITIONS = wordset("zur zum zu in ins im auf an am aus bei beim mit nach von vom vor für")
#: the verb right after the closing mark, after *zu* if there is one
_UTTERED = re.compile(r"[ \t]*(?:zu[ \t]+)?([a-zäöüß]+)\b")
_UTTER_FORMS = wordset(
    "schreit schrie schrien schreien geschrien brüllt brüllte brüllten gebrüllt flüstert "
    "flüsterte flüsterten geflüstert murmelt murmelte murmelten gemurmelt"
)


def uttered(text: str, r: QuotedRegion) -> bool:
    """Is the quotation the object of a verb of uttering right after it (*der Junge, der
    „Feuer“ schreit*, *„Nein“ zu sagen*)? Then the words are what was said, i.e. speech.

    Limits: only the verb right after the marks (after *zu*), by its form, and not after a
    preposition (*nach „Aufmerksamkeit“ schreien*: a prepositional object); a verb of judging
    (*die „Reform“ kritisierte*) does not count: its object is no utterance.
    """
    m = _UTTERED.match(text, r.end)
    if m is None or _word_before(text, r).lower() in _PREPOSITIONS:
        return False  # *nach „Aufmerksamkeit“ schreien*: a prepositional object
    word = m.group(1).lower()
    return (
        word in _UTTER_FORMS
        or word in _UTTER_VERBS
        or bundled_cue_index().forms.get(word) in _UTTER_VERBS
    )


#: marks that end a clause before a quotation
_BOUNDARIES = frozenset(",;:(–")
#: verbs after which *zum/zur „X“* is the topic talked about (*sagte X zum „Neuanfang“*)
_TOPIC_CUES = wordset("sagen äußern erklären meinen schreiben kommentieren")
#: verbs after which *zum/zur „X“* is the goal of an appeal, the speaker's word (*rief zum
#: „Heiligen Krieg“ auf*)
_APPEAL_CUES = wordset("aufrufen auffordern mahnen drängen raten ermutigen ermahnen einladen")


def topic_of_speech(
    toks: Sequence[Tok], text: str, r: QuotedRegion, cue_lemmas: frozenset[str]
) -> bool:
    """Is the quotation the topic of a saying verb, after *zum*/*zur* (*sagte der Trainer
    zum „Neuanfang“ des Vereins*, *äußerte sich zur „Reform“*)? The author names what the
    speaker talked about; the words are not the speaker's.

    Limits: only *zum*/*zur* right before the marks and the saying verb earlier in the same
    clause (no comma or quotation between); an appeal (*rief zum „Widerstand“ auf*) in the
    same unit keeps it speech.
    """
    if _word_before(text, r).lower() not in ("zum", "zur"):
        return False
    first = first_token(toks, r) or 0
    bases = {w for lemma in cue_lemmas for w in lemma.lower().split()}
    if bases & _APPEAL_CUES:
        return False
    # the saying verb must be in the quotation's own clause: *…, sagte X zum „…“*, not
    # *X sagte, der Plan sei zum „Scheitern“ verurteilt* (a complement clause)
    for t in reversed(toks[: first - 1]):
        if t.q >= 0 or t.text in _BOUNDARIES:
            return False
        if t.lemma.lower() in _TOPIC_CUES:
            return True
    return False
