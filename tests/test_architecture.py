"""The spine: stages import downwards only, no package cycles, a thin CLI, no build-like names.

The layers (lowest first) are the pipeline a newcomer reads in the folder layout:
load → model → check → talent → project → diff → edit → workbook → render → lampiran/export/skeleton → publish → api
→ cli.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "generator"
LAYERS = [
    {"errors", "findings", "suggest", "jenjang", "eselon", "resources", "version", "tables", "bahasa", "bulk", "lazy", "kinds",
     "parallel", "font"},
    {"rules", "output_guard", "finding_formats", "spreadsheet", "journal"},
    {"load"},
    {"model"},
    {"check"},
    {"talent"},
    {"project"},
    {"diff"},
    {"edit"},
    {"workbook"},
    {"render"},
    {"lampiran", "export", "skeleton"},
    {"publish"},
    {"api"},
    {"cli", "docgen", "__main__", "__init__"},
]
LAYER = {name: index for index, names in enumerate(LAYERS) for name in names}


def unit_of(module: str) -> str:
    """`generator.load.source` → `load`; `generator.api` → `api`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


LAZY = {"lazy_attributes", "lazy_function"}  # generator/lazy.py: imports by name, declared with literal names


def _relative(name: str, package: str) -> str:
    """``..workbook.export`` seen from package ``generator.export`` → ``generator.workbook.export``."""
    level = len(name) - len(name.lstrip("."))
    base = package.split(".")[: len(package.split(".")) - level + 1]
    return ".".join(base + ([name.lstrip(".")] if name.lstrip(".") else []))


def lazy_targets(node: ast.Call, package: str) -> list[str]:
    """The modules a call of a generator/lazy.py helper imports; it must name them literally,
    relative to ``__package__`` (else this test could not see them)."""
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if name not in LAZY:
        return []
    first = node.args[0] if node.args else None
    assert isinstance(first, ast.Name) and first.id == "__package__", f"{name}: pass __package__ first"
    second = node.args[1] if len(node.args) > 1 else None
    modules = second.values if name == "lazy_attributes" and isinstance(second, ast.Dict) else [second]
    assert all(isinstance(m, ast.Constant) and isinstance(m.value, str) for m in modules), \
        f"{name}: module names must be literal strings"
    return [_relative(m.value, package) for m in modules]


def imports() -> list[tuple[str, str]]:
    """(importing module, imported generator module) for every import in the package, lazy
    imports (generator/lazy.py) included."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(REPO).with_suffix("")
        module = ".".join(relative.parts)
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        if path.name == "__init__.py":
            module = module.rsplit(".", 1)[0] if module.endswith(".__init__") else module
            package = module
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.Call):
                names = lazy_targets(node, package)
            else:
                continue
            found += [(module, name) for name in names if name.split(".")[0] == "generator"]
    return found


def test_lazy_imports_are_seen():
    """The lazily imported stages count like any import (the API reaches publish only lazily)."""
    found = set(imports())
    assert ("generator.api", "generator.publish.site") in found
    assert ("generator.export", "generator.workbook.export") in found
    assert ("generator", "generator.api") in found


def test_modules_are_imported_by_name_only_in_lazy_py():
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "lazy.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                assert name not in ("import_module", "__import__"), f"{path}: use generator/lazy.py"


def test_every_module_has_a_layer():
    units = {unit_of(".".join(p.relative_to(REPO).with_suffix("").parts)) for p in PACKAGE.rglob("*.py")}
    assert units - set(LAYER) == set(), "add new modules to LAYERS"


def test_imports_run_downwards_only():
    upward = [(a, b) for a, b in imports()
              if unit_of(a) != unit_of(b) and unit_of(b) != "__init__" and LAYER[unit_of(b)] > LAYER[unit_of(a)]]
    assert upward == []


def test_no_cycle_between_packages():
    graph: dict[str, set[str]] = {}
    for a, b in imports():
        if unit_of(a) != unit_of(b):
            graph.setdefault(unit_of(a), set()).add(unit_of(b))

    def reachable(start):
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    assert [unit for unit in graph if unit in reachable(unit)] == []


def test_cli_imports_only_the_api_and_the_errors():
    used = {b for a, b in imports() if unit_of(a) == "cli" and a.startswith("generator.cli") and unit_of(b) != "cli"}
    assert used
    assert {name.rsplit(".", 1)[0] if name.startswith("generator.errors.") else name for name in used} \
        <= {"generator.api", "generator.errors"}


def test_no_package_is_named_like_a_build_output():
    names = {p.name for p in PACKAGE.rglob("*") if p.is_dir() and p.name != "__pycache__"}
    assert not names & {"build", "dist", "site", "out", "output"}


def _calls(path: Path):
    return [node for node in ast.walk(ast.parse(path.read_text("utf-8"))) if isinstance(node, ast.Call)]


def test_a_file_source_is_used_through_its_declared_interface():
    """What a caller may ask of a FileSource is declared on the base class (with a default):
    no `getattr` probes for a method or attribute that only some sources have."""
    from generator.load import source as sources

    probes = [f"{path.relative_to(REPO)}:{call.lineno}" for path in sorted(PACKAGE.rglob("*.py")) for call in _calls(path)
              if isinstance(call.func, ast.Name) and call.func.id in ("getattr", "hasattr") and call.args
              and "source" in ast.unparse(call.args[0])]
    assert probes == []
    declared = set(dir(sources.FileSource))
    for kind in (sources.FolderSource, sources.GitSource, sources.OverlaySource):
        methods = {name for name, value in vars(kind).items() if not name.startswith("_")
                   and (callable(value) or isinstance(value, property))}
        assert methods <= declared, f"{kind.__name__} has methods the FileSource interface does not declare"


def test_the_checks_read_no_kamus_file_and_run_no_git():
    """check/ judges what the Project hands it (documents, model, the logo file, the git tags);
    the only files it opens are the tool's own schemas and national reference text."""
    reading = {"open", "read", "read_bytes", "read_text", "size", "is_file", "is_dir", "files", "tags", "stamp",
               "load_file", "load_source", "run", "Popen", "check_output"}
    found = set()
    for path in sorted((PACKAGE / "check").glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [node.module or ""] if isinstance(node, ast.ImportFrom) \
                    else [a.name for a in node.names]
                assert not {"subprocess", "os", "shutil"} & set(names), f"{path.name} imports {names}"
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in reading:
                    found.add((path.name, name))
    assert found == {("schema.py", "read_text"), ("national.py", "load_file")}


def test_projects_are_opened_in_one_place():
    """The API resolves the user's version options into one Project (generator/project.py opens
    it) and hands that Project to every stage: no stage opens a kamus by a path of its own."""
    opening = {"Project", "open_source", "FolderSource", "GitSource", "OverlaySource", "open_version", "open_compared"}
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        if where == "project.py" or where.startswith("load/"):
            continue
        for call in _calls(path):
            function = call.func
            name = function.id if isinstance(function, ast.Name) else ""
            if isinstance(function, ast.Attribute) and ast.unparse(function.value) == "Project":
                name = f"Project.{function.attr}"
            if name in opening or name.startswith("Project."):
                found.add((where, name))
    assert found == {("api/opening.py", "open_version"), ("api/__init__.py", "open_compared")}
