"""Eighth-round cues: grades, works, venues, nicknames and speech nouns around a quotation.

Why a module of its own: on unseen text (the fresh held-out half and the untouched test set)
most false scare quotes are, by issue #14, names and titles with no class noun right before
the marks — a work named in a sentence about performing, filming or airing it (*Goethes
„Faust“ wurde in Weimar aufgeführt*), a grade or a test verdict (*mit „sehr gut“ bewertet*),
a venue, a prize, an event, a nickname — and partial quotations whose speaker is a possessive before a noun of saying (*seine Forderung nach „mehr
Gerechtigkeit“*), a speaker before a colon, a judgement holder after the copula, or a
self-presentation (*zeigte sich „enttäuscht“*). :func:`.scare._last_stage` asks these
questions only for a quotation that would otherwise become a scare quote, so they never change
what counts as speech or a name elsewhere (the quotation output stays as it was, except where
the last stage already answers *speech*).

Cost: set look-ups on the unit's lower-case tokens, and a few string tests on at most 60
characters around the marks; nothing runs before the last stage.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.marks import QuotedRegion
from medialens.nlp.attribution.morphology import analyse
from medialens.nlp.attribution.reference import speaker_like
from medialens.nlp.attribution.scarecues import first_token, last_token
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import ARTICLES, wordset

#: German school grades, university distinctions and test verdicts: as a whole quotation they
#: name a grade (*mit „sehr gut“ bewertet*, *das Prädikat „summa cum laude“*), not a word the
#: author sets apart
GRADES: frozenset[str] = frozenset(
    """sehr gut|gut|befriedigend|ausreichend|mangelhaft|ungenügend|genügend|nicht genügend
    |sehr befriedigend|vollbefriedigend|gut bis sehr gut|befriedigend bis gut|summa cum laude
    |magna cum laude|cum laude|rite|non sufficit|insufficienter|mit auszeichnung|bestanden
    |nicht bestanden|sehr gut bestanden|gut bestanden|hervorragend|exzellent""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
#: words of grading in the unit (lower-case forms): a grade word needs one of them, since a
#: bare *„gut“* may be the author's irony (*war „gut“ darin*)
GRADING_WORDS: frozenset[str] = wordset(
    """
    note noten gesamtnote abschlussnote endnote durchschnittsnote zensur zensuren prädikat
    bewertet bewertete bewerteten bewertung bewertungen benotet benotete benoteten benotung
    beurteilt beurteilung urteil testurteil qualitätsurteil gesamturteil zeugnis abitur
    abschluss abgeschlossen examen staatsexamen prüfung promotion promoviert promovierte
    bestand bestanden abgeschnitten schnitt schnitten testsieger warentest
    """
)
#: words that make a sentence about a work — performing, filming, broadcasting, publishing
#: it — or its genre (lower-case forms, not lemmas: the unit's tokens are compared as they
#: stand). A capitalised quotation in such a sentence is the work's title (*Die Premiere von
#: „…“*, *Er spielte in „…“ den Kommissar*, *Goethes „…“ wurde aufgeführt*). Not words that
#: also frame statements (*veröffentlichte*, *schrieb*, *erschien*): a report is published
#: and quoted too.
WORK_WORDS: frozenset[str] = wordset(
    """
    aufgeführt aufführung aufführungen uraufgeführt uraufführung uraufführungen inszeniert
    inszenierte inszenierung inszenierungen premiere premieren verfilmt verfilmte verfilmung
    vertont vertonte vertonung regie regisseur regisseurin hauptrolle hauptrollen nebenrolle
    titelrolle titelrollen ausgestrahlt ausstrahlung staffel staffeln episode episoden
    drehbuch gedreht kinos kinofilm spielfilm spielfilme fernsehfilm fernsehserie serie
    sendung sendungen talkshow roman romane romans erzählung novelle gedicht gedichte
    theaterstück bühnenstück komödie tragödie oper operette musical sinfonie symphonie
    ballett hörspiel film filme films filmen album alben single singles lied lieder
    hit charts bestseller ballade ouvertüre arie kantate oratorium gemälde skulptur
    comic comics videospiel computerspiel bühne bühnen spielzeit schauspieler schauspielerin
    moderiert moderierte moderator moderatorin komponiert komponierte komponist komponistin
    """
)
#: nouns of saying whose complement is what was said (*seine Forderung nach „…“*, *ihre
#: Warnung vor „…“*, *sein Ruf nach „…“*) — with a possessive before them the quoted words
#: are the possessor's
SPEECH_NOUNS: frozenset[str] = wordset(
    """
    forderung forderungen ruf rufe appell appelle warnung warnungen aufruf aufrufe vorwurf
    vorwürfe bekenntnis versprechen zusage zusagen ankündigung drohung drohungen rede worte
    bitte plädoyer mahnung
    """
)
_POSSESSIVES = wordset(
    "sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres dessen deren"
)
_LINK_PREPOSITIONS = wordset("nach vor von vom zu zum zur an am auf über")


