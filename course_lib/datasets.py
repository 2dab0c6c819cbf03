"""The course's real datasets, read from ``data/`` offline and verified by SHA-256.

Every loader checks the file's hash against ``data/SHA256SUMS`` *every time*
(not only on a cache hit) and raises ``DataIntegrityError`` naming the file,
the expected and the actual hash, and how to restore it.  Nothing is
downloaded and nothing is unpickled.

=====================  =====================================================
loader                 returns
=====================  =====================================================
load_hubble()          Hubble(names (24,), distance (24,) Mpc, velocity (24,) km/s)
load_mnist(split)      (X, y): X uint8 (n, 28, 28) or (n, 784); y int64 (n,)
load_letters()         Letters(X (9, 12), T (9, 2), letters (9,), images (9, 4, 3))
load_brain_neurons()   BrainNeurons(species (9,), neurons (9,) int64)
=====================  =====================================================
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ._validate import check_choice

_RESTORE = "Restore it with `git checkout -- data/` (or copy it again from the course repository)."


class DataIntegrityError(RuntimeError):
    """A data file is missing or its SHA-256 does not match data/SHA256SUMS."""


def data_dir() -> Path:
    """The folder with the datasets: $COURSE_DATA_DIR if set, else ``data/`` next to course_lib."""
    env = os.environ.get("COURSE_DATA_DIR")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "data"


def _expected_hashes(folder: Path) -> dict:
    sums = folder / "SHA256SUMS"
    if not sums.is_file():
        raise DataIntegrityError(f"{sums} is missing, so the data cannot be verified. {_RESTORE}")
    table = {}
    for line in sums.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            table[name.strip().lstrip("*")] = digest
    return table


def verified_path(name: str) -> Path:
    """Path of data file ``name`` (e.g. "hubble1929.csv") after checking its SHA-256."""
    folder = data_dir()
    expected = _expected_hashes(folder).get(name)
    if expected is None:
        raise DataIntegrityError(f"{name!r} is not listed in {folder / 'SHA256SUMS'}; no such dataset.")
    path = folder / name
    if not path.is_file():
        raise DataIntegrityError(f"Data file {path} is missing (expected SHA-256 {expected}). {_RESTORE}")
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    actual = h.hexdigest()
    if actual != expected:
        raise DataIntegrityError(
            f"Data file {path} is corrupted or was changed: expected SHA-256 {expected}, got {actual}. {_RESTORE}"
        )
    return path


def _read_csv(name):
    with open(verified_path(name), newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@dataclass(frozen=True)
class Hubble:
    """Hubble (1929), Table 1: 24 galaxies ("nebulae").

    names: object names as in the table; distance: r in Mpc (10⁶ parsecs); velocity: v in km/s.
    """

    names: np.ndarray
    distance: np.ndarray
    velocity: np.ndarray


def load_hubble() -> Hubble:
    """Hubble's 1929 distances (Mpc) and radial velocities (km/s) of 24 galaxies."""
    rows = _read_csv("hubble1929.csv")
    return Hubble(
        names=np.array([r["object"] for r in rows]),
        distance=np.array([float(r["distance_mpc"]) for r in rows]),
        velocity=np.array([float(r["velocity_km_s"]) for r in rows]),
    )


@dataclass(frozen=True)
class BrainNeurons:
    """Estimated number of neurons in the whole nervous system, by species (seed 000)."""

    species: np.ndarray
    neurons: np.ndarray


def load_brain_neurons() -> BrainNeurons:
    """Neuron counts from the snail (11 000) to the African elephant (2.57 × 10¹¹)."""
    rows = _read_csv("brain_neurons.csv")
    return BrainNeurons(
        species=np.array([r["species"] for r in rows]),
        neurons=np.array([int(r["neurons"]) for r in rows], dtype=np.int64),
    )


@dataclass(frozen=True)
class Letters:
    """Seed 001's 4×3 binary images: three "C", three "T" and three others.

    X: (9, 12) pixels x1…x12 row by row (1 = ink);  T: (9, 2) targets (t1, t2):
    (1, 0) = "C", (0, 1) = "T", (0, 0) = neither;  letters: "C", "T" or "other";
    images: (9, 4, 3), the same pixels as pictures.
    """

    X: np.ndarray
    T: np.ndarray
    letters: np.ndarray
    images: np.ndarray


def load_letters() -> Letters:
    """The 4×3 "C"/"T" images with their targets (seed 001)."""
    rows = _read_csv("letters_4x3.csv")
    X = np.array([[float(r[f"x{i}"]) for i in range(1, 13)] for r in rows])
    T = np.array([[float(r["t1"]), float(r["t2"])] for r in rows])
    return Letters(X=X, T=T, letters=np.array([r["letter"] for r in rows]), images=X.reshape(-1, 4, 3))


_MNIST_FILES = {
    "train": ("mnist/train-images-idx3-ubyte.gz", "mnist/train-labels-idx1-ubyte.gz"),
    "test": ("mnist/t10k-images-idx3-ubyte.gz", "mnist/t10k-labels-idx1-ubyte.gz"),
}


def _read_idx(name, magic, ndim):
    """Read a gzipped IDX file (big-endian header: magic number, then one uint32 size per axis)."""
    path = verified_path(name)
    with gzip.open(path, "rb") as fh:
        raw = fh.read()
    header = np.frombuffer(raw, dtype=">u4", count=1 + ndim)
    if header[0] != magic:
        raise DataIntegrityError(f"{path} is not an IDX file with magic number {magic}; got {header[0]}. {_RESTORE}")
    shape = tuple(int(s) for s in header[1:])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 * (1 + ndim)).reshape(shape)


def load_mnist(split="train", *, flatten=False, normalize=False):
    """MNIST handwritten digits (LeCun & Cortes, CC BY-SA 3.0): 60 000 train / 10 000 test images.

    Returns (X, y).  X: uint8 grey levels 0–255 (0 = background, 255 = ink), shape (n, 28, 28),
    or (n, 784) with ``flatten=True``; ``normalize=True`` gives float32 values in [0, 1]
    (float32, not float64: half the memory and twice the speed).  y: int64 labels 0–9, shape (n,).
    """
    check_choice(split, "split", tuple(_MNIST_FILES))
    images_file, labels_file = _MNIST_FILES[split]
    X = _read_idx(images_file, 2051, 3)
    y = _read_idx(labels_file, 2049, 1).astype(np.int64)
    if X.shape[0] != y.shape[0]:
        raise DataIntegrityError(f"MNIST {split}: {X.shape[0]} images but {y.shape[0]} labels. {_RESTORE}")
    if flatten:
        X = X.reshape(X.shape[0], -1)
    if normalize:
        X = X.astype(np.float32) / np.float32(255.0)
    else:
        X = X.copy()  # writable, and independent of the decompressed buffer
    return X, y
