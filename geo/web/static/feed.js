// conflictmap's event feed: one row per event, newest first. A click flies the map
// (the page script in the map's frame) to the event and tells the page which event
// to show in the article panel. Texts are set as text; only the symbols' SVG, made
// by the page from the map script's own tables, is set as markup.
export default function (component) {
  const { data, parentElement, setTriggerValue, setStateValue } = component;
  if (!data) { return; }
  const root = parentElement.querySelector(".cm-feed") || parentElement.appendChild(document.createElement("div"));
  root.className = "cm-feed";
  fitWindow(root, data.fit);
  root.replaceChildren();

  function text(tag, className, value) {
    const node = document.createElement(tag);
    node.className = className;
    node.textContent = value;
    return node;
  }

  // The map lives in a frame of its own (same origin): ask its page script to fly.
  function flyMap(row) {
    const view = mapWindows().find((w) => w.conflictmap && w.conflictmap.focus);
    if (view) { view.conflictmap.focus(row.lat, row.lon, row.type); }
    return Boolean(view);
  }

  // After an addition the map is drawn anew: fly once the new map (as many events as
  // the feed's) is drawn, trying for a while, as the map's frame loads on its own.
  function flyWhenDrawn(row, tries) {
    const view = mapWindows().find((w) => {
      const stats = w.conflictmapReady && w.conflictmapStats;
      return stats && stats.events === data.total && w.conflictmap && w.conflictmap.focus;
    });
    if (view) { view.conflictmap.focus(row.lat, row.lon, row.type); return; }
    if (tries > 0) { setTimeout(() => flyWhenDrawn(row, tries - 1), 250); }
  }

  // The dates the map's time control shows now (null: every date): the map's frame says
  // so on each step; the rows the page sent are of data.window, maybe a step behind.
  function shownWindow() {
    const view = mapWindows().find((w) => w.conflictmapPlayWindow !== undefined);
    return view ? view.conflictmapPlayWindow : (data.window || null);
  }

  // The origins the map's toggles hide now, as its frame says; the rows sent leave out data.hidden.
  function hiddenOrigins() {
    const view = mapWindows().find((w) => w.conflictmapHiddenOrigins !== undefined);
    return view ? view.conflictmapHiddenOrigins : (data.hidden || []);
  }

  const head = root.appendChild(document.createElement("div"));
  head.className = "cm-feed-head";
  const list = root.appendChild(document.createElement("ol"));
  list.className = "cm-feed-list";
  const empty = root.appendChild(text("div", "cm-feed-empty", ""));

  function draw(shown, hidden) {
    const rows = data.rows.filter((row) => (!shown || inWindow(row.day, shown)) && !hidden.includes(row.origin));
    const total = sameWindow(shown, data.window) && sameOrigins(hidden, data.hidden) ? data.total : countShown(data.days, shown, hidden);
    drawHead(head, rows.length, total, shown);
    list.replaceChildren(...rows.map(rowItem));
    empty.textContent = rows.length ? "" : (shown ? "No events on these dates." : "No events in view: widen the dates or the filters.");
    empty.hidden = Boolean(rows.length);
  }

  function rowItem(row) {
    const item = document.createElement("li");
    item.className = "cm-feed-row" + (row.new ? " cm-feed-new" : "") + (row.id === data.selected ? " cm-feed-selected" : "");
    item.tabIndex = 0;
    item.dataset.eventId = row.id;
    item.dataset.day = row.day;
    item.dataset.origin = row.origin;
    const icon = item.appendChild(document.createElement("span"));
    icon.className = "cm-feed-icon";
    icon.title = row.what;
    icon.innerHTML = data.icons[row.icon] || "";
    const body = item.appendChild(document.createElement("div"));
    body.className = "cm-feed-body";
    const line = body.appendChild(document.createElement("div"));
    line.className = "cm-feed-line";
    line.appendChild(text("span", "cm-feed-place", row.place));
    if (row.new) { line.appendChild(text("span", "cm-feed-badge", "new")); }
    line.appendChild(text("span", "cm-feed-day", row.day));
    body.appendChild(text("div", "cm-feed-quote", row.quote));
    function choose() {
      for (const other of list.querySelectorAll(".cm-feed-selected")) { other.classList.remove("cm-feed-selected"); }
      item.classList.add("cm-feed-selected");
      flyMap(row);
      setTriggerValue("chosen", row.id);
    }
    item.addEventListener("click", choose);
    item.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(); }
    });
    return item;
  }

  // A step is drawn at once from the rows at hand; the page is told its dates, at most
  // every REPORT_MS while the control plays, and sends the step's newest rows. An origin
  // hidden or shown on the map is drawn at once too, and told at once (a click, not a play).
  const report = window.conflictmapFeedReport || (window.conflictmapFeedReport = { timer: null });
  report.send = (shown) => setStateValue("window", shown);
  report.sendHidden = (hidden) => setStateValue("hidden", hidden);
  report.sent = data.window || null;
  report.sentHidden = data.hidden || [];
  report.wanted = shownWindow();
  report.hidden = hiddenOrigins();
  function follow(shown) {
    draw(shown, report.hidden);
    report.wanted = shown;
    if (report.timer) { return; }
    report.timer = setTimeout(() => {
      report.timer = null;
      if (!sameWindow(report.wanted, report.sent)) { report.sent = report.wanted; report.send(report.wanted); }
    }, REPORT_MS);
  }
  function followOrigins(hidden) {
    report.hidden = hidden;
    draw(report.wanted, hidden);
    if (!sameOrigins(hidden, report.sentHidden)) { report.sentHidden = hidden; report.sendHidden(hidden); }
  }
  window.conflictmapFeedFollow = follow;  // the feed drawn last is the one that follows
  window.conflictmapFeedOrigins = followOrigins;
  if (!window.conflictmapFeedListens) {
    window.conflictmapFeedListens = true;
    window.addEventListener("conflictmap-window", (event) => window.conflictmapFeedFollow(event.detail || null));
    window.addEventListener("conflictmap-origins", (event) => window.conflictmapFeedOrigins(event.detail || []));
  }
  const now = report.wanted;
  draw(now, report.hidden);
  if (!sameWindow(now, data.window)) { follow(now); }
  if (!sameOrigins(report.hidden, data.hidden)) { followOrigins(report.hidden); }
  const focused = data.focus && data.rows.find((row) => row.id === data.focus);
  if (focused) { flyWhenDrawn(focused, 120); }
}

