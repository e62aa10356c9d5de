"""Helpers shared by CLI commands."""

from __future__ import annotations

import functools
import sys

import click

from ..errors import WartaError


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
