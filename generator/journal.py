"""Changes to a kamus that happen whole or not at all, even when the process is killed.

`kamus import` changes many files at once. It takes the kamus's lock (a second import gets
a clear message), writes a journal — the plan: every file with its old bytes and the hash of
its new bytes, and the hidden temporary file each new version waits in — and only then
writes the temporary files, marks the journal "moving" and renames them into place. The
journal goes when the last rename is done. The next `kamus` command that finds a journal
(:func:`recover`) rolls it back when it stopped while preparing (nothing had changed yet),
completes it when it stopped while moving, and rolls it back instead when it cannot be
completed (a temporary file is gone or damaged); a file someone changed in between is
left as they left it and named. `kamus validate` reports a journal nobody is working on
and temporary files no journal accounts for (:func:`leftovers`).

The journal and the lock live in the tool's own folder of the kamus, never in its files:
``<git folder>/kamus/`` when the kamus is in a git work tree (git never checks that folder
out or commits it, so no pull request can bring a journal), else ``.kamus/`` in the kamus
folder. A journal is read as untrusted all the same: every path in it must stay inside the
kamus and every temporary name must be one Kamus makes.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import time
from pathlib import Path

from .errors import OutputError, UsageError
from .kinds import ENTRIES
from .output_guard import TEMP_NAME, TEMP_SUFFIX, open_folder, temp_name
from .rules import finding

JOURNAL = "impor.json"
LOCK = "kunci"
SCANNED = tuple(dict.fromkeys(kind.folder for kind in ENTRIES.values()))  # where imports write (and the root)
PREPARING, MOVING = "menyiapkan", "memindahkan"
PAUSE = "KAMUS_TEST_PAUSE"  # tests only (see _pause)


def _sha(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _git_dir(root: Path) -> tuple[Path, Path] | None:
    """(the git folder, the top of the work tree) of the repository ``root`` is in."""
    for folder in [root, *root.parents]:
        dot = folder / ".git"
        if dot.is_dir():
            return dot, folder
        if dot.is_file():
            text = dot.read_text("utf-8", "replace").strip()
            if not text.startswith("gitdir:"):
                return None
            target = Path(text[len("gitdir:"):].strip())
            target = target if target.is_absolute() else folder / target
            return (target, folder) if (target / "HEAD").is_file() else None  # a real git folder, or none
    return None


def state_dir(root) -> Path:
    """The tool's own folder of the kamus at ``root`` (see the module text)."""
    root = Path(root).resolve()
    found = _git_dir(root)
    if found is None:
        return root / ".kamus"
    git_dir, top = found
    relative = root.relative_to(top).as_posix()
    return git_dir / "kamus" / ("" if relative == "." else hashlib.sha256(relative.encode()).hexdigest()[:12])


def _state(root) -> Path:
    """:func:`state_dir`, made when missing (never through a link inside the kamus)."""
    folder, root = state_dir(root), Path(root).resolve()
    if folder.is_relative_to(root):
        with open_folder(root, folder.relative_to(root).parts, create=True):
            pass
    else:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextlib.contextmanager
def kamus_lock(root, what: str = "impor"):
    """Hold the kamus's lock for the block; another holder means a clear UsageError."""
    handle = _open_lock(_state(root))
    try:
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read(200).decode("utf-8", "replace").strip()
            raise UsageError(f"perintah Kamus lain sedang mengubah kamus ini ({holder or 'proses lain'}); tunggu "
                             f"sampai selesai, lalu jalankan {what} lagi.")
        handle.seek(0)
        handle.truncate()
        handle.write(f"{what}, proses {os.getpid()}, mulai {time.strftime('%Y-%m-%d %H:%M:%S')}".encode())
        handle.flush()
        yield
    finally:
        handle.close()  # closing the file lets the lock go (also when the process is killed)


def _try_lock(handle) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def busy(root) -> bool:
    """True while another process holds the kamus's lock."""
    folder = state_dir(root)
    if not (folder / LOCK).is_file():
        return False
    with _open_lock(folder) as handle:
        return not _try_lock(handle)


def _open_lock(folder: Path):
    """The lock file of the state ``folder`` (never through a link)."""
    with open_folder(folder) as at:
        at.require_file(LOCK)
        fd = at.open_raw(LOCK, os.O_RDWR | os.O_CREAT)
    return os.fdopen(fd, "r+b")


# --- the journal -----------------------------------------------------------------------------

def _split(path: str) -> tuple[tuple[str, ...], str]:
    parts = path.split("/")
    return tuple(parts[:-1]), parts[-1]


def _read(root: Path, path: str) -> bytes | None:
    folders, name = _split(path)
    try:
        with open_folder(root, folders) as at:
            at.require_file(name)
            return at.read(name)
    except FileNotFoundError:
        return None


def _save(root: Path, journal: dict) -> None:
    data = json.dumps(journal, ensure_ascii=False, indent=1).encode("utf-8")
    folder = _state(root)
    with open_folder(folder) as at:
        at.put(JOURNAL, data, durable=True)
        at.sync()


