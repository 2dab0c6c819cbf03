r"""Gradient-descent optimizers (勾配法): SGD, Momentum, AdaGrad, Adam.

Each one moves every parameter array p against its gradient g = ∂E/∂p, *in place*::

    SGD        p ← p − η g                                   (the lecture's w_{k+1} = w_k + η Δw_k, Δw = −∇E)
    Momentum   v ← μ v − η g;            p ← p + v           (a ball rolling downhill keeps its speed)
    AdaGrad    h ← h + g²;               p ← p − η g / (√h + ε)   (big past gradients → smaller steps)
    Adam       m ← β1 m + (1 − β1) g;    v ← β2 v + (1 − β2) g²
               p ← p − η m̂ / (√v̂ + ε),   m̂ = m / (1 − β1ᵗ),  v̂ = v / (1 − β2ᵗ)

Usage: ``opt = Adam(lr=1e-3); opt.step(net.params, net.grads)`` after each ``net.backward``
(``net.train_step`` passes ``[net.param_vector]``, all weights in one array: fewer, longer NumPy calls).
A gradient with NaN or inf is refused with an error naming it (``grads[i]``), never applied.
η is ``lr`` (the learning rate).  The state (v, h, m, …) belongs to one list of parameters: use a new
optimizer for a new network.

Speed: the updates are written with ``out=`` and one scratch array ``s`` per parameter, so that no
new array is created per step (for MNIST's 784×128 weights that is ~400 KB per temporary).
``s = η·g; p −= s`` is the same arithmetic as ``p -= lr * g``.
"""
from __future__ import annotations

import inspect
import math

import numpy as np

from ._validate import check_choice, check_positive, check_probability
from .i18n import _


class Optimizer:
    """Base class: ``step(params, grads)`` updates each array of ``params`` in place."""

    def __init__(self, lr):
        self.lr = check_positive(lr, "lr")
        self.t = 0            # number of steps taken
        self._shapes = None   # shapes of the parameters seen at the first step
        self.state = []       # per parameter: a dict of arrays (velocity, moments, scratch)

    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in self._hyper().items())
        return f"{type(self).__name__}({args})"

    def _hyper(self):
        return {"lr": self.lr}

    @property
    def param_shapes(self):
        """Shapes of the parameter arrays this optimizer keeps its state for (None before the first step).

        ``MLP.train_step`` hands a fresh optimizer the network's one flat vector; one that already
        took steps on ``net.params`` (a list of arrays) goes on with that list.
        """
        return None if self._shapes is None else list(self._shapes)

    def _new_state(self, p):
        return {"s": np.zeros_like(p)}

    def step(self, params, grads):
        """One update of every p in ``params`` using the matching g in ``grads`` (lists of arrays)."""
        if not isinstance(params, (list, tuple)) or not isinstance(grads, (list, tuple)):
            raise TypeError(_("params and grads must be lists of arrays, e.g. net.params and net.grads; got "
                              "{params_type} and {grads_type}.").format(params_type=type(params).__name__,
                                                                       grads_type=type(grads).__name__))
        shapes = [getattr(p, "shape", None) for p in params]
        if self._shapes is None:
            for i, p in enumerate(params):
                if not (isinstance(p, np.ndarray) and p.dtype.kind == "f" and p.flags.writeable):
                    raise TypeError(_("params[{i}] must be a writeable float NumPy array (updated in place); got "
                                      "{type}.").format(i=i, type=type(p).__name__))
            self._shapes = shapes
            self.state = [self._new_state(p) for p in params]
        elif shapes != self._shapes:
            raise ValueError(_("this optimizer was first used with parameter shapes {before}, now {shapes}; create "
                               "a new optimizer for a new network.").format(before=self._shapes, shapes=shapes))
        if [getattr(g, "shape", None) for g in grads] != shapes:
            raise ValueError(_("grads must match params one to one: shapes {shapes}; got {got}.").format(
                shapes=shapes, got=[getattr(g, "shape", None) for g in grads]))
        for i, g in enumerate(grads):
            # g·g is NaN or inf when any g is (one BLAS call); only then count exactly (a huge but
            # finite g also overflows g·g)
            if not math.isfinite(np.vdot(g, g)) and not np.all(np.isfinite(g)):
                bad = int(g.size - np.count_nonzero(np.isfinite(g)))
                raise ValueError(_("grads[{i}] contains {bad} NaN or infinite value(s); a gradient must be finite "
                                   "numbers. The learning rate is probably too large (training diverged), or the "
                                   "inputs are not scaled (e.g. pixel values 0…255 instead of 0…1).").format(
                    i=i, bad=bad))
        self.t += 1
        for p, g, state in zip(params, grads, self.state):
            self._update(p, g, **state)

    def _update(self, p, g, **state):
        raise NotImplementedError


