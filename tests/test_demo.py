"""The demo kamus in the repository: complete enough to read like a real Pemda's kamus."""

from __future__ import annotations

from collections import Counter

from conftest import REPO
from generator import load_kamus
from generator.jenjang import JENJANG

NATIONAL = {"M.1": "Integritas", "M.2": "Kerja Sama", "M.3": "Komunikasi", "M.4": "Orientasi pada Hasil",
            "M.5": "Pelayanan Publik", "M.6": "Pengembangan Diri dan Orang Lain",
            "M.7": "Mengelola Perubahan", "M.8": "Pengambilan Keputusan", "SK.1": "Perekat Bangsa"}


def test_demo_content_meets_the_brief():
    kamus = load_kamus(REPO, strict=True)  # also: the national text is word for word (no warning)
    for kode, nama in NATIONAL.items():
        competency = kamus.competencies[kode]
        text = (REPO / competency.source.path).read_text("utf-8")
        assert competency.nama == nama
        assert [lv.level for lv in competency.level] == [1, 2, 3, 4, 5]
        assert all(len(lv.indikator) >= 3 for lv in competency.level)
        assert "Lampiran PermenPANRB Nomor 38 Tahun 2017" in text  # cites its source
        assert "Nomor 38 Tahun 2017" in competency.dasar_hukum
    teknis = [c for c in kamus.competencies.values() if c.jenis == "teknis" and c.berlaku]
    assert len(teknis) >= 20 and len({c.bidang for c in teknis}) >= 4
    assert any(not c.berlaku and c.diganti_oleh for c in kamus.competencies.values())
    assert len(kamus.positions) >= 40 and len(kamus.units) >= 5
    assert set(Counter(p.jenjang for p in kamus.positions.values())) == set(JENJANG)
    assert sum(p.strategis for p in kamus.positions.values()) >= 3
    assert sum(bool(p.atasan) for p in kamus.positions.values()) >= 30
    assert any(u.induk for u in kamus.units.values())


def test_demo_catalog_covers_the_national_set_and_two_opd():
    kamus = load_kamus(REPO, strict=True)
    developed = {r.kode for a in kamus.development.values() for r in a.kompetensi}
    assert set(NATIONAL) <= developed
    for unit in ("DISKOMINFO", "BPKAD"):  # every berlaku teknis competency of the OPD's own bidang
        bidang = {"DISKOMINFO": "Komunikasi dan Informatika", "BPKAD": "Keuangan"}[unit]
        own = {c.kode for c in kamus.competencies.values() if c.berlaku and c.bidang == bidang}
        assert own and own <= developed, unit
    assert {a.jalur for a in kamus.development.values()} == {"klasikal", "nonklasikal"}
    assert all(a.catatan for a in kamus.development.values())  # marked as example text


def test_every_data_file_points_editors_at_its_schema():
    files = [REPO / "kamus.yaml", *REPO.glob("competencies/*/*.yaml"), *REPO.glob("positions/*/*.yaml"),
             *REPO.glob("development/*.yaml")]
    for path in files:
        first = path.read_text("utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file() and target.parent == REPO / "schemas", path
