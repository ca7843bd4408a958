// The pair page's as-of slider: each step is a date some evidence bears (the last step:
// no as-of date, everything known); letting go of it shows the state as of that date.
(function () {
  "use strict";
  var slider = document.getElementById("as-of-slider");
  var input = document.getElementById("as-of");
  var form = document.getElementById("as-of-form");
  if (!slider || !input || !form) { return; }
  var dates = (slider.getAttribute("data-dates") || "").split(" ").filter(Boolean);
  if (input.value) {
    var at = dates.indexOf(input.value);
    slider.value = String(at >= 0 ? at + 1 : dates.length);
  }
  slider.addEventListener("input", function () {
    var n = Number(slider.value);
    input.value = n >= dates.length ? "" : dates[Math.max(0, n - 1)];
  });
  slider.addEventListener("change", function () { form.submit(); });
})();
