// The document reader: hovering or selecting highlighted text shows the records that
// cover it (their cards in the side panel light up, and the panel says what they are);
// selecting a card lights its spans in the text. #span-<record> in the address selects
// that record on arrival (the links from the pair, actor and search pages).
(function () {
  "use strict";
  var text = document.getElementById("doc-text");
  var panel = document.getElementById("selection");
  if (!text || !panel) { return; }
  var pinned = null;

  function keysOf(el) { return (el.getAttribute("data-spans") || "").split(" ").filter(Boolean); }

  function cards(keys) {
    return keys.map(function (k) { return document.getElementById("record-" + k); }).filter(Boolean);
  }

  function clear(cls) {
    document.querySelectorAll("." + cls).forEach(function (el) { el.classList.remove(cls); });
  }

  function describe(seg) {
    panel.textContent = "";
    var list = document.createElement("ul");
    (seg.getAttribute("title") || "").split(" · ").forEach(function (label) {
      var item = document.createElement("li");
      item.textContent = label;  // text, never markup: labels hold document text
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

  function light(keys, cls) {
    clear(cls);
    text.querySelectorAll(".seg").forEach(function (seg) {
      var own = keysOf(seg);
      if (keys.some(function (k) { return own.indexOf(k) >= 0; })) { seg.classList.add(cls); }
    });
    cards(keys).forEach(function (card) { card.classList.add(cls); });
  }

  text.addEventListener("mouseover", function (event) {
    var seg = event.target.closest(".seg");
    if (!seg || pinned) { return; }
    describe(seg);
    light(keysOf(seg).filter(function (k) { return k.indexOf("mention-") !== 0; }), "linked");
  });

  text.addEventListener("click", function (event) {
    var seg = event.target.closest(".seg");
    if (!seg) { pinned = null; clear("linked"); return; }
    pinned = seg;
    describe(seg);
    var keys = keysOf(seg).filter(function (k) { return k.indexOf("mention-") !== 0; });
    light(keys, "linked");
    var first = cards(keys)[0];
    if (first) { first.scrollIntoView({ block: "nearest" }); }
  });

  document.querySelectorAll(".record").forEach(function (card) {
    card.addEventListener("mouseenter", function () { light([card.getAttribute("data-key")], "lit"); });
    card.addEventListener("mouseleave", function () { clear("lit"); });
  });

  function fromAddress() {
    var hash = window.location.hash;
    if (hash.indexOf("#span-") !== 0 && hash.indexOf("#record-") !== 0) { return; }
    var key = hash.replace(/^#(span|record)-/, "");
    light([key], "selected");
    var first = text.querySelector(".seg.selected");
    if (first && hash.indexOf("#span-") === 0) { first.scrollIntoView({ block: "center" }); }
  }
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
})();
