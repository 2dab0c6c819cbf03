"""Reading and verifying the files in ``data/``: SHA-256 checksums, CSV tables and gzipped IDX files.

``course_lib.datasets`` builds its loaders on these helpers; nothing here is specific to one dataset.

    verified_path(name)      the file's path, after its SHA-256 matched ``SHA256SUMS`` (DataIntegrityError if not)
    read_csv / cell / number  a CSV table checked cell by cell (DataFormatError naming file, line and column)
    read_idx(name, magic, ndim)  a gzipped IDX array, its header and length checked
"""
from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import math
import os
import re
import zlib
from pathlib import Path, PurePosixPath

import numpy as np

from ._validate import _describe, join_or
from .i18n import _

_SUMS_LINE = re.compile(r"([0-9A-Fa-f]{64})[ \t]+\*?(\S.*)")


def _restore():
    """The sentence that says how to get the course's data files back (in the current language)."""
    return _("Restore it with `git checkout -- data/` (or copy it again from the course repository).")


def _sums_format():
    """How a line of SHA256SUMS looks."""
    return _("'<64 hexadecimal digits>  <file name>' (as `sha256sum FILE` prints it)")


class DataIntegrityError(RuntimeError):
    """A data file is missing, or its SHA-256 does not match data/SHA256SUMS, or SHA256SUMS is unreadable."""


class DataFormatError(DataIntegrityError):
    """A data file matches its checksum but its content is not what the loader expects
    (a missing column, an empty cell, a label out of range, a truncated IDX file, …)."""


def data_dir() -> Path:
    """The folder with the datasets: $COURSE_DATA_DIR if set, else ``data/`` next to course_lib, else (course_lib
    installed as a wheel, as in the browser-only JupyterLite site: tools/build_lite.py) the first ``data/`` holding
    SHA256SUMS in the working folder or a folder above it (the site's notebooks/ and data/ sit side by side)."""
    env = os.environ.get("COURSE_DATA_DIR")
    if env:
        return Path(env)
    beside = Path(__file__).resolve().parent.parent / "data"
    if beside.is_dir():
        return beside
    here = Path.cwd()
    return next((p / "data" for p in (here, *here.parents) if (p / "data" / "SHA256SUMS").is_file()), beside)


def _folder(folder) -> Path:
    """The data folder to use: ``folder`` (the ``data_dir`` argument) or the default one."""
    if folder is None:
        env = os.environ.get("COURSE_DATA_DIR")
        path = data_dir()
        if env and not path.is_dir():
            raise FileNotFoundError(
                _("COURSE_DATA_DIR must name a folder holding the datasets and SHA256SUMS; it is {env!r}, which is "
                  "not a folder. Unset it to use the course's data/ folder.").format(env=env)
            )
        return path
    if isinstance(folder, bytes) or not isinstance(folder, (str, os.PathLike)):
        raise TypeError(_("data_dir must be a folder path (str or pathlib.Path) or None; got {got}.").format(
            got=_describe(folder)))
    path = Path(folder)
    if not path.is_dir():
        raise FileNotFoundError(
            _("data_dir must be an existing folder holding the datasets and SHA256SUMS; got {folder!r} "
              "(no such folder).").format(folder=str(folder))
        )
    return path


def _sums_problem(line: str) -> str:
    """Why ``line`` is not a SHA256SUMS line (for the error message)."""
    parts = line.split(maxsplit=1)
    digest = parts[0]
    if len(parts) == 1:
        return _("there is no file name after the digest") if len(digest) == 64 else _("it has only one field")
    bad = sorted({c for c in digest if c not in "0123456789abcdefABCDEF"})
    if bad:
        return _("the digest contains {chars}, which is not a hexadecimal digit").format(
            chars=", ".join(map(repr, bad)))
    return _("the digest has {n} characters instead of 64").format(n=len(digest))


