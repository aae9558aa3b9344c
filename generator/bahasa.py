"""Numbers and dates as Indonesian text writes them (the site, CLI messages, reports)."""

from __future__ import annotations

import datetime
import re

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)


def tanggal(text) -> str:
    """An ISO date as Indonesian text reads it: ``2024-03-01`` → ``1 Maret 2024`` (anything else unchanged)."""
    match = _ISO_DATE.fullmatch(str(text or "").strip())
    if not match or not 1 <= int(match[2]) <= 12:
        return str(text or "")
    return f"{int(match[3])} {BULAN[int(match[2]) - 1]} {match[1]}"


HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def hari(text) -> str:
    """The day of the week of an ISO date: ``2025-11-20`` → ``Kamis`` ('' when it is no date)."""
    try:
        return HARI[datetime.date.fromisoformat(str(text or "").strip()).weekday()]
    except ValueError:
        return ""


def angka(value, digits: int | None = None) -> str:
    """A number with a decimal comma and thousands dots: ``1.234,5``. ``digits`` fixes the
    decimals; without it the number is written as short as it is (``77,5``, ``80``)."""
    if digits is None:
        text = f"{value:,.15g}" if not isinstance(value, int) else f"{value:,}"
    else:
        text = f"{value:,.{digits}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def atau(words) -> str:
    """Choices as a sentence lists them: ``A``, ``A atau B``, ``A, B atau C``."""
    words = list(words)
    return ", ".join(words[:-1]) + " atau " + words[-1] if len(words) > 1 else "".join(words)


def ukuran(size: int) -> str:
    """A file size as a reader reads it: ``840 B``, ``12 KB``, ``1,2 MB``."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{angka(round(size / 1024 / 1024, 1))} MB"


# Abbreviations the site's own text uses, spelled out for readers (in an <abbr title> and in legends).
SINGKATAN = {
    "AKPK": "Analisis Kebutuhan Pengembangan Kompetensi",
    "BUP": "Batas Usia Pensiun",
    "JP": "jam pelajaran (1 JP = 45 menit)",
    "JPM": "Job Person Match: persentase kesesuaian kompetensi pegawai dengan standar kompetensi jabatan",
    "JPT": "Jabatan Pimpinan Tinggi",
    "KMS": "Kurang Memenuhi Syarat",
    "MMS": "Masih Memenuhi Syarat",
    "MS": "Memenuhi Syarat",
    "NIP": "Nomor Induk Pegawai",
    "PP": "Peraturan Pemerintah",
    "PPK": "Pejabat Pembina Kepegawaian",
    "SKJ": "Standar Kompetensi Jabatan",
    "CSV": "teks berpemisah titik koma, dibuka dengan Excel atau LibreOffice Calc",
    "XLSX": "buku kerja Excel",
    "JSON": "data terstruktur untuk dibaca aplikasi lain",
    "CASE": "Competencies and Academic Standards Exchange, format pertukaran kerangka kompetensi dari 1EdTech",
    "DOCX": "dokumen Word, dapat disunting",
    "PDF": "dokumen siap cetak",
}


# Academic and professional titles written before a name ("Dr.", "dr.", "Ir."): a signature keeps
# their case, as it keeps the degrees after the name ("S.H., M.Si.").
_GELAR_DEPAN = re.compile(r"^(?:(?:Prof|Dr|dr|drg|drh|Ir|Drs|Dra|apt|Ns|Hj?)\.\s*)+")


def nama_kapital(nama: str) -> str:
    """A signer's name as a signature block prints it: the name in capitals, the titles before
    it and the degrees after its first comma as written ("Dr. Ahmad Contoh, S.H., M.Si." →
    "Dr. AHMAD CONTOH, S.H., M.Si."); "H."/"Hj." (haji) is part of the name and capitalised."""
    name, comma, degrees = nama.partition(",")
    prefix = _GELAR_DEPAN.match(name)
    titles = prefix[0] if prefix else ""
    kept = re.sub(r"\b(Hj?)\.", lambda m: m[0].upper(), titles)
    return kept + name[len(titles):].upper() + comma + degrees
