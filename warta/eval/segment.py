"""Word and sentence segmentation scores against CoNLL-U files, UD style.

How the gold data is read (the conventions of the CoNLL 2018 shared task
scorer, restricted to what a tokenizer without clitic splitting can do):

- Each sentence's raw text is its ``# text`` comment. The sentences of one
  file are joined with a single space into one running text; warta segments
  that text from scratch. (GSD shuffles its sentences, so no document
  context is lost that was not already lost.)
- Gold **words** are the surface tokens: a multiword-token line
  (``6-7 menyetujuinya``) is one token and its syntactic words are not
  scored separately, because warta does not split clitics such as ``-nya``
  (UD's "Tokens" metric). Each form is located in ``# text`` from left to
  right, giving character spans.
- Gold **sentences** are the character spans of the ``# text`` values in
  the running text.
- A predicted word or sentence is correct when its character span (ignoring
  surrounding whitespace) equals a gold span exactly. Precision, recall and
  F1 are micro-averaged over each file and over all files together.

:func:`analyse_file` measures how far a file's gold sentences allow a
splitter to go: GSD's units often hold several sentences ("... frekuensi
450 MHz. Standar ini ..."), see ``docs/segmentation.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Iterable, Optional, Sequence, Union

from ..errors import ConlluError  # noqa: F401 (re-exported)
from ._common import PRFMixin


@dataclass(frozen=True)
class GoldSentence:
    """One CoNLL-U sentence: its ``# text`` and its surface tokens' spans in it."""

    text: str
    tokens: tuple[tuple[int, int], ...]


@dataclass
class Score(PRFMixin):
    """Counts and P/R/F1 (0-100) for one kind of unit."""

    scale: ClassVar[float] = 100.0

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 2), "recall": round(self.recall, 2),
                "f1": round(self.f1, 2), "tp": self.tp, "pred": self.n_pred, "gold": self.n_gold}


@dataclass
class FileScore:
    """Word and sentence scores for one file (or the total)."""

    name: str
    words: Score = field(default_factory=Score)
    sentences: Score = field(default_factory=Score)
    errors: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"file": self.name, "words": self.words.as_dict(), "sentences": self.sentences.as_dict()}


