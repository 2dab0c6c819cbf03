"""Drawings that explain an idea: networks, a neuron, history, a model with knobs, levels of features.

=================================  ==============================================================
name                               draws
=================================  ==============================================================
network_diagram(sizes)             a fully connected layered network, labels on units/connections.
                                   Axes.
composed_network(blocks)           a deep network drawn as shallow networks joined end to end.  Axes.
neuron_analogy()                   a biological neuron above the artificial neuron imitating it.  Axes.
timeline()                         1943 McCulloch–Pitts → 1957 perceptron → 1986 backprop →
                                   2012 AlexNet.  Axes.
prediction_machine()               ŷ = f(x; a, b): a box with knobs (the parameters).  Axes.
feature_levels()                   edges → parts (eye, nose, mouth) → a face.  Figure.
ai_ml_dl()                         deep learning ⊂ machine learning ⊂ AI, nested ellipses.  Axes.
=================================  ==============================================================

Conventions (see ``course_lib.figures``): ``ax=None`` → returns the Axes; ``fig=None`` → the Figure.
Every label is a message: ``course_lib.set_language("ja")`` draws them in Japanese (with a Japanese font).
"""
from __future__ import annotations

import matplotlib as mpl
import numpy as np

from .._validate import _describe, check_int
from ..i18n import N_, _, ngettext
from . import _translated
from ._common import check_title, new_axes, new_figure

# "# i18n: ignore" ends lines whose only text the i18n scan flags is a font size ("large", "small").
from .images import pixel_grid

__all__ = ["network_diagram", "composed_network", "neuron_analogy", "timeline", "prediction_machine",
           "feature_levels"]


