"""warta's Indonesian tokenizer: spaCy's ``id`` rules, fixed for news text.

Changes from the stock rules (why: each one split a unit that later stages
need whole):
- a hyphen between letters is not an infix, so "Kassym-Jomart" and
  reduplications such as "sekutu-sekutunya" stay one token;
- a slash between digits is not an infix, so "13/1/2022" and "13/1" stay
  one token (brackets around them are still split off).
Numbers such as "2.000" and "1,8" are already single tokens in spaCy.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex


def _infixes(nlp: Language) -> list[str]:
    out = []
    for pattern in nlp.Defaults.infixes:
        if "(?:-|–|—|--" in pattern:  # hyphen/dash between letters
            continue
        if pattern.startswith("(?<=[0-9])[\\\\/]"):  # slash between digits
            continue
        out.append(pattern)
    return out


def create_tokenizer(nlp: Language) -> Tokenizer:
    """A tokenizer for ``nlp`` (a blank ``id`` pipeline) with warta's fixes."""
    tok = nlp.tokenizer
    tok.infix_finditer = compile_infix_regex(_infixes(nlp)).finditer
    return tok


@spacy.registry.tokenizers("warta.Tokenizer.v1")
def make_tokenizer():
    """Registered tokenizer factory for configs: ``@tokenizers = "warta.Tokenizer.v1"``."""

    def create(nlp: Language) -> Tokenizer:
        return create_tokenizer(nlp)

    return create
