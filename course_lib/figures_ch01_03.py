"""Figures for chapters 1–3 (neurons, activation functions, forward propagation).

Each function draws one figure that answers one question, with labelled axes
and fonts large enough for a projector, and returns the matplotlib Figure
(or Axes, when one is passed in).  Nothing here changes global state.

    neuron_analogy()                    a biological neuron above an artificial one (chapter 1)
    neuron_counts(data)                 neurons per species on a log scale     (chapter 1)
    timeline()                          1943 → 1957 → 1986 → 2012              (chapter 1)
    input_plane(f, ...)                 a 2-input function over the plane       (chapters 1, 3)
    pixels(ax, image, ...)              a small 0/1 (or signed) image with its numbers (chapters 1, 3)
    activation_panels(names, ...)       f(z) (and optionally f'(z)), one panel each  (chapter 2)
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from ._validate import as_array, check_int
from .activations import get_activation

__all__ = ["neuron_analogy", "neuron_counts", "timeline", "input_plane", "pixels", "activation_panels"]
# The network diagrams of chapter 3 are drawn by course_lib.plots.network_diagram.

FONT = 13  # legible on a projector at the notebook's default size


def neuron_counts(data, *, highlight="human"):
    """Horizontal bars of neuron counts on a log axis (seed 000's table).

    data: anything with ``species`` (k,) and ``neurons`` (k,), e.g. ``datasets.load_brain_neurons()``.
    """
    species = [str(s) for s in data.species]
    counts = as_array(data.neurons, "data.neurons", ndim=1)
    fig, ax = plt.subplots(figsize=(9, 4.8))
    colors = ["tab:red" if s == highlight else "tab:blue" for s in species]
    ax.barh(species, counts, color=colors)
    ax.set_xscale("log")
    ax.set_xlim(1e3, 1e13)
    for y, c in enumerate(counts):
        ax.text(c * 1.4, y, f"{c:,.0f}", va="center", fontsize=FONT - 2)
    ax.set_xlabel("number of neurons (log scale: each grid line is ×10)", fontsize=FONT)
    ax.set_title("How many neurons? (estimates)", fontsize=FONT + 1)
    ax.tick_params(labelsize=FONT - 1)
    ax.grid(axis="x", which="major", alpha=0.4)
    fig.tight_layout()
    return fig


_EVENTS = [
    (1943, "McCulloch & Pitts:\nartificial neuron\n(logic from neurons)", 1.0),
    (1957, "Rosenblatt:\nperceptron\n(weights are learned)", -1.0),
    (1986, "Rumelhart, Hinton,\nWilliams: backprop\nfor multilayer nets", 1.0),
    (2012, "AlexNet wins\nImageNet: deep\nlearning takes off", -1.0),
]


def timeline():
    """The four milestones of chapter 1 on a time axis (years)."""
    fig, ax = plt.subplots(figsize=(10, 3.4))
    ax.axhline(0, color="black", lw=1.5)
    for year, text, side in _EVENTS:
        ax.plot([year, year], [0, 0.45 * side], color="tab:blue", lw=1.5)
        ax.plot(year, 0, "o", color="tab:blue", ms=9)
        ax.text(year, 0.5 * side, f"{year}\n{text}" if side > 0 else f"{text}\n{year}",
                ha="center", va="bottom" if side > 0 else "top", fontsize=FONT - 2)
    ax.set_xlim(1935, 2020)
    ax.set_ylim(-1.9, 1.9)
    ax.set_yticks([])
    ax.set_xlabel("year", fontsize=FONT)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig


def input_plane(f, *, ax=None, lim=(-0.5, 1.5), title=None, label="output", resolution=121, cmap="viridis",
                level=None):
    """Colour the input plane (x1, x2) by the output of a 2-input function ``f(X) -> (n,)``.

    The four binary inputs (0,0), (0,1), (1,0), (1,1) are marked with their outputs.
    level: if given, a white line where the output crosses this value (e.g. where a neuron starts to fire).
    f receives X of shape (resolution², 2).  Returns the Axes.
    """
    resolution = check_int(resolution, "resolution", min_value=2)
    if ax is None:
        _, ax = plt.subplots(figsize=(5.4, 4.4), layout="constrained")
    g = np.linspace(lim[0], lim[1], resolution)
    x1, x2 = np.meshgrid(g, g)
    X = np.column_stack([x1.ravel(), x2.ravel()])
    out = np.asarray(f(X), dtype=float).reshape(x1.shape)
    im = ax.imshow(out, origin="lower", extent=(lim[0], lim[1], lim[0], lim[1]), cmap=cmap, aspect="equal")
    cb = ax.figure.colorbar(im, ax=ax, shrink=0.85)
    cb.set_label(label, fontsize=FONT - 1)
    if level is not None and out.min() < level < out.max():
        ax.contour(x1, x2, out, levels=[level], colors="white", linewidths=2.5)
    corners = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    values = np.asarray(f(corners), dtype=float)
    for (c1, c2), v in zip(corners, values):
        ax.plot(c1, c2, "o", ms=30, mfc="white", mec="black")
        ax.text(c1, c2, f"{v:.3g}", ha="center", va="center", fontsize=FONT - 2, weight="bold")
    ax.set_xlabel("input x1", fontsize=FONT)
    ax.set_ylabel("input x2", fontsize=FONT)
    if title:
        ax.set_title(title, fontsize=FONT)
    return ax


def pixels(ax, image, *, title=None, signed=False, numbers=True):
    """Draw a small image (e.g. 3×3 or 4×3) with each pixel's value written on it.

    signed=False: a 0/1 image, 1 = ink drawn dark (as in the explorers and ``load_letters``).
    signed=True:  a weight image; blue negative, white 0, red positive.
    """
    image = as_array(image, "image", ndim=2)
    m = max(1e-12, float(np.abs(image).max()))
    if signed:
        ax.imshow(image, cmap="bwr", vmin=-m, vmax=m)
    else:
        ax.imshow(image, cmap="Greys", vmin=0, vmax=1.25)         # 1 → dark grey, 0 → white
    if numbers:
        for (r, c), v in np.ndenumerate(image):
            strong = abs(v) > 0.6 * m if signed else v > 0.5     # dark background → white text
            ax.text(c, r, f"{v:g}", ha="center", va="center", fontsize=FONT - 1,
                    color="white" if strong else "black")
    for k in range(image.shape[1] + 1):                         # pixel borders
        ax.axvline(k - 0.5, color="tab:gray", lw=1)
    for k in range(image.shape[0] + 1):
        ax.axhline(k - 0.5, color="tab:gray", lw=1)
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title, fontsize=FONT - 1)
    return ax


def activation_panels(names=("step", "sigmoid", "tanh", "relu"), *, derivative=False, z=(-4.0, 4.0)):
    """One panel per activation function: a = f(z) in blue, and f'(z) dashed in orange if ``derivative``."""
    zs = np.linspace(z[0], z[1], 401)
    fig, axes = plt.subplots(1, len(names), figsize=(3.1 * len(names), 3.3), sharex=True)
    for ax, name in zip(np.atleast_1d(axes), names):
        f, f_grad = get_activation(name)
        ax.plot(zs, f(zs), lw=2.5, label="f(z)")
        if derivative:
            ax.plot(zs, f_grad(zs), "--", lw=2, color="tab:orange", label="f'(z)")
        ax.axhline(0, color="gray", lw=0.8)
        ax.axvline(0, color="gray", lw=0.8)
        ax.set_title(name, fontsize=FONT)
        ax.set_xlabel("z = w·x + b", fontsize=FONT - 1)
        ax.set_ylim(-1.2, 2.2)
        ax.grid(alpha=0.3)
    np.atleast_1d(axes)[0].set_ylabel("activation a", fontsize=FONT - 1)
    if derivative:
        np.atleast_1d(axes)[0].legend(fontsize=FONT - 2, loc="upper left")
    fig.tight_layout()
    return fig


def neuron_analogy():
    """A biological neuron (top) drawn above the artificial neuron that imitates it (bottom).

    (Labels are in English only: the default matplotlib font has no Japanese glyphs.)

    dendrites (inputs) ↔ inputs × weights;  cell body ↔ Σ + b and the activation f;  axon ↔ output a.
    """
    fig, ax = plt.subplots(figsize=(10, 6.6))
    ax.set_xlim(-0.5, 10.5)
    ax.set_ylim(-3.8, 3.4)
    ax.set_aspect("equal")
    ax.axis("off")
    # -- biological neuron (top half, y ≈ 1.8)
    y0, soma = 1.8, (3.6, 1.8)
    for angle, length in ((150, 1.9), (180, 2.2), (210, 1.9), (125, 1.5), (235, 1.5)):
        a = np.radians(angle)
        x1, y1 = soma[0] + length * np.cos(a), soma[1] + 0.55 * length * np.sin(a)
        ax.plot([soma[0], x1], [soma[1], y1], color="tab:brown", lw=3, solid_capstyle="round")
        for da in (-25, 25):                               # small branches at each tip
            b = a + np.radians(da)
            ax.plot([x1, x1 + 0.35 * np.cos(b)], [y1, y1 + 0.25 * np.sin(b)], color="tab:brown", lw=2)
        ax.plot(x1, y1, "o", color="tab:orange", ms=6)        # a synapse at the tip
    ax.add_patch(plt.Circle(soma, 0.55, fc="#f6c7a5", ec="tab:brown", lw=2.5, zorder=3))
    ax.add_patch(plt.Circle(soma, 0.18, fc="tab:brown", ec="none", zorder=4))          # nucleus
    ax.plot([soma[0] + 0.55, 8.2], [y0, y0], color="tab:brown", lw=4, zorder=2)       # axon
    for dy in (-0.45, 0.0, 0.45):                                                        # axon terminals
        ax.plot([8.2, 8.9], [y0, y0 + dy], color="tab:brown", lw=2.5)
        ax.plot(8.95, y0 + dy, "o", color="tab:orange", ms=7)
    ax.text(0.9, y0 + 0.9, "dendrites\nreceive signals", ha="center", fontsize=FONT - 1)
    ax.text(1.0, y0 - 1.35, "synapses\n(orange dots)", ha="center", fontsize=FONT - 2)
    ax.text(soma[0], y0 + 0.8, "cell body\nwith nucleus", ha="center", fontsize=FONT - 1)
    ax.text(6.1, y0 + 0.25, "axon", ha="center", fontsize=FONT - 1)
    ax.text(9.2, y0 + 0.75, "axon terminals:\nto the next neurons", ha="center", fontsize=FONT - 2)
    # -- artificial neuron (bottom half, y ≈ −1.8)
    y1 = -1.8
    for k, (yy, name) in enumerate(zip((y1 + 1.1, y1, y1 - 1.1), ("x1", "x2", "x3"))):
        ax.add_patch(plt.Circle((0.6, yy), 0.32, fc="#cfe2f3", ec="black", zorder=3))
        ax.text(0.6, yy, name, ha="center", va="center", fontsize=FONT - 1, zorder=4)
        ax.annotate("", xy=(3.0, y1 + 0.25 * (1 - k)), xytext=(0.95, yy),
                    arrowprops=dict(arrowstyle="->", lw=2, color="tab:gray"))
        ax.text(1.45, yy + 0.18 * (1 - k) + 0.12, f"× w{k + 1}", fontsize=FONT - 1, color="tab:blue")
    ax.add_patch(plt.Circle((3.6, y1), 0.6, fc="#d9ead3", ec="black", lw=2, zorder=3))
    ax.text(3.6, y1, "Σ + b", ha="center", va="center", fontsize=FONT, zorder=4)
    ax.annotate("", xy=(5.0, y1), xytext=(4.2, y1), arrowprops=dict(arrowstyle="->", lw=2))
    ax.text(4.6, y1 + 0.2, "z", ha="center", fontsize=FONT)
    ax.add_patch(plt.Rectangle((5.0, y1 - 0.45), 1.1, 0.9, fc="#fff2cc", ec="black", lw=2, zorder=3))
    ax.text(5.55, y1, "f", ha="center", va="center", fontsize=FONT + 2, style="italic", zorder=4)
    ax.annotate("", xy=(8.9, y1), xytext=(6.1, y1), arrowprops=dict(arrowstyle="->", lw=3))
    ax.text(7.5, y1 + 0.25, "activation a = f(z)", ha="center", fontsize=FONT - 1)
    ax.text(9.2, y1 - 0.75, "to the next\nneurons", ha="center", fontsize=FONT - 2)
    ax.text(1.9, y1 - 1.65, "inputs × weights", ha="center", fontsize=FONT - 1)
    ax.text(3.6, y1 - 1.2, "sum + bias", ha="center", fontsize=FONT - 1)
    ax.text(5.55, y1 - 0.85, "activation\nfunction", ha="center", va="top", fontsize=FONT - 1)
    for x in (2.3, 3.6, 7.2):                                    # dashed guides: what corresponds to what
        ax.plot([x, x], [-0.55, 0.35], ls=":", color="tab:gray", lw=1.5)
    ax.set_title("A biological neuron (top) and the artificial neuron that imitates it (bottom)", fontsize=FONT)
    fig.tight_layout()
    return fig
