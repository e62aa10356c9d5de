"""The readers moved to :mod:`warta.readers`, the one registry ``warta ingest`` and ``warta batch`` share.

This module keeps the old import path working.
"""

from ..readers import (SUFFIXES, Item, html_fragment_to_text, iter_files, iter_items, kind_of,  # noqa: F401
                       read_source)

read_path = read_source
