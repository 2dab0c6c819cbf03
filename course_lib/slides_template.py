"""The page template of the exported decks (used by ``course_lib.slides``).

It extends nbconvert's reveal template (``reveal/index.html.j2``, whose
top-level variables ``reveal_url_prefix``, ``reveal_theme``, … are visible in
the blocks).  What it changes, for decks that replace the lecture slides:

- reveal.js and its notes plugin come in as plain ``<script>`` tags (no
  require.js / jQuery / mermaid from a CDN; works from ``file://``); no widget
  loader (a static deck).
- Lecture look: no ``In [n]:`` prompts, code and text output wrap instead of
  being cut on the right, figures as large as the canvas allows (``max-height``
  of the canvas), headings as written (not in capitals).
- Offline MathJax 2.7 (``_assets/mathjax``): TeX input, HTML-CSS output with the
  STIX-Web fonts — the only fonts jupyter-server-mathjax ships (the default TeX
  fonts would 404).  From the CDN nbconvert's own MathJax set-up is kept.
- **Fitting** (in the browser, before reveal.js starts, once MathJax has
  typeset and the fonts and images are loaded): every slide is laid out on the
  ``WIDTH × HEIGHT`` canvas and measured.  A slide that is too tall is first
  scaled down if a zoom ≥ ``ZOOM_SPLIT`` suffices, otherwise split into
  continuation slides "… (cont.)" at a cell boundary (or between the
  paragraphs / list items of a long markdown cell, or between the lines of a
  long code cell or text output); a part still too big is zoomed down to
  ``ZOOM_MIN`` at the lowest (so code stays ≥ 15 px on the canvas) and its
  figures are shrunk.  Then reveal.js starts and ``window.courseDeckReady``
  becomes true (the browser test waits for it).
- ``navigationMode: "linear"``: → / Space / Page Down step through every
  slide, sub-slide and continuation in order, like a lecture deck.
"""
from __future__ import annotations

WIDTH, HEIGHT = 1280, 720      # the canvas reveal.js scales to the screen (16:9 projectors)
ZOOM_SPLIT = 0.85              # a slide needing more shrinking than this is split instead
ZOOM_MIN = 0.78                # never smaller: 19 px code → 15 px, 20 px text → 15.6 px on the canvas

NAME = "course_slides.html.j2"

