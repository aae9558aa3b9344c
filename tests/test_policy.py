"""The talent policy is part of the one model: typed (`Config.talenta`), its defaults written
once (the dataclass fields), and the defaults the schema and the README document equal them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest
import yaml

from conftest import REPO
from generator.jenjang import JENJANG
from generator.model import Config
from generator.model.policy import OrientasiKotak, TalentPolicy
from generator.project import Project
from generator.talent.years import years_after, years_before

TALENTA_SCHEMA = json.loads((REPO / "schemas/config.schema.json").read_text("utf-8"))["properties"]["talenta"]


def documented(schema, path=()):
    """(path, description) of every property of `talenta` whose description states a default."""
    for name, sub in (schema.get("properties") or {}).items():
        if re.search(r"(?i)\bbawaan\b", sub.get("description", "")):
            yield path + (name,), sub["description"]
        yield from documented(sub, path + (name,))


def setting(path):
    """The default policy's value of the setting at ``path`` (as kamus.yaml names it)."""
    value = TalentPolicy()
    for step in path:
        value = value.get(step) if isinstance(value, dict) else getattr(value, step)  # a jenjang left out: None
    return value


def as_text(value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def leaves(value) -> list:
    return [getattr(value, f.name) for f in dataclasses.fields(value)]


def check(path, description) -> None:
    """Assert that ``description`` states the default the policy has at ``path``."""
    actual = setting(path)
    marked = re.search(r"(\S+) \(bawaan\)", description)  # `false (bawaan): …`, `kinerja_rendah_ke_tinggi (bawaan), …`
    if marked:
        assert marked[1] == as_text(actual), (path, description)
        return
    said = re.search(r"[Bb]awaan:? (.*)", description)[1]
    if isinstance(actual, OrientasiKotak):  # "baris potensial tinggi ke rendah, kolom kinerja rendah ke tinggi"
        assert said.rstrip(".") == f"baris {actual.baris.replace('_', ' ')}, kolom {actual.kolom.replace('_', ' ')}"
    elif dataclasses.is_dataclass(actual):  # "85 dan 70", "bobot sama (1, 1, 1)": the fields in order
        numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", said)]
        assert numbers == [float(v) for v in leaves(actual)], (path, description)
    elif path == ("predikat_kinerja",):  # "Sangat Baik → di_atas; Baik → sesuai; lainnya → di_bawah."
        pairs = {key.strip(): value for key, value in re.findall(r"([^;:]+?) → (\w+)", said)}
        others = pairs.pop("lainnya")
        assert actual == {p: pairs.get(p, others) for p in actual}, description
    elif path == ("suksesi", "pangkat_minimal"):  # "hanya untuk jabatan fungsional"
        assert said.startswith("hanya untuk jabatan fungsional")
        assert {j for j, v in actual.items() if v is not None} == {j for j in JENJANG if j.startswith("fungsional_")}
    else:
        text = re.match(r"(\[[^\]]*\]|[^);]+?)(?:\)|;|\. |\.$|$)", said)[1]
        if text == "tidak diatur":
            assert actual is None, path
        elif text.startswith("["):
            assert [item.strip() for item in text[1:-1].split(",")] == [as_text(v) for v in actual], path
        elif isinstance(actual, tuple):
            assert tuple(text.split(", ")) == actual, path
        elif isinstance(actual, bool):
            assert text.split()[0] == as_text(actual), (path, text)  # "false (hanya manajerial …"
        elif isinstance(actual, str):
            assert text == actual, (path, text)
        else:
            assert float(re.match(r"\d+(?:\.\d+)?", text)[0]) == actual, (path, text)


def test_the_schema_documents_the_defaults_of_the_policy():
    """Every "Bawaan …" of `talenta` in schemas/config.schema.json says what TalentPolicy() holds."""
    found = list(documented(TALENTA_SCHEMA))
    for path, description in found:
        check(path, description)
    # every setting with a default says it: each leaf of the policy (per-jenjang maps entry by entry)
    said = {path for path, _ in found}
    for path in _setting_paths(TalentPolicy()):
        assert path in said or path[:-1] in said, f"talenta.{'.'.join(path)}: no Bawaan in the schema"
    assert len(found) > 100


def _setting_paths(value, path=()):
    if isinstance(value, OrientasiKotak) or not dataclasses.is_dataclass(value):
        if isinstance(value, dict) and path[-1] != "predikat_kinerja":
            for key in value:
                yield path + (key,)
        else:
            yield path
        return
    for f in dataclasses.fields(value):
        yield from _setting_paths(getattr(value, f.name), path + (f.name,))


def test_a_wrong_documented_default_fails():
    with pytest.raises(AssertionError):
        check(("nilai_kinerja", "di_atas"), "Nilai minimal di atas ekspektasi (bawaan 86).")
    with pytest.raises(AssertionError):
        check(("suksesi", "usia_maksimal", "administrator"), "Usia paling tinggi (bawaan: 58 tahun).")
    with pytest.raises(AssertionError):
        check(("jpm", "seleksi"), "Ambang … Bawaan 80 dan 70.")


def test_the_readme_shows_the_default_policy():
    """The YAML block of the README's "Policy" section, read as kamus.yaml, is the default policy."""
    text = (REPO / "README.md").read_text("utf-8")
    section = text[text.index("### Policy (`kamus.yaml`, section `talenta`"):]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)[1]
    assert TalentPolicy.from_data(yaml.safe_load(block)["talenta"]) == TalentPolicy()


