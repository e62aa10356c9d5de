"""Indonesian morphology: the affix generator and the prefixed-verb test, one place for both.

- :func:`inflect` expands a root under an affix pattern (:data:`AFFIXES`) into
  its surface forms, with meN-/peN- nasal assimilation (:func:`nasal_prefix`);
  :func:`strip_affixes` goes the other way (a small, over-generating stripper).
  The event lexicon (:mod:`warta.events_ontology`) is written as roots and
  patterns and expanded here; :data:`VOICE` says which voice each pattern gives.
- :func:`looks_prefixed_verb` and :func:`verb_pattern` answer "is this word a
  prefixed verb (me-, ber-, di-, ter-)?" for the components: by its prefix, its
  length, and not being one of the words that only look so. Each caller states
  which prefixes and how long a word it means (the rules were tuned so), but
  the prefixes and the exceptions are the ones of ``lang/morphology.json``.
"""

from __future__ import annotations

import re

from .lang import load_json

_DATA = load_json("morphology")

#: prefixes a verb form opens with: active meN- (me, mem, men, meng, meny) and ber-, passive di- and ter-
ACTIVE_PREFIXES: tuple[str, ...] = tuple(_DATA["verb_prefixes"]["active"])
PASSIVE_PREFIXES: tuple[str, ...] = tuple(_DATA["verb_prefixes"]["passive"])
VERB_PREFIXES: tuple[str, ...] = ACTIVE_PREFIXES + PASSIVE_PREFIXES
#: the nasal forms of meN- before a root: only verbs open with them (bare "me" also opens "meja")
MEN_ALLOMORPHS: tuple[str, ...] = tuple(_DATA["men_allomorphs"])
#: words that open with a verb prefix and are no verbs ("dirinya", "tersebut", "terhadap")
NOT_VERBS: frozenset[str] = frozenset(_DATA["not_verbs"])
#: prefixes written with a hyphen before an acronym ("di-PHK", "non-PNS"): the whole stays one token
HYPHENATED_PREFIXES: tuple[str, ...] = tuple(_DATA["hyphenated_prefixes"])


def looks_prefixed_verb(word: str, prefixes: tuple[str, ...] = VERB_PREFIXES, min_len: int = 6) -> bool:
    """Whether the lower-case ``word`` looks like a verb with one of ``prefixes``.

    It opens with the prefix, has at least ``min_len`` letters (so "dia",
    "diri", "meja" are not verbs) and is none of :data:`NOT_VERBS`. The caller
    checks that the token is a lower-case alphabetic word.
    """
    return len(word) >= min_len and word.startswith(prefixes) and word not in NOT_VERBS


#: an abstract noun of the ke-an, peN-an or per-an confix ("Kelangkaan", "Penangkapan", "Keberhasilan")
_DERIVED_NOUN = re.compile(r"(?:ke|pe[mnr]?|peng|peny)\w{3,}an")


def looks_derived_noun(word: str) -> bool:
    """Whether the lower-case ``word`` looks like an abstract noun of a ke-an, peN-an or per-an confix:
    a thing or an act ("keberhasilan", "penangkapan"), which the caller tells from a person noun that
    looks alike ("perempuan")."""
    return _DERIVED_NOUN.fullmatch(word) is not None


def verb_pattern(prefixes: tuple[str, ...] = VERB_PREFIXES, min_stem: int = 3) -> str:
    """Regex source for a lower-case word of one of ``prefixes`` and at least ``min_stem`` more letters.

    For patterns over running text ("X, menjelaskan" / "mereka menyerang"); it
    matches by shape only, so it does not exclude :data:`NOT_VERBS`.
    """
    return r"(?:%s)[a-z]{%d,}" % ("|".join(prefixes), min_stem)


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
