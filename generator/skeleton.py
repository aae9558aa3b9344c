"""`kamus init`: a new kamus that validates and builds at once. This is how a Pemda starts.

The new kamus holds:

- the nine national competencies (M.1-M.8, SK.1), written from the shipped reference text
  of PermenPANRB 38/2017 (so they pass KOMPETENSI-NASIONAL-BEDA word for word);
- the files of ``skeleton/``: kamus.yaml with comments, one example unit, position and
  teknis competency, a short README for BKPSDM, .gitignore, the pre-commit configuration;
  ``*.j2`` files are Jinja templates (instansi name, the tool's requirement);
- the tool's own schemas (for the editor) and the CI files of this repository, which serve
  every kamus alike: they install the tool through the kamus's ``requirements.txt``.

Nothing is written unless all of it is: the files go to a staging folder next to the
target, are validated there (``--strict``), and only then move into place.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import jinja2
import yaml

from .check.national import REFERENCE
from .edit.yaml_text import scalar
from .errors import ConfigError, OutputError, UsageError, ValidationFailed
from .jenjang import DEFAULT_STANDARD
from .kinds import SCHEMAS
from .load import load_file
from .load.yaml_loader import CONTROL
from .output_guard import write_tree
from .resources import resource
from .version import __version__

SKELETON = "skeleton"
CI_FILES = (".github/workflows/kamus.yml", ".gitlab-ci.yml")  # the same for every kamus
DEFAULT_INSTANSI = "Pemerintah Daerah Contoh"
MAX_NAME = 200  # characters of --instansi and --singkatan
ALLOWED_BEFORE = {".git"}  # a target that holds only these counts as empty (`git init` first is fine)
_NATIONAL_HEADER = ("# yaml-language-server: $schema=../../schemas/competency.schema.json\n"
                    "# Teks resmi kata demi kata dari {singkat} (kamus kompetensi {jenis}).\n"
                    "# Jangan diubah: aturan KOMPETENSI-NASIONAL-BEDA membandingkannya dengan teks resmi.\n")


@dataclass
class Created:
    """What `kamus init` made."""

    root: Path
    files: list[str]
    requirement: str  # the line of requirements.txt that installs the tool in CI
    requirement_known: bool  # False: the tool's source was guessed (the operator should check it)
    git: bool  # a new git repository was made


# --- the files ---------------------------------------------------------------------------

def national_files() -> dict[str, bytes]:
    """competencies/<jenis>/<kode>.yaml of the nine national competencies, from the reference."""
    doc, problems = load_file(resource(REFERENCE), REFERENCE)
    if doc is None or problems:
        raise ConfigError(f"teks rujukan kompetensi nasional '{resource(REFERENCE)}' tidak dapat dibaca; "
                          "pasang ulang Kamus.")
    source = doc.data["sumber"]
    files = {}
    for item in doc.data["kompetensi"]:
        data = {"kode": item["kode"], "nama": item["nama"], "jenis": item["jenis"], "definisi": item["definisi"],
                "dasar_hukum": source["peraturan"], "status": "berlaku", "level": item["level"]}
        header = _NATIONAL_HEADER.format(singkat=source["singkat"], jenis=item["jenis"].replace("_", " "))
        body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        files[f"competencies/{item['jenis']}/{item['kode']}.yaml"] = (header + body).encode("utf-8")
    return files


def skeleton_files(instansi: str, singkatan: str, requirement: str) -> dict[str, bytes]:
    """Every file of a new kamus, by path."""
    base = resource(SKELETON)
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    env.filters["yaml"] = scalar
    values = {"nama": instansi, "singkatan": singkatan, "requirement": requirement, "standar": DEFAULT_STANDARD}
    files = {}
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        name = path.relative_to(base).as_posix()
        if name.endswith(".j2"):
            files[name[:-3]] = env.from_string(path.read_text("utf-8")).render(values).encode("utf-8")
        else:
            files[name] = path.read_bytes()
    for name in CI_FILES:
        files[name] = resource(name).read_bytes()
    for name in SCHEMAS:
        files[f"schemas/{name}.schema.json"] = resource(f"schemas/{name}.schema.json").read_bytes()
    files.update(national_files())
    return files


# --- where the tool comes from (for CI) ----------------------------------------------------

def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _pip_url(remote: str) -> str:
    """A git remote as pip writes it: scp-like `git@host:path` becomes `ssh://git@host/path`."""
    scp = re.fullmatch(r"([\w.-]+@[\w.-]+):(?!//)(.+)", remote)
    return f"ssh://{scp[1]}/{scp[2]}" if scp else remote


def tool_requirement() -> tuple[str, bool]:
    """(the pip requirement that installs this very tool, whether it is known rather than guessed).

    A tool installed from git names its repository and commit; one installed from a package
    index names its version; a checkout (``pip install -e .``) names its git remote and commit
    when it has one. Otherwise the version alone is a guess for the operator to check."""
    try:
        dist = importlib.metadata.distribution("kamus")
    except importlib.metadata.PackageNotFoundError:
        return f"kamus=={__version__}", False
    direct = dist.read_text("direct_url.json")
    if not direct:
        return f"kamus=={dist.version}", True
    info = json.loads(direct)
    url = info.get("url", "")
    vcs = info.get("vcs_info") or {}
    if vcs.get("vcs") == "git":
        revision = vcs.get("commit_id") or vcs.get("requested_revision")
        return f"kamus @ git+{url}" + (f"@{revision}" if revision else ""), True
    if url.startswith("file://"):
        checkout = Path(unquote(urlparse(url).path))
        remote, commit = _git(checkout, "remote", "get-url", "origin"), _git(checkout, "rev-parse", "HEAD")
        if remote and commit and not Path(remote).exists():
            return f"kamus @ git+{_pip_url(remote)}@{commit}", True
    return f"kamus=={dist.version}", False


# --- writing --------------------------------------------------------------------------------

def _check_target(target: Path) -> None:
    if target.is_symlink():
        raise OutputError(f"'{target}' adalah tautan simbolik; pilih folder biasa untuk kamus baru.")
    if target.exists() and not target.is_dir():
        raise OutputError(f"'{target}' adalah berkas, bukan folder; pilih folder baru untuk kamus.")
    if target.exists():
        present = sorted(p.name for p in target.iterdir() if p.name not in ALLOWED_BEFORE)
        if present:
            shown = ", ".join(present[:5]) + (", …" if len(present) > 5 else "")
            raise OutputError(f"folder '{target}' tidak kosong ({shown}); `kamus init` hanya menulis ke folder "
                              "baru atau kosong agar tidak ada berkas yang tertimpa. Pilih folder lain.")
    if not target.parent.is_dir():
        raise OutputError(f"folder '{target.parent}' tidak ada; buat dulu atau pilih folder lain.")


def _check_text(option: str, value: str | None) -> None:
    """An --instansi or --singkatan that can stand in kamus.yaml: one line of visible text."""
    if value is None:
        return
    if not value.strip():
        example = "Pemerintah Kabupaten Contoh" if option == "--instansi" else "Pemkab Contoh"
        raise UsageError(f"{option} kosong; tulis namanya, misalnya {option} \"{example}\".")
    if "\n" in value or "\r" in value or CONTROL.search(value) or "\t" in value:
        raise UsageError(f"{option} berisi baris baru, tab atau karakter kontrol; tulis dalam satu baris teks biasa.")
    if len(value) > MAX_NAME:
        raise UsageError(f"{option} lebih dari {MAX_NAME} karakter; tulis nama resminya saja.")


def _require_valid(check, staging: Path) -> None:
    """``check(staging)`` passes (`kamus validate --strict`); else every finding, in the error."""
    try:
        check(staging)
    except ValidationFailed as failed:
        raise UsageError("kamus baru tidak lolos pemeriksaan: " + "; ".join(
            f"{f.path}:{f.line}:{f.column}: {f.rule} {f.message}" for f in failed.report.findings) + ". Periksa "
            "--instansi dan --singkatan.") from None


def _stage(parent: Path, files: dict[str, bytes]) -> Path:
    staging = Path(tempfile.mkdtemp(prefix=".kamus-init-", dir=parent))
    umask = os.umask(0)
    os.umask(umask)
    try:
        staging.chmod(0o777 & ~umask)  # mkdtemp makes it private; the kamus folder is an ordinary one
        write_tree(staging, files)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _move_into(staging: Path, target: Path) -> None:
    """Move the staged kamus to ``target``: one rename for a new folder, else entry by entry,
    taking back what was moved when one fails."""
    if not target.exists():
        os.rename(staging, target)
        return
    moved = []
    try:
        for entry in sorted(staging.iterdir()):
            os.rename(entry, target / entry.name)
            moved.append(entry.name)
    except OSError:
        for name in moved:
            os.rename(target / name, staging / name)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def create_kamus(target, instansi: str | None = None, singkatan: str | None = None,
                 requirement: str | None = None, git: bool = True, *, check) -> Created:
    """Write a new kamus to ``target`` (a new or empty folder); ``check(folder)`` validates it
    (raising on any finding, `--strict`) before it is moved into place. ``requirement`` is the
    pip requirement that installs the tool in CI (default: :func:`tool_requirement`)."""
    target = Path(target).absolute()
    _check_target(target)
    _check_text("--instansi", instansi)
    _check_text("--singkatan", singkatan)
    known = True
    if not requirement:
        requirement, known = tool_requirement()
    files = skeleton_files(instansi or DEFAULT_INSTANSI, singkatan or "", requirement)
    try:
        staging = _stage(target.parent, files)
    except OSError as exc:
        raise OutputError(f"kamus baru tidak dapat ditulis di '{target.parent}': {exc.strerror or exc}.") from exc
    try:
        _require_valid(check, staging)  # e.g. an --instansi the schema refuses
        _move_into(staging, target)
    except OSError as exc:
        raise OutputError(f"kamus baru tidak dapat dipindah ke '{target}': {exc.strerror or exc}.") from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    made_git = git and not (target / ".git").exists() and shutil.which("git") is not None and _init_git(target)
    return Created(target, sorted(files), requirement, known, made_git)


def _init_git(target: Path) -> bool:
    try:
        done = subprocess.run(["git", "init", "-q", "-b", "main", str(target)], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0
