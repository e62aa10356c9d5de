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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Iterable, Optional, Sequence, Union

from ..errors import WartaError
from ._common import PRFMixin


class ConlluError(WartaError):
    """A CoNLL-U file that cannot be read or whose forms do not match its text."""

    code = "W310"


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
