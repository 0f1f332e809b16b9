/* conflictmap: one button per theatre of the war ("Syria 78", "Yemen 12", "Geneva, Munich 11")
 * and "All", in a row beside the zoom buttons. The map opens on the first theatre's frame
 * (the page frames it; geo/map/opening.py); a click flies the map to another theatre's
 * frame, with room left for the controls in the corners as the first fit leaves it.
 * The button of the frame in view is marked; moving the map by hand unmarks it. */
(function () {
  "use strict";

  // Room (px) between the theatre's events and the map's edge, the largest marker's reach included.
  var EDGE_PX = 30;
  var FLY_S = 0.8;
  var MAX_ZOOM = 9;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // Padding that keeps the frame clear of the time control and the legend in the bottom-left
  // corner: beside them or above them, whichever shows the frame larger.
  function room(map, bounds, bar) {
    var corner = map.getContainer().querySelector(".leaflet-bottom.leaflet-left");
    // The row of buttons stands over the top of the map: the frame starts below it.
    var head = Math.max(EDGE_PX, bar.offsetTop + bar.offsetHeight + 6);
    var plain = { paddingTopLeft: [EDGE_PX, head], paddingBottomRight: [EDGE_PX, EDGE_PX] };
    if (!corner || !corner.offsetHeight) { return plain; }
    var above = { paddingTopLeft: [EDGE_PX, head], paddingBottomRight: [EDGE_PX, EDGE_PX + corner.offsetHeight] };
    var beside = { paddingTopLeft: [EDGE_PX + corner.offsetWidth, head], paddingBottomRight: [EDGE_PX, EDGE_PX] };
    function zoom(r) { return map.getBoundsZoom(bounds, false, L.point(r.paddingTopLeft).add(r.paddingBottomRight)); }
    return zoom(beside) > zoom(above) ? beside : above;
  }

  function attach(state) {
    var data = state.data.theatres, map = state.map;
    if (!data || !data.jumps || data.jumps.length < 2) { return null; }
    var buttons = [], flying = false, bar = null;
    var Control = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var box = bar = element("div", "cm-theatres leaflet-control");
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", "Go to a theatre of the war");
        var targets = data.jumps.map(function (jump) {
          return { label: jump.caption, count: jump.events, bounds: L.latLngBounds(jump.bounds) };
        });
        targets.push({ label: "All", count: null, bounds: L.latLngBounds(data.all) });
        targets.forEach(function (target, i) {
          var button = box.appendChild(element("button", "cm-theatre"));
          button.type = "button";
          button.appendChild(element("span", "cm-theatre-name", target.label));
          if (target.count !== null) {
            button.appendChild(element("span", "cm-theatre-count", target.count.toLocaleString("en-US")));
          }
          button.title = target.count === null ? "Show every event" :
            "Fly to " + target.label + ": " + target.count.toLocaleString("en-US") + " events";
          L.DomEvent.on(button, "click", function (event) {
            L.DomEvent.stop(event);
            go(i, target.bounds);
          });
          buttons.push(button);
        });
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });

    function mark(index) {
      buttons.forEach(function (button, i) {
        button.classList.toggle("cm-theatre-on", i === index);
        button.setAttribute("aria-pressed", i === index ? "true" : "false");
      });
    }

    function go(index, bounds) {
      state.touched = true;  // a view the user chose: a resize keeps it
      map.closePopup();
      mark(index);
      flying = true;
      map.once("moveend", function () { flying = false; });
      map.flyToBounds(bounds, L.extend({ maxZoom: MAX_ZOOM, duration: FLY_S }, room(map, bounds, bar)));
    }

    new Control().addTo(map);
    mark(typeof data.opened === "number" ? data.opened : -1);
    // A pan or zoom by hand leaves the theatre's frame: no button stays marked.
    map.on("movestart", function () { if (!flying && state.touched) { mark(-1); } });
    // Where the row ends, from the map's top (px): the page's fit starts the events below it.
    function bottom() { return bar ? bar.offsetTop + bar.offsetHeight : 0; }
    return { buttons: buttons, go: go, bottom: bottom };
  }

  window.conflictmapTheatres = { attach: attach };
})();
