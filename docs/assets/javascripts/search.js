/*
 * Search: the header form sends ?q= to the search page of the page's language; there this script
 * asks Pagefind's own API (pagefind.js, which picks the index of <html lang>) and lists the
 * results itself, with texts from the knowledge base's label table. Pagefind's ready-made
 * interface is not loaded: it would add 134 KiB to the first search. Nothing leaves the site.
 */
(function () {
  "use strict";
  var query = new URLSearchParams(location.search).get("q") || "";
  var header = document.getElementById("kb-header-q");
  var box = document.getElementById("kb-search");
  if (!box) return;
  if (header) header.value = query;

  var PAGE = 10;
  var texts = JSON.parse(box.dataset.kbTexts);
  var pagefind = import(new URL(box.dataset.kbBundle + "pagefind.js", location.href).href);

  var form = element("form", { role: "search", className: "kb-search__form" });
  var label = element("label", { htmlFor: "kb-search-q", textContent: texts.label });
  var input = element("input", { id: "kb-search-q", type: "search", name: "q", value: query, autocomplete: "off" });
  var submit = element("button", { type: "submit", className: "md-button", textContent: texts.submit });
  var status = element("p", { id: "kb-search-status", className: "kb-search__status", role: "status" });
  status.setAttribute("aria-live", "polite");
  var list = element("ol", { className: "kb-search__results" });
  list.setAttribute("aria-labelledby", "kb-search-status");
  var more = element("button", { type: "button", className: "md-button kb-more", hidden: true, textContent: texts.more });
  form.append(label, input, submit);
  box.append(form, status, list, more);

  var results = [], shown = 0, latest = 0;

  function element(tag, properties) {
    return Object.assign(document.createElement(tag), properties);
  }

  function say(key, values) {
    return Object.keys(values || {}).reduce(function (text, name) { return text.replace("{" + name + "}", values[name]); }, texts[key]);
  }

  function search(term) {
    var ticket = ++latest;  // a slower, older search must not overwrite a newer one
    list.replaceChildren();
    more.hidden = true;
    if (!term.trim()) { status.textContent = ""; return; }
    status.textContent = texts.searching;
    pagefind.then(function (api) { return api.search(term); }).then(function (found) {
      if (ticket !== latest) return;
      results = found.results;
      shown = 0;
      status.textContent = results.length === 0 ? say("no_results", { term: term })
        : results.length === 1 ? texts.results_one : say("results", { count: results.length });
      return showMore();
    });
  }

  function showMore() {
    var page = results.slice(shown, shown + PAGE);
    shown += page.length;
    more.hidden = shown >= results.length;
    return Promise.all(page.map(function (result) { return result.data(); })).then(function (pages) {
      pages.forEach(function (found) { list.append(item(found)); });
    });
  }

  function item(found) {
    var link = element("a", { href: found.url, textContent: (found.meta && found.meta.title) || found.url });
    var excerpt = element("p", { className: "kb-search__excerpt" });
    // Pagefind marks the matched words with <mark>; any other tag is dropped.
    excerpt.innerHTML = found.excerpt.replace(/<(?!\/?mark>)[^>]*>/g, "");
    var entry = element("li", { className: "kb-search__result" });
    entry.append(element("h2", { className: "kb-search__title" }), excerpt);
    entry.firstChild.append(link);
    return entry;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.pushState(null, "", location.pathname + (input.value.trim() ? "?q=" + encodeURIComponent(input.value.trim()) : ""));
    if (header) header.value = input.value;
    search(input.value);
  });
  more.addEventListener("click", function () {
    var before = list.children.length;
    showMore().then(function () {
      var next = list.children[before] && list.children[before].querySelector("a");
      if (next) next.focus();
    });
  });
  window.addEventListener("popstate", function () {
    input.value = new URLSearchParams(location.search).get("q") || "";
    search(input.value);
  });

  search(query);
  if (!query) input.focus();
})();
