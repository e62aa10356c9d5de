"""The public Python surface: names, signatures, docstrings and error codes that users rely on.

A change here breaks callers, so it should be deliberate: these tests pin the
surface rather than the behaviour (which the component and gate tests cover).
"""

from __future__ import annotations

import inspect
import re
import tomllib
from pathlib import Path

import pytest
from spacy.tokens import Doc, Span

import warta
import warta.components
from warta import errors

ROOT = Path(__file__).resolve().parents[1]


def test_public_api_version_matches_pyproject():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert warta.__version__ == meta["project"]["version"]


@pytest.mark.parametrize("name", ["extract", "extract_many", "json_schema"])
def test_public_api_functions_have_docstrings(name):
    doc = inspect.getdoc(getattr(warta, name))
    assert doc and doc.strip(), name


@pytest.mark.parametrize("name, params", [
    ("extract", {"text", "published", "title", "url", "force", "stages", "max_bytes"}),
    # force and stages mean what they mean for extract and are described there
    ("extract_many", {"articles", "batch_size", "on_error"}),
])
def test_public_api_extractors_document_their_parameters(name, params):
    doc = inspect.getdoc(getattr(warta, name))
    assert "Args:" in doc and ("Returns:" in doc or "Yields:" in doc)
    missing = [p for p in params if not re.search(r"(?m)^\s+%s:" % p, doc)]
    assert not missing, f"{name} docstring does not describe {missing}"


def test_public_api_extract_signature():
    params = inspect.signature(warta.extract).parameters
    assert list(params)[:4] == ["text", "published", "title", "url"]
    for name in ("force", "stages", "max_bytes"):
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY, name
    assert params["published"].default is None and params["force"].default is False


def test_public_api_extract_many_signature():
    params = inspect.signature(warta.extract_many).parameters
    assert list(params)[0] == "articles"
    for name in ("batch_size", "force", "stages", "on_error"):
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY, name
    assert params["on_error"].default == "raise"


def _error_classes():
    return [obj for obj in vars(errors).values()
            if isinstance(obj, type) and issubclass(obj, errors.WartaError)]


def test_public_api_error_codes_are_unique_and_documented():
    classes = _error_classes()
    assert len(classes) >= 5
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), codes
    for cls in classes:
        assert cls.code.startswith("W") and cls.code[1:].isdigit(), cls
        assert cls.__name__ in errors.__doc__, f"{cls.__name__} missing from the hierarchy in warta/errors.py"


def _all_warta_error_classes() -> set[type]:
    """Every WartaError subclass defined anywhere in the package (each module imported first)."""
    import importlib
    import pkgutil

    optional = {"floret", "countryinfo", "pyinstrument", "playwright"}  # extras a dev install may lack
    for info in pkgutil.walk_packages(warta.__path__, "warta."):
        if info.name.endswith("__main__"):  # runs the CLI when imported
            continue
        try:
            importlib.import_module(info.name)
        except ModuleNotFoundError as exc:
            if exc.name not in optional:
                raise
    found, todo = set(), [errors.WartaError]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def test_public_api_every_warta_error_lives_in_errors_py_with_a_code_of_its_own():
    # W300 and W310 were each used by two or three classes spread over eval/, store/ and train/ (issue 22.4)
    classes = _all_warta_error_classes()
    strays = sorted(f"{c.__module__}.{c.__name__}" for c in classes
                    if c.__module__ != "warta.errors" and c.__module__.startswith("warta."))
    assert not strays, f"define these in warta/errors.py: {strays}"
    by_code: dict[str, list[str]] = {}
    for cls in classes | {errors.WartaError}:
        by_code.setdefault(cls.code, []).append(cls.__name__)
    assert {code: names for code, names in by_code.items() if len(names) > 1} == {}


def test_public_api_input_errors_are_warta_errors():
    assert issubclass(warta.InputError, warta.WartaError)
    exc = warta.InputError("leer")
    assert str(exc) == "[W100] leer" and exc.message == "leer"


def test_public_api_component_modules_importable():
    for name in warta.components.__all__:
        assert not name.startswith("_"), f"private module {name} in warta.components.__all__"
        assert inspect.ismodule(getattr(warta.components, name)), name


@pytest.mark.parametrize("module, names", [
    # quotes.py and timex.py were split; these stay where callers import them from
    ("warta.components.quotes", ["Quotes", "make_quotes", "name_of"]),
    ("warta.components.timex", ["Timex", "make_timex", "find_times"]),
])
def test_public_api_component_names_stay_importable(module, names):
    mod = __import__(module, fromlist=names)
    for name in names:
        assert callable(getattr(mod, name, None)), f"{module}.{name}"


def test_public_api_extensions_match_their_docstring():
    from warta.components import extensions

    documented = [line.split()[0] for line in extensions.__doc__.splitlines()
                  if line.startswith(("Doc._.", "Span._."))]
    assert len(documented) >= 10
    for attr in documented:
        owner, name = attr.split("._.")
        assert {"Doc": Doc, "Span": Span}[owner].has_extension(name), attr
