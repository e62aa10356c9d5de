"""Helpers shared by CLI commands."""

from __future__ import annotations

import functools
import json
import sys
from typing import Callable

import click

from ..errors import InputError, WartaError

CORPUS_HELP = "IndoSum JSONL the gold offsets refer to (default: ../shared/data/corpus/indosum.jsonl)."


def fail(message: str, code: int = 2) -> None:
    """Print one line on stderr and exit."""
    click.echo(f"warta: error: {message}", err=True)
    sys.exit(code)


def handle_errors(fn):
    """Map warta errors (and unexpected ones) to a one-line message and exit 2/1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except WartaError as exc:
            fail(str(exc), 2)
        except (BrokenPipeError, KeyboardInterrupt):
            sys.exit(130)
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except Exception as exc:  # last resort: still one line, no traceback
            fail(f"internal error: {type(exc).__name__}: {exc} (please report it)", 1)

    return wrapper


# --- ``warta eval ...`` commands ---------------------------------------------


def gold_input(arg: str = "gold", corpus_help: str = CORPUS_HELP):
    """Decorator: an optional gold-path argument ``arg`` and ``--corpus``."""

    def decorate(fn):
        fn = click.option("--corpus", type=click.Path(), default=None, help=corpus_help)(fn)
        return click.argument(arg, type=click.Path(), required=False)(fn)

    return decorate


def report_options(errors_help: str):
    """Decorator: ``--json`` (as ``as_json``) and the ``--errors`` flag (as ``show_errors``)."""

    def decorate(fn):
        fn = click.option("--errors", "show_errors", is_flag=True, help=errors_help)(fn)
        return click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")(fn)

    return decorate


def run_eval(evaluate: Callable, *args, **kwargs):
    """``evaluate(*args, **kwargs)``, a missing file or bad gold raised as a one-line :class:`InputError`."""
    try:
        return evaluate(*args, **kwargs)
    except FileNotFoundError as exc:
        raise InputError(str(exc)) from None
    except (KeyError, ValueError) as exc:
        raise InputError(str(exc).strip("'\"")) from None


def error_texts(errors, corpus) -> dict[str, str]:
    """Article texts (by id) of the articles named in a scorer's ``errors`` list."""
    from ..corpus import load_indosum

    return {k: v["text"] for k, v in load_indosum({e[0] for e in errors}, corpus).items()}


def clip(text: str, start: int, end: int, width: int) -> str:
    """``text[start:end]`` on one line, cut to ``width`` characters, quoted."""
    s = text[start:end].replace("\n", " ")
    return repr(s[:width] + ("..." if len(s) > width else ""))


def echo_scores(as_json: bool, data: dict, report: str) -> None:
    """Print ``data`` as indented JSON, or the plain-text ``report``."""
    click.echo(json.dumps(data, indent=2) if as_json else report)


def prf_table(summary: dict, rows: tuple[tuple[str, str], ...]) -> list[str]:
    """Report lines: the counts of a span evaluation's ``summary``, then one P/R/F1 line per ``(label, key)``."""
    lines = [f"documents {summary['documents']}  gold {summary['gold']}  predicted {summary['predicted']}",
             f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}"]
    for label, key in rows:
        s = summary[key]
        lines.append(f"{label:<22}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}")
    return lines


def span_eval(load_gold: Callable, evaluate: Callable, desc: str, path, corpus, as_json: bool, show_errors: bool,
              report: Callable[[dict], str]) -> None:
    """Body of a span evaluation command (timex, quantities): score, print, list the errors."""
    from tqdm import tqdm

    docs = load_gold(path, corpus)
    score = evaluate(docs, progress=lambda d: tqdm(d, desc=desc, unit="doc", file=sys.stderr, leave=False))
    summary = score.summary()
    echo_scores(as_json, summary, report(summary))
    if show_errors:
        for e in score.errors:
            click.echo(f"{e['kind']:<9}{e['id'][:28]:<29}{e['text']!r:<28} gold {e['gold']}  pred {e['pred']}")