def graded(toks: Sequence[Tok], text: str, r: QuotedRegion) -> bool:
    """Is the whole quotation a grade or test verdict (*„sehr gut“*, *„summa cum laude“*,
    *„mangelhaft“*) in a unit that talks about grading (*Note*, *bewertet*, *Prädikat*,
    *bestanden*, *Testurteil*)?

    Limits: a grade word without a grading word in the unit stays a scare quote (*war „gut“
    darin*); a grade scale of another country (*„A+“*) is caught, if at all, as a name by its
    shape.
    """
    inner = text[r.start + 1 : r.end - 1].strip().lower()
    if inner not in GRADES:
        return False
    return any(t.lower in GRADING_WORDS for t in toks if t.q < 0)


def work_title(toks: Sequence[Tok], text: str, r: QuotedRegion) -> bool:
    """Is a capitalised quotation of one to four words (or one starting with a digit) in a
    unit about a work — performing, filming, broadcasting it or its genre (*Goethes „Faust“
    wurde in Weimar aufgeführt*, *Er spielte im „Tatort“ die Hauptrolle*)?

    Why: a title needs no class noun right before the marks when the sentence names the kind
    of work elsewhere; the author's scare quotes in such sentences are mostly lower-case
    (*eine „nuschelnde“ Figur*), which this rule leaves alone.

    Limits: a capitalised common noun the author sets apart in a sentence about a film (*Der
    Film zeigt die „Helden“ des Alltags*) is read as a title.
    """
    inner = text[r.start + 1 : r.end - 1]
    if not (inner[:1].isupper() or inner[:1].isdigit()):
        return False
    return any(t.lower in WORK_WORDS for t in toks if t.q < 0)


def possessed_speech_noun(toks: Sequence[Tok], r: QuotedRegion) -> bool:
    """Does the quotation complete a noun of saying with a possessive before it (*seine
    Forderung nach „mehr Gerechtigkeit“*, *ihre Warnung vor einem „Flächenbrand“*, *dessen
    Rede von „…“*)? Then it renders what the possessor said: speech, not the author's
    distancing. (An impersonal *die Rede ist von „…“* names no speaker and is left alone.)

    Limits: a noun of saying with a genitive speaker after it (*die Forderung der Gewerkschaft
    nach „…“*) is not looked at; without a possessive (*die Forderung nach „…“*) the words
    may be the author's.
    """
    first = first_token(toks, r)
    if first is None or first < 2:
        return False
    k = first - 1
    if toks[k].lower in ARTICLES and k > 0:
        k -= 1  # *vor einem „…“*
    if toks[k].lower not in _LINK_PREPOSITIONS or k < 1:
        return False
    noun = toks[k - 1]
    if noun.lower not in SPEECH_NOUNS or k < 2:
        return False
    return toks[k - 2].lower in _POSSESSIVES


