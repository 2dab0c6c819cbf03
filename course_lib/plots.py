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


def network_diagram(sizes, *, ax=None, layer_names=None, node_labels=None, node_notes=None, edge_labels=None,
                    label_at=0.3, max_shown=12):
    """Draw a fully connected layered network: one column of circles per layer, every pair connected.

    sizes:       units per layer, e.g. (12, 3, 2)
    layer_names: a caption under each column, e.g. ("input", "hidden", "output")
    node_labels: per layer a list of texts inside the circles (or None)
    node_notes:  per layer a list of texts written above the circles, e.g. biases "b = −1" (or None)
    edge_labels: dict {(layer, i, j): text} written on the connection from unit i of ``layer``
                 to unit j of ``layer + 1`` (e.g. its weight)
    label_at:    where on a connection its label sits (0 = at the source, 1 = at the target)
    max_shown:   a layer with more units (784 pixels, say) is drawn as this many slots, the middle one a "⋮"
    Returns the Axes.
    """
    sizes = [check_int(s, "sizes[i]", min_value=1) for s in sizes]
    max_shown = check_int(max_shown, "max_shown", min_value=2)
    shown = [min(s, max_shown) for s in sizes]
    top = max(shown)
    dy = 1.8 if top <= 3 else (1.3 if top <= 6 else 1.0)   # small networks get more room for labels
    dx = max(3.0, 0.45 * top)                               # wide enough that the connections stay visible
    span = dy * (top - 1)
    if ax is None:
        import matplotlib.pyplot as plt

        width, height = dx * (len(sizes) - 1) + 2.0, span + 3.0
        scale = 0.9 if top <= 6 else 0.55                   # inches per unit of drawing
        _, ax = plt.subplots(figsize=(max(6.0, scale * width), max(3.2, scale * height)))
    pos, gaps = [], []
    for k, s in enumerate(shown):
        ys = np.linspace(0, span, s) if s > 1 else np.array([span / 2])
        pos.append([(dx * k, y) for y in ys[::-1]])
        gaps.append(s // 2 if sizes[k] > s else None)      # a cut layer shows "⋮" in its middle slot
    for k in range(len(sizes) - 1):
        for i, (xa, ya) in enumerate(pos[k]):
            for j, (xb, yb) in enumerate(pos[k + 1]):
                if i != gaps[k] and j != gaps[k + 1]:
                    ax.plot([xa, xb], [ya, yb], color="tab:gray", lw=1.0, alpha=0.7, zorder=1)
    for (k, i, j), text in (edge_labels or {}).items():
        (xa, ya), (xb, yb) = pos[k][i], pos[k + 1][j]
        ax.text(xa + label_at * (xb - xa), ya + label_at * (yb - ya), text, fontsize=12, ha="center",
                va="center", bbox=dict(boxstyle="round,pad=0.15", fc="lightyellow", ec="none"), zorder=4)
    from matplotlib.patches import Circle

    r = 0.4 if top > 6 else 0.32
    colors = ["#cfe2f3"] + ["#d9ead3"] * (len(sizes) - 2) + ["#f4cccc"]
    for k, layer in enumerate(pos):
        labels = node_labels[k] if node_labels and node_labels[k] else [""] * len(layer)
        notes = node_notes[k] if node_notes and node_notes[k] else [""] * len(layer)
        for i, ((x, y), text, note) in enumerate(zip(layer, labels, notes)):
            if i == gaps[k]:
                ax.text(x, y, "⋮", ha="center", va="center", fontsize=16, zorder=3)
                continue
            ax.add_patch(Circle((x, y), r, fc=colors[min(k, len(colors) - 1)], ec="black", zorder=2))
            ax.text(x, y, text, ha="center", va="center", fontsize=10 if top > 6 else 11, zorder=3)
            if note:
                ax.text(x, y + r + 0.08, note, ha="center", va="bottom", fontsize=11, color="tab:purple", zorder=3)
        if layer_names:
            ax.text(layer[0][0], -0.9, layer_names[k], ha="center", va="top", fontsize=13)
    ax.set_xlim(-1.0, dx * (len(sizes) - 1) + 1.0)
    ax.set_ylim(-1.7, span + 0.8 + (0.6 if node_notes else 0.0))
    ax.set_aspect("equal")
    ax.axis("off")
    return ax
