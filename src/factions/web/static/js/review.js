// The review queue's keys: j / k move to the next / previous relation, a accepts
// (confirms) and r rejects the current one. The reviewer's name is the "by" of each.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".queue-item[data-relation]"));
  var reviewer = document.getElementById("reviewer");
  if (!items.length) { return; }
  var current = 0;

  function show(n) {
    items[current].classList.remove("current");
    current = Math.max(0, Math.min(items.length - 1, n));
    items[current].classList.add("current");
    items[current].scrollIntoView({ block: "nearest" });
  }

  function submit(action) {
    var form = items[current].querySelector("form");
    var by = form.querySelector('input[name="by"]');
    if (!by.value && reviewer) { by.value = reviewer.value.trim(); }
    if (!by.value) { reviewer.focus(); reviewer.reportValidity(); return; }
    form.querySelector('button[value="' + action + '"]').click();
  }

  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "j") { show(current + 1); }
    else if (event.key === "k") { show(current - 1); }
    else if (event.key === "a") { submit("confirm"); }
    else if (event.key === "r") { submit("reject"); }
    else { return; }
    event.preventDefault();
  });
})();
