"""Shared by the benchmark scripts: the machine description and BENCHMARKS.md sections."""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import yaml


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} logical cores, Python {platform.python_version()}, "
            f"PyYAML {yaml.__version__} (libyaml {yaml.__with_libyaml__ and 'yes'}), {platform.system()} {platform.release()}")


def write_section(path: Path, section: str) -> None:
    """Replace this benchmark's section in BENCHMARKS.md, keeping the others."""
    title = section.splitlines()[0]
    head = "# Benchmarks\n\nWritten by `make bench`; each section by its own script in `benchmarks/`.\n"
    text = path.read_text("utf-8") if path.exists() else head
    parts = text.split("\n## ")
    kept = [parts[0].rstrip("\n") + "\n"] + ["## " + p.rstrip("\n") + "\n" for p in parts[1:]
                                              if not ("## " + p).startswith(title)]
    path.write_text("\n".join(kept + [section]), "utf-8")


def emit(section: str, write: str | None) -> None:
    """Write ``section`` into the Markdown file ``write``, or print it."""
    if write:
        write_section(Path(write), section)
    else:
        print(section)


def bench_parser(doc: str, runs: int | None = 3, positions: int | None = 2000) -> argparse.ArgumentParser:
    """The options every benchmark shares: --runs (the median is reported), --positions (the
    size of the synthetic corpus) and --write; a script adds its own."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    if runs:
        parser.add_argument("--runs", type=int, default=runs, help="runs per measurement; the median is reported")
    if positions:
        parser.add_argument("--positions", type=int, default=positions, help="positions in the synthetic corpus")
    parser.add_argument("--write", metavar="FILE", help="write the section into this Markdown file (else print it)")
    return parser


# `python -m generator ARGS` that reports its own peak memory: VmHWM of its address space
# (ru_maxrss would also count the memory of the process that started it, copied at fork).
_MEASURED = """
import atexit, runpy, sys

def _peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write("\\nKAMUS-PEAK-KB " + line.split()[1] + "\\n")

atexit.register(_peak)
sys.argv = ["kamus"] + sys.argv[1:]
runpy.run_module("generator", run_name="__main__")
"""


def measured(args, cwd, prelude: str = "") -> dict:
    """Run ``python -m generator args`` in a fresh process: wall seconds, peak MB (Linux),
    exit code and everything it printed. ``prelude``: Python run first in that process (to
    report more about it on stderr)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", prelude + _MEASURED, *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, check=False)
    seconds = time.perf_counter() - started
    peak = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("KAMUS-PEAK-KB ")]
    return {"seconds": seconds, "peak_mb": int(peak[-1]) / 1024 if peak else float("nan"), "code": done.returncode,
            "output": done.stdout + "\n".join(line for line in done.stderr.splitlines()
                                               if not line.startswith("KAMUS-PEAK-KB "))}
