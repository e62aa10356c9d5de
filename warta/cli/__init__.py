"""The ``warta`` command line: thin shells over the library.

Every command maps :class:`warta.errors.InputError` to one line on stderr
and exit code 2, never a traceback.
"""

from __future__ import annotations

import click

from .. import __version__
from .demo import demo_cmd
from .extract import extract_cmd, schema_cmd
from .eval import eval_group
from .train import train_group
from .eval_ner import eval_ner_cmd
from .eval_quotes import eval_quotes_cmd
from .eval_events import eval_events_cmd
from .eval_timex import eval_timex_cmd
from .eval_quantities import eval_quantities_cmd
from .eval_entities import eval_entities_cmd
from .eval_segment import eval_segment_cmd
from .eval_articles import eval_articles_cmd
from .train_ner import train_ner_cmd
from .train_silver import train_silver_cmd
from .train_gazetteers import train_gazetteers_cmd
from .train_teacher import (convert_e5_cmd, export_accurate_cmd, teacher_eval_cmd, teacher_silver_cmd,
                            train_teacher_cmd)
from .batch import batch_cmd
from .bench import bench_cmd
from .ingest import ingest_cmd
from .query import entities_cmd, errors_cmd, events_cmd, export_cmd, quotes_cmd, search_cmd
from .serve import serve_cmd
from .show import show_cmd
from .stories import aliases_group, stories_cmd
from .eval_stories import eval_stories_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warta")
def main():
    """warta: structured facts from Indonesian news (entities, quotes, times,
    quantities, PLOVER events)."""


main.add_command(extract_cmd)
main.add_command(demo_cmd)
main.add_command(schema_cmd)
main.add_command(eval_group)
main.add_command(train_group)
eval_group.add_command(eval_ner_cmd)
eval_group.add_command(eval_quotes_cmd)
eval_group.add_command(eval_events_cmd)
eval_group.add_command(eval_timex_cmd)
eval_group.add_command(eval_quantities_cmd)
eval_group.add_command(eval_entities_cmd)
eval_group.add_command(eval_segment_cmd)
eval_group.add_command(eval_articles_cmd)
eval_group.add_command(eval_stories_cmd)
train_group.add_command(train_ner_cmd)
train_group.add_command(train_silver_cmd)
train_group.add_command(convert_e5_cmd)
train_group.add_command(train_teacher_cmd)
train_group.add_command(teacher_silver_cmd)
train_group.add_command(teacher_eval_cmd)
train_group.add_command(train_gazetteers_cmd)
train_group.add_command(export_accurate_cmd)
main.add_command(batch_cmd)
main.add_command(bench_cmd)
main.add_command(ingest_cmd)
for _cmd in (search_cmd, show_cmd, quotes_cmd, events_cmd, entities_cmd, errors_cmd, export_cmd):
    main.add_command(_cmd)
main.add_command(serve_cmd)
main.add_command(stories_cmd)
main.add_command(aliases_group)
