"""How decision files are checked (issue 22 review): one run finds everything, findings quote
what names no one (keys, choices, dates, posts, the tool's own hints) and withhold what may
(NIP, names, alasan, catatan), patterns are said in words, positions read "pegawai ke-2".

The golden case tests/cases/keputusan-sekaligus shows the whole report of one broken file;
these tests pin down what the reviewer found, one problem each.
"""

from __future__ import annotations

import json
import re

from generator.check.quotable import personal_values, quotable
from generator.check.schema import default_schemas, schema_words
from generator.check.schema_messages import PATTERN_WORDS, pattern_words
from generator.findings import Finding
from generator.load.yaml_loader import load_text
from test_keputusan import DECISIONS, assert_no_secret, broken


def findings_of(out: str) -> list[dict]:
    return json.loads(out)["findings"]


def test_schema_errors_do_not_hide_the_decision_rules(tmp_path):
    """A key typo, a bad kotak and a bad status sit beside a decision rule's finding: fixing the
    schema errors brings up nothing new."""
    code, out, root = broken(tmp_path, lambda text: text.replace(
        "    alasan: Hasil kerja 2025", "    alasn: Hasil kerja 2025").replace(  # Citra: kotak 6 now without alasan
        "kotak: 7", "kotak: 10").replace('tanggal: "2025-12-01"', 'tanggal: "2025-11-01"'))
    assert code == 1
    rules = sorted(f["rule"] for f in findings_of(out))
    assert rules == ["KEPUTUSAN-ALASAN", "KEPUTUSAN-TANGGAL-URUTAN", "SCHEMA-RANGE", "SCHEMA-UNKNOWN-FIELD"]
    # the kotak the schema rejected (Hadi's 10) is not judged again: no KEPUTUSAN-ALASAN for it
    alasan, = (f for f in findings_of(out) if f["rule"] == "KEPUTUSAN-ALASAN")
    assert alasan["message"].startswith("pegawai ke-1: kotak 6 berbeda")
    assert_no_secret(out, root)


def test_findings_quote_keys_choices_dates_and_hints_but_no_personal_value(tmp_path):
    code, out, root = broken(tmp_path, lambda text: text.replace("status: ditetapkan", "status: ditetapkn").replace(
        "    alasan: Hasil kerja 2025", "    alasn: Hasil kerja 2025").replace(
        "  - nip: \"199109092016012007\"\n", "  - nip: \"199109092016012007\"\n    Gita Pengawas: ya\n").replace(
        'tanggal: "2025-11-20"', 'tanggal: "2025-11-31"'))
    assert code == 1
    messages = {f["rule"]: f["message"] + " " + f["hint"] for f in findings_of(out)}
    assert "nilai `ditetapkn` di status bukan pilihan" in messages["SCHEMA-ENUM"]
    assert "Maksud Anda `ditetapkan`?" in messages["SCHEMA-ENUM"]
    assert "tanggal rapat `2025-11-31` tidak ada di kalender" in messages["KEPUTUSAN-TANGGAL"]
    unknown = [f["message"] for f in findings_of(out) if f["rule"] == "SCHEMA-UNKNOWN-FIELD"]
    assert unknown == ["kolom `alasn` tidak dikenal di pegawai ke-1", "kolom `…` tidak dikenal di pegawai ke-3"]
    assert "Gita" not in out and "Hasil kerja" not in out
    assert_no_secret(out, root)


def test_a_tab_in_a_decision_file_keeps_the_hint_whole(tmp_path):
    code, out, root = broken(tmp_path, lambda text: text.replace("  - nip: \"199109092016012007\"",
                                                                 "\t- nip: \"199109092016012007\""))
    assert code == 1
    found, = findings_of(out)
    assert found["rule"] == "YAML-SYNTAX"
    assert 'klik "Tab Size"/"Spaces" di bilah status lalu pilih "Convert Indentation to Spaces"' in found["hint"]
    assert_no_secret(out, root)


def test_no_pattern_and_no_bracketed_position_reaches_the_user(tmp_path):
    code, out, root = broken(tmp_path, lambda text: text.replace('"199212122018011008"', '"1992121220180110"'))
    assert code == 1
    pattern, = (f for f in findings_of(out) if f["rule"] == "SCHEMA-PATTERN")
    assert pattern["message"] == "`[data pribadi, tidak ditampilkan]` di pegawai ke-2, nip harus berupa 18 angka tanpa spasi"
    assert not re.search(r"\^|\$|\[[0-9]", out)


def test_every_pattern_of_every_schema_is_said_in_words():
    found = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.add(node["pattern"])
            found.update(p for p in node.get("patternProperties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for schema in default_schemas().schemas.values():
        walk(schema)
    unsaid = {p for p in found - {"\\S"} if pattern_words(p) == "bentuk yang diminta"}
    assert not unsaid, unsaid
    assert set(PATTERN_WORDS) <= found, "a pattern no schema has any more: drop its words"


def test_personal_values_are_withheld_wherever_a_message_quotes_them():
    doc, _ = load_text('periode: "2025"\nstatus: draf\npegawai:\n  - nip: "199001012015011002"\n'
                                    '    alasan: Dinilai ulang oleh Ibu Sari\n    nama: Budi Santoso\n'
                                    '    rencana_suksesi: [{jabatan: A.KEPALA, kesiapan: siap_sekarang}]\n', DECISIONS)
    personal = personal_values(doc)
    assert {"199001012015011002", "Dinilai ulang oleh Ibu Sari", "Budi Santoso"} <= personal
    assert not personal & {"2025", "draf", "A.KEPALA", "siap_sekarang"}
    known = schema_words(default_schemas().schemas["decision"])
    said = quotable(Finding(DECISIONS, 1, 1, "X", "error", "nilai `Budi Santoso` dan `A.KEPALA`, `siap_sekarang`",
                            'Tulis "Dinilai ulang" atau `2025`.'), personal, known)
    assert said.message == "nilai `…` dan `A.KEPALA`, `siap_sekarang`"
    assert said.hint == 'Tulis "…" atau `2025`.'  # a part of an alasan is withheld too
