r"""Activation functions (活性化関数), each right beside its derivative.

Every function works element-wise on a number or an array of any shape and
returns floats.  ``z`` is the weighted sum plus bias, ``z = w·x + b``.

=============  ===================================  ===================================
name           a = f(z)                             f'(z)
=============  ===================================  ===================================
step           1 if z > 0 else 0                    0 (almost everywhere)
sigmoid        1 / (1 + e^(−z))                     σ(z)·(1 − σ(z))
tanh           (e^z − e^(−z)) / (e^z + e^(−z))      1 − tanh²(z)
relu           max(0, z)                            1 if z > 0 else 0 (a subgradient at 0)
leaky_relu     z if z > 0 else α·z                  1 if z > 0 else α
identity       z                                    1
softmax        e^(z_k) / Σ_j e^(z_j)                ∂a_k/∂z_j = a_k (δ_kj − a_j)
=============  ===================================  ===================================
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, check_choice, check_number


def _z(z):
    return as_array(z, "z")


def step(z):
    """Step function: 1 where z > 0, else 0 (the seed's convention: step(0) = 0)."""
    return (_z(z) > 0).astype(float)


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
    """σ'(z) = σ(z)·(1 − σ(z))  — the seed's derivation, one line."""
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
        raise ValueError("z must have at least one axis for softmax (one value per class); got a single number.")
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def softmax_grad(z):
    r"""Jacobian of softmax along the last axis: ∂a_k/∂z_j = a_k (δ_kj − a_j).

    Shapes: z (..., K) → J (..., K, K).  In a network, softmax is paired with
    cross-entropy, where the product simplifies to δ = a − t (see ``course_lib.mlp``).
    """
    a = softmax(z)
    return a[..., :, None] * (np.eye(a.shape[-1]) - a[..., None, :])


ACTIVATIONS = {
    "step": (step, step_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    "relu": (relu, relu_grad),
    "leaky_relu": (leaky_relu, leaky_relu_grad),
    "identity": (identity, identity_grad),
    "softmax": (softmax, softmax_grad),
}


def get_activation(name):
    """Return ``(f, f_grad)`` for an activation name such as ``"relu"``."""
    if not isinstance(name, str):
        raise TypeError(f"activation must be a name (str) such as 'relu'; got {name!r} ({type(name).__name__}).")
    check_choice(name, "activation", ACTIVATIONS)
    return ACTIVATIONS[name]
