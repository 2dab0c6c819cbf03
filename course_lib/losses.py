r"""Losses (誤差関数): squared error and cross-entropy — value, output-layer delta, number correct.

E is the *mean* over the n samples (the lecture sums, E = e1 + e2 + …, which only rescales η).
Shapes: z, a, T (n, K) — one row per sample, one column per output neuron; δ_L (n, K).

===============  ==============================================  ==============================================
loss             E                                               δ_L = ∂E/∂z_L (output-layer delta)
===============  ==============================================  ==============================================
squared_error    (1/n) Σ_i ½ Σ_k (t_ik − a_ik)²                  (a_L − T) ⊙ f'(z_L) / n
                 「知の探究」: e = ((t1 − z1)² + (t2 − z2)²)/2       「知の探究」: (z − t)·a'(s)
                 (its z is our a, its s our z, its a(·) our f)
cross_entropy    −(1/n) Σ_i Σ_k t_ik log p_ik,  p = softmax(z)   (p − T) / n   (the softmax Jacobian cancels
                 = (1/n) Σ_i Σ_k t_ik (logsumexp(z_i) − z_ik)      because each row of T adds up to 1)
===============  ==============================================  ==============================================

Number correct: cross-entropy (softmax output) — the most probable class is the target's
(argmax); squared error — every output rounded at 0.5 equals its target (the lecture's reading:
(a1, a2) = (1, 0) means "C", (0, 0) neither).

Cross-entropy is computed from the weighted sums z_L (the "logits"), never as log of a rounded
probability: p = e^(−40) is stored fine, but e^(−800) rounds to 0 and log 0 = −∞.  With
log p_k = z_k − logsumexp(z) the loss is exact for any z (PyTorch's ``CrossEntropyLoss`` does the same).

``LOSSES`` maps a name to its record (``SquaredError()`` / ``CrossEntropy()``) with ``value``,
``delta`` and ``n_correct`` (no input checks: the network calls them once per step);
``squared_error``, ``cross_entropy`` and ``cross_entropy_from_logits`` are the checked versions for
students.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validate import as_array, check_choice, check_int, check_probability
from .i18n import _


# ---- targets ----------------------------------------------------------------------------------
def one_hot(labels, n_classes, dtype=np.float64):
    """Integer labels (n,) → one-hot rows (n, n_classes): label 3 of 10 → [0,0,0,1,0,0,0,0,0,0]."""
    n_classes = check_int(n_classes, "n_classes", min_value=1)
    labels = as_array(labels, "labels", ndim=1, dtype=None)
    if labels.dtype.kind not in "iu":
        raise TypeError(_("labels must be integers 0…{last}; got dtype {dtype}.").format(
            last=n_classes - 1, dtype=labels.dtype))
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        raise ValueError(_("labels must be in 0…{last} (n_classes={n_classes}); got values from {low} to {high}.")
                         .format(last=n_classes - 1, n_classes=n_classes, low=labels.min(), high=labels.max()))
    T = np.zeros((labels.shape[0], n_classes), dtype=dtype)
    T[np.arange(labels.shape[0]), labels] = 1
    return T


def smooth_targets(T, epsilon):
    """Label smoothing: T_ls = (1 − ε)·T + ε/K for one-hot rows T (n, K); returns a new (n, K) array.

    K = 10, ε = 0.1: the right class gets 0.9 + 0.01 = 0.91, each other class 0.01; rows still add
    up to 1.  Cross-entropy against T_ls is smallest at p = T_ls, not at p = 1, so training stops
    pushing the weighted sums z of already-correct images towards ±∞ (Szegedy et al. 2016, "Rethinking
    the Inception architecture", §7).  Backprop is unchanged: δ_L = (p − T_ls)/n.
    """
    epsilon = check_probability(epsilon, "epsilon")
    T = as_array(T, "T")
    problem = None
    if T.ndim != 2:
        problem = _("T must be one-hot rows (n, K) that add up to 1 (use one_hot(labels, K)); got shape {shape}.")
    else:
        bad_rows = np.flatnonzero(np.abs(T.sum(axis=1) - 1) > 1e-6)
        if bad_rows.size:
            problem = _("T must be one-hot rows (n, K) that add up to 1 (use one_hot(labels, K)); got shape "
                        "{shape}; row {row} adds up to {total:.4g}.")
        elif np.any(T < 0):
            problem = _("T must be one-hot rows (n, K) that add up to 1 (use one_hot(labels, K)); got shape "
                        "{shape}; it has negative entries (smallest {smallest:.4g}).")
    if problem:
        row = bad_rows[0] if T.ndim == 2 and bad_rows.size else None
        raise ValueError(problem.format(shape=T.shape, row=row, total=None if row is None else T[row].sum(),
                                        smallest=T.min() if T.size else None))
    if T.shape[1] < 2:
        raise ValueError(_("T must have at least 2 classes (columns) to smooth; got shape {shape}.").format(
            shape=T.shape))
    return (1 - epsilon) * T + epsilon / T.shape[1]


def as_targets(T, n_samples, n_outputs, *, name="T", dtype=np.float64):
    """Targets as a float array (n_samples, n_outputs); integer class labels (n,) become one-hot."""
    arr = as_array(T, name, dtype=None)
    if arr.dtype.kind not in "biuf":
        raise TypeError(_("{name} must contain numbers; got dtype {dtype}.").format(name=name, dtype=arr.dtype))
    if arr.shape[:1] != (n_samples,):
        raise ValueError(_("{name} must have one row per sample ({n} rows, like X); got shape {shape}.").format(
            name=name, n=n_samples, shape=arr.shape))
    if arr.ndim == 1 and n_outputs > 1:
        if arr.dtype.kind == "f":
            whole = bool(np.all(arr == np.round(arr)))
            text = (_("{name} holds float numbers of shape ({n},) ({dtype}); class labels must be integers 0…{last}: "
                      "use {name}.astype(int). Or give one target per output neuron, shape ({n}, {k}).") if whole else
                    _("{name} holds float numbers of shape ({n},) ({dtype}); class labels must be integers 0…{last}: "
                      "its values are not whole numbers (e.g. {example!r}). Or give one target per output neuron, "
                      "shape ({n}, {k})."))
            raise TypeError(text.format(name=name, n=n_samples, dtype=arr.dtype, last=n_outputs - 1, k=n_outputs,
                                        example=None if whole else arr[arr != np.round(arr)][0]))
        if arr.dtype.kind in "iu" and arr.size and (arr.min() < 0 or arr.max() >= n_outputs):
            raise ValueError(_("{name} (class labels) must be in 0…{last}, one per output neuron; got values from "
                               "{low} to {high}.").format(name=name, last=n_outputs - 1, low=arr.min(), high=arr.max()))
        if arr.dtype.kind in "iu":
            return one_hot(arr, n_outputs, dtype=dtype)
    if arr.shape != (n_samples, n_outputs):
        text = (_("{name} must have shape ({n}, {k}) — one target per output neuron; got shape {shape}. Use "
                  "{name}.reshape(-1, 1) for a network with one output.") if n_outputs == 1 else
                _("{name} must have shape ({n}, {k}) — one target per output neuron; got shape {shape}. Integer "
                  "class labels of shape ({n},) are accepted too."))
        raise ValueError(text.format(name=name, n=n_samples, k=n_outputs, shape=arr.shape))
    return arr.astype(dtype, copy=False)


# ---- checked functions, for students ------------------------------------------------------------
def _pair(a, T, a_name):
    """(a, T) as float arrays (n, K); one sample (K,) becomes (1, K); integer labels (n,) become one-hot."""
    a = as_array(a, a_name, ndim=(1, 2))
    T = as_array(T, "T", dtype=None)
    if T.dtype.kind not in "biuf":
        raise TypeError(_("{name} must contain numbers; got dtype {dtype}.").format(name="T", dtype=T.dtype))
    if a.ndim == 1:                               # one sample: e = ½((t1 − a1)² + (t2 − a2)²)
        if T.shape == a.shape:
            T = T[None, :]
        a = a[None, :]
    if T.ndim == 1 and T.dtype.kind in "iu" and T.shape[0] == a.shape[0] and a.shape[1] > 1:
        return a, one_hot(T, a.shape[1])
    if T.shape != a.shape:
        raise ValueError(_("T must have the shape of {a_name} {a_shape} (one target per output), or be integer "
                           "class labels ({n},); got shape {shape}.").format(a_name=a_name, a_shape=a.shape,
                                                                            n=a.shape[0], shape=T.shape))
    return a, T.astype(float)


def squared_error(a, T):
    """E = (1/n) Σ_i ½ Σ_k (t_ik − a_ik)²: outputs a (n, K) (or one sample (K,)), targets T alike or labels (n,)."""
    a, T = _pair(a, T, "a")
    return SquaredError().value(None, a, T)


def cross_entropy(p, T):
    """E = −(1/n) Σ_i Σ_k t_ik log p_ik from probabilities p (n, K) (e.g. softmax outputs); T one-hot or labels.

    Exact: a probability that rounded to 0 for a target class gives E = inf (log 0 = −∞).  A network's
    loss is computed from its weighted sums instead, see ``cross_entropy_from_logits``.
    """
    p, T = _pair(p, T, "p")
    if np.any(p < 0) or np.any(p > 1):
        raise ValueError(_("p must be probabilities in [0, 1] (e.g. softmax outputs); got values from {low:.4g} to "
                           "{high:.4g}.").format(low=p.min(), high=p.max()))
    check_probability_rows(T, "T")
    with np.errstate(divide="ignore"):
        log_p = np.log(p, where=T > 0, out=np.zeros_like(p))       # terms with t = 0 add nothing
    return float(-np.sum(T * log_p) / p.shape[0])


def cross_entropy_from_logits(z, T):
    """E = (1/n) Σ_i Σ_k t_ik (logsumexp(z_i) − z_ik) = cross_entropy(softmax(z), T), exactly; z (n, K)."""
    z, T = _pair(z, T, "z")
    check_probability_rows(T, "T")
    return CrossEntropy().value(z, None, T)


def check_probability_rows(T, name="T"):
    """Cross-entropy compares two probability distributions: every t_ik >= 0 and every row adds up to 1."""
    sums = T.sum(axis=1)
    bad = np.flatnonzero((np.abs(sums - 1) > 1e-5) | np.any(T < 0, axis=1))
    if bad.size:
        i = int(bad[0])
        raise ValueError(
            _("{name} must hold probability rows for loss='cross_entropy' (every entry >= 0, each row adding up "
              "to 1: one-hot rows, one_hot(labels, K) or smooth_targets); got row {i} = {row} adding up to "
              "{total:.4g}. For other targets use loss='squared_error'.").format(
                name=name, i=i, row=np.array2string(T[i], precision=3, threshold=12), total=sums[i]))
    return T


def log_sum_exp(z):
    """logsumexp(z_i) = m_i + log Σ_k e^(z_ik − m_i) with m_i = max_k z_ik, per row: z (n, K) → (n, 1)."""
    m = z.max(axis=1, keepdims=True)
    return m + np.log(np.exp(z - m).sum(axis=1, keepdims=True))


# ---- the losses the network trains on (no input checks) ------------------------------------------
class SquaredError:
    r"""E = (1/n) Σ_i ½ Σ_k (t_ik − a_ik)²;   δ_L = (a_L − T) ⊙ f'(z_L) / n."""

    name = "squared_error"
    formula = "E = (1/n) Σ ½ Σ_k (t_k − a_k)²"
    needs_softmax = False

    def value(self, z, a, T):
        d = a - T
        return 0.5 * float(np.vdot(d, d)) / a.shape[0]

    def delta(self, z, a, T, activation, out=None):
        """δ_L (n, K) for the output layer's activation record; written into ``out`` when given."""
        out = np.subtract(a, T, out=out)           # a_L − T  (= n·∂E/∂a_L)
        activation.grad_mul(z, a, out)             # ⊙ f'(z_L): the chain rule through the output neurons
        out *= 1.0 / a.shape[0]                    # E is a mean over the n samples
        return out

    def n_correct(self, a, T):
        """Samples whose every output, rounded at 0.5, equals its target rounded at 0.5."""
        return int(np.count_nonzero(((a >= 0.5) == (T >= 0.5)).all(axis=1)))

    def check_targets(self, T, name="T"):
        return T


class CrossEntropy:
    r"""E = −(1/n) Σ_i Σ_k t_ik log p_ik with p = softmax(z_L);   δ_L = (p − T) / n."""

    name = "cross_entropy"
    formula = "E = −(1/n) Σ Σ_k t_k log p_k"
    needs_softmax = True

    def value(self, z, a, T):
        # log p_ik = z_ik − logsumexp(z_i), exact for any z (no log 0)
        return float(np.vdot(T, log_sum_exp(z) - z)) / z.shape[0]

    def delta(self, z, a, T, activation=None, out=None):
        """δ_L = (p − T)/n (n, K); needs no derivative of the activation; written into ``out`` when given."""
        out = np.subtract(a, T, out=out)           # p − T: softmax's Jacobian times −t/p, summed, since Σ_k t_k = 1
        out *= 1.0 / a.shape[0]
        return out

    def n_correct(self, a, T):
        """Samples whose most probable class (argmax of a) is the target's (argmax of T)."""
        return int(np.count_nonzero(a.argmax(axis=1) == T.argmax(axis=1)))

    def check_targets(self, T, name="T"):
        return check_probability_rows(T, name)


LOSSES = {"squared_error": SquaredError(), "cross_entropy": CrossEntropy()}


@dataclass(frozen=True)
class Score:
    """E and the number of correct samples over n samples (a training step's batch, or ``MLP.evaluate``)."""

    loss: float
    n_correct: int
    n: int

    @property
    def accuracy(self):
        return self.n_correct / self.n


def get_loss(name):
    """The loss record for "squared_error" or "cross_entropy"."""
    if not isinstance(name, str):
        raise TypeError(_("loss must be a name, 'squared_error' or 'cross_entropy'; got {name!r}.").format(name=name))
    return LOSSES[check_choice(name, "loss", LOSSES)]
