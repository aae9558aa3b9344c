"""Imports are all or nothing, also when the process is killed (issue 18, item 4): a real
`kamus import` in a subprocess, stopped by a test-only pause at a chosen point and killed
with SIGKILL; the next command completes or rolls it back. And one import at a time."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, git
from generator import api, journal
from test_workbook import demo_repo, edited, find_row, status

CHANGES = [("DISKOMINFO.KADIS", "M.1", 5), ("SETDA.KABAG_ORG", "M.1", 4), ("DINKES.KADIS", "M.2", 5),
           ("BKPSDM.KABAN", "M.3", 4), ("SETDA.SEKDA", "M.4", 4)]


def workbook(root: Path, tmp_path: Path) -> Path:
    """A workbook whose edits change one file per entry of CHANGES."""
    book = tmp_path / "kamus.xlsx"
    api.export(root, "xlsx", book)

    def change(book):
        need = book["Kebutuhan"]
        for jabatan, kode, level in CHANGES:
            row = find_row(need, jabatan=jabatan, kode=kode)
            level = level if need.cell(row, 3).value != level else level - 1
            need.cell(row, 3).value = level

    return edited(book, tmp_path, change)


def start_import(root: Path, book: Path, tmp_path: Path, pause: str) -> tuple[subprocess.Popen, Path]:
    marker = tmp_path / "berhenti.txt"
    environment = {**os.environ, journal.PAUSE: f"{pause}:{marker}", "PYTHONIOENCODING": "utf-8"}
    process = subprocess.Popen([sys.executable, "-m", "generator", "import", str(book), "--root", str(root)],
                               cwd=REPO, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the import never reached the pause"
        time.sleep(0.05)
    return process, marker


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)


def kamus(*args):
    environment = {k: v for k, v in os.environ.items() if k != journal.PAUSE}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=REPO, env=environment, capture_output=True,
                          text=True, check=False)


def changed(root: Path) -> list[str]:
    """The kamus files that differ from the commit (temporary files aside)."""
    return git(root, "diff", "--name-only").split()


@pytest.fixture
def demo(tmp_path):
    return demo_repo(tmp_path / "kamus")


def test_an_import_killed_while_moving_is_completed_by_the_next_command(demo, tmp_path):
    book = workbook(demo, tmp_path)
    process, _ = start_import(demo, book, tmp_path, "memindahkan:2")
    kill(process)
    assert len(changed(demo)) == 2  # the damage of issue 18: a half-imported kamus
    report = api.validate(demo)  # the library's validate only reports
    assert report.failed() and [f.rule for f in report.findings if f.severity == "error"] == ["IMPORT-UNFINISHED"]
    assert journal.state_dir(demo) == demo / ".git" / "kamus"  # the tool's own folder: never committed
    result = kamus("validate", "--root", str(demo))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "diselesaikan: 5 berkas ditulis, 0 dihapus" in result.stderr and "LULUS" in result.stdout
    assert len(changed(demo)) == 5 and not list(demo.rglob("*.kamus-tmp*"))
    assert not (journal.state_dir(demo) / journal.JOURNAL).exists()
    again = kamus("import", str(book), "--root", str(demo))
    assert again.returncode == 0 and "Selesai: 0 berkas ditulis" in again.stderr


def test_an_import_that_cannot_be_completed_is_rolled_back(demo, tmp_path):
    book = workbook(demo, tmp_path)
    process, _ = start_import(demo, book, tmp_path, "memindahkan:3")
    kill(process)
    saved = json.loads((journal.state_dir(demo) / journal.JOURNAL).read_text("utf-8"))
    waiting = [item for item in saved["tulis"] if (demo / item["jalur"]).parent.joinpath(item["sementara"]).exists()]
    assert len(waiting) == 2
    (demo / waiting[0]["jalur"]).parent.joinpath(waiting[0]["sementara"]).unlink()  # lost: cannot be completed
    result = kamus("build", "--root", str(demo), "--output", str(tmp_path / "site"))
    assert "dibatalkan: berkas kamus dikembalikan seperti sebelum impor" in result.stderr, result.stderr
    assert result.returncode == 0 and status(demo) == "" and not list(demo.rglob("*.kamus-tmp*"))


def test_an_import_killed_while_preparing_changes_nothing(demo, tmp_path):
    book = workbook(demo, tmp_path)
    process, _ = start_import(demo, book, tmp_path, "menyiapkan:3")
    kill(process)
    assert changed(demo) == [] and len(list(demo.rglob("*.kamus-tmp"))) == 3
    result = kamus("validate", "--root", str(demo))
    assert "terhenti sebelum mengubah berkas; dibatalkan" in result.stderr and result.returncode == 0
    assert status(demo) == "" and not list(demo.rglob("*.kamus-tmp*"))


def test_a_file_changed_after_the_kill_is_left_alone(demo, tmp_path):
    book = workbook(demo, tmp_path)
    process, _ = start_import(demo, book, tmp_path, "memindahkan:1")
    kill(process)
    saved = json.loads((journal.state_dir(demo) / journal.JOURNAL).read_text("utf-8"))
    pending = demo / saved["tulis"][-1]["jalur"]
    pending.write_text(pending.read_text("utf-8") + "# disunting sesudahnya\n", "utf-8")
    result = kamus("validate", "--root", str(demo))
    assert "diselesaikan" in result.stderr and saved["tulis"][-1]["jalur"] in result.stderr
    assert pending.read_text("utf-8").endswith("# disunting sesudahnya\n")
    assert len(changed(demo)) == 5


def test_one_import_at_a_time(demo, tmp_path):
    book = workbook(demo, tmp_path)
    process, _ = start_import(demo, book, tmp_path, "memindahkan:1")
    try:
        second = kamus("import", str(book), "--root", str(demo))
        assert second.returncode == 2 and "perintah Kamus lain sedang mengubah kamus ini" in second.stderr
        assert "impor, proses" in second.stderr and "Traceback" not in second.stderr
        report = kamus("validate", "--root", str(demo))  # a running import is neither finished nor reported
        assert "IMPORT-UNFINISHED" not in report.stdout and "diselesaikan" not in report.stderr
        assert len(changed(demo)) == 1
    finally:
        kill(process)
    assert "diselesaikan" in kamus("validate", "--root", str(demo)).stderr and len(changed(demo)) == 5


def test_a_journal_that_leads_outside_is_never_followed(tmp_path):
    """Outside git the journal lives in .kamus/ of the kamus folder, which an archive could
    bring: it is read as untrusted, and one naming a path outside the kamus is dropped."""
    root = demo_repo(tmp_path / "kamus")
    os.rename(root / ".git", tmp_path / "git-elsewhere")
    target = tmp_path / "korban.txt"
    target.write_text("tetap", "utf-8")
    folder = journal.state_dir(root)
    assert folder == root / ".kamus"
    folder.mkdir()
    planted = {"versi": 1, "keterangan": "x", "mulai": "", "tahap": "memindahkan", "folder_baru": [], "hapus": [],
               "tulis": [{"jalur": "../korban.txt", "sementara": ".korban.txt.0123456789abcdef.kamus-tmp",
                          "lama": None, "baru": "0" * 64}]}
    (folder / journal.JOURNAL).write_text(json.dumps(planted), "utf-8")
    (tmp_path / ".korban.txt.0123456789abcdef.kamus-tmp").write_text("ditimpa", "utf-8")
    result = kamus("validate", "--root", str(root))
    assert "rusak atau bukan buatan Kamus" in result.stderr and target.read_text("utf-8") == "tetap"
    assert not (folder / journal.JOURNAL).exists()
