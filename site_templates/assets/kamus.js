/* Kamus: small helpers of the published site. Our own code, no CDN.
   - a filter box for every table marked data-filter;
   - the describing columns of a matrix stay fixed side by side while scrolling; a matrix can be
     read as a list per position, and prints in blocks of columns when wider than the paper;
   - search forgives one typing mistake per word ("intergritas" finds "Integritas"), says what
     such a word matched, and starts a long snippet just before its first highlighted word;
   - opened from disk (file://), links to folders lead to their index.html and a note says that
     search needs a web server;
   - a page marked data-kamus-redirect sends the reader on (e.g. /kompetensi/ → the index). */
(function () {
  "use strict";

  /* Search: Material's worker gets each query as {type: 2, data: "…"}; a word of five or
     more letters is also looked up with lunr's edit distance 1 ("word~1"). Material's own
     transformation still adds its prefix search ("word*"). */
  var SEARCH_QUERY = 2;
  function forgiving(query) {
    return query.split(/\s+/).map(function (word) {
      return /^[A-Za-z\u00C0-\u024F]{5,}$/.test(word) ? word + " " + word + "~1" : word;
    }).join(" ");
  }
  if (typeof Worker !== "undefined" && !Worker.prototype.kamusPatched) {
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      if (message && message.type === SEARCH_QUERY && typeof message.data === "string") {
        arguments[0] = { type: message.type, data: forgiving(message.data) };
      }
      return post.apply(this, arguments);
    };
    Worker.prototype.kamusPatched = true;
  }

  /* Whether two lower-case words differ by at most one edit (insert, delete, substitute or swap
     two neighbours): what lunr's "word~1" matched. */
  function oneEdit(a, b) {
    if (a === b) { return true; }
    if (Math.abs(a.length - b.length) > 1) { return false; }
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) { i += 1; }
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* Material lists a query word that no result word starts with as "Tidak ada: ~~word~~", even
     when its one-typo form matched: name the word it matched instead. */
  function namedTypos(article) {
    var terms = article.querySelector(".md-search-result__terms");
    if (!terms) { return; }
    var words = [];  // the words a reader sees (text node by text node): not this line, not the hidden root words
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentNode.closest(".md-search-result__terms, sub")) {
        words = words.concat(node.data.match(/[A-Za-z\u00C0-\u024F]+/g) || []);
      }
    }
    var missing = [], similar = [];
    terms.querySelectorAll("del").forEach(function (del) {
      var term = del.textContent.toLowerCase();
      var found = term.length >= 5 && words.find(function (w) { return oneEdit(w.toLowerCase(), term); });
      if (found) { similar.push([del.textContent, found]); } else { missing.push(del.textContent); }
    });
    if (!similar.length) { return; }
    var link = article.closest("a[href]");
    if (link) {  // the page opened from the result highlights the word that matched
      var target = new URL(link.href);
      var highlight = (target.searchParams.get("h") || "").split(" ").filter(Boolean);
      target.searchParams.set("h", highlight.concat(similar.map(function (pair) { return pair[1].toLowerCase(); })).join(" "));
      link.href = target.toString();
    }
    terms.textContent = "";
    terms.classList.add("kamus-mirip");
    terms.appendChild(document.createTextNode("Ejaan mirip: " + similar.map(function (pair) {
      return pair[0] + " → " + pair[1];
    }).join(", ")));
    if (missing.length) {
      terms.appendChild(document.createTextNode(". Tidak ada: "));
      missing.forEach(function (word, i) {
        var del = document.createElement("del");
        del.textContent = word;
        terms.appendChild(del);
        if (i < missing.length - 1) { terms.appendChild(document.createTextNode(" ")); }
      });
    }
  }

  /* A long snippet (a table is one block of text) starts a few words before its first match,
     not at the top of the block. */
  var CONTEXT = 80;
  function focusOnMatch(article) {
    var mark = Array.prototype.find.call(article.querySelectorAll("mark"), function (m) { return !m.closest("h1, h2"); });
    var budget = CONTEXT;
    for (var node = mark; node && node !== article; node = node.parentNode) {
      for (var sibling = node.previousSibling; sibling; ) {
        var previous = sibling.previousSibling;
        if (sibling.nodeType === 1 && sibling.matches("h1, h2, .md-search-result__icon")) { sibling = previous; continue; }
        var text = sibling.textContent;
        if (budget <= 0) {
          sibling.remove();
        } else if (text.length > budget) {
          sibling.replaceWith(document.createTextNode("… " + text.slice(-budget).replace(/^\S*\s+/, "")));
          budget = 0;
        } else {
          budget -= text.length;
        }
        sibling = previous;
      }
    }
  }

  /* Material may put an article it rendered for an earlier keystroke back into the list with a
     new terms line: an article is tidied again whenever its text is not what the last pass left. */
  function tidyResults(list) {
    list.querySelectorAll(".md-search-result__article").forEach(function (article) {
      if (article.kamusTidied === article.textContent) { return; }
      namedTypos(article);
      focusOnMatch(article);
      article.kamusTidied = article.textContent;
    });
  }

  function watchResults() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || list.kamusWatched || typeof MutationObserver === "undefined") { return; }
    list.kamusWatched = true;
    new MutationObserver(function () { tidyResults(list); }).observe(list, {childList: true, subtree: true});
  }

  function normalise(text) { return text.toLowerCase().replace(/\s+/g, " ").trim(); }

  function attachFilter(table) {
    if (table.dataset.filterReady) { return; }
    table.dataset.filterReady = "1";
    var rows = Array.prototype.slice.call(table.tBodies[0] ? table.tBodies[0].rows : []);
    var texts = rows.map(function (row) { return normalise(row.textContent); });
    var box = document.createElement("div");
    box.className = "kamus-filter";
    var label = document.createElement("label");
    label.textContent = "Saring: ";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "ketik nama atau kode";
    input.setAttribute("aria-label", "Saring baris tabel");
    var count = document.createElement("output");
    count.textContent = rows.length + " baris";
    label.appendChild(input);
    box.appendChild(label);
    box.appendChild(count);
    var anchor = table.closest(".kamus-matrix-wrap, .kamus-scroll") || table;
    anchor.parentNode.insertBefore(box, anchor);
    input.addEventListener("input", function () {
      var words = normalise(input.value).split(" ").filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      count.textContent = shown + " dari " + rows.length + " baris";
      table.dispatchEvent(new Event("kamus-filtered"));
    });
  }

  /* A matrix marked data-list can also be read as a list per row (a position and the levels it
     requires, one line each: level, code and name), for a phone where the table cannot fit: a button switches views.
     The list is made from the table when first asked for and follows the filter. */
  function attachListView(table) {
    var wrap = table.closest(".kamus-matrix-wrap");
    if (!wrap || table.dataset.listReady || !table.tHead) { return; }
    table.dataset.listReady = "1";
    var head = table.tHead.rows[table.tHead.rows.length - 1].cells;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kamus-view-switch";
    button.setAttribute("aria-pressed", "false");
    button.textContent = "Tampilkan per " + table.dataset.list;
    wrap.parentNode.insertBefore(button, wrap);
    var list = null, items = [];
    function build() {
      list = document.createElement("div");
      list.className = "kamus-per-row";
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var item = document.createElement("section");
        var title = row.cells[0].cloneNode(true);
        var name = document.createElement("p");
        name.className = "kamus-per-row-name";
        while (title.firstChild) { name.appendChild(title.firstChild); }
        item.appendChild(name);
        var levels = document.createElement("ul");
        for (var i = 1; i < row.cells.length; i++) {
          var cell = row.cells[i], value = cell.textContent.trim();
          if (!value) { continue; }
          var line = document.createElement("li");
          var link = head[i].querySelector("a");
          var label = link ? link.cloneNode(false) : document.createElement("span");
          label.removeAttribute("aria-label");
          label.textContent = link ? link.getAttribute("title") : head[i].textContent;
          var level = document.createElement("span");
          level.className = cell.className;
          level.textContent = value;
          line.appendChild(level);
          line.appendChild(document.createTextNode(" "));
          line.appendChild(label);
          levels.appendChild(line);
        }
        item.appendChild(levels);
        item.hidden = row.hidden;
        items.push([item, row]);
        list.appendChild(item);
      });
      wrap.parentNode.insertBefore(list, wrap.nextSibling);
      table.addEventListener("kamus-filtered", function () {
        items.forEach(function (pair) { pair[0].hidden = pair[1].hidden; });
      });
    }
    button.addEventListener("click", function () {
      var showList = button.getAttribute("aria-pressed") !== "true";
      if (showList && !list) { build(); }
      wrap.hidden = showList;
      if (list) { list.hidden = !showList; }
      button.setAttribute("aria-pressed", String(showList));
      button.textContent = showList ? "Tampilkan sebagai tabel" : "Tampilkan per " + table.dataset.list;
    });
  }

  /* Each fixed (sticky) column starts where the fixed columns before it end. */
  function fixColumns(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) { return; }
    var offsets = [], left = 0;
    Array.prototype.forEach.call(head.cells, function (cell, i) {
      if (cell.classList.contains("kamus-fixed")) { offsets[i] = left; left += cell.getBoundingClientRect().width; }
    });
    Array.prototype.forEach.call(table.rows, function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, i) {
        if (offsets[i] !== undefined && cell.classList.contains("kamus-fixed")) { cell.style.left = offsets[i] + "px"; }
      });
    });
  }

  /* Print: a matrix wider than the page is printed in blocks of columns, each a table of its own
     with the frozen column repeated and a caption ("Bagian 2 dari 3: kolom 51–100"), every block
     on a new page; made just before printing (rows hidden by the filter stay hidden) and
     removed after. How many columns fit follows the print CSS (kamus.css, "print"): matrices at
     7pt, the frozen column at least 12em, a level column at least 1.5em with .15em padding
     each side, codes in the head set vertically; on A4 landscape (matrix pages) or portrait. */
  var PRINT_PX = 96 / 72 * 7;  // 1em of a printed matrix, in CSS px
  var PAGE_PX = { landscape: (297 - 20) / 25.4 * 96, portrait: (210 - 24) / 25.4 * 96 };  // A4 less the margins

  function printCapacity(table, fixed) {
    var longest = 1;
    Array.prototype.forEach.call(table.tBodies[0] ? table.tBodies[0].rows : [], function (row) {
      for (var i = fixed; i < row.cells.length; i++) { longest = Math.max(longest, row.cells[i].textContent.trim().length); }
    });
    var column = (Math.max(1.5, longest * 0.7) + 0.3) * PRINT_PX + 1.5;  // content, padding, borders
    var page = table.closest(".kamus-matrix-page") ? PAGE_PX.landscape : PAGE_PX.portrait;
    return Math.max(1, Math.floor((page - (12.5 * PRINT_PX + 2) - 8) / column));
  }

  function printBlocks() {
    document.querySelectorAll("table.kamus-matrix").forEach(function (table) {
      var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
      if (!head || table.closest(".kamus-print-blocks")) { return; }
      var fixed = Array.prototype.filter.call(head.cells, function (c) { return c.classList.contains("kamus-fixed"); }).length;
      var columns = head.cells.length - fixed;
      var capacity = printCapacity(table, fixed);
      if (columns <= capacity) { return; }
      var count = Math.ceil(columns / capacity), size = Math.ceil(columns / count);
      var wrap = table.closest(".kamus-matrix-wrap") || table;
      if (wrap.hidden) { return; }  // read as a list (attachListView): the list is printed
      var blocks = document.createElement("div");
      blocks.className = "kamus-print-blocks";
      for (var block = 0; block < count; block++) {
        var from = fixed + block * size, to = Math.min(fixed + (block + 1) * size, head.cells.length);
        var part = table.cloneNode(true);
        Array.prototype.forEach.call(part.rows, function (row) {
          for (var i = row.cells.length - 1; i >= fixed; i--) { if (i < from || i >= to) { row.deleteCell(i); } }
        });
        part.createCaption().textContent = "Bagian " + (block + 1) + " dari " + count + ": kolom " + (from - fixed + 1) +
          "–" + (to - fixed) + " dari " + columns + " (" + head.cells[from].textContent.trim() + " sampai " +
          head.cells[to - 1].textContent.trim() + ")";
        blocks.appendChild(part);
      }
      wrap.parentNode.insertBefore(blocks, wrap.nextSibling);
      wrap.classList.add("kamus-print-split");
    });
  }

  function removePrintBlocks() {
    document.querySelectorAll(".kamus-print-blocks").forEach(function (blocks) { blocks.remove(); });
    document.querySelectorAll(".kamus-print-split").forEach(function (wrap) { wrap.classList.remove("kamus-print-split"); });
  }
  window.addEventListener("beforeprint", printBlocks);
  window.addEventListener("afterprint", removePrintBlocks);

  function fromDisk() {
    if (location.protocol !== "file:") { return; }
    var article = document.querySelector("article");
    if (article && !document.querySelector(".kamus-disk-note")) {
      var note = document.createElement("p");
      note.className = "kamus-disk-note";
      note.textContent = "Situs ini dibuka langsung dari disk, sehingga pencarian tidak tersedia. " +
        "Untuk mencari, buka situs lewat server web (lihat pesan `kamus build`).";
      article.insertBefore(note, article.firstChild);
    }
    document.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (/^[a-z]+:/i.test(href) || href.charAt(0) === "#") { return; }
      var parts = href.split("#");
      if (parts[0] === "" || parts[0].slice(-1) === "/") {
        parts[0] = (parts[0] || "./") + "index.html";
        link.setAttribute("href", parts.join("#"));
      }
    });
  }

  /* "Dipakai oleh" on a competency page: a "level ≥ n" link shows the positions that require
     level n or higher, and a link under the table shows every level again. */
  function levelFilter() {
    var sections = document.querySelectorAll(".kamus-used[data-level]");
    var links = document.querySelectorAll("a[data-kamus-min]");
    if (!sections.length || !links.length) { return; }
    var note = document.querySelector(".kamus-used-note");
    var reset = document.createElement("a");
    reset.href = "#dipakai-oleh";
    reset.textContent = "Tampilkan semua level";
    function show(min) {
      sections.forEach(function (section) { section.hidden = Number(section.dataset.level) < min; });
      if (note) {
        note.textContent = min > 0 ? "Jabatan yang mensyaratkan level " + min + " atau lebih tinggi. " : "";
        if (min > 0) { note.appendChild(reset); }
      }
    }
    links.forEach(function (link) {
      link.addEventListener("click", function () { show(Number(link.dataset.kamusMin)); });
    });
    reset.addEventListener("click", function () { show(0); });
  }

  function redirect() {
    var target = document.querySelector("[data-kamus-redirect]");
    if (target) { location.replace(target.getAttribute("href")); }
  }

  function init() {
    fromDisk();
    redirect();
    document.querySelectorAll("table[data-filter]").forEach(attachFilter);
    document.querySelectorAll("table.kamus-matrix").forEach(fixColumns);
    document.querySelectorAll("table.kamus-matrix[data-list]").forEach(attachListView);
    watchResults();
    levelFilter();
  }
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
