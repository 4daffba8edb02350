"""Reports: run the notebooks with papermill into self-contained, offline HTML.

See :mod:`medialens.reports.runner` (run folders, index), :mod:`~.export` (HTML without
network access), :mod:`~.params` (typed parameters, params files, relative dates) and
:mod:`~.provenance` (what produced a report).
"""

from __future__ import annotations

from medialens.reports.provenance import codebook_hash, provenance, provenance_html, show_provenance

__all__ = ["codebook_hash", "provenance", "provenance_html", "show_provenance"]
