"""Article gold kept as ids and offsets: annotations of IndoSum articles without their text.

The project may not store real article text, so gold made by ``ANNOTATION.md`` on
IndoSum articles is kept in ``gold/articles/indosum.jsonl`` with every string that
comes from the article (entity names, quote ``contains`` and speakers, time and
quantity texts, event triggers) replaced by ``[start, end]`` offsets into the text
:func:`warta.corpus.iter_indosum` rebuilds, plus the text's SHA-1. Values, labels,
types, countries and the annotators' notes stay as they are.

:func:`to_offsets` turns a gold object into that form (for storing new gold);
:func:`from_offsets` turns it back into the strings :mod:`warta.eval.articles`
scores against.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Optional

from ._common import gold_path

_STRING_FIELDS = {"quotes": ("contains", "speaker"), "not_quotes": ("contains",), "times": ("text",),
                  "quantities": ("text",), "events": ("trigger",)}


def indosum_gold_path() -> Path:
    """The bundled article gold on IndoSum articles (ids and offsets)."""
    return gold_path("articles", "indosum.jsonl")


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _span(text: str, s: Optional[str]):
    """``[start, end]`` of ``s`` in ``text`` (exact, else case-insensitive), or ``{"missing": s}``."""
    if s is None:
        return None
    i = text.find(s)
    if i < 0:
        i = text.lower().find(s.lower())
    return [i, i + len(s)] if i >= 0 else {"missing": True}


def to_offsets(text: str, gold: dict) -> tuple[dict, list[str]]:
    """``gold`` with its article strings as offsets; also the strings that were not found (left out)."""
    lost: list[str] = []
    out: dict = {}
    ents = gold.get("entities") or {}
    out["entities"] = {}
    for lab, names in ents.items():
        spans = []
        for n in names:
            sp = _span(text, n)
            (spans.append(sp) if isinstance(sp, list) else lost.append(f"entity {n!r}"))
        out["entities"][lab] = spans
    out["aliases"] = []
    for pair in gold.get("aliases") or []:
        spans = [_span(text, x) for x in pair]
        if all(isinstance(sp, list) for sp in spans):
            out["aliases"].append(spans)
        else:
            lost.append(f"alias {pair!r}")
    for key, fields in _STRING_FIELDS.items():
        items = []
        for item in gold.get(key) or []:
            item = dict(item)
            ok = True
            for f in fields:
                if item.get(f) is None:
                    continue
                sp = _span(text, item[f])
                if isinstance(sp, list):
                    item[f] = sp
                elif f == "speaker":  # a speaker written otherwise ("Para pemohon"): scored by its last word
                    item[f] = {"words": item[f]}
                else:
                    ok = False
                    lost.append(f"{key} {item[f]!r}")
            if ok:
                items.append(item)
        out[key] = items
    for k, v in gold.items():
        if k not in out:
            out[k] = v  # notes
    return out, lost


def _text_of(text: str, value):
    if isinstance(value, list) and len(value) == 2 and all(isinstance(x, int) for x in value):
        return text[value[0]:value[1]]
    if isinstance(value, dict) and "words" in value:
        return value["words"]
    return value


def from_offsets(text: str, gold: dict) -> dict:
    """The gold object with every offset pair turned back into its string of ``text``."""
    out = dict(gold)
    out["entities"] = {lab: [_text_of(text, sp) for sp in spans] for lab, spans in (gold.get("entities") or {}).items()}
    out["aliases"] = [[_text_of(text, sp) for sp in pair] for pair in gold.get("aliases") or []]
    for key, fields in _STRING_FIELDS.items():
        out[key] = [dict(item, **{f: _text_of(text, item[f]) for f in fields if f in item})
                    for item in gold.get(key) or []]
    return out


def load_indosum_gold(path: Optional[Path] = None, corpus: Optional[Path] = None) -> list[dict]:
    """Article objects (``text``, ``published``, ``gold`` ...) of the IndoSum article gold, texts read from the corpus.

    Raises:
        FileNotFoundError: the corpus is missing.
        ValueError: a line that is not gold, an article not in the corpus, or one whose text changed.
    """
    from ..corpus import load_indosum

    path = Path(path) if path else indosum_gold_path()
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    arts = load_indosum([r["indosum_id"] for r in rows], path=corpus)
    out = []
    for r in rows:
        art = arts.get(r["indosum_id"])
        if art is None:
            raise ValueError(f"{path}: article {r['indosum_id']} is not in the IndoSum corpus")
        if text_sha1(art["text"]) != r.get("text_sha1"):
            raise ValueError(f"{path}: article {r['indosum_id']}: text changed since annotation (detokenizer?)")
        out.append({"name": f"indosum:{r['indosum_id']}", "text": art["text"], "published": r.get("published"),
                    "url": art.get("url"), "outlet": art.get("outlet"), "title": None, "story": None,
                    "gold": from_offsets(art["text"], r["gold"])})
    return out
