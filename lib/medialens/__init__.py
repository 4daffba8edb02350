"""medialens: measure how German-language news covers politics.

Actors (who is mentioned), attribution (who is quoted, how, with which reporting verb) and
framing (which frame vocabulary, in whose voice) over a corpus of articles.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("medialens")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"

from medialens.store import load_table

__all__ = ["__version__", "load_table"]
