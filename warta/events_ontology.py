"""PLOVER/CAMEO ontology and the Indonesian event lexicons, loaded from ``warta/lang``.

Data files (no logic in them):
  plover.json         16 PLOVER types, their modes, CAMEO codes and quad classes
  event_triggers.txt  trigger roots + affix patterns -> PLOVER type[:mode]
  actor_sectors.txt   sector nouns -> PLOVER sector codes
  igo.txt             international organisations -> codes
  event_countries.txt country names the CLDR list lacks

The small affix generator here (:func:`inflect`) expands one root and a set of
affix patterns into every surface form ("serang" + meN, di, peN-an, -an ->
menyerang, diserang, penyerangan, serangan, ...); :func:`strip_affixes` goes
the other way and is used to check the lexicon. Matching itself is done by
spaCy's Matcher over the expanded forms (see :mod:`warta.components.events`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .lang import load_json, load_lines

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
AFFIXES = ("0", "0n", "meN", "meN-kan", "meN-i", "memper-kan", "di", "di-kan", "di-i", "diper-kan",
           "ter", "ber", "ber-an", "peN-an", "per-an", "ke-an", "-an")
# which voice a pattern gives the verb: decides whether the subject is actor or recipient
VOICE = {"0": "active", "0n": "noun", "meN": "active", "meN-kan": "active", "meN-i": "active", "memper-kan": "active",
         "ber": "active", "ber-an": "active", "di": "passive", "di-kan": "passive", "di-i": "passive",
         "diper-kan": "passive", "ter": "passive", "peN-an": "noun", "per-an": "noun", "ke-an": "noun",
         "-an": "noun", "=": "noun", "=v": "active"}
_VOWELS = set("aeiou")


def _syllables(root: str) -> int:
    return len(re.findall(r"[aeiou]+", root))


def nasal_prefix(base: str, root: str) -> str:
    """``meN-``/``peN-`` + root with Indonesian nasal assimilation.

    Args:
        base: ``"me"`` or ``"pe"``.
        root: the root, lower case.

    Notes:
        k, p, t, s drop after the nasal (kirim -> mengirim, pukul -> memukul,
        tangkap -> menangkap, serang -> menyerang) unless they start a
        consonant cluster (protes -> memprotes, kritik -> mengkritik);
        one-syllable roots take ``menge-`` (bom -> mengebom).
    """
    if not root:
        return base
    first, second = root[0], root[1:2]
    cluster = bool(second) and second not in _VOWELS
    if _syllables(root) == 1:
        return base + "nge" + root
    if first in _VOWELS:
        return base + "ng" + root
    if first in "lmnrwy":
        return base + root
    if first in "bfv":
        return base + "m" + root
    if first == "p":
        return base + "m" + (root if cluster else root[1:])
    if first in "dcjz":
        return base + "n" + root
    if first == "t":
        return base + "n" + (root if cluster else root[1:])
    if first == "s":
        return base + ("n" + root if cluster else "ny" + root[1:])
    if first == "k":
        return base + "ng" + (root if cluster else root[1:])
    if first in "gh":
        return base + "ng" + root
    return base + root


def _ber(root: str) -> str:
    # be- before r and before a first syllable ending in -er (bekerja, beternak)
    if root.startswith("r") or (len(root) > 2 and root[0] not in _VOWELS and root[1:3] == "er"):
        return "be" + root
    return "ber" + root


def inflect(root: str, pattern: str) -> list[str]:
    """Surface forms of ``root`` under one affix ``pattern`` (see :data:`AFFIXES`).

    Args:
        root: lower-case root ("serang").
        pattern: e.g. ``"meN"``, ``"di-kan"``, ``"peN-an"``, ``"0"``.

    Returns:
        The forms, each also with ``-nya`` attached.

    Raises:
        ValueError: for an unknown pattern.
    """
    if pattern not in AFFIXES:
        raise ValueError(f"unknown affix pattern {pattern!r}; choose from {', '.join(AFFIXES)}")
    if pattern in ("0", "0n"):
        forms = [root]
    else:
        prefix, _, suffix = pattern.partition("-")
        stem = root + suffix  # "", "kan", "i" or "an"
        if prefix == "meN":
            forms = [nasal_prefix("me", root) + suffix]
        elif prefix == "peN":
            forms = [nasal_prefix("pe", root) + suffix]
        elif prefix == "ber":
            forms = [_ber(root) + suffix]
        elif prefix == "per" and root.startswith("r"):
            forms = ["pe" + stem]
        else:  # memper, diper, di, ter, per, ke, or none ("-an")
            forms = [prefix + stem]
    return forms + [f + "nya" for f in forms]


_PREFIXES = ("memper", "diper", "menge", "penge", "meny", "peny", "meng", "peng", "mem", "pem", "men", "pen",
             "ber", "per", "ter", "me", "pe", "di", "ke", "be")


def strip_affixes(word: str) -> set[str]:
    """Candidate roots of an inflected word (a small, over-generating stripper).

    "menyerang" -> {"serang", ...}, "penangkapannya" -> {"tangkap", ...}.
    Used to check that every generated trigger form leads back to its root.
    """
    w = word.lower()
    out = {w}
    for suf in ("nya",):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            out.add(w[: -len(suf)])
    for cand in list(out):
        for suf in ("kan", "an", "i"):
            if cand.endswith(suf) and len(cand) > len(suf) + 2:
                out.add(cand[: -len(suf)])
    roots = set(out)
    for cand in out:
        for pre in _PREFIXES:
            if not cand.startswith(pre) or len(cand) <= len(pre) + 1:
                continue
            rest = cand[len(pre):]
            roots.add(rest)
            # undo nasal assimilation: the dropped first consonant
            if pre in ("meny", "peny"):
                roots.add("s" + rest)
            elif pre in ("meng", "peng"):
                roots.add("k" + rest)
            elif pre in ("mem", "pem"):
                roots.add("p" + rest)
            elif pre in ("men", "pen"):
                roots.add("t" + rest)
    return roots


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
