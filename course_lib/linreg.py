"""Linear regression ŷ = a·x + b, fitted by gradient descent (lecture 004, Hubble's 1929 data).

    E(a, b)   = (1/N) Σ_i (a·x_i + b − y_i)²                 mean squared error (平均二乗誤差)
    ∂E/∂a     = (2/N) Σ_i (a·x_i + b − y_i)·x_i
    ∂E/∂b     = (2/N) Σ_i (a·x_i + b − y_i)
    update      a ← a − lr·∂E/∂a,   b ← b − lr·∂E/∂b         gradient descent (勾配降下法)

Closed form (least squares): a = cov(x, y) / var(x),  b = ȳ − a·x̄.
Shapes: x and y are 1-D arrays of the same length N.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validate import as_array, as_rng, check_choice, check_int, check_number, check_positive
from .i18n import _


def _xy(x, y):
    x = as_array(x, "x", ndim=1)
    y = as_array(y, "y", ndim=1)
    if x.shape != y.shape:
        raise ValueError(_("x and y must have the same length; got {nx} and {ny}.").format(
            nx=x.shape[0], ny=y.shape[0]))
    if x.size < 2:
        raise ValueError(_("x and y need at least 2 points; got {n}.").format(n=x.size))
    return x, y


def predict(x, a, b):
    """ŷ = a·x + b (element-wise)."""
    a, b = check_number(a, "a"), check_number(b, "b")
    y_hat = a * as_array(x, "x") + b
    return float(y_hat) if y_hat.ndim == 0 else y_hat


def _finite(values, what, a, b):
    """``values`` unchanged, or a ValueError when float64 overflowed (inf/NaN) for these a, b.

    what: "E" (the loss) or "gradient"."""
    if not np.all(np.isfinite(values)):
        if what == "E":
            message = _("E(a, b) overflowed to infinity for a = {a:g}, b = {b:g}: the residuals a·x + b − y are too "
                        "large for float64. a and b must be of the size the data suggest (or rescale x and y, e.g. "
                        "with standardize).")
        else:
            message = _("The gradient (∂E/∂a, ∂E/∂b) overflowed to infinity for a = {a:g}, b = {b:g}: the residuals "
                        "a·x + b − y are too large for float64. a and b must be of the size the data suggest (or "
                        "rescale x and y, e.g. with standardize).")
        raise ValueError(message.format(a=float(a), b=float(b)))
    return values


def mse(a, b, x, y):
    """E(a, b) = mean((a·x + b − y)²)."""
    x, y = _xy(x, y)
    with np.errstate(over="ignore", invalid="ignore"):
        r = predict(x, a, b) - y
        E = float(np.mean(r * r))
    return _finite(E, "E", a, b)


def mse_grad(a, b, x, y):
    """(∂E/∂a, ∂E/∂b) = (2·mean(r·x), 2·mean(r)) with residuals r = a·x + b − y."""
    x, y = _xy(x, y)
    with np.errstate(over="ignore", invalid="ignore"):
        r = predict(x, a, b) - y
        grad = float(2.0 * np.mean(r * x)), float(2.0 * np.mean(r))
    return _finite(grad, "gradient", a, b)


def least_squares(x, y):
    """Closed-form best line: a = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²,  b = ȳ − a·x̄. Returns (a, b)."""
    x, y = _xy(x, y)
    dx = x - x.mean()
    if not np.any(dx):
        raise ValueError(_("x must not be constant: every x is equal, so the slope is undefined."))
    a = float(np.sum(dx * (y - y.mean())) / np.sum(dx * dx))
    return a, float(y.mean() - a * x.mean())


def standardize(x):
    """x_scaled = (x − mean) / std. Returns (x_scaled, mean, std); undo with x = x_scaled·std + mean."""
    x = as_array(x, "x", ndim=1)
    if x.size < 2:
        raise ValueError(_("x needs at least 2 values to standardize; got {n}.").format(n=x.size))
    std = float(x.std())
    if std == 0:
        raise ValueError(_("x must not be constant (its standard deviation is 0)."))
    mean = float(x.mean())
    return (x - mean) / std, mean, std


def loss_grid(x, y, a_values, b_values):
    """E(a, b) on a grid, for contour plots. Returns shape (len(b_values), len(a_values))."""
    x, y = _xy(x, y)
    A = as_array(a_values, "a_values", ndim=1)
    B = as_array(b_values, "b_values", ndim=1)
    for name, values in (("a_values", A), ("b_values", B)):
        if values.size == 0:
            raise ValueError(_("{name} must hold at least one value; got an empty list.").format(name=name))
    with np.errstate(over="ignore", invalid="ignore"):
        r = A[None, :, None] * x[None, None, :] + B[:, None, None] - y[None, None, :]
        E = np.mean(r * r, axis=-1)
    if not np.all(np.isfinite(E)):
        raise ValueError(
            _("E(a, b) overflowed to infinity on the grid (a from {a_min:g} to {a_max:g}, b from {b_min:g} to "
              "{b_max:g}): a_values and b_values must be of the size the data suggest.").format(
                a_min=A.min(), a_max=A.max(), b_min=B.min(), b_max=B.max())
        )
    return E


@dataclass
class GDResult:
    """What a gradient-descent run produced.

    path:     (k+1, 2) array of (a, b) after 0, 1, …, k updates
    losses:   (k+1,) E(a, b) along the path
    diverged: True when E grew without bound (the learning rate was too large)
    message:  a sentence for the student ("" when all went well)
    epoch_losses: for minibatch runs, E after every epoch (else None)
    """

    path: np.ndarray
    losses: np.ndarray
    diverged: bool = False
    message: str = ""
    epoch_losses: np.ndarray | None = None

    @property
    def a(self):
        return float(self.path[-1, 0])

    @property
    def b(self):
        return float(self.path[-1, 1])


class DivergenceError(FloatingPointError):
    """Gradient descent blew up: E grew towards infinity because the learning rate is too large."""


def _loss_or_divergence(a, b, x, y, first_loss, lr, step, on_diverge):
    """E(a, b) after an update, or — when E blew up (inf/NaN or a million times the start) —
    raise DivergenceError ("raise") or return the message to stop with ("stop")."""
    with np.errstate(over="ignore", invalid="ignore"):
        r = a * x + b - y
        loss = float(np.mean(r * r))
    if np.isfinite(loss) and loss <= 1e6 * max(first_loss, 1e-12):
        return loss, ""
    message = _("Diverged at step {step}: E grew without bound, so learning rate {lr:g} is too large; "
                "try {smaller:g}.").format(step=step, lr=lr, smaller=lr / 10)
    if on_diverge == "raise":
        raise DivergenceError(message)
    return loss, message


def gradient_descent(x, y, *, lr, steps, a0=0.0, b0=0.0, on_diverge="raise"):
    """Full-batch gradient descent on E(a, b) for ``steps`` updates.

    on_diverge: "raise" → DivergenceError naming the step and a smaller lr;
                "stop"  → return the path so far with ``diverged=True`` and a message (used by the explorer).
    """
    x, y = _xy(x, y)
    lr = check_positive(lr, "lr")
    steps = check_int(steps, "steps", min_value=0)
    check_choice(on_diverge, "on_diverge", ("raise", "stop"))
    a, b = check_number(a0, "a0"), check_number(b0, "b0")
    path, losses = [(a, b)], [mse(a, b, x, y)]
    for k in range(1, steps + 1):
        r = a * x + b - y
        da, db = 2.0 * np.mean(r * x), 2.0 * np.mean(r)
        a, b = a - lr * da, b - lr * db
        loss, message = _loss_or_divergence(a, b, x, y, losses[0], lr, k, on_diverge)
        if message:
            return GDResult(np.array(path), np.array(losses), True, message)
        path.append((a, b))
        losses.append(loss)
    return GDResult(np.array(path), np.array(losses))


def sgd(x, y, *, batch_size, epochs, lr, a0=0.0, b0=0.0, rng=None, on_diverge="raise"):
    """Minibatch stochastic gradient descent: each update uses ``batch_size`` (M) shuffled points.

    M = N is (full-batch) gradient descent, M = 1 is online learning (オンライン学習).
    ``losses`` holds E on ALL the data after every update; ``epoch_losses`` after every epoch.
    """
    x, y = _xy(x, y)
    n = x.size
    batch_size = check_int(batch_size, "batch_size", min_value=1)
    if batch_size > n:
        raise ValueError(_("batch_size must be at most the number of data points ({n}); got {batch_size}.").format(
            n=n, batch_size=batch_size))
    epochs = check_int(epochs, "epochs", min_value=1)
    lr = check_positive(lr, "lr")
    check_choice(on_diverge, "on_diverge", ("raise", "stop"))
    rng = as_rng(rng)
    a, b = check_number(a0, "a0"), check_number(b0, "b0")
    path, losses, epoch_losses = [(a, b)], [mse(a, b, x, y)], []
    step = 0
    for _epoch in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            r = a * x[idx] + b - y[idx]
            a, b = a - lr * 2.0 * np.mean(r * x[idx]), b - lr * 2.0 * np.mean(r)
            step += 1
            loss, message = _loss_or_divergence(a, b, x, y, losses[0], lr, step, on_diverge)
            if message:
                return GDResult(np.array(path), np.array(losses), True, message, np.array(epoch_losses))
            path.append((a, b))
            losses.append(loss)
        epoch_losses.append(losses[-1])
    return GDResult(np.array(path), np.array(losses), epoch_losses=np.array(epoch_losses))
