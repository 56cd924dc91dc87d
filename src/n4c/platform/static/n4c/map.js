/* Choropleth maps with Leaflet, no tile server: areas come as GeoJSON whose properties carry
   each area's name, value and colour (n4c.maps decides them). The page works without this
   script: the same figures are in a table. With it, the map draws, hovering or tapping an area
   names it, and each table row gets a button that shows its area on the map.

   Keyboard: the map is one tab stop. There Leaflet's own keys work (arrow keys move the map,
   + and - zoom). Enter starts going from area to area: the arrow keys then move to the nearest
   area in that direction, Enter or Space shows its name and figure (the same tooltip as hover
   or tap), Escape hides it, and Escape again goes back to moving the map (or to the table's
   button the area was shown from). A thick yellow and black outline marks the area, and the
   page's live region names it.

   This script has no words of its own: the page gives them in data-text-* attributes (the
   platform's templates translate them; `n4c map --out x.html` gives English), and the
   instructions are an element of the page named by data-help, shown once the map works.
   Used by the platform's map pages and, inlined, by `n4c map --out x.html`. */
(function () {
  "use strict";

  var RING_OUTER = { color: "#ffdd00", weight: 10, opacity: 1, fill: false, lineJoin: "round" };
  var RING_INNER = { color: "#0b0c0c", weight: 4, opacity: 1, fill: false, lineJoin: "round" };
  var DIRECTIONS = {
    ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1]
  };

  function words(element, name, values) {
    var text = element.getAttribute("data-text-" + name) || "";
    return text.replace(/%\((\w+)\)s/g, function (all, key) {
      return values && key in values ? values[key] : all;
    });
  }

  // An area's name and figure, as the page words it: with its council (data-text-area-in-
  // council) unless the area is the council itself (data-text-area), so each language orders
  // the name, the council, the figure's heading and the figure its own way.
  function describer(element) {
    var heading = element.getAttribute("data-value-heading") || "";
    return function (properties) {
      var council = properties.council_name && properties.council_name !== properties.name
        ? properties.council_name : "";
      return words(element, council ? "area-in-council" : "area", {
        name: properties.name, council: council, heading: heading, value: properties.value
      });
    };
  }

  function readData(element) {
    var inline = element.getAttribute("data-geojson-inline");
    if (inline) {
      var node = document.getElementById(inline);
      return Promise.resolve(JSON.parse(node.textContent));
    }
    return fetch(element.getAttribute("data-geojson-url"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(words(element, "failed")); }
        return response.json();
      });
  }

  function draw(element, data) {
    var describe = describer(element);
    var status = document.getElementById(element.getAttribute("data-status"));
    var map = L.map(element, { zoomSnap: 0.25, zoomControl: false, attributionControl: true });
    L.control.zoom({
      zoomInTitle: words(element, "zoom-in"), zoomOutTitle: words(element, "zoom-out")
    }).addTo(map);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(element.getAttribute("data-attribution") || "");
    var byCode = {};
    var shapes = [];
    var layer = L.geoJSON(data, {
      style: function (feature) {
        return { weight: 0.4, color: "#505a5f", fillOpacity: 0.9,
                 fillColor: feature.properties.colour };
      },
      onEachFeature: function (feature, shape) {
        byCode[feature.properties.code] = shape;
        shapes.push(shape);
        shape.bindTooltip(describe(feature.properties), { sticky: true });
      }
    }).addTo(map);
    var bounds = layer.getBounds();
    if (bounds.isValid()) { map.fitBounds(bounds); } else { map.setView([52.8, -1.5], 6); }
    shapes.forEach(function (shape) { shape.n4cCentre = shape.getBounds().getCenter(); });
    var ring = L.layerGroup().addTo(map);

    var help = document.getElementById(element.getAttribute("data-help"));
    if (help) {
      help.hidden = false;
      element.setAttribute("aria-describedby", help.id);
    }
    element.classList.add("n4c-map--ready");

    // The area the keyboard is on (null when the arrow keys move the map), whether its
    // tooltip is open, and the table button to go back to when Escape leaves the areas.
    var focused = null;
    var open = false;
    var cameFrom = null;

    function say(text) { if (status) { status.textContent = text; } }

    function closeTooltip() {
      if (focused && open) { focused.closeTooltip(); }
      open = false;
    }

    function focusArea(shape) {
      closeTooltip();
      focused = shape;
      ring.clearLayers();
      ring.addLayer(L.geoJSON(shape.feature, { interactive: false, style: RING_OUTER }));
      ring.addLayer(L.geoJSON(shape.feature, { interactive: false, style: RING_INNER }));
      if (!map.getBounds().pad(-0.1).contains(shape.n4cCentre)) { map.panTo(shape.n4cCentre); }
    }

    function openTooltip() {
      if (!focused) { return; }
      focused.openTooltip(focused.n4cCentre);
      open = true;
    }

    function leaveAreas(announce) {
      closeTooltip();
      focused = null;
      ring.clearLayers();
      if (announce) { say(words(element, "moving")); }
      var back = cameFrom;
      cameFrom = null;
      return back;
    }

    function nearestToCentre() {
      var middle = map.getSize().divideBy(2);
      var best = null;
      var bestDistance = Infinity;
      shapes.forEach(function (shape) {
        var distance = map.latLngToContainerPoint(shape.n4cCentre).distanceTo(middle);
        if (distance < bestDistance) { best = shape; bestDistance = distance; }
      });
      return best;
    }

    // The nearest area whose centre lies that way on the screen, sideways distance counting
    // double, so Right goes to the neighbour on the right rather than one far above it.
    function nextArea(direction) {
      var from = map.latLngToContainerPoint(focused.n4cCentre);
      var best = null;
      var bestScore = Infinity;
      shapes.forEach(function (shape) {
        if (shape === focused) { return; }
        var point = map.latLngToContainerPoint(shape.n4cCentre);
        var dx = point.x - from.x;
        var dy = point.y - from.y;
        var along = dx * direction[0] + dy * direction[1];
        if (along <= 0) { return; }
        var score = along + 2 * Math.abs(dx * direction[1] - dy * direction[0]);
        if (score < bestScore) { best = shape; bestScore = score; }
      });
      return best;
    }

    element.addEventListener("keydown", function (event) {
      if (event.target !== element || event.altKey || event.ctrlKey || event.metaKey) { return; }
      var key = event.key;
      if (!focused) {
        if (key !== "Enter" || !shapes.length) { return; }
        focusArea(nearestToCentre());
        say(words(element, "areas", { area: describe(focused.feature.properties) }));
      } else if (key === "Enter" || key === " ") {
        openTooltip();
        say(describe(focused.feature.properties));
      } else if (key === "Escape") {
        if (open) {
          closeTooltip();
        } else {
          var back = leaveAreas(true);
          if (back) { back.focus(); }
        }
      } else if (DIRECTIONS[key]) {
        var next = nextArea(DIRECTIONS[key]);
        if (next) {
          focusArea(next);
          say(describe(next.feature.properties));
        } else {
          say(words(element, "no-more"));
        }
      } else {
        return; // other keys (+ and - among them) still zoom the map
      }
      // Keep Leaflet (which listens on the document) from panning, and the page from scrolling.
      event.preventDefault();
      event.stopPropagation();
    });
    element.addEventListener("blur", function (event) {
      if (!element.contains(event.relatedTarget)) { leaveAreas(false); }
    });

    function show(code, button) {
      var shape = byCode[code];
      if (!shape) { return; }
      map.fitBounds(shape.getBounds(), { maxZoom: 12, animate: false });
      element.focus({ preventScroll: true });
      focusArea(shape);
      openTooltip();
      cameFrom = button;
      say(words(element, "showing", { area: describe(shape.feature.properties) }));
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
      button.setAttribute("aria-label", words(element, "show-on-map", { name: cell.textContent }));
      button.addEventListener("click", function () {
        show(row.getAttribute("data-code"), button);
      });
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
