"""data/ survives a Windows-style clone (core.autocrlf=true) byte for byte, thanks to .gitattributes.

Git for Windows clones with core.autocrlf=true: without the attributes, every LF in the CSV files
becomes CRLF, the Hubble, letters and brain-neuron loaders fail their checksum, and
`git checkout -- data/` does not help.  The test builds a throw-away repository from the *working
tree* (data/ and the current .gitattributes, committed with autocrlf=false), clones it with
autocrlf=true and loads every dataset from the clone — offline, and before anything is committed.
The same clone without the attributes must break, so the test can fail.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from course_lib import datafiles, datasets
from notebook_support import REPO, unavailable

ATTRIBUTE_FILES = (".gitattributes", "data/.gitattributes")
CSV_LOADERS = (datasets.load_hubble, datasets.load_letters, datasets.load_brain_neurons)


def _git_env(home: Path) -> dict:
    """git with no user/system configuration (no autocrlf, signing or hooks of the developer's own)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
               GIT_AUTHOR_NAME="test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="test", GIT_COMMITTER_EMAIL="test@example.org")
    return env


def _git(env, cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True)


def _windows_clone(tmp_path: Path, *, attributes: bool, csv_only: bool = False, config=()) -> Path:
    """data/ of the working tree (with or without its .gitattributes) → a repository → a CRLF clone."""
    if shutil.which("git") is None:
        unavailable("git is not installed")
    source, clone, home = tmp_path / "source", tmp_path / "clone", tmp_path / "home"
    home.mkdir()
    env = _git_env(home)
    ignore = shutil.ignore_patterns("*.gz") if csv_only else None
    shutil.copytree(REPO / "data", source / "data", ignore=ignore)
    (source / "data" / ".gitattributes").unlink(missing_ok=True)
    if attributes:
        present = [name for name in ATTRIBUTE_FILES if (REPO / name).is_file()]
        assert present, "no .gitattributes keeps data/ byte-exact"
        for name in present:
            shutil.copy(REPO / name, source / name)
    _git(env, tmp_path, "-c", "init.defaultBranch=main", "init", "-q", str(source))
    _git(env, source, "-c", "core.autocrlf=false", "add", "-A")
    _git(env, source, "-c", "core.autocrlf=false", "commit", "-q", "-m", "data")
    options = ["-c", "core.autocrlf=true"]
    for item in config:
        options += ["-c", item]
    _git(env, tmp_path, *options, "clone", "-q", "--no-hardlinks", str(source), str(clone))
    return clone / "data"


@pytest.mark.parametrize("config", [(), ("core.eol=crlf",)], ids=["autocrlf", "autocrlf+eol=crlf"])
def test_every_dataset_loads_from_a_crlf_clone(tmp_path, config):
    data = _windows_clone(tmp_path, attributes=True, config=config)
    for name in datafiles._expected_hashes(data):
        datasets.verified_path(name, data_dir=data)        # every listed file is byte-exact
    assert len(datasets.load_hubble(data_dir=data).names) == 24
    assert datasets.load_letters(data_dir=data).X.shape[1] == 12
    assert datasets.load_brain_neurons(data_dir=data).species[0] == "snail"
    X, y = datasets.load_mnist("test", data_dir=data)
    assert X.shape == (10_000, 28, 28) and y.shape == (10_000,)
    X, y = datasets.load_mnist("train", flatten=True, data_dir=data)
    assert X.shape == (60_000, 784)


def test_a_global_text_eol_crlf_attribute_does_not_override_the_repository(tmp_path):
    attributes = tmp_path / "global-attributes"
    attributes.write_text("* text eol=crlf\n")
    data = _windows_clone(tmp_path, attributes=True, csv_only=True, config=(f"core.attributesFile={attributes}",))
    for load in CSV_LOADERS:
        load(data_dir=data)


def test_without_the_attributes_the_crlf_clone_breaks_and_the_message_says_how_to_fix_it(tmp_path):
    data = _windows_clone(tmp_path, attributes=False, csv_only=True)
    assert b"\r\n" in (data / "hubble1929.csv").read_bytes()      # the clone did convert: the test can fail
    for load in CSV_LOADERS:
        with pytest.raises(datasets.DataIntegrityError, match="CRLF") as info:
            load(data_dir=data)
    message = str(info.value)
    assert "core.autocrlf" in message and "git -c core.autocrlf=false checkout -- data/" in message
    # The finding: the usual `git checkout -- data/` restores nothing here ...
    env = _git_env(tmp_path / "home")
    _git(env, data.parent, "-c", "core.autocrlf=true", "checkout", "--", "data/")
    with pytest.raises(datasets.DataIntegrityError, match="CRLF"):
        datasets.load_hubble(data_dir=data)
    # ... while the message's advice (delete the file, check out without conversion) does.
    for name in ("hubble1929.csv", "letters_4x3.csv", "brain_neurons.csv"):
        (data / name).unlink()
    _git(env, data.parent, "-c", "core.autocrlf=false", "checkout", "--", "data/")
    for load in CSV_LOADERS:
        load(data_dir=data)
