"""Shared by the tests that run the chapter notebooks (browser, rerun, slides).

    REPO, NOTEBOOKS_DIR   where the repository and its chapters are
    JA_DIR, CHAPTERS      the Japanese edition's folder; every chapter of both editions, as paths
                          relative to NOTEBOOKS_DIR ("01_neurons.ipynb", "ja/01_neurons.ipynb")
    IN_CI                 True under CI (CI=true): missing pieces fail instead of skipping
    unavailable(reason)   skip with the reason outside CI, fail in CI
    copy_notebooks(base)  a private copy of notebooks/ (with ../data beside it), so runs never touch the repo
"""
import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS_DIR = REPO / "notebooks"
JA_DIR = NOTEBOOKS_DIR / "ja"
CHAPTERS = ([p.name for p in sorted(NOTEBOOKS_DIR.glob("*.ipynb"))]
            + [f"ja/{p.name}" for p in sorted(JA_DIR.glob("*.ipynb"))])
IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def unavailable(reason: str):
    """Skip outside CI; in CI a missing tool or chapter is a failure, never a silent skip."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this test must run in CI)", pytrace=False)
    pytest.skip(reason)


def copy_notebooks(base: Path) -> Path:
    """Copy notebooks/ to base/notebooks and link base/data to data/; returns the copy's folder."""
    root = base / "notebooks"
    if NOTEBOOKS_DIR.is_dir():
        shutil.copytree(NOTEBOOKS_DIR, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    else:
        root.mkdir()
    if (REPO / "data").is_dir():   # notebooks that read ../data keep working from the copy
        (base / "data").symlink_to(REPO / "data", target_is_directory=True)
    return root
