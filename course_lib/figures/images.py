"""Pictures made of pixels: one painter for every pixel grid, rows/grids of pictures, the confusion
matrix, and the colour demo of chapter 6.

=================================  ==============================================================
name                               draws / returns
=================================  ==============================================================
pixel_grid(image, kind=...)        one picture (h, w) as squares, each pixel's value written on it;
                                   kind "ink" (0 white, 1 black), "grey" (dark = low), "signed"
                                   (weights: blue −, white 0, red +).  Returns the Axes.
image_grid(images, titles)         n pictures in rows of ``ncols`` (letters, digits).  Figure.
weight_images(W)                   first-layer weights, one picture per hidden neuron.  Figure.
confusion_grid(C)                  a confusion matrix, counts written in the cells.  Axes.
digit_image(image, box_rows=...)   one grey-level picture (MNIST) with a colour bar of its pixel
                                   values, the top rows optionally boxed.  Axes.
flattened(x)                       a picture as one long row of numbers (784 inputs).  Axes.
predictions_grid(images, P, ...)   chosen pictures with their label and the network's answer,
                                   optionally with the class probabilities as bars.  Figure.
colour_channels(image)             a colour photo, its R, G, B parts, its luminance and its colour.
                                   Figure.
text_colour(cmap, v, vmin, vmax)   "black" or "white": readable text on a square of value v
GREY_8X8, BW_4X4                   the lecture's tiny example images (lecture 003 §6.1, §6.2)
BW_2X2                             lecture 003 §6.2's four 2 × 2 black-and-white images (4, 2, 2)
sample_colour_image(size)          a small colour photo (matplotlib's sample "grace_hopper.jpg")
luminance_colour(image)            the 3 numbers per pixel as (Y, Cb, Cr) instead of (R, G, B)
colour_only(image)                 the colour without the brightness (what Cb, Cr hold)
=================================  ==============================================================

Conventions (see ``course_lib.figures``): ``ax=None`` → returns the Axes; ``fig=None`` → the Figure.
"""
from __future__ import annotations

import matplotlib as mpl
import numpy as np

from .._validate import _describe, as_array, check_bool, check_choice, check_int, check_number
from ..i18n import _
from ._common import check_fontsize, check_title, luma, new_axes, new_figure, text_colour

__all__ = [
    "KINDS", "pixel_grid", "image_grid", "weight_images", "confusion_grid",
    "text_colour", "GREY_8X8", "BW_4X4", "BW_2X2", "sample_colour_image", "luminance_colour", "colour_only",
    "digit_image", "flattened", "predictions_grid", "colour_channels",
]

# kind -> (colour map, what the colours mean).  vmin/vmax: "ink" 0…1; "grey" the image's own range;
# "signed" symmetric around 0, ±max|value|.
KINDS = {
    "ink": "Greys",      # a 0/1 picture: 1 = ink, drawn black on white paper (the letters, the 3×3 pattern)
    "grey": "gray",      # grey levels: low values dark, high values bright (GREY_8X8, MNIST: 0 black … 255 white)
    "signed": "bwr",     # weights: blue negative, white 0, red positive
}


def _limits(image, kind, vmin, vmax):
    """The colour range (vmin, vmax) of ``kind`` for ``image`` unless given."""
    if kind == "ink":
        lo, hi = 0.0, 1.0
    elif kind == "grey":
        lo, hi = float(image.min()), float(image.max())
    else:
        m = float(np.abs(image).max())
        lo, hi = -m, m
    lo = lo if vmin is None else check_number(vmin, "vmin")
    hi = hi if vmax is None else check_number(vmax, "vmax")
    if hi < lo:
        raise ValueError(_("vmax must be >= vmin; got vmin = {vmin:g} and vmax = {vmax:g}.").format(vmin=lo, vmax=hi))
    if hi == lo:                          # a flat picture: any range shows it; keep the colour of its value
        lo, hi = (lo - 1.0, hi + 1.0) if kind != "ink" else (0.0, 1.0)
    return lo, hi


