"""Recognise German Konjunktiv I/II verb forms — the grammatical mark of indirect speech.

Why: German news reports what someone said in the subjunctive (*Russland habe nichts
mitzureden*, *Die Truppen würden nicht …*); a clause with such a form after a reporting verb, or
a sentence with one after a quotation, is indirect speech. Without a tagger we decide per word:
a closed list of unambiguous forms (*sei, habe, hätte, würde, könne, wäre …*) plus the regular
3rd person singular Konjunktiv I ``stem + e`` whose lookup lemma is ``stem + en``
(*gebe/geben, stehe/stehen*). The list includes the spelling before 1901 (*er sey*, *sie seyen*;
*müßte*).

Limits: plural Konjunktiv I equals the indicative (*sie haben*) and is not recognised (news
then uses Konjunktiv II, which is); ``sollte``/``wollte`` are past indicative as often as
Konjunktiv II and are left out; a 1st person singular indicative (*ich sage*) looks like
Konjunktiv I — harmless outside quotations, which are masked before this test.
"""

from __future__ import annotations

from medialens.nlp.attribution.wordlists import wordset

#: unambiguous Konjunktiv forms (3rd person; the usual forms in reported speech)
KONJUNKTIV_FORMS: frozenset[str] = wordset(
    """
    sei seien seiest habe werde könne müsse solle wolle dürfe möge wisse gebe gehe komme
    stehe liege lasse bleibe brauche handle handele sehe finde gelte heiße trage halte
    bestehe entstehe fehle laufe scheine treffe wäre wären hätte hätten würde würden könnte
    könnten müsste müssten müßte müßten dürfte dürften möchte möchten gäbe gäben käme kämen
    ginge stünde stünden läge lägen wüsste wüssten ließe hielte sähe täte
    bliebe fände bräuchte bräuchten
    sey seyen seyest
    """
)
#: plural Konjunktiv II of strong and mixed verbs with umlaut, distinct from the past
#: indicative (*sie brächten, stünden, befänden*): reporters use them for the plural
#: Konjunktiv I that equals the indicative (*sie bringen*)
STRONG_PLURAL_KONJUNKTIV_II: frozenset[str] = wordset(
    """
    brächten dächten säßen befänden bestünden entstünden entsprächen sprächen nähmen
    träfen zögen verlören gälten stürben fänden sähen täten ergäben lägen
    """
)
KONJUNKTIV_FORMS = KONJUNKTIV_FORMS | STRONG_PLURAL_KONJUNKTIV_II

#: lower-case words ending in -e that are never verbs (determiners, pronouns, adverbs)
_NOT_VERBS: frozenset[str] = wordset(
    """
    die eine keine meine deine seine ihre unsere eure diese jene welche alle beide einige
    manche viele wenige andere solche jede jene gerne ohne bitte heute morgen ende gegenüber
    etliche mehrere sämtliche derselbe dieselbe
    """
)


def is_konjunktiv(word: str, lemma: str) -> bool:
    """Is ``word`` (with its lookup ``lemma``) a Konjunktiv verb form?"""
    if word in KONJUNKTIV_FORMS:
        return True
    if not word or not word[0].islower() or not word.endswith("e") or word in _NOT_VERBS:
        return False
    return len(word) > 3 and lemma.endswith("en") and lemma == word + "n"


#: singular Konjunktiv II forms: in news mostly conditional (*das wäre*, *EADS müsste*), not
#: reported speech; a sentence continues indirect speech only with Konjunktiv I or a plural
#: Konjunktiv II (which replaces the plural Konjunktiv I that equals the indicative)
SINGULAR_KONJUNKTIV_II: frozenset[str] = frozenset(
    wordset("wäre hätte würde könnte müsste müßte dürfte möchte gäbe käme ginge stünde läge")
    | wordset("wüsste ließe hielte sähe täte bliebe fände bräuchte")
)
_FIRST_PERSON = wordset("ich wir")
#: plural Konjunktiv II of *können/dürfen*: in news mostly the journalist's own estimate
#: (*Die Schäden dürften erheblich sein*, *Die Teile könnten sich verteilen*)
EPISTEMIC_MODALS: frozenset[str] = wordset("könnten dürften")


