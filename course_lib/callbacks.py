"""What ``fit`` does around its loop: print lines, a progress bar, stop at E < ε, stop a diverging run.

A callback has three methods, all optional: ``on_step(epoch, step, score)`` after each training step
(``score``: the batch's ``course_lib.mlp.Score``), ``on_epoch(history)`` after each epoch (True: stop
training), ``on_end(history, ok)`` at the end (ok False: training diverged).
"""
from __future__ import annotations

import math
import sys
import warnings

import numpy as np

from .i18n import _


class TrainingDiverged(FloatingPointError):
    """Training diverged: numbers overflowed, or the loss jumped and stayed no better than chance."""


class ConvergenceWarning(UserWarning):
    """``fit`` stopped at ``epochs`` before the error fell below ``target_error``."""


def diverged_message(what, epoch, step, opt, X):
    """The message of ``TrainingDiverged``: where, what (a clause, already in the current language), and a
    learning rate 10 times smaller to try."""
    smaller = float(f"{opt.lr / 10:.3g}")
    msg = _("Training diverged at epoch {epoch}, step {step}: {what}. The learning rate {lr!r} is too large; "
            "try {smaller!r}.").format(epoch=epoch, step=step, what=what, lr=opt.lr, smaller=smaller)
    if np.abs(X).max() > 10:
        msg += _(" The inputs reach {max:g}: scaling them to about [0, 1] also helps.").format(max=np.abs(X).max())
    return msg


class Callback:
    """Does nothing; subclasses override what they need."""

    def on_step(self, epoch, step, score):
        pass

    def on_epoch(self, history):
        return False

    def on_end(self, history, ok):
        pass


class PrintLines(Callback):
    """``epoch 2/5  loss 0.1234  acc 0.9500  val_loss …  val_acc …`` every k-th epoch (and the first and last)."""

    def __init__(self, opts):
        self.every, self.epochs, self.target = opts.print_every, opts.epochs, opts.target_error

    def on_epoch(self, h):
        e, E = h.epochs[-1], h.train_loss[-1]
        done = self.target is not None and E < self.target
        if self.every and (e == 1 or e % self.every == 0 or e == self.epochs or done):
            if h.val_loss:
                line = _("epoch {epoch}/{epochs}  loss {loss:.4f}  acc {acc:.4f}  val_loss {val_loss:.4f}  "
                         "val_acc {val_acc:.4f}")
            else:
                line = _("epoch {epoch}/{epochs}  loss {loss:.4f}  acc {acc:.4f}")
            print(line.format(epoch=e, epochs=self.epochs, loss=E, acc=h.train_acc[-1],
                              val_loss=h.val_loss[-1] if h.val_loss else None,
                              val_acc=h.val_acc[-1] if h.val_acc else None))
        return False


