"""PlaygroundExplorer and datasets_2d, driven without a browser (issue 16, item 6).

Set controls, step, and check what the network learned and what the figure shows; reset; own data; code()
rebuilds exactly the same network; play / pause; L1 / L2; the toy data generators.
"""
import asyncio
import io
import time

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from course_lib import datasets_2d  # noqa: E402
from course_lib.explorers import PlaygroundExplorer  # noqa: E402
from course_lib.explorers import playground  # noqa: E402
from course_lib.explorers.playground import l1_step, train_epoch  # noqa: E402
from course_lib.mlp import MLP  # noqa: E402
from course_lib.optim import SGD  # noqa: E402


def weights(net):
    return [p.copy() for p in net.W + net.b]


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)))


# ------------------------------------------------------------------ training through the controls
def test_set_controls_step_and_the_loss_falls():
    ex = PlaygroundExplorer()
    with ex.hold():
        ex.sliders["dataset"].value = "gauss"
        ex.sliders["hidden_layers"].value = 1
        ex.sliders["neurons"].value = 3
        ex.sliders["activation"].value = "relu"
        ex.sliders["lr"].value = 0.1
    assert list(ex.net.sizes) == [2, 3, 2] and list(ex.net.activation_names) == ["relu", "softmax"] and ex.epoch == 0
    first = ex.history[0]
    ex.step(20)
    assert ex.epoch == 20 and len(ex.history) == 21
    assert ex.history[-1][1] < 0.5 * first[1] and ex.history[-1][2] < 0.5 * first[2]
    assert "epoch <b>20</b>" in ex.readout.value and "test accuracy" in ex.readout.value


def test_xor_one_hidden_layer_of_four_tanh_neurons_reaches_95_percent():
    ex = PlaygroundExplorer("xor", hidden_layers=1, neurons=4, activation="tanh", lr=0.1, rng=2)
    assert ex.test_accuracy() < 0.7
    ex.step(150)
    assert ex.test_accuracy() >= 0.95, ex.readout.value


def test_no_hidden_layer_cannot_learn_xor_but_the_feature_x1_x2_can():
    plain = PlaygroundExplorer("xor", hidden_layers=0, lr=0.1)
    plain.step(60)
    assert plain.test_accuracy() < 0.75                     # one straight line: at best ~ 3 quadrants of 4
    product = PlaygroundExplorer("xor", hidden_layers=0, features=("x1*x2",), lr=0.1)
    product.step(60)
    assert product.test_accuracy() >= 0.95


def test_reset_restores_the_initial_weights_and_epoch_0():
    ex = PlaygroundExplorer()
    start, png0 = weights(ex.net), ex.png()
    ex.step(5)
    assert not np.array_equal(start[0], ex.net.W[0]) and ex.png() != png0
    ex.reset()
    assert all(np.array_equal(a, b) for a, b in zip(start, weights(ex.net)))
    assert ex.epoch == 0 and len(ex.history) == 1
    np.testing.assert_array_equal(pixels(ex.png()), pixels(png0))
    ex.reset_button.click()                                 # the button does the same
    assert ex.epoch == 0


def test_a_fixed_rng_makes_every_run_the_same_and_another_rng_differs():
    a, b, c = PlaygroundExplorer(rng=3), PlaygroundExplorer(rng=3), PlaygroundExplorer(rng=4)
    for ex in (a, b, c):
        ex.step(4)
    assert all(np.array_equal(x, y) for x, y in zip(weights(a.net), weights(b.net)))
    assert not np.array_equal(a.net.W[0], c.net.W[0])
    assert a.png() == b.png()


def test_changing_the_network_or_data_resets_but_the_learning_rate_does_not():
    ex = PlaygroundExplorer()
    ex.step(3)
    ex.sliders["lr"].value = 0.1
    assert ex.epoch == 3 and ex.optimizer.lr == 0.03       # takes effect at the next step
    ex.step()
    assert ex.optimizer.lr == 0.1 and ex.epoch == 4
    ex.sliders["neurons"].value = 5
    assert ex.epoch == 0 and list(ex.net.sizes) == [2, 5, 5, 2]
    ex.step(2)
    ex.sliders["features"].value = ("x1", "x2", "x1*x2")
    assert ex.epoch == 0 and ex.net.sizes[0] == 3
    ex.step(2)
    ex.sliders["noise"].value = 0.3
    assert ex.epoch == 0


