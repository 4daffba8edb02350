"""Where a source phrase's content ends before a second speaker's own statement.

Why: a source phrase (*nach Angaben der Veranstalter*, *laut X*) attributes the clause around
it, and at the start of a sentence the whole sentence. News often sets a second source's
figure or verdict beside it in a comma-joined main clause of its own: *Nach Angaben der
Veranstalter kamen 5.000 Menschen, die Polizei spricht von 2.000.* The second main clause
has its own subject and reporting verb, so it is that subject's statement (reported speech,
:mod:`.verbquote`), not part of what the first source said. Without the cut the source
quotation swallows it, and the verb inside an indirect quotation is taken for part of the
content and yields nothing.

Limits: only a clause that opens with a noun phrase directly followed by the reporting
verb (subject first); an inverted clause (*…, dagegen spricht die Polizei von …*) and a
second clause without a reporting verb (*…, die Polizei war vor Ort*) stay in the content.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from medialens.nlp.attribution.clausebounds import _second_main_clause
from medialens.nlp.attribution.mainclause import _MAX_SUBJECT, subject_first
from medialens.nlp.attribution.units import Tok


def second_speaker_clause(
    toks: Sequence[Tok], a: int, start: int, b: int, verbs: Collection[int]
) -> int | None:
    """The comma in ``toks[start:b]`` (``start`` after the source phrase, ``a`` the start of
    the source's clause) after which a main clause of another speaker begins: a noun phrase
    subject followed by a reporting verb (a token index in ``verbs``). None when there is
    none."""
    if not verbs:
        return None
    for k in range(start, b - 2):
        t = toks[k]
        if t.text != "," or t.q >= 0:
            continue
        verb = next((v for v in verbs if k + 2 <= v <= k + 1 + _MAX_SUBJECT and v < b), None)
        if verb is None:
            continue
        if subject_first(toks, k + 1, verb) is not None and _second_main_clause(toks, a, k + 1):
            return k
    return None
