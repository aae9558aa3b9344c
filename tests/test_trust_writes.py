"""Every writer of the tool: never through a symbolic link planted at the output, at a
temporary name or at a folder on the way (issue 18, item 1). The links are real, and for the
import they are committed to a real git repository, as a pull request would bring them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import TESTS, build_case_root, git
from generator import api
from generator.errors import OutputError
from generator.output_guard import TEMP_NAME, atomic_writer, replace_file, temp_name, write_tree
from test_trust import SITE_FIXTURE, kamus
from test_workbook import demo_repo, edited, find_row, status

SECRET = "isi berkas korban: tidak boleh tertimpa\n"


def victim(tmp_path: Path, name: str = "korban.txt") -> Path:
    path = tmp_path / "luar" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(SECRET, "utf-8")
    return path


def untouched(path: Path) -> bool:
    return path.read_text("utf-8") == SECRET


def test_temporary_names_are_unpredictable():
    names = {temp_name("A.yaml") for _ in range(50)}
    assert len(names) == 50 and all(TEMP_NAME.match(n) and n.startswith(".A.yaml.") for n in names)


def test_replace_file_refuses_a_link_and_replaces_a_hard_link(tmp_path):
    target = victim(tmp_path)
    (tmp_path / "keluaran.json").symlink_to(target)
    with pytest.raises(OutputError, match="tautan simbolik"):
        replace_file(tmp_path / "keluaran.json", b"{}")
    assert untouched(target) and (tmp_path / "keluaran.json").is_symlink()
    os.link(target, tmp_path / "hard.json")  # a hard link is replaced, never written through
    replace_file(tmp_path / "hard.json", b"{}")
    assert untouched(target) and (tmp_path / "hard.json").read_bytes() == b"{}"
    with pytest.raises(OutputError, match="bukan berkas biasa"):
        replace_file(tmp_path / "luar", b"{}")
    os.mkfifo(tmp_path / "pipa")  # a pipe at the output is refused, and reading it never waits
    with pytest.raises(OutputError, match="bukan berkas biasa"):
        replace_file(tmp_path / "pipa", b"{}")
    assert write_tree(tmp_path / "pohon", {"a.txt": b"a"}) == {"a.txt"}
    os.mkfifo(tmp_path / "pohon" / "b.txt")
    with pytest.raises(OutputError, match="bukan berkas biasa"):
        write_tree(tmp_path / "pohon", {"a.txt": b"a", "b.txt": b"b"})
    with pytest.raises(OutputError, match="tautan simbolik"):
        with atomic_writer(tmp_path / "keluaran.json") as handle:
            handle.write(b"x")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_folders_below_the_base_are_never_links(tmp_path):
    target = victim(tmp_path)
    base = tmp_path / "dasar"
    base.mkdir()
    (base / "docs").symlink_to(target.parent, target_is_directory=True)
    with pytest.raises(OutputError, match="tautan simbolik"):
        replace_file(base / "docs" / "korban.txt", b"ditimpa", within=base)
    with pytest.raises(OutputError, match="tautan simbolik"):
        write_tree(base, {"docs/korban.txt": b"ditimpa"})
    assert untouched(target)


def test_import_ignores_links_committed_at_the_old_temporary_names(tmp_path):
    """The import used to write `.KODE.yaml.kamus-tmp` next to the target: a pull request that
    committed a link at that name made it write the position's YAML to any file."""
    target = victim(tmp_path)
    root = demo_repo(tmp_path / "kamus")
    folder = root / "positions" / "DISKOMINFO"
    for name in ("DISKOMINFO.KADIS.yaml", "_unit.yaml"):
        (folder / f".{name}.kamus-tmp").symlink_to(target)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "a pull request with links")
    book = tmp_path / "kamus.xlsx"
    api.export(root, "xlsx", book)

    def change(workbook):
        need = workbook["Kebutuhan"]
        need.cell(find_row(need, jabatan="DISKOMINFO.KADIS", kode="M.1"), 3).value = 5

    result = api.import_files(root, [edited(book, tmp_path, change)])
    assert not result.failed, result.text()
    assert untouched(target)
    written = folder / "DISKOMINFO.KADIS.yaml"
    assert stat.S_ISREG(written.lstat().st_mode) and "{kode: M.1, level: 5}" in written.read_text("utf-8")
    assert git(root, "status", "--porcelain") == " M positions/DISKOMINFO/DISKOMINFO.KADIS.yaml\n"
    found = api.validate(root).findings
    assert sorted(f.path for f in found if f.rule == "FILE-TEMPORARY") == [
        "positions/DISKOMINFO/.DISKOMINFO.KADIS.yaml.kamus-tmp", "positions/DISKOMINFO/._unit.yaml.kamus-tmp"]


