"""Figures for chapters 6 (MNIST) and 7 (deep learning).

Small helpers the two notebooks call, so no cell pastes plotting code:

=============================  ===========================================================
name                           draws / returns
=============================  ===========================================================
GREY_8X8, BW_4X4               the seed's tiny example images (seed 003 §6.1, §6.2)
show_pixels(ax, image)         an image as coloured squares with each pixel's number in it
sample_colour_image(size)      a small colour photo (matplotlib's sample "grace_hopper.jpg")
rgb_channels / luminance_colour  the 3 numbers per pixel, two ways (R, G, B or Y, Cb, Cr)
digit_grid(images, labels)     one row of example images per class
probability_bars(ax, p)        the 10 output probabilities as bars, the winner highlighted
confusion_matrix(y, y_pred)    counts (true class × predicted class) — and its plot
most_confident_mistakes(P, y)  indices of wrong predictions the network was surest of
weight_images(W)               first-layer weights as 28×28 pictures
training_curves(history)       loss and accuracy per epoch, training vs validation
draw_network(ax, sizes)        circles and lines for a layered network
feature_levels()               edges → parts → face, built from pixel pieces (chapter 7)
=============================  ===========================================================
"""
from __future__ import annotations

import numpy as np
import matplotlib.pyplot as plt
from matplotlib import cbook

from ._validate import as_array, check_int

__all__ = [
    "GREY_8X8", "BW_4X4", "show_pixels", "sample_colour_image", "rgb_channels", "luminance_colour",
    "digit_grid", "probability_bars", "confusion_matrix", "plot_confusion_matrix",
    "most_confident_mistakes", "weight_images", "training_curves", "draw_network", "feature_levels",
]

# Seed 003 §6.1: an 8 × 8 image with 4 grey levels, 0 = black, 1 = dark grey, 2 = light grey, 3 = white.
GREY_8X8 = np.array([
    [3, 3, 2, 2, 2, 2, 3, 3],
    [3, 2, 1, 1, 1, 1, 2, 3],
    [2, 1, 0, 1, 1, 0, 1, 2],
    [2, 1, 1, 1, 1, 1, 1, 2],
    [2, 1, 0, 1, 1, 0, 1, 2],
    [2, 1, 1, 0, 0, 1, 1, 2],
    [3, 2, 1, 1, 1, 1, 2, 3],
    [3, 3, 2, 2, 2, 2, 3, 3],
])

