"""Datasets: shapes, dtypes, label counts, and a corrupted or missing copy → a clear error."""
import shutil

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
    assert list(L.letters) == ["C"] * 3 + ["T"] * 3 + ["other"] * 3
    np.testing.assert_array_equal(L.images[3], [[1, 1, 1], [0, 1, 0], [0, 1, 0], [0, 1, 0]])  # a "T"
    np.testing.assert_array_equal(L.T[L.letters == "C"], [[1, 0]] * 3)
    assert set(np.unique(L.X)) == {0.0, 1.0}


def test_mnist_test_split():
    X, y = load_mnist("test")
    assert X.shape == (10_000, 28, 28) and X.dtype == np.uint8 and y.dtype == np.int64
    np.testing.assert_array_equal(np.bincount(y), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
    assert list(y[:4]) == [7, 2, 1, 0]
    Xf, _ = load_mnist("test", flatten=True, normalize=True)
    assert Xf.shape == (10_000, 784) and Xf.dtype == np.float32
    assert Xf.min() == 0.0 and Xf.max() == 1.0


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
    with pytest.raises(DataIntegrityError, match=r"letters_4x3.csv is missing \(expected SHA-256 b6a0b2eb"):
        load_letters()


def test_missing_checksum_list(data_copy):
    (data_copy / "SHA256SUMS").unlink()
    with pytest.raises(DataIntegrityError, match="SHA256SUMS is missing"):
        load_brain_neurons()


def test_checksums_cover_every_data_file():
    folder = datasets.data_dir()
    listed = {line.split()[1] for line in (folder / "SHA256SUMS").read_text().splitlines() if line.strip()}
    on_disk = {str(p.relative_to(folder)) for p in folder.rglob("*")
               if p.is_file() and p.name not in ("SHA256SUMS", "README.md")}
    assert listed == on_disk
    for name in listed:
        datasets.verified_path(name)  # every hash matches