class SGD(Optimizer):
    """Stochastic gradient descent: p ← p − η g."""

    def __init__(self, lr=0.01):
        super().__init__(lr)

    def _update(self, p, g, s):
        np.multiply(g, self.lr, out=s)      # s = η g
        p -= s                              # p ← p − η g


class Momentum(Optimizer):
    """Momentum: v ← μ v − η g;  p ← p + v   (μ = ``momentum``, typically 0.9)."""

    def __init__(self, lr=0.01, momentum=0.9):
        super().__init__(lr)
        self.momentum = check_probability(momentum, "momentum")

    def _hyper(self):
        return {"lr": self.lr, "momentum": self.momentum}

    def _new_state(self, p):
        return {"v": np.zeros_like(p), "s": np.zeros_like(p)}

    def _update(self, p, g, v, s):
        v *= self.momentum                  # v ← μ v
        np.multiply(g, self.lr, out=s)
        v -= s                              #       − η g
        p += v                              # p ← p + v


class AdaGrad(Optimizer):
    """AdaGrad: h ← h + g²;  p ← p − η g / (√h + ε)  — each weight gets its own, shrinking step."""

    def __init__(self, lr=0.01, eps=1e-8):
        super().__init__(lr)
        self.eps = check_positive(eps, "eps")

    def _hyper(self):
        return {"lr": self.lr, "eps": self.eps}

    def _new_state(self, p):
        return {"h": np.zeros_like(p), "s": np.zeros_like(p)}

    def _update(self, p, g, h, s):
        np.multiply(g, g, out=s)
        h += s                              # h ← h + g²
        np.sqrt(h, out=s)
        s += self.eps                       # s = √h + ε
        np.divide(g, s, out=s)
        s *= self.lr                        # s = η g / (√h + ε)
        p -= s


class Adam(Optimizer):
    """Adam (Kingma & Ba 2015): Momentum's average of g plus AdaGrad's per-weight scale, bias-corrected.

    m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²;  p ← p − η m̂ / (√v̂ + ε)  with m̂ = m/(1 − β1ᵗ),
    v̂ = v/(1 − β2ᵗ).  Computed with the sums m̃ = m/(1 − β1) and ṽ = v/(1 − β2), which need one pass
    each fewer (m̃ ← β1 m̃ + g, ṽ ← β2 ṽ + g²), as p ← p − η_t m̃ / (√ṽ + ε_t) with
    c = √((1 − β2)/(1 − β2ᵗ)), η_t = η (1 − β1) / ((1 − β1ᵗ) c) and ε_t = ε / c: the same number
    (put m = (1 − β1) m̃ and v = (1 − β2) ṽ into the update).
    """

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = check_probability(beta1, "beta1")
        self.beta2 = check_probability(beta2, "beta2")
        self.eps = check_positive(eps, "eps")

    def _hyper(self):
        return {"lr": self.lr, "beta1": self.beta1, "beta2": self.beta2, "eps": self.eps}

    def _new_state(self, p):
        return {"m": np.zeros_like(p), "v": np.zeros_like(p), "s": np.zeros_like(p)}

    def step(self, params, grads):
        # bias corrections depend only on t: compute them once per step, not once per array.
        # (Python floats, not NumPy float64 scalars, so float32 arrays stay float32.)
        t = self.t + 1
        c = math.sqrt((1 - self.beta2) / (1 - self.beta2 ** t))
        self._lr_t, self._eps_t = self.lr * (1 - self.beta1) / ((1 - self.beta1 ** t) * c), self.eps / c
        super().step(params, grads)

    def _update(self, p, g, m, v, s):       # m, v hold m̃ = m/(1 − β1) and ṽ = v/(1 − β2)
        m *= self.beta1
        m += g                              # m̃ ← β1 m̃ + g
        v *= self.beta2
        np.multiply(g, g, out=s)
        v += s                              # ṽ ← β2 ṽ + g²
        np.sqrt(v, out=s)
        s += self._eps_t
        np.divide(m, s, out=s)
        s *= self._lr_t                     # s = η_t m̃ / (√ṽ + ε_t)
        p -= s


OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "adagrad": AdaGrad, "adam": Adam}


def get_optimizer(name, **kwargs):
    """An optimizer by name: ``get_optimizer("adam", lr=1e-3)``; names: sgd, momentum, adagrad, adam."""
    if not isinstance(name, str):
        raise TypeError(_("optimizer must be a name such as 'adam' or an Optimizer; got {name!r}.").format(name=name))
    cls = OPTIMIZERS[check_choice(name.lower(), "optimizer", OPTIMIZERS)]
    allowed = list(inspect.signature(cls).parameters)
    unknown = sorted(set(kwargs) - set(allowed))
    if unknown:
        raise TypeError(_("{optimizer} takes the settings {allowed}; got unknown {unknown}.").format(
            optimizer=cls.__name__, allowed=allowed, unknown=unknown))
    return cls(**kwargs)
