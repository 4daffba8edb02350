"""Engines that run ``medialens.pipeline.annotate.annotate_chunk`` somewhere other than this
process.

Why a separate package: the local engine (``medialens.pipeline.pool.run_local``) needs
nothing but the standard library; an engine here may need optional dependencies
(``dask.distributed``), imported only when the engine is chosen with ``medialens process
--engine``. Every engine has the same contract: ``(chunks, *, codebook, model, ...) ->
Iterator[dict[str, pa.Table]]`` with results in input order, so the store is the same
whichever engine ran. Imports go one way: an engine imports ``medialens.pipeline``; the
pipeline finds an engine by name in ``medialens.pipeline.pool.ENGINES`` and never imports
this package.
"""
