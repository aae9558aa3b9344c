"""generator/parallel.py: the one way work runs side by side in forked processes."""

from __future__ import annotations

import os

import pytest

from generator import parallel


def _square_plus(offset: int, item: int) -> tuple[int, int]:
    return item * item + offset, os.getpid()


def _pid(state, _) -> tuple[str, int]:
    return state, os.getpid()


@pytest.fixture(params=[True, False], ids=["forked", "here"])
def fork(request, monkeypatch) -> bool:
    """Both ways: forked workers, and this process (as where fork is not available)."""
    if not request.param:
        monkeypatch.setattr(parallel, "can_fork", lambda: False)
    elif not parallel.can_fork():
        pytest.skip("fork is not available on this system")
    return request.param


def test_fork_map_gives_the_results_in_order_with_the_state_the_caller_holds(fork):
    found = parallel.fork_map(_square_plus, 100, range(12), workers=3)
    assert [value for value, _ in found] == [n * n + 100 for n in range(12)]
    pids = {pid for _, pid in found}
    assert (os.getpid() not in pids and len(pids) <= 3) if fork else pids == {os.getpid()}
    assert parallel._WORK == {}  # nothing stays behind


def test_one_worker_or_one_item_runs_here():
    assert parallel.fork_map(_square_plus, 0, [3])[0] == (9, os.getpid())
    assert parallel.fork_map(_square_plus, 0, range(3), workers=1) == [(n * n, os.getpid()) for n in range(3)]


def test_beside_runs_while_the_body_runs_and_gives_its_result_after(fork):
    with parallel.beside(_pid, "data") as later:
        assert parallel._WORK == {}  # the forked process has its copy
    state, pid = later.result()
    assert state == "data" and (pid != os.getpid()) == fork
