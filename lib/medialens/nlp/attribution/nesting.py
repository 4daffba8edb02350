"""Nested quotation: a partial direct quotation inside indirect or reported speech.

Why: *Der Minister warf der Opposition eine »gezielte Täuschung« vor* is reported speech
(the whole clause) that contains a partial direct quotation (the quoted words). Both are
quotations in the annotation convention this package follows (the Wikinews quotation corpus
marks the outer indirect/reported quote and the inner direct one), so both are emitted; the
outer one lists the inner spans in its ``nested`` field so that a reader can tell the quoted
wording from the paraphrase, and the inner one is not counted as a second, unrelated frame.

Limits: nesting is decided on character spans only (an inner span must lie inside one of the
outer quote's spans); a direct quotation that spans whole sentences is never nested.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.nlp.types import Quote


def inside(inner: Quote, outer: Quote) -> bool:
    """Does every span of ``inner`` lie inside one span of ``outer`` (and is it smaller)?"""
    if inner is outer or (inner.start, inner.end) == (outer.start, outer.end):
        return False
    return all(any(a <= s and e <= b for a, b in outer.spans) for s, e in inner.spans)


#: naming verbs: *X nannte Y einen »Z«* quotes the name, the clause is no reported speech
NAMING_LEMMAS = frozenset(["nennen", "bezeichnen", "sprechen", "heißen", "bedeuten", "taufen"])


def keeps_nested(outer: Quote, unit_quotes: Sequence[Quote]) -> bool:
    """A reported quote stays beside the unit's other quotations when all of them are direct
    quotations nested inside it (partial quotes of the reported speech act), it has a speaker
    and its verb is not a naming verb (*nannte …, bezeichnete … als »…«* quote a label)."""
    if outer.speaker is None or outer.act is None or outer.act.lemma in NAMING_LEMMAS:
        return False
    others = [q for q in unit_quotes if q is not outer and q.kind != "reported"]
    return bool(others) and all(
        q.kind == "direct" and inside(q, outer) and not _framed_elsewhere(q, outer) for q in others
    )


def _framed_elsewhere(inner: Quote, outer: Quote) -> bool:
    """Is ``inner`` the quotation of another reporting verb of the sentence (*»Wir
    bleiben«, sagte sie und kündigte Proteste an*: *sagte* frames the quotation, *kündigte
    an* is a speech act of its own conjunct), not a partial quotation of ``outer``'s act?
    Then the reported quote is cut to its conjunct (:mod:`.conjuncts`) instead of keeping
    the whole sentence around it."""
    cue, act = inner.cue, outer.act
    return (
        cue is not None
        and act is not None
        and cue.lemma != act.lemma
        and inner.end <= cue.start < act.start
    )


def with_nested(quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` (sorted by start) with each indirect/reported quote's ``nested`` field set
    to the spans of the direct quotations inside it."""
    directs = [q for q in quotes if q.kind == "direct"]
    if not directs:
        return list(quotes)
    out = []
    outer_of: dict[int, Quote] = {}
    for q in quotes:
        if q.kind != "direct":
            inner = [d for d in directs if q.start <= d.start < q.end and inside(d, q)]
            spans = tuple(span for d in inner for span in d.spans)
            if spans != q.nested:
                q = q._replace(nested=spans)
            for d in inner:
                outer_of.setdefault(id(d), q)
        out.append(q)
    # a partial quotation without a frame of its own speaks with its outer quote's speaker
    # (*Er sagte, die Lage sei »sehr ernst«*: the words are his)
    return [_inherit(q, outer_of.get(id(q))) for q in out]


def _inherit(q: Quote, outer: Quote | None) -> Quote:
    if outer is None or outer.speaker is None or q.cue is not None:
        return q
    return q._replace(speaker=outer.speaker) if q.speaker is None else q
