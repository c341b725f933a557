"""Domain exceptions. Library code raises these; only the command line turns them into exit codes."""


class QuotexError(Exception):
    """Base class for every error quotex reports to a user."""


class InputError(QuotexError):
    """An input could not be read or decoded: missing, a directory, binary, empty, not text."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Picklable across worker processes (the default would call InputError(message)).
        return type(self), (self.source, self.reason)


class OutputError(QuotexError):
    """An output file could not be written, or writing it would overwrite an input."""

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(f"{target}: {reason}")
        self.target = target
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Picklable across worker processes (the default would call OutputError(message)).
        return type(self), (self.target, self.reason)


class AnalysisTimeout(QuotexError):
    """The analysis of a document ran past its time limit (``timeout=``, ``--timeout``)."""

    def __init__(self, source: str | None, seconds: float) -> None:
        reason = f"analysis took longer than {seconds:g} s"
        super().__init__(reason if source is None else f"{source}: {reason}")
        self.source = source
        self.seconds = seconds

    def __reduce__(self) -> tuple[type, tuple[str | None, float]]:
        # Picklable across worker processes (the default would call AnalysisTimeout(message)).
        return type(self), (self.source, self.seconds)
