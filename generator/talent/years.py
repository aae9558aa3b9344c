"""Calendar arithmetic in years, the one place for it: how old a penalty or an assessment is at
the end of a period, when a retirement age is reached, how long a jabatan has been held.

Whole years move the date in the calendar (29 February becomes 1 March going forward and
28 February going back); a fraction of a year is counted in days (365.25 to the year).
"""

from __future__ import annotations

import datetime as dt

DAYS_PER_YEAR = 365.25


def years_after(day: dt.date, years: float) -> dt.date:
    """``day`` plus ``years``."""
    whole = int(years)
    try:
        moved = day.replace(year=day.year + whole)
    except ValueError:
        moved = dt.date(day.year + whole, 3, 1)
    return moved + dt.timedelta(days=round((years - whole) * DAYS_PER_YEAR))


def years_before(day: dt.date, years: float) -> dt.date:
    """``day`` minus ``years``: the inverse of :func:`years_after`. Something dated after it
    is less than ``years`` old on ``day``; something dated before it, more."""
    whole = int(years)
    day = day - dt.timedelta(days=round((years - whole) * DAYS_PER_YEAR))
    try:
        return day.replace(year=day.year - whole)
    except ValueError:
        return dt.date(day.year - whole, 2, 28)
