"""The span of a reported quotation in a sentence that contrasts two statements (*während*,
*wohingegen*) or concedes one (*obwohl*, *obgleich*).

Why: the reported-speech rule (:mod:`.verbquote`, step d) takes the whole unit as what was
said. A contrastive *während* joins two statements, often of two sources (*Während die
Polizei von 4.000 Teilnehmern sprach, zählten die Veranstalter 9.000*; *Die USA lehnten den
Antrag ab, während die EU ihn begrüßte*): each clause is the report of its own speech act,
not both. A concessive clause (*…, obwohl die Stadt Zuschüsse zugesagt hatte*) is the
reporter's comment on the statement, not part of it. The temporal *während* + noun
(*während der Sitzung*) is a preposition, not a clause, and is left alone (a clause needs the
comma before or after it).
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.attribution.clausebounds import _verb_opens as verb_opens
from medialens.nlp.attribution.units import Tok
from medialens.nlp.attribution.wordlists import wordset

#: conjunctions of a contrast or concession that join two statements
_CONTRAST = wordset("während wohingegen obwohl obgleich")


def contrast_span(toks: Sequence[Tok], ci: int, last: int, a: int, b: int) -> tuple[int, int]:
    """The part of ``[a, b)`` that reports the cue at ``ci`` (its last token ``last``) when a
    *während*/*obwohl*-clause contrasts or concedes; ``(a, b)`` unchanged otherwise.

    * *Während A …, V S …* with the cue in the main clause: from the finite verb after the
      comma that closes the fronted clause;
    * *S V …, während A …* with the cue in the main clause: up to that comma;
    * the cue in the trailing *während*-clause: from *während* to the end.
    """
    if not any(t.lower in _CONTRAST and t.q < 0 for t in toks[a:b]):
        return a, b  # (cheap test first: most units have none)
    if toks[a].lower in _CONTRAST:
        close = next(
            (
                k
                for k in range(a + 2, ci)
                if toks[k].text == "," and toks[k].q < 0 and verb_opens(toks, k + 1)
            ),
            None,
        )
        if close is not None:
            a = close + 1
    for k in range(a + 1, b - 1):
        t = toks[k]
        if t.text != "," or t.q >= 0 or toks[k + 1].lower not in _CONTRAST or toks[k + 1].q >= 0:
            continue
        if k > last:
            return a, k  # the contrast follows the cue's clause
        if not any(toks[j].text == "," and toks[j].q < 0 for j in range(k + 2, ci)):
            return k + 1, b  # the cue is in the trailing *während*-clause
    return a, b
