r"""Activation functions (活性化関数), each right beside its derivative.

Every function works element-wise on a number or an array of any shape and
returns floats.  ``z`` is the weighted sum plus bias, ``z = w·x + b``.

=============  ===================================  ===================================
name           a = f(z)                             f'(z)
=============  ===================================  ===================================
step           1 if z ≥ 0 else 0                    0 (almost everywhere)
sigmoid        1 / (1 + e^(−z))                     σ(z)·(1 − σ(z))
tanh           (e^z − e^(−z)) / (e^z + e^(−z))      1 − tanh²(z)
relu           max(0, z)                            1 if z > 0 else 0 (a subgradient at 0)
leaky_relu     z if z > 0 else α·z                  1 if z > 0 else α
identity       z                                    1
softmax        e^(z_k) / Σ_j e^(z_j)                ∂a_k/∂z_j = a_k (δ_kj − a_j)
=============  ===================================  ===================================

The table ``ACTIVATIONS`` (name → ``Activation``) is the one place every other part reads: ``MLP``
(``f_into``, ``grad_mul``), the explorers' choice lists (``elementwise_names()``) and plot limits
(``z_range``, ``a_range``, ``max_slope``), the figures (``formula``).  ``get_activation(name)`` returns
one record.  To add an activation: write its two functions (f and f') and add one ``Activation`` to
``_TABLE``; the tests in ``tests/test_activations.py`` check every entry.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ._validate import as_array, check_choice, check_number
from . import i18n
from .i18n import N_, _


def _z(z):
    return as_array(z, "z")


def step(z):
    """Step function: 1 where z ≥ 0, else 0 — step(0) = 1.

    The course's one convention, from the A/B/C quiz of 「ニューラルネットワークとディープラーニング入門」:
    a neuron "fires (outputs 1) when the sum of its inputs is 0 or more (0以上), and outputs 0 when it is
    below 0".  In threshold form (z = w·x − θ, i.e. b = −θ) it fires once the weighted input w·x *reaches*
    the threshold θ.
    """
    return (_z(z) >= 0).astype(float)


def step_grad(z):
    """Derivative of the step function: 0 everywhere (undefined at 0).

    This is why the step function cannot be trained by gradient descent.
    """
    return np.zeros_like(_z(z))


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)). Works element-wise on any array shape."""
    z = _z(z)
    # Written in two halves so that e^(−z) never overflows for very negative z.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_grad(z):
    """σ'(z) = σ(z)·(1 − σ(z))  — the lecture's derivation, one line."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z):
    """tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)); output in (−1, 1)."""
    return np.tanh(_z(z))


def tanh_grad(z):
    """tanh'(z) = 1 − tanh²(z)."""
    t = np.tanh(_z(z))
    return 1.0 - t * t


def relu(z):
    """ReLU (ランプ関数): max(0, z) — negative inputs become 0, positive pass through."""
    z = _z(z)
    return np.maximum(z, 0.0)


def relu_grad(z):
    """ReLU'(z) = 1 for z > 0, 0 for z < 0; at z = 0 we use the subgradient 0."""
    return (_z(z) > 0).astype(float)


def leaky_relu(z, alpha=0.01):
    """Leaky ReLU: z for z > 0, α·z otherwise (α small, e.g. 0.01), so negative inputs keep a gradient."""
    alpha = check_number(alpha, "alpha", min_value=0.0)
    z = _z(z)
    return np.where(z > 0, z, alpha * z)


def leaky_relu_grad(z, alpha=0.01):
    """Leaky ReLU'(z) = 1 for z > 0, α otherwise."""
    alpha = check_number(alpha, "alpha", min_value=0.0)
    return np.where(_z(z) > 0, 1.0, alpha)


def identity(z):
    """f(z) = z (a linear neuron, used e.g. for regression outputs)."""
    return _z(z).copy()


def identity_grad(z):
    """f'(z) = 1."""
    return np.ones_like(_z(z))


