"""A direct quotation inside the content of a speech-act noun is that noun's source's words:
*Auf den Vorwurf der Opposition, es handele sich um ein „teures Prestigeprojekt“, entgegnete
der Bürgermeister, …* quotes the Opposition, not the Bürgermeister.

Why: a partial direct quotation takes the cue and speaker of the sentence's verb (*entgegnete
der Bürgermeister*) when the quotation rules see it; but a clause attached to a speech-act
noun (*Vorwurf, Behauptung, Forderung, Ansicht*) gives that noun's content, and the noun's
genitive or possessive names who said it (the indirect quotation of the noun, found with its
own speaker). The quoted words inside that content belong to the same source: the verb of
the main clause answers or reports them.

What is done: a direct quotation lying inside an indirect quotation whose cue is a noun with a
speaker takes that speaker, when its own cue stands outside the indirect quotation. Cheap:
the indirect quotations of a document are few and sorted by start.

Limits: only when the noun's indirect quotation was found with a speaker; a noun without
one (*der Vorwurf, …*) changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.types import Quote


def noun_content_speakers(quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` (sorted by start) with the speaker of a direct quotation inside a noun
    cue's indirect quotation set to that quotation's speaker (see the module docstring)."""
    hosts = [
        o
        for o in quotes
        if o.kind == "indirect"
        and o.speaker is not None
        and o.cue is not None
        and o.cue.text[:1].isupper()
    ]
    if not hosts:
        return list(quotes)
    out: list[Quote] = []
    for q in quotes:
        cue = q.cue
        if q.kind != "direct" or cue is None or q.speaker is None:
            out.append(q)
            continue
        host = next(
            (
                o
                for o in hosts
                if o.start <= q.start
                and q.end <= o.end
                and (o.start, o.end) != (q.start, q.end)
                and not (o.start <= cue.start < o.end)
            ),
            None,
        )
        if host is None or host.speaker.start == q.speaker.start:
            out.append(q)
            continue
        out.append(q._replace(speaker=host.speaker))
    return out
