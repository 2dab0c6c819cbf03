"""Figures reused by the notebooks: each answers one question, axes labelled, legible when projected.

Every function draws on ``ax`` when given (so a notebook can arrange panels)
and otherwise makes a new figure; it returns the Axes (or the Figure for
multi-panel plots).  Nothing here reads notebook variables.
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, check_int
from .activations import get_activation


def _axes(ax, figsize=(5, 3.5)):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=figsize, layout="constrained")[1]


def activation_curves(names=("step", "sigmoid", "tanh", "relu"), *, derivative=False, z=None, ax=None):
    """Plot a = f(z) (or f'(z) with ``derivative=True``) for each activation name on one axis."""
    z = np.linspace(-5, 5, 401) if z is None else as_array(z, "z", ndim=1)
    ax = _axes(ax)
    for name in names:
        f, f_grad = get_activation(name)
        ax.plot(z, (f_grad if derivative else f)(z), lw=2.5, label=name)
    ax.axhline(0, color="0.6", lw=0.8)
    ax.axvline(0, color="0.6", lw=0.8)
    ax.set_xlabel("z = w·x + b (weighted sum + bias)")
    ax.set_ylabel("f'(z)" if derivative else "a = f(z)")
    ax.set_title("derivatives of activation functions" if derivative else "activation functions")
    ax.legend(frameon=False)
    return ax


def decision_region(predict_fn, *, xlim=(-0.5, 1.5), ylim=(-0.5, 1.5), points=None, labels=None,
                    resolution=200, ax=None, cmap="RdBu_r", vmin=None, vmax=None, title=None):
    """Colour the input plane (x1, x2) by ``predict_fn(X)`` with X of shape (k, 2) → (k,) outputs.

    points/labels: optional (m, 2) inputs and their (m,) outputs drawn on top (e.g. the truth table).
    """
    resolution = check_int(resolution, "resolution", min_value=2)
    x1 = np.linspace(*xlim, resolution)
    x2 = np.linspace(*ylim, resolution)
    X1, X2 = np.meshgrid(x1, x2)
    out = np.asarray(predict_fn(np.column_stack([X1.ravel(), X2.ravel()])), dtype=float).reshape(X1.shape)
    ax = _axes(ax, (4.2, 3.8))
    im = ax.imshow(out, origin="lower", extent=(*xlim, *ylim), cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    ax.figure.colorbar(im, ax=ax, label="output a")
    if points is not None:
        P = as_array(points, "points", ndim=2)
        ax.scatter(P[:, 0], P[:, 1], s=120, c="none" if labels is None else labels, cmap="gray",
                   edgecolors="k", linewidths=2, vmin=0, vmax=1, zorder=3)
    ax.set_xlabel("input x1")
    ax.set_ylabel("input x2")
    if title:
        ax.set_title(title)
    return ax


def loss_surface(x, y, *, a_range=(-200, 1100), b_range=(-600, 600), levels=20, ax=None, path=None):
    """Contours of E(a, b) = mean((a·x + b − y)²) for a line ŷ = a·x + b; optional GD ``path`` (k, 2)."""
    from .linreg import least_squares, loss_grid

    a_values = np.linspace(*a_range, 121)
    b_values = np.linspace(*b_range, 121)
    E = loss_grid(x, y, a_values, b_values)
    ax = _axes(ax, (5, 4))
    cs = ax.contour(a_values, b_values, E, levels=np.geomspace(E.min() * 1.02, E.max(), levels), cmap="viridis")
    ax.figure.colorbar(cs, ax=ax, label="E(a, b)  [(km/s)²]")
    a_best, b_best = least_squares(x, y)
    ax.plot(a_best, b_best, "*", ms=16, color="crimson", label="minimum (least squares)")
    if path is not None:
        P = as_array(path, "path", ndim=2)
        ax.plot(P[:, 0], P[:, 1], ".-", color="k", lw=1.5, label="gradient descent")
    ax.set_xlabel("slope a  [km/s/Mpc]")
    ax.set_ylabel("intercept b  [km/s]")
    ax.legend(loc="upper left", fontsize="small")
    return ax


def digit_grid(images, labels=None, *, ncols=10, title=None, cmap="gray_r"):
    """Show images (n, 28, 28) or (n, 784) in a grid, each titled with its label."""
    images = as_array(images, "images", ndim=(2, 3))
    if images.ndim == 2:
        side = int(round(np.sqrt(images.shape[1])))
        if side * side != images.shape[1]:
            raise ValueError(f"images of shape {images.shape} are not square pictures flattened to (n, side²).")
        images = images.reshape(-1, side, side)
    ncols = check_int(ncols, "ncols", min_value=1)
    n = images.shape[0]
    nrows = int(np.ceil(n / ncols))
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(nrows, ncols, figsize=(ncols * 0.9, nrows * 1.0), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < n:
            ax.imshow(images[i], cmap=cmap, vmin=0, vmax=images.max() or 1)
            if labels is not None:
                ax.set_title(str(labels[i]), fontsize=10)
    if title:
        fig.suptitle(title)
    return fig


def confusion_matrix(y_true, y_pred, *, n_classes=10):
    """Counts C[i, j] = number of samples with true class i predicted as j. Shape (n_classes, n_classes)."""
    y_true = as_array(y_true, "y_true", ndim=1, dtype=np.int64)
    y_pred = as_array(y_pred, "y_pred", ndim=1, dtype=np.int64)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true and y_pred must have the same length; got {y_true.size} and {y_pred.size}.")
    C = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(C, (y_true, y_pred), 1)
    return C


def plot_confusion_matrix(C, *, ax=None, class_names=None):
    """Draw a confusion matrix with its counts written in the cells."""
    C = as_array(C, "C", ndim=2, dtype=np.int64)
    ax = _axes(ax, (5.5, 5))
    ax.imshow(np.log1p(C), cmap="Blues")
    k = C.shape[0]
    names = [str(i) for i in range(k)] if class_names is None else list(class_names)
    for i in range(k):
        for j in range(k):
            ax.text(j, i, str(C[i, j]), ha="center", va="center", fontsize=8,
                    color="white" if C[i, j] > C.max() / 3 else "black")
    ax.set_xticks(range(k), names)
    ax.set_yticks(range(k), names)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    return ax


def training_curves(history):
    """Loss and accuracy per epoch for training and validation data (a ``course_lib.train.History``)."""
    import matplotlib.pyplot as plt

    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9, 3.5), layout="constrained")
    epochs = np.arange(1, len(history.train_loss) + 1)
    ax_loss.plot(epochs, history.train_loss, "o-", label="training")
    ax_acc.plot(epochs, 100 * np.asarray(history.train_acc), "o-", label="training")
    if history.val_loss:
        ax_loss.plot(epochs, history.val_loss, "s--", label="validation")
        ax_acc.plot(epochs, 100 * np.asarray(history.val_acc), "s--", label="validation")
    ax_loss.set(xlabel="epoch", ylabel="loss", title="loss (lower is better)")
    ax_acc.set(xlabel="epoch", ylabel="accuracy [%]", title="accuracy (higher is better)")
    for ax in (ax_loss, ax_acc):
        ax.set_xticks(epochs)
        ax.legend(frameon=False)
    return fig


def probability_bars(p, *, label=None, ax=None, class_names=None):
    """Bars of class probabilities p (k,), the predicted class highlighted, the true ``label`` marked."""
    p = as_array(p, "p", ndim=1)
    ax = _axes(ax, (4, 2.5))
    k = p.size
    colors = ["tab:gray"] * k
    colors[int(np.argmax(p))] = "tab:blue"
    if label is not None and int(label) != int(np.argmax(p)):
        colors[int(label)] = "tab:red"
    ax.bar(range(k), p, color=colors)
    ax.set_xticks(range(k), class_names if class_names is not None else range(k))
    ax.set_ylim(0, 1)
    ax.set_xlabel("class")
    ax.set_ylabel("probability")
    return ax


def network_diagram(sizes, *, ax=None, layer_names=None, max_shown=8, node_labels=None):
    """Draw a fully connected network: one column of circles per layer, every pair of neighbours joined.

    sizes: neurons per layer, e.g. (12, 3, 2).  Layers with more than ``max_shown`` neurons
    are drawn with an ellipsis.  node_labels: optional list (per layer) of lists of strings.
    """
    sizes = [check_int(s, "sizes[i]", min_value=1) for s in sizes]
    ax = _axes(ax, (1.8 * len(sizes) + 1, 4))
    columns = []
    for j, n in enumerate(sizes):
        shown = min(n, max_shown)
        ys = np.linspace(1, -1, shown) * (0.9 * shown / max_shown + 0.1) if shown > 1 else np.zeros(1)
        columns.append((np.full(shown, float(j)), ys, n > shown))
    for (x0, y0, _), (x1, y1, _) in zip(columns, columns[1:]):
        for ya in y0:
            for yb in y1:
                ax.plot([x0[0], x1[0]], [ya, yb], color="0.75", lw=0.8, zorder=1)
    for j, (xs, ys, cut) in enumerate(columns):
        ax.scatter(xs, ys, s=500, color="white", edgecolors="tab:blue", linewidths=2, zorder=2)
        if node_labels is not None and j < len(node_labels):
            for y, text in zip(ys, node_labels[j]):
                ax.text(xs[0], y, text, ha="center", va="center", fontsize=9, zorder=3)
        if cut:
            ax.text(xs[0], ys.min() - 0.25, "⋮", ha="center", va="top", fontsize=16)
        name = layer_names[j] if layer_names else f"{sizes[j]} neurons"
        ax.text(xs[0], 1.35, name, ha="center", va="bottom", fontsize=10)
    ax.set_xlim(-0.5, len(sizes) - 0.5)
    ax.set_ylim(-1.6, 1.7)
    ax.axis("off")
    return ax
