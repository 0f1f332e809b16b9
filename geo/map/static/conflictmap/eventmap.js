/* conflictmap: event markers by type and origin, legend, time playback and
 * place labels, drawn on a Leaflet map from the compact data geo/map/mapview.py
 * writes. Popup and tooltip HTML arrive escaped (popups as dictionary-coded
 * pieces); every other text is set with textContent, so nothing from an article
 * is ever parsed as markup here. */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var LABEL_FONT = "600 13px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  var COUNTRY_FONT = "italic 600 13px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  var TILE_WAIT_MS = 4000;
  // A slide is a picture: it waits for every tile, which the offline basemap's server may
  // be drawing for the first time (seconds a view), and for the tiles' fade-in to end.
  var SLIDE_TILE_WAIT_MS = 20000, TILE_FADE_MS = 300;

  // Outlines of the marker shapes, each about the area of a circle of radius r,
  // so a type's shape does not make its events look more numerous.
  var SHAPES = {
    circle: function (ctx, x, y, r) { ctx.arc(x, y, r, 0, Math.PI * 2, false); },
    square: function (ctx, x, y, r) { var h = r * 0.886; ctx.rect(x - h, y - h, 2 * h, 2 * h); },
    diamond: function (ctx, x, y, r) {
      var h = r * 1.253;
      ctx.moveTo(x, y - h); ctx.lineTo(x + h, y); ctx.lineTo(x, y + h); ctx.lineTo(x - h, y); ctx.closePath();
    },
    triangle: function (ctx, x, y, r) {
      var h = r * 1.555;
      ctx.moveTo(x, y - h); ctx.lineTo(x + h * 0.866, y + h * 0.5); ctx.lineTo(x - h * 0.866, y + h * 0.5);
      ctx.closePath();
    }
  };

  var SVG_SHAPES = {
    circle: '<circle cx="8" cy="8" r="5.5"/>',
    square: '<rect x="3" y="3" width="10" height="10"/>',
    diamond: '<path d="M8 1.5L14.5 8L8 14.5L1.5 8Z"/>',
    triangle: '<path d="M8 1.5L14.8 13.5H1.2Z"/>'
  };

  // One glyph per sub-event type, as SVG path data in a 16 x 16 box: solid
  // silhouettes, so each stays recognisable at the size of a one-event marker.
  var GLYPHS = {
    air_strike: "M8 0.5C9 0.5 9.3 2 9.3 3.5V6L15.5 9.5V11.3L9.3 9.4V12.6L11.3 14.2V15.5L8 14.6L4.7 15.5V14.2" +
      "L6.7 12.6V9.4L0.5 11.3V9.5L6.7 6V3.5C6.7 2 7 0.5 8 0.5Z",
    shelling: "M8 0.5L9.4 4.7L13.3 2.7L11.3 6.6L15.5 8L11.3 9.4L13.3 13.3L9.4 11.3L8 15.5L6.6 11.3L2.7 13.3" +
      "L4.7 9.4L0.5 8L4.7 6.6L2.7 2.7L6.6 4.7Z",
    armed_clash: "M3 1L8 6L13 1L15 3L10 8L15 13L13 15L8 10L3 15L1 13L6 8L1 3Z",
    territory_change: "M2.5 0.5H5V15.5H2.5Z M5 1H15L12 4.75L15 8.5H5Z",
    talks: "M2.5 2H13.5Q15 2 15 3.5V10Q15 11.5 13.5 11.5H8.5L4.5 15V11.5H2.5Q1 11.5 1 10V3.5Q1 2 2.5 2Z",
    agreement: "M0.8 8.6L3.4 6L6.4 9L12.6 2.2L15.2 4.8L6.4 14.2Z",
    visit: "M5 3.6A3 3 0 1 0 11 3.6A3 3 0 1 0 5 3.6Z M2.5 15.5V11Q2.5 7.4 8 7.4Q13.5 7.4 13.5 11V15.5Z",
    statement: "M0.8 5.5H4.2L12 1V15L4.2 10.5H0.8Z M13.2 5.8H15.4V10.2H13.2Z",
    aid: "M5.5 0.8H10.5V5.5H15.2V10.5H10.5V15.2H5.5V10.5H0.8V5.5H5.5Z",
    displacement: "M0.8 5.3H8.2V1.2L15.2 8L8.2 14.8V10.7H0.8Z"
  };
  var GLYPH_PATHS = {};
  // A glyph's box side in pixels for a marker of radius r: never smaller than
  // GLYPH_MIN_PX, where a silhouette stops being readable.
  var GLYPH_MIN_PX = 13;
  function glyphSide(r) { return Math.max(2.6 * r, GLYPH_MIN_PX); }

  function glyphPath(kind) {
    if (!GLYPH_PATHS[kind] && GLYPHS[kind] && typeof Path2D !== "undefined") { GLYPH_PATHS[kind] = new Path2D(GLYPHS[kind]); }
    return GLYPH_PATHS[kind] || null;
  }

  L.Canvas.include({
    _updateShape: function (layer) {
      // A marker a cluster stands for (density.js), or hidden by the Markers switch, is not drawn.
      if (!this._drawing || layer._empty() || layer._clustered) { return; }
      var p = layer._shiftedPoint(), ctx = this._ctx, r = Math.max(Math.round(layer._radius), 1);
      var glyph = layer.options.glyph ? glyphPath(layer.options.glyph) : null;
      if (glyph) { this._drawGlyph(ctx, layer, glyph, p, glyphSide(layer._radius)); return; }
      ctx.beginPath();
      (SHAPES[layer.options.shape] || SHAPES.circle)(ctx, p.x, p.y, r);
      this._fillStroke(ctx, layer);
    },
    _drawGlyph: function (ctx, layer, glyph, p, side) {
      var o = layer.options, k = side / 16;
      ctx.save();
      ctx.translate(p.x - side / 2, p.y - side / 2);
      ctx.scale(k, k);
      ctx.globalAlpha = o.fillOpacity;
      ctx.fillStyle = o.fillColor;
      ctx.fill(glyph);
      ctx.globalAlpha = o.opacity;
      ctx.lineWidth = o.weight / k;
      ctx.lineJoin = "round";
      ctx.strokeStyle = o.color;
      ctx.stroke(glyph);
      ctx.restore();
    }
  });

  // A circle marker drawn as a shape, optionally moved a few pixels (``shift``)
  // so that markers of several types at one town do not hide each other.
  var ShapeMarker = L.CircleMarker.extend({
    options: { shape: "circle", glyph: "", shift: [0, 0] },
    _shiftedPoint: function () { return this._point.add(L.point(this.options.shift)); },
    _updatePath: function () {
      if (this._renderer._updateShape) { this._renderer._updateShape(this); } else { this._renderer._updateCircle(this); }
    },
    // Redraw regions must cover the shape (a triangle reaches past the radius) and its shift.
    _updateBounds: function () {
      var reach = Math.ceil(Math.max(this._radius * 1.6, glyphSide(this._radius) / 2 + 1) + this._clickTolerance());
      var centre = this._shiftedPoint(), pad = L.point(reach, reach);
      this._pxBounds = new L.Bounds(centre.subtract(pad), centre.add(pad));
    },
    _containsPoint: function (p) {
      if (this._clustered) { return false; }
      var reach = this.options.glyph ? glyphSide(this._radius) / 2 : this._radius;
      return p.distanceTo(this._shiftedPoint()) <= reach + this._clickTolerance();
    }
  });

  function radiusFor(count) {
    return Math.min(22, 4 + 2.6 * Math.log2(Math.max(count, 1)));
  }

  function formatCount(n) { return n.toLocaleString("en-US"); }

  function isoDay(day0, offset) {
    return new Date(Date.parse(day0 + "T00:00:00Z") + offset * DAY_MS).toISOString().slice(0, 10);
  }

  function decodeDays(delta) {
    var days = new Int32Array(delta.length), day = 0;
    for (var i = 0; i < delta.length; i++) { day += delta[i]; days[i] = day; }
    return days;
  }

  // Index of the first day >= target in a sorted array.
  function lowerBound(days, target) {
    var lo = 0, hi = days.length;
    while (lo < hi) { var mid = (lo + hi) >>> 1; if (days[mid] < target) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function safeColour(colour) { return /^#[0-9a-fA-F]{3,8}$/.test(colour) ? colour : "#777777"; }

  // Popups name the type with a class (cm-frontline ...); its colour comes from the data.
  function addTypeStyles(types) {
    var style = element("style", "", types.map(function (t) {
      return ".cm-" + t.key.replace(/[^a-z0-9_-]/gi, "") + "{color:" + safeColour(t.colour) + "}";
    }).join("\n"));
    document.head.appendChild(style);
  }

  function shapeIcon(shape, colour) {
    var holder = element("span", "cm-shape");
    // Fixed markup from a closed table; the colour is checked to be a hex colour.
    var fill = safeColour(colour);
    holder.innerHTML = '<svg viewBox="0 0 16 16" width="14" height="14" fill="' + fill +
      '" stroke="#333" stroke-width="0.8">' + (SVG_SHAPES[shape] || SVG_SHAPES.circle) + "</svg>";
    return holder;
  }

  function glyphIcon(kind, colour) {
    var holder = element("span", "cm-shape cm-glyph");
    holder.setAttribute("data-kind", kind);
    // Fixed markup: path data from the closed GLYPHS table, a colour checked to be hex.
    holder.innerHTML = '<svg viewBox="0 0 16 16" width="14" height="14" fill="' + safeColour(colour) +
      '" stroke="#333" stroke-width="0.8" stroke-linejoin="round"><path d="' + (GLYPHS[kind] || "") + '"/></svg>';
    return holder;
  }

  function addBasemap(map, basemap) {
    if (!basemap) { return null; }
    // Under the tile pane: reachable tiles cover it, unreachable ones leave it visible.
    var pane = map.createPane("cm-basemap");
    pane.style.zIndex = 150;
    return L.geoJSON(basemap, {
      pane: "cm-basemap",
      renderer: L.canvas({ pane: "cm-basemap", padding: 0.5 }),
      interactive: false,
      style: { color: "#9a9a9a", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 }
    }).addTo(map);
  }

  // A popup's HTML, escaped by mapview.py and cut into pieces of one shared table.
  function popupContent(pieces, codes) {
    return function () {
      var parts = new Array(codes.length);
      for (var i = 0; i < codes.length; i++) { parts[i] = pieces[codes[i]]; }
      return parts.join("");
    };
  }

  // The marker of one row of the data's markers (also drawn in a picture's insets, insets.js).
  function markerFor(data, row, renderer) {
    var type = data.types[row[0]], origin = data.origins[row[1]];
    var kind = row[9] >= 0 && data.kinds ? data.kinds[row[9]] : null;
    // Events placed only at a country sit at its middle, often in open desert: a pale
    // shape with a dashed outline says "somewhere in this country", not "this town".
    var country = row[10] === 1;
    return new ShapeMarker([row[2], row[3]], {
      renderer: renderer, shape: type.shape, glyph: kind && GLYPHS[kind.key] && !country ? kind.key : "",
      radius: radiusFor(row[4]), shift: row[8] || [0, 0],
      color: country ? type.colour : origin.stroke, weight: country ? 1.5 : 1.2, opacity: 0.95,
      dashArray: country ? "3 2" : null, fillColor: type.colour, fillOpacity: country ? 0.2 : 0.8
    });
  }

  function buildMarkers(state) {
    var data = state.data, renderer = L.canvas({ padding: 0.5, tolerance: 3 });
    state.markers = data.markers.map(function (row) {
      var marker = markerFor(data, row, renderer);
      if (row[5]) { marker.bindTooltip(row[5], { direction: "top", offset: [0, -4] }); }
      if (row[6] && row[6].length) {
        // Popups open clear of the title box, which sits above the map panes. Their HTML
        // is joined from the shared pieces only when one opens: most never do.
        marker.bindPopup(popupContent(data.pieces, row[6]), { maxWidth: 380, maxHeight: 340, autoPanPadding: [20, 20],
                                   autoPanPaddingTopLeft: [20, state.titleHeight + 20] });
      }
      return { layer: marker, type: row[0], origin: row[1], total: row[4],
               days: row[7] ? decodeDays(row[7]) : new Int32Array(0), shown: 0 };
    });
  }

  function originOn(state, index) {
    var group = state.groups.origins[state.data.origins[index].key];
    return !group || state.map.hasLayer(group);
  }

  // Which markers show, and how big, for the current origins and time window.
  function refresh(state) {
    var data = state.data, counts = data.types.map(function () { return 0; });
    var window_ = state.window;
    state.markers.forEach(function (m) {
      var n = m.total;
      if (window_) { n = lowerBound(m.days, window_[1] + 1) - lowerBound(m.days, window_[0]); }
      if (!originOn(state, m.origin)) { n = 0; }
      var sub = state.sublayers[m.type][m.origin];
      if (n > 0) {
        if (n !== m.shown) { m.layer.setRadius(radiusFor(n)); }
        if (!m.shown) { sub.addLayer(m.layer); }
        counts[m.type] += n;
      } else if (m.shown) {
        sub.removeLayer(m.layer);
      }
      m.shown = n;
    });
    state.counts = counts;
    if (state.density) { state.density.update(); }
    if (state.towns) { state.towns.redraw(); }
    updateLegend(state);
    noteOutsideView(state);
    window.conflictmapStats = stats(state);
  }

  // The events shown that lie beyond the interactive map's view, in the legend.
  function noteOutsideView(state) {
    if (!state.outsideNote) { return; }
    var outside = eventsOutside(state, function (m) { return m.shown; });
    state.outsideNote.textContent = outside ?
      formatCount(outside) + (outside === 1 ? " event lies" : " events lie") + " outside this view" : "";
    state.outsideNote.style.display = outside ? "" : "none";
  }

  function stats(state) {
    var legend = {}, drawn = 0, events = 0;
    state.data.types.forEach(function (t, i) { legend[t.key] = state.counts[i]; events += state.counts[i]; });
    state.markers.forEach(function (m) { if (m.shown && state.map.hasLayer(m.layer)) { drawn += 1; } });
    var view = state.map.getBounds(), shown = state.window;
    return { markers: state.markers.length, drawn: drawn, events: events, legend: legend,
             window: shown ? [shown[0] < 0 ? null : isoDay(state.data.day0, shown[0]), isoDay(state.data.day0, shown[1])] : null,
             labels: (state.labelLayers || []).length, outside: state.outside || 0, insets: state.insets || null,
             towns: state.towns ? { shown: state.towns.shown, dropped: state.towns.dropped } : null,
             view: [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()],
             // drawn: markers with events shown, alone or inside a cluster (density.js); single: alone
             single: drawn - (state.densityStats ? state.densityStats.hidden : 0), density: state.densityStats || null };
  }

  function buildSublayers(state) {
    var data = state.data, groups = state.groups;
    state.sublayers = data.types.map(function (type) {
      var parent = groups.types[type.key];
      return data.origins.map(function () { return L.layerGroup().addTo(parent); });
    });
    data.origins.forEach(function (origin) {
      var toggle = groups.origins[origin.key];
      if (toggle) { toggle.on("add remove", function () { refresh(state); announceOrigins(state); }); }
    });
  }

  // The feed beside the map follows its origin toggles as it follows the time control
  // (announceWindow): each toggle tells the page the origins hidden, and leaves them here
  // for a feed drawn later. A map drawn anew shows every origin: a feed told otherwise shows them again.
  function announceOrigins(state) {
    var hidden = state.data.origins.filter(function (origin, i) { return !originOn(state, i); })
      .map(function (origin) { return origin.key; });
    window.conflictmapHiddenOrigins = hidden;
    try {
      if (window.parent && window.parent !== window) {
        window.parent.dispatchEvent(new CustomEvent("conflictmap-origins", { detail: hidden }));
      }
    } catch (err) { /* a page of another origin: it cannot follow */ }
  }

  function addLegend(state) {
    var data = state.data, Legend = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var box = element("div", "cm-legend leaflet-control");
        var head = box.appendChild(element("div", "cm-legend-title"));
        head.appendChild(element("span", "", "Events"));
        state.legendCounts = data.types.map(function (type) {
          var row = element("div", "cm-legend-row");
          row.setAttribute("data-type", type.key);
          row.appendChild(shapeIcon(type.shape, type.colour));
          row.appendChild(element("span", "cm-legend-label", type.label));
          var count = element("span", "cm-legend-count", formatCount(type.count));
          row.appendChild(count);
          box.appendChild(row);
          return count;
        });
        if (!data.types.length) { box.appendChild(element("div", "cm-legend-note", "No events")); }
        // What a small map's legend folds away: the kinds' symbols and the notes on countries and sizes.
        var details = [];
        var kinds = (data.kinds || []).filter(function (kind) { return GLYPHS[kind.key]; });
        if (kinds.length) {
          var grid = element("div", "cm-legend-kinds");
          kinds.forEach(function (kind) {
            var row = element("div", "cm-legend-row cm-legend-kind");
            row.setAttribute("data-kind", kind.key);
            row.appendChild(glyphIcon(kind.key, kind.colour));
            row.appendChild(element("span", "cm-legend-label", kind.label));
            grid.appendChild(row);
          });
          details.push(box.appendChild(grid));
        }
        if (data.origins.length > 1) {
          data.origins.forEach(function (origin) {
            var row = element("div", "cm-legend-row cm-legend-origin");
            var ring = element("span", "cm-shape");
            ring.innerHTML = '<svg viewBox="0 0 16 16" width="14" height="14"><circle cx="8" cy="8" r="5" fill="#b5b5b5"' +
              ' stroke="' + safeColour(origin.stroke) + '" stroke-width="2.5"/></svg>';
            row.appendChild(ring);
            row.appendChild(element("span", "cm-legend-label", origin.label + " (outline)"));
            box.appendChild(row);
          });
        }
        if (!data.slide) {
          // The map may open on the core of the events: say how many the view leaves out.
          state.outsideNote = box.appendChild(element("div", "cm-legend-note cm-legend-outside", ""));
          state.outsideNote.style.display = "none";
        }
        if (data.countries && data.countries.length) {
          details.push(box.appendChild(countryNote(data.countries)));
        }
        if (data.markers.length < data.total) {
          details.push(box.appendChild(element("div", "cm-legend-note", "Marker size: events at a place")));
        }
        if (details.length) {
          // A switch in the title line shows or hides them: folded, the legend is its counts alone.
          var toggle = head.appendChild(element("button", "cm-legend-kinds-toggle"));
          toggle.type = "button";
          state.details = { nodes: details, toggle: toggle, shown: true };
          showDetails(state, true);
          toggle.addEventListener("click", function () {
            state.details.chosen = true;  // the user's choice: a resize no longer folds them
            showDetails(state, !state.details.shown);
          });
        }
        L.DomEvent.disableClickPropagation(box);
        return box;
      }
    });
    state.legend = new Legend().addTo(state.map);
  }

  // The events placed only at a country, listed in the legend: their dashed markers are not towns.
  var COUNTRIES_LISTED = 4;

  function countryNote(countries) {
    var note = element("div", "cm-legend-note cm-legend-countries");
    var ring = note.appendChild(element("span", "cm-shape"));
    ring.innerHTML = '<svg viewBox="0 0 16 16" width="12" height="12"><circle cx="8" cy="8" r="5.5" fill="#dddddd"' +
      ' stroke="#555" stroke-width="1.4" stroke-dasharray="2.5 1.8"/></svg>';
    var names = countries.slice(0, COUNTRIES_LISTED).map(function (c) { return c[0] + " " + formatCount(c[1]); });
    if (countries.length > COUNTRIES_LISTED) { names.push(formatCount(countries.length - COUNTRIES_LISTED) + " more"); }
    note.appendChild(element("span", "", "Placed only at a country: " + names.join(", ")));
    return note;
  }

  // The controls in the bottom-left corner may take at most this share of the map's height.
  var CORNER_SHARE = 0.4;

  function showDetails(state, shown) {
    var details = state.details;
    details.shown = shown;
    details.nodes.forEach(function (node) { node.style.display = shown ? "" : "none"; });
    details.toggle.textContent = shown ? "less" : "more \u25B8";
    details.toggle.title = shown ? "Hide the symbols of the kinds of event and the notes" :
      "Show the symbols of the kinds of event and the notes on the markers";
  }

  // On a small map the legend's details fold away, so the corner's controls do not
  // cover the middle of the map; the switch in the legend's title line shows them. (The page
  // may size the map after drawing it: a resize folds them too, unless the user chose.)
  function foldDetails(state) {
    if (!state.details || state.details.chosen || !state.details.shown) { return false; }
    if (state.data.slide) { state.details.toggle.style.display = "none"; return false; }
    var corner = state.map.getContainer().querySelector(".leaflet-bottom.leaflet-left");
    if (!corner || corner.offsetHeight <= CORNER_SHARE * state.map.getSize().y) { return false; }
    showDetails(state, false);
    return true;
  }

  // The page's scale bar stands above the credits at the bottom right, not under the time
  // control and the legend: the bottom-left corner is the one the map's frame keeps clear of,
  // and on a laptop's window every line there pushes the events up into a smaller view.
  function scaleBesideCredits(state) {
    if (state.data.slide) { return; }
    var container = state.map.getContainer();
    var scale = container.querySelector(".leaflet-control-scale");
    var right = container.querySelector(".leaflet-bottom.leaflet-right");
    if (scale && right) { right.insertBefore(scale, right.firstChild); }
  }

  // The page's legend over a marker the fit could not keep clear of the corner (a place past
  // the frame that only a smaller scale would take in) stands at the bottom right instead,
  // above the scale and the credits, when there it covers no marker, nor does the time
  // control left alone in the corner. A picture's legend keeps its corner (its fit makes room).
  function moveLegendOffMarkers(state) {
    if (!state.legend || state.data.slide) { return; }
    var box = state.legend.getContainer(), corners = state.map.getContainer();
    var left = corners.querySelector(".leaflet-bottom.leaflet-left");
    var right = corners.querySelector(".leaflet-bottom.leaflet-right");
    if (!left || !right || !coverMarkers(state, [box])) { return; }
    right.insertBefore(box, right.firstChild);
    if (coverMarkers(state, [box].concat(Array.prototype.slice.call(left.children)))) { legendBack(state); }
  }

  // After the view moves (a pan, a zoom, a fit) the legend stands where it covers no marker
  // in the new view: back in its bottom-left corner when that is clear again, else aside.
  function legendWhereClear(state) {
    if (!state.legend || state.data.slide) { return; }
    legendBack(state);
    moveLegendOffMarkers(state);
  }

  // The legend back in the bottom-left corner, under the time control, where the fit makes room for it.
  function legendBack(state) {
    var left = state.map.getContainer().querySelector(".leaflet-bottom.leaflet-left");
    if (state.legend && left && state.legend.getContainer().parentNode !== left) { left.appendChild(state.legend.getContainer()); }
  }

  // Whether any of ``nodes`` (controls over the map) covers a marker drawn in view.
  function coverMarkers(state, nodes) {
    var markers = markerBoxes(state);
    return nodeBoxes(state, nodes).some(function (box) {
      return markers.some(function (m) { return overlaps(m.box, box); });
    });
  }

  function updateLegend(state) {
    if (!state.legendCounts) { return; }
    state.legendCounts.forEach(function (node, i) { node.textContent = formatCount(state.counts[i]); });
  }

  function addTitle(state) {
    if (!state.data.title && !state.data.subtitle && !state.data.slide) { return; }
    var box = element("div", state.data.slide ? "cm-slide-head" : "cm-title");
    if (state.data.title) { box.appendChild(element("div", "cm-title-main", state.data.title)); }
    state.subtitleNode = box.appendChild(element("div", "cm-title-sub", state.data.subtitle || ""));
    if (state.data.slide) {
      document.body.appendChild(box);
      document.body.classList.add("cm-slide-page");
      state.map.getContainer().classList.add("cm-slide-map");
    } else {
      L.DomEvent.disableClickPropagation(box);
      state.map.getContainer().appendChild(box);
      state.titleHeight = box.offsetTop + box.offsetHeight;
    }
  }

  function dayWord(n) { return n === 1 ? "1 day" : n + " days"; }

  function choiceSelect(className, title, values, chosen, label) {
    var select = element("select", className);
    select.title = title;
    values.forEach(function (v) {
      var option = element("option", "", label(v)); option.value = String(v); select.appendChild(option);
    });
    select.value = String(chosen);
    return select;
  }

  // The page around the map's frame (the feed beside it) follows the dates shown: each
  // step tells it, by an event on its window (same origin), and leaves them here for a
  // feed drawn later. {from: ISO day or null (every day up to), to: ISO day}, or null
  // for every date.
  function announceWindow(state) {
    var w = state.window, day0 = state.data.day0;
    var detail = w ? { from: w[0] > 0 ? isoDay(day0, w[0]) : null, to: isoDay(day0, w[1]) } : null;
    window.conflictmapPlayWindow = detail;
    try {
      if (window.parent && window.parent !== window) {
        window.parent.dispatchEvent(new CustomEvent("conflictmap-window", { detail: detail }));
      }
    } catch (err) { /* a page of another origin: it cannot follow */ }
  }

  // The date slider and its player: the browser steps the window through time and
  // redraws only the markers (no page reload, no new map), so every frame is drawn.
  function addTimeline(state) {
    var data = state.data, options = data.timeline;
    if (!options || data.day0 === null) { return; }
    if (options === true) { options = {}; }
    var span = data.daySpan, timer = null;
    var autoStep = Math.max(1, Math.round(span / 150));
    var steps = options.stepChoices || [1, 3, 7, 14, 30];
    var firstStep = options.stepDays || autoStep;
    if (steps.indexOf(firstStep) < 0) { steps = steps.concat([firstStep]).sort(function (a, b) { return a - b; }); }
    var windows = options.windowChoices || [0, 7, 30, 90];
    // Bottom left, stacked above the legend: beside it the two would overlap on a narrow map.
    var Timeline = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var box = element("div", "cm-timeline leaflet-control");
        var play = element("button", "cm-play", "\u25B6");
        play.type = "button"; play.title = "Play the events over time";
        var next = element("button", "cm-step");
        next.type = "button"; next.title = "One step forward";
        // Fixed markup: a "next" glyph drawn, since common fonts lack U+23ED.
        next.innerHTML = '<svg viewBox="0 0 16 16" width="11" height="11" fill="#333">' +
          '<path d="M2 2L10 8L2 14Z"/><rect x="11" y="2" width="3" height="12"/></svg>';
        var slider = element("input", "cm-slider");
        slider.type = "range"; slider.min = "0"; slider.max = String(span); slider.step = "1"; slider.value = String(span);
        slider.title = "The last day shown";
        var label = element("span", "cm-date", "all dates");
        label.title = "The dates the control runs over: " + isoDay(data.day0, 0) + " \u2013 " + isoDay(data.day0, span);
        var windowSelect = choiceSelect("cm-window", "The days shown at each step", windows,
                                        options.windowDays || 0, function (w) { return w ? dayWord(w) : "up to the date"; });
        var stepSelect = choiceSelect("cm-step-size", "Days a step", steps, firstStep,
                                      function (d) { return dayWord(d) + " a step"; });
        var all = element("button", "cm-all", "All");
        all.type = "button"; all.title = "Show every event again";
        var row = element("div", "cm-timeline-row"), settings = element("div", "cm-timeline-row");
        [play, next, slider, label].forEach(function (n) { row.appendChild(n); });
        [windowSelect, stepSelect, all].forEach(function (n) { settings.appendChild(n); });
        box.appendChild(row); box.appendChild(settings);

        function width() { return parseInt(windowSelect.value, 10); }
        function step() { return parseInt(stepSelect.value, 10); }
        function apply() {
          var end = parseInt(slider.value, 10), w = width();
          state.window = [w ? end - w + 1 : -1, end];
          label.textContent = (w ? isoDay(data.day0, Math.max(0, state.window[0])) + " \u2013 " : "to ") +
            isoDay(data.day0, end);
          refresh(state);
          announceWindow(state);
        }
        // From the end (or from "all dates"), play starts again with the first window.
        function startOver() { slider.value = String(Math.min(span, (width() || step()) - 1)); }
        function forward() {
          var end = Math.min(span, parseInt(slider.value, 10) + step());
          slider.value = String(end); apply();
          return end < span;
        }
        function stop() { if (timer) { clearInterval(timer); timer = null; } play.textContent = "\u25B6"; play.title = "Play the events over time"; }
        slider.addEventListener("input", function () { stop(); apply(); });
        windowSelect.addEventListener("change", function () { if (state.window) { apply(); } });
        all.addEventListener("click", function () {
          stop(); state.window = null; slider.value = String(span); label.textContent = "all dates"; refresh(state);
          announceWindow(state);
        });
        next.addEventListener("click", function () {
          stop();
          if (!state.window || parseInt(slider.value, 10) >= span) { startOver(); apply(); } else { forward(); }
        });
        play.addEventListener("click", function () {
          if (timer) { stop(); return; }
          if (!state.window || parseInt(slider.value, 10) >= span) { startOver(); }
          play.textContent = "\u275A\u275A"; play.title = "Pause";
          apply();
          timer = setInterval(function () { if (!forward()) { stop(); } }, options.intervalMs || 150);
        });
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });
    new Timeline().addTo(state.map);
    announceWindow(state);  // a map drawn anew shows every date: a feed following an old one's step follows it
  }

  function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }

  // The share of box ``a`` that box ``b`` covers.
  function coveredShare(a, b) {
    var w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]), h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
    return w > 0 && h > 0 ? (w * h) / ((a[2] - a[0]) * (a[3] - a[1])) : 0;
  }

  // Greedy placement, the most important place first (a capital before the busier towns
  // around it; geo/map/prominence.py ranks them): each label tries right, left, above and
  // below its point, then its corners, and is dropped when every spot collides or leaves the
  // map. Of the spots left it takes the one that covers the least of other places' markers
  // (a label over a marker hides an event, or leaves half its symbol peeking out). The places
  // come ranked, more than are named: the first labelCount that fit in view are named.
  //
  // Then the countries whose middle holds events placed only at them, each named beside its
  // pale dashed marker in a style of their own (COUNTRY_FONT, italic, grey): a town's style
  // would read as a town's name, and without a name the marker does not say which country.
  function placeLabels(state) {
    var labels = state.data.labels || [], wanted = state.data.labelCount || labels.length;
    var countries = state.data.countryLabels || [];
    state.labelLayers = [];
    if (!labels.length && !countries.length) { return; }
    var map = state.map, size = map.getSize(), ctx = document.createElement("canvas").getContext("2d");
    // No label covers the point of a place as important as the ones named: the first
    // labelCount places in view (the others are only there to stand in for them), and the countries.
    var taken = [], towns = 0;
    labels.forEach(function (l) {
      var p = map.latLngToContainerPoint([l[0], l[1]]);
      if (towns < wanted && p.x >= 0 && p.y >= 0 && p.x <= size.x && p.y <= size.y) {
        taken.push([p.x - 5, p.y - 5, p.x + 5, p.y + 5]);
        towns += 1;
      }
    });
    countries.forEach(function (l) {
      var p = map.latLngToContainerPoint([l[0], l[1]]);
      taken.push([p.x - 5, p.y - 5, p.x + 5, p.y + 5]);
    });
    // Legend, scale bar and attribution are in the way too.
    taken = taken.concat(nodeBoxes(state, map.getContainer().querySelectorAll(".leaflet-control")));
    // A corner's spot keeps clear of the place's own point (the 5 px box above).
    var height = 18, gap = 8, corner = 6, margin = 4, markers = markerBoxes(state);
    ctx.font = LABEL_FONT;
    labels.forEach(function (l) {
      if (state.labelLayers.length < wanted) { placeLabel(l, "cm-label-text"); }
    });
    ctx.font = COUNTRY_FONT;
    countries.forEach(function (l) { placeLabel(l, "cm-label-text cm-label-country"); });

    function placeLabel(l, className) {
      var p = map.latLngToContainerPoint([l[0], l[1]]);
      var width = Math.ceil(ctx.measureText(l[2]).width) + 8;
      // Right, left, above, below; then the corners, as a map's names go.
      var spots = [[gap, -height / 2], [-gap - width, -height / 2], [-width / 2, -gap - height], [-width / 2, gap],
                   [corner, -corner - height], [corner, corner], [-corner - width, -corner - height], [-corner - width, corner]];
      // The markers of other places (the place's own stand at its point, under its label's gap).
      var others = markers.filter(function (m) { return Math.abs(m.x - p.x) > 1 || Math.abs(m.y - p.y) > 1; });
      var boxes = spots.map(function (spot) {
        return [p.x + spot[0], p.y + spot[1], p.x + spot[0] + width, p.y + spot[1] + height];
      });
      var free = boxes.map(function (box) {
        var inside = box[0] >= margin && box[1] >= margin && box[2] <= size.x - margin && box[3] <= size.y - margin;
        return inside && !taken.some(function (t) { return overlaps(box, t); });
      });
      // The share of other places' markers each spot covers: the least, first in order.
      var hidden = boxes.map(function (box) {
        return others.reduce(function (sum, m) { return sum + coveredShare(m.box, box); }, 0);
      });
      var spot = -1;
      boxes.forEach(function (box, i) { if (free[i] && (spot < 0 || hidden[i] < hidden[spot])) { spot = i; } });
      if (spot < 0) { return; }
      taken.push(boxes[spot]);
      var text = element("span", className, l[2]);
      state.labelLayers.push(L.marker([l[0], l[1]], {
        interactive: false, keyboard: false,
        icon: L.divIcon({ className: "cm-label", html: text, iconSize: [width, height],
                          iconAnchor: [-spots[spot][0], -spots[spot][1]] })
      }).addTo(map));
    }
  }

  // The markers drawn in view, each as its place's point and the box it covers (map pixels).
  function markerBoxes(state) {
    var map = state.map, size = map.getSize(), boxes = [];
    state.markers.forEach(function (m) {
      var layer = m.layer;
      if (!m.shown || layer._clustered || !layer._map) { return; }
      var p = map.latLngToContainerPoint(layer.getLatLng()), shift = layer.options.shift || [0, 0];
      var x = p.x + shift[0], y = p.y + shift[1];
      var r = Math.max(layer._radius * 1.6, glyphSide(layer._radius) / 2 + 1);
      if (x + r < 0 || y + r < 0 || x - r > size.x || y - r > size.y) { return; }
      boxes.push({ x: p.x, y: p.y, box: [x - r, y - r, x + r, y + r] });
    });
    return boxes;
  }

  // What the basemap's town names must keep clear of, as boxes in the map's pixels: the
  // markers and clusters drawn in view (``covers`` gives the controls and place labels).
  function obstacles(state) {
    var map = state.map, boxes = markerBoxes(state).map(function (m) { return m.box; });
    if (state.density && state.density.icons) {
      state.density.icons.eachLayer(function (cluster) {
        var p = map.latLngToContainerPoint(cluster.getLatLng()), r = cluster._radius + 2;
        boxes.push([p.x - r, p.y - r, p.x + r, p.y + r]);
      });
    }
    return boxes;
  }

  // The boxes (the map's pixels) of what hides the map under it: the legend, the time
  // control, the scale, the attribution and the place labels.
  function covers(state) {
    var nodes = Array.prototype.slice.call(state.map.getContainer().querySelectorAll(".leaflet-control"));
    (state.labelLayers || []).forEach(function (label) { if (label.getElement && label.getElement()) { nodes.push(label.getElement()); } });
    return nodeBoxes(state, nodes);
  }

  // The detailed basemap's town names, drawn here when its server sends them (townlabels.js).
  function addTownLabels(state) {
    if (!state.data.townLabels || !window.conflictmapTownLabels) { return; }
    state.obstacles = function () { return obstacles(state); };
    state.covers = function () { return covers(state); };
    state.labelled = function () {
      return (state.labelLayers || []).map(function (label) {
        var p = state.map.latLngToContainerPoint(label.getLatLng());
        return [p.x, p.y];
      });
    };
    state.towns = window.conflictmapTownLabels.attach(state, state.data.townLabels);
    state.towns.on("drawn", function () { window.conflictmapStats = stats(state); });
  }

  // The events of the markers beyond the map's view, each marker counted as ``count`` says.
  function eventsOutside(state, count) {
    var view = state.map.getBounds(), outside = 0;
    state.markers.forEach(function (m) { if (!view.contains(m.layer.getLatLng())) { outside += count(m); } });
    return outside;
  }

  // A picture fitted to the core of the events says how many it leaves out.
  function noteOutside(state) {
    if (!state.data.slide || !state.subtitleNode) { return; }
    var outside = eventsOutside(state, function (m) { return m.total; });
    state.outside = outside;
    if (state.data.insets && state.data.insets.leftOut) {
      // The far theatres have insets and a list at the right: the header says how many events they hold.
      var far = state.data.insets.leftOut;
      state.subtitleNode.textContent += " \u00b7 " + formatCount(far) + " beyond the main map, shown at right";
    } else if (outside) {
      state.subtitleNode.textContent += " \u00b7 " + formatCount(outside) + " outside the map";
    }
  }

  // Leaflet's autoPan keeps a popup inside the map but not clear of the controls
  // over it (the layer list, the title): once it has panned, move the map again
  // by the smaller shift that frees the popup (down, or sideways away from the control).
  var POPUP_GAP_PX = 10;

  function popupShift(popupBox, controlBox, onRight) {
    var down = controlBox.bottom + POPUP_GAP_PX - popupBox.top;
    var aside = onRight ? popupBox.right - (controlBox.left - POPUP_GAP_PX) : controlBox.right + POPUP_GAP_PX - popupBox.left;
    // panBy moves the view: a positive x moves the popup left, a negative y moves it down.
    if (down <= aside) { return [0, -down]; }
    return [onRight ? aside : -aside, 0];
  }

  function clearOfControls(state, popup) {
    var map = state.map, node = popup.getElement();
    if (!node || !map.hasLayer(popup)) { return; }
    var box = node.getBoundingClientRect(), middle = map.getContainer().getBoundingClientRect();
    var obstacles = map.getContainer().querySelectorAll(".leaflet-top .leaflet-control, .cm-title");
    for (var i = 0; i < obstacles.length; i++) {
      var r = obstacles[i].getBoundingClientRect();
      if (!r.width || !r.height || !overlaps([box.left, box.top, box.right, box.bottom], [r.left, r.top, r.right, r.bottom])) {
        continue;
      }
      var onRight = (r.left + r.right) / 2 > (middle.left + middle.right) / 2;
      map.panBy(popupShift(box, r, onRight));
      return;
    }
  }

  // The controls at the map's foot (playback, legend) are drawn over popups. A popup too tall
  // to be panned clear of them on a small map hides those it would run under while it is open.
  function hideControlsUnder(state, popup) {
    var node = popup.getElement();
    if (!node || !state.map.hasLayer(popup)) { return; }
    var box = node.getBoundingClientRect();
    var controls = state.map.getContainer().querySelectorAll(".leaflet-bottom .leaflet-control");
    for (var i = 0; i < controls.length; i++) {
      var r = controls[i].getBoundingClientRect();
      if (r.width && r.height && overlaps([box.left, box.top, box.right, box.bottom], [r.left, r.top, r.right, r.bottom])) {
        controls[i].classList.add("cm-under-popup");
      }
    }
  }

  function showControls(state) {
    var hidden = state.map.getContainer().querySelectorAll(".cm-under-popup");
    for (var i = 0; i < hidden.length; i++) { hidden[i].classList.remove("cm-under-popup"); }
  }

  function keepPopupsClear(state) {
    var map = state.map, panning = false, open = null;
    // Whichever controls the open popup runs under, measured again whenever the map moves.
    function recheck() { showControls(state); if (open) { hideControlsUnder(state, open); } }
    map.on("autopanstart", function () { panning = true; });
    map.on("popupopen", function (event) {
      open = event.popup;
      if (!panning) { clearOfControls(state, event.popup); recheck(); return; }
      map.once("moveend", function () { panning = false; clearOfControls(state, event.popup); recheck(); });
    });
    map.on("moveend", recheck);
    map.on("popupclose", function () { open = null; showControls(state); });
  }

  // Pixels kept free between a whole marker and the map's edge.
  var EDGE_MARGIN_PX = 6;
  // Rounds of taking in markers cut by an edge: each widens the view, which may cut others.
  var FIT_ROUNDS = 4;

  // How far a marker reaches from its point, in pixels: its shape (a triangle or a glyph
  // reaches past the radius) and the shift that keeps the markers of one place apart.
  function markerReach(layer) {
    var shift = layer.options.shift || [0, 0];
    return Math.max(layer._radius * 1.6, glyphSide(layer._radius) / 2 + 1) + Math.max(Math.abs(shift[0]), Math.abs(shift[1]));
  }

  function roomZoom(map, bounds, room) {
    return map.getBoundsZoom(bounds, false, L.point(room.paddingTopLeft).add(room.paddingBottomRight));
  }

  function fit(state) {
    var bounds = state.fitBounds || state.data.bounds;
    if (!bounds) { return; }
    state.map.fitBounds(bounds, L.extend({ maxZoom: state.data.maxZoom || 9, animate: false }, fitRoom(state, bounds)));
  }

  // The padding the fit of ``bounds`` keeps at each edge of the map.
  function fitRoom(state, bounds) {
    // Room at every edge for the largest marker, whole, with a margin (labels that do not fit are left out).
    var pad = Math.max(state.data.slide ? 36 : 24, Math.ceil((state.reach || 0) + EDGE_MARGIN_PX));
    // A picture's insets stand in a column at the right: the events are fitted beside it.
    var column = state.data.insets ? state.data.insets.column : 0;
    // A row of buttons over the top of the map (theatres.js) pushes the events below it.
    var top = state.theatres ? Math.max(pad, state.theatres.bottom() + EDGE_MARGIN_PX) : pad;
    var map = state.map, room = { paddingTopLeft: [pad, top], paddingBottomRight: [pad + column, pad] };
    var corner = map.getContainer().querySelector(".leaflet-bottom.leaflet-left");
    if ((state.data.timeline || state.data.slide) && corner && corner.offsetHeight) {
      // The time control and the legend (a picture's legend alone) stand in the bottom-left corner: keep
      // the events above them or beside them, whichever shows the events larger (fractional zooms).
      var above = { paddingTopLeft: [pad, top], paddingBottomRight: [pad + column, pad + corner.offsetHeight] };
      var beside = { paddingTopLeft: [pad + corner.offsetWidth, top], paddingBottomRight: [pad + column, pad] };
      room = roomZoom(map, bounds, beside) > roomZoom(map, bounds, above) ? beside : above;
    }
    return room;
  }

  // The fitted view leaves room for the largest marker at every edge. A picture also shows
  // every marker whole or not at all: a marker an edge would cut (its place just past the
  // bounds, in view because the picture is wider or taller than they are) is taken in across
  // that edge only, which widens the view a little, not over every far place beside it. (The
  // page's map keeps its frame on the bounds: a far place there is a pan or a zoom away.)
  //
  // Neither map leaves a marker in view under the controls of the bottom-left corner (the
  // time control, the legend): the fit keeps the bounds clear of them, but a place just past
  // the bounds may stand there. Such a place is taken into the bounds, so the fit's room for
  // the corner keeps it clear too, when the map need not zoom out for it (CORNER_ZOOM_OUT at
  // most): a far place is not worth the frame's towns drawn smaller, and each wider view
  // would bring others into view under the corner. FIT_ROUNDS at most.
  function fitWhole(state) {
    if (!state.data.bounds) { return; }
    var shown = state.markers.filter(function (m) { return m.shown; });
    var reach = 0;
    shown.forEach(function (m) { reach = Math.max(reach, markerReach(m.layer)); });
    state.reach = reach;
    state.fitBounds = L.latLngBounds(state.data.bounds);
    fit(state);
    state.fittedZoom = state.map.getZoom();
    for (var round = 0; round < FIT_ROUNDS; round++) {
      var grown = state.data.slide ? takeInCut(state, shown) : false;
      grown = takeInCornered(state, shown) || grown;
      if (!grown) { return; }
      fit(state);
    }
  }

  // Grows the bounds across the edge that cuts a marker in view; whether they grew.
  function takeInCut(state, shown) {
    var map = state.map;
    // The insets' column hides what lies under it: its left side is the picture's right edge.
    var size = map.getSize().subtract(L.point(state.data.insets ? state.data.insets.column : 0, 0));
    var middle = state.fitBounds.getCenter(), grown = false;
    shown.forEach(function (m) {
      var r = markerReach(m.layer) + EDGE_MARGIN_PX, at = m.layer.getLatLng(), p = map.latLngToContainerPoint(at);
      if (p.x + r <= 0 || p.y + r <= 0 || p.x - r >= size.x || p.y - r >= size.y) { return; }  // not in view
      var across = [];
      if (p.y - r < 0 || p.y + r > size.y) { across.push(L.latLng(at.lat, middle.lng)); }
      if (p.x - r < 0 || p.x + r > size.x) { across.push(L.latLng(middle.lat, at.lng)); }
      across.forEach(function (point) {
        if (!state.fitBounds.contains(point)) { state.fitBounds.extend(point); grown = true; }
      });
    });
    return grown;
  }

  // The boxes (the map's pixels) of ``nodes`` over the map, those laid out.
  function nodeBoxes(state, nodes) {
    var frame = state.map.getContainer().getBoundingClientRect();
    return Array.prototype.map.call(nodes, function (node) { return node.getBoundingClientRect(); })
      .filter(function (r) { return r.width && r.height; })
      .map(function (r) { return [r.left - frame.left, r.top - frame.top, r.right - frame.left, r.bottom - frame.top]; });
  }

  // The boxes of the controls in the bottom-left corner.
  function cornerBoxes(state) {
    return nodeBoxes(state, state.map.getContainer().querySelectorAll(".leaflet-bottom.leaflet-left .leaflet-control"));
  }

  // Takes into the bounds the places of the markers the corner's controls cover, those the
  // map shows without zooming out more than CORNER_ZOOM_OUT from the first fit; whether they grew.
  var CORNER_ZOOM_OUT = 0.25;

  function takeInCornered(state, shown) {
    var map = state.map, corner = cornerBoxes(state), grown = false;
    if (!corner.length) { return false; }
    var lowest = Math.min(state.fittedZoom, state.data.maxZoom || 9) - CORNER_ZOOM_OUT;
    shown.forEach(function (m) {
      var at = m.layer.getLatLng();
      if (state.fitBounds.contains(at)) { return; }  // the fit already keeps it clear, or cannot
      var r = markerReach(m.layer) + EDGE_MARGIN_PX, p = map.latLngToContainerPoint(at);
      var box = [p.x - r, p.y - r, p.x + r, p.y + r];
      if (!corner.some(function (c) { return overlaps(box, c); })) { return; }
      var wider = L.latLngBounds(state.fitBounds.getSouthWest(), state.fitBounds.getNorthEast()).extend(at);
      if (roomZoom(map, wider, fitRoom(state, wider)) < lowest) { return; }
      state.fitBounds = wider;
      grown = true;
    });
    return grown;
  }

  function whenTilesLoaded(layers, waitMs, done) {
    var pending = layers.filter(function (t) { return t && t._map && t.isLoading && t.isLoading(); });
    if (!pending.length) { done(); return; }
    var left = pending.length, finished = false;
    function finish() { if (!finished) { finished = true; done(); } }
    pending.forEach(function (t) { t.once("load", function () { left -= 1; if (!left) { finish(); } }); });
    setTimeout(finish, waitMs);
  }

  function markReady(state) {
    var slide = Boolean(state.data.slide);
    var layers = (state.groups.tiles || []).concat(state.towns ? [state.towns] : []);
    whenTilesLoaded(layers, slide ? SLIDE_TILE_WAIT_MS : TILE_WAIT_MS, function () {
      window.conflictmapStats = stats(state);
      setTimeout(function () {
        requestAnimationFrame(function () {
          requestAnimationFrame(function () { window.conflictmapReady = true; });
        });
      }, slide ? TILE_FADE_MS : 0);
    });
  }

  // The page beside the map (its event feed) asks for an event: fly to its point and
  // open the popup of the marker that holds it, the nearest one shown of its type.
  var FOCUS_ZOOM = 7;
  var current = null;

  function focus(lat, lon, typeKey) {
    var state = current;
    if (!state) { return false; }
    state.touched = true;  // the feed moved the map: a later resize keeps the view
    var typeIndex = state.data.types.map(function (t) { return t.key; }).indexOf(typeKey);
    var target = L.latLng(lat, lon), best = null, bestDistance = Infinity;
    state.markers.forEach(function (m) {
      if (!m.shown || (typeIndex >= 0 && m.type !== typeIndex)) { return; }
      var d = target.distanceTo(m.layer.getLatLng());
      if (d < bestDistance) { best = m; bestDistance = d; }
    });
    var map = state.map, to = best ? best.layer.getLatLng() : target;
    var zoom = Math.max(map.getZoom(), FOCUS_ZOOM), open = best && best.layer.getPopup();
    map.closePopup();
    if (zoom === map.getZoom() && map.latLngToContainerPoint(to).distanceTo(map.latLngToContainerPoint(map.getCenter())) < 2) {
      if (open) { best.layer.openPopup(); }  // already there: no move to wait for
      return true;
    }
    if (open) { map.once("moveend", function () { best.layer.openPopup(); }); }
    map.flyTo(to, zoom, { duration: 0.6 });
    return true;
  }

  // The page's map credits its data in one line, cut short, read in full on a click, a hover
  // or the keyboard's focus: written out, the credits run to three or four lines over the
  // events in the map's lower right on a laptop's window. A picture keeps them in full.
  function foldCredits(box) {
    if (!box) { return; }
    box.classList.add("cm-credits");
    box.tabIndex = 0;
    box.title = "Map data and sources: click to read in full";
    L.DomEvent.on(box, "click", function (event) {
      if (event.target.closest && event.target.closest("a")) { return; }  // a link opens, the box stays
      box.classList.toggle("cm-credits-open");
    });
    L.DomEvent.disableClickPropagation(box);
  }

  function draw(map, data, basemap, groups) {
    window.conflictmapReady = false;
    var state = { map: map, data: data, groups: groups, window: null, counts: [], titleHeight: 0 };
    current = state;
    if (map.attributionControl) {
      map.attributionControl.setPrefix("Leaflet");
      if (data.attribution) { map.attributionControl.addAttribution(data.attribution); }
      if (!data.slide) { foldCredits(map.attributionControl.getContainer()); }
    }
    addTypeStyles(data.types);
    addBasemap(map, basemap);
    addTitle(state);
    fit(state);
    buildMarkers(state);
    keepPopupsClear(state);
    buildSublayers(state);
    if (!data.slide) { announceOrigins(state); }
    if (window.conflictmapDensity && !data.slide) {
      state.density = window.conflictmapDensity.attach(state, function () { window.conflictmapStats = stats(state); });
    }
    addLegend(state);
    if (data.theatres && window.conflictmapTheatres) { state.theatres = window.conflictmapTheatres.attach(state); }
    addTimeline(state);
    scaleBesideCredits(state);
    foldDetails(state);
    if (state.data.timeline) { fit(state); }  // again, now that the controls take their room
    refresh(state);
    fitWhole(state);
    if (data.insets && window.conflictmapInsets) { state.insets = window.conflictmapInsets.draw(state, basemap); }
    noteOutside(state);
    noteOutsideView(state);
    // The note on the events outside the view may have made the legend too tall: fold, fit again.
    if (foldDetails(state)) { fitWhole(state); noteOutsideView(state); }
    moveLegendOffMarkers(state);
    map.on("moveend", function () { noteOutsideView(state); legendWhereClear(state); });
    placeLabels(state);
    addTownLabels(state);
    refitWhenResized(state);
    window.conflictmapStats = stats(state);
    markReady(state);
    return state;
  }

  // The page sizes the map's frame to the window, maybe after the map was drawn, and again
  // when the window changes: until the user moves the map, it fits the events again to the
  // new size (a view the user chose stays where it is).
  function refitWhenResized(state) {
    var map = state.map, container = map.getContainer();
    function touched() { state.touched = true; }
    ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (name) {
      L.DomEvent.on(container, name, touched);
    });
    map.on("resize", function () {
      if (state.touched || state.data.slide) { return; }
      (state.labelLayers || []).forEach(function (label) { map.removeLayer(label); });
      legendBack(state);
      foldDetails(state);
      fitWhole(state);
      moveLegendOffMarkers(state);
      placeLabels(state);
      if (state.towns) { state.towns.redraw(); }
    });
  }

  window.conflictmap = { draw: draw, radiusFor: radiusFor, focus: focus, markerFor: markerFor, markerReach: markerReach };
})();
