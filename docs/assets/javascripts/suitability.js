/*
 * The suitability check. The page renders the questions as a form; this script shows it, keeps the
 * answers in the URL query (?management-decision=yes&…), and once every question is answered
 * applies the rule language of macros/suitability.py to the data the build wrote into the page:
 * answers form named sets (readiness_no, indicator_yes, …); an outcome applies when every count
 * test in its `when` holds. The result lists the answers that led there, guidance and cases.
 */
(function () {
  "use strict";

  var root = document.querySelector('[data-kb-tool="suitability"]');
  if (!root) return;

  var data = JSON.parse(document.getElementById("kb-tool-data").textContent);
  var form = document.getElementById("kb-tool-form");
  var status = document.getElementById("kb-tool-status");
  var result = document.getElementById("kb-tool-result");
  var texts = data.texts;

  function answersFromQuery(search) {
    var query = new URLSearchParams(search);
    var answers = {};
    data.questions.forEach(function (question) {
      var value = query.get(question.id);
      if (value === "yes" || value === "no") answers[question.id] = value === "yes";
    });
    return answers;
  }

  function answersFromForm() {
    var answers = {};
    data.questions.forEach(function (question) {
      var checked = form.querySelector('input[name="' + question.id + '"]:checked');
      if (checked) answers[question.id] = checked.value === "yes";
    });
    return answers;
  }

  function fillForm(answers) {
    form.querySelectorAll("input[type=radio]").forEach(function (input) {
      input.checked = input.name in answers && (input.value === "yes") === answers[input.name];
    });
  }

  // The named sets of the rule language: readiness_no -> ids of readiness questions answered no, …
  function answerSets(answers) {
    var sets = {};
    ["readiness", "suitability", "indicator"].forEach(function (group) { sets[group + "_yes"] = []; sets[group + "_no"] = []; });
    data.questions.forEach(function (question) {
      var word = answers[question.id] ? "yes" : "no";
      sets[question.group + "_" + word].push(question.id);
      if (question.indicator) sets["indicator_" + word].push(question.id);
    });
    return sets;
  }

  function holds(test, count) {
    var match = /^(>=|<=|==)(\d+)$/.exec(test);
    var number = parseInt(match[2], 10);
    return match[1] === ">=" ? count >= number : match[1] === "<=" ? count <= number : count === number;
  }

  function evaluate(answers) {
    var sets = answerSets(answers);
    var outcome = data.outcomes.filter(function (candidate) {
      return Object.keys(candidate.when).every(function (name) { return holds(candidate.when[name], sets[name].length); });
    })[0];
    var named = {};
    outcome.reasons.forEach(function (name) { sets[name].forEach(function (id) { named[id] = true; }); });
    return { outcome: outcome, reasons: data.questions.filter(function (q) { return named[q.id]; }) };
  }

  var element = kb.element;

  function links(items) {
    var list = element("ul");
    items.forEach(function (item) {
      var entry = element("li");
      entry.appendChild(element("a", item.title, { href: item.url }));
      list.appendChild(entry);
    });
    return list;
  }

  function showResult(answers) {
    var found = evaluate(answers);
    var outcome = found.outcome;
    result.replaceChildren(
      element("h2", outcome.title, { id: "kb-tool-result-title", "data-kb-outcome": outcome.id }),
      element("p", outcome.explanation),
      element("h3", texts.reasons));
    var reasons = element("ul", "", { "data-kb-reasons": "" });
    found.reasons.forEach(function (question) {
      var item = element("li", question.text + " ", { "data-kb-question": question.id });
      item.appendChild(element("strong", answers[question.id] ? texts.yes : texts.no));
      reasons.appendChild(item);
    });
    result.append(reasons);
    var countsIndicators = Object.keys(outcome.when).some(function (name) { return name.indexOf("indicator_") === 0; });
    if (countsIndicators) result.append(element("p", data.threshold_note), element("p", data.market_note));
    result.append(element("h3", texts.guides), links(outcome.guides), element("h3", texts.cases));
    result.append(outcome.cases.length ? links(outcome.cases) : element("p", texts.no_cases));
    var catalogue = element("p");
    catalogue.appendChild(element("a", texts.catalogue, { href: outcome.catalogue }));
    result.append(catalogue);
    result.hidden = false;
    status.textContent = texts.result.replace("{title}", outcome.title);
  }

  function update(answers) {
    var remaining = data.questions.length - Object.keys(answers).length;
    if (remaining === 0) return showResult(answers);
    result.hidden = true;
    result.replaceChildren();
    status.textContent = remaining === 1 ? texts.remaining_one : texts.remaining.replace("{count}", remaining);
  }

  function keepInUrl(answers) {
    var query = new URLSearchParams();
    data.questions.forEach(function (question) {
      if (question.id in answers) query.set(question.id, answers[question.id] ? "yes" : "no");
    });
    var search = query.toString() ? "?" + query.toString() : "";
    history.replaceState(null, "", location.pathname + search + location.hash);
    kb.keepQueryOnLanguageLinks();
  }

  form.addEventListener("change", function () {
    var answers = answersFromForm();
    keepInUrl(answers);
    update(answers);
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { keepInUrl({}); update({}); }, 0);  // after the browser has cleared the inputs
  });

  var initial = answersFromQuery(location.search);
  fillForm(initial);
  form.hidden = false;
  keepInUrl(initial);
  update(initial);
})();
