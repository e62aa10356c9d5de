"""Indonesian language data: word lists and tables as plain files, no logic.

Files:
  function_words.txt   frequent function words (language check)
  abbreviations.txt    abbreviations that never end a sentence
  ...                  lexicons added by each component (see docs)

``load_wordset(name)`` reads ``name.txt`` (one entry per line, ``#``
comments); ``load_json(name)`` reads ``name.json``. Both are cached.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


def _path(filename: str):
    return resources.files(__name__).joinpath(filename)


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Entries of ``name.txt`` in file order, comments and blanks dropped."""
    text = _path(f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=None)
def load_wordset(name: str) -> frozenset[str]:
    """Lower-cased entries of ``name.txt`` as a set."""
    return frozenset(x.lower() for x in load_lines(name))


@lru_cache(maxsize=None)
def load_json(name: str):
    """Parsed ``name.json``."""
    return json.loads(_path(f"{name}.json").read_text(encoding="utf-8"))
