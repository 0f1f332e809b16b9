/* conflictmap: the detailed basemap's town names, drawn by the page over tiles drawn
 * without them, so that they give way to the events: a name whose text an event's
 * marker, cluster or place label covers moves to the other side of its dot, and is
 * left out when both sides (or the dot itself) are covered. The names come from the
 * app's own basemap server in blocks of METATILE x METATILE tiles (geo/map/tiles.py),
 * already thinned for their zoom and clear of each other there; names are set with
 * fillText, never parsed as markup. A town where events happened takes the name its
 * articles use, as the feed and the popups do (data.townNames), and the events' busiest
 * places are named among the towns, before them, whatever their size (data.eventTowns). */
(function () {
  "use strict";

  var BLOCK_PX = 4 * 256;  // tiles.METATILE tiles of tiles.TILE_SIZE pixels
  var MAX_NATIVE_ZOOM = 13;  // tiles.MAX_NATIVE_ZOOM: names past it are those of its deepest zoom
  // The face the tiles drew names in, so the basemap keeps its look.
  var FONT_FAMILY = "'DejaVu Sans', Verdana, Arial, sans-serif";
  var TEXT_GAP_PX = 5, FAR_GAP_PX = 18, CLEARANCE_PX = 3, DOT_RADIUS_PX = 2.5, DOT_BOX_PX = 3;
  var INDEX_CELL_PX = 64;
  // A town this close (px, across plus down) to a place an event's label names is that place.
  var LABELLED_PX = 12;
  // Blocks are fetched for the view and this share of it around, so a short pan has its names.
  var VIEW_PAD = 0.25;

  function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }

  // Boxes on a grid of cells, so that "does this box hit one" reads a few cells, not every box.
  function BoxIndex() { this.cells = {}; }
  BoxIndex.prototype.each = function (box, visit) {
    var x0 = Math.floor(box[0] / INDEX_CELL_PX), x1 = Math.floor(box[2] / INDEX_CELL_PX);
    var y0 = Math.floor(box[1] / INDEX_CELL_PX), y1 = Math.floor(box[3] / INDEX_CELL_PX);
    for (var x = x0; x <= x1; x++) {
      for (var y = y0; y <= y1; y++) { if (visit(x + ":" + y) === true) { return true; } }
    }
    return false;
  };
  BoxIndex.prototype.add = function (box) {
    var cells = this.cells;
    this.each(box, function (key) { (cells[key] || (cells[key] = [])).push(box); });
  };
  // Whether ``box`` overlaps a box of the index (one whose ``owner`` is ``but`` aside).
  BoxIndex.prototype.hits = function (box, but) {
    var cells = this.cells;
    return this.each(box, function (key) {
      var list = cells[key];
      if (!list) { return false; }
      for (var i = 0; i < list.length; i++) {
        if (overlaps(box, list[i]) && (but === undefined || list[i].owner !== but)) { return true; }
      }
      return false;
    });
  };

  // Town names placed clear of ``obstacles`` (boxes [x0, y0, x1, y1] in the map's pixels) and
  // of each other, in the order given (the biggest town first): each name right of its dot,
  // else left of it, else above or below it, else a little further out on any side (a town under an event's
  // marker keeps its name beside the marker, without its dot); a name with every spot
  // taken is left out, and so is a town at a place an event's label names (``labelled``:
  // the [x, y] of those places; that label already says where it is) or under one of the
  // ``covers`` (boxes of the controls and labels over the map: its dot is out of sight).
  // ``candidates``: [{name, x, y, width, height}], x and y the dot's pixel.
  function placeTownLabels(candidates, obstacles, labelled, covers) {
    var index = new BoxIndex(), hidden = new BoxIndex(), dots = new BoxIndex(), placed = [], dropped = [];
    obstacles.forEach(function (box) { index.add(box); });
    (covers || []).forEach(function (box) { index.add(box); hidden.add(box); });
    // Every town's dot: a name takes a side that leaves the others' dots clear when it has one.
    candidates.forEach(function (c, n) {
      var box = [c.x - DOT_BOX_PX, c.y - DOT_BOX_PX, c.x + DOT_BOX_PX, c.y + DOT_BOX_PX];
      box.owner = n;
      dots.add(box);
    });
    candidates.forEach(function (c, n) {
      var dot = [c.x - DOT_BOX_PX, c.y - DOT_BOX_PX, c.x + DOT_BOX_PX, c.y + DOT_BOX_PX], dotFree = !index.hits(dot);
      var named = (labelled || []).some(function (at) { return Math.abs(at[0] - c.x) + Math.abs(at[1] - c.y) <= LABELLED_PX; });
      if (named || hidden.hits(dot)) { dropped.push(c.name); return; }
      // Spots as [left edge, middle line, side]: beside the dot, then above or below it (a
      // capital between two markers keeps its name), then (dot covered) further out.
      var spots = [[c.x + TEXT_GAP_PX, c.y, "right"], [c.x - TEXT_GAP_PX - c.width, c.y, "left"]];
      if (dotFree) {
        spots.push([c.x - c.width / 2, c.y - TEXT_GAP_PX - c.height / 2, "above"],
                   [c.x - c.width / 2, c.y + TEXT_GAP_PX + c.height / 2, "below"]);
      } else {
        [FAR_GAP_PX, 2 * FAR_GAP_PX].forEach(function (gap) {
          spots.push([c.x + gap, c.y, "right"], [c.x - gap - c.width, c.y, "left"],
                     [c.x - c.width / 2, c.y - gap, "above"], [c.x - c.width / 2, c.y + gap, "below"]);
        });
      }
      var boxes = spots.map(function (spot) {
        return [spot[0] - CLEARANCE_PX, spot[1] - c.height / 2 - CLEARANCE_PX, spot[0] + c.width + CLEARANCE_PX,
                spot[1] + c.height / 2 + CLEARANCE_PX];
      });
      var free = boxes.map(function (box) { return !index.hits(box); });
      var i = free.findIndex(function (ok, k) { return ok && !dots.hits(boxes[k], n); });
      if (i < 0) { i = free.indexOf(true); }
      if (i < 0) { dropped.push(c.name); return; }
      index.add(boxes[i]);
      if (dotFree) { index.add(dot); }
      placed.push({ name: c.name, x: c.x, y: c.y, textY: spots[i][1], textX: spots[i][0], side: spots[i][2], dot: dotFree, font: c.font });
    });
    return { placed: placed, dropped: dropped };
  }

  // Bands just outside the map's four edges, as covers: a name the edge would cut moves to
  // the other side of its dot, and a town whose dot is out of view is not named.
  var EDGE_BAND_PX = 400;
  function edges(size) {
    var b = EDGE_BAND_PX;
    return [[-b, -b, 0, size.y + b], [size.x, -b, size.x + b, size.y + b],
            [-b, -b, size.x + b, 0], [-b, size.y, size.x + b, size.y + b]];
  }

  // How far (degrees of latitude, and the same distance across) a basemap town may lie from an
  // event's town of the same gazetteer name to be that town: the two points come from one
  // gazetteer and mostly coincide; a namesake is farther.
  var SAME_TOWN_DEG = 0.1;

  // How far apart two points are, in degrees of latitude (the larger of the two ways).
  function degreesApart(lat, lon, lat2, lon2) {
    return Math.max(Math.abs(lat2 - lat), Math.abs(lon2 - lon) * Math.cos(lat * Math.PI / 180));
  }

  // The name to draw for a basemap town: the articles' name when an event's town it is
  // (``rows``: [lat, lon, the basemap's name in lower case, the articles' name], from
  // geo/map/townnames.py), so that the map, the feed and the popups name it alike.
  function articleNames(rows) {
    var byName = {};
    (rows || []).forEach(function (row) { (byName[row[2]] || (byName[row[2]] = [])).push(row); });
    return function (name, lat, lon) {
      var best = null, bestFar = Infinity;
      (byName[name.toLowerCase()] || []).forEach(function (row) {
        var far = degreesApart(lat, lon, row[0], row[1]);
        if (far <= SAME_TOWN_DEG && far < bestFar) { best = row[3]; bestFar = far; }
      });
      return best === null ? name : String(best);
    };
  }

  // The events' places are named in the face of a town of 100,000 people (tiles.py's _label_font).
  var EVENT_TOWN_FONT_PX = 13;

  // Whether a basemap town (``name`` as drawn, at ``lat``, ``lon``, pixel ``p``) is the events'
  // place ``place``: at the same spot of the map, or of the same name near it.
  function sameTown(place, name, lat, lon, p) {
    if (Math.abs(place.x - p.x) + Math.abs(place.y - p.y) <= LABELLED_PX) { return true; }
    return place.name === name.toLowerCase() && degreesApart(lat, lon, place.lat, place.lon) <= SAME_TOWN_DEG;
  }

  // Whether a marker of the page (eventmap.js's state.markers) is drawn on its own: shown
  // for the dates and sources chosen, and not gathered into a cluster (density.js). A place
  // whose markers are all in a cluster is not named: its name would stand beside the cluster.
  function drawnAlone(marker) { return !!marker && marker.shown > 0 && !marker.layer._clustered && !!marker.layer._map; }

  function fontOf(size, bold) { return (bold ? "bold " : "") + size + "px " + FONT_FAMILY; }

  var TownLabels = L.Layer.extend({
    initialize: function (state, template) {
      this._state = state;
      this._template = template;
      this._blocks = {};  // "z/x/y" -> the block's names, or null while it is fetched
      this._inView = [];  // the keys of the blocks around the view
      this._pending = 0;
      this._widths = {};
      this._named = articleNames(state.data.townNames);
      this.shown = [];
      this.dropped = [];
    },

    onAdd: function (map) {
      var pane = map.getPane("cm-towns") || map.createPane("cm-towns");
      pane.style.zIndex = 390;  // over the tiles and the hexagons, under the markers and the place labels
      pane.style.pointerEvents = "none";
      this._canvas = L.DomUtil.create("canvas", "cm-towns-canvas leaflet-zoom-hide", pane);
      map.on("moveend", this.update, this);
      this.update();
    },

    onRemove: function (map) {
      map.off("moveend", this.update, this);
      L.DomUtil.remove(this._canvas);
      this._canvas = null;
    },

    // The zoom of the tiles Leaflet draws now: the names of that zoom go with them.
    tileZoom: function () { return Math.max(0, Math.min(MAX_NATIVE_ZOOM, Math.round(this._map.getZoom()))); },

    // Whether blocks of names are still on their way (the picture waits for them, as for tiles).
    isLoading: function () { return this._pending > 0; },

    update: function () {
      if (!this._map) { return; }
      var map = this._map, z = this.tileZoom(), view = map.getBounds().pad(VIEW_PAD);
      var last = Math.max(1, Math.ceil(Math.pow(2, z) * 256 / BLOCK_PX)) - 1;
      var nw = map.project(view.getNorthWest(), z), se = map.project(view.getSouthEast(), z);
      var x0 = Math.max(0, Math.floor(nw.x / BLOCK_PX)), x1 = Math.min(last, Math.floor(se.x / BLOCK_PX));
      var y0 = Math.max(0, Math.floor(nw.y / BLOCK_PX)), y1 = Math.min(last, Math.floor(se.y / BLOCK_PX));
      this._inView = [];
      for (var x = x0; x <= x1; x++) {
        for (var y = y0; y <= y1; y++) { this._inView.push(z + "/" + x + "/" + y); this._fetch(z, x, y); }
      }
      this.redraw();
    },

    _fetch: function (z, x, y) {
      var key = z + "/" + x + "/" + y, self = this;
      if (key in this._blocks) { return; }
      this._blocks[key] = null;
      this._pending += 1;
      var url = L.Util.template(this._template, { z: z, x: x, y: y });
      fetch(url).then(function (answer) {
        // 503: the basemap is still being built; asked again on a later move. Any other failure stays empty.
        if (answer.status === 503) { return null; }
        return answer.ok ? answer.json() : { labels: [] };
      }).catch(function () { return { labels: [] }; })
        .then(function (block) {
          if (block === null) { delete self._blocks[key]; } else {
            self._blocks[key] = Array.isArray(block && block.labels) ? block.labels : [];
          }
          self._pending -= 1;
          if (self._map && z === self.tileZoom()) { self.redraw(); }
          if (!self._pending) { self.fire("load"); }
        });
    },

    _width: function (ctx, name, font) {
      var key = font + "|" + name;
      if (!(key in this._widths)) { ctx.font = font; this._widths[key] = Math.ceil(ctx.measureText(name).width); }
      return this._widths[key];
    },

    // The names to place, as pixels of the map's frame: the events' places first, the
    // busiest first (data.eventTowns), then the names of the blocks around the view, biggest
    // town first, but for the towns the events' places already name.
    _candidates: function (ctx) {
      var map = this._map, size = map.getSize(), rows = [], self = this;
      this._inView.forEach(function (key) {
        var block = self._blocks[key];
        if (block) { rows = rows.concat(block); }
      });
      // The biggest towns first, across blocks as within each; the server's order among equals.
      var ordered = rows.map(function (row, i) { return [row, i]; }).sort(function (a, b) {
        return (b[0][5] || 0) - (a[0][5] || 0) || a[1] - b[1];
      });
      var out = [], events = [];
      function inView(p) { return !(p.x < -200 || p.y < -50 || p.x > size.x + 200 || p.y > size.y + 50); }
      function add(name, p, fontSize, bold) {
        var font = fontOf(fontSize, bold);
        out.push({ name: name, x: p.x, y: p.y, width: self._width(ctx, name, font), height: Math.round(fontSize * 0.95),
                   font: font });
      }
      var markers = this._state.markers || [];
      (this._state.data.eventTowns || []).forEach(function (town) {
        var p = map.latLngToContainerPoint([town[0], town[1]]);
        if (!inView(p) || !(town[4] || []).some(function (i) { return drawnAlone(markers[i]); })) { return; }
        events.push({ name: String(town[2]).toLowerCase(), lat: town[0], lon: town[1], x: p.x, y: p.y });
        add(String(town[2]), p, EVENT_TOWN_FONT_PX, false);
      });
      ordered.forEach(function (item) {
        var row = item[0], p = map.latLngToContainerPoint([row[1], row[2]]);
        if (!inView(p)) { return; }
        var name = self._named(String(row[0]), row[1], row[2]);
        if (events.some(function (e) { return sameTown(e, name, row[1], row[2], p); })) { return; }
        add(name, p, row[3], row[4]);
      });
      return out;
    },

    redraw: function () {
      var map = this._map, canvas = this._canvas;
      if (!map || !canvas) { return; }
      var size = map.getSize(), ratio = window.devicePixelRatio || 1, ctx = canvas.getContext("2d");
      var candidates = this._candidates(ctx);
      // Nothing to draw and nothing drawn (no names at this zoom, or no server): no canvas work on a pan.
      if (!candidates.length && !this.shown.length) { this.dropped = []; return; }
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      var width = Math.round(size.x * ratio), height = Math.round(size.y * ratio);
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width; canvas.height = height;
        canvas.style.width = size.x + "px"; canvas.style.height = size.y + "px";
      }
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      var covers = candidates.length ? this._state.covers().concat(edges(size)) : [];
      var result = candidates.length ? placeTownLabels(candidates, this._state.obstacles(), this._state.labelled(), covers) : { placed: [], dropped: [] };
      ctx.textBaseline = "middle";
      ctx.lineJoin = "round";
      result.placed.forEach(function (label) {
        if (label.dot) {
          ctx.beginPath();
          ctx.arc(label.x, label.y, DOT_RADIUS_PX, 0, Math.PI * 2);
          ctx.fillStyle = "#333333"; ctx.fill();
          ctx.lineWidth = 1; ctx.strokeStyle = "#ffffff"; ctx.stroke();
        }
        ctx.font = label.font;
        ctx.lineWidth = 3; ctx.strokeStyle = "#ffffff";
        ctx.strokeText(label.name, label.textX, label.textY);
        ctx.fillStyle = "#1f1f1f";
        ctx.fillText(label.name, label.textX, label.textY);
      });
      this.placed = result.placed;
      this.shown = result.placed.map(function (label) { return label.name; });
      this.dropped = result.dropped;
      this.fire("drawn");
    }
  });

  function attach(state, template) { return new TownLabels(state, template).addTo(state.map); }

  window.conflictmapTownLabels = { attach: attach, placeTownLabels: placeTownLabels };
})();