def _paint(ax, colours, texts, *, cmap, vmin, vmax, fontsize, borders):
    """Squares coloured by ``colours`` (h, w); ``texts`` (h, w) of strings written on them, or None."""
    ax.imshow(colours, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
    h, w = colours.shape
    ax.set_xticks([])
    ax.set_yticks([])
    if borders:                           # pixel borders: a grid on minor ticks between the pixels
        ax.set_xticks(np.arange(-0.5, w, 1), minor=True)
        ax.set_yticks(np.arange(-0.5, h, 1), minor=True)
        ax.grid(which="minor", color="0.6", linewidth=0.8)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    if texts is not None:
        cm = mpl.colormaps[cmap] if isinstance(cmap, str) else cmap
        for (r, c), text in np.ndenumerate(texts):
            ax.text(c, r, text, ha="center", va="center", fontsize=fontsize,
                    color=text_colour(cm, colours[r, c], vmin, vmax))


def _check_cmap(cmap):
    if cmap is None:
        return None
    if isinstance(cmap, str):
        if cmap not in mpl.colormaps:
            raise ValueError(_("cmap must be a matplotlib colour map name such as 'gray', 'Greys' or 'bwr';"
                               " got {value!r}.").format(value=cmap))
        return cmap
    if isinstance(cmap, mpl.colors.Colormap):
        return cmap
    raise TypeError(_("cmap must be a colour map name such as 'gray' or None; got {value}.").format(
        value=_describe(cmap)))


def pixel_grid(image, *, ax=None, kind="ink", cmap=None, vmin=None, vmax=None, numbers=True, fontsize="medium",
               title=None, borders=True):
    """Draw a small picture (h, w) as squares with each pixel's value written on it; returns the Axes.

    kind:     "ink"    a 0/1 picture, 1 = ink drawn black on white (vmin 0, vmax 1)
              "grey"   grey levels, low values dark and high values bright (range: the image's min … max)
              "signed" a weight picture: blue negative, white 0, red positive (range ±max|value|)
    cmap, vmin, vmax: override the kind's colour map and range (e.g. vmin=0, vmax=255 for MNIST).
    numbers:  write each value on its square (black on light squares, white on dark ones).
    fontsize: of the numbers, a size word ("small", "medium", …) so it grows in projector mode.
    borders:  draw thin lines between the pixels.
    """
    image = as_array(image, "image", ndim=2)
    if image.size == 0:
        raise ValueError(_("image must have at least one pixel; got shape {shape}.").format(shape=image.shape))
    check_choice(kind, "kind", KINDS)
    cmap = _check_cmap(cmap) or KINDS[kind]
    lo, hi = _limits(image, kind, vmin, vmax)
    numbers = check_bool(numbers, "numbers")
    borders = check_bool(borders, "borders")
    fontsize = check_fontsize(fontsize)
    title = check_title(title)
    ax = new_axes(ax, (0.6 * image.shape[1] + 0.5, 0.6 * image.shape[0] + 0.6))
    texts = np.vectorize(lambda v: f"{v:g}", otypes=[object])(image) if numbers else None
    _paint(ax, image, texts, cmap=cmap, vmin=lo, vmax=hi, fontsize=fontsize, borders=borders)
    if title:
        ax.set_title(title)
    return ax


def _pictures(images, name):
    """(n, h, w) pictures from (n, h, w) or (n, side²) flattened square pictures."""
    images = as_array(images, name, ndim=(2, 3))
    if images.shape[0] == 0:
        raise ValueError(_("{name} must hold at least one picture; got shape {shape}.").format(
            name=name, shape=images.shape))
    if images.ndim == 2:
        side = int(round(np.sqrt(images.shape[1])))
        if side * side != images.shape[1] or side == 0:
            raise ValueError(_("{name} of shape {shape} are not square pictures flattened to (n, side²);"
                               " pass them as (n, height, width).").format(name=name, shape=images.shape))
        images = images.reshape(-1, side, side)
    return images


def image_grid(images, titles=None, *, ncols=None, kind="ink", cmap=None, vmin=None, vmax=None, numbers=False,
               borders=None, panel_size=1.0, title=None, fig=None):
    """Draw n pictures in rows of ``ncols`` panels, each with its title; returns the Figure.

    images: (n, h, w), or (n, side²) flattened square pictures (e.g. MNIST rows of 784).
    titles: None or n titles (labels such as digits are turned into text).
    ncols:  panels per row (default: all in one row, at most 10).
    kind, cmap, vmin, vmax, numbers: as in :func:`pixel_grid`.  "ink" and "grey" pictures share one colour
            range (the range of all pictures); "signed" pictures are each scaled to their own ±max|value|.
    borders: lines between the pixels (default: only for small pictures, at most 12×12).
    panel_size: width of one panel in inches (at the default figure size).
    title:  one title above all panels.
    """
    images = _pictures(images, "images")
    n, h, w = images.shape
    if titles is not None:
        if isinstance(titles, str) or not hasattr(titles, "__len__"):
            raise TypeError(_("titles must be a list with one title per picture ({n}) or None; got {value}.").format(
                n=n, value=_describe(titles)))
        if len(titles) != n:
            raise ValueError(_("titles must have one entry per picture ({n}); got {got}.").format(n=n, got=len(titles)))
    ncols = min(n, 10) if ncols is None else check_int(ncols, "ncols", min_value=1)
    check_choice(kind, "kind", KINDS)
    if kind != "signed":                 # one colour range for all pictures, so equal values look equal
        vmin, vmax = _limits(images, kind, vmin, vmax)
    borders = h * w <= 144 if borders is None else check_bool(borders, "borders")
    panel_size = check_number(panel_size, "panel_size", min_value=0.2, max_value=10)
    title = check_title(title)
    ncols = min(ncols, n)
    nrows = -(-n // ncols)
    height = panel_size * h / w + (0.35 if titles is not None else 0.05)
    fig = new_figure(fig, (panel_size * ncols, height * nrows + (0.4 if title else 0.0)))
    axes = fig.subplots(nrows, ncols, squeeze=False)
    for i, ax in enumerate(axes.flat):
        if i >= n:
            ax.axis("off")
            continue
        pixel_grid(images[i], ax=ax, kind=kind, cmap=cmap, vmin=vmin, vmax=vmax, numbers=numbers,
                   fontsize="x-small", borders=borders, title=None if titles is None else str(titles[i]))
    if title:
        fig.suptitle(title)
    return fig


def weight_images(W, *, n=16, ncols=8, shape=(28, 28), fig=None):
    """The first ``n`` columns of W (784, hidden) as 28×28 pictures: red = positive weight, blue = negative.

    Column j holds the weights from every pixel into hidden neuron j: the neuron fires when the ink of a
    digit falls on its red pixels and avoids its blue ones.  Each picture is scaled to its own largest
    |weight|.  Returns the Figure.
    """
    W = as_array(W, "W", ndim=2)
    n = check_int(n, "n", min_value=1, max_value=W.shape[1])
    try:
        shape = tuple(check_int(s, "shape[i]", min_value=1) for s in shape)
    except TypeError:
        raise TypeError(_("shape must be a pair (height, width) of integers; got {value}.").format(
            value=_describe(shape))) from None
    if len(shape) != 2 or shape[0] * shape[1] != W.shape[0]:
        raise ValueError(_("shape must be (height, width) with height × width = {n} (the rows of W);"
                           " got {shape}.").format(n=W.shape[0], shape=shape))
    pictures = W[:, :n].T.reshape(n, *shape)
    titles = [_("neuron {j}").format(j=j) for j in range(n)]
    return image_grid(pictures, titles, ncols=ncols, kind="signed", panel_size=1.5,
                      fig=fig)


def confusion_grid(C, *, ax=None, class_names=None):
    """Draw a confusion matrix C (K, K) (``course_lib.metrics.confusion_matrix``) with its counts in the cells.

    Rows: the true class; columns: the predicted class.  The colour grows with log(1 + count), so that
    the few mistakes stay visible next to the many correct answers on the diagonal.  Returns the Axes.
    """
    C = as_array(C, "C", ndim=2)
    if C.shape[0] != C.shape[1] or C.shape[0] == 0:
        raise ValueError(_("C must be a square matrix (K, K), one row and column per class; got shape {shape}.").format(
            shape=C.shape))
    if (C < 0).any() or (C != np.round(C)).any():
        raise ValueError(_("C must hold counts (whole numbers >= 0); got values such as {value:g}.").format(
            value=C[(C < 0) | (C != np.round(C))][0]))
    k = C.shape[0]
    names = [str(i) for i in range(k)] if class_names is None else [str(c) for c in class_names]
    if len(names) != k:
        raise ValueError(_("class_names must have one name per class ({k}); got {got}.").format(k=k, got=len(names)))
    ax = new_axes(ax, (5.5, 5))
    counts = C.astype(np.int64)
    colours = np.log1p(counts)
    texts = np.vectorize(str, otypes=[object])(counts)
    _paint(ax, colours, texts, cmap="Blues", vmin=0.0, vmax=max(float(colours.max()), 1e-12), fontsize="small",
           borders=False)
    ax.set_xticks(range(k), names)
    ax.set_yticks(range(k), names)
    ax.tick_params(labelbottom=True, labelleft=True)
    ax.set_xlabel(_("predicted class"))
    ax.set_ylabel(_("true class"))
    return ax


# ------------------------------------------------------------------ MNIST pictures and the network's answers
def digit_image(image, *, box_rows=None, title=None, ax=None):
    """One grey-level picture (h, w) such as an MNIST digit (0 black … 255 white), with a colour bar
    "pixel value"; ``box_rows`` = r draws an orange box around its top r rows.  Returns the Axes.
    """
    image = as_array(image, "image", ndim=2)
    if image.size == 0:
        raise ValueError(_("image must have at least one pixel; got shape {shape}.").format(shape=image.shape))
    h, w = image.shape
    if box_rows is not None:
        box_rows = check_int(box_rows, "box_rows", min_value=1, max_value=h)
    title = check_title(title)
    ax = new_axes(ax, (4, 3.5))
    shown = ax.imshow(image, cmap="gray")
    if box_rows is not None:
        from matplotlib.patches import Rectangle

        ax.add_patch(Rectangle((-0.5, -0.5), w, box_rows, fill=False, edgecolor="tab:orange", linewidth=2))
    if title:
        ax.set_title(title)
    ax.figure.colorbar(shown, ax=ax, label=_("pixel value"))
    return ax


def flattened(image, *, ax=None, xlabel=None):
    """One long row of numbers drawn as a grey strip: a flattened picture x (n,), or a picture (h, w)
    flattened here row by row into h·w numbers.

    xlabel: the axis label (default "input number 0 … n − 1").  Returns the Axes.
    """
    image = as_array(image, "image", ndim=(1, 2))
    if image.size == 0:
        raise ValueError(_("image must have at least one pixel; got shape {shape}.").format(shape=image.shape))
    xlabel = check_title(xlabel, "xlabel")
    ax = new_axes(ax, (12, 1.2))
    ax.imshow(image.reshape(1, image.size), aspect="auto", cmap="gray", interpolation="nearest")
    ax.set_yticks([])
    ax.set_xlabel(xlabel if xlabel is not None else _("input number 0 … {last}").format(last=image.size - 1))
    return ax


def predictions_grid(images, P, labels, indices, *, show_bars=True, fig=None):
    """The pictures ``images[i]`` for each i in ``indices``, titled with the image number, its label and
    the network's answer with its probability; with ``show_bars`` each picture has its class probabilities
    below it (:func:`course_lib.figures.bars.probability_bars`).

    images:  (n, h, w) grey-level pictures (MNIST: 0 black … 255 white), or (n, side²) flattened.
    P:       (n, k) the network's class probabilities, one row per picture.
    labels:  (n,) the correct classes.
    indices: the pictures to show (at most 20).
    Returns the Figure.
    """
    from .bars import probability_bars

    images = np.asarray(images)
    P = as_array(P, "P", ndim=2)
    n = P.shape[0]
    if images.ndim not in (2, 3) or images.shape[0] != n:
        raise ValueError(_("images must be (n, h, w) or (n, side²) with one picture per row of P ({n});"
                           " got {value}.").format(n=n, value=_describe(images)))
    labels = np.asarray(labels)
    if labels.shape != (n,) or labels.dtype.kind not in "iu":
        raise ValueError(_("labels must be ({n},) integer classes, one per row of P; got {value}.").format(
            n=n, value=_describe(labels)))
    if isinstance(indices, (str, bytes)) or not hasattr(indices, "__len__") or not 1 <= len(indices) <= 20:
        raise TypeError(_("indices must be a list of 1 to 20 picture numbers; got {value}.").format(
            value=_describe(indices)))
    indices = [check_int(i, f"indices[{j}]", min_value=0, max_value=n - 1) for j, i in enumerate(indices)]
    show_bars = check_bool(show_bars, "show_bars")
    pictures = _pictures(images[indices], "images")
    m = len(indices)
    fig = new_figure(fig, (1.5 * m if not show_bars else 3 * m, 2.2 if not show_bars else 5))
    axes = fig.subplots(2 if show_bars else 1, m, squeeze=False)
    for j, (i, picture) in enumerate(zip(indices, pictures)):
        ax = axes[0, j]
        ax.imshow(picture, cmap="gray")
        said = int(P[i].argmax())
        ax.set_title(_("image {i}, label {label}\nsaid {said} ({p:.1%})").format(i=i, label=labels[i], said=said,
                                                                               p=P[i, said]),
                     fontsize="small")  # i18n: ignore
        ax.axis("off")
        if show_bars:
            probability_bars(P[i], label=int(labels[i]), ax=axes[1, j])
    return fig


def colour_channels(image, *, fig=None):
    """A colour photo and the numbers it stores, in six panels: the photo; its R, G and B parts; its
    luminance Y (the grey image); its colour alone (Cb, Cr at one brightness, :func:`colour_only`).

    image: (h, w, 3) R, G, B in [0, 1], e.g. :func:`sample_colour_image`.  Returns the Figure.
    """
    image = as_array(image, "image", shape=(None, None, 3))
    if image.size == 0 or image.min() < 0 or image.max() > 1:
        if image.size:
            message = _("image must hold R, G, B values in [0, 1]; got {value} with values from {low:.4g} to "
                        "{high:.4g}.").format(value=_describe(image), low=image.min(), high=image.max())
        else:
            message = _("image must hold R, G, B values in [0, 1]; got {value}.").format(value=_describe(image))
        raise ValueError(message)
    Y, _Cb, _Cr = luminance_colour(image)
    panels = [(image, _("colour image")), (image * [1, 0, 0], _("R (red)")), (image * [0, 1, 0], _("G (green)")),
              (image * [0, 0, 1], _("B (blue)")), (np.stack([Y, Y, Y], axis=-1), _("luminance")),
              (colour_only(image), _("colour (2 numbers)"))]
    fig = new_figure(fig, (12, 2.8))
    for ax, (picture, title) in zip(fig.subplots(1, len(panels)), panels):
        ax.imshow(np.clip(picture, 0, 1))
        ax.set_title(title, fontsize="medium")  # i18n: ignore
        ax.axis("off")
    return fig


# ------------------------------------------------------------------ the lecture's images and the colour demo
# An 8 × 8 image in lecture 003 §6.1's 4-level code: 0 = black, 1 = dark grey, 2 = light grey, 3 = white
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

# Lecture 003 §6.2: a black-and-white image, white = 0 and black = 1 (the opposite direction to GREY_8X8).
BW_4X4 = np.array([
    [0, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [1, 1, 1, 1],
])
BW_4X4.setflags(write=False)

# Lecture 003 §6.2 as the slide draws it: "image size 2 × 2", four separate images, each written as a list
# of 4 numbers — the rows of BW_4X4 above.  The lists are read row by row (top row first, like
# ``reshape``): BW_2X2[i].reshape(4) == BW_4X4[i].  Shape (4, 2, 2); white = 0, black = 1.
BW_2X2 = BW_4X4.reshape(4, 2, 2).copy()
BW_2X2.setflags(write=False)


def sample_colour_image(size=48):
    """A small colour photo: matplotlib's sample "grace_hopper.jpg" (public domain), shrunk by averaging.

    Returns float (h, w, 3) in [0, 1] with w = ``size`` (h keeps the 600 × 512 aspect ratio).
    """
    import matplotlib.pyplot as plt
    from matplotlib import cbook

    size = check_int(size, "size", min_value=4, max_value=512)
    img = plt.imread(cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)).astype(float) / 255.0
    k = 512 // size                                 # block size: average k × k pixels into one
    h, w = (img.shape[0] // k) * k, size * k
    return img[:h, :w].reshape(h // k, k, size, k, 3).mean(axis=(1, 3))


def luminance_colour(image):
    """The same 3 numbers per pixel as luminance + colour (ITU-R BT.601, values in [0, 1]).

    image: (h, w, 3) R, G, B in [0, 1].
    Y  = 0.299 R + 0.587 G + 0.114 B                      brightness: the grey image
    Cb = 0.5 + 0.564 (B − Y),  Cr = 0.5 + 0.713 (R − Y)   colour: how blue / how red (0.5 = none)
    Returns (Y, Cb, Cr), each (h, w).
    """
    image = as_array(image, "image", shape=(None, None, 3))
    R, G, B = image[..., 0], image[..., 1], image[..., 2]
    Y = luma(R, G, B)
    return Y, 0.5 + 0.564 * (B - Y), 0.5 + 0.713 * (R - Y)


def colour_only(image, luminance=0.6):
    """The image's colour with its brightness removed: every pixel gets the same Y, keeping Cb and Cr.

    Shows what the 2 colour numbers per pixel hold on their own.  Returns RGB (h, w, 3) in [0, 1].
    """
    luminance = check_number(luminance, "luminance", min_value=0.0, max_value=1.0)
    _Y, Cb, Cr = luminance_colour(image)
    Y = np.full_like(Cb, luminance)
    R = Y + (Cr - 0.5) / 0.713
    B = Y + (Cb - 0.5) / 0.564
    G = (Y - 0.299 * R - 0.114 * B) / 0.587
    return np.clip(np.stack([R, G, B], axis=-1), 0.0, 1.0)
