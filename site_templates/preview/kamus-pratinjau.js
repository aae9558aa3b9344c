/* Kamus live preview only (never in a built site): when the data has errors, every page
   shows them at the top, read from kamus-pratinjau.json beside the site; the pages stay
   the last good ones. Text is inserted as text, never as markup. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? script.src.replace(/assets\/kamus-pratinjau\.js.*$/, "") : "./";
  function show(status) {
    var old = document.getElementById("kamus-pratinjau-galat");
    if (old) { old.remove(); }
    if (!status || !status.galat) { return; }
    var box = document.createElement("div");
    box.id = "kamus-pratinjau-galat";
    box.className = "admonition failure";
    var title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = "Data kamus berisi galat: halaman ini menampilkan versi terakhir yang valid";
    var detail = document.createElement("pre");
    detail.textContent = status.galat;
    box.appendChild(title);
    box.appendChild(detail);
    var article = document.querySelector("article") || document.body;
    article.insertBefore(box, article.firstChild);
  }
  function check() {
    fetch(base + "kamus-pratinjau.json", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(show)
      .catch(function () { /* the server restarts: try again on the next page */ });
  }
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(check);
  } else {
    check();
  }
})();
