/* Choropleth maps with Leaflet, no tile server: areas come as GeoJSON whose properties carry
   each area's name, value and colour (n4c.maps decides them). The page works without this
   script: the same figures are in a table. With it, the map draws, hovering or tapping an area
   names it, and each table row gets a button that shows its area on the map, so the map can
   be used from the keyboard. Used by the platform's map pages and by `n4c map --out x.html`. */
(function () {
  "use strict";

  var heading = "";

  function describe(properties) {
    var where = properties.council_name && properties.council_name !== properties.name
      ? " (" + properties.council_name + ")" : "";
    return properties.name + where + ": " + (heading ? heading + " " : "") + properties.value;
  }

  function readData(element) {
    var inline = element.getAttribute("data-geojson-inline");
    if (inline) {
      var node = document.getElementById(inline);
      return Promise.resolve(JSON.parse(node.textContent));
    }
    return fetch(element.getAttribute("data-geojson-url"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("The map data could not be loaded."); }
        return response.json();
      });
  }

  function draw(element, data) {
    var status = document.getElementById(element.getAttribute("data-status"));
    heading = element.getAttribute("data-value-heading") || "";
    var map = L.map(element, { zoomSnap: 0.25, preferCanvas: false, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(element.getAttribute("data-attribution") || "");
    var byCode = {};
    var selected = null;
    var base = { weight: 0.4, color: "#505a5f", fillOpacity: 0.9 };
    var layer = L.geoJSON(data, {
      style: function (feature) {
        return { weight: base.weight, color: base.color, fillOpacity: base.fillOpacity,
                 fillColor: feature.properties.colour };
      },
      onEachFeature: function (feature, shape) {
        byCode[feature.properties.code] = shape;
        shape.bindTooltip(describe(feature.properties), { sticky: true });
      }
    }).addTo(map);
    var bounds = layer.getBounds();
    if (bounds.isValid()) { map.fitBounds(bounds); } else { map.setView([52.8, -1.5], 6); }
    element.classList.add("n4c-map--ready");

    function show(code) {
      var shape = byCode[code];
      if (!shape) { return; }
      if (selected) { selected.setStyle({ weight: base.weight, color: base.color }); }
      selected = shape;
      shape.setStyle({ weight: 3, color: "#0b0c0c" });
      shape.bringToFront();
      map.fitBounds(shape.getBounds(), { maxZoom: 12 });
      shape.openTooltip(shape.getBounds().getCenter());
      if (status) { status.textContent = "Showing " + describe(shape.feature.properties) + "."; }
      element.scrollIntoView({ block: "nearest" });
    }

    var table = document.getElementById(element.getAttribute("data-table"));
    if (!table) { return; }
    table.querySelectorAll("tr[data-code]").forEach(function (row) {
      var cell = row.querySelector("[data-name]");
      if (!cell || !byCode[row.getAttribute("data-code")]) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "n4c-map-show";
      button.textContent = cell.textContent;
      button.setAttribute("aria-label", "Show " + cell.textContent + " on the map");
      button.addEventListener("click", function () { show(row.getAttribute("data-code")); });
      cell.textContent = "";
      cell.appendChild(button);
    });
  }

  document.querySelectorAll("[data-n4c-map]").forEach(function (element) {
    readData(element).then(function (data) { draw(element, data); }).catch(function (error) {
      element.textContent = error.message;
    });
  });
})();