# Seed 003 §6.2: a black-and-white image, white = 0 and black = 1 (note: the opposite direction to GREY_8X8).
BW_4X4 = np.array([
    [0, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [1, 1, 1, 1],
])


def show_pixels(ax, image, *, cmap="gray", vmin=None, vmax=None, numbers=True, fontsize=9, title=None):
    """Draw a 2-D ``image`` (h, w) as squares with the pixel value written in each square.

    The text colour flips between black and white so it stays readable on dark and light pixels.
    """
    image = as_array(image, "image", ndim=2)
    vmin = float(image.min()) if vmin is None else vmin
    vmax = float(image.max()) if vmax is None else vmax
    ax.imshow(image, cmap=cmap, vmin=vmin, vmax=vmax)
    h, w = image.shape
    ax.set_xticks(np.arange(-0.5, w, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, h, 1), minor=True)
    ax.grid(which="minor", color="tab:blue", linewidth=0.5)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    if numbers:
        cm = plt.get_cmap(cmap)
        span = (vmax - vmin) or 1.0
        for (r, c), v in np.ndenumerate(image):
            grey = np.mean(cm((v - vmin) / span)[:3])  # brightness of the square
            ax.text(c, r, f"{v:g}", ha="center", va="center", fontsize=fontsize,
                    color="black" if grey > 0.5 else "white")
    if title:
        ax.set_title(title)
    return ax


def sample_colour_image(size=48):
    """A small colour photo: matplotlib's sample "grace_hopper.jpg" (public domain), shrunk by averaging.

    Returns float (h, w, 3) in [0, 1] with w = ``size`` (h keeps the 600 × 512 aspect ratio).
    """
    size = check_int(size, "size", min_value=4, max_value=512)
    img = plt.imread(cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)).astype(float) / 255.0
    k = 512 // size                                 # block size: average k × k pixels into one
    h, w = (img.shape[0] // k) * k, size * k
    return img[:h, :w].reshape(h // k, k, size, k, 3).mean(axis=(1, 3))


def rgb_channels(image):
    """Split a colour image (h, w, 3) into its R, G and B components, each (h, w)."""
    image = as_array(image, "image", ndim=3)
    return image[..., 0], image[..., 1], image[..., 2]


def luminance_colour(image):
    """The same 3 numbers per pixel as luminance + colour (ITU-R BT.601, values in [0, 1]).

    Y  = 0.299 R + 0.587 G + 0.114 B        brightness: the grey image
    Cb = 0.5 + 0.564 (B − Y),  Cr = 0.5 + 0.713 (R − Y)   colour: how blue / how red (0.5 = none)
    Returns (Y, Cb, Cr), each (h, w).
    """
    R, G, B = rgb_channels(image)
    Y = 0.299 * R + 0.587 * G + 0.114 * B
    return Y, 0.5 + 0.564 * (B - Y), 0.5 + 0.713 * (R - Y)


def digit_grid(images, labels, *, per_class=10, classes=range(10), cmap="gray", title=None):
    """One row per class with the first ``per_class`` images of that class. images (n, 28, 28), labels (n,)."""
    images = np.asarray(images)
    labels = as_array(labels, "labels", ndim=1, dtype=int)
    classes = list(classes)
    fig, axes = plt.subplots(len(classes), per_class, figsize=(per_class * 0.6, len(classes) * 0.6),
                             squeeze=False, dpi=80)
    for row, k in zip(axes, classes):
        idx = np.flatnonzero(labels == k)[:per_class]
        for j, ax in enumerate(row):
            ax.axis("off")
            if j < len(idx):
                ax.imshow(images[idx[j]].reshape(28, 28), cmap=cmap)
        row[0].text(-8, 14, str(k), fontsize=12, ha="right", va="center")
    if title:
        fig.suptitle(title)
    return fig


def probability_bars(ax, p, *, label=None, title=None):
    """Bars of the class probabilities ``p`` (k,); the predicted class in orange, the true ``label`` outlined."""
    p = as_array(p, "p", ndim=1)
    colours = ["tab:blue"] * len(p)
    colours[int(np.argmax(p))] = "tab:orange"
    bars = ax.bar(np.arange(len(p)), p, color=colours)
    if label is not None:
        bars[int(label)].set_edgecolor("black")
        bars[int(label)].set_linewidth(2)
    ax.set_xticks(np.arange(len(p)))
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("class (digit)")
    ax.set_ylabel("probability")
    if title:
        ax.set_title(title)
    return ax


def confusion_matrix(y_true, y_pred, n_classes=10):
    """C[i, j] = how many images of true class i were predicted as class j.  Returns int (k, k)."""
    y_true = as_array(y_true, "y_true", ndim=1, dtype=int)
    y_pred = as_array(y_pred, "y_pred", ndim=1, dtype=int)
    n_classes = check_int(n_classes, "n_classes", min_value=1)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true and y_pred must have the same length; got {len(y_true)} and {len(y_pred)}.")
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        if y.size and (y.min() < 0 or y.max() >= n_classes):
            raise ValueError(f"{name} must hold labels 0…{n_classes - 1}; got values {y.min()}…{y.max()}.")
    C = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(C, (y_true, y_pred), 1)
    return C


def plot_confusion_matrix(ax, C):
    """Show a confusion matrix (k, k) with its counts; the diagonal (correct answers) is dimmed out of the scale."""
    C = as_array(C, "C", ndim=2, dtype=int)
    off = C.astype(float)
    np.fill_diagonal(off, np.nan)                 # colour only the mistakes, so they stand out
    ax.imshow(off, cmap="Reds")
    for (i, j), v in np.ndenumerate(C):
        ax.text(j, i, str(v), ha="center", va="center", fontsize=7,
                color="tab:green" if i == j else "black", fontweight="bold" if i == j else "normal")
    k = C.shape[0]
    ax.set_xticks(range(k))
    ax.set_yticks(range(k))
    ax.set_xlabel("predicted digit")
    ax.set_ylabel("true digit")
    return ax


def most_confident_mistakes(proba, y_true, k=8):
    """Indices of the ``k`` wrongly classified samples with the highest predicted probability.

    proba (n, classes), y_true (n,).  Sorted from the most confident mistake down.
    """
    proba = as_array(proba, "proba", ndim=2)
    y_true = as_array(y_true, "y_true", shape=(proba.shape[0],), dtype=int)
    k = check_int(k, "k", min_value=0)
    pred = proba.argmax(axis=1)
    wrong = np.flatnonzero(pred != y_true)
    order = np.argsort(-proba[wrong, pred[wrong]], kind="stable")
    return wrong[order[:k]]


def weight_images(W, *, n=16, cols=8, shape=(28, 28)):
    """The first ``n`` columns of W (784, hidden) as 28×28 pictures: red = positive weight, blue = negative.

    A hidden neuron fires when the ink of the digit falls on its red pixels and avoids its blue ones.
    """
    W = as_array(W, "W", ndim=2)
    n = check_int(n, "n", min_value=1, max_value=W.shape[1])
    rows = -(-n // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(cols * 1.1, rows * 1.1), squeeze=False, dpi=80)
    for j, ax in enumerate(axes.flat):
        ax.axis("off")
        if j < n:
            w = W[:, j].reshape(shape)
            lim = np.abs(w).max() or 1.0
            ax.imshow(w, cmap="bwr", vmin=-lim, vmax=lim)
            ax.set_title(f"neuron {j}", fontsize=7)
    return fig


def training_curves(history):
    """Two panels: loss and accuracy per epoch, training vs validation. ``history`` has
    train_loss, val_loss, train_acc, val_acc lists (course_lib.train.History)."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.2))
    epochs = np.arange(1, len(history.train_loss) + 1)
    for ax, key, name in ((ax1, "loss", "loss (cross-entropy)"), (ax2, "acc", "accuracy")):
        ax.plot(epochs, getattr(history, f"train_{key}"), "o-", label="training data")
        val = getattr(history, f"val_{key}")
        if val:
            ax.plot(epochs, val, "s--", label="validation data")
        ax.set_xlabel("epoch")
        ax.set_ylabel(name)
        ax.set_xticks(epochs)
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    return fig


def draw_network(ax, sizes, *, x0=0.0, max_shown=6, colour="tab:blue", spacing=1.0, labels=True):
    """Draw a fully connected layered network: one column of circles per layer, every pair joined.

    sizes: neurons per layer, input first, e.g. (784, 128, 10); a layer with more than ``max_shown``
    neurons is drawn with ``max_shown`` circles and its real size written underneath.
    Returns the x position after the last layer (to chain several networks side by side).
    """
    sizes = [check_int(s, "sizes[i]", min_value=1) for s in sizes]
    ys = []
    for i, s in enumerate(sizes):
        m = min(s, max_shown)
        y = (np.arange(m) - (m - 1) / 2) * 0.5
        ys.append(y)
        if i:
            for ya in ys[i - 1]:
                for yb in y:
                    ax.plot([x0 + (i - 1) * spacing, x0 + i * spacing], [ya, yb], color="0.75", lw=0.5, zorder=1)
    for i, (s, y) in enumerate(zip(sizes, ys)):
        ax.scatter(np.full(len(y), x0 + i * spacing), y, s=90, color="white" if i == 0 else colour,
                   edgecolor="black", zorder=2)
        if labels:
            ax.text(x0 + i * spacing, y.min() - 0.45, str(s), ha="center", va="top", fontsize=8)
    ax.set_aspect("equal")
    ax.axis("off")
    return x0 + (len(sizes) - 1) * spacing


def _bar(angle_deg, n=7):
    """An n × n picture of a short line through the centre at ``angle_deg`` (an "edge" feature)."""
    r = np.arange(n) - (n - 1) / 2
    yy, xx = np.meshgrid(r, r, indexing="ij")
    t = np.deg2rad(angle_deg)
    dist = np.abs(-np.sin(t) * xx - np.cos(t) * yy)  # distance to the line (y axis points down)
    return (dist < 0.6).astype(float)


def feature_levels():
    """Chapter 7's "levels of features": edges → parts (eye, nose, mouth) → a face.

    Every part is pasted together from the edge pieces, and the face from the parts — the way
    deeper layers combine what earlier layers detect. Returns the Figure.
    """
    edges = {"—": _bar(0), "|": _bar(90), "/": _bar(45), "\\": _bar(-45)}
    eye = np.zeros((9, 9))
    for piece, (r, c) in (("—", (0, 1)), ("—", (2, 1)), ("|", (1, 0)), ("|", (1, 2))):  # a box of 4 edges
        eye[r * 3:r * 3 + 3, c * 3:c * 3 + 3] += edges[piece][2:5, 2:5]
    nose = np.zeros((9, 9))
    nose[0:7, 1:8] += edges["/"]
    nose[6:9, 1:8] += edges["—"][2:5]
    mouth = np.zeros((9, 9))
    mouth[1:8, 0:7][3:] += edges["\\"][3:]
    mouth[1:8, 2:9][3:] += edges["/"][3:]
    parts = {"eye": eye, "nose": nose, "mouth": mouth}
    face = np.zeros((30, 27))
    for part, (r, c) in (("eye", (3, 3)), ("eye", (3, 15)), ("nose", (11, 9)), ("mouth", (20, 9))):
        face[r:r + 9, c:c + 9] += parts[part]
    fig = plt.figure(figsize=(9, 3.2))
    grid = fig.add_gridspec(2, 6, width_ratios=[1, 1, 1.2, 1.2, 1.2, 3.4])
    for i, (name, img) in enumerate(edges.items()):
        ax = fig.add_subplot(grid[i // 2, i % 2])
        ax.imshow(img, cmap="gray_r", vmin=0, vmax=1)
        ax.set_xticks([]), ax.set_yticks([])
    for i, (name, img) in enumerate(parts.items()):
        ax = fig.add_subplot(grid[:, 2 + i])
        ax.imshow(np.clip(img, 0, 1), cmap="gray_r", vmin=0, vmax=1)
        ax.set_title(name, fontsize=9)
        ax.set_xticks([]), ax.set_yticks([])
    ax = fig.add_subplot(grid[:, 5])
    ax.imshow(np.clip(face, 0, 1), cmap="gray_r", vmin=0, vmax=1)
    ax.set_xticks([]), ax.set_yticks([])
    for x, text in ((0.12, "low level: lines & edges"), (0.43, "mid level: eyes, nose, mouth"),
                    (0.8, "high level: a face")):
        fig.text(x, 0.02, text, ha="center", fontsize=10)
    return fig