def read_conllu(path: Union[str, Path]) -> list[GoldSentence]:
    """Sentences of a CoNLL-U file with surface-token character spans.

    Raises:
        ConlluError: unreadable file, a sentence without ``# text``, or a
            form that cannot be found in its sentence's text.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConlluError(f"cannot read {path}: {exc}") from None
    out: list[GoldSentence] = []
    text: Optional[str] = None
    forms: list[str] = []
    skip_until = 0
    lineno = 0

    def close():
        nonlocal text, forms
        if text is None and not forms:
            return
        if text is None:
            raise ConlluError(f"{path}:{lineno}: sentence without a '# text' comment")
        out.append(GoldSentence(text, _locate(text, forms, path, lineno)))
        text, forms = None, []

    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            close()
            skip_until = 0
            continue
        if line.startswith("#"):
            if line.startswith("# text =") or line.startswith("# text="):
                text = line.split("=", 1)[1].strip()
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise ConlluError(f"{path}:{lineno}: not a CoNLL-U token line")
        idx = cols[0]
        if "." in idx:  # empty nodes have no surface form
            continue
        if "-" in idx:
            first, last = idx.split("-", 1)
            skip_until = int(last)
            forms.append(cols[1])
            continue
        if skip_until and int(idx) <= skip_until:
            continue
        forms.append(cols[1])
    close()
    return out


def _locate(text: str, forms: Sequence[str], path, lineno) -> tuple[tuple[int, int], ...]:
    spans = []
    pos = 0
    for form in forms:
        start = text.find(form, pos)
        # forms must follow each other with only whitespace in between
        if start < 0 or text[pos:start].strip():
            raise ConlluError(f"{path}:{lineno}: form {form!r} not found in '# text' after offset {pos}")
        spans.append((start, start + len(form)))
        pos = start + len(form)
    return tuple(spans)


def running_text(sentences: Sequence[GoldSentence]) -> tuple[str, set, set]:
    """The sentences joined by one space, with gold word and sentence spans in it."""
    parts = []
    words: set = set()
    sents: set = set()
    pos = 0
    for s in sentences:
        parts.append(s.text)
        sents.add((pos, pos + len(s.text)))
        words.update((pos + a, pos + b) for a, b in s.tokens)
        pos += len(s.text) + 1
    return " ".join(parts), words, sents


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def predict(nlp, text: str) -> tuple[set, set]:
    """Predicted word and sentence spans of ``text`` (whitespace tokens dropped)."""
    doc = nlp(text)
    words = {(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space}
    sents = set()
    for sent in doc.sents:
        span = _strip_span(text, sent.start_char, sent.end_char)
        if span[1] > span[0]:
            sents.add(span)
    return words, sents


def _score(pred: set, gold: set) -> Score:
    return Score(tp=len(pred & gold), n_pred=len(pred), n_gold=len(gold))


def score_file(nlp, path: Union[str, Path], keep_errors: int = 0) -> FileScore:
    """Word and sentence scores of ``nlp`` on one CoNLL-U file.

    Args:
        nlp: a spaCy pipeline with a tokenizer and a component that sets
            sentence starts (warta's ``segmenter``).
        path: the CoNLL-U file.
        keep_errors: keep up to this many sentence-boundary errors (as
            ``(kind, text around it)``) in ``FileScore.errors`` for inspection.
    """
    gold_sents = read_conllu(path)
    text, gold_words, gold_sent_spans = running_text(gold_sents)
    words, sents = predict(nlp, text)
    result = FileScore(Path(path).name, _score(words, gold_words), _score(sents, gold_sent_spans))
    if keep_errors:
        gold_ends = {e for _, e in gold_sent_spans}
        pred_ends = {e for _, e in sents}
        for kind, ends in (("missed", gold_ends - pred_ends), ("extra", pred_ends - gold_ends)):
            for e in sorted(ends)[:keep_errors]:
                result.errors.append((kind, text[max(0, e - 60):e] + " || " + text[e:e + 40]))
        word_errs = sorted(words ^ gold_words)
        for a, b in word_errs[:keep_errors]:
            kind = "word-extra" if (a, b) in words else "word-missed"
            result.errors.append((kind, f"{text[a:b]!r} in …{text[max(0, a - 25):b + 25]}…"))
    return result


def evaluate(paths: Iterable[Union[str, Path]], nlp=None, keep_errors: int = 0) -> list[FileScore]:
    """Scores per file plus a final ``total`` entry.

    Args:
        paths: CoNLL-U files.
        nlp: the pipeline to score (default: warta's tokenizer + segmenter).
        keep_errors: see :func:`score_file`.
    """
    if nlp is None:
        from ..pipeline import build

        nlp = build(stages=("segmenter",))
    results = [score_file(nlp, p, keep_errors) for p in paths]
    total = FileScore("total")
    for r in results:
        total.words.add(r.words)
        total.sentences.add(r.sentences)
    return results + ([total] if len(results) > 1 else [])


def format_scores(results: Sequence[FileScore]) -> str:
    """A plain-text table: file, unit, P, R, F1, gold count."""
    lines = [f"{'file':<28} {'unit':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>7}"]
    for r in results:
        for unit, s in (("words", r.words), ("sentences", r.sentences)):
            lines.append(f"{r.name:<28} {unit:<10} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.n_gold:7d}")
    return "\n".join(lines)


# A sentence end inside a gold unit: an end mark (plus closing quotes or
# brackets), space, then a capital (maybe after an opening quote or bracket).
_INTERNAL_END = re.compile(r"""(?:\.{2,}|…|[.!?]+)["”’»)\]']*\s+(?=["“‘'(\[]?[A-Z])""")
_INITIAL = re.compile(r"^(?:[A-Za-z]\.)+$")  # "R.", "S.H.", "D.W."


@dataclass
class Ceiling:
    """What the gold sentences of one file allow a splitter to reach (see :func:`analyse_file`)."""

    name: str
    gold: int = 0
    units_with_internal: int = 0
    internal: int = 0
    internal_after_capitalised: int = 0
    units_ending_capitalised: int = 0
    split_all: Score = field(default_factory=Score)
    split_no_capitalised: Score = field(default_factory=Score)
    examples: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"file": self.name, "gold": self.gold, "units_with_internal_end": self.units_with_internal,
                "internal_ends": self.internal, "internal_after_capitalised": self.internal_after_capitalised,
                "units_ending_capitalised": self.units_ending_capitalised,
                "split_all": self.split_all.as_dict(), "split_no_capitalised": self.split_no_capitalised.as_dict()}


def _abbreviations() -> frozenset:
    from ..lang import load_wordset

    return load_wordset("abbreviations") | load_wordset("abbreviations_final")


def _word_before(text: str, mark: int) -> str:
    """The word before the end mark at ``mark``, with the mark, opening quotes and brackets dropped."""
    start = max(text.rfind(" ", 0, mark), text.rfind("\n", 0, mark)) + 1
    return text[start:mark + 1].lstrip("\"“‘'([«`")


def _capitalised_stop(text: str, mark: int) -> bool:
    """Whether the mark at ``mark`` is a full stop after a capitalised word ("MHz.", "XM.", "Chair”.")."""
    if text[mark] != "." or text.startswith("..", mark):
        return False
    word = _word_before(text, mark).rstrip(".").rstrip("\"”’')]»")
    return bool(word) and word[0].isupper()


def internal_ends(text: str, abbreviations: frozenset = frozenset()) -> list[tuple[int, int]]:
    """``(mark, next_start)`` of each sentence end inside one gold unit's ``text``.

    A sentence end is an end mark followed by space and a capital. Not
    counted (a sane splitter keeps them whole): a full stop after one of
    ``abbreviations``, after an initial or a dotted acronym ("R.", "S.H."),
    and any mark inside brackets or a quotation.
    """
    from ..components.segmenter import paren_regions, quote_regions

    regions = quote_regions(text) + paren_regions(text)
    out = []
    for m in _INTERNAL_END.finditer(text):
        mark, nxt = m.start(), m.end()
        if nxt >= len(text):
            continue
        if any(a < mark and nxt < b for a, b in regions):
            continue
        if text[mark] == "." and not text.startswith("..", mark):
            word = _word_before(text, mark)
            if word.lower() in abbreviations or _INITIAL.match(word):
                continue
        out.append((mark, nxt))
    return out


def _spans_from(text: str, starts: set) -> set:
    """Sentence spans of ``text`` cut at ``starts``, whitespace stripped."""
    cuts = sorted({0, len(text)} | starts)
    spans = (_strip_span(text, a, b) for a, b in zip(cuts, cuts[1:]))
    return {s for s in spans if s[1] > s[0]}


def analyse_file(path: Union[str, Path], n_examples: int = 0) -> Ceiling:
    """How many gold units hold a sentence end, and the best sentence F1 that allows.

    Two idealised splitters are scored with the same scorer as
    :func:`score_file`: both find every gold boundary that they can and
    nothing else, except that ``split_all`` also splits at every internal
    sentence end (:func:`internal_ends`), as any splitter that reads "word.
    Capital" as a sentence end does; ``split_no_capitalised`` never splits
    after a capitalised word and a full stop, so it keeps "450 MHz. Standar"
    whole but also misses the gold boundaries after such a word.

    Args:
        path: a CoNLL-U file.
        n_examples: keep up to this many units with internal ends (text
            around the first one) in ``Ceiling.examples``.
    """
    sentences = read_conllu(path)
    text, _, gold = running_text(sentences)
    abbreviations = _abbreviations()
    result = Ceiling(Path(path).name, gold=len(sentences))
    all_cuts: set = set()
    no_cap_cuts: set = set()
    pos = 0
    prev_cap = False
    for i, s in enumerate(sentences):
        found = internal_ends(s.text, abbreviations)
        if found:
            result.units_with_internal += 1
            result.internal += len(found)
            if len(result.examples) < n_examples:
                mark, nxt = found[0]
                result.examples.append(s.text[max(0, mark - 50):nxt] + "|| " + s.text[nxt:nxt + 30])
        for mark, nxt in found:
            all_cuts.add(pos + nxt)
            if _capitalised_stop(s.text, mark):
                result.internal_after_capitalised += 1
            else:
                no_cap_cuts.add(pos + nxt)
        ends_cap = bool(s.text) and _capitalised_stop(s.text, len(s.text) - 1)
        result.units_ending_capitalised += ends_cap
        if i:
            all_cuts.add(pos)
            if not prev_cap:
                no_cap_cuts.add(pos)
        prev_cap = ends_cap
        pos += len(s.text) + 1
    result.split_all = _score(_spans_from(text, all_cuts), gold)
    result.split_no_capitalised = _score(_spans_from(text, no_cap_cuts), gold)
    return result


def format_analysis(results: Sequence[Ceiling]) -> str:
    """A plain-text report of :func:`analyse_file` results."""
    lines = []
    for r in results:
        lines += [
            f"{r.name}: {r.gold} gold units",
            f"  units holding a sentence end (mark + space + capital): {r.units_with_internal}"
            f" ({r.internal} ends, {r.internal_after_capitalised} of them after a capitalised word + '.')",
            f"  units ending in a capitalised word + '.': {r.units_ending_capitalised}",
        ]
        for label, s in (("splits at every such end", r.split_all),
                         ("never splits after a capitalised word + '.'", r.split_no_capitalised)):
            lines.append(f"  best sentence F1 of a splitter that {label}: "
                         f"P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f}")
        lines += [f"    {e}" for e in r.examples]
    return "\n".join(lines)