def test_one_picture_per_neuron_laid_out_as_the_network_and_connections_by_weight():
    ex = PlaygroundExplorer(hidden_layers=3, neurons=5, features=("x1", "x2", "sin(x1)"))
    assert [len(column) for column in ex.node_slots] == [3, 5, 5, 5, 2]
    assert len(ex.edges) == 3 * 5 + 5 * 5 + 5 * 5 + 5 * 2
    ex.step()
    pictures = ex.result["pictures"]
    assert pictures[1][0].shape == (40, 40)
    rows, cols, ri, ci = ex.node_slots[2][3]                # its pixels in the PNG: the picture, coloured
    painted = pixels(ex.png())[rows, cols][1:-1, 1:-1, :3]
    t = np.clip((pictures[2][3] + 1) * 127.5, 0, 255).astype(np.uint8)[ri, ci][1:-1, 1:-1]
    np.testing.assert_array_equal(painted, playground.LUTS[playground.CMAP.name][t][..., :3])
    widths = ex.connections.get_linewidths()
    (l, i, j) = max(ex.edges, key=lambda e: abs(ex.net.W[e[0]][e[1], e[2]]))
    assert widths[ex.edges.index((l, i, j))] == max(widths)
    # the output P(blue) over the grid equals the network's prediction there
    np.testing.assert_allclose(pictures[-1][1].ravel(),
                               ex.net.predict_proba(datasets_2d.features(ex._data.grid, ["x1", "x2", "sin(x1)"]))[:, 1])


def test_select_a_neuron_to_see_it_large():
    ex = PlaygroundExplorer()
    assert ex.show.value == (3, 1) and ex.ax_big.get_title() == "output P(blue)"
    before = ex.png()
    ex.show.value = (1, 2)
    assert ex.ax_big.get_title() == "layer 1, neuron 3"
    rows, cols, _, _ = ex.big_slot                          # the big picture's pixels: that neuron, interpolated
    big = ex.big_values
    assert big.shape == (rows.stop - rows.start, cols.stop - cols.start)
    pic = ex.result["pictures"][1][2]
    assert big.min() >= pic.min() - 1e-12 and big.max() <= pic.max() + 1e-12
    np.testing.assert_allclose(big[-1, 0], pic[0, 0], atol=0.05 * np.ptp(pic))     # bottom left = (x1, x2) low
    assert ex.png() != before
    ex.sliders["hidden_layers"].value = 1                   # a new network: the menu follows it
    assert [v for _, v in ex.show.options] == [(1, j) for j in range(4)] + [(2, 0), (2, 1)]


def test_each_step_changes_the_picture_and_blitting_matches_a_fresh_figure():
    ex = PlaygroundExplorer("spiral", hidden_layers=3, neurons=6, lr=0.1)
    png = ex.png()
    ex.step(3)
    assert ex.png() != png
    again = PlaygroundExplorer("spiral", hidden_layers=3, neurons=6, lr=0.1)
    again.step(3)
    np.testing.assert_array_equal(pixels(again.png()), pixels(ex.png()))


# ------------------------------------------------------------------ play / pause
def play_for(ex, seconds, between=None):
    """Press play in a running event loop (as a Jupyter kernel has), wait ``seconds`` (less if play stops by
    itself), call ``between()`` if given, press pause, wait three frames more.  Returns the epoch at the pause."""
    async def main():
        ex.play.value = True
        deadline = time.perf_counter() + seconds
        while ex.play.value and time.perf_counter() < deadline:
            await asyncio.sleep(0.005)
        if between is not None:
            await between()
        at_pause = ex.epoch
        ex.play.value = False
        await asyncio.sleep(3 * playground.FRAME_S)
        return at_pause
    return asyncio.run(main())


def test_play_trains_one_epoch_per_frame_in_the_event_loop_and_pause_stops_it():
    ex = PlaygroundExplorer()
    assert ex.play.description == "play" and ex.play.icon == "play"
    at_pause = play_for(ex, 0.6)
    assert 3 <= at_pause <= 0.6 / playground.FRAME_S + 2     # frames begin FRAME_S apart, no faster
    assert ex.epoch == at_pause                               # no frame after the pause
    assert len(ex.frame_times) == at_pause and len(ex.history) == at_pause + 1
    assert ex._player is None                                 # the task ended
    assert ex.play.description == "play" and ex.play.icon == "play" and ex.css_size == (900, 420)
    assert f"epoch <b>{at_pause}</b>" in ex.readout.value     # the readout shows the last frame after the pause


