/* Kamus: a filter box for every table marked data-filter. Our own code, no CDN. */
(function () {
  "use strict";
  function normalise(text) { return text.toLowerCase().replace(/\s+/g, " ").trim(); }
  function attach(table) {
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
    var anchor = table.closest(".kamus-matrix-wrap") || table;
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
  function init() { document.querySelectorAll("table[data-filter]").forEach(attach); }
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