#: verbs of self-presentation: *sich „…“ zeigen/geben/sehen/fühlen* presents the subject's
#: stance in its own words (*Der Verband zeigte sich „enttäuscht“*), as does *„…“ reagieren*
_SELF_VERBS = wordset("zeigen geben sehen fühlen")
_REACT_VERBS = wordset("reagieren")


def self_presentation(toks: Sequence[Tok], text: str, r: QuotedRegion) -> bool:
    """Is a lower-case quotation the predicate of a verb of self-presentation (*Der Verband
    zeigte sich „enttäuscht“*, *Die Ministerin gab sich „zuversichtlich“*, *…, dass sich der
    Vorstand „gut aufgestellt“ sieht*) or the manner of *reagieren* (*Die Anwohner
    reagierten „entsetzt“*)? Such a sentence reports a statement of the subject — a partial
    quotation, not the author's distancing.

    Limits: *sich* and the verb must stand within four tokens before the marks (the verb also
    within three after them); the subject is not checked
    (*Die Börse zeigte sich „robust“* is read as speech).
    """
    if not text[r.start + 1 : r.start + 2].islower():
        return False
    first = first_token(toks, r)
    if first is None or first < 1:
        return False
    near = toks[max(0, first - 4) : first]
    last = last_token(toks, r)
    after = toks[last + 1 : last + 4] if last is not None else ()
    if after and after[0].text[:1].isupper():
        return False  # *mit „fremden“ Männern*: an attribute of the noun after the marks
    if any(t.lemma in _REACT_VERBS and t.q < 0 for t in (*near, *after)):
        return True  # *reagierten „entsetzt“*, *…, die „gelassen“ reagierte*
    return any(t.lower == "sich" and t.q < 0 for t in near) and any(
        t.lemma in _SELF_VERBS and t.q < 0 for t in (*near, *after)
    )


#: words of something held or staying in a place (*fand im „…“ statt*, *gastierte im „…“*):
#: the quotation after a local preposition names the place
VENUE_WORDS: frozenset[str] = wordset(
    """
    stattfinden stattfindet stattfand stattfanden stattgefunden stattfinde gastiert gastierte
    gastierten übernachtet übernachtete übernachteten
    """
)
#: words of an award (*wurde mit dem „…“ ausgezeichnet*, *für den „…“ nominiert*) or a
#: business (*eröffnete das „…“*): the quotation after a definite article names the prize or
#: the business
AWARD_WORDS: frozenset[str] = wordset(
    """
    verliehen verlieh verleiht verleihung ausgezeichnet auszeichnung nominiert nominierung
    nominierungen prämiert preisträger preisträgerin preisträgern eröffnet eröffnete
    eröffneten betreibt betrieb betreiber betreiberin
    """
)
#: a preposition fused with the article (*im*, *zum*) or a preposition before one
_LOCAL_FUSED = wordset("im ins am beim zum zur vom")
_LOCAL_PREPOSITIONS = wordset("in an auf aus bei vor hinter neben")
_DEFINITE = wordset("der die das des dem den")


