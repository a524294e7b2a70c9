/*
 * Search: the header form sends ?q= to the search page of the page's language, where Pagefind's
 * interface searches that language's index (Pagefind picks it from <html lang>). All files are
 * served by the site itself; nothing is fetched from elsewhere.
 */
(function () {
  "use strict";
  var query = new URLSearchParams(location.search).get("q") || "";
  var header = document.getElementById("kb-header-q");
  var box = document.getElementById("kb-search");
  if (!box) return;
  if (header) header.value = query;

  var bundle = box.dataset.kbBundle;
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = bundle + "pagefind-ui.css";
  document.head.appendChild(style);

  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = function () {
    var ui = new PagefindUI({ element: "#kb-search", bundlePath: bundle, showSubResults: true, autofocus: !query });
    if (query) ui.triggerSearch(query);
  };
  document.head.appendChild(script);
})();
