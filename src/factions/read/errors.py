from __future__ import annotations


class ReadError(Exception):
    """An input that could not be read; `str()` is the one line shown to the user."""

    MAX_REASON = 300  # an exception's text may hold a whole document or SQL statement

    def __init__(self, source: str, reason: str):
        # One line, always: exception texts (spaCy's, SQLAlchemy's) span several.
        reason = " ".join(str(reason).split())
        if len(reason) > self.MAX_REASON:
            reason = reason[: self.MAX_REASON - 1] + "…"
        # A feed entry's link or a file name may hold a newline too.
        super().__init__(f"{' '.join(str(source).split())}: {reason}")
        self.source = source
        self.reason = reason

    def named(self, source: str) -> "ReadError":
        return ReadError(source, self.reason)
