"""Helper for the German word lists written as whitespace-separated module constants."""

from __future__ import annotations


def wordset(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words in ``words``."""
    return frozenset(words.split())
