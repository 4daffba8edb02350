"""Report parameters from the command line and params files, typed by the notebooks' defaults.

Why typed by the notebook: each notebook declares its parameters (with defaults and
comments) in the cell tagged ``parameters``; papermill reads them
(``papermill.inspect_notebook``) and the default's type decides how a ``--param key=value``
string is converted (``top_n=5`` → int, ``outlets=taz,welt`` → list of str). Values are never
evaluated as code: strings are parsed with ``int``/``float`` or split at commas, defaults
with :func:`ast.literal_eval` (literals only). Errors name the parameter, and for a params
file the file and line.
"""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from medialens.analysis.parameters import ParameterError, resolve_date

DATE_PARAMS: tuple[str, ...] = ("date_from", "date_to")
#: parameters set by the runner, not by users
RESERVED: tuple[str, ...] = ("output_dir",)


class ParamsFileError(ParameterError):
    """A problem in a params file; the message starts with ``file:line``."""

    def __init__(self, message: str, *, path: Path, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


def notebook_parameters(path: Path) -> dict[str, dict[str, Any]]:
    """``{name: {"default": value, "type": type name, "help": comment}}`` of a notebook.

    Raises :class:`ParameterError` when the notebook has no cell tagged ``parameters``.
    """
    import papermill as pm

    info = pm.inspect_notebook(str(path))
    if not info:
        raise ParameterError(f"{path}: no cell tagged 'parameters'")
    out: dict[str, dict[str, Any]] = {}
    for name, spec in info.items():
        try:
            default = ast.literal_eval(spec["default"])
        except (ValueError, SyntaxError):
            default = spec["default"]
        out[name] = {
            "default": default,
            "type": spec.get("inferred_type_name") or "",
            "help": spec.get("help") or "",
        }
    return out


def _type_of(default: Any, type_name: str) -> str:
    if isinstance(default, bool) or type_name == "bool":
        return "bool"
    if isinstance(default, int) or type_name == "int":
        return "int"
    if isinstance(default, float) or type_name == "float":
        return "float"
    if isinstance(default, list | tuple) or type_name.startswith(("list", "tuple")):
        return "list"
    return "str"


def coerce(name: str, value: Any, *, default: Any, type_name: str = "") -> Any:
    """Convert ``value`` (a CLI string or a YAML value) to the type of ``default``."""
    kind = _type_of(default, type_name)
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in {
            "true",
            "yes",
            "1",
            "on",
            "false",
            "no",
            "0",
            "off",
        }:
            return value.strip().lower() in {"true", "yes", "1", "on"}
        raise ParameterError(f"{name} must be true or false, got {value!r}")
    if kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                pass
        raise ParameterError(f"{name} must be an integer, got {value!r}")
    if kind == "float":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value.strip())
            except ValueError:
                pass
        raise ParameterError(f"{name} must be a number, got {value!r}")
    if kind == "list":
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
        raise ParameterError(
            f"{name} must be a comma-separated list or a list of strings, got {value!r}"
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise ParameterError(f"{name} must be a string, got {type(value).__name__} {value!r}")


def parse_cli_params(items: Sequence[str]) -> dict[str, str]:
    """``["key=value", …]`` → dict; a malformed item is a :class:`ParameterError`."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key.isidentifier():
            raise ParameterError(
                f"--param {item!r}: expected key=value with a parameter name as key"
            )
        out[key] = value
    return out


def load_params_file(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """Read a YAML params file: a mapping of parameter names to values.

    Returns the values and the line of each key (for later error messages). Syntax errors,
    a non-mapping document, non-string keys and nested mappings are :class:`ParamsFileError`
    naming file and line.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ParamsFileError(f"cannot read params file: {exc}", path=path) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ParamsFileError(f"invalid YAML: {exc.problem or exc}", path=path, line=line) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        line = node.start_mark.line + 1 if node is not None else None
        raise ParamsFileError("expected a mapping of parameter: value", path=path, line=line)
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = key_node.value
        line = key_node.start_mark.line + 1
        if not isinstance(key, str) or not key.isidentifier():
            raise ParamsFileError(
                f"parameter name {key!r} is not an identifier", path=path, line=line
            )
        if isinstance(value_node, yaml.MappingNode):
            raise ParamsFileError(
                f"{key}: nested mappings are not parameters", path=path, line=line
            )
        lines[key] = line
    return data, lines


def resolve_dates(params: dict[str, Any], *, today: dt.date | None = None) -> dict[str, Any]:
    """Replace relative dates (``-7d``) by ISO dates; returns the resolved copy."""
    out = dict(params)
    for name in DATE_PARAMS:
        if name in out and out[name] not in (None, ""):
            resolved = resolve_date(out[name], name=name, today=today)
            out[name] = resolved.isoformat() if resolved else ""
    return out


def build_parameters(
    notebooks: Mapping[str, Mapping[str, Mapping[str, Any]]],
    *,
    cli: Mapping[str, str] | None = None,
    file_values: Mapping[str, Any] | None = None,
    file_lines: Mapping[str, int] | None = None,
    params_file: Path | None = None,
    fixed: Mapping[str, Any] | None = None,
    today: dt.date | None = None,
) -> dict[str, dict[str, Any]]:
    """Per-notebook parameter dicts: params file < ``--param`` < ``fixed`` (paths from flags).

    Each value is typed by the notebook's default; a parameter no selected notebook declares
    is an error listing the parameters they do declare. Relative dates are resolved.
    """
    known = sorted({name for spec in notebooks.values() for name in spec} - set(RESERVED))
    sources: list[tuple[str, Any, str]] = []
    for key, value in (file_values or {}).items():
        line = (file_lines or {}).get(key)
        sources.append((key, value, f"{params_file}:{line}" if params_file else "params file"))
    for key, value in (cli or {}).items():
        sources.append((key, value, "--param"))
    for key, value in (fixed or {}).items():
        sources.append((key, value, "command-line flag"))
    for key, _value, where in sources:
        if key in RESERVED:
            raise ParameterError(f"{where}: {key} is set by medialens report and cannot be given")
        if key not in known:
            raise ParameterError(
                f"{where}: unknown parameter {key!r}; parameters of the selected notebooks: {', '.join(known)}"
            )
    result: dict[str, dict[str, Any]] = {}
    for nb, spec in notebooks.items():
        values: dict[str, Any] = {}
        for key, value, where in sources:
            if key not in spec:
                continue
            try:
                values[key] = coerce(
                    key, value, default=spec[key]["default"], type_name=spec[key]["type"]
                )
            except ParameterError as exc:
                raise ParameterError(f"{where}: {exc}") from None
        try:
            result[nb] = resolve_dates(values, today=today)
        except ParameterError as exc:
            raise ParameterError(f"{exc}") from None
    return result


def describe_parameters(spec: Mapping[str, Mapping[str, Any]]) -> Iterable[str]:
    """Lines "name (type, default …): help" for ``--list-params``."""
    for name, info in spec.items():
        yield f"  {name} ({info['type'] or _type_of(info['default'], '')}, default {info['default']!r}): {info['help']}"
