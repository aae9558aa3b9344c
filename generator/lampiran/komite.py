"""The komite talenta's two documents, in the Lampiran's content model (so that both writers,
DOCX and PDF, lay them out; the same decisions give the same bytes):

- **Berita Acara Rapat Komite Talenta**: the meeting (day, date, place), the computed and the
  decided kotak per kotak, the calibration (every kotak the komite set otherwise than
  computed, with its alasan), the proposed kelompok rencana suksesi per target post with the
  readiness, the komite's development guidance, and a signature table for whoever attended.
- **Lampiran Keputusan Penetapan Kelompok Rencana Suksesi**: the attachment of the PPK's
  decision (PP 11/2017 jo. PP 17/2020 Pasal 199 ayat (1)): per target post, the candidates
  with NIP, current jabatan, kotak and readiness; headed with the decision's nomor and tanggal.

No public template of either exists (research for issue 22): the layout is Kamus's own, after
the practice of Pemda applications and of the Lampiran of a regulation. Both carry personal data:
every page is headed RAHASIA, and they are written only outside the kamus and any site.
"""

from __future__ import annotations

from collections import Counter

from .. import bahasa
from ..errors import UsageError
from ..jenjang import GOLONGAN, LABEL, PANGKAT, PP_11
from ..model import Kamus
from ..model.decisions import KOMITE, kesiapan_label
from ..talent.analysis import Period
from ..talent.decisions import by_nip
from ..talent.eligibility import GOLONGAN_PPPK
from .content import Heading, Lampiran, Row, Table, Text

RAHASIA = "RAHASIA"
DRAFT = "RANCANGAN: BELUM DITETAPKAN PPK"


def _require(period: Period):
    if period.decisions is None:
        raise UsageError(f"belum ada keputusan komite talenta untuk periode {period.snapshot.periode} "
                         f"(keputusan/{period.snapshot.periode}.yaml). Tulis rancangannya dengan "
                         f"`kamus talenta --periode {period.snapshot.periode} --tulis-keputusan`.")
    return period.decisions


def _post_name(kamus: Kamus, kode: str) -> str:
    """A post with its unit kerja (names alone are ambiguous: every dinas has its Sekretaris), the
    unit left out when the post's name already holds it ("Kepala Badan Kepegawaian …")."""
    position = kamus.positions[kode]
    unit = kamus.units.get(position.unit)
    if unit is None or unit.nama.casefold() in position.nama.casefold():
        return position.nama
    return f"{position.nama}, {unit.nama}"


def _pangkat(person) -> str:
    """The pangkat/golongan as an SK lists it, from the snapshot ("–" when it has none)."""
    if person.pangkat_golongan is not None:
        return f"{PANGKAT[person.pangkat_golongan]}, {GOLONGAN[person.pangkat_golongan]}"
    if person.golongan_pppk is not None:
        return f"Golongan {GOLONGAN_PPPK[person.golongan_pppk - 1]} (PPPK)"
    return "–"


def _nominated(period: Period) -> list:
    return [s for s in period.slates if s.sumber == KOMITE and s.kandidat]


def _counts(period: Period) -> Table:
    computed, decided = Counter(r.kotak_hitung for r in period.people), Counter(r.kotak for r in period.people)
    rows = [Row((str(kotak), str(computed.get(kotak, 0)), str(decided.get(kotak, 0)))) for kotak in range(9, 0, -1)]
    rows.append(Row(("Jumlah", str(len(period.people)), str(len(period.people)))))
    return Table(("Kotak", "Hasil hitungan (orang)", "Keputusan komite (orang)"), (0.2, 0.4, 0.4), tuple(rows),
                 centered=(0, 1, 2))


def _calibration(period: Period, kamus: Kamus) -> list:
    entries = by_nip(period.decisions)
    moved = [r for r in period.people if r.kotak != r.kotak_hitung]
    if not moved:
        return [Text("Komite tidak mengubah kotak hasil hitungan.")]
    rows = tuple(Row((str(n), r.person.nama, r.person.nip, _post_name(kamus, r.person.jabatan), str(r.kotak_hitung),
                      str(r.kotak), entries[r.person.nip].alasan))
                 for n, r in enumerate(moved, start=1))
    return [Table(("", "", "", "", "Hitung", "Komite", ""), (0.05, 0.15, 0.24, 0.19, 0.09, 0.09, 0.19), rows,
                  centered=(0, 4, 5), groups=(("No", 1), ("Nama", 1), ("NIP", 1), ("Jabatan", 1), ("Kotak", 2),
                                               ("Alasan", 1)))]


