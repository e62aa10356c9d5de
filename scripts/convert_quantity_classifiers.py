"""One-off: a quantity's span keeps its numeral classifier ("40 ekor", "3 unit", "600 kali").

The team's IndoSum quantity gold cut spans before the classifier, while the
annotators of ``warta eval articles``, following ../shared/ANNOTATION.md,
write the numeral phrase ("40 ekor", "150 orang"); warta now does too, as it
keeps a unit ("20 km"). This extends each gold span that a classifier follows,
by the same rule warta applies (``quantities._numeral_phrase_end``), and
changes nothing else. Run from the repository root:
``python scripts/convert_quantity_classifiers.py [--write]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from warta.components.quantities import _numeral_phrase_end
from warta.corpus import load_indosum

GOLD = Path("warta/eval/gold/quantities")


def main(write: bool) -> None:
    texts = {k: a["text"] for k, a in load_indosum().items()}
    for path in sorted(GOLD.glob("dev*.jsonl")):
        rows, changed = [], 0
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = texts[row["id"]]
            for q in row["quantities"]:
                if q.get("unit") is None:
                    end = _numeral_phrase_end(text, q["end"])
                    if end != q["end"]:
                        print(f"{path.name} {row['id'][:40]} {text[q['start']:q['end']]!r} -> {text[q['start']:end]!r}")
                        q["end"] = end
                        changed += 1
            rows.append(json.dumps(row, ensure_ascii=False))
        print(f"{path.name}: {changed} spans extended")
        if write:
            path.write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main("--write" in sys.argv[1:])
