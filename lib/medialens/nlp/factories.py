"""Import every module that registers a medialens spaCy factory.

Importing this module makes ``nlp.add_pipe("medialens_quotes_v1")`` etc. available, also
inside ``spacy.load()`` of a saved medialens pipeline (entry point in ``pyproject.toml``).
"""

from __future__ import annotations

from medialens.nlp import (  # noqa: F401  (factories and the Doc._.ml_* attributes)
    candidates,
    extensions,
    framing,
    lemmas,
    mentions,
    quotes,
    sentences,
)
