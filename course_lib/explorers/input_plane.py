"""The input plane (x1, x2) shared by the neuron, logic-gate and network explorers.

    z = w1·x1 + w2·x2 + b          decision line: z = 0

The heatmaps cover x1, x2 ∈ [−0.5, 1.5], so the four binary inputs (0,0), (0,1), (1,0), (1,1) sit inside.
"""
from __future__ import annotations

import numpy as np

#: Limits of the plane shown, for x1 and for x2.
PLANE = (-0.5, 1.5)
#: Points per side of the heatmap grid.
N_GRID = 81
#: x1 and x2 at every grid point, each (N_GRID, N_GRID): row = x2, column = x1 (``imshow(origin="lower")``).
GRID_X1, GRID_X2 = np.meshgrid(np.linspace(*PLANE, N_GRID), np.linspace(*PLANE, N_GRID))
#: Range of the weight and bias sliders of these explorers.
WEIGHT_RANGE = (-3.0, 3.0)


def decision_line(w1, w2, b, low=PLANE[0], high=PLANE[1]):
    """Two end points (xs, ys) of the line w1·x1 + w2·x2 + b = 0 across [low, high]; empty when w1 = w2 = 0.

    Solved for x2 when the line is closer to horizontal (|w2| ≥ |w1|), else for x1, so it never divides by ~0.
    """
    t = np.array([low, high])
    if abs(w2) >= abs(w1) and w2 != 0:
        return t, -(w1 * t + b) / w2
    if w1 != 0:
        return -(w2 * t + b) / w1, t
    return np.array([]), np.array([])


def plane_axes(ax, title):
    """Square axes over the plane, labelled x1 and x2, with ticks at the binary inputs 0 and 1."""
    ax.set_xlim(*PLANE)
    ax.set_ylim(*PLANE)
    ax.set_aspect("equal")
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])
    ax.set_title(title)
