"""The small exception hierarchy of the library.

Library code raises these; the CLI turns them into clean messages and exit codes
(2 for usage and internal errors). Findings in the data are *not* exceptions: they are
collected in a :class:`generator.findings.Report` so that all of them come at once.
"""


class KamusError(Exception):
    """Base class of every error the library raises on purpose."""


class UsageError(KamusError):
    """The command was called wrongly: a missing root, an unknown option value."""


class ValidationFailed(KamusError):
    """The kamus has errors; ``report`` holds every finding."""

    def __init__(self, report):
        self.report = report
        super().__init__(f"{report.count('error')} galat dalam data kamus")
