"""``medialens process``: the raw corpus → annotated Parquet snapshots, in layers.

Modules, each importing only the ones listed before it (one-way, checked by
``tests/unit/test_import_layers.py``):

- :mod:`~medialens.pipeline.keys` — codebook hash, code fingerprint, per-article
  annotation key (what decides reuse);
- :mod:`~medialens.pipeline.annotate` — one chunk of articles → one Arrow table per
  annotation table (``annotate_chunk``, the unit of work of every engine);
- :mod:`~medialens.pipeline.pool` — where chunks are annotated: this process, a local
  worker pool, or an engine of ``medialens.engines`` found by name (``ENGINES``);
- :mod:`~medialens.pipeline.stream` — the ``articles`` rows on their way to annotation
  (read back from the store, or streamed from an ingest thread);
- :mod:`~medialens.pipeline.reuse` — incremental runs: which articles need annotation,
  copying the others' rows from the previous snapshot;
- :mod:`~medialens.pipeline.commit` — the ``entities`` table, the manifest, the commit;
- :mod:`~medialens.pipeline.driver` — ``process_corpus``: the whole run;
- :mod:`~medialens.pipeline.cli` — the ``medialens process`` flags.

Below the package: ``medialens.nlp``, ``medialens.schema``, ``medialens.store``,
``medialens.corpus``, ``medialens.workers`` (none of them imports it). Above it:
``medialens.engines`` (imports :mod:`~medialens.pipeline.annotate`), ``medialens.run`` and
``medialens.process`` (the stable import path of the names here). This ``__init__`` imports
nothing, so importing one layer never loads the others.
"""
