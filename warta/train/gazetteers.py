"""``warta train gazetteers``: the organisation words warta ships, from the Indonesian DBpedia lists.

``../shared/data/gazetteers`` holds the MDEE gazetteer (Alfina, Savitri and Fanany,
"Modified DBpedia Entities Expansion for Tagging Automatically NER Dataset",
ICACSIS 2017; DBpedia content, CC BY-SA): noisy name lists, to be used as a
check after the NER, never as blind matching. warta keeps one use of it: the
one-word organisation names (acronyms such as "Kompolnas", "Setkab", "BPOM")
that are no person's or place's name in the same lists. The entity resolver
tags such a word ORG when the NER left it untagged, it does not open a
sentence and the article never writes it in lower case
(``warta/components/_official_names.py``). What that use changed is measured
in docs/evaluation.md.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

#: the shipped list, one name a line, under a header that gives its source and licence
ORG_WORDS_FILE = Path(__file__).resolve().parents[1] / "lang" / "dbpedia_org_words.txt"
#: words of the language by their use in real news (written by the same command, from IndoSum)
COMMON_WORDS_FILE = Path(__file__).resolve().parents[1] / "lang" / "corpus_common_words.txt"

_ONE_NAME = re.compile(r"[A-Z][\w&-]{1,23}")
# a derived common noun ("Keolahragaan", "Pendidikan"): no organisation's one-word name
_DERIVED_NOUN = re.compile(r"(?:ke|pe[nmr]?|per)[a-z]{3,}an", re.I)
_HEADER = """\
# One-word organisation names from the Indonesian DBpedia (MDEE gazetteer: Alfina, Savitri and Fanany,
# "Modified DBpedia Entities Expansion for Tagging Automatically NER Dataset", ICACSIS 2017; repository
# ialfina/ner-dataset-modified-dee). DBpedia content: CC BY-SA 3.0; this derived list is shared alike.
# Written by `warta train gazetteers` from ../shared/data/gazetteers: the one-word names of
# dbpedia-id-organization.txt that open with a capital and are no name in dbpedia-id-person.txt or
# dbpedia-id-place.txt, nor a word the IndoSum corpus writes in lower case three times or more (a common
# word: "keadilan"). Used by the entity resolver as a check after the NER (untagged words only).
"""


def _names(path: Path) -> set[str]:
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def org_words(gazetteers: Path, common: frozenset[str] = frozenset()) -> list[str]:
    """The one-word organisation names of the DBpedia lists in ``gazetteers``, sorted: no person's or
    place's name there, and none whose lower-case form is in ``common`` (words of the language).

    Raises:
        FileNotFoundError: a list is missing.
    """
    orgs = _names(gazetteers / "dbpedia-id-organization.txt")
    others = _names(gazetteers / "dbpedia-id-person.txt") | _names(gazetteers / "dbpedia-id-place.txt")
    return sorted(n for n in orgs if _ONE_NAME.fullmatch(n) and n not in others and n.lower() not in common
                  and not _DERIVED_NOUN.fullmatch(n))


def _corpus_sentences(corpus: Path) -> Iterator[list[str]]:
    """The tokenised sentences of an IndoSum JSONL file (each article's "paragraphs" of sentences)."""
    import json

    with open(corpus, encoding="utf-8") as f:
        for line in f:
            for para in json.loads(line).get("paragraphs") or []:
                yield from para


def corpus_lower_words(corpus: Path, least: int = 3) -> frozenset[str]:
    """Words the corpus writes in lower case at least ``least`` times: common words ("keadilan", "taksi"),
    which a list of names holds only by accident ("Keadilan" as a party's word)."""
    from collections import Counter

    counts: Counter = Counter()
    for sent in _corpus_sentences(corpus):
        counts.update(w for w in sent if w.isalpha() and w.islower())
    return frozenset(w for w, n in counts.items() if n >= least)


def write_org_words(gazetteers: Path, output: Path = ORG_WORDS_FILE, corpus: Path | None = None) -> int:
    """Write :func:`org_words` to ``output`` under its provenance header; the number of names. With
    ``corpus`` (IndoSum JSONL), names the corpus writes in lower case are left out as common words."""
    from ..lang import load_lines

    common = frozenset(load_lines("function_words"))
    if corpus is not None:
        common |= corpus_lower_words(corpus)
    names = org_words(gazetteers, common)
    output.write_text(_HEADER + "".join(n + "\n" for n in names), encoding="utf-8")
    return len(names)


_COMMON_HEADER = """\
# Common words of Indonesian news: words the IndoSum corpus (3,063 CNN Indonesia, Kumparan, Merdeka, Suara ...
# articles; Kurniawan and Louvan 2018; CC BY-SA 4.0; this derived list is shared alike) writes in lower case
# at least {least} times and capitalises inside a sentence in at most {share:.0%} of its uses (so "budi",
# mostly a name, is no common word here, while "rekrutmen" and "berarti" are). Written by
# `warta train gazetteers` from ../shared/data/corpus/indosum.jsonl. Used by the entity resolver for the
# first word of a sentence, where a capital says nothing: one such word alone is no entity
# ("Rekrutmen ...", "Pepatah ..."), and one before a name the article writes on its own is no part of it
# ("Kemarahan Wiwit").
"""


def common_words(corpus: Path, least: int = 3, share: float = 0.1) -> list[str]:
    """Words (3 letters or more) the corpus writes in lower case at least ``least`` times and
    capitalises inside a sentence (not as its first word) in at most ``share`` of their uses, sorted."""
    from collections import Counter

    lower: Counter = Counter()
    capitalised: Counter = Counter()
    for sent in _corpus_sentences(corpus):
        for i, w in enumerate(sent):
            if not w.isalpha():
                continue
            if w.islower():
                lower[w] += 1
            elif i > 0 and w[:1].isupper() and w[1:].islower():
                capitalised[w.lower()] += 1
    return sorted(w for w, n in lower.items()
                  if len(w) >= 3 and n >= least and capitalised[w] <= share * (n + capitalised[w]))


def write_common_words(corpus: Path, output: Path = COMMON_WORDS_FILE, least: int = 3, share: float = 0.1) -> int:
    """Write :func:`common_words` to ``output`` under its provenance header; the number of words."""
    words = common_words(corpus, least, share)
    output.write_text(_COMMON_HEADER.format(least=least, share=share) + "".join(w + "\n" for w in words),
                      encoding="utf-8")
    return len(words)
