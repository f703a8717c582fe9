"""Exceptions raised by the library.

Every message says what went wrong, where, and how to fix it; the CLI prints the
message on one line and exits non-zero. Codes are stable so users can search them::

    StorylineError
     ├── InputError       (E1xx) a file or record cannot be read as an article
     ├── StoreError       (E2xx) the SQLite store cannot be opened or migrated
     ├── ModelError       (E3xx) the spaCy model is missing
     └── UsageError       (E4xx) an option or argument is wrong
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class; ``code`` is a stable identifier such as ``E101``."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"


class InputError(StorylineError):
    code = "E100"


class StoreError(StorylineError):
    code = "E200"


class ModelError(StorylineError):
    code = "E300"


class UsageError(StorylineError):
    code = "E400"