class ProgressBar(Callback):
    """An ipywidgets bar (about 100 updates in all), shown only inside a Jupyter kernel."""

    @classmethod
    def in_jupyter(cls, opts, steps):
        shell = sys.modules["IPython"].get_ipython() if "IPython" in sys.modules else None
        if not opts.print_every or getattr(shell, "kernel", None) is None:
            return Callback()
        try:
            import ipywidgets
            from IPython.display import display
        except ImportError:
            return Callback()
        bar = ipywidgets.IntProgress(value=0, min=0, max=opts.epochs * steps, description=_("training"))
        display(bar)
        return cls(bar, opts.epochs, steps)

    def __init__(self, bar, epochs, steps):
        self.bar, self.epochs, self.steps, self.every = bar, epochs, steps, max(1, epochs * steps // 100)

    def on_step(self, epoch, step, score):
        if ((epoch - 1) * self.steps + step) % self.every == 0:
            self.bar.value = (epoch - 1) * self.steps + step

    def on_epoch(self, h):
        e = h.epochs[-1]
        if e % max(1, self.epochs // 100) == 0 or e == self.epochs:
            self.bar.value, self.bar.description = e * self.steps, _("epoch {epoch}/{epochs}").format(
                epoch=e, epochs=self.epochs)
        return False

    def on_end(self, h, ok):
        self.bar.bar_style = "success" if ok else "danger"


class StopAtTarget(Callback):
    """The lecture's step 4: stop when E < ε (``target_error``); warn if ``epochs`` ran out first."""

    def __init__(self, opts):
        self.target, self.printing = opts.target_error, bool(opts.print_every)

    def on_epoch(self, h):
        if self.target is None or h.train_loss[-1] >= self.target:
            return False
        h.reached_target = True
        if self.printing:
            print(_("E = {E:.6f} < target_error {target:g}: stopped after epoch {epoch}.").format(
                E=h.train_loss[-1], target=self.target, epoch=h.epochs[-1]))
        return True

    def on_end(self, h, ok):
        if ok and self.target is not None and not h.reached_target:
            h.reached_target = False
            message = _("E = {E:.6f} after {epochs} epochs is still >= target_error {target:g}; train for more epochs "
                        "or change lr.").format(E=h.train_loss[-1], epochs=len(h.epochs), target=self.target)
            warnings.warn(message, ConvergenceWarning, stacklevel=3)


class DivergenceCheck(Callback):
    """Stops a run that diverged, and says where.

    Diverged: the loss is NaN or inf; or a batch's loss jumped above ``JUMP`` × E_ref and at the end of
    that epoch the loss is still no lower than E_ref or the accuracy is still at chance (after one
    too-large step the ReLUs die and the network answers one class).  E_ref is the larger of the first
    batch's loss and the loss of a network that knows nothing (it predicts the average target:
    ½ Σ_k var(t_k) for squared error, the entropy of the class frequencies for cross-entropy) — so a
    run that starts from an already trained network is not stopped by an ordinary wobble of its tiny loss.
    """

    JUMP = 10.0

    def __init__(self, opt, X, T, model, loss):
        self.opt, self.X, self.first, self.jump = opt, X, None, None
        q = T.mean(axis=0)                                  # class frequencies, or the average target
        self.baseline = (float(-np.sum(q * np.log(q, where=q > 0, out=np.zeros_like(q))))
                         if loss.name == "cross_entropy" else 0.5 * float(T.var(axis=0).sum()))
        self.classes = model.layers[-1].name == "softmax"
        self.chance = float(q.max()) if self.classes else None     # always answer the commonest class

    def on_step(self, epoch, step, score):
        if not math.isfinite(score.loss):
            raise TrainingDiverged(diverged_message(_("the loss became {loss}").format(loss=score.loss),
                                                    epoch, step, self.opt, self.X))
        if self.first is None:
            self.first = max(score.loss, self.baseline)
        elif self.jump is None and score.loss > self.JUMP * self.first:
            self.jump = (epoch, step, score.loss)

    def on_epoch(self, h):
        if self.jump is None:
            return False
        E, acc = h.train_loss[-1], h.train_acc[-1]
        at_chance = self.classes and acc <= self.chance + 0.1 * (1 - self.chance)
        if E >= self.first or at_chance:
            epoch, step, E_jump = self.jump
            if at_chance:
                what = _("the loss jumped above 10 times its starting value {first:.4g} (to {jump:.4g}), and after "
                         "epoch {epoch} the accuracy is {acc:.1%} (chance: {chance:.1%})")
            else:
                what = _("the loss jumped above 10 times its starting value {first:.4g} (to {jump:.4g}), and after "
                         "epoch {epoch} the loss is {loss:.4g}, no lower than at the start ({first:.4g})")
            what = what.format(first=self.first, jump=E_jump, epoch=h.epochs[-1], acc=acc, chance=self.chance, loss=E)
            raise TrainingDiverged(diverged_message(what, epoch, step, self.opt, self.X))
        return False
