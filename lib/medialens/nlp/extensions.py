"""Custom ``Doc`` attributes set by the medialens components (registered once, idempotent)."""

from __future__ import annotations

from spacy.tokens import Doc

DOC_ATTRS = (
    "ml_quotes",
    "ml_scare_quotes",
    "ml_mentions",
    "ml_framing",
    "ml_candidates",
    "ml_entities",
)


def register_extensions() -> None:
    """Register ``doc._.ml_quotes`` etc. (lists of :mod:`medialens.nlp.types` records)."""
    for attr in DOC_ATTRS:
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)


register_extensions()