def test_pause_then_play_at_once_keeps_one_task_and_the_button_says_pause():
    ex = PlaygroundExplorer()

    async def pause_and_play():
        ex.play.value = False
        ex.play.value = True                                  # before the task noticed the pause
        assert ex.play.description == "pause" and ex.play.icon == "pause"
        epoch = ex.epoch
        await asyncio.sleep(0.3)
        assert ex.epoch > epoch                               # still playing
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        assert others == [ex._player]                         # one task draws the frames

    assert play_for(ex, 0.2, between=pause_and_play) >= 3


def test_play_stops_when_the_playground_leaves_the_page():
    """The front end counts the play button's views (``_view_count``): when the last one goes (output
    cleared, cell run again, notebook closed) while playing, play stops — no hidden training loop."""
    ex = PlaygroundExplorer()
    assert ex.play._view_count == 0                         # tracking is on (None would switch it off)
    ex.play._view_count = 2                                 # shown twice

    async def views_go():
        ex.play._view_count = 1
        await asyncio.sleep(0.1)
        assert ex.play.value                                # one view left: still playing
        ex.play._view_count = 0
        assert not ex.play.value
        epoch = ex.epoch
        await asyncio.sleep(0.2)
        assert ex.epoch == epoch and ex._player is None

    play_for(ex, 0.2, between=views_go)


def test_play_without_an_event_loop_says_to_use_step():
    ex = PlaygroundExplorer()
    ex.play.value = True                                      # plain Python: no loop would draw the frames
    assert ex.play.value is False and ex._player is None and ex.epoch == 0
    assert "event loop" in ex.readout.value and "step(epochs)" in ex.readout.value
    ex.step(2)                                                # what the message says works
    assert ex.epoch == 2 and "Error" not in ex.readout.value


def test_diverging_training_stops_the_play_and_says_why():
    ex = PlaygroundExplorer("spiral", hidden_layers=4, neurons=8, activation="identity", lr=10.0)
    play_for(ex, 5.0)
    assert not ex.play.value and ex._player is None
    assert "Error" in ex.readout.value and "learning rate" in ex.readout.value
    epoch = ex.epoch
    ex.step_button.click()                                  # one step more: the same message, no exception
    assert ex.epoch == epoch and "learning rate" in ex.readout.value


def test_an_unexpected_error_in_a_frame_stops_play_and_is_shown():
    ex = PlaygroundExplorer()

    def broken(epochs=1):
        raise RuntimeError("the frame broke")
    ex.step = broken
    play_for(ex, 1.0)
    assert not ex.play.value and ex._player is None
    assert "RuntimeError: the frame broke" in ex.readout.value


def test_own_data_classification_and_regression():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 2))
    y = (X[:, 0] + X[:, 1] > 0).astype(int)
    X_before = X.copy()
    ex = PlaygroundExplorer(data=(X, y), hidden_layers=0, lr=0.3)
    assert ex.state["dataset"] == "own" and "own" in ex.sliders["dataset"].options
    ex.step(30)
    assert ex.test_accuracy() >= 0.9
    np.testing.assert_array_equal(X, X_before)                # the caller's array is not changed
    assert ex.code().splitlines()[-1].endswith("data=(X, y), rng=0)")
    reg = PlaygroundExplorer(data=(X, X[:, 0] * 2.0 + 1.0), hidden_layers=0)
    assert reg._data.task == "regression" and list(reg.net.activation_names) == ["identity"]
    reg.step(20)
    assert reg.history[-1][1] < reg.history[0][1]
    with pytest.raises(ValueError, match="regression"):
        reg.test_accuracy()
    tiny = PlaygroundExplorer(data=([[0, 0], [1, 1], [0, 1]], [0, 1, 1]))
    assert len(tiny.X_train) == len(tiny.X_test) == 3 and "all of them" in tiny.readout.value


