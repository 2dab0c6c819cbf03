r"""Losses and the training loop: ``fit(model, X, T, epochs=…)`` → ``History``.

Losses (E is the mean over the n samples; the seed sums, E = e1 + e2 + …, which only rescales η)::

    squared_error   E = (1/n) Σ_i ½ Σ_k (t_ik − a_ik)²      seed 001: e = ((t1 − z1)² + (t2 − z2)²)/2
                    ∂E/∂a = (a − T)/n
    cross_entropy   E = −(1/n) Σ_i Σ_k t_ik log p_ik        p: softmax probabilities, T one-hot
                    (or smoothed: T_ls = (1 − ε)·T + ε/K, ``smooth_targets``; ∂E/∂z = (p − T)/n either way)

``fit`` is the seed's algorithm with minibatches: (1) start from the initial weights; (2) compute the
outputs; (3) the error E; (4) stop if E < ε (``target_error``), else backpropagate; (5) update the
weights with the optimizer and go to (2).  One *epoch* is one pass over the shuffled training data
in minibatches of ``batch_size`` samples (``batch_size=None``: all samples at once, steepest descent).
"""
from __future__ import annotations

import math
import sys
import time
import warnings
from dataclasses import dataclass, field

import numpy as np

from ._validate import as_array, as_rng, check_int, check_number, check_positive, check_probability
from .optim import OPTIMIZERS, Optimizer, get_optimizer


class TrainingDiverged(FloatingPointError):
    """The loss became NaN or infinite during training (usually: the learning rate is too large)."""


class ConvergenceWarning(UserWarning):
    """``fit`` stopped at ``epochs`` before the error fell below ``target_error``."""


def one_hot(labels, n_classes, dtype=np.float64):
    """Integer labels (n,) → one-hot rows (n, n_classes): label 3 of 10 → [0,0,0,1,0,0,0,0,0,0]."""
    n_classes = check_int(n_classes, "n_classes", min_value=1)
    labels = as_array(labels, "labels", ndim=1, dtype=None)
    if labels.dtype.kind not in "iu":
        raise TypeError(f"labels must be integers 0…{n_classes - 1}; got dtype {labels.dtype}.")
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        raise ValueError(f"labels must be in 0…{n_classes - 1} (n_classes={n_classes}); "
                         f"got values from {labels.min()} to {labels.max()}.")
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
    problem = ""
    if T.ndim == 2:
        bad_rows = np.flatnonzero(np.abs(T.sum(axis=1) - 1) > 1e-6)
        if bad_rows.size:
            problem = f"; row {bad_rows[0]} adds up to {T[bad_rows[0]].sum():.4g}"
        elif np.any(T < 0):
            problem = f"; it has negative entries (smallest {T.min():.4g})"
    if T.ndim != 2 or problem:
        raise ValueError(f"T must be one-hot rows (n, K) that add up to 1 (use one_hot(labels, K)); "
                         f"got shape {T.shape}{problem}.")
    if T.shape[1] < 2:
        raise ValueError(f"T must have at least 2 classes (columns) to smooth; got shape {T.shape}.")
    return (1 - epsilon) * T + epsilon / T.shape[1]


def as_targets(T, n_samples, n_outputs, *, name="T", dtype=np.float64):
    """Targets as a float array (n_samples, n_outputs); integer class labels (n,) become one-hot."""
    arr = as_array(T, name, dtype=None)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must contain numbers; got dtype {arr.dtype}.")
    if arr.shape[:1] != (n_samples,):
        raise ValueError(f"{name} must have one row per sample ({n_samples} rows, like X); got shape {arr.shape}.")
    if arr.ndim == 1 and arr.dtype.kind in "iu" and n_outputs > 1:
        return one_hot(arr, n_outputs, dtype=dtype)
    if arr.shape != (n_samples, n_outputs):
        hint = f" Use {name}.reshape(-1, 1) for a network with one output." if n_outputs == 1 else \
            f" Integer class labels of shape ({n_samples},) are accepted too."
        raise ValueError(f"{name} must have shape ({n_samples}, {n_outputs}) — one target per output neuron; "
                         f"got shape {arr.shape}.{hint}")
    return arr.astype(dtype, copy=False)


