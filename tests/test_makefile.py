"""The Makefile: every target it declares .PHONY exists (issue 22.5: `demo` and `lint` did not)."""

from __future__ import annotations

import re
from pathlib import Path

MAKEFILE = Path(__file__).resolve().parents[1] / "Makefile"


def test_makefile_every_phony_target_has_a_rule():
    text = MAKEFILE.read_text(encoding="utf-8")
    phony = {name for line in re.findall(r"(?m)^\.PHONY:(.*)$", text) for name in line.split()}
    rules = set(re.findall(r"(?m)^([A-Za-z][\w-]*):", text))
    assert {"run", "test", "test-fast"} <= phony
    assert phony - rules == set(), f"declared .PHONY without a rule: {sorted(phony - rules)}"


def test_makefile_inner_loop_leaves_out_only_the_slow_tests():
    text = MAKEFILE.read_text(encoding="utf-8")
    assert re.search(r'(?m)^test-fast:.*\n(?:.*\n)*?\t\$\(BIN\)/python -m pytest -m "not slow"$', text)
    assert re.search(r"(?m)^test:.*\n\t\$\(BIN\)/python -m pytest$", text)
