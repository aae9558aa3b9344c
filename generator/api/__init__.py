"""The library API: one function per command; the CLI is a thin layer over it.

Every command that reads a kamus opens one :class:`~generator.project.Project`, once, through
:func:`open_project`: the working tree at ``root``, a git ``version`` of its repository, or
the enacted version in force on the day ``as_of`` (the CLI's ``--versi`` and
``--per-tanggal``); that Project is passed to every stage. Errors are typed
(:mod:`generator.errors`); findings in the data are never exceptions but a
:class:`~generator.findings.Report` (or :class:`~generator.errors.ValidationFailed`
carrying one, where a command needs sound data).

    from generator import api
    report = api.validate("path/to/kamus")
    kamus = api.load_kamus("path/to/kamus")
    result = api.build("path/to/kamus", output="site")
    talenta = api.talenta("path/to/kamus"); print(talenta.text())
    print(api.diff("path/to/kamus", "kamus-2024", "kamus-2025").format("markdown"))
"""

from __future__ import annotations

from pathlib import Path

from .. import finding_formats
from .. import rules as rule_table
from ..bahasa import angka
from ..diff import COMPARISON_FORMATS as DIFF_FORMATS
from ..errors import KamusError, UsageError, os_error_message
from ..export import EXPORTERS
from ..findings import SEVERITY_LABEL, Report
from ..journal import kamus_lock
from ..lampiran import WRITERS
from ..lazy import lazy_attributes
from ..model import Kamus
from ..output_guard import write_file
from ..project import Project, open_compared
from ..suggest import suggest
from ..version import __version__
from .opening import Written, open_project, sound_project, version_label
from .talent import COVERAGE_FORMATS, TALENT_FORMATS, CoverageResult, TalentResult, cakupan, talenta, tulis_keputusan

__getattr__ = lazy_attributes(__package__, {"Applied": "..edit.apply", "BuildResult": "..publish.site",
                                           "Comparison": "..diff.versions", "Created": "..skeleton",
                                           "DEFAULT_INSTANSI": "..skeleton"})

REPORT_FORMATS = tuple(finding_formats.REPORTERS)
RULE_FORMATS = ("text", "markdown")
EXPORT_FORMATS = {name: exporter.description for name, exporter in EXPORTERS.items()}
LAMPIRAN_FORMATS = tuple(WRITERS)
IMPORT_FORMATS = {"xlsx": "buku kerja dari `kamus export --format xlsx` (satu berkas)",
                  "skj-form": "formulir SKJ KemenPANRB, satu jabatan per lembar (satu berkas atau lebih)"}

__all__ = ["COVERAGE_FORMATS", "CoverageResult", "cakupan", "DIFF_FORMATS", "EXPORT_FORMATS", "IMPORT_FORMATS", "LAMPIRAN_FORMATS", "REPORT_FORMATS", "RULE_FORMATS",
           "TALENT_FORMATS", "DEFAULT_INSTANSI", "Applied", "BuildResult", "Comparison", "Created", "Project", "TalentResult", "Written", "__version__",
           "angka", "build", "diff", "recover", "export", "format_report", "import_files", "init", "lampiran", "load_kamus", "open_project", "render",
           "rules", "rules_table", "serve", "talenta", "tulis_keputusan", "validate"]


def validate(root=".", version: str | None = None, as_of: str | None = None) -> Report:
    """Every finding for the kamus at ``root`` (raises UsageError when it is no kamus root)."""
    return open_project(root, version, as_of).report


def format_report(report: Report, name: str = "text", strict: bool = False) -> str:
    """A report as ``text``, ``json`` or ``github`` (annotations)."""
    return finding_formats.REPORTERS[name](report, strict)


def load_kamus(root=".", strict: bool = False, version: str | None = None, as_of: str | None = None) -> Kamus:
    """The model of a kamus that passes validation; raises ValidationFailed otherwise."""
    return open_project(root, version, as_of).require_valid(strict)


