"""The last check before a built site is put in place: no personal number from the snapshots,
and no symbolic link, in any file of it.

The site shows counts only. Its Markdown comes from templates that never print a NIP, but
a kamus's mkdocs.yml may name code the operator allowed (``--izinkan-kode``): a hook, a
Markdown extension that includes files, a theme folder. Whatever they did, a site that
carries a NIP (or NIK) found in ``snapshots/`` or ``keputusan/`` is not published. The check is one pass over
the bytes of every file (the members of zip-based files such as .xlsx and .docx too) with
one regular expression, and a set lookup per number that looks like a NIP or a NIK.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

from ..errors import BuildError
from ..kinds import PERSONAL_FOLDERS, SNAPSHOTS

# 18 digits as a NIP is written (plain, or with a space, dot or hyphen between its parts:
# birth date, appointment, sex, sequence), or the 16 digits of a NIK. Both begin with eight
# digits in a row: those are found first, at the speed of bytes.find, and only the stretch of
# digits and separators from there is given to the regular expression.
NUMBER = re.compile(rb"(?<![0-9])(?:[0-9]{8}[ .-]?[0-9]{6}[ .-]?[0-9][ .-]?[0-9]{3}|[0-9]{16})(?![0-9])")
_STRETCH = re.compile(rb"[0-9 .-]*")
_SEPARATORS = re.compile(rb"[ .-]")
_DIGIT_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_EIGHT = b"0" * 8
MAX_MEMBER = 200_000_000  # unpacked bytes of one zip member read for the check
SHOWN = 3  # files named in the message


def _numbers(data: bytes) -> set[bytes]:
    found, zeros = set(), data.translate(_DIGIT_AS_ZERO)
    at = zeros.find(_EIGHT)
    while at >= 0:
        end = _STRETCH.match(data, at).end()
        found.update(_SEPARATORS.sub(b"", number) for number in NUMBER.findall(data, at, end))
        at = zeros.find(_EIGHT, end)
    return found


def _contents(data: bytes):
    """``data`` and, for a zip-based file (xlsx, docx), the unpacked bytes of its members."""
    yield data
    if data[:4] != b"PK\x03\x04":
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.infolist():
                if member.file_size <= MAX_MEMBER:
                    yield archive.read(member)
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError):
        return


def personal_numbers(project) -> set[bytes]:
    """Every NIP and NIK of the project's snapshots and of the komite's decisions: from the
    people read, and from the bytes of every file under snapshots/ and keputusan/ (rows the
    reader refused, columns it does not use, a NIP no snapshot has)."""
    found = {person.nip.encode() for snapshot in project.snapshots for person in snapshot.people}
    source = project.source
    for path in (path for folder in (SNAPSHOTS, *PERSONAL_FOLDERS) if source.is_dir(folder)
                 for path in source.files(folder)):
        try:
            raw = source.read(path)
        except OSError:
            continue
        for data in _contents(raw):
            found |= _numbers(data)
    return found


def check_site(site: Path, numbers: set[bytes]) -> None:
    """Raise BuildError when a file of ``site`` holds one of ``numbers``, or when the site
    holds a symbolic link (a web server would serve what it points to)."""
    leaking: list[str] = []
    for dirpath, dirnames, filenames in os.walk(site):
        here = Path(dirpath)
        for name in sorted(dirnames + filenames):
            path = here / name
            if path.is_symlink():
                raise BuildError(f"situs hasil build berisi tautan simbolik `{path.relative_to(site).as_posix()}`; "
                                 "situs tidak dipasang (server web akan menyajikan berkas yang ditunjuknya). "
                                 "Periksa kode yang diizinkan dengan --izinkan-kode.")
        if not numbers:
            continue
        for name in filenames:
            if any(_numbers(data) & numbers for data in _contents((here / name).read_bytes())):
                leaking.append((here / name).relative_to(site).as_posix())
    if leaking:
        named = ", ".join(f"`{p}`" for p in sorted(leaking)[:SHOWN])
        more = f" dan {len(leaking) - SHOWN} berkas lain" if len(leaking) > SHOWN else ""
        raise BuildError(f"situs tidak dipasang: {named}{more} memuat NIP/NIK pegawai dari snapshots/ atau keputusan/. Data pribadi "
                         "tidak boleh terbit di situs; situs yang lama tetap di tempatnya. Periksa mkdocs.yml kamus "
                         "(misalnya pymdownx.snippets, hooks, theme.custom_dir) dan apa yang diizinkan dengan "
                         "--izinkan-kode.")
