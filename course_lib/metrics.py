r"""How good is a classifier?  Accuracy, the confusion matrix, the most confident mistakes.

Class labels are integers 0 … K−1 (K = ``n_classes``), one per sample:

=============================  ===============================================================
accuracy(y_true, y_pred)        fraction of samples with y_pred == y_true, a number in [0, 1]
confusion_matrix(y_true,        C[i, j] = how many samples of true class i were predicted as j;
  y_pred, n_classes)              shape (K, K), the diagonal holds the correct answers
most_confident_mistakes(        indices of the k wrong predictions made with the highest
  proba, y_true, k)               probability, the surest mistake first
=============================  ===============================================================

To turn a network's probabilities P (n, K) into predicted labels: ``y_pred = P.argmax(axis=1)``.
The figures of these numbers are in ``course_lib.figures`` (``images.confusion_grid``).
"""
from __future__ import annotations

import numpy as np

from ._validate import _describe, as_array, check_int
from .i18n import _

__all__ = ["accuracy", "confusion_matrix", "most_confident_mistakes"]


def _labels(y, name, n_classes=None):
    """``y`` as a 1-D array of class labels (np.intp, NumPy's index integer), each in 0 … n_classes−1 when n_classes is given."""
    if y is None or isinstance(y, (str, bytes)):
        raise TypeError(_("{name} must be integer class labels (a list or a 1-D array); got {got}.").format(
            name=name, got=_describe(y)))
    arr = np.asarray(y)
    if arr.size == 0 and arr.dtype.kind == "f":           # [] is float64 to NumPy: no labels, no floats
        arr = arr.astype(np.intp)
    if arr.dtype == object or arr.dtype.kind not in "iub":
        if arr.dtype.kind == "f":
            raise TypeError(_("{name} must hold integer class labels 0, 1, 2, …; got floats ({got}). Use labels such "
                              "as y.astype(int), or P.argmax(axis=1) for probabilities.").format(
                name=name, got=_describe(arr)))
        raise TypeError(_("{name} must hold integer class labels 0, 1, 2, …; got {got}.").format(
            name=name, got=_describe(y)))
    if arr.dtype.kind == "b":
        raise TypeError(_("{name} must hold integer class labels 0, 1, 2, …; got booleans ({got}).").format(
            name=name, got=_describe(arr)))
    if arr.ndim != 1:
        raise ValueError(_("{name} must be 1-dimensional (one label per sample); got shape {shape}.").format(
            name=name, shape=arr.shape))
    arr = arr.astype(np.intp)
    if n_classes is not None and arr.size:
        bad = (arr < 0) | (arr >= n_classes)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise ValueError(_("{name} must hold class labels in 0 … {last} (n_classes = {n_classes}); got {label} at "
                               "position {i} ({bad} label(s) out of range).").format(
                name=name, last=n_classes - 1, n_classes=n_classes, label=arr[i], i=i, bad=int(bad.sum())))
    return arr


def _same_length(y_true, y_pred):
    if y_true.size != y_pred.size:
        raise ValueError(_("y_true and y_pred must have the same length (one label per sample); got {n_true} and "
                           "{n_pred}.").format(n_true=y_true.size, n_pred=y_pred.size))


def accuracy(y_true, y_pred):
    r"""Fraction of correct predictions: accuracy = (1/n) Σ_i [y_pred_i = y_true_i], a number in [0, 1].

    y_true, y_pred: (n,) integer class labels.  Returns a Python float.

    >>> accuracy([0, 1, 2, 2], [0, 1, 1, 2])
    0.75
    """
    y_true = _labels(y_true, "y_true")
    y_pred = _labels(y_pred, "y_pred")
    _same_length(y_true, y_pred)
    if y_true.size == 0:
        raise ValueError(_("y_true and y_pred must hold at least one label each; got 0 samples."))
    return float(np.count_nonzero(y_true == y_pred) / y_true.size)


def confusion_matrix(y_true, y_pred, n_classes):
    r"""C[i, j] = number of samples whose true class is i and whose predicted class is j.

    y_true, y_pred: (n,) integer labels in 0 … n_classes−1.  Returns C of shape (n_classes, n_classes),
    dtype int64.  Row i adds up to the number of samples of class i; the diagonal C[i, i] counts the
    correct answers, so ``np.trace(C) / C.sum()`` is the accuracy.

    >>> confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2], n_classes=3)
    array([[1, 0, 0],
           [0, 1, 1],
           [0, 0, 1]])
    """
    n_classes = check_int(n_classes, "n_classes", min_value=1)
    y_true = _labels(y_true, "y_true", n_classes)
    y_pred = _labels(y_pred, "y_pred", n_classes)
    _same_length(y_true, y_pred)
    C = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(C, (y_true, y_pred), 1)
    return C


def most_confident_mistakes(proba, y_true, k=8):
    r"""Indices of the ``k`` wrongly classified samples the model was surest of, the surest first.

    proba: (n, K) predicted probabilities, each row ≥ 0 and summing to 1 (e.g. ``net.predict_proba(X)``).
    y_true: (n,) integer labels in 0 … K−1.  k: how many to return (fewer if there are fewer mistakes).

    A sample i is a mistake when argmax_j proba[i, j] ≠ y_true[i]; its confidence is max_j proba[i, j].
    Ties keep the order of the samples.  Returns an array (np.intp) of at most k indices into the samples.
    """
    proba = as_array(proba, "proba", ndim=2)
    if proba.shape[1] < 2:
        raise ValueError(_("proba must have one column per class (at least 2); got shape {shape}.").format(
            shape=proba.shape))
    if proba.min(initial=0.0) < 0 or proba.max(initial=0.0) > 1:
        raise ValueError(_("proba must hold probabilities in [0, 1]; got values from {low:.4g} to {high:.4g}. "
                           "(Logits? Apply softmax first, or use net.predict_proba.)").format(
            low=proba.min(), high=proba.max()))
    sums = proba.sum(axis=1)
    if proba.size and not np.allclose(sums, 1.0, atol=1e-3):
        i = int(np.argmax(np.abs(sums - 1.0)))
        raise ValueError(_("proba must have rows that sum to 1 (one probability per class); row {i} sums to "
                           "{total:.4g}.").format(i=i, total=sums[i]))
    y_true = _labels(y_true, "y_true", proba.shape[1])
    if y_true.size != proba.shape[0]:
        raise ValueError(_("y_true must have one label per row of proba ({n_rows}); got {n}.").format(
            n_rows=proba.shape[0], n=y_true.size))
    k = check_int(k, "k", min_value=0)
    pred = proba.argmax(axis=1)
    wrong = np.flatnonzero(pred != y_true)
    order = np.argsort(-proba[wrong, pred[wrong]], kind="stable")
    return wrong[order[:k]]
