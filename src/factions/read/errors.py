from __future__ import annotations


class ReadError(Exception):
    """An input that could not be read; `str()` is the one line shown to the user."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def named(self, source: str) -> "ReadError":
        return ReadError(source, self.reason)
