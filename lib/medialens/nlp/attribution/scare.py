"""Is a quoted span speech, a scare quote, or a name or title? One decision, one place.

Why a module of its own: the decision is the framing signal users read (a scare quote is the
author setting words apart), and it is easy to get wrong in both directions — names, titles,
brands, events and slogans in quotation marks (*das Mannschaftsquartier „Forte Village“*,
*die Parole „Britain First“*, *der Wirbelsturm „Nargis“*) are not scare quotes, and partial
quotations in a speech context (*nannte den Bericht eine „Zeitungsente“*) are speech. The
attribution extractor (:mod:`.extract`) calls :func:`classify_quoted` once per quotation of
an analysis unit and acts on the label.

Rules, in order (see ``docs/actors.md``, "Scare quotes"):

1. **Name or title** (the shapes and positions in :mod:`.scarenames`): announced by a title noun or a naming verb (*das Buch „…“*, *namens
   „…“*), glued to a compound (*„Bild“-Zeitung*), a capitalised name after an article or
   preposition (*der „DFB“*, *von „Ärzte ohne Grenzen“*), all words capitalised outside a
   speech context (*„Der Fänger im Roggen“*), a number inside a short span (*„Stuttgart
   21“*, *„E1“*), or a short span right after its class noun (*die Kategorie „Technik“*, *der
   Wirbelsturm „Nargis“*: close apposition, the standard German naming pattern); a member of
   a list of such spans (*„A“, „B“ oder „C“*) outside a speech context.
2. **Strong speech**: at least ``min_speech_words`` words, sentence punctuation inside, or
   a colon before.
3. **Speech**: a shorter quotation in a speech context (a cue with a speaker, a source
   phrase, a Konjunktiv continuation), unless it follows *so genannt*/*sogenannt* — the
   author's own distancing, never a rendering of speech.
4. **Scare quote**: otherwise, one to ``max_scare_words`` words — after a last look
   (:func:`_last_stage`, cues in :mod:`.scarecues`) for speech after all (a judging verb's
   *als* predicate with an agent, hearsay *sollen*, a source right after the marks, a
   judgement holder *Für X ist …*) and for a name (a word the noun lexicon does not know,
   a foreign multiword name, a web address, a number, parentheses that explain the name).

Further cues (second round, :mod:`.scarephrases`): colour-coded coalition labels and
alliance/event names (*„rot-grünes“ Lager*, *die „große Koalition“*) and a naming verb after
the marks (*„der Dicke“ genannt*) make a name; a Konjunktiv-I sentence or a lower-case
quotation after a reporting verb with a speaker makes speech; *in Anführungszeichen* after the
marks, or a whole article-opened noun phrase in a sentence without speech, makes a scare quote.

Cues from the syntax around the marks (:mod:`.scarecontext`): a lower-case word in a noun's
place or a noun that cannot agree with its article makes a name; a quoted term glossing a
common noun in parentheses, a glued compound after *so genannt* and the topic of a saying verb
(*sagte X zum „…“*) make a scare quote; the object of a verb of uttering (*der „Wolf“
schreit*) makes speech; a sentence reported by the next one (*Das erklärte X*) makes none.

Sixth-round cues (:mod:`.scarephrases`, :mod:`.scarelists`, :mod:`.scarecues`): *heißen*
right after the marks, a title noun after *als* in the clause, councils, alternatives joined
by *bzw.* make a name; a list of plain nouns without a class noun, a clause in parentheses
after the marks, a noun in capitals for emphasis and the impersonal *man* keep or make a
scare quote.

Seventh-round cue (:mod:`.scaremention`), checked first: a word mentioned as a word (*das
Wort „…“*, *der Begriff „…“*, *die Bezeichnung für „…“*, *„…“ bedeutet …*) is a scare
quote, also in a speaker's sentence — before, *Wort*/*Begriff*/*Ausdruck* announced a name.

Eighth-round cues (:mod:`.scaretitle`), asked only in the last stage: a grade in a sentence
about grading, a capitalised quotation in a sentence about a work, a programme, a venue, an
award, an event or club compound, *heißen* before the marks and a nickname in apposition make
a name; a possessed noun of saying, self-presentation (*zeigte sich „…“*) and a speaker phrase
before a colon make speech.

Ninth-round cues, asked only in the last stage: a quotation in the clause of a verb of
attributing or diagnosing whose subject can be a source (*Die Richterin bescheinigte ihm eine
„…“*, :mod:`.scarejudge`), or after a noun of saying with a genitive speaker (*die Warnung
des Ministers vor einem „…“*) is speech; *erachten*, *empfinden*, *(ein)schätzen* predicate
with *als*; a class noun in a loose apposition after the marks (*die „…“, eine Kita in
Mitte*, :mod:`.scareapposition`) makes a name.

Tenth-round cues (:mod:`.scareusage`, from the errors of the third politics set): an
impersonal *war von „…“ die Rede* keeps a scare quote, the object of a verb of publishing is
no speech, an impersonal passive of saying (*es wird behauptet, dass …*) makes speech, a
campaign noun opening a capitalised phrase (*„Operation X“*) and a lower-case online name
after *Forum*/*Hashtag* make a name; more verbs predicate with *als*.

Cues from the clause structure (:mod:`.scareclause`): a short quotation in an indicative
relative clause without its own reporting verb is the author's even in a speaker's sentence;
a lower-case phrase of four to six words in a sentence without a speaker, and a quoted role
word right before a name (*der „Dorfverein“ FC Musterhausen*), are scare quotes; an agentless
report framed by a document (*In ihrem Gutachten wurde auf „…“ verwiesen*) is speech.
Limits: a name introduced only by world knowledge (*im „Standard“*, a newspaper) is read as
a scare quote; colour-coded coalition labels (*„schwarz-gelb“*) and legal formulas are
scare quotes unless a class noun announces them; whether a short quotation in a speech
context is the speaker's word or the author's is decided by the context only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.scareapposition import class_apposition
from medialens.nlp.attribution.scareclause import (
    author_relative_clause,
    authors_phrase_in_context,
    document_frame,
    epithet_before_name,
)
from medialens.nlp.attribution.scarecontext import (
    article_mismatch,
    lower_case_noun,
    reported_by_next_sentence,
    term_gloss,
    topic_of_speech,
    uttered,
)
from medialens.nlp.attribution.scarecues import (
    agentless_passive,
    as_predicate,
    attitude_holder,
    first_token,
    hearsay_clause,
    medium_of_statement,
    names_a_thing,
)
from medialens.nlp.attribution.scarejudge import attributed_by_subject, genitive_speech_noun
from medialens.nlp.attribution.scarelists import common_noun_list
from medialens.nlp.attribution.scaremention import mentioned_word
from medialens.nlp.attribution.scarenames import (
    _DIGIT,
    _FINAL_PUNCT,
    _MARKS,
    _SO_CALLED,
    _after_noun,
    _capitalised_phrase,
    _foreign_name,
    _is_title,
    _name_position,
    is_title_noun,
)
from medialens.nlp.attribution.scarephrases import (
    announced_as_title,
    is_colour_label,
    is_institution_name,
    is_quoted_noun_phrase,
    marked_as_scare,
    named_after,
    reported_sentence,
)
from medialens.nlp.attribution.scareplural import plural_term
from medialens.nlp.attribution.scaretitle import (
    called_by_heissen,
    graded,
    named_place_or_award,
    nickname_apposition,
    possessed_speech_noun,
    programme_or_event,
    self_presentation,
    speaker_before_colon,
    work_title,
)
from medialens.nlp.attribution.scareusage import (
    impersonal_report,
    impersonal_talk,
    online_handle,
    operation_name,
    published_document,
)
from medialens.nlp.attribution.singleterm import bare_single_term
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: cues whose object may be a one-word quotation (*nannte es einen »Wortbruch«*,
#: *sprach von einem »Ruck«*)
NAMING_CUES: frozenset[str] = wordset("bezeichnen nennen sprechen")
#: cues that predicate with *als* (*bezeichnete X als „Y“*, *wies X als „falsch“ zurück*):
#: only after them is a short quotation following *als* the speaker's word
AS_CUES: frozenset[str] = wordset(
    """
    bezeichnen nennen werten bewerten beurteilen einstufen darstellen charakterisieren
    kritisieren loben feiern verurteilen zurückweisen abtun begrüßen sehen ansehen betrachten
    sprechen beschreiben verteidigen rechtfertigen erachten empfinden schätzen einschätzen
    interpretieren deuten auslegen titulieren brandmarken abstempeln verunglimpfen beschimpfen
    verspotten preisen würdigen anprangern geißeln
    """
)
#: labels of :func:`classify_quoted`
QUOTED_LABELS: tuple[str, ...] = ("strong_speech", "speech", "scare_quote", "name_or_title", "none")
#: a source right after the quotation (*die „Kachelmanngroupies“ (lt. Ulrich Haagen, ZDF)*,
#: *„…“, so der Minister*)
_SOURCE_AFTER = re.compile(
    r"\s*(?:\(\s*(?:laut|lt\.|so|nach|zitiert)\s|,\s*so\s+(?:der|die|das)\s)"
)
#: parentheses right after the marks that explain, translate or abbreviate the quoted name
#: (*„Reporter ohne Grenzen“ (ROG)*, *„Tondar“ (Donner)*); not a source (*(laut X)*)
_EXPLAINED_AFTER = re.compile(
    r"\s?\((?!\s*(?:laut|lt\.|so|nach|zitiert)\s)"
    # nor a clause or comment (*„…“ (wie es sie schon früher gab)*, *(was er bestritt)*): it
    # says something about the words, it does not abbreviate, translate or explain a name
    r"(?!\s*(?:wie|was|weil|obwohl|wenn|dass|ob|wobei|womit|wo|deren|dessen)\s)"
)
#: first- and second-person pronouns: the author does not set his own *ich* apart (not *ihr*:
#: also *her*, *their*)
_FIRST_SECOND_PERSON = wordset(
    "ich mich mir mein meine meinen meinem meiner wir uns unser unsere unseren unserem du dich "
    "dir dein deine euch euer eure"
)


def classify_quoted(
    toks: Sequence[Tok],
    text: str,
    r: QuotedRegion,
    *,
    unit_start: int,
    speech_context: bool,
    cue_lemmas: frozenset[str],
    enumerated: bool,
    voiced_cue: bool = False,
    min_speech_words: int = 4,
    max_scare_words: int = 4,
) -> str:
    """The label of quotation ``r`` (marks included) in the unit whose tokens are ``toks``.

    ``speech_context``: the unit has an active cue with a speaker, a source phrase or is a
    Konjunktiv continuation; ``cue_lemmas``: the lemmas of the unit's reporting verbs;
    ``enumerated``: ``r`` is joined to a neighbouring
    quotation by only a comma or *und*/*oder*; ``voiced_cue``: some reporting verb of the unit
    (also one that never introduces direct speech: *sich berufen auf*, *vereinbaren*) has a
    speaker, so a lower-case short quotation is that speaker's word. Returns one of :data:`QUOTED_LABELS`
    (``none``: empty marks, too long for a scare quote without speech, or the speaker's word in
    a sentence the next one reports: *Das erklärte X*).
    """
    if min_speech_words < 1 or max_scare_words < 0:
        raise ValueError("min_speech_words must be >= 1 and max_scare_words >= 0")
    inner = text[r.start + 1 : r.end - 1].rstrip()
    n = len(inner.split())
    final = inner[-1:] in _FINAL_PUNCT
    if 1 <= n <= max_scare_words and not final and mentioned_word(text, r, unit_start, inner):
        return "scare_quote"  # *ein Wort wie „…“*, *„…“ bedeutet*: a word mentioned as a word
    if _is_title(toks, text, r, speech_context=speech_context) and not (n >= 6 and final):
        return "name_or_title"
    if n <= 3 and not final and epithet_before_name(toks, text, r, inner):
        return "scare_quote"  # *mit dem grünen „Realo“ Winfried Muster*: a characterisation
    if not speech_context and term_gloss(text, inner, r):
        return "scare_quote"  # *Zwischenspeicher („Cache“)*: a technical term's other name
    if n <= 3 and not final and _capitalised_phrase(inner) and _name_position(toks, text, r):
        return "name_or_title"
    if not final and _foreign_name(inner):
        return "name_or_title"  # *die „Partij voor de Vrijheid“*: a name in its language
    if not speech_context and not final and enumerated and not common_noun_list(text, r):
        # »A«, »B« oder »C«: a list of titles or names (not of plain nouns set apart: *Rap
        # über „Homos“, „Penner“ und „Schlampen“*)
        return "name_or_title"
    if n <= max_scare_words and (
        is_colour_label(inner)
        or named_after(text, r)
        or (not speech_context and is_institution_name(inner))
    ):
        return "name_or_title"
    if 1 <= n <= max_scare_words and not final and marked_as_scare(text, r):
        return "scare_quote"  # *„gut“ darin, gut in Anführungszeichen*
    naming = not cue_lemmas.isdisjoint(NAMING_CUES)
    short = n <= max_scare_words and not final
    if (
        short
        and not (speech_context and naming)
        and _named_thing(toks, text, r, inner, speech_context=speech_context)
    ):
        return "name_or_title"
    before = text[max(unit_start, r.start - 3) : r.start].strip()
    if (
        is_quoted_noun_phrase(inner, max_words=max_scare_words)
        and not (speech_context or cue_lemmas or before.endswith(":"))
        and not reported_sentence(toks)
    ):
        return "scare_quote"  # *für viele war er „der Buhmann der Nation“*: no speech anywhere
    if (
        4 <= n <= 6
        and not (final or before.endswith(":"))
        and authors_phrase_in_context(
            toks,
            text,
            r,
            inner,
            cue_lemmas,
            unit_start,
            speech_context=speech_context,
            voiced_cue=voiced_cue,
        )
    ):
        return "scare_quote"  # *wird wegen „fahrlässiger Gefährdung …“ ermittelt*
    if n >= min_speech_words or final or before.endswith(":"):
        return "strong_speech"
    if (
        speech_context
        and _speech_word(toks, text, r, unit_start, cue_lemmas)
        and not topic_of_speech(toks, text, r, cue_lemmas)
        and not author_relative_clause(toks, text, r, cue_lemmas, unit_start)
        # *war von einem „…“ die Rede* with nobody who talks: a term in the air
        and not impersonal_talk(text, r, unit_start)
        # *veröffentlichte ein „offizielles Statement“*: the published thing, not its words
        and not published_document(toks, r, cue_lemmas)
    ):
        # (not the topic talked about: *sagte X zum „Neuanfang“*); a bare capitalised word
        # (*nennt „Twitter“*, *die Modelle „Touareg“*, *neue „Farbkonstellationen“*) is a
        # name or a term, not the speaker's word: no speech, and no scare quote either
        bare = bare_single_term(toks, first_token(toks, r), inner, naming=naming)
        return "none" if bare else "speech"
    if (
        voiced_cue
        and not speech_context
        and inner[:1].islower()
        and _speech_word(toks, text, r, unit_start, cue_lemmas)
    ):
        return "speech"  # *berief sich X auf einen „übergesetzlichen Notstand“*
    if (
        not speech_context
        and not _SO_CALLED.search(text, max(unit_start, r.start - 16), r.start)
        and reported_sentence(toks)
    ):
        return "speech"  # *unterstütze die SPD „voll umfänglich“*: reported speech
    if 1 <= n <= max_scare_words:  # empty marks (»«) quote nothing
        return _last_stage(toks, text, r, inner, unit_start, has_cue=bool(cue_lemmas))
    return "none"


def _last_stage(
    toks: Sequence[Tok], text: str, r: QuotedRegion, inner: str, unit_start: int, *, has_cue: bool
) -> str:
    """A short quotation without speech found so far: speech after all (a judging verb's
    *als* predicate, hearsay *sollen*, a judgement holder: *Für den Minister ist es „…“*, a
    source right after the marks: *„…“ (laut X)*, a
    first- or second-person pronoun inside: *„Ich habe fertig“*), a name
    (:func:`.scarecues.names_a_thing`, a medium of a statement, an abbreviation, translation
    or explanation in parentheses right after the marks: *„Sauerlandlinie“ (Bundesautobahn
    45)*, *„Tondar“ (Donner)*), or a scare quote. Never after *so genannt* (the author's distancing)."""
    if not _SO_CALLED.search(text, max(unit_start, r.start - 16), r.start) and (
        as_predicate(toks, r, AS_CUES)
        or hearsay_clause(toks, r)
        or attitude_holder(toks)
        or _SOURCE_AFTER.match(text, r.end)
        or any(w.lower().strip(".,;:!?") in _FIRST_SECOND_PERSON for w in inner.split())
        or uttered(text, r)
        or (has_cue and document_frame(toks, r))
        or possessed_speech_noun(toks, r)
        or self_presentation(toks, text, r)
        or speaker_before_colon(toks, r)
        or attributed_by_subject(toks, r, first_token(toks, r))
        or genitive_speech_noun(toks, first_token(toks, r))
        or impersonal_report(text, r, unit_start)
    ):
        return "speech"
    if reported_by_next_sentence(toks, text):
        # *… der Regierung „assistieren“. Das erklärte General X*: the speaker's word, but
        # no quotation of its own — the extractor makes the whole sentence X's indirect
        # quotation when it reads the next one
        return "none"
    head = inner.rsplit("-", 1)[-1].lower() if "-" in inner and " " not in inner else ""
    if (
        names_a_thing(inner, title_head=bool(head) and is_title_noun(head))
        or (medium_of_statement(toks, r, has_cue=has_cue) and len(inner.split()) <= 2)
        or _EXPLAINED_AFTER.match(text, r.end)
        or article_mismatch(text, inner, r)
        or lower_case_noun(text, inner, r)
        or announced_as_title(text, r, unit_start, title_noun=is_title_noun)
        or graded(toks, text, r)
        or work_title(toks, text, r)
        or named_place_or_award(toks, text, r)
        or called_by_heissen(toks, text, r)
        or programme_or_event(toks, text, r)
        or nickname_apposition(toks, text, r)
        or class_apposition(text, r, inner)
        or operation_name(inner)
        or online_handle(toks, text, r, inner)
    ):
        return "name_or_title"
    return "scare_quote"


def _speech_word(
    toks: Sequence[Tok], text: str, r: QuotedRegion, unit_start: int, cue_lemmas: frozenset[str]
) -> bool:
    """Is a short quotation in a speech context the speaker's word rather than the author's?

    Not after *so genannt*/*sogenannt* (the author's distancing), and after *als* only when
    a cue predicates with *als* (*bezeichnete den Plan als „Wortbruch“*): without one, the
    *als* phrase is the author's (*die als „nebelartig“ beschrieben wurden*, *der sich als
    „Bürgerjournalist“ engagierte*).
    """
    if _SO_CALLED.search(text, max(unit_start, r.start - 16), r.start):
        return False
    first = first_token(toks, r)
    if first is not None and first > 0 and toks[first - 1].lower == "als":
        # the cue may stand after the quotation or be a participle (*als „…“ bezeichnet*);
        # an agentless passive has no speaker (*die als „nebelartig“ beschrieben wurden*)
        return (
            not cue_lemmas.isdisjoint(AS_CUES) or any(t.lemma in AS_CUES for t in toks)
        ) and not agentless_passive(toks)
    return True


def _named_thing(
    toks: Sequence[Tok], text: str, r: QuotedRegion, inner: str, *, speech_context: bool = False
) -> bool:
    """A short span that names something: starting with a capital or a digit, and with a
    number in it (*„Stuttgart 21“*, *„E1“*, *„4. Winterwelt“*) or right after its class noun
    (*die Kategorie „Technik“*, *der Wirbelsturm „Nargis“*, *die Parole „Britain First“*).

    Why the capital: a name starts with one; a partial quotation usually does not (*der
    Regierung „assistieren“*, *„bereits zu 99 %“*, *voll umfänglich*).
    """
    if not (inner[:1].isupper() or inner[:1].isdigit()):
        return False  # *„bereits zu 99 %“*: a partial quotation
    return (
        bool(_DIGIT.search(inner))
        or _after_noun(toks, r)
        # names are singular: a plural common noun quoted again is a term — outside a
        # speech context only, where it would otherwise become a quotation of its own
        or (_quoted_again(text, r) and (speech_context or not plural_term(inner)))
    )


def _quoted_again(text: str, r: QuotedRegion) -> bool:
    """Is the same capitalised span quoted elsewhere in the document (*die „Troika“ … der
    „Troika“*), also in the genitive (*des «Schweizerhauses»* … *das «Schweizerhaus»*)? A
    name is referred to again and again; an author's scare quote rarely is."""
    words = text[r.start + 1 : r.end - 1]
    if words.endswith("es") and len(words) > 5 and _quoted_again_exact(text, r, words[:-2]):
        return True  # *des «Schweizerhauses»* … *das «Schweizerhaus»*
    if words.endswith("s") and len(words) > 4 and _quoted_again_exact(text, r, words[:-1]):
        return True
    return _quoted_again_exact(text, r, words)


def _quoted_again_exact(text: str, r: QuotedRegion, words: str) -> bool:
    i = text.find(words)
    while i != -1:
        j = i + len(words)
        if i != r.start + 1 and i > 0 and text[i - 1] in _MARKS and text[j : j + 1] in _MARKS:
            return True  # the whole span again, not a longer word (*„Beitrittskandidatenstatus“*)
        i = text.find(words, i + 1)
    return False
