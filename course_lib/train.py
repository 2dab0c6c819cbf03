r"""The training loop: ``fit(model, X, T, epochs=…)`` → ``History``.

``fit`` is the lecture's algorithm with minibatches: (1) start from the initial weights; (2) compute
the outputs; (3) the error E; (4) stop if E < ε (``target_error``), else backpropagate; (5) update the
weights with the optimizer and go to (2).  Steps (2), (3), (4) and (5) on one batch are
``MLP.train_step``.  One *epoch* is one pass over the shuffled training data in minibatches of
``batch_size`` samples (``batch_size=None``: all samples at once, steepest descent).

Around the loop, callbacks (``course_lib.callbacks``): the printed lines and the progress bar, the stop
at E < ε, and the divergence check, which stops a run whose numbers overflowed or whose loss jumped and
never recovered (``TrainingDiverged``).
The losses themselves are in ``course_lib.losses``; ``one_hot`` and ``smooth_targets`` (defined there)
are importable from here, where training data is prepared.
"""
from __future__ import annotations

import math
import numbers
import time
from dataclasses import dataclass, field

import numpy as np

from ._validate import _describe, as_rng, check_int, check_number, check_positive, check_probability
from .callbacks import ConvergenceWarning, TrainingDiverged  # raised by fit; importable from here
from .callbacks import DivergenceCheck, PrintLines, ProgressBar, StopAtTarget, diverged_message
from .i18n import _
from .losses import one_hot, smooth_targets  # targets for fit: ``from course_lib.train import one_hot``
from .mlp import MLP, check_dropout
from .optim import OPTIMIZERS, Optimizer, get_optimizer

__all__ = ["fit", "FitOptions", "History", "TrainingDiverged", "ConvergenceWarning", "one_hot", "smooth_targets"]


@dataclass
class History:
    """What ``fit`` measured, one entry per epoch (val_* stay empty without validation data).

    train_loss / train_acc: averages over the epoch's minibatches (as Keras reports them);
    seconds: training time of each epoch (validation not included; never printed by ``fit``);
    step_loss: the loss of every single update (minibatch), in order — for curves "per update".
    """

    epochs: list = field(default_factory=list)
    train_loss: list = field(default_factory=list)
    train_acc: list = field(default_factory=list)
    val_loss: list = field(default_factory=list)
    val_acc: list = field(default_factory=list)
    seconds: list = field(default_factory=list)
    step_loss: list = field(default_factory=list)
    reached_target: bool | None = None       # with target_error: did E fall below it?

    def add(self, epoch, loss, acc, seconds, val=None):
        """Append one epoch (``val``: the validation ``Score`` or None)."""
        self.epochs.append(epoch)
        self.train_loss.append(loss)
        self.train_acc.append(acc)
        self.seconds.append(seconds)
        if val is not None:
            self.val_loss.append(val.loss)
            self.val_acc.append(val.accuracy)

    def __repr__(self):
        last = f", train_loss={self.train_loss[-1]:.4f}" if self.train_loss else ""
        val = f", val_acc={self.val_acc[-1]:.4f}" if self.val_acc else ""
        return f"History(epochs={len(self.epochs)}{last}{val})"


@dataclass
class FitOptions:
    """``fit``'s settings, each checked once, here: the message names it, what is allowed, what was given."""

    epochs: int
    batch_size: int | None = 32
    optimizer: str | Optimizer = "sgd"
    lr: float | None = None
    loss: str | None = None
    weight_decay: float = 0.0
    label_smoothing: float = 0.0
    progress: bool | int = True
    target_error: float | None = None
    dropout: float = 0.0

    def __post_init__(self):
        self.epochs = check_int(self.epochs, "epochs", min_value=1)
        if self.batch_size is not None:
            self.batch_size = check_int(self.batch_size, "batch_size", min_value=1)
        if isinstance(self.optimizer, str):
            self.optimizer = get_optimizer(self.optimizer, **({} if self.lr is None else {"lr": self.lr}))
        elif not isinstance(self.optimizer, Optimizer):
            raise TypeError(_("optimizer must be one of {names} or an Optimizer; got {optimizer!r}.").format(
                names=list(OPTIMIZERS), optimizer=self.optimizer))
        elif self.lr is not None:
            raise ValueError(_("lr: pass the learning rate to the optimizer itself ({optimizer!r}), not to fit.")
                             .format(optimizer=self.optimizer))
        self.weight_decay = check_number(self.weight_decay, "weight_decay", min_value=0.0)
        self.label_smoothing = check_probability(self.label_smoothing, "label_smoothing")
        if not isinstance(self.progress, (bool, np.bool_)) and not (
                isinstance(self.progress, numbers.Integral) and self.progress >= 1):
            raise TypeError(_("progress must be True, False or a positive integer k (print every k epochs); "
                              "got {got}.").format(got=_describe(self.progress)))
        if self.target_error is not None:
            self.target_error = check_positive(self.target_error, "target_error")
        self.dropout = check_dropout(self.dropout)

    def check_data(self, model, X, T, X_val, T_val):
        """(X, T, X_val, T_val, loss record) checked by the model, T smoothed if ``label_smoothing``."""
        if not isinstance(model, MLP):
            raise TypeError(_("model must be a course_lib.mlp.MLP; got {type}.").format(type=type(model).__name__))
        X, T, loss = model.check_data(X, T, self.loss)
        model.check_dropout(self.dropout)
        if (X_val is None) != (T_val is None):
            raise ValueError(_("X_val and T_val go together: give both (validation data) or neither."))
        if X_val is not None:
            X_val, T_val, _loss = model.check_data(X_val, T_val, loss.name, X_name="X_val", T_name="T_val")
        if self.label_smoothing:
            if loss.name != "cross_entropy":
                raise ValueError(_("label_smoothing smooths one-hot class targets: it needs a softmax output and "
                                   "loss='cross_entropy'; got loss={loss!r}.").format(loss=loss.name))
            T = smooth_targets(T, self.label_smoothing).astype(model.dtype)
        return X, T, X_val, T_val, loss

    @property
    def print_every(self):
        """Print every k-th epoch (and the first and last): about 10 lines in all; 0 = never."""
        if isinstance(self.progress, (bool, np.bool_)):
            return (1 if self.epochs <= 20 else math.ceil(self.epochs / 10)) if self.progress else 0
        return int(self.progress)