# ------------------------------------------------------------------------------------ network diagrams
def _layout(sizes, max_shown):
    """Where each unit sits: per layer a list of (x, y) slots (top first), the "⋮" slot or None, dx, span."""
    shown = [min(s, max_shown) for s in sizes]
    top = max(shown)
    dy = 1.8 if top <= 3 else (1.3 if top <= 6 else 1.0)   # small networks get more room for labels
    dx = max(3.0, 0.45 * top)                               # wide enough that the connections stay visible
    span = dy * (top - 1)
    pos, gaps = [], []
    for size, s in zip(sizes, shown):
        ys = np.linspace(0, span, s) if s > 1 else np.array([span / 2])
        pos.append([(dx * len(pos), y) for y in ys[::-1]])
        gaps.append(s // 2 if size > s else None)           # a cut layer shows "⋮" in its middle slot
    return pos, gaps, dx, span


def _per_layer(value, n_layers, name):
    """None, or a list with one entry (None or a list of texts) per layer."""
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or len(value) != n_layers:
        raise ValueError(_("{name} must be a list with one entry per layer ({n_layers}), each None or a list of"
                           " texts; got {got}.").format(name=name, n_layers=n_layers, got=_describe(value)))
    return value


def network_diagram(sizes, *, ax=None, layer_names=None, node_labels=None, node_notes=None, edge_labels=None,
                    label_at=0.3, max_shown=12):
    """Draw a fully connected layered network: one column of circles per layer, every pair connected.

    sizes:       units per layer (at least 2 layers), e.g. (12, 3, 2)
    layer_names: a caption under each column, e.g. ("input", "hidden", "output")
    node_labels: per layer a list of texts inside the circles (or None), one per drawn circle
    node_notes:  per layer a list of texts written above the circles, e.g. biases "b = −1" (or None)
    edge_labels: dict {(layer, i, j): text} written on the connection from unit i of ``layer``
                 to unit j of ``layer + 1`` (e.g. its weight)
    label_at:    where on a connection its label sits (0 = at the source, 1 = at the target)
    max_shown:   a layer with more units (784 pixels, say) is drawn as this many slots, the middle one a "⋮"
    Returns the Axes.
    """
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__") or len(sizes) < 2:
        raise TypeError(_("sizes must be a list of at least 2 layer sizes such as (12, 3, 2); got {got}.").format(
            got=_describe(sizes)))
    sizes = [check_int(s, f"sizes[{k}]", min_value=1) for k, s in enumerate(sizes)]
    max_shown = check_int(max_shown, "max_shown", min_value=2)
    n = len(sizes)
    if layer_names is not None and (isinstance(layer_names, str) or len(layer_names) != n):
        raise ValueError(_("layer_names must have one caption per layer ({n}); got {got}.").format(
            n=n, got=_describe(layer_names)))
    node_labels = _per_layer(node_labels, n, "node_labels")
    node_notes = _per_layer(node_notes, n, "node_notes")
    if isinstance(label_at, bool) or not isinstance(label_at, (int, float)) or not 0 <= label_at <= 1:
        raise ValueError(_("label_at must be a number in [0, 1] (0 = at the source, 1 = at the target);"
                           " got {got}.").format(got=_describe(label_at)))
    pos, gaps, dx, span = _layout(sizes, max_shown)
    for name, texts in (("node_labels", node_labels), ("node_notes", node_notes)):
        for k, layer in enumerate(texts or []):
            if layer is not None and len(layer) != len(pos[k]):
                raise ValueError(_("{name}[{k}] must have one text per drawn unit of layer {k} ({n_units});"
                                   " got {n_texts}.").format(name=name, k=k, n_units=len(pos[k]), n_texts=len(layer)))
    if edge_labels is not None and not isinstance(edge_labels, dict):
        raise TypeError(_("edge_labels must be a dict {{(layer, i, j): text}} or None; got {got}.").format(
            got=_describe(edge_labels)))
    for key in edge_labels or {}:
        ok = isinstance(key, tuple) and len(key) == 3 and 0 <= key[0] < n - 1
        if not (ok and 0 <= key[1] < len(pos[key[0]]) and 0 <= key[2] < len(pos[key[0] + 1])):
            raise ValueError(_("edge_labels keys must be (layer, i, j): unit i of layer (0 … {last}) to unit j of"
                               " the next layer; got {key!r}.").format(last=n - 2, key=key))
    top = max(len(p) for p in pos)
    if ax is None:
        width, height = dx * (n - 1) + 2.0, span + 3.0
        per_unit = 0.9 if top <= 6 else 0.55                 # inches per unit of drawing
        ax = new_axes(None, (max(6.0, per_unit * width), max(3.2, per_unit * height)))
    else:
        ax = new_axes(ax, None)
    for k in range(n - 1):
        for i, (xa, ya) in enumerate(pos[k]):
            for j, (xb, yb) in enumerate(pos[k + 1]):
                if i != gaps[k] and j != gaps[k + 1]:
                    ax.plot([xa, xb], [ya, yb], color="tab:gray", lw=1.0, alpha=0.7, zorder=1)
    for (k, i, j), text in (edge_labels or {}).items():
        (xa, ya), (xb, yb) = pos[k][i], pos[k + 1][j]
        ax.text(xa + label_at * (xb - xa), ya + label_at * (yb - ya), str(text), ha="center", va="center",
                bbox=dict(boxstyle="round,pad=0.15", fc="lightyellow", ec="none"), zorder=4,
                fontsize="large")  # i18n: ignore
    from matplotlib.patches import Circle

    r = 0.4 if top > 6 else 0.32
    colors = ["#cfe2f3"] + ["#d9ead3"] * (n - 2) + ["#f4cccc"]
    for k, layer in enumerate(pos):
        labels = node_labels[k] if node_labels and node_labels[k] else [""] * len(layer)
        notes = node_notes[k] if node_notes and node_notes[k] else [""] * len(layer)
        for i, ((x, y), text, note) in enumerate(zip(layer, labels, notes)):
            if i == gaps[k]:
                ax.text(x, y, "⋮", ha="center", va="center", fontsize="x-large", zorder=3)  # i18n: ignore
                continue
            ax.add_patch(Circle((x, y), r, fc=colors[k], ec="black", zorder=2))
            ax.text(x, y, str(text), ha="center", va="center", fontsize="medium", zorder=3)  # i18n: ignore
            if note:
                ax.text(x, y + r + 0.08, str(note), ha="center", va="bottom", color="tab:purple", zorder=3,
                        fontsize="medium")  # i18n: ignore
        if layer_names:
            ax.text(layer[0][0], -0.9, str(layer_names[k]), ha="center", va="top", fontsize="large")  # i18n: ignore
    ax.set_xlim(-1.0, dx * (n - 1) + 1.0)
    ax.set_ylim(-1.7, span + 0.8 + (0.6 if node_notes else 0.0))
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def composed_network(blocks=(3, 2, 3), *, ax=None, width=4, n_inputs=4, n_outputs=3):
    """A deep network drawn as shallow networks joined end to end (lecture 000: "3 + 2 + 3 = 8 layers").

    blocks: layers in each small network.  Every block gets its own colour band; the outputs of one
    block are the inputs of the next.  The whole network has sum(blocks) layers.  Returns the Axes.
    """
    if isinstance(blocks, (str, bytes)) or not hasattr(blocks, "__len__") or len(blocks) == 0:
        raise TypeError(_("blocks must be a list of layer counts such as (3, 2, 3); got {got}.").format(
            got=_describe(blocks)))
    blocks = [check_int(b, f"blocks[{i}]", min_value=1) for i, b in enumerate(blocks)]
    width = check_int(width, "width", min_value=1, max_value=12)
    n_inputs = check_int(n_inputs, "n_inputs", min_value=1)
    n_outputs = check_int(n_outputs, "n_outputs", min_value=1)
    n_layers = sum(blocks)
    sizes = [n_inputs] + [width] * (n_layers - 1) + [n_outputs]
    max_shown = max(width, 2)
    ax = network_diagram(sizes, ax=new_axes(ax, (12, 3.5)), max_shown=max_shown,
                         layer_names=[_("input")] + [str(i) for i in range(1, n_layers + 1)])
    pos, _gaps, gap, _span = _layout(sizes, max_shown)
    xs = [layer[0][0] for layer in pos]                      # the x of each layer's column, input first
    colours = mpl.rcParams["axes.prop_cycle"].by_key()["color"]
    start = 0
    for i, b in enumerate(blocks):   # block i holds layers start+1 … start+b
        ax.axvspan(xs[start] + 0.55 * gap, xs[start] + (b + 0.45) * gap, ymin=0.05, ymax=0.9,
                   color=colours[i % len(colours)], alpha=0.15, zorder=0)
        caption = ngettext("network {i}: {b} layer", "network {i}: {b} layers", b).format(i=i + 1, b=b)
        ax.text(xs[start] + (b + 1) / 2 * gap, -1.65, caption, ha="center", fontsize="small")  # i18n: ignore
        start += b
    return ax


# ------------------------------------------------------------------------------ chapter 1's drawings
_EVENTS = [
    (1943, N_("McCulloch & Pitts:\nartificial neuron\n(logic from neurons)"), 1.0),
    (1957, N_("Rosenblatt:\nperceptron\n(weights are learned)"), -1.0),
    (1986, N_("Rumelhart, Hinton,\nWilliams: backprop\nfor multilayer nets"), 1.0),
    (2012, N_("AlexNet wins\nImageNet: deep\nlearning takes off"), -1.0),
]


def timeline(*, ax=None):
    """The four milestones of chapter 1 on a time axis (years).  Returns the Axes."""
    ax = new_axes(ax, (10, 3.4))
    ax.axhline(0, color="black", lw=1.5)
    for year, text, side in _EVENTS:
        ax.plot([year, year], [0, 0.45 * side], color="tab:blue", lw=1.5)
        ax.plot(year, 0, "o", color="tab:blue", ms=1.5 * mpl.rcParams["lines.markersize"])
        text = _translated(text)
        ax.text(year, 0.5 * side, f"{year}\n{text}" if side > 0 else f"{text}\n{year}",
                ha="center", va="bottom" if side > 0 else "top", fontsize="medium")  # i18n: ignore
    ax.set_xlim(1935, 2020)
    ax.set_ylim(-1.9, 1.9)
    ax.set_yticks([])
    ax.set_xlabel(_("year"))
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return ax


def neuron_analogy(*, ax=None):
    """A biological neuron (top) drawn above the artificial neuron that imitates it (bottom).

    dendrites (inputs) ↔ inputs × weights;  cell body ↔ Σ + b and the activation f;  axon ↔ output a.
    Returns the Axes.
    """
    from matplotlib.patches import Circle, Rectangle

    ax = new_axes(ax, (10, 6.6))
    ax.set_xlim(-0.5, 10.5)
    ax.set_ylim(-3.8, 3.4)
    ax.set_aspect("equal")
    ax.axis("off")
    dot = mpl.rcParams["lines.markersize"]
    # -- biological neuron (top half, y ≈ 1.8)
    y0, soma = 1.8, (3.6, 1.8)
    for angle, length in ((150, 1.9), (180, 2.2), (210, 1.9), (125, 1.5), (235, 1.5)):
        a = np.radians(angle)
        x1, y1 = soma[0] + length * np.cos(a), soma[1] + 0.55 * length * np.sin(a)
        ax.plot([soma[0], x1], [soma[1], y1], color="tab:brown", lw=3, solid_capstyle="round")
        for da in (-25, 25):                               # small branches at each tip
            b = a + np.radians(da)
            ax.plot([x1, x1 + 0.35 * np.cos(b)], [y1, y1 + 0.25 * np.sin(b)], color="tab:brown", lw=2)
        ax.plot(x1, y1, "o", color="tab:orange", ms=dot)     # a synapse at the tip
    ax.add_patch(Circle(soma, 0.55, fc="#f6c7a5", ec="tab:brown", lw=2.5, zorder=3))
    ax.add_patch(Circle(soma, 0.18, fc="tab:brown", ec="none", zorder=4))              # nucleus
    ax.plot([soma[0] + 0.55, 8.2], [y0, y0], color="tab:brown", lw=4, zorder=2)       # axon
    for dy in (-0.45, 0.0, 0.45):                                                        # axon terminals
        ax.plot([8.2, 8.9], [y0, y0 + dy], color="tab:brown", lw=2.5)
        ax.plot(8.95, y0 + dy, "o", color="tab:orange", ms=1.2 * dot)
    ax.text(0.9, y0 + 0.9, _("dendrites\nreceive signals"), ha="center", fontsize="large")  # i18n: ignore
    ax.text(1.0, y0 - 1.35, _("synapses\n(orange dots)"), ha="center", fontsize="medium")  # i18n: ignore
    ax.text(soma[0], y0 + 0.8, _("cell body\nwith nucleus"), ha="center", fontsize="large")  # i18n: ignore
    ax.text(6.1, y0 + 0.25, _("axon"), ha="center", fontsize="large")  # i18n: ignore
    ax.text(9.2, y0 + 0.75, _("axon terminals:\nto the next neurons"), ha="center",
            fontsize="medium")  # i18n: ignore
    # -- artificial neuron (bottom half, y ≈ −1.8)
    y1 = -1.8
    for k, (yy, name) in enumerate(zip((y1 + 1.1, y1, y1 - 1.1), ("x1", "x2", "x3"))):
        ax.add_patch(Circle((0.6, yy), 0.32, fc="#cfe2f3", ec="black", zorder=3))
        ax.text(0.6, yy, name, ha="center", va="center", fontsize="large", zorder=4)  # i18n: ignore
        ax.annotate("", xy=(3.0, y1 + 0.25 * (1 - k)), xytext=(0.95, yy),
                    arrowprops=dict(arrowstyle="->", lw=2, color="tab:gray"))
        ax.text(1.45, yy + 0.18 * (1 - k) + 0.12, f"× w{k + 1}", fontsize="large", color="tab:blue")  # i18n: ignore
    ax.add_patch(Circle((3.6, y1), 0.6, fc="#d9ead3", ec="black", lw=2, zorder=3))
    ax.text(3.6, y1, "Σ + b", ha="center", va="center", fontsize="large", zorder=4)  # i18n: ignore
    ax.annotate("", xy=(5.0, y1), xytext=(4.2, y1), arrowprops=dict(arrowstyle="->", lw=2))
    ax.text(4.6, y1 + 0.2, "z", ha="center", fontsize="large")  # i18n: ignore
    ax.add_patch(Rectangle((5.0, y1 - 0.45), 1.1, 0.9, fc="#fff2cc", ec="black", lw=2, zorder=3))
    ax.text(5.55, y1, "f", ha="center", va="center", fontsize="x-large", style="italic", zorder=4)  # i18n: ignore
    ax.annotate("", xy=(8.9, y1), xytext=(6.1, y1), arrowprops=dict(arrowstyle="->", lw=3))
    ax.text(7.5, y1 + 0.25, _("activation a = f(z)"), ha="center", fontsize="large")  # i18n: ignore
    ax.text(9.2, y1 - 0.75, _("to the next\nneurons"), ha="center", fontsize="medium")  # i18n: ignore
    ax.text(1.9, y1 - 1.65, _("inputs × weights"), ha="center", fontsize="large")  # i18n: ignore
    ax.text(3.6, y1 - 1.2, _("sum + bias"), ha="center", fontsize="large")  # i18n: ignore
    ax.text(5.55, y1 - 0.85, _("activation\nfunction"), ha="center", va="top", fontsize="large")  # i18n: ignore
    for x in (2.3, 3.6, 7.2):                                    # dashed guides: what corresponds to what
        ax.plot([x, x], [-0.55, 0.35], ls=":", color="tab:gray", lw=1.5)
    ax.set_title(_("A biological neuron (top) and the artificial neuron that imitates it (bottom)"))
    return ax


# ------------------------------------------------------------------------------ chapter 5's machine
def prediction_machine(*, ax=None, knobs=("a", "b"), formula="ŷ = a·x + b"):
    """A box (the model) with knobs (the parameters): input x goes in, prediction ŷ comes out.  Returns the Axes."""
    from matplotlib.patches import Circle, FancyBboxPatch

    if isinstance(knobs, str) or not isinstance(knobs, (list, tuple)) or not 1 <= len(knobs) <= 5:
        raise TypeError(_("knobs must be a list of 1 to 5 parameter names such as ('a', 'b'); got {got}.").format(
            got=_describe(knobs)))
    formula = check_title(formula, "formula")
    ax = new_axes(ax, (6, 2.6))
    ax.add_patch(FancyBboxPatch((3, 0.6), 4, 1.8, boxstyle="round,pad=0.1", fc="#e8f0fa", ec="tab:blue", lw=2))
    ax.text(5, 1.25, _("model\n{formula}").format(formula=formula), ha="center", va="center",
            fontsize="large")  # i18n: ignore
    for j, name in enumerate(knobs):
        cx = 5 + (j - (len(knobs) - 1) / 2) * 1.4
        ax.add_patch(Circle((cx, 2.85), 0.3, fc="white", ec="tab:orange", lw=2))
        ax.plot([cx, cx + 0.2], [2.85, 3.07], color="tab:orange", lw=2)
        ax.text(cx + 0.45, 2.85, str(name), va="center", fontsize="large", color="tab:orange")  # i18n: ignore
    ax.text(5, 3.45, _("parameters = knobs, turned by the data"), ha="center", color="tab:orange",
            fontsize="small")  # i18n: ignore
    ax.annotate("", xy=(3, 1.5), xytext=(1.2, 1.5), arrowprops=dict(arrowstyle="-|>", lw=2))
    ax.text(0.9, 1.5, _("input x"), ha="right", va="center", fontsize="large")  # i18n: ignore
    ax.annotate("", xy=(8.8, 1.5), xytext=(7.1, 1.5), arrowprops=dict(arrowstyle="-|>", lw=2))
    ax.text(9.0, 1.5, _("prediction ŷ"), ha="left", va="center", fontsize="large")  # i18n: ignore
    ax.set_xlim(-1.5, 11.5)
    ax.set_ylim(0.2, 3.7)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


# ------------------------------------------------------------------------------ chapter 7's features
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


def feature_levels(*, fig=None):
    """Chapter 7's "levels of features": edges → parts (eye, nose, mouth) → a face.

    Every part is pasted together from the 3 × 3 edge pieces, and the face from the parts — the
    way deeper layers combine what earlier layers detect.  Returns the Figure.
    """
    h, v, up, down = _bar(0), _bar(90), _bar(45), _bar(-45)
    edges = {"—": h, "|": v, "/": up, "\\": down}
    parts = {
        N_("eye"): _paste((9, 9), [(h, 0, 3), (h, 6, 3), (v, 3, 0), (v, 3, 6),
                                   (up, 0, 0), (down, 0, 6), (down, 6, 0), (up, 6, 6)]),
        N_("nose"): _paste((9, 9), [(v, 0, 3), (v, 3, 3), (up, 5, 1), (h, 5, 3)]),
        N_("mouth"): _paste((9, 9), [(down, 2, 0), (h, 4, 3), (up, 2, 6)]),
    }
    face = _paste((28, 27), [(parts["eye"], 2, 2), (parts["eye"], 2, 16), (parts["nose"], 10, 9),
                             (parts["mouth"], 18, 9)])
    fig = new_figure(fig, (9, 3.4))
    grid = fig.add_gridspec(3, 6, width_ratios=[1, 1, 1.2, 1.2, 1.2, 3.4], height_ratios=[1, 1, 0.25])
    panels = [(grid[i // 2, i % 2], img, None) for i, img in enumerate(edges.values())]
    panels += [(grid[:2, 2 + i], img, name) for i, (name, img) in enumerate(parts.items())]
    panels += [(grid[:2, 5], face, N_("face"))]
    for cell, img, name in panels:
        pixel_grid(img, ax=fig.add_subplot(cell), kind="ink", numbers=False, borders=False, title=_translated(name))
    for cell, text in ((grid[2, :2], _("low level: lines & edges")), (grid[2, 2:5], _("mid level: eyes, nose, mouth")),
                       (grid[2, 5], _("high level: a face"))):
        ax = fig.add_subplot(cell)
        ax.axis("off")
        ax.text(0.5, 0.5, text, ha="center", va="center", fontsize="medium", transform=ax.transAxes)  # i18n: ignore
    return fig


# ------------------------------------------------------------------------------ chapter 7's nested fields
#: (name, what it is) from the outside in: the lectures' AI ⊃ machine learning ⊃ deep learning picture.
AI_ML_DL = (
    (N_("artificial intelligence (AI)"), N_("intelligent IT systems")),
    (N_("machine learning"), N_("learns from data, improves with experience")),
    (N_("deep learning"), N_("many-layered neural networks")),
)


def ai_ml_dl(*, ax=None):
    """Deep learning inside machine learning inside AI: three nested ellipses, each with its name and what
    it is (the lectures 「ニューラルネットワークとディープラーニング入門」 and
    「深層学習はどのように賢くなるのか」).

    Every inner ellipse lies wholly inside the outer one.  Returns the Axes.
    """
    from matplotlib.patches import Ellipse

    ax = new_axes(ax, (7, 4.2))
    colors = ("#e8f0fa", "#cfe0f5", "#9ec3ea")
    # (centre x, centre y, width, height): each one shifted down so its label fits above the next
    shapes = ((5.0, 3.0, 10.0, 6.0), (5.0, 2.45, 7.4, 4.4), (5.0, 1.9, 4.6, 2.4))
    for (name, what), (cx, cy, w, h), color in zip(AI_ML_DL, shapes, colors):
        ax.add_patch(Ellipse((cx, cy), w, h, fc=color, ec="tab:blue", lw=1.5))
        top = cy + h / 2
        y_name = cy + 0.15 if name == AI_ML_DL[-1][0] else top - 0.45
        ax.text(cx, y_name, _translated(name), ha="center", va="center", fontweight="bold",
                fontsize="large")  # i18n: ignore
        ax.text(cx, y_name - 0.4, _translated(what), ha="center", va="center", fontsize="small")  # i18n: ignore
    ax.set_xlim(-0.2, 10.2)
    ax.set_ylim(-0.1, 6.1)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax
