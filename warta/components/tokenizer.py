"""warta's Indonesian tokenizer: spaCy's ``id`` rules, fixed for news text.

spaCy's stock ``id`` rules split every hyphen and slash between letters
("Kassym - Jomart", "sekutu - sekutunya") and every slash between digits.
warta follows the UD Indonesian treebanks (GSD, CSUI) instead, because
later stages need these units whole. Rules, as regexes built once:

- a hyphen between letters stays inside the word: names ("Kassym-Jomart"),
  reduplications ("pesawat-pesawat", "sekutu-sekutunya"), "ke-5",
  "1960-an"; it is split only where CSUI splits it: a month range
  ("Januari-September"), a mixed-case word joined to an acronym
  ("Bapepam-LK", "RI-Jepang") and a number range ("5-10"); letter-digit
  compounds stay whole ("Covid-19", "U-20"; CSUI once splits "Mobile-8");
- a slash between digits stays inside ("13/1/2022", "(13/1)" -> "(",
  "13/1", ")"); a slash between two words is split ("DPR/MPR"), one between
  single letters is not ("C/O");
- numbers with "." thousands and "," decimals are one token ("2.000",
  "1,8"); "Rp" and "%" are separate tokens ("Rp", "10"; "57", "%"), as in
  CSUI;
- a leading hyphen is split off ("-PricewaterhouseCoopers");
- abbreviations spaCy lists ("Dr.", "No.") and those in
  ``lang/abbreviations_final.txt`` ("S.H.", "M.Si.", "Tbk.", "Ltd.") keep
  their full stop, as CSUI does; other one-part abbreviations ("Jl.")
  are split like GSD splits them (see README "Segmentation").
"""

from __future__ import annotations

import spacy
from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER, HYPHENS
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from ..lang import load_lines
from ..morphology import HYPHENATED_PREFIXES

_MONTHS = ("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember "
           "January February March May June July August October December").split()

# Stock infixes whose job the rules below take over (matched by their source text).
_DROPPED_INFIXES = (
    r"(?<=[0-9])[\\/](?=[0-9%-])",  # id: digit slash digit
    r"(?<=[0-9])-(?=[{a}])".format(a=ALPHA),  # id: digit hyphen letter
    r"(?<=[{a}])-(?=[0-9])".format(a=ALPHA),  # id: letter hyphen digit
)


def _infixes(nlp: Language) -> list[str]:
    out = []
    for pattern in nlp.Defaults.infixes:
        if pattern in _DROPPED_INFIXES:
            continue
        if "(?:{h})".format(h=HYPHENS) in pattern:  # base: hyphen between letters
            continue
        if pattern.startswith(r"(?<=[{a}])[\/-]".format(a=ALPHA)):  # id: slash/hyphen between letters
            continue
        if pattern == r"(?<=[{a}0-9])[:<>=/](?=[{a}])".format(a=ALPHA):
            pattern = r"(?<=[{a}0-9])[:<>=](?=[{a}])".format(a=ALPHA)  # slashes: see below
        out.append(pattern)
    months_before = "|".join(f"(?<={m})" for m in _MONTHS)
    months_after = "|".join(_MONTHS)
    # lower-case word prefixes glued to an acronym by a hyphen ("di-PHK") stay one token
    not_prefix = "".join(f"(?<!^{p})" for p in HYPHENATED_PREFIXES)
    out += [
        # month ranges: "Januari-September", "April-14"
        rf"(?:{months_before})-(?=[{ALPHA}0-9])",
        rf"(?<=[{ALPHA}])-(?=(?:{months_after})\b)",
        # acronym next to a mixed-case word: "RI-Jepang", "Bapepam-LK"
        rf"(?<=[{ALPHA_UPPER}][{ALPHA_UPPER}])-(?=[{ALPHA_UPPER}][{ALPHA_LOWER}])",
        rf"{not_prefix}(?<=[{ALPHA_LOWER}])-(?=[{ALPHA_UPPER}][{ALPHA_UPPER}]+\b)",
        # a sentence end with the space lost: "(18 Desember).Sementara", "2012.Fahd"
        r"[)\"”’'](?=\.[A-Z][a-z]{2})",
        r"(?:(?<=[)\"”’'])|(?<=[0-9]{4})|(?<=[a-z]{3})|(?<=[A-Z]{3}))\.(?=[A-Z][a-z]{2})",
        # a slash between numbers with separators: "Rp9.100/9.105"
        r"(?<=[0-9][.,][0-9]{3})/(?=[0-9])",
        # words joined by a slash: "DPR/MPR"; single letters "C/O" stay whole
        rf"(?<=[{ALPHA}][{ALPHA}])/(?=[{ALPHA}])",
        rf"(?<=[{ALPHA}])/(?=[{ALPHA}][{ALPHA}])",
        # a dash of two hyphens glued to its words: "JAKARTA--Pesawat"
        rf"(?<=[{ALPHA}])-{{2,}}(?=[{ALPHA}])",
        # a dateline's bracketed outlet glued to its place and the text: "JAKARTA(TEROPONGSENAYAN)-Pemerintah"
        rf"(?<=[{ALPHA_UPPER}]{{2}})\((?=[{ALPHA_UPPER}])",
        rf"(?<=[{ALPHA_UPPER}])\)(?=-)",
        rf"(?<=\))-(?=[{ALPHA_UPPER}])",
    ]
    return out


def _prefixes(nlp: Language) -> list[str]:
    # "``" is one token in GSD; "US$6,4" is "US", "$", "6,4" in CSUI; "#tag" splits in GSD
    out = ["``", "US(?=\\$)", "#"]
    out += [p for p in nlp.Defaults.prefixes if p != "US\\$"]
    return out + [r"-(?=[^\d\s-])"]


def _suffixes(nlp: Language) -> list[str]:
    # the clitic suffixes "-nya", "-ku", "-mu" are not split: GSD keeps "hamba-Ku",
    # "melakukan-Nya" whole ("Lloyd's" too, but CSUI splits "Moody|'s": spaCy's split stays)
    out = [p for p in nlp.Defaults.suffixes if p not in (r"\-[Nn]ya", "-[KkMm]u")]
    # a full stop after a capital that follows a letter: "ConnectU.", "APBN-P."
    return out + [rf"(?<=[{ALPHA}\-][{ALPHA_UPPER}])\.", "′", "″"]


def create_tokenizer(nlp: Language) -> Tokenizer:
    """A tokenizer for ``nlp`` (a blank ``id`` pipeline) with warta's fixes.

    Built in one go: setting the rules one by one on an existing tokenizer
    re-runs spaCy's 16,000 Indonesian exceptions through them each time.
    """
    rules = dict(nlp.Defaults.tokenizer_exceptions)
    # Dotted degrees ("S.H.", "M.Si.") and company forms ("Tbk.", "Ltd.") stay whole,
    # as in CSUI; one-part titles ("Jl.", "Kab.") keep spaCy's rule (split unless
    # spaCy lists them), as GSD splits them: the segmenter reads text, not tokens.
    for abbr in load_lines("abbreviations_final"):
        for form in {abbr, abbr.capitalize(), abbr.upper(), _title_dotted(abbr)}:
            rules[form] = [{ORTH: form}]
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(_prefixes(nlp)).search,
        suffix_search=compile_suffix_regex(_suffixes(nlp)).search,
        infix_finditer=compile_infix_regex(_infixes(nlp)).finditer,
        token_match=nlp.tokenizer.token_match,
        url_match=nlp.tokenizer.url_match,
    )


def _title_dotted(abbr: str) -> str:
    """"s.h." -> "S.H.", "m.si." -> "M.Si." (each dotted part capitalised)."""
    return ".".join(p.capitalize() for p in abbr.split("."))


@spacy.registry.tokenizers("warta.Tokenizer.v1")
def make_tokenizer():
    """Registered tokenizer factory for configs: ``@tokenizers = "warta.Tokenizer.v1"``."""

    def create(nlp: Language) -> Tokenizer:
        return create_tokenizer(nlp)

    return create