def build(root=".", output=None, allow_code: bool = False, version: str | None = None,
          as_of: str | None = None) -> BuildResult:
    """`kamus build`: validate, render and build the site into ``output`` (default ``root/site``),
    of the working tree, of ``version`` or of the version in force on the day ``as_of``.

    ``allow_code`` is the operator's opt-in for code that the kamus's own mkdocs.yml names
    (hooks, theme.custom_dir, …); without it such a mkdocs.yml stops the build (BuildError).
    """
    from ..publish.site import build_site

    return build_site(open_project(root, version, as_of), output, allow_code)


def lampiran(root=".", output="lampiran.pdf", version: str | None = None, as_of: str | None = None,
             unit: str | None = None) -> Written:
    """`kamus lampiran`: the Lampiran of the regulation as DOCX or PDF (chosen by the suffix of
    ``output``), of the working tree, of ``version``, or of the version in force on the day
    ``as_of`` (YYYY-MM-DD). A version recorded in `riwayat` is headed as its record says it
    was enacted. With ``unit``: the review copy of that OPD's part alone."""
    suffix = Path(output).suffix.lower()
    if suffix not in WRITERS:
        raise UsageError(f"berkas keluaran '{output}' harus berakhiran .docx (untuk disunting di Word) atau .pdf.")
    project = sound_project(root, version, as_of)
    units = project.kamus.units
    if unit is not None and unit not in units:
        raise UsageError(f"unit `{unit}` tidak ada di kamus ini. {suggest(unit, units)}Unit yang ada: "
                         f"{', '.join(units) or '(belum ada)'}.")
    record = project.enacted_record()
    from ..lampiran import build_lampiran

    data = WRITERS[suffix](build_lampiran(project.kamus, record, unit))
    label = version_label(project) if record is None else f"{record.label} (versi {project.version})"
    label = f"Bahan reviu unit {unit} dari Lampiran {label}" if unit else f"Lampiran {label}"
    return Written(write_file(root, Path(output), data, LAMPIRAN_FORMATS), label, len(data))


def export(root=".", format: str = "json", output="kamus.json", version: str | None = None,
           as_of: str | None = None) -> Written:
    """`kamus export`: the kamus as open data in ``format`` (see :data:`EXPORT_FORMATS`)."""
    if format not in EXPORTERS:
        raise UsageError(f"format `{format}` tidak dikenal; pilih {', '.join(EXPORTERS)}.")
    exporter = EXPORTERS[format]
    project = sound_project(root, version, as_of)
    data = exporter.write(project)
    return Written(write_file(root, Path(output), data, exporter.suffixes), version_label(project), len(data))


def _read_input(path) -> bytes:
    from ..spreadsheet.limits import MAX_FILE_BYTES  # the table reader's own limit (read no further)

    path = Path(path)
    if not path.is_file():
        raise UsageError(f"berkas '{path}' tidak ada (atau bukan berkas).")
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise UsageError(f"berkas '{path}' lebih dari {MAX_FILE_BYTES // 1_000_000} MB; bukan buku kerja kamus.")
    return data


def import_files(root=".", files=(), format: str = "xlsx", remove: bool = False, dry_run: bool = False,
                 unit: str | None = None) -> Applied:
    """`kamus import`: the edits in a workbook (``xlsx``) or in SKJ forms (``skj-form``) become
    edits of the working tree's YAML files, all or nothing; ``dry_run`` only checks and
    summarises. Raises ValidationFailed when the kamus itself has errors before the import."""
    files = [Path(f) for f in files]
    if format not in IMPORT_FORMATS:
        raise UsageError(f"format `{format}` tidak dikenal; pilih {', '.join(IMPORT_FORMATS)}.")
    if not files:
        raise UsageError("sebutkan berkas yang diimpor.")
    if format == "xlsx" and len(files) != 1:
        raise UsageError("format xlsx mengimpor satu buku kerja sekaligus.")
    inputs = [(f.name, _read_input(f)) for f in files]
    recover(root)  # an import that was killed is completed or rolled back first
    with kamus_lock(root, "impor"):  # one import at a time: the second would lose the first one's edits
        project = open_project(root)
        if format == "xlsx":
            from ..workbook.importing import import_workbook  # loaded when used: startup of every other command

            return import_workbook(project, inputs[0][1], inputs[0][0], remove, dry_run)
        from ..workbook.skj_form import import_forms

        return import_forms(project, inputs, unit, dry_run)


