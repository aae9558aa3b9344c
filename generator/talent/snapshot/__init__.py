"""A snapshot: one period's people, read from the files as the personnel systems export them
and checked cell by cell against the kamus.

Every problem is reported with file:row:column, all of them at once; a period with errors
produces no result. The package reads a period in four steps: recognise each file by its
columns (:mod:`.header`, :mod:`.columns`), read each kind (:mod:`.employees`,
:mod:`.records`), place every employee in a position (:mod:`..matching`, :mod:`.placing`),
and join everything by NIP into people (:mod:`.join`, :mod:`.period`); :mod:`.files` finds the
periods and their files.
"""

from .columns import COLUMNS, KOMPONEN_POTENSIAL, OPTIONAL, REQUIRED
from .model import MAX_FINDINGS, PERIOD, Person, Snapshot, period_end
from .files import newest_employees, period_name, read_snapshot, snapshot_files
from .placing import Placed
from .values import HUKUMAN, normalise, parse_date, parse_number

__all__ = ["COLUMNS", "HUKUMAN", "KOMPONEN_POTENSIAL", "MAX_FINDINGS", "OPTIONAL", "PERIOD", "REQUIRED", "Person",
           "Placed", "Snapshot", "newest_employees", "normalise", "parse_date", "parse_number", "period_end", "period_name",
           "read_snapshot", "snapshot_files"]
