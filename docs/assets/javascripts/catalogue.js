/*
 * The catalogue's filters. The page lists every case without this script; the script shows the
 * filter form, keeps its state in the URL query (same keys and values in both languages), shows
 * how many cases each option would give, and announces the result count.
 *
 * Filtering: within a facet the chosen options combine with OR, across facets with AND.
 * The free text, the year range and "has outcomes" are facets of their own.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-kb-catalogue]");
  if (!root) return;

  var data = JSON.parse(document.getElementById("kb-catalogue-data").textContent);
  var form = document.getElementById("kb-filters");
  var status = document.getElementById("kb-result-count");
  var list = document.getElementById("kb-cards");
  var cards = list.querySelectorAll(".kb-card");
  var FACETS = data.facets;

  var cases = data.cases.map(function (record, index) {
    var card = cards[index];
    return {
      record: record,
      card: card,
      text: normalise(card.querySelector(".kb-card__title").textContent + " " +
                      card.querySelector(".kb-card__meta").textContent + " " +
                      card.querySelector(".kb-card__summary").textContent),
      title: card.querySelector(".kb-card__title").textContent.trim(),
      order: index,
      countIds: countIds(record)
    };
  });
  cases.forEach(function (item) {
    item.allCountIds = Object.keys(item.countIds).reduce(function (all, key) { return all.concat(item.countIds[key]); }, []);
  });
  var counters = {};
  form.querySelectorAll("[data-kb-count]").forEach(function (span) { counters[span.dataset.kbCount] = span; });
  var more = document.createElement("button");
  more.type = "button";
  more.className = "md-button kb-more";
  more.hidden = true;
  list.after(more);
  more.addEventListener("click", function () {
    var before = list.children.length;
    limit += PAGE;
    apply(stateFromQuery(location.search));
    var next = list.children[before] && list.children[before].querySelector("a");
    if (next) next.focus();  // keyboard users continue where the new cards start
  });

  // The counters a case adds to, per facet: "sector:cleaning", …, and "outcomes:1".
  function countIds(record) {
    var ids = {};
    FACETS.forEach(function (key) { ids[key] = record[key].map(function (value) { return key + ":" + value; }); });
    ids.outcomes = record.outcomes ? ["outcomes:1"] : [];
    return ids;
  }

  function normalise(text) {
    return text.toLocaleLowerCase(document.documentElement.lang).normalize("NFC");
  }

  /* --- state <-> URL <-> form ------------------------------------------------------------ */

  function stateFromQuery(query) {
    var params = new URLSearchParams(query);
    var state = { q: (params.get("q") || "").trim(), from: toYear(params.get("from")), to: toYear(params.get("to")),
                  outcomes: params.get("outcomes") === "1", sort: params.get("sort") === "title" ? "title" : "newest", chosen: {} };
    FACETS.forEach(function (key) { state.chosen[key] = params.getAll(key); });
    return state;
  }

  function toYear(value) {
    var year = parseInt(value, 10);
    return isNaN(year) ? null : year;
  }

  function queryFromState(state) {
    var params = new URLSearchParams();
    FACETS.forEach(function (key) { state.chosen[key].forEach(function (value) { params.append(key, value); }); });
    if (state.q) params.set("q", state.q);
    if (state.from !== null) params.set("from", state.from);
    if (state.to !== null) params.set("to", state.to);
    if (state.outcomes) params.set("outcomes", "1");
    if (state.sort !== "newest") params.set("sort", state.sort);
    var query = params.toString();
    return query ? "?" + query : "";
  }

  function stateFromForm() {
    var state = { q: form.elements.q.value.trim(), from: toYear(form.elements.from.value), to: toYear(form.elements.to.value),
                  outcomes: form.elements.outcomes.checked, sort: form.elements.sort.value, chosen: {} };
    FACETS.forEach(function (key) {
      state.chosen[key] = Array.prototype.filter.call(form.querySelectorAll('input[name="' + key + '"]'),
        function (box) { return box.checked; }).map(function (box) { return box.value; });
    });
    return state;
  }

  function showInForm(state) {
    FACETS.forEach(function (key) {
      form.querySelectorAll('input[name="' + key + '"]').forEach(function (box) {
        box.checked = state.chosen[key].indexOf(box.value) !== -1;
      });
    });
    form.elements.q.value = state.q;
    form.elements.from.value = state.from === null ? "" : state.from;
    form.elements.to.value = state.to === null ? "" : state.to;
    form.elements.outcomes.checked = state.outcomes;
    form.elements.sort.value = state.sort;
    // open every facet that has a choice, so a shared link shows what it filters on
    form.querySelectorAll("details.kb-facet").forEach(function (details) {
      var chosen = details.querySelectorAll("input:checked").length +
        Array.prototype.filter.call(details.querySelectorAll('input[type="number"]'), function (input) { return input.value; }).length;
      if (chosen) details.open = true;
    });
  }

  /* --- filtering ------------------------------------------------------------------------ */

  // The one test a case fails, "" when it passes all, or null when it fails two or more.
  function onlyFailure(item, state, words) {
    var record = item.record, failed = "";
    for (var f = 0; f < FACETS.length; f++) {
      var chosen = state.chosenSets[FACETS[f]];
      if (chosen.size && !record[FACETS[f]].some(function (value) { return chosen.has(value); })) {
        if (failed) return null;
        failed = FACETS[f];
      }
    }
    if (words.length && !words.every(function (word) { return item.text.indexOf(word) !== -1; })) {
      if (failed) return null;
      failed = "q";
    }
    if ((state.from !== null && record.to < state.from) || (state.to !== null && record.from > state.to)) {
      if (failed) return null;
      failed = "years";
    }
    if (state.outcomes && !record.outcomes) {
      if (failed) return null;
      failed = "outcomes";
    }
    return failed;
  }

  function apply(state) {
    sortCards(state.sort);
    var words = normalise(state.q).split(/\s+/).filter(Boolean);
    var counts = {};
    state.chosenSets = {};
    FACETS.forEach(function (key) { state.chosenSets[key] = new Set(state.chosen[key]); });
    var matching = 0, showing = [];
    ordered.forEach(function (item) {
      var failed = onlyFailure(item, state, words);
      if (failed === "" && matching++ < limit) showing.push(item.card);
      // An option's count: the cases that would show if it were the facet's only choice,
      // i.e. the cases that pass every other facet.
      if (failed === null) return;
      var ids = failed ? item.countIds[failed] || [] : item.allCountIds;
      for (var i = 0; i < ids.length; i++) counts[ids[i]] = (counts[ids[i]] || 0) + 1;
    });
    for (var id in counters) {
      var text = "(" + (counts[id] || 0) + ")";
      if (counters[id].textContent !== text) counters[id].textContent = text;
    }
    showCards(showing);
    more.hidden = matching <= showing.length;
    more.textContent = data.texts.more.replace("{remaining}", matching - showing.length);
    announce(matching);
    kb.keepQueryOnLanguageLinks();
  }

  // The list holds only the first `limit` matches, in the chosen order, so a filter change lays out
  // a page of cards, not thousands; "show more" adds a page. Without the script the server-rendered
  // list shows every case.
  var PAGE = 20, limit = PAGE, ordered = cases.slice(), currentSort = "newest";
  function sortCards(sort) {
    if (sort === currentSort) return;
    var lang = document.documentElement.lang;
    ordered = cases.slice().sort(sort === "title"
      ? function (a, b) { return a.title.localeCompare(b.title, lang); }
      : function (a, b) { return a.order - b.order; });
    currentSort = sort;
  }

  function showCards(showing) {
    var children = list.children;
    var same = children.length === showing.length && showing.every(function (card, i) { return children[i] === card; });
    if (!same) list.replaceChildren.apply(list, showing);
  }

  function announce(matching) {
    var texts = data.texts, total = cases.length, text;
    if (total === 0) text = texts.count.replace("{count}", 0);
    else if (matching === 0) text = texts.no_match;
    else if (matching === total) text = total === 1 ? texts.count_one : texts.count.replace("{count}", total);
    else text = texts.shown.replace("{shown}", matching).replace("{count}", total);
    if (status.textContent !== text) status.textContent = text;
  }

  /* --- events --------------------------------------------------------------------------- */

  function onChange(event) {
    limit = PAGE;
    var state = stateFromForm();
    var query = queryFromState(state);
    if (query !== location.search) {
      // typing in the text box replaces the entry; a ticked box or a chosen year is a step back can undo
      var typing = event && event.target === form.elements.q && event.type === "input";
      history[typing ? "replaceState" : "pushState"](null, "", location.pathname + query + location.hash);
    }
    apply(state);
  }

  form.addEventListener("change", onChange);
  form.elements.q.addEventListener("input", onChange);
  form.addEventListener("submit", function (event) { event.preventDefault(); onChange(event); });
  root.querySelector("[data-kb-clear]").addEventListener("click", function () {
    showInForm(stateFromQuery(""));
    onChange();
    form.elements.q.focus();
  });
  window.addEventListener("popstate", function () {
    limit = PAGE;
    var state = stateFromQuery(location.search);
    showInForm(state);
    apply(state);
  });

  var initial = stateFromQuery(location.search);
  showInForm(initial);
  form.hidden = false;
  apply(initial);
})();
