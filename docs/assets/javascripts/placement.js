/*
 * The placement estimator. The page renders the contract form; this script shows it, keeps the
 * contract in the URL query (?value=100000000&type=works&months=24&wage=), and computes every rule
 * of thumb the build wrote into the page, kind by kind, exactly as macros/placement.py does:
 * whole places and whole kronor, rounded down; the wage bill never guessed from the value.
 */
(function () {
  "use strict";

  var root = document.querySelector('[data-kb-tool="placement"]');
  if (!root) return;

  var data = JSON.parse(document.getElementById("kb-tool-data").textContent);
  var form = document.getElementById("kb-tool-form");
  var status = document.getElementById("kb-tool-status");
  var result = document.getElementById("kb-tool-result");
  var texts = data.texts;

  // 1500000 -> "1 500 000" (Swedish, no-break spaces) or "1,500,000" (English), as placement.sek().
  function sek(amount) {
    return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, data.lang === "sv" ? "\u00a0" : ",");
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return String(values[name]); });
  }

  // A whole number as typed: spaces (and English thousands commas) allowed; "" -> null; anything else -> NaN.
  function whole(text) {
    var digits = text.replace(/[\s\u00a0\u202f]/g, "");
    if (data.lang === "en") digits = digits.replace(/,/g, "");
    if (digits === "") return null;
    return /^\d+$/.test(digits) ? parseInt(digits, 10) : NaN;
  }

  var COMPUTE = {
    "places-per-value": function (rule, contract) {
      var msek = rule.msek_per_place[contract.type];
      var places = Math.floor(contract.value / (msek * 1000000));
      var explanation = fill(rule.explanation, {
        msek_per_place: msek, places: places, value: sek(contract.value), contract_type: data.contract_types[contract.type]
      }) + " " + rule.rounding;
      return { amount: places, unit: "places", explanation: explanation };
    },
    "share-of-wage-bill": function (rule, contract) {
      var amount = contract.wage === null ? null : Math.floor(contract.wage * rule.percent / 100);
      var values = {
        percent: rule.percent, months: contract.months, min_months: rule.min_months, value: sek(contract.value),
        alternative: sek(Math.floor(contract.value * rule.percent / 100)),
        wage_bill: sek(contract.wage || 0), amount: sek(amount || 0)
      };
      var parts = [amount !== null ? rule.explanation : rule.without_wage_bill, rule.contract_value_base];
      if (contract.months < rule.min_months) parts.push(rule.short_contract);
      return { amount: amount, unit: "sek", explanation: parts.map(function (part) { return fill(part, values); }).join(" ") };
    }
  };

  function amountText(estimate) {
    if (estimate.amount === null) return texts.no_amount;
    if (estimate.unit === "sek") return texts.sek.replace("{amount}", sek(estimate.amount));
    return estimate.amount === 1 ? texts.places_one : texts.places.replace("{count}", estimate.amount);
  }

  var element = kb.element;

  function readForm() {
    var type = form.querySelector("input[name=type]:checked");
    return {
      value: form.elements.value.value, type: type ? type.value : "", months: form.elements.months.value, wage: form.elements.wage.value
    };
  }

  // The contract, or the first thing wrong with it (checked in the order placement.py checks).
  function contractFrom(fields) {
    var value = whole(fields.value), months = whole(fields.months), wage = whole(fields.wage);
    if (value === null || months === null || !fields.type) return { incomplete: true };
    if (isNaN(value)) return { error: texts.error_value, field: "value" };
    if (!data.contract_types[fields.type]) return { error: texts.error_type, field: "type" };
    if (isNaN(months) || months < 1) return { error: texts.error_months, field: "months" };
    if (isNaN(wage)) return { error: texts.error_wage, field: "wage" };
    if (wage !== null && wage > value) return { error: texts.error_wage_over_value, field: "wage" };
    return { contract: { value: value, type: fields.type, months: months, wage: wage } };
  }

  function update(fields) {
    var checked = contractFrom(fields);
    data.fields.forEach(function (name) {
      form.elements[name].setAttribute("aria-invalid", String(checked.field === name));
    });
    if (!checked.contract) {
      result.hidden = true;
      result.replaceChildren();
      status.textContent = checked.error || texts.incomplete;
      return;
    }
    result.replaceChildren.apply(result, data.rules.map(function (rule) {
      var estimate = COMPUTE[rule.kind](rule, checked.contract);
      var section = element("section", "", { "data-kb-rule": rule.id, "data-kb-amount": estimate.amount === null ? "" : String(estimate.amount) });
      var source = element("p", texts.source + ": ");
      source.appendChild(element("a", rule.source.split("/")[2].replace(/^www\./, ""), { href: rule.source }));
      section.append(element("h2", rule.name), element("p", amountText(estimate), { "class": "kb-tool__amount" }),
        element("p", estimate.explanation, { "data-kb-explanation": "" }), element("p", texts.limits + ": " + rule.limits), source);
      return section;
    }));
    result.hidden = false;
    status.textContent = texts.updated;
  }

  function fillForm(fields) {
    ["value", "months", "wage"].forEach(function (name) { form.elements[name].value = fields[name]; });
    form.querySelectorAll("input[name=type]").forEach(function (input) { input.checked = input.value === fields.type; });
  }

  function keepInUrl(fields) {
    var query = new URLSearchParams();
    ["value", "type", "months", "wage"].forEach(function (name) { if (fields[name]) query.set(name, fields[name]); });
    var search = query.toString() ? "?" + query.toString() : "";
    history.replaceState(null, "", location.pathname + search + location.hash);
    kb.keepQueryOnLanguageLinks();
  }

  function changed() {
    var fields = readForm();
    keepInUrl(fields);
    update(fields);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("reset", function () { setTimeout(changed, 0); });

  var query = new URLSearchParams(location.search);
  var initial = { value: query.get("value") || "", type: query.get("type") || "", months: query.get("months") || "", wage: query.get("wage") || "" };
  fillForm(initial);
  form.hidden = false;
  keepInUrl(initial);
  update(initial);
})();
