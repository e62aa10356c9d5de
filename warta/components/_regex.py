"""Regex building blocks shared by the rule components."""

from __future__ import annotations

import re
from typing import Iterable


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of ``words``, longest first, spaces matching any whitespace.

    Longest first because Python's ``re`` takes the first alternative that
    matches, not the longest: "pekan lalu" must be tried before "pekan".
    """
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
