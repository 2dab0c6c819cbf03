"""Figures for chapters 6 (MNIST) and 7 (deep learning) that ``course_lib.plots`` does not have.

(Digit grids, probability bars, confusion matrices, training curves and network diagrams
are in ``course_lib.plots``.)

=================================  =======================================================
name                               draws / returns
=================================  =======================================================
GREY_8X8, BW_4X4                   the seed's tiny example images (seed 003 §6.1, §6.2)
show_pixels(ax, image)             an image as squares with each pixel's number written in it
sample_colour_image(size)          a small colour photo (matplotlib's sample "grace_hopper.jpg")
rgb_channels, luminance_colour     the 3 numbers per pixel, two ways: (R, G, B) or (Y, Cb, Cr)
colour_only(image)                 the colour without the brightness (what Cb, Cr hold)
most_confident_mistakes(P, y)      indices of wrong predictions the network was surest of
weight_images(W)                   first-layer weights as 28×28 pictures
composed_network(ax, blocks)       a deep network drawn as shallow networks joined together
feature_levels()                   edges → parts → face, built from pixel pieces (chapter 7)
=================================  =======================================================
"""
from __future__ import annotations

import numpy as np
import matplotlib.pyplot as plt
from matplotlib import cbook

from ._validate import as_array, check_int
from .plots import network_diagram

__all__ = [
    "GREY_8X8", "BW_4X4", "show_pixels", "sample_colour_image", "rgb_channels", "luminance_colour",
    "colour_only", "most_confident_mistakes", "weight_images", "composed_network", "feature_levels",
]

# An 8 × 8 image in seed 003 §6.1's 4-level code: 0 = black, 1 = dark grey, 2 = light grey, 3 = white
# (the slide shows such an image without its numbers; this one is a small face).  Read-only constants.
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
GREY_8X8.setflags(write=False)

# Seed 003 §6.2: a black-and-white image, white = 0 and black = 1 (note: the opposite direction to GREY_8X8).
BW_4X4 = np.array([
    [0, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [1, 1, 1, 1],
])
BW_4X4.setflags(write=False)


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


def colour_only(image, luminance=0.6):
    """The image's colour with its brightness removed: every pixel gets the same Y, keeping Cb and Cr.

    Shows what the 2 colour numbers per pixel hold on their own.  Returns RGB (h, w, 3) in [0, 1].
    """
    _, Cb, Cr = luminance_colour(image)
    Y = np.full_like(Cb, float(luminance))
    R = Y + (Cr - 0.5) / 0.713
    B = Y + (Cb - 0.5) / 0.564
    G = (Y - 0.299 * R - 0.114 * B) / 0.587
    return np.clip(np.stack([R, G, B], axis=-1), 0.0, 1.0)


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
    fig, axes = plt.subplots(rows, cols, figsize=(cols * 1.5, rows * 1.6), squeeze=False, dpi=80)
    for j, ax in enumerate(axes.flat):
        ax.axis("off")
        if j < n:
            w = W[:, j].reshape(shape)
            lim = np.abs(w).max() or 1.0
            ax.imshow(w, cmap="bwr", vmin=-lim, vmax=lim)
            ax.set_title(f"neuron {j}", fontsize=9)
    return fig


def composed_network(ax, blocks=(3, 2, 3), *, width=4, n_inputs=4, n_outputs=3):
    """A deep network drawn as shallow networks joined end to end (seed 000: "3 + 2 + 3 = 8 layers").

    blocks: layers in each small network.  Every block gets its own colour band; the outputs of one
    block are the inputs of the next.  Returns the total number of layers, sum(blocks).
    """
    blocks = [check_int(b, "blocks[i]", min_value=1) for b in blocks]
    n_layers = sum(blocks)
    sizes = [n_inputs] + [width] * (n_layers - 1) + [n_outputs]
    network_diagram(sizes, ax=ax, layer_names=["input"] + [str(i) for i in range(1, n_layers + 1)], max_shown=width)
    xs = sorted({round(c.center[0], 6) for c in ax.patches})   # the x of each layer's column, input first
    gap = xs[1] - xs[0]
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    start = 0
    for i, b in enumerate(blocks):   # block i holds layers start+1 … start+b
        ax.axvspan(xs[start] + 0.55 * gap, xs[start] + (b + 0.45) * gap, ymin=0.05, ymax=0.9,
                   color=colours[i % len(colours)], alpha=0.15, zorder=0)
        ax.text(xs[start] + (b + 1) / 2 * gap, -1.65, f"network {i + 1}: {b} layer{'s' if b > 1 else ''}",
                ha="center", fontsize=9)
        start += b
    return n_layers


def _bar(angle_deg, n=3):
    """An n × n picture of a line through the centre at ``angle_deg`` (an "edge" feature)."""
    r = np.arange(n) - (n - 1) / 2
    yy, xx = np.meshgrid(r, r, indexing="ij")
    t = np.deg2rad(angle_deg)
    dist = np.abs(-np.sin(t) * xx - np.cos(t) * yy)  # distance to the line (row index grows downwards)
    return (dist < 0.6).astype(float)


def _paste(shape, pieces):
    """A canvas of ``shape`` with each (picture, row, col) in ``pieces`` added at that position."""
    canvas = np.zeros(shape)
    for img, r, c in pieces:
        canvas[r:r + img.shape[0], c:c + img.shape[1]] += img
    return np.clip(canvas, 0, 1)


def feature_levels():
    """Chapter 7's "levels of features": edges → parts (eye, nose, mouth) → a face.

    Every part is pasted together from the 3 × 3 edge pieces, and the face from the parts — the
    way deeper layers combine what earlier layers detect. Returns the Figure.
    """
    h, v, up, down = _bar(0), _bar(90), _bar(45), _bar(-45)
    edges = {"—": h, "|": v, "/": up, "\\": down}
    parts = {
        "eye": _paste((9, 9), [(h, 0, 3), (h, 6, 3), (v, 3, 0), (v, 3, 6),
                               (up, 0, 0), (down, 0, 6), (down, 6, 0), (up, 6, 6)]),
        "nose": _paste((9, 9), [(v, 0, 3), (v, 3, 3), (up, 5, 1), (h, 5, 3)]),
        "mouth": _paste((9, 9), [(down, 2, 0), (h, 4, 3), (up, 2, 6)]),
    }
    face = _paste((28, 27), [(parts["eye"], 2, 2), (parts["eye"], 2, 16), (parts["nose"], 10, 9),
                             (parts["mouth"], 18, 9)])
    fig = plt.figure(figsize=(9, 3.2))
    grid = fig.add_gridspec(2, 6, width_ratios=[1, 1, 1.2, 1.2, 1.2, 3.4])
    panels = [(grid[i // 2, i % 2], img, None) for i, img in enumerate(edges.values())]
    panels += [(grid[:, 2 + i], img, name) for i, (name, img) in enumerate(parts.items())]
    panels += [(grid[:, 5], face, "face")]
    for cell, img, name in panels:
        ax = fig.add_subplot(cell)
        ax.imshow(img, cmap="gray_r", vmin=0, vmax=1)
        ax.set_xticks([])
        ax.set_yticks([])
        if name:
            ax.set_title(name, fontsize=9)
    for x, text in ((0.12, "low level: lines & edges"), (0.43, "mid level: eyes, nose, mouth"),
                    (0.8, "high level: a face")):
        fig.text(x, 0.02, text, ha="center", fontsize=10)
    return fig
