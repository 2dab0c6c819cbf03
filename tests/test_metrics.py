"""course_lib.metrics: accuracy, confusion matrix and most confident mistakes, worked by hand."""
import numpy as np
import pytest

from course_lib import metrics


def test_accuracy_by_hand():
    # 3 of 4 right: samples 0, 1 and 3; sample 2 (a 2) was read as a 1
    assert metrics.accuracy([0, 1, 2, 2], [0, 1, 1, 2]) == 0.75
    assert metrics.accuracy(np.array([3]), np.array([3])) == 1.0
    assert isinstance(metrics.accuracy([0], [1]), float)


def test_confusion_matrix_by_hand():
    y_true = [0, 1, 1, 2, 2, 2]
    y_pred = [0, 1, 2, 2, 2, 0]
    # row = true class, column = predicted class:
    #   class 0: one sample, read as 0                  → C[0] = [1, 0, 0]
    #   class 1: two samples, read as 1 and as 2        → C[1] = [0, 1, 1]
    #   class 2: three samples, read as 2, 2 and 0      → C[2] = [1, 0, 2]
    C = metrics.confusion_matrix(y_true, y_pred, n_classes=3)
    np.testing.assert_array_equal(C, [[1, 0, 0], [0, 1, 1], [1, 0, 2]])
    assert C.dtype == np.int64
    assert C.sum() == 6                                       # every sample counted once
    np.testing.assert_array_equal(C.sum(axis=1), [1, 2, 3])   # row sums: samples per true class
    assert np.trace(C) / C.sum() == metrics.accuracy(y_true, y_pred)


def test_confusion_matrix_keeps_classes_that_never_occur():
    C = metrics.confusion_matrix([1, 1], [1, 1], n_classes=4)
    assert C.shape == (4, 4) and C[1, 1] == 2 and C.sum() == 2
    assert metrics.confusion_matrix([], [], n_classes=2).tolist() == [[0, 0], [0, 0]]


def test_confusion_matrix_does_not_modify_inputs():
    y_true, y_pred = np.array([0, 1, 1]), np.array([1, 1, 0])
    before = (y_true.copy(), y_pred.copy())
    metrics.confusion_matrix(y_true, y_pred, 2)
    np.testing.assert_array_equal(y_true, before[0])
    np.testing.assert_array_equal(y_pred, before[1])


PROBA = np.array([[0.9, 0.1],    # label 0: correct
                  [0.8, 0.2],    # label 1: wrong, confidence 0.8
                  [0.4, 0.6],    # label 0: wrong, confidence 0.6
                  [0.05, 0.95],  # label 0: wrong, confidence 0.95
                  [0.3, 0.7]])   # label 1: correct
Y = np.array([0, 1, 0, 0, 1])


def test_most_confident_mistakes_surest_first():
    assert metrics.most_confident_mistakes(PROBA, Y, k=2).tolist() == [3, 1]
    assert metrics.most_confident_mistakes(PROBA, Y, k=10).tolist() == [3, 1, 2]   # only 3 mistakes
    assert metrics.most_confident_mistakes(PROBA, Y, k=0).tolist() == []
    assert metrics.most_confident_mistakes(PROBA[[0, 4]], Y[[0, 4]]).tolist() == []  # no mistakes


def test_most_confident_mistakes_ties_keep_sample_order():
    proba = np.array([[0.3, 0.7], [0.7, 0.3], [0.3, 0.7], [0.7, 0.3]])
    y = np.array([0, 1, 0, 1])             # all four wrong, all with confidence 0.7
    assert metrics.most_confident_mistakes(proba, y, k=4).tolist() == [0, 1, 2, 3]


def test_most_confident_mistakes_accepts_float32_rows():
    proba = np.array([[0.2, 0.3, 0.5]], dtype=np.float32)
    assert metrics.most_confident_mistakes(proba, [0]).tolist() == [0]


@pytest.mark.parametrize("y_pred", [[0.0, 1.0], [True, False]])
def test_labels_must_be_integers(y_pred):
    with pytest.raises(TypeError, match="y_pred must hold integer class labels"):
        metrics.confusion_matrix([0, 1], y_pred, 2)