def test_defaults_are_written_once_and_kamus_yaml_overrides_them_one_setting_at_a_time():
    assert Config().talenta == Config.from_data({}).talenta == TalentPolicy.from_data(None) == TalentPolicy()
    policy = Config.from_data({"talenta": {
        "jpm": {"seleksi": {"ms": 75}}, "kotak_kelompok_talenta": [9, 8],
        "hukuman_disiplin": {"tingkat": ["berat"]}, "predikat_kinerja": {"Butuh Perbaikan": "sesuai"},
        "suksesi": {"usia_maksimal": {"jpt_pratama": None}, "jenjang_pengisi": {"pengawas": ["pelaksana"]}},
        "orientasi_kotak": {"baris": "kinerja_tinggi_ke_rendah"}}}).talenta
    default = TalentPolicy()
    assert policy.jpm.seleksi.ms == 75 and policy.jpm.seleksi.mms == default.jpm.seleksi.mms
    assert policy.jpm.pemetaan == default.jpm.pemetaan and policy.jpm.batasi_100 == "per_kompetensi"
    assert policy.kotak_kelompok_talenta == (8, 9)
    assert policy.hukuman_disiplin.tingkat == ("berat",) and policy.hukuman_disiplin.tahun == 2
    assert policy.predikat_kinerja["Butuh Perbaikan"] == "sesuai" and policy.predikat_kinerja["Baik"] == "sesuai"
    assert policy.suksesi.usia_maksimal == {**default.suksesi.usia_maksimal, "jpt_pratama": None}
    assert policy.suksesi.jenjang_pengisi["pengawas"] == ("pelaksana",)
    assert policy.suksesi.jenjang_pengisi["administrator"] == default.suksesi.jenjang_pengisi["administrator"]
    assert policy.orientasi_kotak == OrientasiKotak("kinerja_tinggi_ke_rendah", "potensial_rendah_ke_tinggi")
    assert policy.masa_berlaku_asesmen_tahun == 3 and policy.pengembangan == default.pengembangan


def test_the_model_carries_the_typed_policy(minimal_root):
    (minimal_root / "kamus.yaml").write_text("talenta:\n  nilai_potensi: {tinggi: 75}\n", "utf-8")
    project = Project.open(minimal_root)
    assert isinstance(project.kamus.config.talenta, TalentPolicy)
    assert project.kamus.config.talenta.nilai_potensi.tinggi == 75
    assert project.kamus.config.talenta.potensial_for_score(75) == "tinggi"


@pytest.mark.parametrize("day, years, before, after", [
    (dt.date(2025, 12, 31), 2, dt.date(2023, 12, 31), dt.date(2027, 12, 31)),
    (dt.date(2024, 2, 29), 1, dt.date(2023, 2, 28), dt.date(2025, 3, 1)),
    (dt.date(2025, 6, 30), 1.5, dt.date(2023, 12, 29), dt.date(2026, 12, 30)),
    (dt.date(2025, 12, 31), 0, dt.date(2025, 12, 31), dt.date(2025, 12, 31)),
])
def test_one_year_arithmetic(day, years, before, after):
    assert years_before(day, years) == before and years_after(day, years) == after
    assert years_after(years_before(day, int(years)), int(years)) == day or day.month == 2
