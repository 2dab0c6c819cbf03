"""The default Jupyter settings the course ships (tools/jupyter_settings/course_lib.json5).

Notebook 7 handles shortcuts before a focused widget sees the key, and binds the bare arrow keys
in command mode with the selector `... :focus`, which matches a focused slider handle: the
notebook took ArrowLeft/ArrowRight and the slider never moved
(https://github.com/jupyter/notebook/issues/7716).  The settings file switches those four
bindings off and binds them again for every focused element outside a cell output.

These tests need no browser: the file is valid JSON5, every binding it switches off is still a
default of the installed front end (an upgrade that renames a selector would silently undo the
fix), it covers every bare arrow key bound in command mode, the Jupyter server reads it, and it is
installed in this environment (pip install -e . does not install data files:
tools/install_jupyter_settings.py does).  tests/test_browser.py presses the keys in Notebook 7.
"""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

try:
    import tomllib                  # Python 3.11 and newer
except ModuleNotFoundError:         # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "tools" / "jupyter_settings" / "course_lib.json5"
PLUGIN = "@jupyterlab/shortcuts-extension:shortcuts"
ARROWS = {"ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"}
OUTSIDE_OUTPUTS = ":not(.jp-OutputArea-output *)"


def _tool():
    spec = importlib.util.spec_from_file_location("install_jupyter_settings",
                                                  ROOT / "tools" / "install_jupyter_settings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shortcuts():
    json5 = pytest.importorskip("json5")   # a dependency of jupyterlab_server
    return json5.loads(SETTINGS.read_text(encoding="utf-8"))[PLUGIN]["shortcuts"]


def _installed_default_shortcuts():
    """Every binding in the installed JupyterLab / Notebook 7 schemas ("jupyter.lab.shortcuts")."""
    schemas = Path(sys.prefix, "share", "jupyter", "lab", "schemas")
    if not schemas.is_dir():
        pytest.skip(f"no JupyterLab schemas in {schemas}")
    found = []
    for path in schemas.rglob("*.json"):
        try:
            found += json.loads(path.read_text(encoding="utf-8")).get("jupyter.lab.shortcuts", [])
        except (ValueError, AttributeError):
            continue
    return found


def test_every_switched_off_binding_is_a_default_of_the_installed_front_end():
    defaults = {(s["command"], tuple(s["keys"]), s["selector"]) for s in _installed_default_shortcuts()}
    off = [s for s in _shortcuts() if s.get("disabled")]
    assert len(off) == 4
    for s in off:
        assert (s["command"], tuple(s["keys"]), s["selector"]) in defaults, (
            f"{s['command']} {s['keys']} with selector {s['selector']!r} is no longer a default "
            "binding of the installed JupyterLab/Notebook: update tools/jupyter_settings/course_lib.json5")


def test_each_binding_is_bound_again_outside_outputs():
    shortcuts = _shortcuts()
    off = [s for s in shortcuts if s.get("disabled")]
    on = [s for s in shortcuts if not s.get("disabled")]
    assert len(on) == len(off)
    for s in off:
        again = [t for t in on if t["command"] == s["command"] and t["keys"] == s["keys"]]
        assert len(again) == 1, s
        assert again[0]["selector"] == s["selector"] + OUTSIDE_OUTPUTS


def test_covers_every_bare_arrow_key_in_command_mode():
    """A new default arrow binding that also matches a focused slider would bring the bug back."""
    bare = {(s["command"], s["keys"][0], s["selector"]) for s in _installed_default_shortcuts()
            if len(s["keys"]) == 1 and s["keys"][0] in ARROWS and "commandMode" in s["selector"]
            and ":focus" in s["selector"] and not s.get("disabled")}
    off = {(s["command"], s["keys"][0], s["selector"]) for s in _shortcuts() if s.get("disabled")}
    assert bare, "no bare arrow-key bindings found in the installed schemas: did the layout change?"
    assert bare <= off, f"bare arrow bindings not handled by the course's settings: {sorted(bare - off)}"


def test_the_jupyter_server_reads_the_file(tmp_path):
    """jupyterlab_server merges <app settings dir>/overrides.d/*.json5 into the defaults."""
    settings_utils = pytest.importorskip("jupyterlab_server.settings_utils")
    _tool().install(tmp_path)
    overrides, error = settings_utils._get_overrides(str(tmp_path / "share" / "jupyter" / "lab" / "settings"))
    assert not error, error
    assert overrides[PLUGIN]["shortcuts"] == _shortcuts()


def test_pyproject_lists_the_file_as_data_files():
    """`pip install .` (not editable) installs it with the package."""
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    assert data_files["share/jupyter/lab/settings/overrides.d"] == ["tools/jupyter_settings/course_lib.json5"]


def test_install_tool_copies_and_checks(tmp_path, capsys):
    tool = _tool()
    assert tool.main(["--prefix", str(tmp_path), "--check"]) == 1
    assert tool.main(["--prefix", str(tmp_path)]) == 0
    assert tool.is_installed(tmp_path)
    assert tool.main(["--prefix", str(tmp_path), "--check"]) == 0
    tool.target(tmp_path).write_text("{}")          # an out-of-date copy is reported
    assert tool.main(["--prefix", str(tmp_path), "--check"]) == 1
    assert "out of date" in capsys.readouterr().err


def test_installed_in_this_environment():
    """What a student's `jupyter lab` / `jupyter notebook` reads: the README's set-up installs it."""
    tool = _tool()
    assert tool.is_installed(sys.prefix), (
        f"{tool.target(sys.prefix)} is missing or out of date: run "
        f"{sys.executable} tools/install_jupyter_settings.py (the README's set-up does)")
