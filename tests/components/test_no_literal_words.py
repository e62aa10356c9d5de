"""No literal sets of Indonesian words in warta/components/: word lists live once in warta/lang.

Every set, frozenset, list or tuple literal in a component module (also inside a call such as
``frozenset({...})`` or an ``in (...)`` test) that holds three or more lower-case alphabetic string
constants is taken for a list of Indonesian words and must move to a word-class file in
``warta/lang`` (read through ``components._lexicon``, ``load_json`` or ``load_wordset``).
Two-word tuples ("dan", "serta") are tolerated; grammar fragments (affixes, punctuation) are not words.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import warta.components

COMPONENTS = Path(warta.components.__file__).parent
WORD = re.compile(r"[a-z][a-z'-]*")
MIN_WORDS = 3

# English code vocabulary, not Indonesian: record field names, mention kinds and the pipeline's
# component names are identifiers the code compares against, so they are written in code, not lang.
CODE_WORDS = frozenset({
    # pipeline components and Doc extensions (components/__init__.py, extensions.py)
    "extensions", "tokenizer", "segmenter", "geo", "timex", "quantities", "quotes", "events",
    "credits", "times", "canonical", "country", "role",
    # mention kinds and record fields (events, entity_resolver, geo, quantities)
    "place", "person", "entity", "sector", "igo", "merged", "location", "size", "mode", "cameo",
    "people", "organisations", "places", "province", "capital", "exonym", "region", "value", "min", "max",
})


def _literal_words(node: ast.AST) -> list[str]:
    if not isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        return []
    return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
            and WORD.fullmatch(e.value) and e.value not in CODE_WORDS]


def literal_word_sets(path: Path) -> list[tuple[int, list[str]]]:
    """(line, words) of every literal in ``path`` holding MIN_WORDS or more Indonesian-looking words."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        words = _literal_words(node)
        if len(words) >= MIN_WORDS:
            found.append((node.lineno, words))
    return sorted(found)


def test_no_literal_word_sets_in_components():
    offenders = [f"{path.name}:{line}: {words}" for path in sorted(COMPONENTS.glob("*.py"))
                 for line, words in literal_word_sets(path)]
    assert not offenders, "word lists belong in warta/lang (by word class), not in components:\n" + "\n".join(offenders)


def test_the_check_finds_literal_word_sets(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text('A = frozenset({"dan", "atau", "serta"})\n'
                      'def f(w):\n    return w in ("di", "ke", "dari")\n'
                      'B = ("dan", "serta")\nC = {"place", "country", "entity"}\nD = ("ber", "-", ",")\n')
    assert literal_word_sets(source) == [(1, ["dan", "atau", "serta"]), (3, ["di", "ke", "dari"])]
