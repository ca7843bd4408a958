// Every page: remember who is judging (the "by" of a judgement) in this browser, so the
// analyst types their name once. Judgement forms have an input named "by".
(function () {
  "use strict";
  var KEY = "factions.by";
  var saved = "";
  try { saved = window.localStorage.getItem(KEY) || ""; } catch (e) { saved = ""; }
  document.querySelectorAll('input[name="by"]').forEach(function (input) {
    if (!input.value && saved) { input.value = saved; }
    input.addEventListener("change", function () {
      try { window.localStorage.setItem(KEY, input.value.trim()); } catch (e) { /* private mode */ }
    });
  });
})();
