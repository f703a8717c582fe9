// storyline: small enhancements only; every page works without this file.
"use strict";
(function () {
  // Filter selects apply at once (without JavaScript, the form's button does it).
  document.querySelectorAll("select[data-autosubmit]").forEach(function (el) {
    el.addEventListener("change", function () { if (el.form) el.form.submit(); });
  });

  // A quote split in pieces ("X," he said. "Y.") has one anchor; :target marks only the
  // first piece, so mark every piece of the targeted quote.
  function markTarget() {
    document.querySelectorAll(".target").forEach(function (el) { el.classList.remove("target"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    var group = el.getAttribute("data-q");
    var parts = group ? document.querySelectorAll('[data-q="' + CSS.escape(group) + '"]') : [el];
    parts.forEach(function (p) { p.classList.add("target"); });
  }
  window.addEventListener("hashchange", markTarget);
  markTarget();
})();
