"""Running MkDocs: in this process (:func:`run_mkdocs`, the live preview) or in a process of
its own (:class:`MkDocsProcess`, `kamus build`).

`kamus build` starts its MkDocs process before it validates: MkDocs and Material import while
the kamus is checked and rendered, and the build itself then runs in a fresh interpreter, as
a bare `mkdocs build` does (inside the process that holds the kamus model it measured 5–15 %
slower). The process waits for one request on its standard input (a JSON line: the
configuration file, the site folder, the kamus root, the date), runs :func:`run_mkdocs`
(strict, the kamus folder kept off ``sys.path``) and answers on its standard output with one
JSON line: ``{"galat": ""}`` or the failure in words. An empty input (the build stopped
before MkDocs) ends it without building.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

from ..errors import BuildError
from ..load.source import commit_time

ANSWER = "KAMUS-MKDOCS "  # the answer line's prefix (MkDocs and its plugins may print too)


def source_date_epoch(root: Path, ref: str = "HEAD") -> str:
    """The commit time of the kamus when it is in git, so rebuilds give identical bytes."""
    return str(commit_time(root, ref))


@contextlib.contextmanager
def _environment(name: str, value: str):
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def without_root_on_path(root: Path):
    """Keep the kamus folder off ``sys.path`` while MkDocs runs: a Markdown extension or a
    plugin named in the configuration must come from the installed packages, never from a
    Python file in the (untrusted) kamus repository."""
    real = os.path.realpath(root)
    installed = {os.path.realpath(prefix) for prefix in (sys.prefix, sys.base_prefix)}
    saved = list(sys.path)

    def under(path: str, folder: str) -> bool:
        return path == folder or path.startswith(folder + os.sep)

    def from_kamus(entry: str) -> bool:  # the running Python's own packages stay, even in a .venv there
        path = os.path.realpath(entry or os.getcwd())
        return under(path, real) and not any(under(path, prefix) for prefix in installed)

    sys.path[:] = [entry for entry in sys.path if not from_kamus(entry)]
    try:
        yield
    finally:
        sys.path[:] = saved


def run_mkdocs(config_file: Path, site_dir: Path, root: Path, epoch: int | None = None, dirty: bool = False) -> None:
    """A real, strict `mkdocs build`; any MkDocs warning fails the build. ``dirty`` (the live
    preview) rebuilds only pages whose Markdown is newer than their HTML, and is not strict
    (MkDocs warns about every dirty build)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        with _environment("SOURCE_DATE_EPOCH", source_date_epoch(root) if epoch is None else str(epoch)), \
                without_root_on_path(root):
            config = load_config(str(config_file), site_dir=str(site_dir), strict=not dirty)
            build(config, dirty=dirty)
    except MkDocsException as exc:
        detail = "; ".join(map(_untraced, collector.messages)) or _untraced(str(exc))
        raise BuildError(f"mkdocs build gagal: {detail}") from exc
    except Exception as exc:  # a Markdown extension or plugin failed while MkDocs ran it
        where = "; ".join(map(_untraced, collector.messages))
        raise BuildError(f"mkdocs build gagal: {_extension_problem(exc)}" + (f" ({where})" if where else "")) from exc
    finally:
        logger.removeHandler(collector)


def _untraced(message: str) -> str:
    """A message of MkDocs without the Python traceback it may carry: its first and last line."""
    lines = [line for line in message.strip().splitlines() if line.strip()]
    if any(line.lstrip().startswith('File "') for line in lines):
        return f"{lines[0]} {lines[-1]}"
    return message.strip()


def _extension_problem(exc: Exception) -> str:
    """What an exception from inside MkDocs (a Markdown extension, a plugin) means to the operator."""
    name = type(exc).__name__
    if name == "SnippetMissingError":
        return (f"berkas yang diminta pymdownx.snippets tidak ada ({exc}); periksa `auto_append`, `auto_prepend` dan "
                "`base_path` di mkdocs.yml kamus.")
    frames = traceback.extract_tb(exc.__traceback__)
    where = Path(frames[-1].filename) if frames else Path("?")
    packages = [part for part in where.parts if part in ("site-packages", "dist-packages")]
    culprit = (f"paket `{where.parts[where.parts.index(packages[-1]) + 1]}`" if packages else f"berkas `{where.name}`")
    return (f"{culprit} (ekstensi Markdown, plugin atau hook yang disebut mkdocs.yml) gagal: {name}: {exc}. "
            "Periksa pengaturannya di mkdocs.yml kamus, atau hapus pengaturan itu.")


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
