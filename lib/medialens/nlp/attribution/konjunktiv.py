"""Recognise German Konjunktiv I/II verb forms — the grammatical mark of indirect speech.

Why: German news reports what someone said in the subjunctive (*Russland habe nichts
mitzureden*, *Die Truppen würden nicht …*); a clause with such a form after a reporting verb, or
a sentence with one after a quotation, is indirect speech. Without a tagger we decide per word:
a closed list of unambiguous forms (*sei, habe, hätte, würde, könne, wäre …*) plus the regular
3rd person singular Konjunktiv I ``stem + e`` whose lookup lemma is ``stem + en``
(*gebe/geben, stehe/stehen*).

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
    ginge gingen stünde stünden läge lägen wüsste wüssten ließe ließen hielte sähe täte
    bliebe fände bräuchte bräuchten
    """
)

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
