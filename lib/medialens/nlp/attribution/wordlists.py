"""Helper for the German word lists written as whitespace-separated module constants."""

from __future__ import annotations


def wordset(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words in ``words``."""
    return frozenset(words.split())


#: the definite and indefinite articles in every case (lower case)
ARTICLES: frozenset[str] = wordset("der die das des dem den ein eine einer eines einem einen")
