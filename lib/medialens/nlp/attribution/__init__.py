"""Attribution extractors: quotation marks, reporting cues, speakers, Konjunktiv, quotes.

Pure functions over text/``Doc`` returning named tuples; the spaCy component in
:mod:`medialens.nlp.quotes` is a thin wrapper around :func:`extract.extract_attributions`.
"""
