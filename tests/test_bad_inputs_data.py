"""Bad inputs of course_lib.datasets: arguments, SHA256SUMS, and edited data files (with a matching checksum).

Each data row writes its files and a SHA256SUMS into a fresh folder and loads it with ``data_dir=``;
the message must name the file, the line/column, what was expected and what was found.
"""
import gzip
import hashlib
import os
import tempfile
from contextlib import contextmanager

import pytest

from bad_input_support import Bad, ids, run
from course_lib.datasets import (DataFormatError, DataIntegrityError, load_brain_neurons, load_hubble, load_letters,
                                 load_mnist, verified_path)
from test_datasets import idx_gz, load_from, mnist_files, real, sha256_line

HUBBLE = real("hubble1929.csv")
LETTERS = real("letters_4x3.csv")
BRAIN = real("brain_neurons.csv")
DIGEST = hashlib.sha256(HUBBLE).hexdigest()
IMAGES, LABELS = "mnist/t10k-images-idx3-ubyte.gz", "mnist/t10k-labels-idx1-ubyte.gz"


def hubble(old: bytes, new: bytes, **kw):
    assert old in HUBBLE
    return load_from(load_hubble, {"hubble1929.csv": HUBBLE.replace(old, new, 1)}, **kw)


def letters(old: bytes, new: bytes):
    assert old in LETTERS
    return load_from(load_letters, {"letters_4x3.csv": LETTERS.replace(old, new, 1)})


def brain(old: bytes, new: bytes):
    assert old in BRAIN
    return load_from(load_brain_neurons, {"brain_neurons.csv": BRAIN.replace(old, new, 1)})


def hubble_sums(sums):
    return load_from(load_hubble, {"hubble1929.csv": HUBBLE}, sums=sums)


def mnist(**files):
    return load_from(load_mnist, mnist_files(3, **files), split="test")


def unlisted():        # the file is there but SHA256SUMS lists only another one
    return load_from(load_hubble, {"hubble1929.csv": HUBBLE}, sums=sha256_line("letters_4x3.csv", LETTERS))


def listed_but_missing():
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "SHA256SUMS"), "w") as fh:
            fh.write(sha256_line("hubble1929.csv", HUBBLE))
        return load_hubble(data_dir=tmp)


def no_sums():
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "hubble1929.csv"), "wb") as fh:
            fh.write(HUBBLE)
        return load_hubble(data_dir=tmp)


@contextmanager
def env(name, value):
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            del os.environ[name]
        else:
            os.environ[name] = old


def with_course_data_dir(path):
    with env("COURSE_DATA_DIR", path):
        return load_hubble()


E, F = DataIntegrityError, DataFormatError
GOOD_IMAGES = mnist_files(3)[IMAGES]

