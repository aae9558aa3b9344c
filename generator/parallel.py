"""Work side by side in forked processes: the one way Kamus uses more than one core.

A forked worker starts as a copy of this process, so the work it needs (a site's content,
the Lampiran documents to write, a project) reaches it through the fork itself: nothing
large is pickled on the way in, only each item and each result. The work waits in one
registry here while the workers start (the callers keep no module globals of their own).
Where fork is not available (Windows, macOS by default), or one worker would do, the same
functions run in this process, in the same order, with the same results.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Generic, TypeVar

State = TypeVar("State")
Item = TypeVar("Item")
Result = TypeVar("Result")

MAX_WORKERS = 4
_WORK: dict[int, tuple[Callable, Any]] = {}  # key → (function, state), read by the forked workers
_KEYS = itertools.count()


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def workers_for(count: int, workers: int | None = None) -> int:
    """How many workers ``count`` items get: as asked, else one per CPU (at most four)."""
    return min(os.cpu_count() or 1, MAX_WORKERS, count) if workers is None else workers


def _run(key: int, item):
    function, state = _WORK[key]
    return function(state, item)


def fork_map(function: Callable[[State, Item], Result], state: State, items: Iterable[Item],
             workers: int | None = None) -> list[Result]:
    """``[function(state, item) for item in items]``, computed by ``workers`` forked processes
    (default: :func:`workers_for`) that each start with ``state`` as this process holds it."""
    items = list(items)
    workers = workers_for(len(items), workers)
    if workers < 2 or not can_fork():
        return [function(state, item) for item in items]
    key = next(_KEYS)
    _WORK[key] = (function, state)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.starmap(_run, [(key, item) for item in items], chunksize=1)
    finally:
        del _WORK[key]


class Later(Generic[Result]):
    """The result of work running beside the caller; :meth:`result` waits for it."""

    def __init__(self, wait: Callable[[], Result]):
        self._wait = wait

    def result(self) -> Result:
        return self._wait()


@contextlib.contextmanager
def beside(function: Callable[[State, None], Result], state: State) -> Iterator[Later[Result]]:
    """``function(state, None)`` computed in one forked process while the body runs (in this
    process after the body where fork is not available); the body's :class:`Later` gives
    the result once the body has ended."""
    if not can_fork():
        yield Later(lambda: function(state, None))
        return
    key = next(_KEYS)
    _WORK[key] = (function, state)
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as executor:
            pending = executor.submit(_run, key, None)  # the worker is forked here, with the work
            del _WORK[key]
            yield Later(pending.result)
    finally:
        _WORK.pop(key, None)
