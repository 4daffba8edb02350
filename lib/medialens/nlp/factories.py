"""Import every module that registers a medialens spaCy factory.

Importing this module makes ``nlp.add_pipe("medialens_quotes_v1")`` etc. available, also
inside ``spacy.load()`` of a saved medialens pipeline (entry point in ``pyproject.toml``).
"""

from __future__ import annotations

from medialens.nlp import extensions  # noqa: F401  (registers Doc._.ml_* attributes)
from medialens.nlp import candidates, framing, mentions, quotes, sentences  # noqa: F401
