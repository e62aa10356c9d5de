"""PLOVER/CAMEO ontology and the Indonesian event lexicons, loaded from ``warta/lang``.

Data files (no logic in them):
  plover.json         16 PLOVER types, their modes, CAMEO codes and quad classes
  event_triggers.txt  trigger roots + affix patterns -> PLOVER type[:mode]
  actor_sectors.txt   sector nouns -> PLOVER sector codes
  igo.txt             international organisations -> codes
  event_countries.txt country names the CLDR list lacks

Trigger roots are expanded into their surface forms by the affix generator of
:mod:`warta.morphology` (:func:`~warta.morphology.inflect`; "serang" + meN, di,
peN-an, -an -> menyerang, diserang, penyerangan, serangan, ...), re-exported
here with :func:`~warta.morphology.strip_affixes`, which checks the lexicon.
Matching itself is done by spaCy's Matcher over the expanded forms (see
:mod:`warta.components.events`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .lang import load_json, load_lines
from .morphology import AFFIXES, VOICE, inflect, nasal_prefix, strip_affixes  # noqa: F401 (re-exported)

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
@dataclass(frozen=True)
class Trigger:
    """One lexicon line: a phrase with an inflected head and the event it signals."""

    phrase: tuple[str, ...]
    affixes: tuple[str, ...]
    type: str
    mode: Optional[str]
    cameo: Optional[str]
    line: int


@lru_cache(maxsize=None)
def ontology() -> dict:
    """``plover.json``: ``{"types": {TYPE: {"quad", "cameo", "modes"}}, "cameo_labels": {...}}``."""
    return load_json("plover")


def cameo_code(type_: str, mode: Optional[str] = None, override: Optional[str] = None) -> Optional[str]:
    """The CAMEO code for a PLOVER type and mode (``override`` from the lexicon wins)."""
    if override:
        return override
    info = ontology()["types"].get(type_)
    if info is None:
        return None
    return info["modes"].get(mode or "", info["cameo"])


def quad_class(type_: str) -> Optional[int]:
    """CAMEO/GDELT quad class 1-4 of a PLOVER type."""
    info = ontology()["types"].get(type_)
    return info["quad"] if info else None


@lru_cache(maxsize=None)
def triggers() -> tuple[Trigger, ...]:
    """Parsed ``event_triggers.txt``.

    Raises:
        ValueError: on a malformed line, an unknown type or mode, or an unknown affix.
    """
    out = []
    types = ontology()["types"]
    for n, line in enumerate(load_lines("event_triggers"), 1):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) not in (3, 4):
            raise ValueError(f"event_triggers.txt entry {n}: expected 3 or 4 '|' fields: {line!r}")
        phrase, affixes, label = parts[:3]
        type_, _, mode = label.partition(":")
        if type_ != "NONE" and type_ not in types:
            raise ValueError(f"event_triggers.txt entry {n}: unknown PLOVER type {type_!r}")
        if mode and mode not in types[type_]["modes"]:
            raise ValueError(f"event_triggers.txt entry {n}: unknown mode {mode!r} for {type_}")
        affs = tuple(a.strip() for a in affixes.split(",")) if affixes not in ("=", "=v") else (affixes,)
        for a in affs:
            if a not in ("=", "=v") and a not in AFFIXES:
                raise ValueError(f"event_triggers.txt entry {n}: unknown affix {a!r}")
        out.append(Trigger(tuple(phrase.lower().split()), affs, type_, mode or None,
                           parts[3] if len(parts) == 4 else None, n))
    return tuple(out)


def head_forms(trigger: Trigger) -> dict[str, str]:
    """Surface forms of a trigger's first token -> voice (active/passive/noun)."""
    head = trigger.phrase[0]
    if trigger.affixes in (("=",), ("=v",)):
        return {alt: VOICE[trigger.affixes[0]] for alt in head.split("/")}
    out: dict[str, str] = {}
    for pattern in trigger.affixes:
        for form in inflect(head, pattern):
            out.setdefault(form, VOICE[pattern])
    return out


def _tab_rows(name: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("\t")] for line in load_lines(name)]


@lru_cache(maxsize=None)
def actor_sectors() -> dict[str, tuple[str, Optional[str]]]:
    """``actor_sectors.txt``: lower-case noun phrase -> (sector, country or None)."""
    out = {}
    for row in _tab_rows("actor_sectors"):
        out[row[0].lower()] = (row[1], row[2] if len(row) > 2 and row[2] else None)
    return out


@lru_cache(maxsize=None)
def igos() -> dict[str, tuple[str, str]]:
    """``igo.txt``: name as written -> (short code, CAMEO actor code)."""
    return {row[0]: (row[1], row[2]) for row in _tab_rows("igo")}


@lru_cache(maxsize=None)
def country_names() -> dict[str, str]:
    """Indonesian country name -> ISO alpha-3: CLDR names (babel) overlaid by ``event_countries.txt``."""
    out: dict[str, str] = {}
    try:
        import pycountry
        from babel import Locale

        for alpha2, name in Locale("id").territories.items():
            if not alpha2.isalpha() or len(alpha2) != 2:
                continue
            country = pycountry.countries.get(alpha_2=alpha2)
            if country is not None:
                out[name] = country.alpha_3
    except Exception:  # babel/pycountry data missing: the alias file still works
        pass
    for row in _tab_rows("event_countries"):
        out[row[0]] = row[1]
    return out
