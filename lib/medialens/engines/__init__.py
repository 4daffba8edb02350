"""Engines that run ``medialens.process.annotate_chunk`` somewhere other than this process.

Why a separate package: the local engine (``medialens.process.run_local``) needs nothing but
the standard library; an engine here may need optional dependencies (``dask.distributed``),
imported only when the engine is chosen with ``medialens process --engine``.
Every engine has the same contract: ``(chunks, *, codebook, model, ...) -> Iterator[dict[str,
pa.Table]]`` with results in input order, so the store is the same whichever engine ran.
"""
