"""The course's real datasets, read from ``data/`` offline and verified by SHA-256.

Every loader checks the file's hash against ``data/SHA256SUMS`` *every time*
(not only on a cache hit) and raises ``DataIntegrityError`` naming the file,
the expected and the actual hash, and how to restore it.  Then it checks what
it read (columns, empty cells, numbers, labels, the IDX header and length) and
raises ``DataFormatError`` naming the file, the line and the column — for a
file that was edited and whose checksum was regenerated on purpose.  Nothing
is downloaded and nothing is unpickled.

=====================  =====================================================
loader                 returns
=====================  =====================================================
load_hubble()          Hubble(names (24,), distance (24,) Mpc, velocity (24,) km/s)
load_mnist(split)      (X, y): X uint8 (n, 28, 28) or (n, 784); y intp (n,)
load_letters()         Letters(X (9, 12), T (9, 2), letters (9,), images (9, 4, 3))
load_brain_neurons()   BrainNeurons(species (9,), neurons (9,) int64)
=====================  =====================================================

Every loader takes ``data_dir=`` (a folder holding the files and their
``SHA256SUMS``); by default ``$COURSE_DATA_DIR``, else the ``data/`` beside
``course_lib``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._platform import in_browser
from ._validate import _describe, check_bool, check_choice
from .datafiles import (DataFormatError, DataIntegrityError, cell, data_dir, number, read_idx, table,
                        verified_path)
from .i18n import _, format_count

__all__ = ["DataIntegrityError", "DataFormatError", "data_dir", "verified_path", "Hubble", "load_hubble",
           "BrainNeurons", "load_brain_neurons", "Letters", "load_letters", "load_mnist"]


@dataclass(frozen=True)
class Hubble:
    """Hubble (1929), Table 1: 24 galaxies ("nebulae").

    names: object names as in the table; distance: r in Mpc (10⁶ parsecs); velocity: v in km/s.
    """

    names: np.ndarray
    distance: np.ndarray
    velocity: np.ndarray


def load_hubble(*, data_dir=None) -> Hubble:
    """Hubble's 1929 distances (Mpc) and radial velocities (km/s) of 24 galaxies."""
    path, rows = table("hubble1929.csv", data_dir, ("object", "distance_mpc", "velocity_km_s"))
    return Hubble(
        names=np.array([cell(path, n, "object", r["object"]) for n, r in rows]),
        distance=np.array([number(path, n, "distance_mpc", r["distance_mpc"], minimum=0) for n, r in rows]),
        velocity=np.array([number(path, n, "velocity_km_s", r["velocity_km_s"]) for n, r in rows]),
    )


@dataclass(frozen=True)
class BrainNeurons:
    """Estimated number of neurons in the whole nervous system, by species (lecture 000).

    species: the names in the data file (English, as the code uses them);  names: the same species
    as a reader of the current language writes them (``snail`` / カタツムリ).
    """

    species: np.ndarray
    neurons: np.ndarray

    @property
    def names(self) -> list[str]:
        """The species in the current language (``course_lib.set_language``)."""
        return [_(str(s)) for s in self.species]     # the names are marked N_() in figures.bars._SPECIES


def load_brain_neurons(*, data_dir=None) -> BrainNeurons:
    """Neuron counts from the snail (11 000) to the African elephant (2.57 × 10¹¹)."""
    path, rows = table("brain_neurons.csv", data_dir, ("species", "neurons"))
    return BrainNeurons(
        species=np.array([cell(path, n, "species", r["species"]) for n, r in rows]),
        neurons=np.array([number(path, n, "neurons", r["neurons"], integer=True, minimum=0) for n, r in rows],
                         dtype=np.int64),
    )


@dataclass(frozen=True)
class Letters:
    """Lecture 001's 4×3 binary images of "C", "T" and other shapes.

    X: (9, 12) pixels x1…x12 row by row (1 = ink);  T: (9, 2) targets (t1, t2):
    (1, 0) = "C", (0, 1) = "T", (0, 0) = neither;  letters: "C", "T" or another name;
    images: (9, 4, 3), the same pixels as pictures.
    """

    X: np.ndarray
    T: np.ndarray
    letters: np.ndarray
    images: np.ndarray


_LETTER_TARGETS = {"C": (1, 0), "T": (0, 1)}   # any other letter: (0, 0), "neither"


