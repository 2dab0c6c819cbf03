"""The library's errors and training printout in Japanese (issue 14, item 3): with ``language("ja")`` the
messages a student is likely to meet — a bad learning rate, a wrong shape, NaN in the data, a diverging run,
``fit``'s printed lines and warning, a data file whose checksum does not match — are Japanese and still
name the parameter (``lr``, ``X``, ``grads[0]``) as the code does; in English they are unchanged."""
from __future__ import annotations

import re
import shutil
import warnings

import numpy as np
import pytest

from course_lib import datasets
from course_lib._validate import _describe, as_array, check_int, check_number, check_positive
from course_lib.datasets import DataIntegrityError, DataFormatError, load_hubble
from course_lib.i18n import get_language, language
from course_lib.mlp import MLP
from course_lib.optim import SGD, Adam, get_optimizer
from course_lib.train import ConvergenceWarning, TrainingDiverged, fit

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XNOR_T = np.array([[1], [0], [0], [1]], dtype=float)


def _message(call, exc=Exception):
    with pytest.raises(exc) as info:
        call()
    return str(info.value)


def _both(call, exc=Exception):
    """(English message, Japanese message) of the error ``call`` raises."""
    english = _message(call, exc)
    with language("ja"):
        japanese = _message(call, exc)
    assert get_language() == "en"
    return english, japanese


def test_a_bad_learning_rate_in_japanese_names_lr():
    en, ja = _both(lambda: SGD(lr=-0.1), ValueError)
    assert en == "lr must be a positive number; got -0.1."
    assert ja == "lr は正の数でなければなりません。与えられた値: -0.1"
    _, ja = _both(lambda: Adam(lr="0.01"), TypeError)
    assert ja.startswith("lr は正の数でなければなりません") and "'0.01'（str 型）" in ja


def test_fit_options_errors_in_japanese():
    net = MLP([2, 2, 1], ["tanh", "sigmoid"], rng=0)
    _, ja = _both(lambda: fit(net, XOR_X, XNOR_T, epochs=0), ValueError)
    assert ja == "epochs は 1 以上でなければなりません。与えられた値: 0"
    _, ja = _both(lambda: fit(net, XOR_X, XNOR_T, epochs=1, optimizer=SGD(0.1), lr=0.5), ValueError)
    assert ja.startswith("lr: 学習率は fit ではなく") and "SGD(lr=0.1)" in ja
    _, ja = _both(lambda: get_optimizer("adam", momentum=0.9), TypeError)
    assert "Adam の設定は" in ja and "['momentum']" in ja


def test_shape_errors_in_japanese_name_the_array():
    net = MLP([2, 3, 1], ["relu", "sigmoid"], rng=0)
    en, ja = _both(lambda: net.predict(np.zeros((4, 3))), ValueError)
    assert en.startswith("X must have shape (n_samples, 2)")
    assert ja.startswith("X の形は (n_samples, 2) でなければなりません") and "(4, 3)" in ja
    _, ja = _both(lambda: net.predict(np.zeros(2)), ValueError)
    assert "X.reshape(1, -1)" in ja and JAPANESE.search(ja.split("X.reshape")[0])
    _, ja = _both(lambda: as_array([[1, 2]], "W", shape=(None, 3)), ValueError)
    assert ja == "W の形は (任意, 3) でなければなりません。与えられた形: (1, 2)"
    _, ja = _both(lambda: as_array([1, 2], "X", ndim=(2, 3)), ValueError)
    assert ja == "X は 2 または 3 次元でなければなりません。与えられた形: (2,)"
    _, ja = _both(lambda: net.train_step(XOR_X, np.zeros((3, 1)), None, SGD(0.1)), ValueError)
    assert ja.startswith("T はサンプルごとに1行（X と同じく 4 行）")


def test_nan_errors_in_japanese():
    en, ja = _both(lambda: as_array([1.0, np.nan, np.inf], "X"), ValueError)
    assert en == "X contains 2 NaN or infinite value(s); every value must be a finite number."
    assert ja == "X に NaN または無限大の値が 2 個含まれています。値はすべて有限の数でなければなりません。"
    p = np.zeros(2)
    _, ja = _both(lambda: SGD(0.1).step([p], [np.array([1.0, np.nan])]), ValueError)
    assert ja.startswith("grads[0] に NaN または無限大の値が 1 個") and "学習率が大きすぎる" in ja
    _, ja = _both(lambda: check_number(float("nan"), "alpha"), ValueError)
    assert ja == "alpha は有限の数でなければなりません。与えられた値: nan"