TABLE = [
    # --- arguments
    Bad("load_mnist: unknown split", lambda: load_mnist("validation"), ValueError, ("split", "'train', 'test'", "'validation'")),
    Bad("load_mnist: split not a str", lambda: load_mnist(1), TypeError, ("split", "'train' or 'test'", "1 (int)")),
    Bad("load_mnist: flatten='no'", lambda: load_mnist("test", flatten="no"), TypeError, ("flatten", "True or False", "'no'")),
    Bad("load_mnist: normalize=1", lambda: load_mnist("test", normalize=1), TypeError, ("normalize", "True or False", "1 (int)")),
    Bad("load_mnist: all_in_browser='yes'", lambda: load_mnist("test", all_in_browser="yes"), TypeError,
        ("all_in_browser", "True or False", "'yes'")),
    Bad("load_hubble: data_dir a number", lambda: load_hubble(data_dir=3), TypeError, ("data_dir", "folder path", "3 (int)")),
    Bad("load_letters: data_dir missing", lambda: load_letters(data_dir="/no/such/folder"), FileNotFoundError,
        ("data_dir", "existing folder", "/no/such/folder")),
    Bad("COURSE_DATA_DIR not a folder", lambda: with_course_data_dir("/no/such/data"), FileNotFoundError,
        ("COURSE_DATA_DIR", "folder", "/no/such/data", "unset it")),
    Bad("verified_path: name a number", lambda: verified_path(3), TypeError, ("name", "str", "3 (int)")),
    Bad("verified_path: name leaves the folder", lambda: verified_path("../pyproject.toml"), ValueError,
        ("name", "inside the data folder", "'../pyproject.toml'")),
    Bad("verified_path: no such dataset", lambda: verified_path("iris.csv"), E,
        ("no such dataset", "'iris.csv'", "hubble1929.csv", "SHA256SUMS")),
    # --- SHA256SUMS
    Bad("SHA256SUMS missing", no_sums, E, ("SHA256SUMS is missing", "git checkout -- data/")),
    Bad("SHA256SUMS: a line with one field", lambda: hubble_sums(sha256_line("hubble1929.csv", HUBBLE) + "oops\n"), E,
        ("SHA256SUMS, line 2", "64 hexadecimal digits", "'oops'", "one field", "git checkout -- data/SHA256SUMS")),
    Bad("SHA256SUMS: digest one digit short", lambda: hubble_sums(f"{DIGEST[:-1]}  hubble1929.csv\n"), E,
        ("line 1", "64 hexadecimal digits", "63 characters", "sha256sum")),
    Bad("SHA256SUMS: not hexadecimal", lambda: hubble_sums(f"{'g' * 64}  hubble1929.csv\n"), E,
        ("line 1", "'g'", "not a hexadecimal digit")),
    Bad("SHA256SUMS: digest without a name", lambda: hubble_sums(f"{DIGEST}\n"), E, ("line 1", "no file name")),
    Bad("SHA256SUMS: a file listed twice", lambda: hubble_sums(f"{DIGEST}  hubble1929.csv\n{'0' * 64}  hubble1929.csv\n"),
        E, ("hubble1929.csv twice", "lines 1 and 2")),
    Bad("SHA256SUMS: not UTF-8", lambda: hubble_sums(b"\xff\xfe" + sha256_line("hubble1929.csv", HUBBLE).encode("utf-16-le")),
        E, ("UTF-8", "0xFF", "byte 0")),
    Bad("file present but not in SHA256SUMS", unlisted, E,
        ("hubble1929.csv exists", "no line in", "sha256sum hubble1929.csv >> SHA256SUMS")),
    Bad("file listed but missing", listed_but_missing, E, ("hubble1929.csv is missing", "expected SHA-256", DIGEST[:16])),
    Bad("file changed, old checksum", lambda: hubble(b"1090", b"1900", sums=sha256_line("hubble1929.csv", HUBBLE)), E,
        ("hubble1929.csv", "corrupted", f"expected SHA-256 {DIGEST}", "got", "git checkout -- data/")),
    Bad("file with CRLF (autocrlf clone)", lambda: load_from(load_hubble, {"hubble1929.csv": HUBBLE.replace(b"\n", b"\r\n")},
                                                             sums=sha256_line("hubble1929.csv", HUBBLE)), E,
        ("CRLF", "core.autocrlf", "git -c core.autocrlf=false checkout -- data/")),
    # --- CSV content (each file with a matching checksum)
    Bad("hubble: NaN distance", lambda: hubble(b"S.Mag,0.032", b"S.Mag,nan"), F,
        ("hubble1929.csv, line 2", "'distance_mpc'", "a number", "'nan'")),
    Bad("hubble: infinite velocity", lambda: hubble(b"L.Mag,0.034,290", b"L.Mag,0.034,inf"), F,
        ("line 3", "'velocity_km_s'", "'inf'", "infinity")),
    Bad("hubble: empty cell", lambda: hubble(b"NGC 6822,0.214,-130", b"NGC 6822,,-130"), F,
        ("line 4", "'distance_mpc'", "empty")),
    Bad("hubble: a word for a number", lambda: hubble(b"NGC 598,0.263,-70", b"NGC 598,0.263,slow"), F,
        ("line 5", "'velocity_km_s'", "expected a number", "'slow'")),
    Bad("hubble: negative distance", lambda: hubble(b"NGC 598,0.263", b"NGC 598,-0.263"), F,
        ("'distance_mpc'", "greater than 0", "'-0.263'")),
    Bad("hubble: empty name", lambda: hubble(b"S.Mag,", b" ,"), F, ("line 2", "'object'", "empty")),
    Bad("hubble: missing column", lambda: hubble(b"object,distance_mpc,velocity_km_s", b"object,distance_mpc,velocity"), F,
        ("missing column", "'velocity_km_s'", "found", "'velocity'")),
    Bad("hubble: a row with too few cells", lambda: hubble(b"L.Mag,0.034,290", b"L.Mag,0.034"), F,
        ("line 3", "expected 3 cells", "found 2")),
    Bad("hubble: BOM (Excel 'CSV UTF-8')", lambda: load_from(load_hubble, {"hubble1929.csv": b"\xef\xbb\xbf" + HUBBLE}), F,
        ("hubble1929.csv", "byte-order mark", "without the BOM")),
    Bad("hubble: Latin-1 bytes", lambda: hubble(b"NGC 598", b"NGC 598\xe9"), F, ("line 5", "UTF-8", "0xE9")),
    Bad("hubble: header only", lambda: load_from(load_hubble, {"hubble1929.csv": HUBBLE.splitlines(keepends=True)[0]}), F,
        ("hubble1929.csv", "no data lines")),
    Bad("hubble: empty file", lambda: load_from(load_hubble, {"hubble1929.csv": b""}), F,
        ("is empty", "object, distance_mpc, velocity_km_s")),
    Bad("brain: count in scientific notation", lambda: brain(b"snail,11000", b"snail,1.1e4"), F,
        ("brain_neurons.csv, line 2", "'neurons'", "whole number", "'1.1e4'")),
    Bad("brain: zero neurons", lambda: brain(b"snail,11000", b"snail,0"), F, ("'neurons'", "greater than 0", "'0'")),
    Bad("letters: pixel out of range", lambda: letters(b"1,C,1,0,0,1,1,1,0", b"1,C,1,0,0,1,1,1,2"), F,
        ("letters_4x3.csv, line 2", "'x5'", "0 or 1", "'2'")),
    Bad("letters: target out of range", lambda: letters(b"4,T,0,1", b"4,T,0,3"), F, ("line 5", "'t2'", "0 or 1", "'3'")),
    Bad("letters: NaN pixel", lambda: letters(b"7,other,0,0,1", b"7,other,0,0,nan"), F, ("line 8", "'x1'", "'nan'")),
    Bad("letters: C with T's targets", lambda: letters(b"2,C,1,0", b"2,C,0,1"), F,
        ("line 3", '"C"', "(t1, t2) = (1, 0)", "found (0, 1)")),
    Bad("letters: other with targets", lambda: letters(b"8,other,0,0", b"8,other,1,0"), F,
        ("line 9", "neither C nor T", "(0, 0)", "found (1, 0)")),
    Bad("letters: missing pixel column", lambda: letters(b",x11,x12", b",x11"), F, ("missing column", "'x12'")),
    # --- MNIST IDX content
    Bad("mnist: truncated gzip", lambda: mnist(images=GOOD_IMAGES[:-20]), F, ("t10k-images-idx3-ubyte.gz", "complete gzip")),
    Bad("mnist: not gzip at all", lambda: mnist(images=idx_gz(2051, (3, 28, 28), raw=True)), F, ("gzip", "t10k-images")),
    Bad("mnist: header cut short", lambda: mnist(images=gzip.compress(b"\x00\x00\x08\x03\x00\x00")), F,
        ("truncated", "header needs 16 bytes", "holds 6")),
    Bad("mnist: labels file where images belong", lambda: mnist(images=idx_gz(2049, (3,), bytes(3))), F,
        ("t10k-images", "magic number 2051", "found 2049", "1 dimension")),
    Bad("mnist: wrong magic", lambda: mnist(labels=idx_gz(0x12345678, (3,), bytes(3))), F,
        ("t10k-labels", "magic number 2049", "found 305419896")),
    Bad("mnist: images truncated", lambda: mnist(images=idx_gz(2051, (3, 28, 28), bytes(784 * 3 - 100))), F,
        ("truncated", "shape (3, 28, 28)", "2352 bytes", "holds 2252")),
    Bad("mnist: extra bytes after the data", lambda: mnist(labels=idx_gz(2049, (3,), bytes(5))), F,
        ("t10k-labels", "extra bytes", "holds 5")),
    Bad("mnist: images of the wrong size", lambda: mnist(images=idx_gz(2051, (3, 28, 27))), F, ("28×28", "(28, 27)")),
    Bad("mnist: label out of range", lambda: mnist(labels=idx_gz(2049, (3,), bytes([0, 11, 2]))), F,
        ("t10k-labels", "digit 0–9", "label 1 is 11")),
    Bad("mnist: fewer labels than images", lambda: mnist(labels=idx_gz(2049, (2,), bytes(2))), F,
        ("holds 3 images", "holds 2 labels", "must match")),
    Bad("mnist: no images", lambda: mnist(images=idx_gz(2051, (0, 28, 28)), labels=idx_gz(2049, (0,))), F,
        ("at least one image", "says 0")),
]


@pytest.mark.parametrize("row", TABLE, ids=ids(TABLE))
def test_bad_input(row):
    run(row)