def load_letters(*, data_dir=None) -> Letters:
    """The 4×3 "C"/"T" images with their targets (lecture 001)."""
    pixels = tuple(f"x{i}" for i in range(1, 13))
    path, rows = table("letters_4x3.csv", data_dir, ("letter", "t1", "t2") + pixels)
    X = np.array([[number(path, n, c, r[c], allowed=(0, 1)) for c in pixels] for n, r in rows])
    T = np.array([[number(path, n, c, r[c], allowed=(0, 1)) for c in ("t1", "t2")] for n, r in rows])
    letters = [cell(path, n, "letter", r["letter"]) for n, r in rows]
    for (n, _row), letter, t in zip(rows, letters, T):
        want = _LETTER_TARGETS.get(letter, (0, 0))
        if tuple(t) != want:
            message = (_('{path}, line {n}: the letter "{letter}" needs the targets (t1, t2) = {want}; found '
                         '({t1:g}, {t2:g}).') if letter in _LETTER_TARGETS else
                       _('{path}, line {n}: the letter "{letter}" (neither C nor T) needs the targets (t1, t2) = '
                         '{want}; found ({t1:g}, {t2:g}).'))
            raise DataFormatError(message.format(path=path, n=n, letter=letter, want=want, t1=t[0], t2=t[1]))
    return Letters(X=X, T=T, letters=np.array(letters), images=X.reshape(-1, 4, 3))


# ----------------------------------------------------------------------------- MNIST (gzipped IDX files)

_MNIST_FILES = {
    "train": ("mnist/train-images-idx3-ubyte.gz", "mnist/train-labels-idx1-ubyte.gz"),
    "test": ("mnist/t10k-images-idx3-ubyte.gz", "mnist/t10k-labels-idx1-ubyte.gz"),
}


# The browser-only edition (JupyterLite: Python compiled to WebAssembly) trains several times slower than a laptop:
# one epoch of chapter 6's network over all 60 000 training images takes about 8 s there (1.3 s on a laptop), so
# chapter 6's two trainings would take 80 s instead of 15.  There load_mnist("train") gives the first
# BROWSER_TRAIN_IMAGES images and says so (benchmarks/bench_lite.py measures both; README "Open in your browser,
# no install").
BROWSER_TRAIN_IMAGES = 10_000


def load_mnist(split="train", *, flatten=False, normalize=False, data_dir=None, all_in_browser=False):
    """MNIST handwritten digits (LeCun & Cortes, CC BY-SA 3.0): 60 000 train / 10 000 test images.

    In the browser-only edition ``load_mnist("train")`` returns the first 10 000 training images
    (BROWSER_TRAIN_IMAGES) and prints a note saying so, because training on all of them takes minutes there;
    ``all_in_browser=True`` returns all 60 000 there too.  Everywhere else the argument changes nothing.

    Returns (X, y).  X: uint8 grey levels 0–255 (0 = background, 255 = ink), shape (n, 28, 28),
    or (n, 784) with ``flatten=True``; ``normalize=True`` gives float32 values in [0, 1]
    (float32, not float64: half the memory and twice the speed).  y: labels 0–9, shape (n,), NumPy's index
    integer ``np.intp`` (int64 on a 64-bit computer, int32 in the browser edition, where ``np.bincount`` refuses
    int64).
    """
    if not isinstance(split, str):
        raise TypeError(_("split must be 'train' or 'test' (a str); got {got}.").format(got=_describe(split)))
    check_choice(split, "split", tuple(_MNIST_FILES))
    flatten = check_bool(flatten, "flatten")
    normalize = check_bool(normalize, "normalize")
    all_in_browser = check_bool(all_in_browser, "all_in_browser")
    images_file, labels_file = _MNIST_FILES[split]
    X, images_path = read_idx(images_file, 2051, 3, data_dir)
    y, labels_path = read_idx(labels_file, 2049, 1, data_dir)
    if X.shape[1:] != (28, 28):
        raise DataFormatError(_("{path}: expected images of 28×28 pixels; the header says {shape}.").format(
            path=images_path, shape=X.shape[1:]))
    if X.shape[0] == 0:
        raise DataFormatError(_("{path}: expected at least one image; the header says 0.").format(path=images_path))
    if X.shape[0] != y.shape[0]:
        raise DataFormatError(_("MNIST {split}: {images} holds {n_images} images but {labels} holds {n_labels} "
                                "labels; they must match. Restore both with `git checkout -- data/`.").format(
            split=split, images=images_path.name, n_images=X.shape[0], labels=labels_path.name, n_labels=y.shape[0]))
    if y.max() > 9:
        i = int(np.argmax(y > 9))
        raise DataFormatError(_("{path}: every label must be a digit 0–9; label {i} is {label}.").format(
            path=labels_path, i=i, label=int(y[i])))
    y = y.astype(np.intp)
    if split == "train" and in_browser() and not all_in_browser and X.shape[0] > BROWSER_TRAIN_IMAGES:
        print(_("Browser edition: the first {n} of the {total} training images, so that training takes seconds "
                "here instead of minutes. All of them: load_mnist(\"train\", all_in_browser=True).").format(
            n=format_count(BROWSER_TRAIN_IMAGES), total=format_count(X.shape[0])))
        X, y = X[:BROWSER_TRAIN_IMAGES], y[:BROWSER_TRAIN_IMAGES]
    if flatten:
        X = X.reshape(X.shape[0], -1)
    if normalize:
        X = X.astype(np.float32) / np.float32(255.0)
    else:
        X = X.copy()  # writable, and independent of the decompressed buffer
    return X, y
