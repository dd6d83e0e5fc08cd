(function () {
  "use strict";
  var bar = document.getElementById("filters");
  if (!bar) { return; }
  bar.hidden = false;
  var sev = document.getElementById("f-severity");
  var cat = document.getElementById("f-category");
  var ana = document.getElementById("f-analyzer");
  var file = document.getElementById("f-file");
  var shown = document.getElementById("f-shown");
  var items = document.querySelectorAll("[data-severity]");
  function apply() {
    var s = sev.value, c = cat.value, a = ana.value, p = file.value.trim().toLowerCase();
    var n = 0;
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      var ok = (!s || el.getAttribute("data-severity") === s) &&
        (!c || el.getAttribute("data-category") === c) &&
        (!a || el.getAttribute("data-analyzer") === a) &&
        (!p || el.getAttribute("data-file").toLowerCase().indexOf(p) >= 0);
      el.hidden = !ok;
      if (ok && el.tagName === "ARTICLE") { n++; }
    }
    shown.textContent = String(n);
  }
  [sev, cat, ana].forEach(function (el) { el.addEventListener("change", apply); });
  file.addEventListener("input", apply);
  document.getElementById("f-reset").addEventListener("click", function () {
    sev.value = ""; cat.value = ""; ana.value = ""; file.value = ""; apply();
  });
})();
