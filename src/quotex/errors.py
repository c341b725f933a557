"""Domain exceptions. Library code raises these; only the command line turns them into exit codes."""


class QuotexError(Exception):
    """Base class for every error quotex reports to a user."""


class InputError(QuotexError):
    """An input could not be read or decoded: missing, a directory, binary, empty, not text."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
