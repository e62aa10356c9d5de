"""warta's web UI and REST API (the ``[web]`` extra): ``create_app(db)``.

Run it with ``warta serve --db warta.db``.
"""

from .app import create_app

__all__ = ["create_app"]
