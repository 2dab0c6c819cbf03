"""data/letters_4x3.csv is exactly the table of 4×3 images in lecture 001 (「知の探究」).

The table is transcribed here by hand from the lecture, slide "ニューラルネットワークと機械学習 —
誤差 error 評価で機械学習（教師あり学習の場合）": three rows of three 4×3 images, each with its target
正解[教師] (t1, t2).  Row 1: three "C" with (1, 0).  Row 2: two "T" with (0, 1), then an "I"
(top bar, centre stem, bottom bar) with (0, 0) — a T with a bottom bar is *not* a T.  Row 3: three
other shapes with (0, 0).  1 = ink.
"""
import numpy as np

from course_lib.datasets import load_letters

LECTURE_TABLE = [   # (image, (t1, t2)) in the order of the slide, left to right, row by row
    # row 1: "C" → (1, 0)
    (["011", "100", "100", "011"], (1, 0)),
    (["111", "100", "100", "011"], (1, 0)),
    (["000", "111", "100", "111"], (1, 0)),
    # row 2: "T" → (0, 1), "T" → (0, 1), "I" → (0, 0)
    (["111", "010", "010", "010"], (0, 1)),
    (["111", "010", "010", "000"], (0, 1)),
    (["111", "010", "010", "111"], (0, 0)),
    # row 3: neither C nor T → (0, 0)
    (["111", "101", "111", "101"], (0, 0)),
    (["101", "101", "101", "111"], (0, 0)),
    (["111", "101", "101", "111"], (0, 0)),
]


def lecture_images():
    return np.array([[[int(c) for c in row] for row in rows] for rows, _ in LECTURE_TABLE])


def test_the_images_are_the_lectures_images_in_the_lectures_order():
    np.testing.assert_array_equal(load_letters().images, lecture_images())


def test_the_targets_are_the_lectures_targets():
    np.testing.assert_array_equal(load_letters().T, [t for _, t in LECTURE_TABLE])


def test_three_c_two_t_and_four_others():
    T = load_letters().T
    targets = [("C", (1, 0)), ("T", (0, 1)), ("neither", (0, 0))]
    counts = {name: int(np.sum(np.all(T == t, axis=1))) for name, t in targets}
    assert counts == {"C": 3, "T": 2, "neither": 4}


def test_the_image_with_a_bottom_bar_is_not_labelled_t():
    L = load_letters()
    i_index = 5                                          # row 2, third image: 111 / 010 / 010 / 111
    np.testing.assert_array_equal(L.images[i_index], [[1, 1, 1], [0, 1, 0], [0, 1, 0], [1, 1, 1]])
    assert L.letters[i_index] not in ("C", "T") and list(L.T[i_index]) == [0, 0]
