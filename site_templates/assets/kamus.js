/* Kamus: small helpers of the published site. Our own code, no CDN.
   - a filter box for every table marked data-filter;
   - the describing columns of a matrix stay fixed side by side while scrolling;
   - search forgives one typing mistake per word ("intergritas" finds "Integritas");
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

  function redirect() {
    var target = document.querySelector("[data-kamus-redirect]");
    if (target) { location.replace(target.getAttribute("href")); }
  }

  function init() {
    fromDisk();
    redirect();
    document.querySelectorAll("table[data-filter]").forEach(attachFilter);
    document.querySelectorAll("table.kamus-matrix").forEach(fixColumns);
  }
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