def softmax(z, axis=-1):
    r"""Softmax: a_k = e^(z_k) / Σ_j e^(z_j) along ``axis``; the outputs are positive and sum to 1.

    Shapes: z (..., K) → a (..., K).  The maximum is subtracted first so that
    e^z never overflows (the result is mathematically the same).
    """
    z = _z(z)
    if z.ndim == 0:
        raise ValueError(_("z must have at least one axis for softmax (one value per class); got a single number."))
    if z.size == 0 or z.shape[axis] == 0:
        raise ValueError(_("z must hold at least one value per row for softmax (one per class); got shape {shape}.")
                         .format(shape=z.shape))
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def softmax_grad(z):
    r"""Jacobian of softmax along the last axis: ∂a_k/∂z_j = a_k (δ_kj − a_j).

    Shapes: z (..., K) → J (..., K, K).  In a network, softmax is paired with
    cross-entropy, where the product simplifies to δ = a − t (see ``course_lib.losses``).
    """
    a = softmax(z)
    return a[..., :, None] * (np.eye(a.shape[-1]) - a[..., None, :])


# ---- fast in-place versions, used inside the network (no input checks; same formulas as above) ----
# f_into(z, out): a = f(z) written into ``out`` (z, out: arrays of the same shape and float dtype).
# grad_mul(z, a, delta): delta ⊙= f'(z), in place; ``a`` is f(z), already computed by the forward pass.


def _step_into(z, out):
    np.greater_equal(z, 0, out=out)                      # 1 where z ≥ 0 (step(0) = 1)
    return out


def _sigmoid_into(z, out):
    with np.errstate(over="ignore"):                     # e^(−z) = inf for z < −88 gives σ = 0, correctly
        np.negative(z, out=out)
        np.exp(out, out=out)
        out += 1
        np.reciprocal(out, out=out)                      # 1 / (1 + e^(−z))
    return out


def _relu_into(z, out):
    return np.maximum(z, 0, out=out)                     # max(0, z)


def _leaky_relu_into(z, out, alpha=0.01):
    np.multiply(z, alpha, out=out)
    return np.maximum(z, out, out=out)                   # max(z, α·z) = z if z > 0 else α·z  (0 ≤ α ≤ 1)


def _tanh_into(z, out):
    return np.tanh(z, out=out)


def _identity_into(z, out):
    np.copyto(out, z)                                    # a = z
    return out


def _softmax_into(z, out):
    np.subtract(z, z.max(axis=-1, keepdims=True), out=out)   # minus the row max: e^z cannot overflow
    np.exp(out, out=out)
    out /= out.sum(axis=-1, keepdims=True)               # e^(z_k) / Σ_j e^(z_j)
    return out


def _step_grad_mul(z, a, delta):
    delta[...] = 0                                       # step'(z) = 0


def _sigmoid_grad_mul(z, a, delta):
    delta *= a * (1 - a)                                 # σ'(z) = σ(z)(1 − σ(z)) = a(1 − a)


def _tanh_grad_mul(z, a, delta):
    delta *= 1 - a * a                                   # tanh'(z) = 1 − tanh²(z) = 1 − a²


def _relu_grad_mul(z, a, delta):
    delta *= z > 0                                       # ReLU'(z) = 1 if z > 0 else 0


def _leaky_relu_grad_mul(z, a, delta, alpha=0.01):
    delta[z <= 0] *= alpha                               # leaky ReLU'(z) = 1 if z > 0 else α


def _identity_grad_mul(z, a, delta):
    pass                                                 # identity'(z) = 1


def _softmax_grad_mul(z, a, delta):
    # Jacobian-vector product along the last axis: Σ_k g_k ∂a_k/∂z_j = a_j (g_j − Σ_k g_k a_k)
    delta -= (delta * a).sum(axis=-1, keepdims=True)
    delta *= a


