"""The public API is curated: sorted `__all__`, every name importable and documented."""

import enum
import importlib
import inspect
from types import ModuleType

import pytest

import ledarutveckling

PUBLIC_MODULES = [
    "ledarutveckling",
    "ledarutveckling.formatting",
    "ledarutveckling.errors",
    "ledarutveckling.scheduling",
    "ledarutveckling.examples",
    "ledarutveckling.testing",
    "ledarutveckling.serialization",
    "ledarutveckling.reports",
    "ledarutveckling.records",
    "ledarutveckling.plots",
]


def _members(module: ModuleType) -> list[tuple[str, object]]:
    return [(name, getattr(module, name)) for name in module.__all__]


def test_root_all_is_sorted_constants_then_names() -> None:
    names = [n for n in ledarutveckling.__all__ if n != "__version__"]
    constants = [n for n in names if n.isupper()]
    others = [n for n in names if not n.isupper()]
    assert names == sorted(constants) + sorted(others)


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_every_public_name_exists(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert module.__doc__
    for name, _ in _members(module):
        assert hasattr(module, name), name


def _undocumented(module: ModuleType) -> list[str]:
    missing = []
    for name, obj in _members(module):
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        if not inspect.getdoc(obj):
            missing.append(name)
        if not inspect.isclass(obj) or issubclass(obj, enum.Enum):
            continue
        for attr, value in vars(obj).items():
            if attr.startswith("_"):
                continue
            func = value.fget if isinstance(value, property) else value
            func = getattr(func, "__func__", func)
            if callable(func) and not (getattr(func, "__doc__", None) or "").strip():
                missing.append(f"{name}.{attr}")
    return missing


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_every_public_class_function_and_method_has_a_docstring(module_name: str) -> None:
    assert _undocumented(importlib.import_module(module_name)) == []


def test_version_comes_from_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert ledarutveckling.__version__ == version("ledarutveckling")
