/*
 * Helpers the page scripts share (catalogue.js and the e-tools); loaded before them.
 */
window.kb = {
  // The language selector keeps the page's query, so a filtered list or a filled-in tool survives a change of language.
  keepQueryOnLanguageLinks: function () {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var url = new URL(link.href, location.href);
      url.search = location.search;
      link.href = url.toString();
    });
  },

  // An element with plain text and attributes: text from data never becomes markup.
  element: function (tag, text, attributes) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }
};
