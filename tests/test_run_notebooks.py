"""The notebook runner keeps only the widget state a displayed widget needs (tools/run_notebooks.py)."""
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from run_notebooks import WIDGET_STATE, WIDGET_VIEW, chapters, prune_widget_state, shown_widget_models  # noqa: E402


def _model(*refs):
    return {"model_name": "BoxModel", "state": {"children": [f"IPY_MODEL_{r}" for r in refs]}}


def test_prune_keeps_displayed_widgets_and_what_they_refer_to():
    a, b, c, d = (ch * 32 for ch in "abcd")
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("explorer")
    cell.outputs = [nbformat.v4.new_output("display_data", data={WIDGET_VIEW: {"model_id": a}})]
    nb.cells = [cell]
    nb.metadata["widgets"] = {WIDGET_STATE: {"state": {a: _model(b), b: _model(), c: _model(d), d: _model()},
                                             "version_major": 2, "version_minor": 0}}
    assert shown_widget_models(nb) == {a, b}
    prune_widget_state(nb)
    assert set(nb.metadata["widgets"][WIDGET_STATE]["state"]) == {a, b}    # c, d were never shown


@pytest.mark.parametrize("path", chapters(), ids=lambda p: p.relative_to(ROOT / "notebooks").as_posix())
def test_committed_notebooks_store_only_shown_widgets(path):
    nb = nbformat.read(path, as_version=4)
    models = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    assert set(models) == shown_widget_models(nb), "re-run it with tools/run_notebooks.py"
