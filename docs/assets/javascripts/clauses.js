/*
 * The clause builder. The page renders the form; this script shows it, keeps the choices in the URL
 * query (?variant=employment&months=12&groups=young-people&…, the same keys in both languages) and
 * on every change builds the Swedish and English texts exactly as macros/clauses.py does, from the
 * data the build wrote into the page: {parameter-id} in a paragraph becomes the parameter's value,
 * or a marked [placeholder] when the value is empty, out of range or not one of the options.
 * No request leaves the page.
 */
(function () {
  "use strict";

  var root = document.querySelector('[data-kb-tool="clauses"]');
  var dataNode = document.getElementById("kb-tool-data");
  var form = document.getElementById("kb-tool-form");
  if (!root || !dataNode || !form) return;

  var data = JSON.parse(dataNode.textContent);
  var texts = data.texts;
  var status = document.getElementById("kb-tool-status");
  var result = document.getElementById("kb-tool-result");
  var followUp = document.getElementById("kb-clause-follow-up");
  var LANGS = ["sv", "en"];
  var PLACEHOLDER = /\{([^{}]*)\}/;  // split() keeps the captured id: text, id, text, id, …
  var WHOLE_NUMBER = /^[0-9]+$/;     // ASCII digits only, as in clauses.py
  var current = null;                // the clause on screen, for the copy buttons

  function variantById(id) {
    return data.variants.filter(function (variant) { return variant.id === id; })[0] || data.variants[0];
  }

  function usedParameters(variant) {
    return data.parameters.filter(function (parameter) { return variant.parameters.indexOf(parameter.id) !== -1; });
  }

  /* --- building the texts: the rules of clauses.read_value and clauses.build_clause ---------- */

  // `raw` is a list of strings; a number or a choice takes the first, as in clauses.py.
  function readValue(parameter, raw) {
    if (parameter.kind === "multi") {
      var chosen = parameter.options.filter(function (option) { return raw.indexOf(option.id) !== -1; });
      return chosen.length ? chosen : null;
    }
    var first = raw.length ? raw[0] : "";
    if (first === "") return null;
    if (parameter.kind === "number") {
      var number = WHOLE_NUMBER.test(first) ? parseInt(first, 10) : NaN;
      return number >= parameter.min && number <= parameter.max ? number : null;
    }
    return parameter.options.filter(function (option) { return option.id === first; })[0] || null;
  }

  // As placement.sek: 15000 -> "15 000" (no-break space) in Swedish, "15,000" in English.
  function grouped(number, lang) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "sv" ? "\u00a0" : ",");
  }

  function join(items, conjunction) {
    return items.length === 1 ? items[0] : items.slice(0, -1).join(", ") + " " + conjunction + " " + items[items.length - 1];
  }

  function written(value, lang) {
    if (typeof value === "number") return grouped(value, lang);
    if (Array.isArray(value)) return join(value.map(function (option) { return option.text[lang]; }), data.and[lang]);
    return value.text[lang];
  }

  // A paragraph as parts: text (filled values merged in) and {placeholder} for unfilled parameters.
  function fill(template, used, values, lang) {
    var parts = [];
    template.split(PLACEHOLDER).forEach(function (piece, index) {
      var isParameter = index % 2 === 1;
      if (isParameter && values[piece] === null) {
        parts.push({ placeholder: used[piece].placeholder[lang] });
        return;
      }
      var text = isParameter ? written(values[piece], lang) : piece;
      if (parts.length && typeof parts[parts.length - 1] === "string") parts[parts.length - 1] += text;
      else if (text) parts.push(text);
    });
    return parts;
  }

  function build(state) {
    var variant = variantById(state.variant), used = {}, values = {}, unfilled = 0;
    usedParameters(variant).forEach(function (parameter) {
      used[parameter.id] = parameter;
      values[parameter.id] = readValue(parameter, state.values[parameter.id] || []);
      if (values[parameter.id] === null) unfilled++;
    });
    var clause = { variant: variant, unfilled: unfilled, paragraphs: {},
                   followUp: variant.follow_up.map(function (item) { return item[data.lang]; }) };
    LANGS.forEach(function (lang) {
      clause.paragraphs[lang] = variant.paragraphs.map(function (text) { return fill(text[lang], used, values, lang); });
    });
    return clause;
  }

  // The text to copy, as Clause.plain: paragraphs separated by a blank line, markers as [placeholder].
  function plain(clause, lang) {
    return clause.paragraphs[lang].map(function (parts) {
      return parts.map(function (part) { return typeof part === "string" ? part : "[" + part.placeholder + "]"; }).join("");
    }).join("\n\n");
  }

  /* --- state <-> URL <-> form -------------------------------------------------------------- */

  function stateFromQuery(search) {
    var query = new URLSearchParams(search);
    var state = { variant: variantById(query.get("variant")).id, values: {} };
    data.parameters.forEach(function (parameter) { state.values[parameter.id] = query.getAll(parameter.id); });
    return state;
  }

  function stateFromForm() {
    var checked = form.querySelector('input[name="variant"]:checked');
    var state = { variant: variantById(checked && checked.value).id, values: {} };
    data.parameters.forEach(function (parameter) {
      var controls = form.querySelectorAll('[name="' + parameter.id + '"]');
      state.values[parameter.id] = Array.prototype.filter.call(controls, function (control) {
        return control.type !== "checkbox" || control.checked;
      }).map(function (control) { return control.value; }).filter(Boolean);
    });
    return state;
  }

  // Only the chosen variant's details go into the URL, so a shared link holds what its text shows.
  function queryFromState(state) {
    var query = new URLSearchParams();
    query.set("variant", state.variant);
    usedParameters(variantById(state.variant)).forEach(function (parameter) {
      state.values[parameter.id].forEach(function (value) { query.append(parameter.id, value); });
    });
    return "?" + query.toString();
  }

  function showInForm(state) {
    form.querySelectorAll('input[name="variant"]').forEach(function (radio) { radio.checked = radio.value === state.variant; });
    data.parameters.forEach(function (parameter) {
      var raw = state.values[parameter.id];
      form.querySelectorAll('[name="' + parameter.id + '"]').forEach(function (control) {
        if (control.type === "checkbox") control.checked = raw.indexOf(control.value) !== -1;
        else control.value = raw.length ? raw[0] : "";
        if (control.tagName === "SELECT" && control.selectedIndex === -1) control.value = "";  // an unknown option
      });
    });
  }

  /* --- the page ---------------------------------------------------------------------------- */

  function paragraphNode(parts) {
    var paragraph = document.createElement("p");
    parts.forEach(function (part) {
      if (typeof part === "string") return paragraph.appendChild(document.createTextNode(part));
      var mark = document.createElement("mark");
      mark.textContent = "[" + part.placeholder + "]";
      paragraph.appendChild(mark);
    });
    return paragraph;
  }

  function show(clause) {
    LANGS.forEach(function (lang) {
      var column = document.getElementById("kb-clause-" + lang);
      column.replaceChildren.apply(column, clause.paragraphs[lang].map(paragraphNode));
    });
    followUp.replaceChildren.apply(followUp, clause.followUp.map(function (item) {
      var entry = document.createElement("li");
      entry.textContent = item;
      return entry;
    }));
    root.querySelectorAll("[data-kb-variant]").forEach(function (about) { about.hidden = about.dataset.kbVariant !== clause.variant.id; });
    form.querySelectorAll("[data-kb-parameter]").forEach(function (control) {
      control.hidden = clause.variant.parameters.indexOf(control.dataset.kbParameter) === -1;
    });
    var count = clause.unfilled;
    announce(texts.updated + " " + (count === 0 ? texts.all_filled : count === 1 ? texts.unfilled_one : texts.unfilled.replace("{count}", count)));
  }

  function announce(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  // A number the text cannot use is marked invalid; its hint gives the allowed range.
  function markUnusableNumbers() {
    data.parameters.forEach(function (parameter) {
      if (parameter.kind !== "number") return;
      var input = form.elements[parameter.id];
      var unusable = input.validity.badInput || (input.value !== "" && readValue(parameter, [input.value]) === null);
      input.setAttribute("aria-invalid", unusable ? "true" : "false");
    });
  }

  function refresh() {
    current = build(stateFromForm());
    show(current);
    markUnusableNumbers();
    kb.keepQueryOnLanguageLinks();
  }

  function update() {
    var query = queryFromState(stateFromForm());
    if (query !== location.search) history.replaceState(null, "", location.pathname + query + location.hash);
    refresh();
  }

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(lang) {
    var copied = function () { announce(texts["copied_" + lang]); };
    var failed = function () {  // no clipboard access: select the text so the reader can copy it
      selectText(document.getElementById("kb-clause-" + lang));
      announce(texts.copy_failed);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(plain(current, lang)).then(copied, failed);
    else failed();
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  form.addEventListener("reset", function () { setTimeout(update, 0); });  // the fields are reset after the event
  root.querySelectorAll("[data-kb-copy]").forEach(function (button) {
    button.addEventListener("click", function () { copy(button.dataset.kbCopy); });
  });
  root.querySelector("[data-kb-print]").addEventListener("click", function () { window.print(); });

  showInForm(stateFromQuery(location.search));
  form.hidden = false;
  result.hidden = false;
  refresh();
})();
