"""Word-shape tests shared by the components.

One definition each, so that "a capitalised word" means the same in the
entity resolver, geo and the quote finder. Word *lists* are in
:mod:`warta.lang`; the morphology of prefixed verbs is :mod:`warta.morphology`.
"""

from __future__ import annotations


def is_cap(text: str) -> bool:
    """Whether ``text`` (a word or a token's text) starts with a capital letter: "Jakarta", "KPK", "Jl."."""
    return text[:1].isupper()
