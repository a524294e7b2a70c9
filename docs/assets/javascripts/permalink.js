/*
 * "Copy link" on a case page. The page shows its full address (the canonical URL, from site_url)
 * as text; this script shows the button beside it, copies that address and says so in the live
 * region. Where the clipboard cannot be used, the address is selected for the reader to copy and
 * the region says how. Without JavaScript the button stays hidden and the address is plain text.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-kb-permalink]");
  if (!root) return;

  var button = root.querySelector(".kb-permalink__copy");
  var address = root.querySelector(".kb-permalink__url");
  var status = root.querySelector("[role=status]");

  // The same message twice in a row is cleared first, so a screen reader announces it again.
  function announce(text) {
    if (status.textContent !== text) { status.textContent = text; return; }
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 100);
  }

  function selectAddress() {
    var range = document.createRange();
    range.selectNodeContents(address);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copied() { announce(root.dataset.kbDone); }

  function failed() {
    selectAddress();
    announce(root.dataset.kbFailed);
  }

  button.addEventListener("click", function () {
    var url = address.textContent.trim();
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(copied, failed);
    else failed();
  });
  button.hidden = false;
})();
