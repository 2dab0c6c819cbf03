"""Real-browser test of the playground (issue 16, items 4 and 6): JupyterLab + Playwright + Debian's Chromium.

A small notebook written into the server's temporary root shows ``PlaygroundExplorer()``.  The test presses
play (a toggle button; the frames are drawn by an asyncio task on the kernel's event loop, no thread), lets it
run, measures the frames per second that reach the page (new figure images; target ≥ 15), presses pause, and
checks that the picture changed, the epoch counter advanced, the frames stop within about one frame after the
pause, and the kernel answers a cell at once afterwards.  Then it plays again and clears the playground's output
(as running its cell again would): play must stop, or frames would go on taking the kernel's time unseen.

Uses the harness of tests/test_browser.py (its fixtures and helpers): outside CI a missing Chromium or
Playwright skips this module; with CI=true it is a failure.

Run:  pytest tests/test_browser_playground.py       (the timings are printed even without -s)
"""
from __future__ import annotations

import os
import re

from test_browser import (  # noqa: F401  (fixtures: pytest finds them by name in this module)
    IMAGE_TIMEOUT, _write_notebook, assert_clean, browser, lab, open_notebook, page, run_all, screenshot,
)

NOTEBOOK = "zz_playground.ipynb"
CELLS = [
    ("code", "from course_lib.explorers import PlaygroundExplorer\n"
             "pg = PlaygroundExplorer()      # circle, 2 hidden layers x 4 tanh neurons, 500 points\n"
             "pg", []),
    ("code", "import numpy as np\n"
             "times = 1000 * np.array(pg.frame_times)\n"
             "print(f'KERNEL {len(times)} frames, median {np.median(times) if len(times) else 0:.0f} ms, '\n"
             "      f'at epoch {pg.epoch}')", []),
]

# Run one cell again (the kernel-side timing after playing) and return its text output.
_JS_RUN_CELL = """
async (index) => {
  const app = window.jupyterapp, panel = window.__testPanel;
  panel.content.activeCellIndex = index;
  await app.commands.execute('notebook:run-cell');
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    const outputs = panel.content.widgets[index].model.outputs.toJSON();
    const text = outputs.map(o => o.text || '').join('');
    if (text.includes('KERNEL') && panel.sessionContext.session.kernel.status === 'idle') return text;
    await new Promise(r => setTimeout(r, 200));
  }
  return 'no kernel timing';
}
"""
PLAY_SECONDS = 5.0
TARGET_FPS = 15

# Count the figure's new images (src changes) with their times; find the explorer's parts.  The explorer is
# the notebook's first one, or the one in cell `index` (also used by tests/test_lite.py).
_JS_INSTRUMENT = """
(index) => {
  const panel = window.__testPanel;
  const scope = index == null ? panel.node : panel.content.widgets[index].node;
  const root = scope.querySelector('.course-explorer');
  if (!root) return false;
  root.scrollIntoView({block: 'center'});
  const img = () => root.querySelector('img.course-explorer-figure, .course-explorer-figure img');
  window.__frames = [];
  window.__longTasks = [];      // main-thread tasks > 50 ms: is the browser itself the bottleneck?
  try {
    new PerformanceObserver(list => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
        .observe({entryTypes: ['longtask']});
  } catch (e) { /* not supported: report nothing */ }
  let previous = img() ? img().src : '';
  new MutationObserver(() => {
    const now = img() ? img().src : '';
    if (now && now !== previous) { previous = now; window.__frames.push(performance.now()); }
  }).observe(root, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
  window.__playButton = () => root.querySelector('button.course-playground-play');
  window.__readout = () => root.querySelector('.course-explorer-readout').innerText;
  window.__imageSrc = () => (img() ? img().src : '');
  return true;
}
"""


def _epoch(text: str) -> int:
    match = re.search(r"epoch (\d+)", text)
    assert match, f"no epoch counter in the readout: {text!r}"
    return int(match.group(1))


def _kernel_epoch(text: str) -> int:
    match = re.search(r"at epoch (\d+)", text)
    assert match, f"no epoch in the kernel's answer: {text!r}"
    return int(match.group(1))


