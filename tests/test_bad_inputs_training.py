"""Bad inputs of chapter 7's additions: dropout (MLP, fit), dropout masks, the training figures, ch07 checkers."""
import numpy as np
import pytest

from bad_input_support import Bad, ids, run
from course_lib.checks import ch07
from course_lib.figures import training
from course_lib.mlp import MLP, dropout_masks
from course_lib.optim import SGD
from course_lib.train import History, fit


def net():
    return MLP([3, 4, 2], ["relu", "softmax"], rng=0)


X, y = np.ones((4, 3)), np.array([0, 1, 0, 1])

TABLE = [
    Bad("train_step: dropout 1", lambda: net().train_step(X, y, None, SGD(), dropout=1.0), ValueError,
        ("dropout", "0 ≤ dropout < 1", "1.0")),
    Bad("train_step: dropout negative", lambda: net().train_step(X, y, None, SGD(), dropout=-0.5), ValueError,
        ("dropout", "0 ≤ dropout < 1", "-0.5")),
    Bad("train_step: dropout a string", lambda: net().train_step(X, y, None, SGD(), dropout="0.5"), TypeError,
        ("dropout", "0 ≤ dropout < 1", "'0.5'")),
    Bad("train_step: dropout inf", lambda: net().train_step(X, y, None, SGD(), dropout=np.inf), ValueError,
        ("dropout", "0 ≤ dropout < 1", "inf")),
    Bad("train_step: dropout rng a string", lambda: net().train_step(X, y, None, SGD(), dropout=0.5, rng="x"),
        TypeError, ("rng", "Generator", "'x'")),
    Bad("train_step: dropout without a hidden layer",
        lambda: MLP([3, 2], ["softmax"], rng=0).train_step(X, y, None, SGD(), dropout=0.5), ValueError,
        ("dropout", "no hidden layer", "0.5")),
    Bad("fit: dropout 1.5", lambda: fit(net(), X, y, epochs=1, dropout=1.5, progress=False), ValueError,
        ("dropout", "0 ≤ dropout < 1", "1.5")),
    Bad("fit: dropout True", lambda: fit(net(), X, y, epochs=1, dropout=True, progress=False), TypeError,
        ("dropout", "True")),
    Bad("fit: dropout without a hidden layer",
        lambda: fit(MLP([3, 2], ["softmax"], rng=0), X, y, epochs=1, dropout=0.2, progress=False), ValueError,
        ("dropout", "no hidden layer")),
    Bad("dropout_masks: p = 1", lambda: dropout_masks([3, 4, 2], 5, 1), ValueError, ("p (the probability", "0 ≤ p < 1", "got 1")),
    Bad("dropout_masks: n = 0", lambda: dropout_masks([3, 4, 2], 0, 0.5), ValueError, ("n", ">= 1", "0")),
    Bad("dropout_masks: sizes a string", lambda: dropout_masks("34", 5, 0.5), TypeError, ("sizes", "'34'")),
    Bad("forward: masks not a list", lambda: net().forward(X, dropout_masks=np.ones((4, 4))), ValueError,
        ("dropout_masks", "1 arrays, one per hidden layer", "array")),
    Bad("forward: mask of the wrong shape", lambda: net().forward(X, dropout_masks=[np.ones((4, 3))]), ValueError,
        ("dropout_masks[0]", "(4, 4)", "(4, 3)")),
    Bad("forward: negative mask", lambda: net().forward(X, dropout_masks=[-np.ones((4, 4))]), ValueError,
        ("dropout_masks[0]", "≥ 0", "-1")),
    Bad("layer_histograms: a list", lambda: training.layer_histograms([np.ones(3)]), TypeError,
        ("outputs", "dict", "list")),
    Bad("layer_histograms: x_max 0", lambda: training.layer_histograms({"a": [np.ones(3)]}, x_max=0), ValueError,
        ("x_max", "0")),
    Bad("compare_runs: key 'accuracy'",
        lambda: training.compare_runs({"a": History(val_loss=[0.5])}, key="accuracy"), ValueError,
        ("key", "val_loss", "'accuracy'")),
    Bad("compare_runs: not a History", lambda: training.compare_runs({"a": [0.5, 0.4]}), TypeError,
        ("histories['a']", "History", "list")),
    Bad("ch07.dropout_scale: a string", lambda: ch07.dropout_scale_exercise.evaluate("1.25"), None, ("number",)),
    Bad("ch07.dropout_scale: NaN", lambda: ch07.dropout_scale_exercise.evaluate(float("nan")), None, ("nan",)),
    Bad("ch07.overfitting: a number", lambda: ch07.overfitting_exercise.evaluate(1), None, ("one of",)),
]


@pytest.mark.parametrize("row", TABLE, ids=ids(TABLE))
def test_bad_input(row):
    run(row)
