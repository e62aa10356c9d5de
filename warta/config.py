"""Tunables in one place, with defaults overridable by environment variables.

``WARTA_MAX_BYTES`` (default 5 MB) caps one article's input size;
``WARTA_MIN_HTML_CHARS`` is the shortest main text accepted from HTML;
``WARTA_MIN_ID_RATIO`` is the share of Indonesian function words below
which a text is reported as not Indonesian.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


def _env(name: str, default, cast):
    raw = os.environ.get(name)
    return default if raw in (None, "") else cast(raw)


@dataclass
class Settings:
    max_bytes: int = _env("WARTA_MAX_BYTES", 5 * 1024 * 1024, int)
    min_html_chars: int = _env("WARTA_MIN_HTML_CHARS", 40, int)
    min_id_ratio: float = _env("WARTA_MIN_ID_RATIO", 0.12, float)
    batch_size: int = _env("WARTA_BATCH_SIZE", 32, int)


settings = Settings()