def _expected_hashes(folder: Path) -> dict:
    """{file name: lower-case hex SHA-256} read from folder/SHA256SUMS (the format ``sha256sum`` writes)."""
    sums = folder / "SHA256SUMS"
    if not sums.is_file():
        raise DataIntegrityError(_("{sums} is missing, so the data cannot be verified. {restore}").format(
            sums=sums, restore=_restore()))
    raw = sums.read_bytes()
    try:
        text = raw.decode("utf-8-sig")   # a byte-order mark or CRLF line ends do not change the digests
    except UnicodeDecodeError as exc:
        raise DataIntegrityError(
            _("{sums} must be UTF-8 text in the format {format}; byte {i} is 0x{byte:02X}, which is not UTF-8. "
              "{restore}").format(sums=sums, format=_sums_format(), i=exc.start, byte=raw[exc.start],
                                  restore=_restore())
        ) from None
    table, where = {}, {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _SUMS_LINE.fullmatch(line.strip())
        if match is None:
            raise DataIntegrityError(
                _("{sums}, line {number}: expected {format}; got {line!r} ({problem}). Fix that line (run "
                  "`sha256sum FILE` in {folder} to print the right one) or restore the list with "
                  "`git checkout -- data/SHA256SUMS`.").format(
                    sums=sums, number=number, format=_sums_format(), line=line.strip(),
                    problem=_sums_problem(line.strip()), folder=folder)
            )
        digest, name = match.group(1).lower(), match.group(2).strip().replace("\\", "/")
        name = name[2:] if name.startswith("./") else name
        if name in table and table[name] != digest:
            raise DataIntegrityError(
                _("{sums} lists {name} twice with different digests (lines {first} and {second}); keep only the "
                  "line that `sha256sum` prints for the file now, or restore the list with "
                  "`git checkout -- data/SHA256SUMS`.").format(sums=sums, name=name, first=where[name], second=number)
            )
        table[name], where[name] = digest, number
    return table


def _check_name(name) -> str:
    if not isinstance(name, str):
        raise TypeError(_("name must be a data file name (str) such as 'hubble1929.csv'; got {got}.").format(
            got=_describe(name)))
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if not name or name.startswith(("/", "\\")) or ".." in parts or (parts and parts[0].endswith(":")):
        raise ValueError(_("name must be a file name inside the data folder, such as 'hubble1929.csv'; got "
                           "{name!r}.").format(name=name))
    return "/".join(parts)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verified_path(name, *, data_dir=None) -> Path:
    """Path of data file ``name`` (e.g. "hubble1929.csv") after checking its SHA-256.

    data_dir: the folder holding the file and SHA256SUMS (default: see ``data_dir()``).
    """
    name = _check_name(name)
    folder = _folder(data_dir)
    table = _expected_hashes(folder)
    path = folder / name
    expected = table.get(name)
    if expected is None:
        if path.is_file():
            raise DataIntegrityError(
                _("Data file {path} exists but has no line in {sums}, so it cannot be verified. If you added or "
                  "changed it on purpose, add its line (in {folder}: `sha256sum {name} >> SHA256SUMS`); otherwise "
                  "restore it with `git checkout -- data/` (or copy it again from the course repository).").format(
                    path=path, sums=folder / "SHA256SUMS", folder=folder, name=name)
            )
        listed = ", ".join(sorted(table)) or _("none")
        raise DataIntegrityError(
            _("name must be a data file listed in {sums} ({listed}); got {name!r}: no such dataset.").format(
                sums=folder / "SHA256SUMS", listed=listed, name=name)
        )
    if not path.is_file():
        raise DataIntegrityError(_("Data file {path} is missing (expected SHA-256 {expected}). {restore}").format(
            path=path, expected=expected, restore=_restore()))
    actual = _sha256(path)
    if actual != expected:
        raw = path.read_bytes()
        if b"\r\n" in raw and hashlib.sha256(raw.replace(b"\r\n", b"\n")).hexdigest() == expected:
            raise DataIntegrityError(
                _("Data file {path} has Windows line endings (CRLF) that git added when it checked the file out "
                  "(core.autocrlf=true); with LF line endings it would match (expected SHA-256 {expected}, got "
                  "{actual}). Delete the file and run `git -c core.autocrlf=false checkout -- data/` in the "
                  "course's folder; a clone that has the course's .gitattributes keeps data/ byte-exact.").format(
                    path=path, expected=expected, actual=actual)
            )
        raise DataIntegrityError(
            _("Data file {path} is corrupted or was changed: expected SHA-256 {expected}, got {actual}. {restore} "
              "If you changed it on purpose, put its new digest in {sums} (`sha256sum {name}`).").format(
                path=path, expected=expected, actual=actual, restore=_restore(), sums=folder / "SHA256SUMS",
                name=name)
        )
    return path


# ----------------------------------------------------------------------------- CSV files


def read_csv(path: Path, columns) -> list:
    """[(line number, {column: text})] of a UTF-8 CSV file with at least ``columns``; nothing else assumed."""
    raw = path.read_bytes()
    if raw.startswith(codecs.BOM_UTF8):
        raise DataFormatError(
            _("{path} starts with a byte-order mark (BOM, bytes EF BB BF), as Excel's 'CSV UTF-8' writes; expected "
              "plain UTF-8 without a BOM. Save it again without the BOM (a text editor's 'UTF-8' encoding) and "
              "update its line in SHA256SUMS.").format(path=path)
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise DataFormatError(
            _("{path}, line {line}: expected UTF-8 text; byte 0x{byte:02X} is not UTF-8 (save the file as UTF-8).")
            .format(path=path, line=line, byte=raw[exc.start])
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header:
        raise DataFormatError(_("{path} is empty; expected a header line with the columns {columns}.").format(
            path=path, columns=", ".join(columns)))
    header = [h.strip() for h in header]
    missing = [c for c in columns if c not in header]
    if missing:
        raise DataFormatError(
            _("{path}: missing column(s) {missing}; expected the columns {columns}; found {found}.").format(
                path=path, missing=", ".join(map(repr, missing)), columns=", ".join(columns),
                found=", ".join(map(repr, header)))
        )
    rows = []
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue                                   # a blank line
        if len(cells) != len(header):
            raise DataFormatError(
                _("{path}, line {line}: expected {n} cells (one per column of the header); found {found}: "
                  "{cells!r}.").format(path=path, line=line, n=len(header), found=len(cells), cells=",".join(cells))
            )
        rows.append((line, dict(zip(header, cells))))
    if not rows:
        raise DataFormatError(_("{path} has a header but no data lines.").format(path=path))
    return rows


def cell(path, line, column, text) -> str:
    text = text.strip()
    if not text:
        raise DataFormatError(_("{path}, line {line}, column {column!r}: the cell is empty; expected a value.").format(
            path=path, line=line, column=column))
    return text


def number(path, line, column, text, *, integer=False, allowed=None, minimum=None):
    """The cell as a finite float (or an int), optionally one of ``allowed`` or > ``minimum``."""
    text = cell(path, line, column, text)
    try:
        value = int(text) if integer else float(text)
    except ValueError:
        value = None
    if value is None or (allowed is not None and value not in allowed and math.isfinite(value)):
        message = _("{path}, line {line}, column {column!r}: expected {want}; found {text!r}.")
    elif not math.isfinite(value):
        message = _("{path}, line {line}, column {column!r}: expected {want}; found {text!r} (NaN and infinity are "
                    "not data).")
    elif minimum is not None and not value > minimum:
        message = _("{path}, line {line}, column {column!r}: expected {want} greater than {minimum}; found {text!r}.")
    else:
        return value
    want = join_or(allowed) if allowed is not None else _("a whole number") if integer else _("a number")
    raise DataFormatError(message.format(path=path, line=line, column=column, want=want, text=text, minimum=minimum))


def table(name, folder, columns):
    path = verified_path(name, data_dir=folder)
    return path, read_csv(path, columns)




def read_idx(name, magic, ndim, folder=None):
    """Read a gzipped IDX file (big-endian header: magic number, then one uint32 size per axis)."""
    path = verified_path(name, data_dir=folder)
    try:
        with gzip.open(path, "rb") as fh:
            raw = fh.read()
    except (OSError, EOFError, zlib.error) as exc:   # gzip.BadGzipFile is an OSError
        raise DataFormatError(_("{path} must be a complete gzip file; reading it failed: {error}. {restore}").format(
            path=path, error=exc, restore=_restore())) from None
    header_size = 4 * (1 + ndim)
    found_magic = int.from_bytes(raw[:4], "big") if len(raw) >= 4 else magic
    if found_magic != magic:
        found_dims = found_magic & 0xFF if found_magic >> 8 == 0x08 else None
        message = (_("{path}: expected the IDX magic number {magic} (0x{magic:08X}: unsigned bytes in {ndim} "
                     "dimension(s)); found {found} (0x{found:08X}). {restore}") if found_dims is None else
                   _("{path}: expected the IDX magic number {magic} (0x{magic:08X}: unsigned bytes in {ndim} "
                     "dimension(s)); found {found} (0x{found:08X} — unsigned bytes in {found_dims} dimension(s)). "
                     "{restore}"))
        raise DataFormatError(message.format(path=path, magic=magic, ndim=ndim, found=found_magic,
                                             found_dims=found_dims, restore=_restore()))
    if len(raw) < header_size:
        raise DataFormatError(
            _("{path} is truncated: an IDX header needs {header_size} bytes (the magic number and {ndim} size(s)); "
              "the file holds {n}. {restore}").format(path=path, header_size=header_size, ndim=ndim, n=len(raw),
                                                     restore=_restore())
        )
    shape = tuple(int(v) for v in np.frombuffer(raw, dtype=">u4", count=ndim, offset=4))
    expected, found = math.prod(shape), len(raw) - header_size
    if found != expected:
        message = (_("{path} is truncated: its header announces shape {shape}, i.e. {expected} bytes of data; the "
                     "file holds {found}. {restore}") if found < expected else
                   _("{path} has extra bytes: its header announces shape {shape}, i.e. {expected} bytes of data; the "
                     "file holds {found}. {restore}"))
        raise DataFormatError(message.format(path=path, shape=shape, expected=expected, found=found,
                                             restore=_restore()))
    return np.frombuffer(raw, dtype=np.uint8, offset=header_size).reshape(shape), path
