"""Errors that reach users: each names where the problem is and what was expected.

The CLI turns any :class:`AirshieldError` into one clear message and exit code 2; nothing
else of airshield's raises to the user with a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class AirshieldError(Exception):
    """Base class of every error airshield reports to a user."""


class InputError(AirshieldError):
    """A file, field or value given by the user is wrong.

    ``file`` is the file the value came from (or None), ``path`` the field path inside it
    (e.g. ``raid.waves[2].count``), ``expected`` what would have been accepted.
    """

    def __init__(self, message: str, *, file: str | None = None, path: str | None = None,
                 expected: str | None = None, hint: str | None = None):
        self.file = file
        self.path = path
        self.expected = expected
        self.hint = hint
        self.detail = message
        super().__init__(self.render())

    def render(self) -> str:
        where = ": ".join(part for part in (self.file, self.path) if part)
        text = f"{where}: {self.detail}" if where else self.detail
        if self.expected:
            text += f" (expected {self.expected})"
        if self.hint:
            text += f"; {self.hint}"
        return text

    def with_file(self, file: str) -> "InputError":
        """The same error, located in ``file`` when no file was known yet."""
        if self.file:
            return self
        return InputError(self.detail, file=file, path=self.path, expected=self.expected, hint=self.hint)


def did_you_mean(name: str, choices: Iterable[str]) -> str | None:
    """A ``did you mean 'x'?`` hint for a name close to one of ``choices``, else None."""
    options = list(choices)
    lowered = {c.lower(): c for c in options}
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{lowered[close[0]]}'?"
    return None


def unknown_name(kind: str, name: str, choices: Iterable[str], *, file: str | None = None,
                 path: str | None = None) -> InputError:
    """The error for a name that is not among the known ``choices`` of ``kind``."""
    options = sorted(choices)
    hint = did_you_mean(name, options)
    listing = ", ".join(options[:12]) + (", ..." if len(options) > 12 else "")
    return InputError(f"unknown {kind} '{name}'", file=file, path=path,
                      expected=f"one of: {listing}", hint=hint)