def _pause(stage: str, count: int) -> None:
    """Tests only: stop for a kill after the ``count``-th temporary file (stage "menyiapkan")
    or rename ("memindahkan"), when ``KAMUS_TEST_PAUSE=stage:count:marker-file`` is set under
    pytest; the marker file says that the process waits."""
    wanted = os.environ.get(PAUSE, "")
    if wanted and "PYTEST_CURRENT_TEST" in os.environ and wanted.split(":", 2)[:2] == [stage, str(count)]:
        Path(wanted.split(":", 2)[2]).write_text(str(os.getpid()), "utf-8")
        time.sleep(600)


def apply_changes(root, writes: dict[str, bytes], deletes, label: str) -> None:
    """Write ``writes`` (path → bytes) and delete ``deletes`` below ``root``, all or nothing
    (see the module text). Paths are relative with forward slashes; none may pass a link."""
    root = Path(root)
    outside = [path for path in [*writes, *deletes] if not _inside(path)]
    if outside:
        raise OutputError(f"jalur `{outside[0]}` keluar dari folder kamus; tidak ada yang ditulis.")
    journal = {"versi": 1, "keterangan": label, "mulai": time.strftime("%Y-%m-%d %H:%M:%S"), "tahap": PREPARING,
               "tulis": [], "hapus": [], "folder_baru": []}
    for path, data in sorted(writes.items()):
        old = _read(root, path)
        journal["tulis"].append({"jalur": path, "sementara": temp_name(_split(path)[1]), "baru": _sha(data),
                                 "lama": None if old is None else base64.b64encode(old).decode("ascii")})
    for path in sorted(deletes):
        old = _read(root, path)
        if old is not None:
            journal["hapus"].append({"jalur": path, "lama": base64.b64encode(old).decode("ascii")})
    for path in sorted(writes):
        folders = _split(path)[0]
        for depth in range(1, len(folders) + 1):
            folder = "/".join(folders[:depth])
            if folder not in journal["folder_baru"] and not (root / folder).exists():
                journal["folder_baru"].append(folder)
    _save(root, journal)
    try:
        for count, item in enumerate(journal["tulis"], 1):
            folders, _ = _split(item["jalur"])
            with open_folder(root, folders, create=True) as at:
                at.write_new(item["sementara"], writes[item["jalur"]])
            _pause(PREPARING, count)
        journal["tahap"] = MOVING
        _save(root, journal)
    except BaseException:
        _settle(root, journal, forward=False)
        raise
    _move(root, journal)


def _move(root: Path, journal: dict) -> None:
    for count, item in enumerate(journal["tulis"], 1):
        folders, name = _split(item["jalur"])
        with open_folder(root, folders) as at:
            if at.kind(item["sementara"]) == "file":
                at.require_file(name)
                at.replace(item["sementara"], name)
        _pause(MOVING, count)
    for item in journal["hapus"]:
        folders, name = _split(item["jalur"])
        with open_folder(root, folders) as at:
            if at.kind(name) == "file":
                at.unlink(name)
        _prune(root, folders)
    (state_dir(root) / JOURNAL).unlink(missing_ok=True)


def _prune(root: Path, folders: tuple[str, ...]) -> None:
    """Remove the folder ``folders`` below ``root`` when it is empty."""
    if folders:
        with contextlib.suppress(OSError):
            with open_folder(root, folders[:-1]) as at:
                at.rmdir(folders[-1])


def _inside(path) -> bool:
    """A path a journal may name: relative, forward slashes, no hidden, `.` or `..` part."""
    return isinstance(path, str) and bool(path) and "\\" not in path and ":" not in path \
        and all(part and not part.startswith(".") for part in path.split("/"))


def _valid(journal) -> bool:
    """Whether a journal read from disk is one Kamus wrote: every path inside the kamus."""
    try:
        return (journal["tahap"] in (PREPARING, MOVING)
                and all(_inside(i["jalur"]) and TEMP_NAME.match(i["sementara"]) and "/" not in i["sementara"]
                        and isinstance(i["baru"], str) and (i["lama"] is None or isinstance(i["lama"], str))
                        for i in journal["tulis"])
                and all(_inside(i["jalur"]) and isinstance(i["lama"], str) for i in journal["hapus"])
                and all(_inside(p) for p in journal["folder_baru"]))
    except (KeyError, TypeError):
        return False


def _old(item) -> bytes | None:
    return None if item["lama"] is None else base64.b64decode(item["lama"])


