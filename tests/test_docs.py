"""The documentation and the registries match the code.

Every ``warta`` command has help text and a section in docs/cli.md that
names each of its options; ``warta.__all__`` lists the package's public
names; every pipeline stage is a registered factory whose module defines the
class named like it; warta/lang's docstring lists every data file.
"""

from __future__ import annotations

import importlib
import re
import types
from pathlib import Path

import click
import pytest
from spacy import registry
from spacy.language import Language

import warta
import warta.lang
from warta.cli import main
from warta.pipeline import STAGES

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = ROOT / "docs" / "cli.md"


def _commands(cmd: click.Command = main, path: tuple[str, ...] = ("warta",)):
    yield " ".join(path), cmd
    if isinstance(cmd, click.Group):
        for name, sub in sorted(cmd.commands.items()):
            yield from _commands(sub, path + (name,))


COMMANDS = dict(_commands())


def _doc_sections() -> dict[str, str]:
    """docs/cli.md split at its command headings (``### `warta eval quotes` ``)."""
    text = CLI_DOC.read_text(encoding="utf-8")
    parts = re.split(r"(?m)^#+ `(warta[^`]*)`\s*$", text)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def test_docs_command_list_is_not_empty():
    # guards the parametrized tests below against silently running on nothing
    assert {"warta", "warta extract", "warta eval", "warta eval quotes", "warta train ner"} <= set(COMMANDS)


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_docs_command_has_help(path):
    cmd = COMMANDS[path]
    assert (cmd.help or "").strip(), f"{path} has no help text"
    assert cmd.get_short_help_str().strip(), f"{path} has no short help"


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_docs_command_in_cli_md(path):
    sections = _doc_sections()
    assert path in sections, f"docs/cli.md has no section for `{path}`"
    body = sections[path]
    for param in COMMANDS[path].params:
        if isinstance(param, click.Argument) or param.name == "help":
            continue
        for opt in param.opts + param.secondary_opts:
            assert f"`{opt}`" in body, f"docs/cli.md: `{path}` does not document {opt}"


def test_docs_cli_md_has_no_stale_sections():
    stale = set(_doc_sections()) - set(COMMANDS)
    assert not stale, f"docs/cli.md documents commands that no longer exist: {sorted(stale)}"


def test_docs_index_links_resolve():
    index = ROOT / "docs" / "index.md"
    links = re.findall(r"\]\(([^)#]+\.md)\)", index.read_text(encoding="utf-8"))
    assert "cli.md" in links and "record.md" in links
    for link in links:
        assert (index.parent / link).is_file(), link


def test_docs_all_is_complete_and_importable():
    public = {name for name, value in vars(warta).items()
              if not name.startswith("_") and not isinstance(value, types.ModuleType)}
    assert public <= set(warta.__all__), f"public names missing from warta.__all__: {sorted(public - set(warta.__all__))}"
    for name in warta.__all__:
        assert hasattr(warta, name), name
    namespace: dict = {}
    exec("from warta import *", namespace)
    assert set(warta.__all__) <= set(namespace)


@pytest.mark.parametrize("name", [s for s in STAGES if s != "ner"])
def test_docs_stage_factory_registered_with_its_class(name, pipelines):
    assert Language.has_factory(name), f"stage {name!r} is not a registered factory"
    module = importlib.import_module(f"warta.components.{name}")
    cls_name = "".join(part.capitalize() for part in name.split("_"))
    cls = getattr(module, cls_name, None)
    assert isinstance(cls, type), f"warta.components.{name} defines no class {cls_name}"
    make = registry.factories.get(Language.get_factory_name(name))
    assert make.__module__ == module.__name__, f"{name} is registered outside its module"
    component = pipelines().get_pipe(name)  # made by the registered factory; the session's full pipeline
    assert type(component) is cls and component.name == name


def test_docs_ner_stage_is_spacys():
    # ner is the one stage warta does not define: it is sourced from the trained model
    assert "ner" in STAGES
    assert not (ROOT / "warta" / "components" / "ner.py").exists()
    assert Language.has_factory("ner")


def test_docs_lang_docstring_lists_every_data_file():
    folder = Path(warta.lang.__file__).parent
    files = sorted(p.name for p in folder.iterdir() if p.suffix in {".txt", ".json"})
    assert len(files) >= 10
    doc = warta.lang.__doc__ or ""
    missing = [f for f in files if not re.search(r"(?m)^\s+%s\s" % re.escape(f), doc)]
    assert not missing, f"warta/lang/__init__.py docstring does not list {missing}"