def _outputs_and_targets(a, T, a_name):
    a = as_array(a, a_name, ndim=(1, 2))
    if a.ndim == 1:                       # one sample: the seed's e = ((t1 − z1)² + (t2 − z2)²)/2
        return a[None, :], as_array(T, "T", shape=a.shape)[None, :]
    return a, as_targets(T, a.shape[0], a.shape[1])


def squared_error(a, T):
    """E = (1/n) Σ_i ½ Σ_k (t_ik − a_ik)²; a, T (n, k) (or one sample (k,)); T may be int labels."""
    a, T = _outputs_and_targets(a, T, "a")
    return float(0.5 * np.sum((T - a) ** 2) / a.shape[0])


def squared_error_grad(a, T):
    """∂E/∂a = (a − T)/n, shaped like a."""
    a2, T2 = _outputs_and_targets(a, T, "a")
    return ((a2 - T2) / a2.shape[0]).reshape(np.shape(a))


def cross_entropy(p, T):
    """E = −(1/n) Σ_i Σ_k t_ik log p_ik; p (n, k) probabilities, T one-hot (n, k) or labels (n,).

    p is clipped at 1e-12 first, because log 0 = −∞.
    """
    p, T = _outputs_and_targets(p, T, "p")
    if np.any(p < 0) or np.any(p > 1):
        raise ValueError("p must be probabilities in [0, 1] (e.g. softmax outputs); "
                         f"got values from {p.min():.4g} to {p.max():.4g}.")
    return float(-np.sum(T * np.log(np.maximum(p, 1e-12))) / p.shape[0])


def _loss_and_correct(a, T, loss, softmax):
    """(E, number of correct samples) for one batch, without input checks (used inside ``fit``).

    Correct: softmax → the most probable class is the target's; otherwise every output rounded at
    0.5 equals its target (the seed's reading: (z1, z2) = (1, 0) means "C", (0, 0) neither).
    """
    if loss == "cross_entropy":
        E = -np.sum(T * np.log(np.maximum(a, 1e-12))) / a.shape[0]
    else:
        d = a - T
        E = 0.5 * np.sum(d * d) / a.shape[0]
    if softmax:
        correct = np.count_nonzero(a.argmax(axis=1) == T.argmax(axis=1))
    else:
        correct = np.count_nonzero(((a >= 0.5) == (T >= 0.5)).all(axis=1))
    return float(E), int(correct)


@dataclass
class History:
    """What ``fit`` measured, one entry per epoch (val_* stay empty without validation data).

    train_loss / train_acc: averages over the epoch's minibatches (as Keras reports them);
    seconds: training time of each epoch (validation not included; never printed by ``fit``).
    """

    epochs: list = field(default_factory=list)
    train_loss: list = field(default_factory=list)
    train_acc: list = field(default_factory=list)
    val_loss: list = field(default_factory=list)
    val_acc: list = field(default_factory=list)
    seconds: list = field(default_factory=list)
    reached_target: bool | None = None       # with target_error: did E fall below it?

    def __repr__(self):
        last = f", train_loss={self.train_loss[-1]:.4f}" if self.train_loss else ""
        val = f", val_acc={self.val_acc[-1]:.4f}" if self.val_acc else ""
        return f"History(epochs={len(self.epochs)}{last}{val})"


def _progress_bar(total):
    """An ipywidgets bar when running inside a Jupyter kernel; None in a plain terminal."""
    if "IPython" not in sys.modules:
        return None
    try:
        from IPython import get_ipython
        from IPython.display import display
        import ipywidgets
    except ImportError:
        return None
    shell = get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return None
    bar = ipywidgets.IntProgress(value=0, min=0, max=total, description="training")
    display(bar)
    return bar


