"""The small exception hierarchy of the library.

Library code raises these; the CLI turns them into clean messages and exit codes
(2 for every error below except :class:`ValidationFailed`, which exits 1). Findings in
the data are *not* exceptions: they are collected in a
:class:`generator.findings.Report` so that all of them come at once.
"""

import errno


class KamusError(Exception):
    """Base class of every error the library raises on purpose."""


class UsageError(KamusError):
    """The command was called wrongly: a missing root, an unknown option value or period."""


class ConfigError(KamusError):
    """A configuration file cannot be used (for example an unreadable base mkdocs.yml)."""


class OutputError(UsageError):
    """An output location is refused (it would overwrite someone's files) or cannot be written."""


class GitError(KamusError):
    """git failed: an unknown ref, no repository, or git is not installed."""


class BuildError(KamusError):
    """MkDocs (or another build step after validation) failed."""


class ValidationFailed(KamusError):
    """The kamus has errors; ``report`` holds every finding."""

    def __init__(self, report):
        self.report = report
        super().__init__(f"{report.count('error')} galat dalam data kamus")


def os_error_message(exc: OSError) -> str:
    """An operating-system error in words a BKPSDM officer can act on."""
    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    if exc.errno == errno.ENOSPC:
        return f"disk penuh{where}; kosongkan ruang disk lalu jalankan ulang. Tidak ada hasil yang setengah jadi."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"tidak ada izin menulis atau membaca{where}; periksa izin folder atau pilih folder lain."
    return f"berkas atau folder tidak dapat dipakai{where}: {exc.strerror or exc}."