@dataclass(frozen=True)
class Activation:
    """One activation function: the maths, the fast in-place versions the network uses, display hints.

    name        key in ``ACTIVATIONS``, e.g. "relu"
    f           z → a = f(z) (checks its input; any shape; returns a new float array)
    grad        z → f'(z) (element-wise; for softmax the Jacobian (..., K, K))
    f_into      (z, out) → out: a = f(z) written into ``out``, no checks (inside ``MLP``)
    grad_mul    (z, a, delta) → None: delta ⊙= f'(z) in place; may use a = f(z) (σ' = a(1 − a))
    elementwise False only for softmax (each output depends on every z of the row)
    z_range     a good plot range of z;   a_range: y-limits for a plot of f over z_range
    max_slope   max |f'(z)| (for scaling a plot of the slope)
    formula, grad_formula   display text, e.g. "max(0, z)" and "1 if z > 0 else 0"
    label       the function's name for a reader, e.g. "step function" (a message: ``display_name()`` gives
                it in the current language, 「ステップ関数」); empty: ``name``

    f_into and grad_mul may be left out (None): they then fall back to ``out[...] = f(z)`` and
    ``delta *= grad(z)`` — correct, only slower.  So a new activation costs one entry in ``_TABLE``
    and its two functions.
    """

    name: str
    f: Callable
    grad: Callable
    formula: str
    grad_formula: str
    z_range: tuple
    a_range: tuple
    max_slope: float
    elementwise: bool = True
    f_into: Callable | None = None
    grad_mul: Callable | None = None
    label: str = ""

    def __post_init__(self):
        if self.f_into is None:
            def f_into(z, out, f=self.f):
                out[...] = f(z)
                return out
            object.__setattr__(self, "f_into", f_into)
        if self.grad_mul is None:
            def grad_mul(z, a, delta, grad=self.grad):
                delta *= grad(z)
            object.__setattr__(self, "grad_mul", grad_mul)

    def display_name(self):
        """The name to show a reader (a figure title, a menu), in the current language: "sigmoid" / 「シグモイド関数」."""
        return i18n._(self.label) if self.label else self.name

    def __repr__(self):
        return f"Activation({self.name!r}: a = {self.formula}, f'(z) = {i18n._(self.grad_formula)})"


_TABLE = (
    Activation("step", step, step_grad, "1 if z ≥ 0 else 0", N_("0 (undefined at 0)"),
               z_range=(-4.0, 4.0), a_range=(-0.1, 1.1), max_slope=0.0,
               f_into=_step_into, grad_mul=_step_grad_mul, label=N_("step function")),
    Activation("sigmoid", sigmoid, sigmoid_grad, "1 / (1 + e^(−z))", "σ(z)·(1 − σ(z))",
               z_range=(-6.0, 6.0), a_range=(-0.1, 1.1), max_slope=0.25,
               f_into=_sigmoid_into, grad_mul=_sigmoid_grad_mul, label=N_("sigmoid")),
    Activation("tanh", tanh, tanh_grad, "(e^z − e^(−z)) / (e^z + e^(−z))", "1 − tanh²(z)",
               z_range=(-4.0, 4.0), a_range=(-1.1, 1.1), max_slope=1.0,
               f_into=_tanh_into, grad_mul=_tanh_grad_mul),
    Activation("relu", relu, relu_grad, "max(0, z)", "1 if z > 0 else 0",
               z_range=(-3.0, 3.0), a_range=(-0.5, 3.1), max_slope=1.0,
               f_into=_relu_into, grad_mul=_relu_grad_mul, label=N_("ReLU")),
    Activation("leaky_relu", leaky_relu, leaky_relu_grad, "z if z > 0 else 0.01·z", "1 if z > 0 else 0.01",
               z_range=(-3.0, 3.0), a_range=(-0.5, 3.1), max_slope=1.0,
               f_into=_leaky_relu_into, grad_mul=_leaky_relu_grad_mul, label=N_("leaky ReLU")),
    Activation("identity", identity, identity_grad, "z", "1",
               z_range=(-3.0, 3.0), a_range=(-3.3, 3.3), max_slope=1.0,
               f_into=_identity_into, grad_mul=_identity_grad_mul, label=N_("identity")),
    Activation("softmax", softmax, softmax_grad, "e^(z_k) / Σ_j e^(z_j)", "a_k (δ_kj − a_j)",
               z_range=(-4.0, 4.0), a_range=(-0.05, 1.05), max_slope=0.25, elementwise=False,
               f_into=_softmax_into, grad_mul=_softmax_grad_mul, label=N_("softmax")),
)

#: name → ``Activation``, in teaching order: step, sigmoid, tanh, relu, leaky_relu, identity, softmax.
ACTIVATIONS = {act.name: act for act in _TABLE}


def get_activation(name):
    """The ``Activation`` record for a name such as ``"relu"`` (use ``.f``, ``.grad``, ``.formula``, …)."""
    if not isinstance(name, str):
        raise TypeError(_("activation must be a name (str) such as 'relu'; got {value!r} ({type}).").format(
            value=name, type=type(name).__name__))
    check_choice(name, "activation", ACTIVATIONS)
    return ACTIVATIONS[name]


def elementwise_names():
    """Names a single neuron (or a hidden layer) can use: every activation except softmax."""
    return tuple(name for name, act in ACTIVATIONS.items() if act.elementwise)