def fit(model, X, T, *, epochs, batch_size=32, optimizer="sgd", lr=None, loss=None, X_val=None, T_val=None,
        rng=None, weight_decay=0.0, label_smoothing=0.0, progress=True, target_error=None):
    """Train ``model`` (an MLP) on X (n, sizes[0]) and targets T (n, sizes[-1]) or int labels (n,).

    optimizer: "sgd", "momentum", "adagrad", "adam" (with ``lr``, else its default) or an Optimizer.
    loss: "squared_error" or "cross_entropy"; None picks cross-entropy for a softmax output.
    weight_decay λ: adds λ·W to ∂E/∂W (L2 penalty ½λΣW²; biases not decayed).
    label_smoothing ε: train against T_ls = (1 − ε)·T + ε/K (``smooth_targets``; softmax output and
    cross-entropy only).  The training loss is measured against T_ls, the validation loss against the
    true labels.  ε = 0.1 adds about 0.4 percentage points of MNIST test accuracy after 5 epochs.
    progress: True prints one line per epoch (about 10 lines in all for long runs), an int k every
    k epochs, False nothing; inside Jupyter a progress bar is shown as well.
    target_error ε: stop after the first epoch whose training E < ε (the seed's step 4).
    Raises TrainingDiverged when the loss becomes NaN/inf.  Returns a History.
    """
    X, T, X_val, T_val, loss, batch_size, opt, every, rng = _check_fit_args(
        model, X, T, X_val, T_val, loss, epochs, batch_size, optimizer, lr, progress, rng)
    weight_decay = check_number(weight_decay, "weight_decay", min_value=0.0)
    label_smoothing = check_probability(label_smoothing, "label_smoothing")
    if label_smoothing:
        if loss != "cross_entropy":
            raise ValueError("label_smoothing smooths one-hot class targets: it needs a softmax output and "
                             f"loss='cross_entropy'; got loss={loss!r}.")
        T = smooth_targets(T, label_smoothing).astype(T.dtype, copy=False)
    if target_error is not None:
        target_error = check_positive(target_error, "target_error")

    n, softmax = X.shape[0], model.activation_names[-1] == "softmax"
    steps = math.ceil(n / batch_size)
    bar = _progress_bar(epochs * steps) if every else None
    bar_every = max(1, epochs * steps // 100)                  # about 100 updates of the bar in all
    # The optimizer updates the one vector that holds all weights and biases (W, b are views into it),
    # unless it was already used on the list net.params.
    if opt._shapes is None or opt._shapes == [model.param_vector.shape]:
        params, grads = [model.param_vector], [model.grad_vector]
    else:
        params, grads = model.params, model.grads
    buffers = {}   # batch size -> (X batch, T batch), filled in place by np.take at every step
    decay = [np.empty_like(W) for W in model.W] if weight_decay else []
    history = History()
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        order = rng.permutation(n) if steps > 1 else None    # full batch: all samples, in order
        total_E, correct = 0.0, 0
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):   # NaN/inf is checked below
            for step in range(1, steps + 1):
                if order is None:
                    Xb, Tb = X, T
                else:
                    idx = order[(step - 1) * batch_size:step * batch_size]
                    if len(idx) not in buffers:
                        buffers[len(idx)] = (np.empty((len(idx), X.shape[1]), X.dtype),
                                             np.empty((len(idx), T.shape[1]), T.dtype))
                    Xb, Tb = buffers[len(idx)]
                    np.take(X, idx, axis=0, out=Xb, mode="clip")  # "clip": indices are valid, and NumPy
                    np.take(T, idx, axis=0, out=Tb, mode="clip")  # then writes straight into Xb, Tb
                a = model._forward(Xb)                                     # (2) outputs
                E, ok = _loss_and_correct(a, Tb, loss, softmax)           # (3) error
                if not math.isfinite(E):
                    if bar is not None:
                        bar.bar_style = "danger"
                    raise TrainingDiverged(_diverged_message(E, epoch, step, opt, X))
                total_E += E * Xb.shape[0]
                correct += ok
                model._backward(Tb, loss)                                  # (4) backpropagation
                for W, dW, s in zip(model.W, model.dW, decay):
                    np.multiply(W, weight_decay, out=s)
                    dW += s                                                # ∂/∂W of ½λΣW² is λW
                opt.step(params, grads)                                    # (5) update
                if bar is not None and ((epoch - 1) * steps + step) % bar_every == 0:
                    bar.value = (epoch - 1) * steps + step
        history.seconds.append(time.perf_counter() - start)
        E, acc = total_E / n, correct / n
        history.epochs.append(epoch)
        history.train_loss.append(E)
        history.train_acc.append(acc)
        line = f"epoch {epoch}/{epochs}  loss {E:.4f}  acc {acc:.4f}"
        if X_val is not None:
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                E_val, ok = _loss_and_correct(model._predict_proba(X_val), T_val, loss, softmax)
            history.val_loss.append(E_val)
            history.val_acc.append(ok / X_val.shape[0])
            line += f"  val_loss {E_val:.4f}  val_acc {ok / X_val.shape[0]:.4f}"
        if bar is not None and (epoch % max(1, epochs // 100) == 0 or epoch == epochs):
            bar.value, bar.description = epoch * steps, f"epoch {epoch}/{epochs}"
        done = target_error is not None and E < target_error
        if every and (epoch == 1 or epoch % every == 0 or epoch == epochs or done):
            print(line)
        if done:
            history.reached_target = True
            if every:
                print(f"E = {E:.6f} < target_error {target_error:g}: stopped after epoch {epoch}.")
            break
    if target_error is not None and not history.reached_target:
        history.reached_target = False
        warnings.warn(f"E = {history.train_loss[-1]:.6f} after {epochs} epochs is still >= target_error "
                      f"{target_error:g}; train for more epochs or change lr.", ConvergenceWarning, stacklevel=2)
    if bar is not None:
        bar.bar_style = "success"
    return history


def _check_fit_args(model, X, T, X_val, T_val, loss, epochs, batch_size, optimizer, lr, progress, rng):
    if not all(hasattr(model, a) for a in ("_check_X", "_forward", "_backward", "param_vector")):
        raise TypeError(f"model must be a course_lib.mlp.MLP; got {type(model).__name__}.")
    X = model._check_X(X)
    n = X.shape[0]
    loss = model._check_loss(loss)
    T = as_targets(T, n, model.sizes[-1], dtype=model.dtype)
    epochs = check_int(epochs, "epochs", min_value=1)
    batch_size = n if batch_size is None else check_int(batch_size, "batch_size", min_value=1)
    if batch_size > n:
        raise ValueError(f"batch_size must be at most the number of training samples ({n}); got {batch_size}. "
                         f"Use batch_size=None to use all {n} samples in every step.")
    if isinstance(optimizer, Optimizer):
        if lr is not None:
            raise ValueError(f"lr: pass the learning rate to the optimizer itself ({optimizer!r}), not to fit.")
        opt = optimizer
    elif isinstance(optimizer, str):
        opt = get_optimizer(optimizer) if lr is None else get_optimizer(optimizer, lr=lr)
    else:
        raise TypeError(f"optimizer must be one of {list(OPTIMIZERS)} or an Optimizer; got {optimizer!r}.")
    if (X_val is None) != (T_val is None):
        raise ValueError("X_val and T_val go together: give both (validation data) or neither.")
    if X_val is not None:
        X_val = model._check_X(X_val, "X_val")
        T_val = as_targets(T_val, X_val.shape[0], model.sizes[-1], name="T_val", dtype=model.dtype)
    every = progress if isinstance(progress, bool) else check_int(progress, "progress", min_value=1)
    if every is True:
        every = 1 if epochs <= 20 else math.ceil(epochs / 10)
    return X, T, X_val, T_val, loss, batch_size, opt, every, as_rng(rng)


def _diverged_message(E, epoch, step, opt, X):
    smaller = float(f"{opt.lr / 10:.3g}")
    msg = (f"Training diverged at epoch {epoch}, step {step}: the loss became {E}. "
           f"The learning rate {opt.lr!r} is too large; try {smaller!r}.")
    if np.abs(X).max() > 10:
        msg += f" The inputs reach {np.abs(X).max():g}: scaling them to about [0, 1] also helps."
    return msg