def named_place_or_award(toks: Sequence[Tok], text: str, r: QuotedRegion) -> bool:
    """Is a capitalised quotation of one to three words the venue of something held (*Die
    Feier fand im „Kesselhaus“ statt*, *gastierte in der „Markthalle“*: after a local
    preposition) or, after a definite article, an award or a business (*mit dem „Oscar“
    ausgezeichnet*, *für den „Bambi“ nominiert*, *Er eröffnete das „Tiefgeschoss“*)?

    Why: a quoted common noun in the place of a venue or a prize names one (a club, a hall, a
    restaurant, a trophy); the author's scare quotes are rarely the place where something
    happens. The separable *statt* counts only at the end of its clause (*fand … statt.*),
    not the preposition *statt „…“*.

    Limits: a quoted metaphorical place (*fand im „Hinterzimmer“ statt*) is read as a name.
    """
    inner = text[r.start + 1 : r.end - 1]
    if not inner[:1].isupper() or len(inner.split()) > 3:
        return False
    first = first_token(toks, r)
    if first is None or first < 1:
        return False
    prev = toks[first - 1].lower
    local = prev in _LOCAL_FUSED or (
        prev in _DEFINITE and first >= 2 and toks[first - 2].lower in _LOCAL_PREPOSITIONS
    )
    if not (local or prev in _DEFINITE):
        return False
    for k, t in enumerate(toks):
        if t.q >= 0:
            continue
        if t.lower in AWARD_WORDS:
            return True
        if not local:
            continue
        if t.lower in VENUE_WORDS or (
            t.lower == "statt" and (k + 1 == len(toks) or not toks[k + 1].text[:1].isalnum())
        ):
            return True  # *fand … statt.*: the separable particle at the end of the clause
    return False


def speaker_before_colon(toks: Sequence[Tok], r: QuotedRegion) -> bool:
    """Does the unit open with a short speaker-like noun phrase and a colon, the quotation
    after it (*Der Minister: ein „Meilenstein“ für das Land*, *Die Opposition: „Wortbruch“*)?
    That is the headline and caption form of attribution; *Das Ergebnis: ein „…“* (no
    speaker) stays the author's.

    Only a determiner-led phrase of two to five words counts: a single word before a colon
    is as often a dateline or a topic (*Berlin: …*, *Ukraine-Krieg: …*) as a speaker.

    Limits: judged by :func:`.reference.speaker_like`; a surname alone (*Merz: …*) is missed.
    """
    first = first_token(toks, r)
    if first is None:
        return False
    colon = next((k for k in range(min(first, 6)) if toks[k].text == ":"), None)
    if colon is None or colon < 2 or any(t.q >= 0 for t in toks[:colon]):
        return False
    return toks[0].lower in _SPEAKER_DETERMINERS and speaker_like(toks, 0, colon)


#: finite and infinitive forms of *heißen* ("be called")
_HEISSEN = wordset("heißt hieß hießen heißen heiße hieße")
_CLAUSE_BREAK = frozenset(",;:()–—")
#: determiners that open a speaker phrase before a colon (*Der Minister: …*)
_SPEAKER_DETERMINERS = wordset("der die das ein eine sein seine ihr ihre")


def called_by_heissen(toks: Sequence[Tok], text: str, r: QuotedRegion) -> bool:
    """Does a form of *heißen* stand before the marks in the same clause (*Bei den Fans
    heißt er nur „der Kaiser“*, *Im Volksmund hieß der Platz „…“*)? The quotation is the
    name something is called by — not *heißt es* (a report: *heißt es, die „…“*).

    The quotation must look like a name (a capital or a digit first, or an article and a
    capital: *„der Große“* is lower-case only by its article); *das heißt* is a connective
    (*Das heißt, die „…“*) and *willkommen heißen* a greeting, not a naming.

    Limits: at most five tokens between the verb and the marks, no punctuation among them.
    """
    first = first_token(toks, r)
    if first is None:
        return False
    words = text[r.start + 1 : r.end - 1].split()
    if not words or not (
        words[0][:1].isupper()
        or words[0][:1].isdigit()
        or (len(words) > 1 and words[0] in ARTICLES and words[1][:1].isupper())
    ):
        return False
    for k in range(first - 1, max(-1, first - 7), -1):
        t = toks[k]
        if t.q >= 0 or t.text in _CLAUSE_BREAK:
            return False
        if t.lower in _HEISSEN:
            before = toks[k - 1].lower if k > 0 else ""
            after = toks[k + 1].lower if k + 1 < len(toks) else ""
            return after not in ("es", "das") and before != "das"
    return False


