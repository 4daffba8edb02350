"""The installed medialens version (also ``medialens.__version__``).

Why a module of its own: ``medialens/__init__.py`` offers ``medialens.load_table`` from
``medialens.store``, and the store writes the version into every manifest; reading it from
here keeps the store from importing the package that imports it (no import cycle).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("medialens")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"
