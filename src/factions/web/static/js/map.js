// The events map: Leaflet over Natural Earth country outlines (world-atlas TopoJSON,
// served from this site: no tile server), one circle per event with a place; its
// popup links to each report's sentence.
(function () {
  "use strict";
  var box = document.getElementById("map");
  var status = document.getElementById("map-status");
  if (!box || !window.L || !window.topojson) { return; }
  var map = window.L.map(box, { worldCopyJump: true, attributionControl: true }).setView([25, 30], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Country outlines: Natural Earth (world-atlas)");

  function json(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(url + ": " + response.status); }
      return response.json();
    });
  }

  function popup(event) {
    var body = document.createElement("div");
    var head = document.createElement("b");
    head.textContent = event.type + " · " + event.date + " · " + event.place;
    body.appendChild(head);
    var who = document.createElement("p");
    who.textContent = event.actors.join(", ") + (event.recipients.length ? " → " + event.recipients.join(", ") : "");
    body.appendChild(who);
    event.reports.forEach(function (report) {
      var link = document.createElement("a");
      link.href = report.href;
      link.textContent = report.evidence;  // document text, as text
      var line = document.createElement("p");
      line.appendChild(link);
      body.appendChild(line);
    });
    return body;
  }

  json(box.getAttribute("data-outlines"))
    .then(function (topo) {
      window.L.geoJSON(window.topojson.feature(topo, topo.objects.countries), {
        style: { color: "#8a8a8a", weight: 1, fillColor: "#f1efe8", fillOpacity: 1 }, interactive: false
      }).addTo(map);
      return json(box.getAttribute("data-events"));
    })
    .then(function (events) {
      var markers = events.map(function (event) {
        return window.L.circleMarker([event.lat, event.lon], { radius: 7, className: "event-marker", color: "#b03a2e", fillOpacity: 0.7 })
          .bindPopup(popup(event)).addTo(map);
      });
      if (markers.length) { map.fitBounds(window.L.featureGroup(markers).getBounds().pad(0.5), { maxZoom: 6 }); }
      box.setAttribute("data-markers", String(markers.length));
      status.textContent = markers.length + " events on the map";
    })
    .catch(function (error) { status.textContent = String(error.message || error); });
})();