def _slate_table(slate, kamus: Kamus, for_decree: bool) -> Table:
    """The candidates of one target post: in the Berita Acara with their JPM, in the Lampiran of
    the decree with their pangkat/golongan (as an SK lists a person)."""
    rows = []
    for n, c in enumerate(slate.kandidat, start=1):
        person = c.result.person
        extra = (_pangkat(person),) if for_decree else ()
        jpm = () if for_decree else ("tidak lengkap" if c.jpm is None else f"{bahasa.angka(c.jpm, 2)}%",)
        rows.append(Row((str(n), person.nama, person.nip, *extra, _post_name(kamus, person.jabatan),
                         str(c.result.kotak), *jpm, kesiapan_label(c.kesiapan))))
    if for_decree:
        columns = ("No", "Nama", "NIP", "Pangkat/Gol.", "Jabatan Sekarang", "Kotak", "Kesiapan")
        widths = (0.05, 0.15, 0.24, 0.15, 0.21, 0.08, 0.12)
    else:
        columns = ("No", "Nama", "NIP", "Jabatan Sekarang", "Kotak", "JPM", "Kesiapan")
        widths = (0.05, 0.15, 0.24, 0.23, 0.08, 0.1, 0.15)
    return Table(columns, widths, tuple(rows), centered=tuple(i for i, name in enumerate(columns)
                                                              if name in ("No", "Kotak", "JPM")))


def _signed_at(kamus: Kamus, rapat) -> Text:
    """Where and when the Berita Acara is signed: the instansi's place (kamus.yaml instansi.tempat)
    and the meeting's date, or dotted room to write them by hand."""
    place = kamus.config.instansi.tempat or "……………"
    day = bahasa.tanggal(rapat.tanggal) if rapat.tanggal else "tanggal ……………"
    return Text(f"{place}, {day}", align="left")


def _signatures(decided) -> Table:
    officials = ([decided.rapat.pimpinan] if decided.rapat.pimpinan else []) + list(decided.rapat.peserta)
    rows = tuple(Row((str(n), o.nama, o.jabatan, f"{n}.")) for n, o in enumerate(officials, start=1))
    if not rows:  # left to fill in by hand (rapat.pimpinan and rapat.peserta say who)
        rows = tuple(Row((str(n), "", "", f"{n}.")) for n in range(1, 6))
    return Table(("No", "Nama", "Jabatan", "Tanda Tangan"), (0.06, 0.3, 0.36, 0.28), rows, centered=(0,),
                 row_height=15)


