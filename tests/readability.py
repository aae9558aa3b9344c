"""What a reader meets on a page, measured in the browser (Playwright page objects): how wide
the page is, tables that must be read without sideways scrolling but scroll, how much of a
matrix the frozen column takes and how many level cells show beside it, words broken in the
middle, and text too small to read.

Used by the browser tests (tests/test_readers.py, tests/test_browser.py) on pages they open.
"""

from __future__ import annotations

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
MIN_TEXT_PX = 11
MAX_FROZEN = 0.40  # of the matrix box's width
MIN_LEVEL_CELLS = 3
# Tables read without scrolling sideways, at any width: the SKJ's (cards on a phone) and the
# label–value tables. Other tables may scroll inside their own box.
NO_SIDEWAYS = ("kamus-cards", "kamus-fields")

# An ordinary word: letters only. A code (T.KEU.01, BPKAD.KABID_ANGGARAN) may break after . _ - only.
_ORDINARY = r"^[\p{L}]{2,30}$"

_MEASURE = """(ordinary) => {
  const word = new RegExp(ordinary, "u");
  const shown = el => el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  const describe = el => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      parts.unshift(e.tagName.toLowerCase() + (e.classList.length ? "." + [...e.classList].join(".") : ""));
    }
    return parts.join(" > ");
  };
  const texts = root => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.data.trim() && node.parentElement && shown(node.parentElement)) { found.push(node); }
    }
    return found;
  };
  const result = {width: document.documentElement.scrollWidth, viewport: window.innerWidth,
                  small: [], broken: [], matrices: [], wide: [], sideways: []};
  // Text under the minimum size, anywhere on the page (header and navigation too).
  for (const node of texts(document.body)) {
    const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && size < MIN) {
      result.small.push({size: Math.round(size * 10) / 10, text: node.data.trim().slice(0, 40),
                         where: describe(node.parentElement)});
    }
  }
  // Ordinary words laid out on more than one line, in the page's content.
  const article = document.querySelector("article") || document.body;
  for (const node of texts(article)) {
    const re = /\\S+/g;
    let m;
    while ((m = re.exec(node.data)) !== null) {
      const token = m[0].replace(/^[^\\p{L}]+|[^\\p{L}]+$/gu, "");
      if (!word.test(token)) { continue; }
      const start = m.index + m[0].indexOf(token);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + token.length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) { result.broken.push({word: token, where: describe(node.parentElement)}); }
    }
  }
  // Codes that wrap: only after . _ - ("BPKAD.KABID_" / "ANGGARAN"), never inside one of their parts.
  for (const el of article.querySelectorAll("code")) {
    if (!shown(el) || el.getClientRects().length < 2) { continue; }
    let previous = null, last = "";
    for (const node of texts(el)) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = [...range.getClientRects()].find(r => r.width > 0);
        if (!rect) { last = node.data[i]; continue; }  // a space at the end of a line has no box
        if (previous !== null && rect.top > previous + 2 && !/[._\\-\\s]/.test(last)) {
          result.broken.push({word: el.textContent, where: describe(el)});
        }
        previous = rect.top;
        last = node.data[i];
      }
    }
  }
  // Tables that scroll sideways inside their box (or stick out of it): {table's classes, widths}.
  for (const table of article.querySelectorAll("table")) {
    const box = table.closest(".kamus-scroll, .kamus-matrix-wrap") || table.parentElement;
    if (!shown(table) || box.scrollWidth <= box.clientWidth + 1) { continue; }
    result.sideways.push({table: [...table.classList], content: box.scrollWidth, box: box.clientWidth});
  }
  // Matrices: the frozen column's share of the box and the level cells shown beside it.
  for (const wrap of document.querySelectorAll(".kamus-matrix-wrap")) {
    const table = wrap.querySelector("table");
    if (!table || !shown(wrap) || !table.tHead) { continue; }
    const box = wrap.getBoundingClientRect();
    const inner = box.left + wrap.clientLeft;
    const head = [...table.tHead.rows].pop();
    const cells = [...head.cells];
    const frozen = cells.filter(c => c.classList.contains("kamus-fixed"));
    const frozenRight = frozen.length ? Math.max(...frozen.map(c => c.getBoundingClientRect().right)) : inner;
    const levels = cells.filter(c => !c.classList.contains("kamus-fixed"));
    const right = inner + wrap.clientWidth;
    const visible = levels.filter(c => {
      const r = c.getBoundingClientRect();
      return r.left >= frozenRight - 1 && r.right <= right + 1;
    });
    result.matrices.push({name: table.getAttribute("aria-label") || table.className, box: wrap.clientWidth,
                          frozen: Math.round(frozenRight - inner), share: (frozenRight - inner) / wrap.clientWidth,
                          columns: levels.length, visible: visible.length});
  }
  // What sticks out of the screen (for diagnosis): elements wider than the viewport outside a scroll box.
  if (result.width > result.viewport) {
    const scrolls = el => { for (let e = el.parentElement; e; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX; if (o === "auto" || o === "scroll" || o === "hidden") { return true; } }
      return false; };
    for (const el of document.querySelectorAll("article *")) {
      const r = el.getBoundingClientRect();
      if (r.right > result.viewport + 1 && !scrolls(el)) { result.wide.push({where: describe(el), right: Math.round(r.right)}); }
      if (result.wide.length > 5) { break; }
    }
  }
  return result;
}""".replace("MIN", str(MIN_TEXT_PX))


def measure(page) -> dict:
    """Every number of the current page (see the module's docstring)."""
    return page.evaluate(_MEASURE, _ORDINARY)


def problems(numbers: dict, matrices: str = "phone") -> list[str]:
    """The measured numbers that miss the targets, in words (empty: the page passes).

    ``matrices``: "phone" checks the frozen share and the visible level cells; "desktop" checks
    that every column of a matrix of at most 9 competencies shows without scrolling."""
    found = []
    if numbers["width"] > numbers["viewport"]:
        found.append(f"page {numbers['width']} px wide in a {numbers['viewport']} px screen: {numbers['wide'][:3]}")
    if numbers["small"]:
        found.append(f"text under {MIN_TEXT_PX} px: {numbers['small'][:3]}")
    if numbers["broken"]:
        found.append(f"words broken mid-word: {numbers['broken'][:3]}")
    for table in numbers["sideways"]:
        if set(table["table"]) & set(NO_SIDEWAYS):
            found.append(f"table.{'.'.join(table['table'])} scrolls sideways: {table['content']} px in {table['box']} px")
    for m in numbers["matrices"]:
        if matrices == "phone":
            if m["share"] > MAX_FROZEN:
                found.append(f"frozen column {m['frozen']} px of {m['box']} px ({m['share']:.0%}) in {m['name']}")
            if m["visible"] < min(MIN_LEVEL_CELLS, m["columns"]):
                found.append(f"{m['visible']} level cells visible beside the frozen column in {m['name']}")
        elif m["columns"] <= 9 and m["visible"] < m["columns"]:
            found.append(f"{m['visible']} of {m['columns']} columns visible in {m['name']}")
    return found
