"""The Jinja2 environment of the page templates in site_templates/, with its helpers.

Templates get text from YAML only through autoescaping (HTML blocks) or the ``md``
filter (Markdown headings), so no field can inject markup. The small per-cell helpers
are Python functions because large kamus have 100,000s of cells.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..bahasa import SINGKATAN
from ..diff.formats import REWORDED, describe, impact_lines, summary, title, word_parts
from ..findings import SEVERITY_LABEL
from ..jenjang import JENJANG, LABEL, kelompok_jabatan
from ..model import BENTUK_LABEL, TINGKAT
from ..talent.eligibility import ATURAN_LABEL
from ..model.policy import AXIS_LABEL
from ..resources import resource
from .search_terms import code_parts, kata_dasar
from .text import angka, md, tanggal

TEMPLATES = resource("site_templates")


def _yaml_string(value) -> Markup:
    """A front-matter title: HTML-escaped (MkDocs themes print titles unescaped), as JSON,
    which is valid YAML."""
    return Markup(json.dumps(str(escape(value)), ensure_ascii=False))


def _ticks(value) -> Markup:
    """Escaped text where `code` spans (as written in rule descriptions) become <code>."""
    parts = str(value).split("`")
    return Markup("".join(f"<code>{escape(p)}</code>" if i % 2 else str(escape(p)) for i, p in enumerate(parts)))


def css_string(value) -> Markup:
    """``value`` as a quoted CSS string inside a <style> element: every character that is not
    a letter, digit, space or harmless punctuation becomes a CSS escape, so no text can close
    the string or the element."""
    safe = set(" ,.-/():")
    return Markup('"' + "".join(c if c.isalnum() and c.isascii() or c in safe else f"\\{ord(c):x} "
                                for c in str(value)) + '"')


def versi_label(versi) -> str:
    """The version line of printed pages: regulation and date, or that none is enacted yet."""
    if not versi.nama:
        return "Versi kamus belum ditetapkan"
    return versi.nama + (f", ditetapkan {tanggal(versi.tanggal)}" if versi.tanggal else "")


def instansi_css(config) -> bytes:
    """assets/kamus-instansi.css (imported by kamus.css): the instansi's names as CSS strings, for
    the head of every printed page (instansi; regulation and date) and the phone header (the
    short name, which fits where the site name is cut off)."""
    short = config.instansi.singkatan or config.instansi.nama
    return (f"/* Dibuat oleh `kamus build` dari kamus.yaml. */\n:root {{\n"
            f"  --kamus-cetak-instansi: {css_string(config.instansi.nama)};\n"
            f"  --kamus-cetak-versi: {css_string(versi_label(config.versi))};\n"
            f"  --kamus-singkatan: {css_string('Kamus ' + short)};\n}}\n").encode("utf-8")


def static_files(config, templates: Path = TEMPLATES) -> dict[str, bytes]:
    """The files the site publishes as they are: its CSS and JS (site_templates/assets) beside the
    pages, the theme overrides (the Indonesian 404 page), and :func:`instansi_css`."""
    files = {"docs/assets/kamus-instansi.css": instansi_css(config)}
    for folder, target in (("assets", "docs/assets"), ("overrides", "overrides")):
        base = Path(templates) / folder
        for path in sorted(base.rglob("*")):
            if path.is_file():
                files[f"{target}/{path.relative_to(base).as_posix()}"] = path.read_bytes()
    return files


_ABBREVIATION = re.compile(r"\b(" + "|".join(sorted(SINGKATAN, key=len, reverse=True)) + r")\b")


def singkatan(text) -> Markup:
    """Text (escaped) whose abbreviations (MS, JPM, AKPK, the JPT of "JPT Pratama"…) carry their
    spelled-out form as a tooltip."""
    return Markup(_ABBREVIATION.sub(lambda m: f'<abbr title="{escape(SINGKATAN[m[1]])}">{m[1]}</abbr>',
                                    str(escape(text))))


def eja(text) -> Markup:
    """An abbreviation spelled out beside it, for its first use on a page: ``MS (Memenuhi Syarat)``."""
    return Markup("{} ({})").format(singkatan(text), SINGKATAN[str(text)])


_WORDS = re.compile(r"[A-Z]{2,}")


def abbreviations_in(texts) -> list[str]:
    """The abbreviations of :data:`SINGKATAN` that ``texts`` use, in order of first use."""
    found = []
    for text in texts:
        for word in _WORDS.findall(str(text)):
            if word in SINGKATAN and word not in found:
                found.append(word)
    return found


def heat_steps(peak: int) -> list[tuple[int, str]]:
    """(shade, the counts it stands for) of a heat table whose largest count is ``peak``; a cell
    n is shaded ceil(4n / peak), so shade k holds the counts above (k-1)/4 and up to k/4 of it."""
    steps = []
    for k in range(1, 5):
        low, high = (k - 1) * peak // 4 + 1, k * peak // 4
        if low <= high:
            steps.append((k, str(low) if low == high else f"{low}–{high}"))
    return steps


def _level(n) -> Markup:
    return Markup(f'<span class="kamus-lv kamus-lv-{int(n)}" title="Level {int(n)}">{int(n)}</span>')


_CODE_BREAK = re.compile(r"(?<=[._-])(?=.)")  # zero-width: after every . _ - that is not the last character


@lru_cache(maxsize=65_536)
def code(text) -> Markup:
    """A code as <code>, escaped, that may break at ``.``, ``_`` and ``-`` only (``T.KEU.01``,
    ``BPKAD.KABID_ANGGARAN``): a long code wraps in a narrow column instead of widening the page,
    and never in the middle of one of its parts. Search indexes and copies the text without the breaks.
    (Remembered: the same codes fill thousands of pages.)"""
    return Markup("<code>" + "<wbr>".join(str(escape(part)) for part in _CODE_BREAK.split(str(text))) + "</code>")


def position_link(p, url) -> Markup:
    return Markup('<a href="{}">{}</a> {}').format(url(f"jabatan/{p.kode}.md"), p.nama, code(p.kode))


def competency_link(c, url) -> Markup:
    link = Markup('<a href="{}">{}</a> {}').format(url(f"kompetensi/{c.kode}.md"), c.nama, code(c.kode))
    return link if c.berlaku else link + Markup(' <span class="kamus-dicabut">dicabut</span>')


def matrix_row(row, link: str, note, url, fixed: int, distribution: bool) -> Markup:
    """The cells of one matrix row (a hot path: large kamus have 100,000s of cells): one frozen
    header cell (the code as a link, the name and the note under it), then the levels; in the
    distribution, each count links to the positions that require that level."""
    note = f'<span class="kamus-rownote">{escape(note)}</span>' if note else ""
    cells = [f'<th scope="row" class="kamus-fixed"><a href="{escape(url(link))}">{code(row[0])}</a>'
             f'<span class="kamus-rowname">{escape(row[1])}</span>{note}</th>']
    for level, cell in enumerate(row[fixed:], start=1):
        if cell is None:
            cells.append('<td class="kamus-count">–</td>' if distribution else "<td></td>")
        elif distribution:
            anchor = "dipakai-oleh" if level > 5 else f"dipakai-level-{level}"
            cells.append(f'<td class="kamus-count"><a href="{escape(url(link, anchor))}">{int(cell)}</a></td>'
                         if cell else '<td class="kamus-count">0</td>')
        elif not isinstance(cell, int):
            cells.append(f'<td class="kamus-count">{escape(cell)}</td>')
        else:
            cells.append(f'<td class="kamus-lv kamus-lv-{int(cell)}">{int(cell)}</td>')
    return Markup("".join(cells))


def change_html(change, names=None) -> Markup:
    """One version change as safe HTML: label, place, and old → new (reworded text as a word diff)."""
    where = f" ({change.letak})" if change.letak else ""
    if change.jenis in REWORDED:
        tags = {"same": "{}", "del": "<del>{}</del>", "ins": "<ins>{}</ins>"}
        body = Markup(" ").join(Markup(tags[kind]).format(words) for kind, words in word_parts(change.lama, change.baru))
        return Markup("{}{}: {}").format(change.keterangan, where, body)
    return Markup("{}").format(describe(change, markdown=False, names=names))


def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True, auto_reload=False)  # one environment per render
    env.filters["md"] = md
    env.filters["json"] = _yaml_string
    env.filters["ticks"] = _ticks
    env.filters["level"] = _level
    env.filters["tanggal"] = tanggal
    env.filters["angka"] = angka
    env.filters["kode"] = code
    env.filters["singkatan"] = singkatan
    env.filters["eja"] = eja
    env.globals.update(LABEL=LABEL, TINGKAT=TINGKAT, kelompok_jabatan=kelompok_jabatan, JENJANG=JENJANG, SEVERITY_LABEL=SEVERITY_LABEL,
                       AXIS_LABEL=AXIS_LABEL, ATURAN_LABEL=ATURAN_LABEL, BENTUK_LABEL=BENTUK_LABEL,
                       position_link=position_link, competency_link=competency_link, matrix_row=matrix_row,
                       heat_steps=heat_steps, abbreviations_in=abbreviations_in,
                       change_html=change_html, change_summary=summary, impact_lines=impact_lines,
                       subject_title=title, kata_dasar=kata_dasar, code_parts=code_parts)
    return env