def test_loaded_xor4_letters_and_hubble():
    xor4 = PlaygroundExplorer("xor4", hidden_layers=1, neurons=3, lr=1.0, batch_size=4)
    xor4.step(300)
    assert xor4.test_accuracy() == 1.0
    letters = PlaygroundExplorer("letters", hidden_layers=1, neurons=3, activation="sigmoid", lr=1.0)
    assert list(letters.net.sizes) == [12, 3, 2] and letters._data.kind == "samples"
    assert letters.result["pictures"][1][0].shape == (1, 9)            # a strip: one cell per image
    assert [t.get_text() for t in letters.ax_big.get_xticklabels()][:3] == ["C", "C", "C"]
    letters.step(200)
    assert letters.test_accuracy() == 1.0
    assert letters.sliders["features"].disabled and letters.sliders["noise"].disabled
    assert letters.sliders["train_share"].disabled and not PlaygroundExplorer().sliders["train_share"].disabled
    hubble = PlaygroundExplorer("hubble", hidden_layers=0, features=("x1",), lr=0.1)
    hubble.step(100)
    slope = hubble.net.W[0][0, 0] * 1000                    # km/s per Mpc
    assert 350 < slope < 550 and hubble._data.task == "regression"


@pytest.mark.parametrize("kwargs", [
    {}, {"dataset": "spiral", "activation": "relu", "batch_size": 7, "noise": 0.2},
    {"regularization": "L1", "rate": 0.003}, {"regularization": "L2", "rate": 0.01, "hidden_layers": 0},
    {"dataset": "xor4"}, {"dataset": "letters"}, {"dataset": "hubble", "features": ("x1", "x1^2")},
])
def test_code_rebuilds_and_trains_exactly_this_network(kwargs):
    ex = PlaygroundExplorer(**kwargs)
    ex.step(4)
    namespace = {}
    exec(ex.code(), namespace)
    assert all(np.array_equal(a, b) for a, b in zip(weights(namespace["net"]), weights(ex.net)))
    again = eval(ex.explorer_code(), {"PlaygroundExplorer": PlaygroundExplorer})
    assert again.state == ex.state and again.explorer_code() == ex.explorer_code()


# ------------------------------------------------------------------ regularisation
def test_l1_step_hand_worked():
    net = MLP.from_weights([np.array([[0.5, -0.02], [-0.3, 0.01]])], [np.array([0.2, -0.2])], ["identity"])
    l1_step(net, lr=0.1, rate=0.3)                          # η·λ = 0.03 towards 0
    np.testing.assert_allclose(net.W[0], [[0.47, 0.0], [-0.27, 0.0]])   # −0.02 and 0.01 would cross 0: stop at 0
    np.testing.assert_array_equal(net.b[0], [0.2, -0.2])     # biases are not regularised


def test_l1_switches_connections_off_and_l2_is_weight_decay():
    ex = PlaygroundExplorer(hidden_layers=1, neurons=8, features=tuple(datasets_2d.FEATURES), regularization="L1",
                            rate=0.03, lr=0.1)
    ex.step(30)
    assert np.mean(ex.net.W[0] == 0) > 0.3
    X = np.random.default_rng(0).normal(size=(20, 2))
    T = np.eye(2)[(X[:, 0] > 0).astype(int)]
    a, b = (MLP([2, 3, 2], ["tanh", "softmax"], rng=0) for _ in range(2))
    train_epoch(a, X, T, "cross_entropy", SGD(0.1), 5, np.random.default_rng(0), "L2", 0.3)
    opt = SGD(0.1)
    order = np.random.default_rng(0).permutation(20)
    for start in range(0, 20, 5):
        b.train_step(X[order[start:start + 5]], T[order[start:start + 5]], "cross_entropy", opt, weight_decay=0.3)
    assert all(np.array_equal(x, y) for x, y in zip(weights(a), weights(b)))


# ------------------------------------------------------------------ the data sets
@pytest.mark.parametrize("name", datasets_2d.GENERATED)
def test_generators_shapes_labels_and_reproducibility(name):
    X, y = datasets_2d.make_dataset(name, n=101, noise=0.1, rng=5)
    assert X.shape == (101, 2) and y.shape == (101,) and set(np.unique(y)) == {0, 1}
    assert np.abs(X).max() < 9
    X2, y2 = datasets_2d.make_dataset(name, n=101, noise=0.1, rng=5)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)


