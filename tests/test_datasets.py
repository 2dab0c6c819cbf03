"""Datasets: shapes, dtypes, label counts, and a corrupted or missing copy → a clear error."""
import gzip
import hashlib
import math
import shutil
import struct
import tempfile
from pathlib import Path

import numpy as np
import pytest

from course_lib import datasets
from course_lib.datasets import (DataIntegrityError, load_brain_neurons, load_hubble, load_letters, load_mnist)


def test_hubble():
    h = load_hubble()
    assert h.names.shape == h.distance.shape == h.velocity.shape == (24,)
    assert h.names[0] == "S.Mag" and h.names[-1] == "NGC 4649"
    assert h.distance.dtype == np.float64 and h.distance.min() > 0
    assert h.velocity.min() == -220 and h.velocity.max() == 1090


def test_brain_neurons():
    b = load_brain_neurons()
    assert list(b.species[[0, -2, -1]]) == ["snail", "human", "African elephant"]
    assert b.neurons.dtype == np.int64
    assert b.neurons[0] == 11_000 and b.neurons[-2] == 86_000_000_000
    assert np.all(np.diff(b.neurons) > 0)


def test_letters():
    L = load_letters()
    assert L.X.shape == (9, 12) and L.T.shape == (9, 2) and L.images.shape == (9, 4, 3)
    assert list(L.letters) == ["C"] * 3 + ["T"] * 2 + ["I"] + ["other"] * 3
    np.testing.assert_array_equal(L.images[3], [[1, 1, 1], [0, 1, 0], [0, 1, 0], [0, 1, 0]])  # a "T"
    np.testing.assert_array_equal(L.T[L.letters == "C"], [[1, 0]] * 3)
    np.testing.assert_array_equal(L.T[L.letters == "T"], [[0, 1]] * 2)      # 3 C, 2 T and 4 others
    np.testing.assert_array_equal(L.T[(L.letters != "C") & (L.letters != "T")], [[0, 0]] * 4)
    assert set(np.unique(L.X)) == {0.0, 1.0}