#: broadcasters: a capitalised quotation in a sentence about what one shows or airs (with no
#: speech found) is a programme (*Die ARD strahlt „…“ am Sonntag aus*)
BROADCASTERS: frozenset[str] = wordset(
    "ard zdf rtl sat.1 prosieben pro7 vox arte 3sat wdr ndr mdr swr rbb orf srf kika phoenix "
    "n-tv ntv"
)
#: heads of event and club names (*zum „Lichterfest“*, *beim „Stadtmarathon“*, *beim
#: „Sportclub“*); compounds only, the head alone (*zum „Fest“*) may be the author's word
EVENT_HEADS: tuple[str, ...] = (
    "fest",
    "festival",
    "rennen",
    "turnier",
    "gala",
    "cup",
    "meisterschaft",
    "konzert",
    "marathon",
    "spektakel",
    "club",
    "klub",
    "verein",
)
#: a fused preposition and article before an event or a club (*beim*, *zum*, *am* …)
_EVENT_FUSED = wordset("beim zum zur vom am im")
#: compounds with an event head that are no event (*Manifest*)
_NOT_EVENTS = wordset("manifest")


def programme_or_event(toks: Sequence[Tok], text: str, r: QuotedRegion) -> bool:
    """Is a capitalised quotation a broadcast programme (a unit that names a broadcaster or
    airs something: *Die ARD strahlt „Nachtwache“ am Sonntag aus*) or a single compound
    naming an event or a club after a fused preposition (*Tausende kamen zum
    „Lichterfest“*, *beim „Stadtmarathon“*, *sie trainiert beim „Sportclub“*)?

    Limits: any capitalised quotation in a unit that names a broadcaster is read as a
    programme (the last stage sees it only when no speech was found there); an event known
    by a head not listed (*-lauf*, *-tag*: also *Verlauf*, *Alltag*) is missed.
    """
    inner = text[r.start + 1 : r.end - 1]
    if not inner[:1].isupper():
        return False
    if any(t.lower in BROADCASTERS and t.q < 0 for t in toks) or any(
        t.lower in _AIRING and t.q < 0 for t in toks
    ):
        return True
    first = first_token(toks, r)
    if first is None or first < 1 or toks[first - 1].lower not in _EVENT_FUSED:
        return False
    word = inner.lower()
    return (
        " " not in word
        and word not in _NOT_EVENTS
        and any(word.endswith(h) and len(word) >= len(h) + 3 for h in EVENT_HEADS)
    )


#: forms of airing and broadcasting (*strahlt … aus*, *sendet*, *gesendet*)
_AIRING = wordset("strahlt strahlte strahlten sendet sendete sendeten gesendet")


def nickname_apposition(toks: Sequence[Tok], text: str, r: QuotedRegion) -> bool:
    """Is a single capitalised quoted word, with its article, an apposition to a proper name
    between commas (*Franz Huber, der „Kaiser“, wurde 70*)? A name followed by *der „X“*
    gives the person's nickname.

    Limits: the word before the comma must be one the noun lexicon knows as a proper name
    (also a surname that is a common noun too, *Müller*) or does not know at all; *Die
    Regierung, die „Reformer“, …* is left alone; a place's nickname (*Köln, die „…“*) is a
    name too.
    """
    inner = text[r.start + 1 : r.end - 1]
    if " " in inner or not inner[:1].isupper():
        return False
    first = first_token(toks, r)
    last = last_token(toks, r)
    if first is None or last is None or first < 3:
        return False
    if toks[first - 1].lower not in ("der", "die", "das") or toks[first - 2].text != ",":
        return False
    nxt = toks[last + 1].text if last + 1 < len(toks) else ""
    if nxt not in (",", ")", "–", "—", "."):
        return False
    name = toks[first - 3]
    if name.q >= 0 or not name.text[:1].isupper() or not name.text.isalpha():
        return False
    info = analyse(name.text)
    return info is None or info.name