def test_the_bounds_read_naturally_in_japanese():
    with language("ja"):
        assert _message(lambda: check_int(11, "k", max_value=10)) == "k は 10 以下でなければなりません。与えられた値: 11"
        assert (_message(lambda: check_number(0.0, "h", min_value=0.0, inclusive=False))
                == "h は 0.0 より大きくなければなりません。与えられた値: 0.0")
        assert _message(lambda: check_positive(None, "lr")) == "lr は正の数でなければなりません。与えられた値: None（NoneType 型）"
        assert _describe(np.zeros(3)) == "形 (3,)、dtype float64 の配列"
    assert _describe(np.zeros(3)) == "an array of shape (3,) and dtype float64"
    assert _describe("abc") == "'abc' (str)"


def test_training_diverged_in_japanese_with_the_learning_rate_hint():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(32, 3))
    T = X @ np.ones((3, 1))

    def run():
        net = MLP([3, 16, 1], ["relu", "identity"], rng=0)
        fit(net, X, T, epochs=200, batch_size=8, optimizer="sgd", lr=5.0, rng=0, progress=False)

    en, ja = _both(run, TrainingDiverged)
    assert "learning rate 5.0 is too large; try 0.5." in en
    assert re.match(r"エポック \d+、ステップ \d+ で学習が発散しました: ", ja), ja
    assert ja.endswith("学習率 5.0 は大きすぎます。0.5 を試してください。")
    assert "Training" not in ja and "learning rate" not in ja


def test_divergence_with_big_inputs_adds_the_scaling_hint_in_japanese():
    from course_lib.callbacks import diverged_message

    with language("ja"):
        text = diverged_message("損失が nan になりました", 1, 3, SGD(0.5), np.array([[255.0]]))
    assert text == ("エポック 1、ステップ 3 で学習が発散しました: 損失が nan になりました。学習率 0.5 は大きすぎます。"
                    "0.05 を試してください。入力の値が 255 にまで達しています。入力をおよそ [0, 1] の範囲に"
                    "スケーリングするのも効果があります。")


def test_fit_prints_its_lines_in_japanese(capsys):
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(60, 4)), rng.integers(0, 3, size=60)
    outputs = {}
    for lang in ("en", "ja"):
        with language(lang):
            net = MLP([4, 8, 3], ["relu", "softmax"], rng=1)
            fit(net, X, y, epochs=2, batch_size=16, optimizer="adam", lr=0.01, X_val=X[:20], T_val=y[:20], rng=2)
        outputs[lang] = capsys.readouterr().out.splitlines()
    assert len(outputs["ja"]) == 2
    assert re.fullmatch(r"epoch 2/2  loss \d\.\d{4}  acc \d\.\d{4}  val_loss \d\.\d{4}  val_acc \d\.\d{4}",
                        outputs["en"][1])
    assert re.fullmatch(r"エポック 2/2  損失 \d\.\d{4}  正解率 \d\.\d{4}  検証損失 \d\.\d{4}  検証正解率 \d\.\d{4}",
                        outputs["ja"][1]), outputs["ja"][1]
    # the same numbers in both languages
    assert re.findall(r"\d\.\d{4}", outputs["en"][1]) == re.findall(r"\d\.\d{4}", outputs["ja"][1])


def test_fit_stop_line_and_convergence_warning_in_japanese(capsys):
    with language("ja"):
        net = MLP([2, 2, 1], ["tanh", "sigmoid"], rng=0)
        fit(net, XOR_X, XNOR_T, epochs=5, batch_size=None, target_error=10.0)
        lines = capsys.readouterr().out.splitlines()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fit(net, XOR_X, XNOR_T, epochs=2, batch_size=None, target_error=1e-6, progress=False)
    assert re.fullmatch(r"エポック 1/5  損失 \d\.\d{4}  正解率 \d\.\d{4}", lines[0]), lines
    assert re.fullmatch(r"E = \d\.\d{6} < target_error 10 となったので、エポック 1 で学習を止めました。", lines[1]), lines
    (warning,) = [w for w in caught if issubclass(w.category, ConvergenceWarning)]
    assert str(warning.message).startswith("2 エポック学習しても E = ")
    assert "target_error 1e-06 以上です" in str(warning.message) and "lr（学習率）" in str(warning.message)


