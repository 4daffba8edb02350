"""Build the medialens spaCy pipeline: blank German by default, a statistical model if asked.

Why blank by default: medialens must run offline with what PyPI ships (the blank German
tokenizer, lookup lemmas from ``spacy-lookups-data``, our own components and word lists).
A user who installed a statistical German model (e.g. ``de_core_news_md``) can name it with
``--model`` or ``MEDIALENS_MODEL``; our components then use its sentence boundaries, tags and
entities where present (see each component's docstring). Nothing requires one.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from medialens.nlp import factories  # noqa: F401  (registers our factories)

#: Our components in order: quotes need sentences and lemmas; mentions link quote speakers
#: to actors; framing needs both (voice and speaker); candidates skip what the codebook covers.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("medialens_quotes_v1", "quotes"),
    ("medialens_mentions_v1", "mentions"),
    ("medialens_framing_v1", "framing"),
    ("medialens_candidates_v1", "candidates"),
)


def build_nlp(
    *,
    model: str | None = None,
    codebook: str | Path | None = None,
    disable: tuple[str, ...] = (),
) -> Language:
    """Return an initialised pipeline; ``codebook`` defaults to the bundled codebook.

    ``disable`` names components to leave out (e.g. ``("candidates",)`` for speed).
    """
    config = {"codebook": str(codebook) if codebook else ""}
    if model:
        nlp = spacy.load(model)
        if not any(nlp.has_pipe(p) for p in ("parser", "senter", "sentencizer")):
            nlp.add_pipe("medialens_sentencizer_v1", name="sentences", first=True)
    else:
        nlp = spacy.blank("de")
        nlp.add_pipe("medialens_sentencizer_v1", name="sentences")
        nlp.add_pipe("medialens_lemmatizer_v1", name="lemmatizer")
    ours = [name for _, name in COMPONENTS if name not in disable]
    for factory, name in COMPONENTS:
        if name in ours:
            nlp.add_pipe(factory, name=name, config=config)
    if model:
        # Never re-initialise a trained model's weights: initialise only our components.
        for name in ours:
            pipe = nlp.get_pipe(name)
            if hasattr(pipe, "initialize"):
                pipe.initialize(lambda: [], nlp=nlp)
    else:
        nlp.initialize()
    return nlp