const REPORT_MS = 250;

// The windows of the page's frames that can be read (the map's is of the same origin).
function mapWindows() {
  const views = [];
  for (const frame of document.querySelectorAll("iframe")) {
    try { if (frame.contentWindow && frame.contentWindow.document) { views.push(frame.contentWindow); } } catch (err) { /* another origin */ }
  }
  return views;
}

function sameWindow(a, b) {
  if (!a || !b) { return !a && !b; }
  return (a.from || null) === (b.from || null) && a.to === b.to;
}

function sameOrigins(a, b) {
  const x = [...(a || [])].sort(), y = [...(b || [])].sort();
  return x.length === y.length && x.every((origin, i) => origin === y[i]);
}

// ISO days compare as text; an undated row is on no step's dates.
function inWindow(day, shown) {
  return day !== "undated" && day <= shown.to && (!shown.from || day >= shown.from);
}

function dayIndex(days, iso) {
  return Math.round((Date.parse(iso + "T00:00:00Z") - Date.parse(days.day0 + "T00:00:00Z")) / 86400000);
}

// The events on the step's dates, from the running count by day the page sent.
function countIn(days, shown) {
  if (!days || !shown) { return 0; }
  const upTo = (iso) => {
    const i = dayIndex(days, iso);
    return i < 0 ? 0 : days.upTo[Math.min(i, days.upTo.length - 1)];
  };
  const before = shown.from ? upTo(new Date(Date.parse(shown.from + "T00:00:00Z") - 86400000).toISOString().slice(0, 10)) : 0;
  return upTo(shown.to) - before;
}

