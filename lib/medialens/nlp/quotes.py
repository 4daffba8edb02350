"""PLACEHOLDER component (scaffolding, to be replaced by the real implementation)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class QuotesStub:
    def __init__(self, nlp: Language, name: str, codebook: str = "") -> None:
        self.name = name
        self.codebook = codebook

    def __call__(self, doc: Doc) -> Doc:
        if "quotes" == "sentences":
            for i, tok in enumerate(doc):
                tok.is_sent_start = i == 0 or doc[i - 1].text in {".", "!", "?"}
        else:
            attr = {"quotes": "ml_quotes", "mentions": "ml_mentions", "framing": "ml_framing",
                    "candidates": "ml_candidates"}["quotes"]
            setattr(doc._, attr, [])
            if "quotes" == "quotes":
                doc._.ml_scare_quotes = []
        return doc

    def initialize(self, get_examples=None, *, nlp=None) -> None:
        pass


@Language.factory("medialens_quotes_v1", default_config={"codebook": ""})
def make_quotes(nlp: Language, name: str, codebook: str) -> QuotesStub:
    return QuotesStub(nlp, name, codebook)