def recover(root: str | Path | None = ".") -> list[str]:
    """Complete or roll back a change of the working tree at ``root`` that a killed command
    left half-done (an import); what was done (or why it could not be), as sentences for the
    operator. Never raises: the command that follows reports what is left."""
    from ..journal import recover as settle

    if root is None or not Path(root).is_dir():  # a command without a kamus folder
        return []
    try:
        return settle(root)
    except (KamusError, OSError) as exc:
        detail = os_error_message(exc) if isinstance(exc, OSError) else exc
        return [f"impor yang terhenti belum dapat diselesaikan atau dibatalkan: {detail}"]


def init(folder=".", instansi: str | None = None, singkatan: str | None = None, requirement: str | None = None,
         git: bool = True) -> Created:
    """`kamus init`: a new kamus in ``folder`` (new or empty) that validates and builds at once;
    ``requirement`` is the pip requirement that installs this tool in the new kamus's CI
    (default: where this tool was installed from)."""
    from ..skeleton import create_kamus

    return create_kamus(folder, instansi, singkatan, requirement, git,
                        check=lambda staged: open_project(staged).require_valid(strict=True))


def render(root=".", output=None, version: str | None = None, as_of: str | None = None) -> Path:
    """`kamus render`: write the Markdown project (docs/ and mkdocs.yml) into ``output``."""
    from ..publish.site import write_project

    return write_project(open_project(root, version, as_of), output)


FIXED_VERSION_PREVIEW = ("pratinjau langsung memantau folder kerja dan membangun ulang setiap kali berkas disimpan; "
                         "versi tetap (--versi atau --per-tanggal) tidak pernah berubah, jadi tidak ada yang dipantau. "
                         "Bangun situs versi itu dengan `kamus build` dan opsi yang sama, lalu buka folder hasilnya.")


def serve(root=".", dev_addr: str = "127.0.0.1:8000", allow_code: bool = False, announce=print,
          version: str | None = None, as_of: str | None = None) -> None:
    """`kamus serve`: a live preview of the working tree until interrupted; ``announce``
    receives the address (and how to stop) once the first build is done. A fixed version
    (``version``, ``as_of``) is a UsageError: there is nothing to watch."""
    if version or as_of:
        raise UsageError(FIXED_VERSION_PREVIEW)
    from ..publish.preview import serve as serve_preview  # livereload: loaded only for the preview

    serve_preview(open_project(root), dev_addr, allow_code=allow_code, announce=announce)


def diff(root, old: str, new: str, with_impact: bool = True) -> Comparison:
    """`kamus diff`: what changed in meaning between two versions (git versions of the
    repository at ``root``, or kamus folders); the impact counts come from the latest snapshot
    of the working tree at ``root``."""
    from ..diff.versions import compare_projects

    return compare_projects(open_compared(root, old), open_compared(root, new), old, new,
                            current=open_project(root) if with_impact else None)


def rules() -> list:
    """Every validation rule (id, severity, stage, description, hint)."""
    return list(rule_table.RULES.values())


def rules_table(name: str = "text") -> str:
    """The rule table as ``text`` (one line per rule) or ``markdown``."""
    if name == "markdown":
        return rule_table.markdown_table() + "\n"
    return "".join(f"{rule.id:26} {SEVERITY_LABEL[rule.severity]:10} {rule.description}\n" for rule in rules())