// The events on the step's dates (every date: null) of the origins not hidden, from the
// counts by day of each origin the page sent (none with a single origin: none is hidden).
function countShown(days, shown, hidden) {
  const origins = days && days.origins;
  if (!origins) { return countIn(days, shown); }
  return Object.keys(origins).filter((origin) => !hidden.includes(origin)).reduce((sum, origin) => {
    const counts = origins[origin];
    return sum + (shown ? countIn({ day0: days.day0, upTo: counts.upTo }, shown) : counts.total);
  }, 0);
}

// One line, however narrow the feed: how many rows of how many events, and the step's
// dates; in a narrow feed the count drops its words (CSS), then ends in an ellipsis; the
// dates stay whole. The whole sentence is the head's tooltip.
function drawHead(head, shown, total, dates) {
  const some = shown < total;
  const parts = some
    ? [["cm-feed-word", "Newest "], ["", shown.toLocaleString("en-US") + " of " + total.toLocaleString("en-US")], ["cm-feed-word", " events"]]
    : [["", total.toLocaleString("en-US") + (total === 1 ? " event" : " events")], ["cm-feed-word", ", newest first"]];
  const counted = document.createElement("span");
  counted.className = "cm-feed-count";
  for (const [className, words] of parts) {
    const span = counted.appendChild(document.createElement("span"));
    span.className = className;
    span.textContent = words;
  }
  head.replaceChildren(counted);
  const when = !dates ? "" : (dates.from ? dates.from + " \u2013 " + dates.to : "to " + dates.to);
  if (when) {
    const span = head.appendChild(document.createElement("span"));
    span.className = "cm-feed-dates";
    span.textContent = when;
  }
  head.title = parts.map((part) => part[1]).join("") + (when ? ", " + when : "");
}

// The map (a frame of its own) and the feed beside it take the window's height below
// their top, within fit.min..fit.max pixels, leaving fit.gap under them: at any window
// size the whole map, its legend and time control, is in the first view. The map's
// frame is sized by a style rule (Streamlit sets the frame's own height on every run);
// the map's page fills its frame and fits the events again when it grows or shrinks.
const FIT_STYLE_ID = "cm-window-fit";
const MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]';

function fittedHeight(top, fit) {
  return Math.round(Math.max(fit.min, Math.min(fit.max, window.innerHeight - top - fit.gap)));
}

function fitWindow(root, fit) {
  if (!fit) { return; }
  function apply() {
    const frame = document.querySelector(MAP_FRAME);
    const anchor = frame && frame.getBoundingClientRect().height ? frame : root;
    const box = anchor.getBoundingClientRect();
    if (!box.height && !box.width) { return; }  // not laid out yet: the observer calls again
    const height = fittedHeight(box.top + window.scrollY, fit);
    let style = document.getElementById(FIT_STYLE_ID);
    if (!style) {
      style = document.head.appendChild(document.createElement("style"));
      style.id = FIT_STYLE_ID;
    }
    const rule = MAP_FRAME + " { height: " + height + "px !important; }";
    if (style.textContent !== rule) { style.textContent = rule; }
    if (root.style.height !== height + "px") { root.style.height = height + "px"; }
  }
  window.conflictmapFeedFit = apply;  // the feed drawn last is the one sized
  apply();
  if (window.conflictmapFeedFitWatch) { return; }
  // Once for the page's life: a new window size, or the page above the map growing or
  // shrinking (a notice shown, then gone), sizes them again.
  const again = () => window.conflictmapFeedFit();
  window.addEventListener("resize", again);
  // On the next frame: sizing the map inside the observer's own call would start a loop.
  window.conflictmapFeedFitWatch = new ResizeObserver(() => requestAnimationFrame(again));
  window.conflictmapFeedFitWatch.observe(document.body);
  const main = document.querySelector('[data-testid="stMain"]') || document.querySelector("section.main");
  if (main) { window.conflictmapFeedFitWatch.observe(main.firstElementChild || main); }
}
