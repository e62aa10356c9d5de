"""``warta serve``: the web UI and REST API over an archive."""

from __future__ import annotations

import click

from ._common import fail, handle_errors


@click.command("serve")
@click.option("--db", default="warta.db", show_default=True, envvar="WARTA_DB", type=click.Path(dir_okay=False),
              help="The SQLite archive (created empty when missing).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@handle_errors
def serve_cmd(db, host, port):
    """Serve the archive: pages at /, the REST API under /api, API docs at /docs."""
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as exc:
        fail(f"warta serve needs the web extra ({exc.name} is missing): pip install 'warta[web]'")
    app = create_app(db, preload_model=True)
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    click.echo(f"warta: serving {db} at http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs; Ctrl+C stops)",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