def test_mnist_test_split():
    X, y = load_mnist("test")
    assert X.shape == (10_000, 28, 28) and X.dtype == np.uint8 and y.dtype == np.intp
    np.testing.assert_array_equal(np.bincount(y), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
    assert list(y[:4]) == [7, 2, 1, 0]
    Xf, _ = load_mnist("test", flatten=True, normalize=True)
    assert Xf.shape == (10_000, 784) and Xf.dtype == np.float32
    assert Xf.min() == 0.0 and Xf.max() == 1.0


def test_mnist_in_the_browser_edition_gives_a_stated_subset(monkeypatch, capsys):
    """In Pyodide (the JupyterLite site) training on all 60 000 images takes minutes: load_mnist("train") gives
    the first 10 000 and says so, in the student's language; all_in_browser=True gives all of them; the test
    split and every other platform are unchanged."""
    import course_lib
    X, y = load_mnist("train")
    assert X.shape[0] == 60_000 and capsys.readouterr().out == ""          # not in a browser: everything
    monkeypatch.setattr(datasets, "in_browser", lambda: True)
    X, y = load_mnist("train", flatten=True)
    assert X.shape == (datasets.BROWSER_TRAIN_IMAGES, 784) and y.shape == (datasets.BROWSER_TRAIN_IMAGES,)
    assert list(y[:4]) == [5, 0, 4, 1]                                      # the first ones, in order
    note = capsys.readouterr().out
    assert "10,000 of the 60,000" in note and "all_in_browser=True" in note
    try:
        course_lib.set_language("ja")
        load_mnist("train")
        note = capsys.readouterr().out
        assert "6万枚のうち最初の 1万枚" in note and "all_in_browser=True" in note
    finally:
        course_lib.set_language("en")
    assert load_mnist("train", all_in_browser=True)[0].shape[0] == 60_000
    assert load_mnist("test")[0].shape[0] == 10_000
    assert capsys.readouterr().out == ""
    monkeypatch.undo()
    assert datasets.in_browser() is False


def test_mnist_train_split():
    X, y = load_mnist("train", flatten=True)
    assert X.shape == (60_000, 784) and X.dtype == np.uint8
    np.testing.assert_array_equal(np.bincount(y), [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
    assert X.mean() / 255 == pytest.approx(0.1307, abs=1e-4)


def test_bad_split_name():
    with pytest.raises(ValueError, match="split must be one of 'train', 'test'; got 'validation'"):
        load_mnist("validation")


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of the small data files, pointed to by COURSE_DATA_DIR."""
    src = datasets.data_dir()
    for name in ("SHA256SUMS", "hubble1929.csv", "letters_4x3.csv", "brain_neurons.csv"):
        shutil.copy(src / name, tmp_path / name)
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path))
    return tmp_path


def test_corrupted_file_names_file_hashes_and_fix(data_copy):
    path = data_copy / "hubble1929.csv"
    path.write_text(path.read_text().replace("NGC 4649,2.0,1090", "NGC 4649,2.0,1900"))
    with pytest.raises(DataIntegrityError) as info:
        load_hubble()
    message = str(info.value)
    assert "hubble1929.csv" in message and "corrupted" in message
    assert "expected SHA-256 dbcc549230a6438b" in message and "got " in message
    assert "git checkout -- data/" in message


def test_missing_file(data_copy):
    (data_copy / "letters_4x3.csv").unlink()
    with pytest.raises(DataIntegrityError, match=r"letters_4x3.csv is missing \(expected SHA-256 53c58d51"):
        load_letters()


def test_missing_checksum_list(data_copy):
    (data_copy / "SHA256SUMS").unlink()
    with pytest.raises(DataIntegrityError, match="SHA256SUMS is missing"):
        load_brain_neurons()


def test_checksums_cover_every_data_file():
    folder = datasets.data_dir()
    listed = {line.split()[1] for line in (folder / "SHA256SUMS").read_text().splitlines() if line.strip()}
    on_disk = {str(p.relative_to(folder)) for p in folder.rglob("*")
               if p.is_file() and p.name not in ("SHA256SUMS", "README.md", ".gitattributes")}
    assert listed == on_disk
    for name in listed:
        datasets.verified_path(name)  # every hash matches


# --------------------------------------------------------------------------- temporary data folders
# For a user who edits a file and regenerates its checksum on purpose: write files plus a matching
# SHA256SUMS into a private folder and load from it with data_dir=.  (Also used by test_bad_inputs_data.)

REAL = datasets.data_dir()


def sha256_line(name, content: bytes) -> str:
    return f"{hashlib.sha256(content).hexdigest()}  {name}\n"


def write_data(folder, files: dict, sums=None):
    """Write ``files`` {name: bytes} into ``folder`` with a SHA256SUMS that matches them (or ``sums``)."""
    folder = Path(folder)
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    if sums is None:
        sums = "".join(sha256_line(name, content) for name, content in files.items())
    (folder / "SHA256SUMS").write_bytes(sums if isinstance(sums, bytes) else sums.encode("utf-8"))
    return folder


def load_from(loader, files: dict, *, sums=None, **kwargs):
    """Call ``loader(data_dir=<a fresh folder holding files>, **kwargs)``."""
    with tempfile.TemporaryDirectory() as tmp:
        return loader(data_dir=write_data(tmp, files, sums), **kwargs)


def idx_gz(magic: int, shape, payload: bytes = None, *, raw=False) -> bytes:
    """A gzipped IDX file: big-endian magic and sizes, then the bytes (zeros unless given)."""
    if payload is None:
        payload = bytes(math.prod(shape))
    data = struct.pack(f">{1 + len(shape)}I", magic, *shape) + payload
    return data if raw else gzip.compress(data)


def mnist_files(n=3, *, images=None, labels=None, split="test"):
    """A tiny MNIST split of ``n`` images (pixel i of image k is (k + i) % 256) and labels 0, 1, 2, …"""
    prefix = "t10k" if split == "test" else "train"
    pixels = bytes((k + i) % 256 for k in range(n) for i in range(784))
    return {
        f"mnist/{prefix}-images-idx3-ubyte.gz": idx_gz(2051, (n, 28, 28), pixels) if images is None else images,
        f"mnist/{prefix}-labels-idx1-ubyte.gz": idx_gz(2049, (n,), bytes(range(n))) if labels is None else labels,
    }


def real(name) -> bytes:
    return (REAL / name).read_bytes()


def test_loaders_take_a_data_dir(tmp_path):
    copy = write_data(tmp_path, {name: real(name) for name in ("hubble1929.csv", "letters_4x3.csv", "brain_neurons.csv")})
    assert load_hubble(data_dir=copy).names.shape == (24,)
    assert str(load_letters(data_dir=str(copy)).letters[0]) == "C"
    assert load_brain_neurons(data_dir=copy).neurons[0] == 11_000


def test_a_tiny_mnist_in_a_data_dir_loads_exactly():
    X, y = load_from(load_mnist, mnist_files(3), split="test")
    assert X.shape == (3, 28, 28) and X.dtype == np.uint8 and list(y) == [0, 1, 2] and y.dtype == np.intp
    assert X[2, 0, 5] == 7 and X.flags.writeable
    Xf, _ = load_from(load_mnist, mnist_files(3, split="train"), split="train", flatten=True, normalize=True)
    assert Xf.shape == (3, 784) and Xf.dtype == np.float32 and Xf[1, 1] == pytest.approx(2 / 255)


@pytest.mark.parametrize("line", [
    "{digest}  hubble1929.csv",            # sha256sum's text mode
    "{digest} *hubble1929.csv",            # binary mode
    "{digest} hubble1929.csv",             # one space
    "{digest}  ./hubble1929.csv",
    "{DIGEST}  hubble1929.csv",            # upper-case hex (certutil, PowerShell's Get-FileHash)
    "\ufeff{digest}  hubble1929.csv\r",    # a byte-order mark and CRLF line ends
])
def test_sha256sums_lines_in_every_common_form_are_read(line):
    content = real("hubble1929.csv")
    digest = hashlib.sha256(content).hexdigest()
    sums = line.format(digest=digest, DIGEST=digest.upper()) + "\n\n"
    assert load_from(load_hubble, {"hubble1929.csv": content}, sums=sums).names.shape == (24,)


def test_an_edited_file_with_its_new_checksum_is_used():
    content = real("hubble1929.csv").replace(b"NGC 4649,2.0,1090", b"NGC 4649,2.0,1900")
    assert load_from(load_hubble, {"hubble1929.csv": content}).velocity[-1] == 1900


def test_a_relabelled_letter_with_consistent_targets_is_accepted():
    # Any name other than C and T means "neither" (targets 0, 0), e.g. an "other" renamed "A".
    content = real("letters_4x3.csv").replace(b"7,other,0,0,", b"7,A,0,0,")
    letters = load_from(load_letters, {"letters_4x3.csv": content})
    assert letters.letters[6] == "A" and list(letters.T[6]) == [0, 0]


@pytest.mark.parametrize("flag", ["flatten", "normalize"])
@pytest.mark.parametrize("value", ["no", "False", 1, 0, None, np.array(True)])
def test_boolean_options_need_real_booleans(flag, value):
    with pytest.raises(TypeError, match=f"{flag} must be True or False"):
        load_mnist("test", **{flag: value})


def test_numpy_bools_are_booleans():
    X, _ = load_from(load_mnist, mnist_files(2), split="test", flatten=np.bool_(True))
    assert X.shape == (2, 784)


def test_brain_neuron_species_have_japanese_names():
    from course_lib.i18n import language

    brain = datasets.load_brain_neurons()
    assert brain.names == [str(s) for s in brain.species]
    with language("ja"):
        names = brain.names
    assert "カタツムリ" in names and all(any("\u3040" <= ch <= "\u9fff" for ch in n) for n in names), names
