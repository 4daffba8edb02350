"""The spaCy pipeline of medialens: a blank German tokenizer, our own components, word lists.

``build_nlp()`` assembles it; ``annotate_doc()`` turns an annotated ``Doc`` into the stable JSON
record of ``medialens annotate``. Components only know texts and the codebook, never files.
"""

from __future__ import annotations

from medialens.nlp.pipeline import build_nlp
from medialens.nlp.serialize import annotate_doc, annotate_texts

__all__ = ["annotate_doc", "annotate_texts", "build_nlp"]
