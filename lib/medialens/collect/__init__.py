"""Collect articles from RSS/Atom feeds into the raw folder (``medialens collect``)."""
