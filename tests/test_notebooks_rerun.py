"""Every chapter of both editions (English, Japanese) survives "Restart & Run All" followed by a second "Run All" in the same kernel.

Students run cells again and again; a chapter must not depend on running
exactly once (a variable consumed by the first run, a file created twice,
a widget that refuses to be rebuilt, a random generator that drifts into a
failing exercise...).  For each notebook: start a fresh kernel, execute every
cell in order, then execute every cell again in that same kernel; both passes
must finish without an error (cells tagged ``raises-exception`` may raise,
as in JupyterLab and nbval).

Uses nbclient directly, on a temporary copy of notebooks/ (the notebooks in
the repository are never written).  Run:  pytest tests/test_notebooks_rerun.py
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from notebook_support import CHAPTERS, NOTEBOOKS_DIR, REPO, copy_notebooks, unavailable

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
from nbclient.exceptions import CellExecutionError, CellTimeoutError  # noqa: E402

CELL_TIMEOUT = 600  # s for one cell (06_mnist trains a network in one cell)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A temporary copy of notebooks/ (with ../data beside it), so runs never touch the repo."""
    base = tmp_path_factory.mktemp("rerun")
    return copy_notebooks(base)


def _kernel_env() -> dict:
    """The kernel imports this working tree's course_lib and draws with the inline backend."""
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO)] + [p for p in [os.environ.get("PYTHONPATH")] if p])
    return env


def run_twice(path: Path) -> list[float]:
    """Execute all cells of ``path`` twice in one fresh kernel; return the two durations (s)."""
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",          # this environment's kernel, whatever the notebook names
        allow_errors=False,             # an error fails, except in cells tagged raises-exception
        resources={"metadata": {"path": str(path.parent)}},
    )
    durations = []
    with client.setup_kernel(env=_kernel_env()):
        for run in (1, 2):
            start = time.perf_counter()
            for index, cell in enumerate(nb.cells):
                try:
                    client.execute_cell(cell, index)
                except (CellExecutionError, CellTimeoutError) as exc:
                    label = "Restart & Run All" if run == 1 else "the second Run All"
                    pytest.fail(f"{path.name}, {label}, cell {index}:\n{exc}", pytrace=False)
            durations.append(time.perf_counter() - start)
    return durations


def test_chapter_notebooks_exist():
    if not CHAPTERS:
        unavailable(f"no chapter notebooks in {NOTEBOOKS_DIR}")


@pytest.mark.parametrize("notebook", CHAPTERS)
def test_restart_run_all_then_run_all_again(workdir, notebook):
    first, second = run_twice(workdir / notebook)
    print(f"{notebook}: first run {first:.1f} s, second run {second:.1f} s")


def test_run_twice_catches_a_notebook_that_only_runs_once(tmp_path):
    """Self-test: a notebook that consumes its state in the first run must fail the second."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("try:\n    items\nexcept NameError:\n    items = [1, 2]"),
        nbformat.v4.new_code_cell("first = items.pop()\nassert len(items) == 1, 'run twice'"),
    ]
    path = tmp_path / "once.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(pytest.fail.Exception, match="second Run All, cell 1"):
        run_twice(path)
