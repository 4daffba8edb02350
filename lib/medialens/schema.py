"""Column schemas of the processed store's tables (the interface notebooks and tools read).

Why here: ingestion, annotation, the store, the notebooks and external tools (DuckDB, R)
all read these tables, so their columns are defined once. Bump ``SCHEMA_VERSION`` when a
column is renamed or removed; adding a nullable column is backwards compatible.
Offsets (``start``/``end``) are ``[start, end)`` character offsets into ``articles.text``.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 1

_str = pa.string()
_i32 = pa.int32()
_i64 = pa.int64()
_spans = pa.list_(pa.list_(pa.int32()))

TABLES: dict[str, pa.Schema] = {
    # One row per unique article (after normalisation and deduplication).
    "articles": pa.schema(
        [
            ("article_id", _str),  # given id, or a stable content hash when absent
            ("outlet", _str),
            ("date", pa.date32()),  # null when the source has none (a warning in rejects)
            ("title", _str),
            ("text", _str),  # normalised body (NFC, whitespace); offsets refer to this
            ("credit", _str),  # photo credit / caption: kept apart, not article text
            ("url", _str),
            ("author", _str),
            ("section", _str),
            ("source_file", _str),  # path relative to the raw folder
            ("source_line", _i64),  # 1-based line (JSONL/CSV row), null for whole files
            ("source_format", _str),  # txt | jsonl | csv | parquet
            ("encoding", _str),  # detected encoding of the source file
            ("content_hash", _str),  # sha256 of the normalised text
            ("n_chars", _i64),
            ("n_words", _i64),
        ]
    ),
    # Articles whose normalised text equals an earlier one: recorded, not silently dropped.
    "duplicates": pa.schema(
        [
            ("article_id", _str),  # id of the kept article
            ("duplicate_id", _str),  # id the duplicate had (or would have had)
            ("source_file", _str),
            ("source_line", _i64),
            ("reason", _str),  # e.g. "identical text", "same id, different text"
        ]
    ),
    # Problems found while ingesting; severity "error" = not ingested, "warning" = ingested.
    "rejects": pa.schema(
        [
            ("source_file", _str),
            ("source_line", _i64),
            ("severity", _str),
            ("reason", _str),  # short machine-friendly code, e.g. "empty-file", "bad-date"
            ("message", _str),  # readable message naming file, line and problem
        ]
    ),
    # Annotation: counts per article, for normalisation per 1,000 words.
    "article_counts": pa.schema(
        [
            ("article_id", _str),
            ("n_tokens", _i64),
            ("n_words", _i64),
            ("n_sentences", _i64),
            ("n_quotes", _i64),
            ("n_mentions", _i64),
            ("n_framing", _i64),
            ("n_scare_quotes", _i64),
            # sha256 of article id, date, content hash, codebook hash, model and medialens
            # version: an unchanged key lets `medialens process` reuse the rows (incremental)
            ("annotation_key", _str),
        ]
    ),
    "quotes": pa.schema(
        [
            ("article_id", _str),
            ("quote_id", _i32),  # position of the quote in the article (0-based)
            ("start", _i64),
            ("end", _i64),
            ("spans", _spans),  # several spans for an interrupted quotation
            ("text", _str),
            ("kind", _str),  # direct | indirect | reported
            ("speaker_start", _i64),
            ("speaker_end", _i64),
            ("speaker_text", _str),
            ("speaker_resolved", _str),  # named antecedent of a pronoun speaker
            # offsets of that antecedent in the article (null when unresolved): a pronoun
            # speaker counts for the entity its antecedent names
            ("speaker_resolved_start", _i64),
            ("speaker_resolved_end", _i64),
            ("actor", _str),  # codebook actor id of the speaker, if resolved
            ("cue_start", _i64),
            ("cue_end", _i64),
            ("cue_text", _str),
            ("cue_lemma", _str),
            ("cue_category", _str),  # stance category of the reporting verb
            # True for reported speech: the verb (*kritisierte*) lies inside the quotation, as
            # `act` in the annotate output, where `cue` is null (annotation convention)
            ("cue_in_quote", pa.bool_()),
            ("sentence_id", _i32),  # index of the sentence where the quote starts
        ]
    ),
    "scare_quotes": pa.schema(
        [
            ("article_id", _str),
            ("start", _i64),
            ("end", _i64),
            ("text", _str),
            ("frame", _str),  # frame id when the quoted word is a frame term
            ("term", _str),
        ]
    ),
    "mentions": pa.schema(
        [
            ("article_id", _str),
            ("start", _i64),
            ("end", _i64),
            ("text", _str),
            ("actor", _str),  # codebook actor id
            ("type", _str),  # actor type (person, organisation, party, state, ...)
            ("match", _str),  # how it was found: alias | surname | role | compound | ...
            ("sentence_id", _i32),
            # name | surname | role | compound | adjective | pronoun (docs/actors.md)
            ("kind", _str),
        ]
    ),
    "framing": pa.schema(
        [
            ("article_id", _str),
            ("start", _i64),
            ("end", _i64),
            ("text", _str),
            ("frame", _str),
            ("term", _str),
            ("voice", _str),  # journalist | direct | indirect | reported | scare_quote
            ("speaker", _str),  # speaker text when quoted
            ("actor", _str),  # codebook actor id of that speaker
            ("quote_id", _i32),
        ]
    ),
    # Person/organisation candidates not in the codebook, one row per occurrence.
    "uncoded_actors": pa.schema(
        [
            ("article_id", _str),
            ("start", _i64),
            ("end", _i64),
            ("text", _str),
            ("type", _str),  # PER | ORG
            ("source", _str),  # rule name, "tagger" or "model"
            ("entity", _str),  # canonical name in the document (medialens.nlp.entities)
        ]
    ),
    # Uncoded persons/organisations of the whole corpus, one row per canonical entity
    # (medialens.nlp.entities.corpus_entities over uncoded_actors and quotes).
    "entities": pa.schema(
        [
            ("entity", _str),  # canonical name
            ("type", _str),  # PER | ORG
            ("variants", pa.list_(_str)),  # spellings found, most frequent first
            ("n_mentions", _i64),
            ("n_articles", _i64),
            ("n_quotes", _i64),  # quotations whose speaker is one of its mentions
            ("first_date", pa.date32()),
            ("last_date", pa.date32()),
        ]
    ),
}


def empty_table(name: str) -> pa.Table:
    """An empty Arrow table with the schema of ``name``."""
    return TABLES[name].empty_table()