def berita_acara(period: Period, kamus: Kamus) -> Lampiran:
    """The Berita Acara of the komite's meeting on ``period`` (with its decisions applied)."""
    decided = _require(period)
    instansi, rapat = kamus.config.instansi.nama, decided.rapat
    when = (f"hari {bahasa.hari(rapat.tanggal)}, tanggal {bahasa.tanggal(rapat.tanggal)}" if rapat.tanggal
            else "hari …, tanggal …")
    where = f", bertempat di {rapat.tempat}" if rapat.tempat else ""
    blocks = [Text(f"NOMOR {rapat.nomor or '…'}", align="center"),
              Text(f"Pada {when}{where}, Komite Talenta {instansi} telah melaksanakan rapat untuk membahas hasil "
                   f"pemetaan talenta periode {period.snapshot.periode} menurut "
                   "PermenPANRB 3/2020 jo. PermenPANRB 20/2025 tentang Manajemen Talenta Aparatur Sipil Negara, dengan "
                   "hasil sebagai berikut."),
              Heading("A. HASIL PEMETAAN TALENTA", 2),
              Text("Jumlah pegawai per kotak manajemen talenta, menurut hasil hitungan dan menurut keputusan komite:"),
              _counts(period),
              Heading("B. PERUBAHAN KOTAK OLEH KOMITE (KALIBRASI)", 2), *_calibration(period, kamus),
              Heading("C. USULAN KELOMPOK RENCANA SUKSESI PER JABATAN SASARAN", 2)]
    slates = _nominated(period)
    if not slates:
        blocks.append(Text("Komite belum mengusulkan kelompok rencana suksesi."))
    for n, slate in enumerate(slates, start=1):
        blocks += [Heading(f"{n}. {_post_name(kamus, slate.jabatan.kode)} ({LABEL[slate.jabatan.jenjang]})", 3),
                   _slate_table(slate, kamus, for_decree=False)]
    decided_by_nip = by_nip(decided)  # once: a period of 100,000 people took minutes with a lookup per row
    entries = [(r, decided_by_nip[r.person.nip]) for r in period.people if r.person.nip in decided_by_nip]
    notes = [(r, e.catatan_pengembangan) for r, e in entries if e.catatan_pengembangan]
    if notes:
        blocks += [Heading("D. ARAHAN PENGEMBANGAN", 2),
                   Table(("No", "Nama", "NIP", "Arahan komite"), (0.05, 0.2, 0.24, 0.51),
                         tuple(Row((str(n), r.person.nama, r.person.nip, text))
                               for n, (r, text) in enumerate(notes, start=1)), centered=(0,))]
    if decided.catatan:
        blocks += [Heading(f"{'E' if notes else 'D'}. CATATAN RAPAT", 2), Text(decided.catatan)]
    # The Berita Acara records the meeting: nothing in it follows the later penetapan (its status,
    # nomor or date), so the copy signed at the meeting and a rerun after the penetapan are the same bytes.
    blocks += [Text("Hasil rapat ini disampaikan kepada Pejabat Pembina Kepegawaian untuk ditetapkan "
                    f"({PP_11} Pasal 199 ayat (1)). Demikian berita acara ini dibuat untuk dipergunakan "
                    "sebagaimana mestinya."),
               _signed_at(kamus, rapat), Heading("KOMITE TALENTA", 2), _signatures(decided)]
    return Lampiran(kop=[], nama=f"BERITA ACARA RAPAT KOMITE TALENTA {instansi.upper()}", blocks=blocks,
                    penandatangan=(), title=f"Berita Acara Rapat Komite Talenta periode {period.snapshot.periode}",
                    author=instansi, date=rapat.tanggal or "", catatan=RAHASIA)


def lampiran_suksesi(period: Period, kamus: Kamus) -> Lampiran:
    """The attachment of the PPK's decision that sets the kelompok rencana suksesi of ``period``."""
    decided = _require(period)
    slates = _nominated(period)
    if not slates:
        raise UsageError(f"keputusan komite talenta periode {period.snapshot.periode} ({decided.path}) belum memuat "
                         "rencana suksesi; tidak ada yang dapat dilampirkan.")
    instansi, penetapan = kamus.config.instansi.nama, decided.penetapan
    signer = penetapan.penandatangan if penetapan and penetapan.penandatangan else kamus.config.versi.penandatangan
    ppk = signer.jabatan or "Pejabat Pembina Kepegawaian"
    tanggal = bahasa.tanggal(penetapan.tanggal).upper() if penetapan and penetapan.tanggal else "…"
    kop = ["LAMPIRAN", f"KEPUTUSAN {ppk.upper()}", f"NOMOR {penetapan.nomor if penetapan else '…'}",
           f"TANGGAL {tanggal}", "TENTANG",
           f"PENETAPAN KELOMPOK RENCANA SUKSESI {instansi.upper()} PERIODE {period.snapshot.periode}"]
    blocks = [Text(f"Kelompok rencana suksesi {instansi} periode {period.snapshot.periode} per jabatan sasaran, "
                   f"beserta kesiapan setiap calon, sebagaimana diusulkan Komite Talenta dan ditetapkan Pejabat "
                   f"Pembina Kepegawaian ({PP_11} Pasal 199 ayat (1)).")]
    for n, slate in enumerate(slates, start=1):
        blocks += [Heading(f"{n}. {_post_name(kamus, slate.jabatan.kode).upper()}", 3),
                   _slate_table(slate, kamus, for_decree=True)]
    draft = "" if decided.ditetapkan else f" – {DRAFT}"
    return Lampiran(kop=kop, nama=f"KELOMPOK RENCANA SUKSESI {instansi.upper()} PERIODE {period.snapshot.periode}",
                    blocks=blocks, penandatangan=(ppk.upper() + ",", bahasa.nama_kapital(signer.nama)),
                    title=f"Lampiran keputusan penetapan kelompok rencana suksesi periode {period.snapshot.periode}",
                    author=instansi, date=penetapan.tanggal if penetapan else decided.rapat.tanggal,
                    catatan=RAHASIA + draft)
