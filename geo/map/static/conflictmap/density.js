/* conflictmap: density at any scale. Nearby markers merge into clusters that
 * count their events by type (a ring coloured by type around the count) and
 * split into single markers as the map zooms in; a hexagon layer shades where
 * the events of the chosen time window are and how many there are.
 *
 * Both work on the page's markers (one per place and type, at most a few
 * thousand even for 100,000 events), never on single events, and both redo
 * their work once per zoom, time window or layer switch, not once per marker.
 * eventmap.js owns the markers; this file only hides the ones a cluster stands
 * for, or all of them when the Markers switch is off (``layer._clustered``), and
 * draws the clusters and hexagons. */
(function () {
  "use strict";

  // Markers merge into one cluster only where they overlap on screen (the reach of their
  // shapes, shifts included, adds up to more than their distance), and never beyond this (px):
  // at a country's zoom towns 30 km apart stand apart, while a heap of markers still clusters.
  var CLUSTER_RADIUS_PX = 60;
  // From this zoom on (town level), every marker stands alone.
  var CLUSTER_MAX_ZOOM = 11;
  // Hexagon size (px, centre to corner) of the density layer, the same at every zoom.
  var HEX_RADIUS_PX = 14;
  var SQRT3 = Math.sqrt(3);
  // ColorBrewer YlOrRd: light for a few events, dark red for the most.
  var RAMP = ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"];
  // Clusters and hexagons are drawn for the view and this share of it around, so a short pan shows them at once.
  var VIEW_PAD = 0.5;

  function safeColour(colour) { return /^#[0-9a-fA-F]{3,8}$/.test(colour) ? colour : "#777777"; }

  // A count in at most four characters ("2.5k", "31k", "1.2M"), as map clusters print it: a
  // cluster's ring leaves its text some 35 px, which "2,545" in bold fills to the ring's edge.
  // The exact count is in the cluster's tooltip.
  function compactCount(n) {
    if (n < 1000) { return String(n); }
    if (n < 999500) { return (n < 9950 ? (n / 1000).toFixed(1).replace(/\.0$/, "") : Math.round(n / 1000)) + "k"; }
    return (n < 9950000 ? (n / 1000000).toFixed(1).replace(/\.0$/, "") : Math.round(n / 1000000)) + "M";
  }

  var MAX_CLUSTER_RADIUS_PX = 34;
  function clusterRadius(count) {
    return Math.round(Math.min(MAX_CLUSTER_RADIUS_PX, 13 + 4.2 * Math.log10(Math.max(count, 1))));
  }

  // Screen pixels binned in square cells ``size`` px wide: ``add`` files an item under its
  // point's cell, ``someNear`` calls ``visit`` on the items of the 3 x 3 cells around a point
  // until it returns true (so two points within ``size`` px of each other always meet).
  function PixelGrid(size) { this.size = size; this.cells = {}; }
  PixelGrid.prototype.key = function (x, y, dx, dy) {
    return (Math.floor(x / this.size) + dx) + ":" + (Math.floor(y / this.size) + dy);
  };
  PixelGrid.prototype.add = function (x, y, item) {
    var key = this.key(x, y, 0, 0);
    (this.cells[key] || (this.cells[key] = [])).push(item);
  };
  PixelGrid.prototype.someNear = function (x, y, visit) {
    for (var dx = -1; dx <= 1; dx++) {
      for (var dy = -1; dy <= 1; dy++) {
        var cell = this.cells[this.key(x, y, dx, dy)];
        if (cell && cell.some(visit)) { return true; }
      }
    }
    return false;
  };

  // Greedy clustering in screen pixels: the marker with the most events first takes
  // every free marker within ``radius`` of it, or, when points carry their ``reach`` (px),
  // every free marker it overlaps (within the sum of both reaches, at most ``radius``).
  // ``points`` are {x, y, weight[, reach]}; returns groups of indices into ``points``
  // (one-marker groups included), biggest first.
  function clusterPoints(points, radius) {
    var grid = new PixelGrid(radius), order = [], taken = new Uint8Array(points.length), groups = [];
    points.forEach(function (p, i) { grid.add(p.x, p.y, i); order.push(i); });
    order.sort(function (a, b) { return points[b].weight - points[a].weight || a - b; });
    var r2 = radius * radius;
    order.forEach(function (seed) {
      if (taken[seed]) { return; }
      var p = points[seed], members = [seed];
      taken[seed] = 1;
      grid.someNear(p.x, p.y, function (j) {
        var q = points[j];
        if (taken[j]) { return false; }
        var ex = q.x - p.x, ey = q.y - p.y, near = r2;
        if (p.reach !== undefined && q.reach !== undefined) {
          var touch = Math.min(radius, p.reach + q.reach);
          near = touch * touch;
        }
        if (ex * ex + ey * ey <= near) { taken[j] = 1; members.push(j); }
        return false;
      });
      groups.push(members);
    });
    return groups;
  }

  // Clusters whose discs overlap on screen merge, the smaller into the bigger, until none
  // overlap: markers apart at first make clusters that, grown into discs of their counts'
  // size (up to 34 px), can cover each other, as a time window's first weeks do.
  // ``clusters`` are {x, y, count, members} (px; indices into the points), biggest first;
  // returns the merged ones, each at its events' weighted centre.
  function mergeOverlapping(clusters) {
    var merged = true;
    while (merged) {
      merged = false;
      var grid = new PixelGrid(2 * MAX_CLUSTER_RADIUS_PX), kept = [];
      clusters.forEach(function (c) {
        var rc = clusterRadius(c.count), into = null;
        grid.someNear(c.x, c.y, function (k) {
          var reach = clusterRadius(k.count) + rc;
          if ((k.x - c.x) * (k.x - c.x) + (k.y - c.y) * (k.y - c.y) < reach * reach) { into = k; }
          return into !== null;
        });
        if (!into) { kept.push(c); grid.add(c.x, c.y, c); return; }
        // The centre moves, so the grid may need another pass to see what the grown disc covers.
        var count = into.count + c.count;
        into.x = (into.x * into.count + c.x * c.count) / count;
        into.y = (into.y * into.count + c.y * c.count) / count;
        into.count = count;
        into.members = into.members.concat(c.members);
        merged = true;
      });
      clusters = kept;
    }
    return clusters;
  }

  // The hexagon (axial q, r; pointy top, ``size`` px centre to corner) holding pixel (x, y).
  function hexAt(x, y, size) {
    var q = (SQRT3 / 3 * x - y / 3) / size, r = (2 / 3 * y) / size, s = -q - r;
    var rq = Math.round(q), rr = Math.round(r), rs = Math.round(s);
    var dq = Math.abs(rq - q), dr = Math.abs(rr - r), ds = Math.abs(rs - s);
    if (dq > dr && dq > ds) { rq = -rr - rs; } else if (dr > ds) { rr = -rq - rs; }
    return [rq, rr];
  }

  function hexCentre(q, r, size) { return [size * SQRT3 * (q + r / 2), size * 1.5 * r]; }

  // Events per hexagon for weighted pixel points: [{q, r, count}].
  function hexBins(points, size) {
    var bins = {}, list = [];
    points.forEach(function (p) {
      var h = hexAt(p.x, p.y, size), key = h[0] + ":" + h[1], bin = bins[key];
      if (!bin) { bin = bins[key] = { q: h[0], r: h[1], count: 0 }; list.push(bin); }
      bin.count += p.weight;
    });
    return list;
  }

  // On a log scale from the quietest to the busiest hexagon in sight: counts run from 1 to thousands.
  function rampColour(count, low, high) {
    var t = high > low ? Math.log(count / low) / Math.log(high / low) : 1;
    return RAMP[Math.max(0, Math.min(RAMP.length - 1, Math.floor(t * RAMP.length)))];
  }

  function typeOn(state, index) {
    var group = state.groups.types[state.data.types[index].key];
    return !group || state.map.hasLayer(group);
  }

  // Pixel positions of every marker at one zoom, kept until the zoom changes.
  function projected(self, zoom) {
    if (self.projection && self.projection.zoom === zoom) { return self.projection; }
    var map = self.state.map, markers = self.state.markers;
    var xs = new Float64Array(markers.length), ys = new Float64Array(markers.length);
    markers.forEach(function (m, i) {
      var p = map.project(m.layer.getLatLng(), zoom);
      xs[i] = p.x; ys[i] = p.y;
    });
    self.projection = { zoom: zoom, x: xs, y: ys };
    return self.projection;
  }

  // How far a marker's shape reaches from its point (px), as the page script draws it.
  function reachOf(layer) {
    var page = window.conflictmap;
    if (page && page.markerReach) { return page.markerReach(layer); }
    return (layer._radius || 0) * 1.6;
  }

  // The markers with events in the window whose type and origin are shown, as weighted pixel points.
  function livePoints(self, zoom) {
    var state = self.state, proj = projected(self, zoom), points = [];
    state.markers.forEach(function (m, i) {
      if (m.shown > 0 && typeOn(state, m.type)) {
        points.push({ x: proj.x[i], y: proj.y[i], weight: m.shown, marker: i, reach: reachOf(m.layer) });
      }
    });
    return points;
  }

  function samePoint(state, points, members) {
    var first = state.markers[points[members[0]].marker].layer.getLatLng();
    return members.every(function (j) { return state.markers[points[j].marker].layer.getLatLng().equals(first); });
  }

  var CLUSTER_FONT = "700 12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  var SHADOW_PX = 4;

  // A cluster drawn on the markers' own canvas (one canvas: a second one over it
  // would catch the clicks meant for the markers): a white disc, a ring split by
  // type in the types' colours, starting at the top, and the event count.
  L.Canvas.include({
    _drawCluster: function (layer) {
      if (!this._drawing || layer._empty()) { return; }
      var ctx = this._ctx, p = layer._point, r = layer._radius, o = layer.options;
      var width = Math.max(4, r * 0.34), ring = r - width / 2, start = -Math.PI / 2;
      ctx.save();
      ctx.shadowColor = "rgba(0, 0, 0, 0.45)"; ctx.shadowBlur = 3; ctx.shadowOffsetY = 1;
      ctx.beginPath(); ctx.arc(p.x, p.y, r, 0, Math.PI * 2); ctx.fillStyle = "rgba(255, 255, 255, 0.94)"; ctx.fill();
      ctx.shadowColor = "transparent";
      ctx.lineWidth = width;
      o.counts.forEach(function (n, i) {
        if (!n) { return; }
        var angle = Math.PI * 2 * n / o.total;
        ctx.beginPath(); ctx.arc(p.x, p.y, ring, start, start + angle); ctx.strokeStyle = o.colours[i]; ctx.stroke();
        start += angle;
      });
      ctx.fillStyle = "#1a1a1a"; ctx.font = CLUSTER_FONT; ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.fillText(compactCount(o.total), p.x, p.y + 0.5);
      ctx.restore();
    }
  });

  var ClusterMarker = L.Path.extend({
    options: { interactive: true, counts: [], colours: [], total: 0 },
    initialize: function (latlng, radius, options) {
      L.setOptions(this, options);
      this._latlng = L.latLng(latlng);
      this._radius = radius;
    },
    getLatLng: function () { return this._latlng; },
    _project: function () { this._point = this._map.latLngToLayerPoint(this._latlng); this._updateBounds(); },
    _updateBounds: function () {
      var reach = this._radius + SHADOW_PX, pad = L.point(reach, reach);
      this._pxBounds = new L.Bounds(this._point.subtract(pad), this._point.add(pad));
    },
    _update: function () { if (this._map) { this._updatePath(); } },
    _updatePath: function () { this._renderer._drawCluster(this); },
    _empty: function () { return !this._renderer._bounds.intersects(this._pxBounds); },
    _containsPoint: function (p) { return p.distanceTo(this._point) <= this._radius + this._clickTolerance(); },
    // A click zooms in and goes no further: the page around the map (streamlit-folium
    // listens to every layer's clicks) must not read it as a click on a marker.
    fire: function (type, data, propagate) {
      if (type === "click" && this.cluster && this._map) { zoomInto(this._map, this.cluster); return this; }
      return L.Path.prototype.fire.call(this, type, data, propagate);
    }
  });

  function clusterTooltip(cluster, types) {
    var node = document.createElement("div");
    node.className = "cm-cluster-tip";
    var head = node.appendChild(document.createElement("b"));
    head.textContent = cluster.count.toLocaleString("en-US") + " events";
    types.forEach(function (type, i) {
      if (!cluster.byType[i]) { return; }
      var row = node.appendChild(document.createElement("div"));
      row.textContent = type.label + ": " + cluster.byType[i].toLocaleString("en-US");
    });
    var hint = node.appendChild(document.createElement("div"));
    hint.className = "cm-cluster-hint";
    hint.textContent = "Click to zoom in";
    return node;
  }

  // A click zooms to the cluster's markers, at least one level further in.
  function zoomInto(map, cluster) {
    var zoom = map.getZoom();
    var target = Math.min(Math.max(map.getBoundsZoom(cluster.bounds.pad(0.15)), zoom + 1), CLUSTER_MAX_ZOOM);
    map.setView(cluster.bounds.getCenter(), target);
  }

  function Density(state, onLayout) {
    this.state = state;
    this.onLayout = onLayout;
    this.projection = null;
    this.clusters = [];
    this.hexagons = 0;
    this.layoutMs = 0;
    this.icons = L.layerGroup();
    this.hexLayer = new HexLayer(this);
    var groups = state.groups, map = state.map, self = this;
    if (groups.clusters) { this.icons.addTo(groups.clusters); }
    if (groups.density) { this.hexLayer.addTo(groups.density); }
    Object.keys(groups.types).forEach(function (key) { groups.types[key].on("add remove", function () { self.update(); }); });
    [groups.clusters, groups.markers].forEach(function (group) { if (group) { group.on("add remove", function () { self.update(); }); } });
    if (groups.density) { groups.density.on("add remove", function () { self.showKey(); }); }
    map.on("moveend", function () {
      if (self.zoom !== map.getZoom()) { self.update(); } else { self.drawIcons(); self.hexLayer.redraw(); self.report(); }
    });
    this.addKey();
  }

  Density.prototype.markersShown = function () {
    return !this.state.groups.markers || this.state.map.hasLayer(this.state.groups.markers);
  };

  Density.prototype.clustering = function () {
    var state = this.state;
    return !!state.groups.clusters && state.map.hasLayer(state.groups.clusters) && state.map.getZoom() < CLUSTER_MAX_ZOOM &&
      this.markersShown();
  };

  // Cluster the markers again (after a zoom, a new time window or a layer switch) and redraw.
  Density.prototype.update = function () {
    var started = performance.now(), state = this.state, map = state.map, zoom = map.getZoom();
    var points = livePoints(this, zoom), clusters = [], hidden = new Uint8Array(state.markers.length);
    this.zoom = zoom;
    if (!this.markersShown()) { points.forEach(function (p) { hidden[p.marker] = 1; }); } else if (this.clustering()) {
      var types = state.data.types, heaps = [];
      clusterPoints(points, CLUSTER_RADIUS_PX).forEach(function (members) {
        if (members.length < 2 || samePoint(state, points, members)) { return; }
        var count = 0, x = 0, y = 0;
        members.forEach(function (j) { var p = points[j]; count += p.weight; x += p.x * p.weight; y += p.y * p.weight; });
        heaps.push({ x: x / count, y: y / count, count: count, members: members });
      });
      heaps.sort(function (a, b) { return b.count - a.count; });
      mergeOverlapping(heaps).forEach(function (heap) {
        var byType = types.map(function () { return 0; }), bounds = L.latLngBounds([]);
        heap.members.forEach(function (j) {
          var p = points[j], m = state.markers[p.marker];
          byType[m.type] += p.weight;
          bounds.extend(m.layer.getLatLng());
          hidden[p.marker] = 1;
        });
        clusters.push({ latlng: map.unproject([heap.x, heap.y], zoom), count: heap.count, byType: byType,
                        places: heap.members.length, bounds: bounds });
      });
    }
    state.markers.forEach(function (m, i) {
      var clustered = hidden[i] === 1;
      if (m.layer._clustered !== clustered) { m.layer._clustered = clustered; if (m.layer._map) { m.layer.redraw(); } }
    });
    this.clusters = clusters;
    this.hiddenMarkers = hidden.reduce(function (a, b) { return a + b; }, 0);
    this.drawIcons();
    this.hexLayer.redraw();
    this.layoutMs = performance.now() - started;
    this.report();
  };

  // Clusters are made only for the view and a margin around it: a world of clusters is never all in the page.
  Density.prototype.drawIcons = function () {
    var state = this.state, map = state.map, types = state.data.types, icons = this.icons;
    icons.clearLayers();
    if (!this.clusters.length || !this.clustering()) { this.iconCount = 0; return; }
    var view = map.getBounds().pad(VIEW_PAD), drawn = 0, renderer = state.markers[0].layer.options.renderer;
    var colours = types.map(function (type) { return safeColour(type.colour); });
    // Small clusters first, so the big ones are drawn over them and take their clicks.
    this.clusters.slice().reverse().forEach(function (cluster) {
      if (!view.contains(cluster.latlng)) { return; }
      var marker = new ClusterMarker(cluster.latlng, clusterRadius(cluster.count), {
        renderer: renderer, counts: cluster.byType, colours: colours, total: cluster.count
      });
      marker.cluster = cluster;
      // The tooltip's text is made when it first opens, not for every cluster of every zoom.
      marker.bindTooltip(function () { return clusterTooltip(cluster, types); }, { direction: "top", offset: [0, -clusterRadius(cluster.count)] });
      icons.addLayer(marker);
      drawn += 1;
    });
    this.iconCount = drawn;
  };

  Density.prototype.report = function () {
    if (!this.key) { return; }  // still being set up
    this.state.densityStats = {
      clusters: this.clusters.length, clusterIcons: this.iconCount || 0, hidden: this.hiddenMarkers || 0,
      hexagons: this.hexagons, hexRange: this.hexRange || null, layoutMs: Math.round(this.layoutMs * 10) / 10, zoom: this.state.map.getZoom()
    };
    if (this.onLayout) { this.onLayout(); }
  };

  // The key of the hexagon colours, shown while the density layer is.
  Density.prototype.addKey = function () {
    var self = this, Key = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function () {
        var box = L.DomUtil.create("div", "cm-density-key leaflet-control");
        box.appendChild(document.createElement("div")).textContent = "Events per hexagon";
        var bar = box.appendChild(document.createElement("div"));
        bar.className = "cm-density-bar";
        RAMP.forEach(function (colour) {
          var step = bar.appendChild(document.createElement("span"));
          step.style.background = colour;
        });
        var ends = box.appendChild(document.createElement("div"));
        ends.className = "cm-density-ends";
        self.keyMin = ends.appendChild(document.createElement("span"));
        self.keyMax = ends.appendChild(document.createElement("span"));
        return box;
      }
    });
    this.key = new Key();
    this.showKey();
  };

  Density.prototype.showKey = function () {
    var on = this.state.groups.density && this.state.map.hasLayer(this.state.groups.density);
    if (on && !this.key._map) { this.key.addTo(this.state.map); } else if (!on && this.key._map) { this.key.remove(); }
    if (on) { this.hexLayer.redraw(); }
    this.report();
  };

  // The hexagons: one canvas the size of the map, drawn again after each move, hidden while zooming.
  var HexLayer = L.Layer.extend({
    initialize: function (density) { this._density = density; },
    onAdd: function (map) {
      var pane = map.getPane("cm-density") || map.createPane("cm-density");
      pane.style.zIndex = 350;  // over the basemap and tiles, under the markers
      pane.style.pointerEvents = "none";
      this._canvas = L.DomUtil.create("canvas", "cm-density-canvas leaflet-zoom-hide", pane);
      this.redraw();
    },
    onRemove: function () {
      L.DomUtil.remove(this._canvas);
      this._canvas = null;
      this._density.hexagons = 0;
      this._density.hexRange = null;
    },
    redraw: function () {
      var map = this._map, canvas = this._canvas, density = this._density;
      if (!map || !canvas) { return; }
      var size = map.getSize(), ratio = window.devicePixelRatio || 1, zoom = map.getZoom();
      var topLeft = map.containerPointToLayerPoint([0, 0]), origin = map.getPixelOrigin();
      L.DomUtil.setPosition(canvas, topLeft);
      canvas.width = Math.round(size.x * ratio); canvas.height = Math.round(size.y * ratio);
      canvas.style.width = size.x + "px"; canvas.style.height = size.y + "px";
      var ctx = canvas.getContext("2d");
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      // Pixel (0, 0) of the canvas, in the zoom's projected pixels: hexagons stay put while the map pans.
      var offsetX = origin.x + topLeft.x, offsetY = origin.y + topLeft.y, reach = HEX_RADIUS_PX;
      var padX = size.x * VIEW_PAD, padY = size.y * VIEW_PAD;
      var bins = hexBins(livePoints(density, zoom), HEX_RADIUS_PX).filter(function (bin) {
        var c = hexCentre(bin.q, bin.r, HEX_RADIUS_PX), x = c[0] - offsetX, y = c[1] - offsetY;
        bin.x = x; bin.y = y;
        return x > -padX - reach && y > -padY - reach && x < size.x + padX + reach && y < size.y + padY + reach;
      });
      // The colours span the hexagons in sight, whatever the zoom.
      var low = Infinity, high = 0;
      bins.forEach(function (b) {
        if (b.x > -reach && b.y > -reach && b.x < size.x + reach && b.y < size.y + reach) {
          low = Math.min(low, b.count); high = Math.max(high, b.count);
        }
      });
      if (!high) { low = high = 1; }
      ctx.lineWidth = 0.6;
      ctx.strokeStyle = "rgba(255, 255, 255, 0.7)";
      bins.forEach(function (bin) {
        ctx.beginPath();
        for (var k = 0; k < 6; k++) {
          var angle = Math.PI / 180 * (60 * k - 30), px = bin.x + reach * Math.cos(angle), py = bin.y + reach * Math.sin(angle);
          if (k) { ctx.lineTo(px, py); } else { ctx.moveTo(px, py); }
        }
        ctx.closePath();
        ctx.globalAlpha = 0.78;
        ctx.fillStyle = rampColour(Math.min(Math.max(bin.count, low), high), low, high);
        ctx.fill();
        ctx.globalAlpha = 1;
        ctx.stroke();
      });
      density.hexagons = bins.length;
      density.hexRange = [low, high];
      if (density.keyMax) { density.keyMin.textContent = compactCount(low); density.keyMax.textContent = compactCount(high); }
    }
  });

  var current = null;

  function attach(state, onLayout) { current = new Density(state, onLayout); return current; }

  // The clusters drawn now, each with its count by type and its place in the map's frame (px).
  Density.prototype.drawnClusters = function () {
    var map = this.state.map, types = this.state.data.types, out = [];
    this.icons.eachLayer(function (marker) {
      var p = map.latLngToContainerPoint(marker.getLatLng()), c = marker.cluster, byType = {};
      types.forEach(function (type, i) { if (c.byType[i]) { byType[type.key] = c.byType[i]; } });
      out.push({ count: c.count, byType: byType, markers: c.places, x: p.x, y: p.y, lat: c.latlng.lat, lon: c.latlng.lng });
    });
    return out;
  };

  window.conflictmapDensity = {
    attach: attach, clusterPoints: clusterPoints, mergeOverlapping: mergeOverlapping, hexBins: hexBins, hexAt: hexAt,
    clusterRadius: clusterRadius, compactCount: compactCount, CLUSTER_FONT: CLUSTER_FONT,
    // The clusters the page's map draws now (for the page's tests and benches).
    clusters: function () { return current ? current.drawnClusters() : []; },
    CLUSTER_RADIUS_PX: CLUSTER_RADIUS_PX, CLUSTER_MAX_ZOOM: CLUSTER_MAX_ZOOM, HEX_RADIUS_PX: HEX_RADIUS_PX
  };
})();
