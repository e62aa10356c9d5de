"""Errors raised by warta, with stable codes.

Hierarchy::

    WartaError
    ├── InputError          bad article input (CLI exit code 2)
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── UndecodableInput
    │   ├── InputTooLarge
    │   ├── NoArticleBody
    │   ├── MalformedInput
    │   └── NotIndonesian
    └── ModelError          a shipped model or data file is missing/broken
"""

from __future__ import annotations


class WartaError(Exception):
    """Base class; ``code`` is stable and documented."""

    code = "W000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(WartaError):
    code = "W100"


class EmptyInput(InputError):
    code = "W101"


class BinaryInput(InputError):
    code = "W102"


class UndecodableInput(InputError):
    code = "W103"


class InputTooLarge(InputError):
    code = "W104"


class NoArticleBody(InputError):
    code = "W105"


class MalformedInput(InputError):
    code = "W106"


class NotIndonesian(InputError):
    code = "W107"


class ModelError(WartaError):
    code = "W200"