def test_play_trains_and_animates_pause_stops(lab, page, capsys):
    _write_notebook(lab.root / NOTEBOOK, CELLS)
    open_notebook(page, lab, NOTEBOOK)
    assert_clean(run_all(page, NOTEBOOK), NOTEBOOK, page)
    assert page.evaluate(_JS_INSTRUMENT), "no .course-explorer in the output of the playground cell"
    page.wait_for_function("() => window.__imageSrc() !== '' && window.__playButton() !== null",
                           timeout=IMAGE_TIMEOUT * 1000)
    epoch0, image0 = _epoch(page.evaluate("window.__readout()")), page.evaluate("window.__imageSrc()")
    assert epoch0 == 0

    page.evaluate("window.__playButton().click()")                    # play
    page.wait_for_function("() => window.__frames.length >= 3", timeout=IMAGE_TIMEOUT * 1000)
    start = page.evaluate("window.__frames.length")
    page.wait_for_timeout(PLAY_SECONDS * 1000)
    frames = page.evaluate(f"window.__frames.slice({start})")
    busy = page.evaluate("(t0) => window.__longTasks.filter(([s, d]) => s >= t0).reduce((a, [s, d]) => a + d, 0)",
                         frames[0]) if frames else 0.0
    page.evaluate("window.__frames_at_pause = window.__frames.length; window.__playButton().click()")   # pause
    page.wait_for_timeout(1500)
    after_pause = page.evaluate("window.__frames.length - window.__frames_at_pause")
    epoch1 = _epoch(page.evaluate("window.__readout()"))
    page.wait_for_timeout(1000)
    epoch2 = _epoch(page.evaluate("window.__readout()"))

    page.evaluate("() => window.__testPanel.content.widgets[1].model.outputs.clear()")
    kernel = page.evaluate(_JS_RUN_CELL, 1).strip()
    fps = (len(frames) - 1) / ((frames[-1] - frames[0]) / 1000) if len(frames) > 1 else 0.0
    with capsys.disabled():
        print(f"\n[browser] playground: {fps:.1f} frames per second while playing ({len(frames)} new images in "
              f"{PLAY_SECONDS:.0f} s; target >= {TARGET_FPS}), {after_pause} frame(s) after pause, epoch {epoch1}; "
              f"{kernel}; browser main thread in long tasks {busy / (frames[-1] - frames[0]) if len(frames) > 1 else 0:.0%}; "
              f"load average {os.getloadavg()[0]:.2f}")
    note = screenshot(page, NOTEBOOK)
    assert page.evaluate("window.__imageSrc()") != image0, "the picture did not change while playing" + note
    assert epoch1 > 0, f"the epoch counter did not advance while playing: {epoch1}" + note
    assert epoch2 == epoch1, f"training went on after pause: epoch {epoch1} -> {epoch2}" + note
    assert after_pause <= 3, f"{after_pause} frames arrived after pause (the kernel fell behind the timer)" + note
    assert fps >= 5, f"only {fps:.1f} frames per second while playing (target {TARGET_FPS})" + note
    assert "KERNEL" in kernel, f"the kernel did not answer a cell after the pause: {kernel!r}" + note

    page.evaluate("window.__playButton().click()")                    # play again, then the output goes
    page.wait_for_function(f"() => window.__frames.length > {len(frames) + start + after_pause + 2}",
                           timeout=IMAGE_TIMEOUT * 1000)
    page.evaluate("() => window.__testPanel.content.widgets[0].model.outputs.clear()")
    page.wait_for_timeout(1000)
    epochs = []
    for _ in range(2):
        page.evaluate("() => window.__testPanel.content.widgets[1].model.outputs.clear()")
        epochs.append(_kernel_epoch(page.evaluate(_JS_RUN_CELL, 1)))
        page.wait_for_timeout(1000)
    assert epochs[0] > epoch1, f"play did not start again: epoch {epoch1} -> {epochs[0]}" + note
    assert epochs[1] == epochs[0], (f"the playground's output was cleared, but it went on training unseen: "
                                    f"epoch {epochs[0]} -> {epochs[1]}") + note