def test_import_refuses_a_committed_link_at_the_target(tmp_path):
    root = demo_repo(tmp_path / "kamus")
    book = tmp_path / "kamus.xlsx"
    api.export(root, "xlsx", book)
    kadis = root / "positions" / "DISKOMINFO" / "DISKOMINFO.KADIS.yaml"
    keep = root / "positions" / "DISKOMINFO" / "kadis.txt"  # inside the root: read, never written through
    kadis.rename(keep)
    kadis.symlink_to("kadis.txt")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "the position file becomes a link")
    before = keep.read_bytes()

    def change(workbook):
        need = workbook["Kebutuhan"]
        need.cell(find_row(need, jabatan="DISKOMINFO.KADIS", kode="M.1"), 3).value = 5

    result = kamus("import", str(edited(book, tmp_path, change)), "--root", str(root))
    assert result.returncode == 2 and "tautan simbolik" in result.stderr and "Traceback" not in result.stderr
    assert keep.read_bytes() == before and kadis.is_symlink() and status(root) == ""


@pytest.mark.parametrize("command, name", [(("export", "--format", "json"), "kamus.json"),
                                           (("export", "--format", "xlsx"), "kamus.xlsx"),
                                           (("lampiran",), "lampiran.docx")])
def test_export_and_lampiran_refuse_a_link_at_the_output(tmp_path, command, name):
    target = victim(tmp_path)
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    (root / name).symlink_to(target)  # as committed in the repository
    result = kamus(*command, "--root", ".", "--output", name, cwd=root)
    assert result.returncode == 2 and "tautan simbolik" in result.stderr, result.stderr
    assert untouched(target) and (root / name).is_symlink()
    (root / "keluaran").symlink_to(target.parent, target_is_directory=True)  # a linked folder inside the kamus
    result = kamus(*command, "--root", ".", "--output", f"keluaran/{name}", cwd=root)
    assert result.returncode == 2 and "tautan simbolik" in result.stderr, result.stderr
    assert sorted(p.name for p in target.parent.iterdir()) == ["korban.txt"]
    result = kamus(*command, "--root", ".", "--output", str(tmp_path / name), cwd=root)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_build_refuses_a_site_folder_that_is_a_link(tmp_path):
    outside = tmp_path / "luar"
    outside.mkdir()
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    (root / "site").symlink_to(outside, target_is_directory=True)  # the default output, committed as a link
    result = kamus("build", "--root", str(root))
    assert result.returncode == 2 and "tautan simbolik" in result.stderr and "Traceback" not in result.stderr
    assert list(outside.iterdir()) == [] and (root / "site").is_symlink()
    result = kamus("render", "--root", str(root), "--output", str(root / "site"))
    assert result.returncode == 2 and "tautan simbolik" in result.stderr


def test_render_never_writes_through_a_link_in_its_own_folder(tmp_path):
    target = victim(tmp_path, "index.md")
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    out = tmp_path / "proyek"
    assert kamus("render", "--root", str(root), "--output", str(out)).returncode == 0
    (out / "docs" / "index.md").unlink()
    (out / "docs" / "index.md").symlink_to(target)
    result = kamus("render", "--root", str(root), "--output", str(out))
    assert result.returncode == 2 and "tautan simbolik" in result.stderr
    assert untouched(target)


def test_talent_report_refuses_links(tmp_path):
    root = build_case_root(TESTS / "fixtures" / "talenta", tmp_path / "kamus")
    out = tmp_path / "laporan"
    assert kamus("talenta", "--root", str(root), "--output", str(out)).returncode == 0
    names = sorted(p.name for p in out.iterdir())
    target = victim(tmp_path)
    (out / names[0]).unlink()
    (out / names[0]).symlink_to(target)
    result = kamus("talenta", "--root", str(root), "--output", str(out))
    assert result.returncode == 2 and "tautan simbolik" in result.stderr and untouched(target)
    (tmp_path / "tautan").symlink_to(target.parent, target_is_directory=True)
    result = kamus("talenta", "--root", str(root), "--output", str(tmp_path / "tautan"))
    assert result.returncode == 2 and "tautan simbolik" in result.stderr
    assert sorted(p.name for p in target.parent.iterdir()) == ["korban.txt"]


def test_the_lampiran_cache_trusts_only_its_own_files(tmp_path, monkeypatch):
    """A cached document goes onto the site: a link planted in the cache is not read, and a
    cache folder that others can write into, or that holds files of a git repository (a
    kamus repository could carry forged documents under the right names), is not used."""
    from generator.lampiran import cache

    folder = tmp_path / "cache"
    monkeypatch.setenv("KAMUS_CACHE_DIR", str(folder))
    target = victim(tmp_path)
    usable = cache._usable(cache.cache_dir())
    assert usable == folder / "lampiran" and stat.S_IMODE(usable.stat().st_mode) & 0o077 == 0
    (usable / "a.pdf").symlink_to(target)
    assert cache._read(usable, "a.pdf") is None
    cache._store(usable, "a.pdf", b"%PDF")
    assert untouched(target)
    cache._store(usable, "b.pdf", b"%PDF-1.4")
    assert cache._read(usable, "b.pdf") == b"%PDF-1.4"
    usable.chmod(0o777)
    assert cache._usable(usable) is None
    usable.chmod(0o700)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "cache")
    assert cache._usable(usable) is None
