"""MkDocs in a process of its own, for `kamus build`.

`kamus build` starts this process before it validates: MkDocs and Material import while the
kamus is checked and rendered, and the build itself then runs in a fresh interpreter, as a
bare `mkdocs build` does (inside the process that holds the kamus model it measured 5–15 %
slower). The process waits for one request on its standard input (a JSON line: the
configuration file, the site folder, the kamus root, the date), runs
:func:`generator.publish.site.run_mkdocs` (strict, the kamus folder kept off ``sys.path``) and
answers on its standard output with one JSON line: ``{"galat": ""}`` or the failure in words.
An empty input (the build stopped before MkDocs) ends it without building.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import BuildError

ANSWER = "KAMUS-MKDOCS "  # the answer line's prefix (MkDocs and its plugins may print too)


class MkDocsProcess:
    """One MkDocs build in a child process: start it early, :meth:`send` the request when the
    project is written, do other work, then :meth:`wait`. :meth:`close` ends it whatever state
    it is in (use it in ``finally``)."""

    def __init__(self, root: Path):
        self._output = tempfile.TemporaryFile("w+", encoding="utf-8")  # files, not pipes: no pipe ever fills up
        self._errors = tempfile.TemporaryFile("w+", encoding="utf-8")
        # -P and a neutral working folder: the kamus folder (untrusted) never lands on sys.path
        self.process = subprocess.Popen([sys.executable, "-P", "-m", __name__, str(root)], stdin=subprocess.PIPE,
                                        stdout=self._output, stderr=self._errors, text=True, encoding="utf-8",
                                        cwd=tempfile.gettempdir())

    def send(self, config_file: Path, site_dir: Path, root: Path, epoch: int | None) -> None:
        request = {"config": str(config_file), "site": str(site_dir), "root": str(root), "epoch": epoch}
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.close()
        except OSError:
            pass  # the process ended early: wait() says why

    def wait(self) -> None:
        """Until MkDocs is done; raises BuildError with MkDocs's own words when it failed."""
        code = self.process.wait()
        self._output.seek(0)
        answers = [line[len(ANSWER):] for line in self._output.read().splitlines() if line.startswith(ANSWER)]
        problem = json.loads(answers[-1])["galat"] if answers else ""
        if code == 0 and answers and not problem:
            return
        if not problem:
            self._errors.seek(0)
            lines = [line for line in self._errors.read().splitlines() if line.strip()]
            problem = f"mkdocs build gagal: {lines[-1] if lines else f'proses berhenti dengan kode {code}'}"
        raise BuildError(problem)

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.close()  # no request: the process ends without building
            except OSError:
                pass
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._output.close()
        self._errors.close()


def main() -> int:
    from .site import run_mkdocs, without_root_on_path

    with without_root_on_path(Path(sys.argv[1])):  # imported while the parent validates and renders
        from material.plugins.search import plugin  # noqa: F401
        from mkdocs.commands import build  # noqa: F401
        from mkdocs.config import load_config  # noqa: F401

    line = sys.stdin.readline()
    if not line.strip():
        return 0
    request = json.loads(line)
    try:
        run_mkdocs(Path(request["config"]), Path(request["site"]), Path(request["root"]), request["epoch"])
    except BuildError as exc:
        print(ANSWER + json.dumps({"galat": str(exc)}), flush=True)
        return 1
    print(ANSWER + json.dumps({"galat": ""}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