def reported_konjunktiv(words: list[tuple[str, str]]) -> bool:
    """Does a sentence (``(word, lemma)`` pairs outside quotations) carry indirect speech?

    Konjunktiv I or a plural Konjunktiv II; a form next to *ich*/*wir* is an indicative.
    """
    n = len(words)
    if n > 2 and words[0][0].lower() in PRONOUN_SUBJECTS and _looks_konjunktiv_i(words[1][0]):
        return True  # *Dies bedinge …*: the verb in second position after a pronoun
    for k, (w, lemma) in enumerate(words):
        if (
            w in SINGULAR_KONJUNKTIV_II
            or w in EPISTEMIC_MODALS
            or (w not in KONJUNKTIV_FORMS and w[-1:] != "e")  # (exact prefilter: no call)
            or not is_konjunktiv(w, lemma)
        ):
            continue
        prev = words[k - 1][0].lower() if k else ""
        nxt = words[k + 1][0].lower() if k + 1 < n else ""
        if prev in _FIRST_PERSON or nxt in _FIRST_PERSON:
            continue
        if w not in KONJUNKTIV_FORMS and _attributive_form(words, k):
            continue  # *das achte Land*: an ordinal or adjective, not a verb
        return True
    return False


#: articles before an ordinal or adjective in *-e* (*das achte Land*, *die rechte Hand*)
_ARTICLES: frozenset[str] = wordset(
    "der die das dem den ein eine einer eines einem einen jede jeder jedes diese dieser"
)


def _attributive_form(words: list[tuple[str, str]], k: int) -> bool:
    """Is the regular Konjunktiv-looking form at ``k`` (not of the closed list) an ordinal or
    adjective between an article and a capitalised noun (*das achte Land*)? A demonstrative
    subject before a verb (*Das achte er nicht*) has no noun after the form."""
    if not k or k + 1 >= len(words) or words[k - 1][0].lower() not in _ARTICLES:
        return False
    return words[k + 1][0][:1].isupper()


#: one-word first fields after which the next word is the finite verb
#: (not *das/diese*, which are also determiners: *Das letzte Beben*)
PRONOUN_SUBJECTS = wordset("dies er sie es man")


def _looks_konjunktiv_i(word: str) -> bool:
    """A lower-case 3rd person Konjunktiv I form in second position (*bedinge*, *verlaufe*)
    that the lookup table does not know: ends in ``-e``, not a known non-verb, not a
    singular Konjunktiv II (mostly conditional). Only used right after a pronoun subject,
    where the second word is the finite verb."""
    return (
        len(word) > 3
        and word[:1].islower()
        and word.endswith("e")
        and not word.endswith(("te", "de"))  # weak past *musste*, *wurde*: indicative
        and word.isalpha()
        and word not in _NOT_VERBS
        and word not in SINGULAR_KONJUNKTIV_II
    )


_UMLAUTS = str.maketrans("äöü", "aou")


def umlaut_konjunktiv_ii(word: str, lemma: str) -> bool:
    """Is ``word`` a Konjunktiv II of a strong verb that the closed list does not hold
    (*befände, verstünde, erhöbe, zöge, verlören*): a lower-case form in *-e*/*-en* with an
    umlaut whose lookup lemma is a verb (*-en*) without that umlaut?

    Why: after a reporting verb such a form marks the clause as reported (*Einige vertreten
    die Auffassung, die Welt befände sich …*) as the listed *fände* does; the past indicative
    of a strong verb has no umlaut, and a verb whose infinitive has one (*wählen, führen*)
    is excluded by the lemma test. Not used for continuations: in a sentence of its own a
    singular Konjunktiv II is mostly conditional (see :data:`SINGULAR_KONJUNKTIV_II`).
    Limits: needs the lookup lemma; a form the table does not know is not recognised.
    """
    if len(word) < 4 or not word[:1].islower() or not word.endswith(("e", "en")):
        return False
    if not lemma.endswith("en") or lemma == word:
        return False
    bent = [c for c in word if c in "äöü"]
    return bool(bent) and not any(c in lemma for c in bent) and word.translate(_UMLAUTS) != lemma