def test_generators_follow_the_playground_rules():
    X, y = datasets_2d.make_dataset("circle", 400, noise=0.0, rng=0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert np.all(r[y == 1] < 2.5) and np.all((r[y == 0] >= 3.5) & (r[y == 0] <= 5))
    X, y = datasets_2d.make_dataset("xor", 400, rng=0)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] >= 0).astype(int))
    assert np.abs(X).min() >= 0.3
    X, y = datasets_2d.make_dataset("gauss", 400, rng=0)
    assert X[y == 1].mean(axis=0) == pytest.approx([2, 2], abs=0.3)


def test_features_and_split():
    X = np.array([[1.0, 2.0], [-3.0, 0.5]])
    F = datasets_2d.features(X, ["x1*x2", "x1", "sin(x2)", "x1^2"])     # put in the order of FEATURES
    np.testing.assert_allclose(F, [[1, 1, 2, np.sin(2)], [-3, 9, -1.5, np.sin(0.5)]])
    (a, ya), (b, yb) = datasets_2d.train_test_split(np.arange(20).reshape(10, 2), np.arange(10), 0.3, rng=0)
    assert len(a) == 3 and len(b) == 7 and sorted(np.concatenate([ya, yb])) == list(range(10))
    np.testing.assert_array_equal(a[:, 0] // 2, ya)


# ------------------------------------------------------------------ the guided challenges
def test_challenges_accept_the_right_result_and_explain_a_wrong_one():
    from course_lib.checks import all_exercises, ch03, ch08
    assert ch03.circle_fewest_neurons.is_correct(3)
    wrong = ch03.circle_fewest_neurons.evaluate(2)
    assert not wrong.ok and "83%" in wrong.message and "straight line" in wrong.message
    assert "fewer do too" in ch03.circle_fewest_neurons.evaluate(5).message
    assert "string" in ch03.circle_fewest_neurons.evaluate("3").message
    assert ch03.xor_without_hidden_layer.is_correct(" b ") and not ch03.xor_without_hidden_layer.is_correct("A")
    pg = PlaygroundExplorer("spiral", features=("x1", "x2", "sin(x1)", "sin(x2)"), hidden_layers=2, neurons=8)
    assert "not been trained" in ch03.spiral_challenge.evaluate(pg).message
    pg.step(20)
    assert "goal is 90%" in ch03.spiral_challenge.evaluate(pg).message
    pg.step(280)
    assert ch03.spiral_challenge.is_correct(pg)
    assert "at most 4 hidden layer" in ch08.deep_spiral_exercise.evaluate(PlaygroundExplorer("spiral", hidden_layers=5)).message
    assert "x1 and x2 only" in ch08.deep_spiral_exercise.evaluate(pg).message
    assert "'circle'" not in ch03.spiral_challenge.evaluate(PlaygroundExplorer()).message.split("shows")[0]
    assert "PlaygroundExplorer" in ch03.spiral_challenge.evaluate(0.9).message
    challenges = (ch03.circle_fewest_neurons, ch03.xor_without_hidden_layer, ch03.spiral_challenge,
                  ch08.deep_spiral_exercise)
    for exercise in challenges:                     # the course's exercise framework finds them
        assert exercise in all_exercises().values(), exercise.name
        namespace = {}
        exec(exercise.solution_text, namespace)
        answer = namespace.get("my_playground", namespace.get("my_neurons", namespace.get("my_answer")))
        assert exercise.is_correct(answer), exercise.name


def test_the_explorer_module_declares_no_exercises():
    """The checkers live in course_lib.checks (chapters 3 and 8), where the framework's tests walk them."""
    from course_lib.checks import Exercise
    assert not [name for name, value in vars(playground).items() if isinstance(value, Exercise)]


def test_draft_pictures_while_playing_sharp_when_paused():
    """Playing draws one PNG pixel per CSS px (cheaper frames); a pause redraws the sharp picture; the size
    on screen never changes."""
    ex = PlaygroundExplorer("circle")
    still_ratio, css = ex.pixel_ratio, ex.css_size
    assert still_ratio >= 1.5
    sizes = []

    async def look():
        sizes.append((ex.pixel_ratio, ex.css_size, Image.open(io.BytesIO(ex.image.value)).size))
    play_for(ex, 0.2, between=look)
    assert sizes == [(1.0, css, tuple(round(v) for v in css))]
    assert ex.pixel_ratio == still_ratio and ex.css_size == css
    assert Image.open(io.BytesIO(ex.image.value)).size == tuple(round(v * still_ratio) for v in css)
