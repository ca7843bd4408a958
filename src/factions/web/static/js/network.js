// The network page: the graph JSON (/network/graph.json) drawn with cytoscape.js; nodes
// coloured by kind, edges by state, a minimum-confidence filter; selecting a node opens
// its actor page, an edge its pair page.
(function () {
  "use strict";
  var box = document.getElementById("network");
  var status = document.getElementById("network-status");
  var slider = document.getElementById("min-confidence");
  var shown = document.getElementById("min-confidence-value");
  if (!box || typeof window.cytoscape !== "function") { return; }

  // Colours come from the legend's swatches (factions.css): one place for them.
  function coloursOf(attribute) {
    var colours = {};
    document.querySelectorAll("[" + attribute + "]").forEach(function (swatch) {
      colours[swatch.getAttribute(attribute)] = window.getComputedStyle(swatch).backgroundColor;
    });
    return colours;
  }
  var KIND_COLOURS = coloursOf("data-kind");
  var STATE_COLOURS = coloursOf("data-state");

  function filter(cy) {
    var min = Number(slider ? slider.value : 0);
    if (shown) { shown.textContent = min.toFixed(2); }
    cy.batch(function () {
      cy.edges().forEach(function (e) { e.style("display", e.data("confidence") >= min ? "element" : "none"); });
      cy.nodes().forEach(function (n) {
        var visible = n.connectedEdges().filter(function (e) { return e.style("display") !== "none"; }).length > 0;
        n.style("display", visible ? "element" : "none");
      });
    });
    var nodes = cy.nodes().filter(function (n) { return n.style("display") !== "none"; }).length;
    var edges = cy.edges().filter(function (e) { return e.style("display") !== "none"; }).length;
    box.setAttribute("data-nodes", String(nodes));
    box.setAttribute("data-edges", String(edges));
    status.textContent = nodes + " actors, " + edges + " relations shown";
  }

  fetch(box.getAttribute("data-src"), { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) { throw new Error("the graph could not be read (" + response.status + ")"); }
      return response.json();
    })
    .then(function (graph) {
      var cy = window.cytoscape({
        container: box,
        elements: graph.nodes.concat(graph.edges),
        layout: { name: "cose", animate: false, randomize: false },
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 10, width: 18, height: 18,
            "background-color": function (n) { return KIND_COLOURS[n.data("kind")] || "#555"; } } },
          { selector: "edge", style: { width: function (e) { return 1 + 4 * e.data("confidence"); }, "curve-style": "bezier",
            "line-color": function (e) { return STATE_COLOURS[e.data("state")] || "#999"; },
            label: "data(state)", "font-size": 8, "text-rotation": "autorotate", color: "#444" } }
        ]
      });
      cy.on("tap", "node, edge", function (event) { window.location.href = event.target.data("href"); });
      if (slider) { slider.addEventListener("input", function () { filter(cy); }); }
      filter(cy);
    })
    .catch(function (error) { status.textContent = String(error.message || error); });
})();