def test_progress_bar_in_japanese(monkeypatch, capsys):
    IPython = pytest.importorskip("IPython")
    pytest.importorskip("ipywidgets")
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: type("Shell", (), {"kernel": object()})())
    monkeypatch.setattr(IPython.display, "display", shown.append)
    with language("ja"):
        net = MLP([2, 2, 1], ["tanh", "sigmoid"], rng=0)
        fit(net, XOR_X, XNOR_T, epochs=3, batch_size=2, rng=0)
    (bar,) = shown
    assert bar.description == "エポック 3/3"
    capsys.readouterr()


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    src = datasets.data_dir()
    for name in ("SHA256SUMS", "hubble1929.csv"):
        shutil.copy(src / name, tmp_path / name)
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path))
    return tmp_path


def test_checksum_error_in_japanese(data_copy):
    path = data_copy / "hubble1929.csv"
    path.write_text(path.read_text().replace("NGC 4649,2.0,1090", "NGC 4649,2.0,1900"))
    en, ja = _both(load_hubble, DataIntegrityError)
    assert "is corrupted or was changed: expected SHA-256 dbcc549230a6438b" in en
    assert ja.startswith(f"データファイル {path} が壊れているか、変更されています（期待される SHA-256: dbcc549230a6438b")
    assert "`git checkout -- data/` で元に戻してください" in ja and "`sha256sum hubble1929.csv`" in ja
    path.unlink()
    _, ja = _both(load_hubble, DataIntegrityError)
    assert ja.startswith(f"データファイル {path} が見つかりません")


def test_data_format_error_in_japanese(data_copy):
    import hashlib

    path = data_copy / "hubble1929.csv"
    path.write_text(path.read_text().replace("NGC 4649,2.0,1090", "NGC 4649,2.0,fast"))
    sums = data_copy / "SHA256SUMS"
    sums.write_text(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  hubble1929.csv\n")
    en, ja = _both(load_hubble, DataFormatError)
    assert en.endswith("column 'velocity_km_s': expected a number; found 'fast'.")
    assert re.search(r"の \d+ 行目、列 'velocity_km_s': 数でなければなりませんが、'fast' でした。$", ja), ja


def test_every_message_of_these_modules_is_translated():
    """The Japanese catalog has a translation for every message of the modules this file covers."""
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "tools"))
    import extract_messages
    from course_lib import i18n
    from course_lib._po import read_po

    _header, catalog = read_po(i18n.catalog_path("ja"))
    modules = ["_validate", "_params", "activations", "callbacks", "datafiles", "datasets", "datasets_2d",
               "gradcheck", "linreg", "losses", "metrics", "mlp", "neuron", "optim", "present", "train"]
    missing = []
    for name in modules:
        for (msgid, plural), _line in extract_messages.messages_in(root / "course_lib" / f"{name}.py"):
            if not catalog.get(msgid if plural is None else (msgid, plural)):
                missing.append(f"{name}: {msgid}")
    assert not missing, missing[:10]


def test_activation_display_names_follow_the_language():
    from course_lib.activations import ACTIVATIONS, get_activation

    english = [act.display_name() for act in ACTIVATIONS.values()]
    assert english == ["step function", "sigmoid", "tanh", "ReLU", "leaky ReLU", "identity", "softmax"]
    with language("ja"):
        japanese = {name: act.display_name() for name, act in ACTIVATIONS.items()}
        step_repr = repr(get_activation("step"))
    assert japanese["step"] == "ステップ関数" and japanese["sigmoid"] == "シグモイド関数"
    assert japanese["relu"] == "ReLU（ランプ関数）" and japanese["tanh"] == "tanh"
    assert step_repr.endswith("f'(z) = 0（z = 0 では定義されない）)")
    assert repr(get_activation("step")).endswith("f'(z) = 0 (undefined at 0))")
