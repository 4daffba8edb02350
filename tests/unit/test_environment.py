"""The three dependency lists agree: pyproject.toml, environment.yml and requirements.lock."""

from __future__ import annotations

import re
import tomllib

import yaml
from conftest import ROOT


def _name(requirement: str) -> str:
    """Canonical distribution name of a requirement string (PEP 503 normalisation)."""
    name = re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject_names() -> set[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    names = {_name(r) for r in project["dependencies"]}
    for extra in project.get("optional-dependencies", {}).values():
        names |= {_name(r) for r in extra}
    return names


def _environment_names() -> set[str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    names: set[str] = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            names |= {_name(p) for p in dep.get("pip", []) if not p.startswith("-")}
    return names


def _lock_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        assert "==" in line, f"requirements.lock: {line!r} is not pinned with =="
        name, version = line.split("==", 1)
        pins[_name(name)] = version
    return pins


def test_environment_yml_lists_the_pyproject_dependencies():
    assert _environment_names() == _pyproject_names()


def test_environment_yml_installs_the_lock_file():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-r requirements.lock" in pip


def test_every_dependency_is_pinned_in_the_lock_file():
    pins = _lock_pins()
    missing = sorted(_pyproject_names() - set(pins))
    assert not missing, f"not pinned in requirements.lock: {missing}"


def test_lock_file_pins_build_tools_for_the_editable_install():
    pins = _lock_pins()
    assert {"setuptools", "wheel"} <= set(pins)
