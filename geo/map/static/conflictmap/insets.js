/* conflictmap: a briefing picture's column at the right of its map (geo/map/theatres.py
 * decides what goes in it): a locator map that shows where the main map and each inset
 * lie, the list of far places too small for an inset, and one small map per far theatre
 * with its events' markers. Captions are set with textContent, never parsed as markup. */
(function () {
  "use strict";

  var GAP_PX = 8, MIN_INSET_PX = 60;
  // The locator's height as a share of the column's width; an inset may be up to as tall as wide.
  var LOCATOR_SHAPE = 0.62, INSET_SHAPE = 1.0;
  // An inset's markers are drawn smaller than the main map's: the inset is a glance, not the story.
  var INSET_MARKER_SCALE = 0.75;
  // An inset names its places where they fit, the busiest first, in a smaller face than the main map's.
  var LABEL_PX = 15, LABEL_GAP_PX = 6;
  // Markers this close (px) to a name's point are its place's own (one per type, side by side).
  var OWN_MARKER_PX = 4;
  var LABEL_FONT = "600 11px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  var COUNTRY_FONT = "italic 600 11px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  var FRAME_COLOUR = "#c0392b", INSET_COLOUR = "#1f4e79";
  var BASEMAP_STYLE = { color: "#9a9a9a", weight: 0.5, fillColor: "#f4f1ea", fillOpacity: 1 };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function formatCount(n) { return n.toLocaleString("en-US"); }

  // A still map in ``holder``: the offline basemap, no controls, nothing to click.
  function stillMap(holder, basemap) {
    var map = L.map(holder, {
      zoomControl: false, attributionControl: false, dragging: false, scrollWheelZoom: false,
      doubleClickZoom: false, boxZoom: false, keyboard: false, touchZoom: false, zoomSnap: 0.1,
      fadeAnimation: false, zoomAnimation: false, markerZoomAnimation: false, inertia: false
    });
    if (basemap) {
      L.geoJSON(basemap, { interactive: false, style: BASEMAP_STYLE, renderer: L.canvas({ padding: 0.2 }) }).addTo(map);
    }
    return map;
  }

  function panel(column, height, caption) {
    var box = column.appendChild(element("div", "cm-inset"));
    box.appendChild(element("div", "cm-inset-caption", caption));
    var holder = box.appendChild(element("div", "cm-inset-map"));
    holder.style.height = Math.round(height) + "px";
    return holder;
  }

  // Every marker of the data whose place lies inside ``bounds``, drawn on ``map``: each
  // marker's point and the box it covers, in the map's pixels.
  function addMarkers(state, map, bounds) {
    var data = state.data, renderer = L.canvas({ padding: 0.2 }), marks = [];
    data.markers.forEach(function (row) {
      if (!bounds.contains(L.latLng(row[2], row[3]))) { return; }
      var marker = window.conflictmap.markerFor(data, row, renderer);
      marker.setRadius(Math.max(3, window.conflictmap.radiusFor(row[4]) * INSET_MARKER_SCALE));
      marker.options.interactive = false;
      marker.addTo(map);
      var p = map.latLngToContainerPoint([row[2], row[3]]), reach = window.conflictmap.markerReach(marker);
      marks.push({ at: p, box: [p.x - reach, p.y - reach, p.x + reach, p.y + reach] });
    });
    return marks;
  }

  // Whether ``box`` (a name's, for the place at ``at``) covers a marker of another place.
  function coversMarker(box, at, marks) {
    return marks.some(function (m) { return m.at.distanceTo(at) > OWN_MARKER_PX && overlaps(box, m.box); });
  }

  // The names of an inset's places (its labels, the busiest first), each right or
  // left of its point where it overlaps no other name and stays inside the inset, on the
  // side where it hides no other place's marker when one has room (else on any free side),
  // and clear of the boxes of ``blocked`` (pixels of the map) always.
  // A label marked as a country's (a fourth item, true) names the middle of a country that holds
  // events placed only at it: in italic grey, as the main map names one (eventmap.js).
  function addLabels(map, labels, bounds, marks, blocked) {
    var size = map.getSize(), taken = (blocked || []).slice(), named = [];
    var ctx = document.createElement("canvas").getContext("2d");
    (labels || []).forEach(function (l) {
      if (!bounds.contains(L.latLng(l[0], l[1]))) { return; }
      ctx.font = l[3] ? COUNTRY_FONT : LABEL_FONT;
      var p = map.latLngToContainerPoint([l[0], l[1]]), width = Math.ceil(ctx.measureText(l[2]).width) + 6;
      var spots = [[LABEL_GAP_PX, -LABEL_PX / 2], [-LABEL_GAP_PX - width, -LABEL_PX / 2]];
      var boxes = spots.map(function (s) { return [p.x + s[0], p.y + s[1], p.x + s[0] + width, p.y + s[1] + LABEL_PX]; });
      var free = boxes.map(function (box) {
        var inside = box[0] >= 2 && box[1] >= 2 && box[2] <= size.x - 2 && box[3] <= size.y - 2;
        return inside && !taken.some(function (t) { return overlaps(box, t); });
      });
      var clear = free.map(function (ok, k) { return ok && !coversMarker(boxes[k], p, marks); });
      var i = clear.indexOf(true) >= 0 ? clear.indexOf(true) : free.indexOf(true);
      if (i < 0) { return; }
      taken.push(boxes[i]);
      var text = element("span", l[3] ? "cm-inset-label cm-label-country" : "cm-inset-label", l[2]);
      L.marker([l[0], l[1]], {
        interactive: false, keyboard: false,
        icon: L.divIcon({ className: "cm-label", html: text, iconSize: [width, LABEL_PX],
                          iconAnchor: [-spots[i][0], -spots[i][1]] })
      }).addTo(map);
      named.push({ name: l[2], box: boxes[i] });
    });
    return named;
  }

  function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }

  // The locator: every theatre's box, the main map's view outlined in red, the insets' in blue,
  // and a dot at each far place only the list names, named beside it where the name fits
  // (without, a reader cannot tell which dot is which place of the list).
  function drawLocator(state, holder, spec, insetBounds) {
    var map = stillMap(holder, state.basemapForInsets);
    var view = state.map.getBounds(), column = spec.column, size = state.map.getSize();
    // The main map's events stand left of the column: its outline is of that part of the view.
    var east = state.map.containerPointToLatLng(L.point(size.x - column, 0)).lng;
    var main = L.latLngBounds([view.getSouth(), view.getWest()], [view.getNorth(), Math.max(east, view.getWest())]);
    var whole = L.latLngBounds(spec.extent || main).extend(main);
    insetBounds.forEach(function (b) { whole.extend(b); });
    map.fitBounds(whole, { padding: [10, 10], animate: false });
    var renderer = L.canvas({ padding: 0.2 });
    var numbers = [];  // the boxes of the insets' numbers: no place's name goes over them
    insetBounds.forEach(function (b, i) {
      L.rectangle(b, { renderer: renderer, color: INSET_COLOUR, weight: 1.5, dashArray: "4 3", fill: false,
                       interactive: false }).addTo(map);
      var label = L.divIcon({ className: "cm-inset-number", html: "", iconSize: [14, 14], iconAnchor: [-2, 16] });
      var marker = L.marker(b.getNorthWest(), { icon: label, interactive: false, keyboard: false }).addTo(map);
      marker.getElement().textContent = String(i + 1);
      var corner = map.latLngToContainerPoint(b.getNorthWest());
      numbers.push([corner.x + 2, corner.y - 16, corner.x + 16, corner.y - 2]);
    });
    L.rectangle(main, { renderer: renderer, color: FRAME_COLOUR, weight: 2, fill: true, fillOpacity: 0.12,
                        interactive: false }).addTo(map);
    // The far places the list names: small dots, so the reader sees which way they lie.
    state.data.markers.forEach(function (row) {
      var at = L.latLng(row[2], row[3]);
      if (row[10] === 1 || main.contains(at) || insetBounds.some(function (b) { return b.contains(at); })) { return; }
      L.circleMarker(at, { renderer: renderer, radius: 2.5, weight: 0.8, color: "#333", fillColor: "#333",
                           fillOpacity: 0.9, interactive: false }).addTo(map);
    });
    return addLabels(map, spec.listed, map.getBounds(), [], numbers);
  }

  function draw(state, basemap) {
    var spec = state.data.insets;
    if (!spec) { return null; }
    state.basemapForInsets = basemap;
    var control = L.control({ position: "topright" });
    control.onAdd = function () {
      var column = element("div", "cm-insets");
      column.style.width = (spec.column - 2 * GAP_PX) + "px";
      return column;
    };
    control.addTo(state.map);
    var column = control.getContainer(), width = spec.column - 2 * GAP_PX - 2;
    var insetBounds = spec.insets.map(function (inset) { return L.latLngBounds(inset.bounds); });
    // Every text first (captions may wrap), the insets' maps without height; then the insets
    // share what is left of the map's height above the attribution, at its bottom right.
    var locator = panel(column, width * LOCATOR_SHAPE, "Where the map lies");
    if (spec.elsewhere) {
      var list = column.appendChild(element("div", "cm-inset-list"));
      list.appendChild(element("span", "cm-inset-list-head", "Also: "));
      list.appendChild(document.createTextNode(spec.elsewhere));
    }
    var captions = spec.insets.map(function (inset, i) {
      return (i + 1) + ". " + inset.caption + " \u00b7 " + formatCount(inset.events) +
        (inset.events === 1 ? " event" : " events");
    });
    var holders = captions.map(function (caption) { return panel(column, 0, caption); });
    var below = state.map.getContainer().querySelector(".leaflet-bottom.leaflet-right");
    var room = state.map.getSize().y - (below ? below.offsetHeight : 0) - 2 * GAP_PX - column.offsetHeight;
    var insetHeight = Math.max(MIN_INSET_PX, Math.min(width * INSET_SHAPE, room / Math.max(holders.length, 1)));
    var located = drawLocator(state, locator, spec, insetBounds);
    var countries = (state.data.countryLabels || []).map(function (l) { return [l[0], l[1], l[2], true]; });
    var insets = spec.insets.map(function (inset, i) {
      holders[i].style.height = Math.round(insetHeight) + "px";
      var map = stillMap(holders[i], basemap);
      map.fitBounds(insetBounds[i], { padding: [14, 14], animate: false });
      var shown = map.getBounds(), marks = addMarkers(state, map, shown), frame = holders[i].getBoundingClientRect();
      return {
        caption: captions[i], markers: marks.length, labels: addLabels(map, inset.labels.concat(countries), shown, marks),
        // The markers' points on the page, beside the names' boxes (in the inset's pixels).
        markerPoints: marks.map(function (m) { return [frame.left + m.at.x, frame.top + m.at.y]; })
      };
    });
    return { locator: true, insets: insets, elsewhere: spec.elsewhere || "",
             located: located.map(function (label) { return label.name; }) };
  }

  window.conflictmapInsets = { draw: draw };
})();
