"""What the komite talenta works with: the draft of a decision file written from the computed
results (`kamus talenta --tulis-keputusan`), and the "Keputusan Komite" sheet of the RAHASIA
report (the decisions as applied: computed and decided kotak, alasan, target posts, readiness).
"""

from __future__ import annotations

import json
import re
from collections import Counter

from ..bahasa import angka
from ..model.decisions import kesiapan_label
from ..model.policy import TalentPolicy
from ..tables import Table
from .analysis import Period
from .decisions import by_nip

_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")


def _quoted(text: str) -> str:
    """A YAML scalar that reads back as ``text`` exactly (JSON's double quotes are YAML too)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    """Text for a YAML comment: on one line."""
    return _LINE_BREAKS.sub(" ", text).strip()


def _overview(period: Period) -> list[str]:
    """Comment lines: per target post, its proposed candidates in rank order (the komite works per
    post; the data below is per person)."""
    slates = [s for s in period.slates if s.kandidat]
    if not slates:
        return ["#", "# Tidak ada jabatan sasaran dengan calon menurut hasil hitungan."]
    lines = ["#", "# Ringkasan per jabatan sasaran (usulan hitungan, urut peringkat; data per pegawai ada di bawah):"]
    for slate in slates:
        lines.append(f"#   {_comment(slate.jabatan.nama)} ({slate.jabatan.kode}):")
        for rank, candidate in enumerate(slate.kandidat, start=1):
            jpm = "JPM tidak lengkap" if candidate.jpm is None else f"JPM {angka(candidate.jpm, 2)}%"
            lines.append(f"#     {rank}. {_comment(candidate.result.person.nama)} ({candidate.result.person.nip}), "
                         f"kotak {candidate.result.kotak_hitung}, {jpm}")
    posts = Counter(c.result.person.nip for s in slates for c in s.kandidat)
    names = {c.result.person.nip: c.result.person.nama for s in slates for c in s.kandidat}
    several = [f"{_comment(names[nip])} ({n})" for nip, n in posts.items() if n > 1]
    if several:
        lines.append("#   Diusulkan pada lebih dari satu jabatan sasaran (jumlah jabatan): " + ", ".join(several) + ".")
    return lines


def draft_yaml(period: Period, kamus, policy: TalentPolicy) -> str:
    """The proposal as a decision file for the komite to start from (status `draf`): every member
    of the kelompok talenta with the computed kotak, and the computed slates as their rencana
    suksesi (ranked by JPM, readiness left empty), each with comments in Bahasa Indonesia."""
    periode, snapshot = period.snapshot.periode, period.snapshot.path
    choices = ", ".join(policy.kesiapan)
    targets: dict[str, list] = {}
    for slate in period.slates:
        for rank, candidate in enumerate(slate.kandidat, start=1):
            targets.setdefault(candidate.result.person.nip, []).append((slate, rank, candidate))
    lines = [
        "# yaml-language-server: $schema=../schemas/decision.schema.json",
        f"# Keputusan komite talenta periode {periode}: RANCANGAN dari hasil hitungan `kamus talenta` atas {snapshot}.",
        "# RAHASIA: berkas ini memuat NIP pegawai. Simpan hanya di repositori privat (lihat README, Manajemen",
        "# talenta); situs dan ringkasan pull request hanya menampilkan jumlahnya.",
        "#",
        "# Cara memakai:",
        "# - status: draf (usulan) → ditinjau_komite (sudah dibahas dalam rapat) → ditetapkan (sudah ada keputusan",
        "#   PPK: isi juga penetapan).",
        "# - kotak: kotak hasil hitungan. Bila komite menetapkan kotak lain, ubah angkanya dan tulis alasannya di",
        "#   `alasan`; hapus `kotak` bila hasil hitungan yang berlaku.",
        "# - rencana_suksesi: jabatan sasaran usulan hitungan. `peringkat` adalah urutan pegawai itu di antara",
        "#   calon SATU jabatan sasaran (1 = JPM tertinggi terhadap jabatan itu), bukan peringkat antarjabatan:",
        "#   seorang pegawai dapat berperingkat 1 pada beberapa jabatan sasaran; komite memilih untuk jabatan",
        "#   mana ia diusulkan. Isi `kesiapan` dengan salah satu:",
        f"#   {choices} (kamus.yaml talenta.kesiapan);",
        "#   hapus baris jabatan sasaran yang tidak dipilih komite, tambahkan yang dipilih.",
        "# - catatan_pengembangan: arahan komite untuk pengembangan pegawai itu.",
        "# - Pegawai yang tidak disebut tetap pada kotak hasil hitungan.",
        *_overview(period),
        f"periode: {_quoted(periode)}",
        "status: draf",
        "# rapat:                      # isi setelah rapat komite talenta",
        '#   tanggal: "YYYY-MM-DD"',
        "#   nomor: \"…\"                # nomor berita acara",
        "#   tempat: …",
        "#   pimpinan: {jabatan: …, nama: …}",
        "#   peserta:",
        "#     - {jabatan: …, nama: …}",
        "# penetapan:                  # isi setelah keputusan PPK, bersama status: ditetapkan",
        "#   nomor: \"…\"",
        '#   tanggal: "YYYY-MM-DD"',
    ]
    pool = [r for r in period.people if r.kelompok_talenta]
    lines.append("pegawai:" if pool else "pegawai: []  # tidak ada anggota kelompok talenta menurut hasil hitungan")
    positions = kamus.positions
    for r in pool:
        position = positions[r.person.jabatan]
        jpm = "JPM tidak lengkap" if r.jpm is None else f"JPM {angka(r.jpm, 2)}%"
        lines.append(f"  # {_comment(r.person.nama)}: {_comment(position.nama)} ({r.person.jabatan}); kotak "
                     f"{r.kotak_hitung} ({policy.kotak_label(r.kotak_hitung)}), {jpm}")
        lines.append(f"  - nip: {_quoted(r.person.nip)}")
        lines.append(f"    kotak: {r.kotak_hitung}")
        mine = targets.get(r.person.nip, ())
        if mine:
            lines.append("    rencana_suksesi:")
        for slate, rank, candidate in mine:
            jpm = "JPM tidak lengkap" if candidate.jpm is None else f"JPM {angka(candidate.jpm, 2)}%"
            lines.append(f"      - {{jabatan: {_quoted(slate.jabatan.kode)}, kesiapan: null, peringkat: {rank}}}"
                         f"  # {_comment(slate.jabatan.nama)}: {jpm}")
    return "\n".join(lines) + "\n"


def decision_sheet(period: Period, kamus) -> Table | None:
    """The sheet "Keputusan Komite": one row per person the komite decided on and target post
    (a person without one: one row), with the computed and the decided kotak."""
    decided = period.decisions
    if decided is None:
        return None
    columns = ["nip", "nama", "jabatan", "kotak_hitung", "kotak", "sumber_kotak", "alasan_kotak", "jabatan_sasaran",
               "nama_jabatan_sasaran", "kesiapan", "peringkat", "catatan_pengembangan"]
    results = {r.person.nip: r for r in period.people}
    rows = []
    for nip, entry in by_nip(decided).items():
        r = results.get(nip)
        if r is None:
            continue  # a finding of `kamus validate` (KEPUTUSAN-NIP): never applied
        person = [nip, r.person.nama, r.person.jabatan, r.kotak_hitung, r.kotak, r.sumber_kotak,
                  entry.alasan if entry.kotak is not None else ""]
        targets = entry.rencana_suksesi or (None,)
        for nomination in targets:
            post = kamus.positions.get(nomination.jabatan) if nomination else None
            rows.append(person + ([nomination.jabatan, post.nama if post else "", kesiapan_label(nomination.kesiapan),
                                   nomination.peringkat or ""] if nomination else ["", "", "", ""])
                        + [entry.catatan_pengembangan])
    return Table(f"RAHASIA-{period.snapshot.periode}-keputusan-komite", columns, rows, 3, "Keputusan Komite")
