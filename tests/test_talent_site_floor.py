"""The komite's decisions on the site under the privacy floor, on a real `kamus build` of the
hand-worked fixture of tests/test_keputusan.py with `talenta.ukuran_kelompok_minimal: 3`.

As the fixture decides, the site would say "kotak 9 → kotak 6: 1" and "kotak 5 → kotak 7: 1"
(Citra, Hadi: anyone who knows who was in kotak 9 knows who was moved down) and "2 calon (Siap
sekarang: 1; Siap 1–2 tahun: 1)" for A.KEPALA. A second decision file moves four people, three
of them 9 → 6 (published: 3) and one 5 → 7 (kurang dari 3): its total (4) would give that one
back, so the total says "paling sedikit 3". Then the period page read in Chromium at 390 and
1366 px (tests/readability.py): the 9×9 table and the succession table with no word split, no
page wider than the phone, the table a matrix with three columns in view beside its frozen
column, the succession table cards that never scroll sideways.
"""

from __future__ import annotations

import functools
import html
import re
import threading
from http.server import ThreadingHTTPServer

import pytest

import readability
from generator.api import build
from test_browser import _Quiet
from test_keputusan import DECISIONS, make_root

MOVES_FOUR = '''periode: "2025"
status: ditetapkan
rapat: {tanggal: "2025-11-20"}
penetapan: {nomor: "800.1.3/123/2025", tanggal: "2025-12-01"}
pegawai:
  - {nip: "199406302019032003", kotak: 6, alasan: Dinilai ulang.}
  - {nip: "198808082012011006", kotak: 6, alasan: Dinilai ulang.}
  - {nip: "199001012015011002", kotak: 6, alasan: Dinilai ulang.}
  - {nip: "199212122018011008", kotak: 7, alasan: Prestasi di luar SKP.}
  - nip: "199109092016012007"
    rencana_suksesi:
      - {jabatan: A.KEPALA, kesiapan: siap_1_2_tahun, peringkat: 1}
'''


def _site(target, decisions: str | None = None):
    root = make_root(target / "kamus")
    config = root / "kamus.yaml"
    config.write_text(config.read_text("utf-8").replace("talenta:\n", "talenta:\n  ukuran_kelompok_minimal: 3\n"),
                      "utf-8")
    if decisions is not None:
        (root / DECISIONS).write_text(decisions, "utf-8")
    return build(root, target / "www" / "kamus").output


def _text(site) -> str:
    page = (site / "talenta/2025/index.html").read_text("utf-8")
    body = page[page.index("<article"):page.index("</article>")]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


@pytest.fixture(scope="module")
def two_moves(tmp_path_factory):
    return _site(tmp_path_factory.mktemp("dua"))


@pytest.fixture(scope="module")
def four_moves(tmp_path_factory):
    return _site(tmp_path_factory.mktemp("empat"), MOVES_FOUR)


def test_moves_and_nominees_below_the_floor_are_not_broken_down(two_moves):
    text = _text(two_moves)
    assert "kurang dari 3 di antaranya ditetapkan di kotak yang berbeda" in text
    assert "tidak dirinci: kurang dari 3 pegawai dipindahkan komite" in text
    assert "kotak 9 → kotak 6" not in text.lower() and "kotak 5 → kotak 7" not in text.lower()
    assert "Perpindahan oleh komite talenta" not in (two_moves / "talenta/2025/index.html").read_text("utf-8")
    assert "kurang dari 3 calon" in text and "Siap sekarang:" not in text and "Siap 1–2 tahun:" not in text
    assert "(2 pegawai)" not in text and "2 calon" not in text  # not in the policy lines either
    # the policy lines speak to readers: post names, no setting keys, long dates
    assert "Kepala Bidang A" in text and "A.KEPALA" not in text and "talenta.kesiapan" not in text
    assert "tanggal 1 Desember 2025" in text and "2025-12-01" not in text and "2025-11-20" not in text


def test_a_total_that_would_give_back_a_withheld_cell_is_not_printed(four_moves):
    text = _text(four_moves)
    assert "Kotak 9 → kotak 6: 3 orang" in text and "Kotak 5 → kotak 7: kurang dari 3 orang" in text
    assert "paling sedikit 3 di antaranya ditetapkan di kotak yang berbeda" in text
    assert "4 di antaranya" not in text and "(4 pegawai)" not in text
    page = (four_moves / "talenta/2025/index.html").read_text("utf-8")
    table = page[page.index('aria-label="Perpindahan oleh komite talenta"'):]
    table = table[:table.index("</table>")]
    cells = [html.unescape(c).replace("\xa0", " ") for c in re.findall(r"<td[^>]*>([^<]*)</td>", table)]
    assert len(cells) == 81 and cells.count("·") == 9  # the diagonal (who stayed) is withheld
    assert sorted(c for c in cells if c not in ("0", "·")) == ["3", "< 3"]
    assert "kurang dari 3 calon" in text  # one nominee for A.KEPALA


def test_the_period_page_reads_on_a_phone_and_a_desktop(chromium, four_moves):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(four_moves.parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/kamus/talenta/2025/"
    try:
        for name, viewport in (("phone", readability.PHONE), ("desktop", readability.DESKTOP)):
            context = chromium.new_context(viewport=viewport)
            tab = context.new_page()
            assert tab.goto(url).status == 200
            numbers = readability.measure(tab)
            assert readability.problems(numbers, name) == [], name
            komite = [m for m in numbers["matrices"] if m["name"] == "Perpindahan oleh komite talenta"]
            assert komite and komite[0]["visible"] >= (3 if name == "phone" else 9), komite
            if name == "phone":  # the succession table: a card per post, nothing to scroll
                assert not [t for t in numbers["sideways"] if "kamus-suksesi" in t["table"]]
                assert tab.locator("table.kamus-suksesi tbody tr").first.evaluate(
                    "e => getComputedStyle(e).display") == "block"
            context.close()
    finally:
        server.shutdown()
