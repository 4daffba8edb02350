"""The stable import path of the ``medialens process`` library functions (re-exports only).

The code lives in the ``medialens.pipeline`` package (layers: keys, annotate, pool, stream,
reuse, commit, driver, cli; see its docstring); this module re-exports the names that
scripts, notebooks, benchmarks and other tools import from ``medialens.process``, so that
``from medialens.process import annotate_chunk`` keeps working. It defines nothing itself.

Limits: a re-exported name is a second reference to the same object, so
``monkeypatch.setattr(medialens.process, "annotate_chunk", ...)`` changes nothing in a run;
patch the module that uses the name (``medialens.pipeline.pool.annotate_chunk`` for the
local engine, ``medialens.pipeline.annotate.get_nlp`` for the pipeline of a chunk,
``medialens.pipeline.driver.code_fingerprint`` for the run's fingerprint).
"""

from __future__ import annotations

from medialens.pipeline.annotate import (
    _NLP_CACHE,  # cleared by benchmarks/throughput.py to time a freshly built pipeline
    ANNOTATION_TABLES,
    CHUNK_COLUMNS,
    PIPE_BATCH,
    annotate_chunk,
    doc_rows,
    get_nlp,
)
from medialens.pipeline.cli import add_arguments, run
from medialens.pipeline.commit import AnnotationStats, write_entities
from medialens.pipeline.driver import CHUNK_ARTICLES, ProcessOptions, process_corpus
from medialens.pipeline.keys import (
    FINGERPRINT_PATHS,
    FINGERPRINT_SUFFIXES,
    annotation_key,
    code_fingerprint,
    resolve_codebook_hash,
)
from medialens.pipeline.pool import (
    POOL_TASK_ARTICLES,
    Engine,
    LocalPool,
    get_engine,
    run_local,
)
from medialens.pipeline.reuse import chunk_articles, copy_reused, previous_keys
from medialens.pipeline.stream import (
    ARTICLE_READ_COLUMNS,
    STREAM_QUEUE,
    STREAM_ROWS,
    StreamedIngest,
    stored_article_batches,
)
from medialens.workers import pool_start_method, watch_parent

__all__ = [
    "ANNOTATION_TABLES",
    "ARTICLE_READ_COLUMNS",
    "CHUNK_ARTICLES",
    "CHUNK_COLUMNS",
    "FINGERPRINT_PATHS",
    "FINGERPRINT_SUFFIXES",
    "PIPE_BATCH",
    "POOL_TASK_ARTICLES",
    "STREAM_QUEUE",
    "STREAM_ROWS",
    "_NLP_CACHE",
    "AnnotationStats",
    "Engine",
    "LocalPool",
    "ProcessOptions",
    "StreamedIngest",
    "add_arguments",
    "annotate_chunk",
    "annotation_key",
    "chunk_articles",
    "code_fingerprint",
    "copy_reused",
    "doc_rows",
    "get_engine",
    "get_nlp",
    "pool_start_method",
    "previous_keys",
    "process_corpus",
    "resolve_codebook_hash",
    "run",
    "run_local",
    "stored_article_batches",
    "watch_parent",
    "write_entities",
]