def fit(model, X, T, *, epochs, batch_size=32, optimizer="sgd", lr=None, loss=None, X_val=None, T_val=None,
        rng=None, weight_decay=0.0, label_smoothing=0.0, progress=True, target_error=None, dropout=0.0):
    """Train ``model`` (an MLP) on X (n, sizes[0]) and targets T (n, sizes[-1]) or int labels (n,).

    batch_size: samples per step (default 32; with fewer than that many samples, all of them in every
    step); None: all samples in every step (steepest descent).
    optimizer: "sgd", "momentum", "adagrad", "adam" (with ``lr``, else its default) or an Optimizer.
    loss: "squared_error" or "cross_entropy"; None picks cross-entropy for a softmax output.
    weight_decay λ: adds λ·W to ∂E/∂W (L2 penalty ½λΣW²; biases not decayed).
    label_smoothing ε: train against T_ls = (1 − ε)·T + ε/K (``smooth_targets``; softmax output and
    cross-entropy only).  The training loss is measured against T_ls, the validation loss against the
    true labels.  ε = 0.1 adds about 0.4 percentage points of MNIST test accuracy after 5 epochs.
    progress: True prints one line per epoch (about 10 lines in all for long runs), an int k every
    k epochs, False nothing; inside Jupyter a progress bar is shown as well.
    target_error ε: stop after the first epoch whose training E < ε (the lecture's step 4).
    dropout p (0 ≤ p < 1): in every step each hidden output is switched off with probability p and the
    kept ones are scaled by 1/(1 − p) (inverted dropout, ``MLP.train_step``; masks drawn from ``rng``).
    The training loss and accuracy are then those of the thinned network; validation never drops out.
    Raises TrainingDiverged (with the epoch, the step and a smaller learning rate to try) when a number
    overflows or the loss jumps and does not recover.  Returns a History.
    """
    opts = FitOptions(epochs, batch_size, optimizer, lr, loss, weight_decay, label_smoothing, progress, target_error,
                      dropout)
    X, T, X_val, T_val, loss = opts.check_data(model, X, T, X_val, T_val)
    rng, n, opt = as_rng(rng), X.shape[0], opts.optimizer
    batch = n if opts.batch_size is None else min(opts.batch_size, n)
    callbacks = [PrintLines(opts), ProgressBar.in_jupyter(opts, math.ceil(n / batch)), StopAtTarget(opts),
                 DivergenceCheck(opt, X, T, model, loss)]
    history, epoch, step = History(), 0, 0
    try:
        with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
            for epoch in range(1, opts.epochs + 1):
                start, total, correct = time.perf_counter(), 0.0, 0
                for step, (Xb, Tb) in enumerate(_minibatches(X, T, batch, rng), 1):      # (2)–(5)
                    score = model.train_step(Xb, Tb, loss, opt, weight_decay=opts.weight_decay, dropout=opts.dropout,
                                             rng=rng, check_input=False)
                    total, correct = total + score.loss * score.n, correct + score.n_correct
                    history.step_loss.append(score.loss)
                    for cb in callbacks:
                        cb.on_step(epoch, step, score)
                history.add(epoch, total / n, correct / n, time.perf_counter() - start,
                            None if X_val is None else model.evaluate(X_val, T_val, loss.name))
                if any([cb.on_epoch(history) for cb in callbacks]):
                    break
    except FloatingPointError as exc:      # a TrainingDiverged, or an overflow in forward, backward or update
        for cb in callbacks:
            cb.on_end(history, ok=False)
        if isinstance(exc, TrainingDiverged):
            raise
        raise TrainingDiverged(diverged_message(_("a number overflowed ({error})").format(error=exc),
                                                epoch, step, opt, X)) from None
    for cb in callbacks:
        cb.on_end(history, ok=True)
    return history


def _minibatches(X, T, batch, rng):
    """One epoch: (X[idx], T[idx]) for consecutive slices idx of a random order of the samples, copied into
    arrays reused from step to step (no new arrays per step); with batch = n: X, T themselves, in order."""
    n = X.shape[0]
    if batch == n:
        yield X, T
        return
    order, buffers = rng.permutation(n), {}
    for start in range(0, n, batch):
        idx = order[start:start + batch]
        if len(idx) not in buffers:
            buffers[len(idx)] = (np.empty((len(idx), X.shape[1]), X.dtype), np.empty((len(idx), T.shape[1]), T.dtype))
        Xb, Tb = buffers[len(idx)]
        np.take(X, idx, axis=0, out=Xb, mode="clip")   # "clip": the indices are valid, and NumPy then
        np.take(T, idx, axis=0, out=Tb, mode="clip")   # writes straight into Xb, Tb
        yield Xb, Tb
