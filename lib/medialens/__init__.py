"""medialens: measure how German-language news covers politics.

Actors (who is mentioned), attribution (who is quoted, how, with which reporting verb) and
framing (which frame vocabulary, in whose voice) over a corpus of articles.
"""

from __future__ import annotations

from medialens.version import __version__

__all__ = ["__version__", "load_table"]


def __getattr__(name: str) -> object:
    """``medialens.load_table`` on first use: importing the package stays cheap (no pandas),
    which every command, worker process and ``--help`` pays for."""
    if name == "load_table":
        from medialens.store import load_table

        return load_table
    raise AttributeError(f"module 'medialens' has no attribute {name!r}")