TEMPLATE = r"""
{%- extends 'index.html.j2' -%}

{%- block html_head_js -%}
<script>document.documentElement.classList.add('course-measuring');</script>
<script src="{{ reveal_url_prefix }}/dist/reveal.js"></script>
<script src="{{ reveal_url_prefix }}/plugin/notes/notes.js"></script>
{%- endblock html_head_js -%}

{% block jupyter_widgets %}{% endblock jupyter_widgets %}

{%- block html_head_js_mathjax -%}
{%- if resources.mathjax_url.startswith('http') -%}
{{ super() }}
{%- else -%}
<script>
window.MathJax = {
  TeX: {equationNumbers: {autoNumber: "AMS", useLabelIds: true}},
  tex2jax: {inlineMath: [["$", "$"], ["\\(", "\\)"]], displayMath: [["$$", "$$"], ["\\[", "\\]"]],
            processEscapes: true, processEnvironments: true},
  "HTML-CSS": {availableFonts: ["STIX"], preferredFont: "STIX", webFont: "STIX-Web", imageFont: null,
               linebreaks: {automatic: true}},
  menuSettings: {locale: "en"},
  displayAlign: "center",
  messageStyle: "none"
};
</script>
<script src="{{ resources.mathjax_url }}"></script>
{%- endif -%}
{%- endblock html_head_js_mathjax -%}

{% block footer_js %}
<style>
/* headings as written (the white theme would print them in capitals) */
.reveal h1, .reveal h2, .reveal h3, .reveal h4, .reveal h5, .reveal h6 { text-transform: none; }
/* a lecture slide, not a notebook: no prompts, the whole width for the content */
.reveal .jp-InputPrompt, .reveal .jp-OutputPrompt { display: none !important; }
.reveal .jp-Cell, .reveal .jp-Cell-inputWrapper, .reveal .jp-Cell-outputWrapper { max-width: 100%; }
.reveal .jp-Cell { padding: 2px 0; }
/* long code lines and long text output wrap instead of being cut on the right */
.reveal pre, .reveal .highlight pre, .reveal .jp-OutputArea-output pre {
  white-space: pre-wrap !important; overflow-wrap: anywhere; word-break: normal; overflow: visible !important;
}
.reveal .jp-CodeMirrorEditor, .reveal .jp-InputArea-editor { overflow: visible !important; box-sizing: border-box; }
.reveal .jp-Cell pre { width: auto !important; max-width: 100%; box-sizing: border-box; box-shadow: none; margin: 0; }
.reveal .jp-InputArea-editor { width: 100% !important; flex: 1 1 auto; min-width: 0; }
/* figures: as big as the canvas allows, never taller than it, crisp */
.reveal .jp-OutputArea-output img, .reveal .jp-RenderedImage img {
  max-width: 100%; max-height: {{ course_figure_height }}px; width: auto; height: auto; object-fit: contain;
  image-rendering: auto; margin: 0 auto; display: block;
}
.reveal .jp-RenderedImage { display: block; text-align: center; width: 100%; }
.reveal table { max-width: 100%; }
/* an exercise: a prompt to the class */
.reveal .course-exercise {
  border-left: 6px solid #2a76dd; background: rgba(42, 118, 221, 0.08); padding: 0.3em 0.8em;
  font-size: var(--jp-content-font-size1, 20px); font-family: var(--jp-content-font-family, sans-serif);
}
.reveal h3.course-cont-title { font-size: 26px; line-height: 1.2; margin: 0 0 12px 0; text-align: left; color: #555; }
/* before reveal.js starts: every slide laid out (hidden) on the canvas, to be measured */
html.course-measuring .reveal .slides {
  width: {{ course_width }}px !important; height: {{ course_height }}px !important;
  position: absolute !important; left: 0 !important; top: 0 !important; margin: 0 !important;
  transform: none !important; zoom: 1 !important;
}
html.course-measuring .reveal .slides section {
  display: block !important; visibility: hidden !important; position: absolute !important;
  left: 0 !important; top: 0 !important; width: 100% !important; height: auto !important;
}
</style>
<script>
(function () {
  var W = {{ course_width }}, H = {{ course_height }};
  var ZOOM_SPLIT = {{ course_zoom_split }}, ZOOM_MIN = {{ course_zoom_min }};
  var started = false;

  function leaves() {
    return Array.prototype.filter.call(document.querySelectorAll('.reveal .slides section'),
      function (s) { return !s.querySelector('section'); });
  }
  function items(section) {
    return Array.prototype.filter.call(section.children, function (el) {
      return !(el.tagName === 'ASIDE' || el.classList.contains('course-cont-title') || el.tagName === 'SCRIPT');
    });
  }
  function extent(section) { return {h: section.scrollHeight, w: section.scrollWidth}; }
  function bottomOf(el, section) {
    var r = el.getBoundingClientRect(), s = section.getBoundingClientRect();
    return r.bottom - s.top;
  }
  function titleFor(section) {
    var s = section;
    while (s) {
      var h = s.querySelector('h1, h2, h3');
      if (h && !h.classList.contains('course-cont-title')) return h.textContent.replace(/\u00b6/g, '').trim();
      if (h) return h.getAttribute('data-course-title');
      s = s.previousElementSibling || (s.parentElement.tagName === 'SECTION' ? s.parentElement.previousElementSibling : null);
      if (s && s.tagName === 'SECTION' && s.querySelector('section')) s = s.querySelector('section:last-of-type');
    }
    return '';
  }
  function newContinuation(section) {
    var cont = document.createElement('section');
    cont.className = 'course-cont';
    var title = titleFor(section);
    if (title) {
      var h = document.createElement('h3');
      h.className = 'course-cont-title';
      h.setAttribute('data-course-title', title);
      h.textContent = title + ' (cont.)';
      cont.appendChild(h);
    }
    section.parentNode.insertBefore(cont, section.nextSibling);
    return cont;
  }
  // Split inside item `el` that runs below `limit`: a code cell's outputs go to the
  // continuation, else the first long text box (markdown blocks, list items, lines of a
  // <pre>) is cut at its first block below the limit.  Returns the continuation's part.
  function splitInside(el, section, limit) {
    var inW = el.querySelector('.jp-Cell-inputWrapper'), outW = el.querySelector('.jp-Cell-outputWrapper');
    if (inW && outW && (outW.textContent.trim() !== '' || outW.querySelector('img'))
        && bottomOf(inW, section) <= limit / ZOOM_MIN) {   // the code alone fits, zoomed if need be
      var copy0 = el.classList.contains('jp-Cell') ? {root: el.cloneNode(false)} : cloneChain(el, outW.closest('.jp-Cell'));
      (copy0.inner || copy0.root).appendChild(outW);
      return copy0.root;
    }
    var boxes = el.querySelectorAll('.jp-RenderedMarkdown, pre');
    for (var b = 0; b < boxes.length; b++) {
      var box = boxes[b];
      if (bottomOf(box, section) <= limit) continue;
      if (box.tagName === 'PRE') return splitPre(el, box, section, limit);
      var blocks = Array.prototype.slice.call(box.children);
      // a single long list: split between its items
      if (blocks.length === 1 && /^(UL|OL)$/.test(blocks[0].tagName)) { box = blocks[0]; blocks = Array.prototype.slice.call(box.children); }
      var k = -1;
      for (var i = 0; i < blocks.length; i++) { if (bottomOf(blocks[i], section) > limit) { k = i; break; } }
      if (k >= 0 && blocks[k].tagName === 'TABLE') {      // a long table: split between its rows
        var rest = splitTable(el, blocks[k], section, limit);
        if (rest) {
          for (var m = k + 1; m < blocks.length; m++) rest.inner.appendChild(blocks[m]);
          return rest.root;
        }
      }
      if (k < 1) return null;
      var copy = cloneChain(el, box);
      if (box.tagName === 'OL') copy.inner.setAttribute('start', String((parseInt(box.getAttribute('start') || '1', 10)) + k));
      for (var j = k; j < blocks.length; j++) copy.inner.appendChild(blocks[j]);
      return copy.root;
    }
    return null;
  }
  function splitTable(el, table, section, limit) {
    var body = table.tBodies[0];
    if (!body) return null;
    var rows = Array.prototype.slice.call(body.rows), k = -1;
    for (var i = 0; i < rows.length; i++) { if (bottomOf(rows[i], section) > limit) { k = i; break; } }
    if (k < 2) return null;
    var copy = cloneChain(el, table.parentElement);
    var t2 = table.cloneNode(false);
    if (table.tHead) t2.appendChild(table.tHead.cloneNode(true));   // the header again on the continuation
    var b2 = body.cloneNode(false);
    t2.appendChild(b2);
    for (var j = k; j < rows.length; j++) b2.appendChild(rows[j]);
    copy.inner.appendChild(t2);
    return copy;
  }
  function splitPre(el, pre, section, limit) {
    var lines = pre.innerHTML.split('\n');
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    var top = pre.getBoundingClientRect().top - section.getBoundingClientRect().top;
    var lineH = pre.getBoundingClientRect().height / Math.max(lines.length, 1);
    var keep = Math.floor((limit - top) / lineH) - 1;
    if (keep >= lines.length) return null;
    // do not cut inside a span of the highlighter (a string over several lines)
    var head, tail;
    for (; keep >= 3; keep--) {
      head = lines.slice(0, keep).join('\n');
      tail = lines.slice(keep).join('\n');
      if ((head.match(/<span/g) || []).length === (head.match(/<\/span>/g) || []).length) break;
    }
    if (keep < 3) return null;
    var copy = cloneChain(el, pre);
    pre.innerHTML = head;
    copy.inner.innerHTML = tail;
    // the code goes on in the continuation: its output follows it there
    var outputs = el.querySelector('.jp-Cell-outputWrapper');
    if (outputs && !outputs.contains(pre)) copy.root.appendChild(outputs);
    return copy.root;
  }
  // A shallow copy of the wrappers from `root` down to `inner` (classes kept, content not).
  function cloneChain(root, inner) {
    var chain = [], n = inner;
    while (n && n !== root) { chain.unshift(n); n = n.parentElement; }
    var copyRoot = root.cloneNode(false), parent = copyRoot, copyInner = copyRoot;
    chain.forEach(function (node) {
      var c = node.cloneNode(false);
      parent.appendChild(c);
      parent = c;
      copyInner = c;
    });
    return {root: copyRoot, inner: copyInner};
  }
  function split(section) {
    var list = items(section);
    var limit = H - 16;
    for (var i = 0; i < list.length; i++) {
      if (bottomOf(list[i], section) <= limit) continue;
      var top = list[i].getBoundingClientRect().top - section.getBoundingClientRect().top;
      var cont = null, j;
      if (i > 0 && top > 80) {                     // at a cell boundary
        cont = newContinuation(section);
        for (j = i; j < list.length; j++) cont.appendChild(list[j]);
        return cont;
      }
      var part = splitInside(list[i], section, limit);
      if (part) {
        cont = newContinuation(section);
        cont.appendChild(part);
        for (j = i + 1; j < list.length; j++) cont.appendChild(list[j]);
      } else if (i > 0) {
        cont = newContinuation(section);
        for (j = i; j < list.length; j++) cont.appendChild(list[j]);
      } else if (list.length > 1) {               // a cell too tall on its own: the rest moves on
        cont = newContinuation(section);
        for (j = 1; j < list.length; j++) cont.appendChild(list[j]);
      }
      return cont;
    }
    return null;
  }
  function zoomTo(section, z) {
    var wrap = section.querySelector(':scope > .course-zoom');
    if (!wrap) {
      wrap = document.createElement('div');
      wrap.className = 'course-zoom';
      items(section).forEach(function (el) { wrap.appendChild(el); });
      section.insertBefore(wrap, section.querySelector(':scope > aside'));
    }
    // zooming out widens the room, which can make figures larger: settle in a few steps
    for (var step = 0; step < 4; step++) {
      wrap.style.zoom = String(z);
      var e = extent(section);
      if (e.h <= H - 8 && e.w <= W) break;
      var next = Math.max(ZOOM_MIN, z * Math.min((H - 12) / e.h, W / e.w));
      if (next >= z - 0.001) break;
      z = next;
    }
    return wrap;
  }
  // Figures give way (to `floor` of their height, never below `minPx`).
  function shrinkImages(section, floor, minPx) {
    var e = extent(section);
    var over = e.h - (H - 12);
    if (over <= 0) return;
    var imgs = Array.prototype.filter.call(section.querySelectorAll('img'), function (img) { return img.offsetHeight > minPx; });
    if (!imgs.length) return;
    var total = imgs.reduce(function (sum, img) { return sum + img.offsetHeight; }, 0);
    imgs.forEach(function (img) {
      var h = img.offsetHeight, cut = over * h / total + 4;
      img.style.maxHeight = Math.max(minPx, h * floor, h - cut) + 'px';
    });
  }
  function fits(section) { var e = extent(section); return e.h <= H - 8 && e.w <= W; }
  function fitOne(section, depth) {
    if (fits(section)) return;
    shrinkImages(section, 0.75, 360);              // a little smaller keeps a figure with its text
    if (fits(section)) return;
    var e = extent(section);
    var need = Math.min((H - 12) / e.h, W / e.w);
    if (need >= ZOOM_SPLIT || depth > 40) { zoomTo(section, Math.max(need, ZOOM_MIN)); return; }
    var cont = e.h > H - 8 ? split(section) : null;
    if (cont) { fitOne(section, depth + 1); fitOne(cont, depth + 1); return; }
    zoomTo(section, Math.max(need, ZOOM_MIN));
    if (!fits(section)) shrinkImages(section, 0.2, 160);   // the last resort: smaller figures
  }
  // Figures as big as the canvas allows: up to 1.5 × their pixel size (crisp enough on a projector).
  function enlargeImages() {
    Array.prototype.forEach.call(document.querySelectorAll('.reveal .jp-OutputArea-output img'), function (img) {
      if (img.naturalWidth > 0) img.style.width = Math.min(img.naturalWidth * 1.5, W - 40) + 'px';
    });
  }
  function fit() {
    enlargeImages();
    var all = leaves();
    for (var i = 0; i < all.length; i++) fitOne(all[i], 0);
  }
  function start() {
    if (started) return;
    started = true;
    try { fit(); } catch (err) { if (window.console) console.error('course deck fitting:', err); }
    document.documentElement.classList.remove('course-measuring');
    Reveal.initialize({
      controls: true,
      progress: true,
      history: true,
      hash: true,
      center: true,
      navigationMode: "linear",
      transition: "{{ reveal_transition }}",
      slideNumber: "{{ reveal_number }}",
      plugins: [RevealNotes],
      width: W,
      height: H,
      margin: 0.02,
      minScale: 0.2,
      maxScale: 3.0
    }).then(function () { window.courseDeckReady = true; });
  }
  window.courseDeckReady = false;
  var waits = [new Promise(function (ok) {
    if (document.readyState === 'complete') ok(); else window.addEventListener('load', ok);
  })];
  if (document.fonts && document.fonts.ready) waits.push(document.fonts.ready);
  if (window.MathJax && window.MathJax.Hub && MathJax.Hub.Register) {
    waits.push(new Promise(function (ok) {
      MathJax.Hub.Register.StartupHook('End', function () { MathJax.Hub.Queue(ok); });
    }));
  }
  Promise.all(waits).then(start, start);
  setTimeout(start, 20000);   // never leave the deck blank if MathJax cannot load (no internet for the CDN)
})();
</script>
{% endblock footer_js %}
"""


def template() -> str:
    """The Jinja template text with the canvas size and zoom limits filled in."""
    values = {"course_width": WIDTH, "course_height": HEIGHT, "course_figure_height": HEIGHT - 40,
              "course_zoom_split": ZOOM_SPLIT, "course_zoom_min": ZOOM_MIN}
    text = TEMPLATE
    for key, value in values.items():
        text = text.replace("{{ %s }}" % key, str(value))
    return text