def _settle(root: Path, journal: dict, forward: bool) -> list[str]:
    """Complete (``forward``) or roll back an interrupted journal; files that hold neither the
    old nor the new bytes were changed by someone since and are left alone (returned)."""
    kept = []
    for item in journal["tulis"]:
        folders, name = _split(item["jalur"])
        old = _old(item)
        now = _sha(_read(root, item["jalur"]))
        with open_folder(root, folders, create=True) as at:
            if now not in (item["baru"], _sha(old)):
                kept.append(item["jalur"])
            elif forward and now != item["baru"]:
                at.replace(item["sementara"], name)
            elif not forward and now == item["baru"]:
                if old is None:
                    at.unlink(name)
                else:
                    at.put(name, old)
            if at.kind(item["sementara"]) == "file":
                at.unlink(item["sementara"])
    for item in journal["hapus"]:
        folders, name = _split(item["jalur"])
        old = _old(item)
        now = _sha(_read(root, item["jalur"]))
        if now not in (None, _sha(old)):
            kept.append(item["jalur"])
        elif forward and now is not None:
            with open_folder(root, folders) as at:
                at.unlink(name)
        elif not forward and now is None:
            with open_folder(root, folders, create=True) as at:
                at.put(name, old)
    for item in journal["hapus"]:
        _prune(root, _split(item["jalur"])[0])
    for path in reversed(journal["folder_baru"]):
        _prune(root, tuple(path.split("/")))
    (state_dir(root) / JOURNAL).unlink(missing_ok=True)
    return kept


def _completable(root: Path, journal: dict) -> bool:
    """Whether every file still to be written has its temporary file, whole."""
    for item in journal["tulis"]:
        now = _sha(_read(root, item["jalur"]))
        if now == _sha(_old(item)):
            folders, _ = _split(item["jalur"])
            waiting = _read(root, "/".join((*folders, item["sementara"])))
            if _sha(waiting) != item["baru"]:
                return False
    return True


def _load(root: Path) -> dict | None:
    try:
        journal = json.loads((state_dir(root) / JOURNAL).read_bytes())
    except (OSError, ValueError):
        return None
    return journal if _valid(journal) else None


def recover(root) -> list[str]:
    """Settle a journal that an interrupted command left (see the module text); what was done,
    in words for the operator. Nothing when there is none, or while its command still runs."""
    root = Path(root).resolve()
    path = state_dir(root) / JOURNAL
    if not path.is_file():
        return []
    try:
        with kamus_lock(root, "perintah ini"):
            if not path.is_file():
                return []
            journal = _load(root)
            if journal is None:
                path.unlink(missing_ok=True)
                return [f"jurnal impor '{path}' rusak atau bukan buatan Kamus; diabaikan dan dihapus."]
            what = f"impor {journal.get('keterangan', '')} (mulai {journal.get('mulai', '?')})"
            if journal["tahap"] == PREPARING:
                _settle(root, journal, forward=False)  # nothing renamed yet: the temporary files go
                return [f"{what} terhenti sebelum mengubah berkas; dibatalkan, kamus tidak berubah."]
            forward = _completable(root, journal)
            kept = _settle(root, journal, forward)
            done = (f"{what} terhenti di tengah jalan dan kini diselesaikan: {len(journal['tulis'])} berkas ditulis, "
                    f"{len(journal['hapus'])} dihapus." if forward else
                    f"{what} terhenti di tengah jalan dan tidak dapat diselesaikan (berkas sementaranya hilang atau "
                    "rusak); dibatalkan: berkas kamus dikembalikan seperti sebelum impor.")
            if kept:
                done += " Berkas yang diubah orang lain sesudahnya dibiarkan apa adanya: " + ", ".join(kept) + "."
            return [done]
    except UsageError:
        return []  # its command is still running


def leftovers(root) -> list:
    """IMPORT-UNFINISHED for a journal nobody is working on; FILE-TEMPORARY for every
    temporary file of Kamus that no journal accounts for (in the root and the data folders)."""
    root = Path(root).resolve()
    found, expected = [], set()
    path = state_dir(root) / JOURNAL
    if path.is_file():
        journal = _load(root)
        expected = {"/".join((*_split(i["jalur"])[0], i["sementara"])) for i in (journal or {}).get("tulis", ())}
        if not busy(root):
            what = (f"impor {journal['keterangan']} (mulai {journal['mulai']})" if journal else "impor")
            found.append(finding("IMPORT-UNFINISHED", os.path.relpath(path, root).replace(os.sep, "/"), 1, 1,
                                 f"{what} terhenti di tengah jalan; sebagian berkas kamus mungkin sudah berubah"))
    for rel in _temporary_files(root):
        if rel not in expected:
            found.append(finding("FILE-TEMPORARY", rel, 1, 1, f"berkas sementara `{rel}` tersisa dari perintah Kamus "
                                                                "yang terhenti; tidak dibaca"))
    return found


def _temporary_files(root: Path) -> list[str]:
    """Kamus's temporary files in the root and below the folders changes are written to."""
    found, todo = [], [("", False)] + [(top, True) for top in SCANNED]
    while todo:
        rel, deep = todo.pop()
        try:
            entries = list(os.scandir(root / rel))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.endswith(TEMP_SUFFIX) and name.startswith("."):
                found.append(f"{rel}/{name}" if rel else name)
            elif deep and entry.is_dir(follow_symlinks=False):
                todo.append((f"{rel}/{name}", True))
    return sorted(found)
