/* airshield front end: plain JS over the HTTP API (the same API documented at /docs). */
"use strict";

const $ = (id) => document.getElementById(id);
const state = {showToken: 0, shown: null, scenarios: [], runs: [], run: null, scene: null, replay: null, job: null, playing: false,
               t: 0, tEnd: 1, speed: 300, view: null, map: null, basemap: null, neighbours: null, cities: [], palette: {},
               yamlSource: "", lastFrame: 0, previewing: false};
window.airshield = state;

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  if (!response.ok) { const err = new Error(body.detail || response.statusText); err.body = body; err.status = response.status; throw err; }
  return body;
}
const post = (path, data) => api(path, {method: "POST", headers: {"content-type": "application/json"}, body: JSON.stringify(data)});

function fmt(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return "-";
  return Math.abs(v) >= 10 ? v.toLocaleString("en-US", {maximumFractionDigits: 1, minimumFractionDigits: 1}) : Number(v).toPrecision(3);
}
function clock(t) {
  const h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60);
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}
function option(select, value, text) { const o = document.createElement("option"); o.value = value; o.textContent = text; select.appendChild(o); }

/* ---------- map ---------- */

function circle(lon, lat, radius, n = 48) {
  const ring = [], dLat = radius / 111320, dLon = radius / (111320 * Math.cos(lat * Math.PI / 180));
  for (let i = 0; i <= n; i++) { const a = 2 * Math.PI * i / n; ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]); }
  return ring;
}
const point = (p, props) => ({type: "Feature", geometry: {type: "Point", coordinates: [p.lon, p.lat]}, properties: props});
const disc = (p, r, props) => ({type: "Feature", geometry: {type: "Polygon", coordinates: [circle(p.lon, p.lat, r)]}, properties: props});
const fc = (features) => ({type: "FeatureCollection", features});

/* Map layers of a scene; `item` and `kind` name what the laydown editor moves or deletes. */
function sceneLayers(scene) {
  const top = Math.max(...scene.assets.map((a) => a.value), 1e-9);
  return {
    coverage: fc(scene.sensors.filter((s) => s.coverage_m > 0).map((s) => disc(s, s.coverage_m, {name: `${s.name} (${s.type}) coverage ${Math.round(s.coverage_m / 1000)} km`}))),
    envelopes: fc(scene.fire_units.filter((u) => u.envelope_m > 0).map((u) => disc(u, u.envelope_m, {name: `${u.name} envelope ${Math.round(u.envelope_m / 1000)} km`}))),
    ew: fc(scene.ew_zones.map((z) => disc(z, z.radius_m, {name: `EW zone ${z.name}`, item: z.name, kind: "ew_zone"}))),
    launch: fc(scene.launch_areas.map((a) => disc(a, a.spread_m, {name: `launch area ${a.name}: ${a.waves.join(", ")}`}))),
    assets: fc(scene.assets.map((a) => point(a, {name: `${a.name}: value ${fmt(a.value)}`, r: 4 + 12 * Math.sqrt(a.value / top)}))),
    units: fc(scene.fire_units.map((u) => point(u, {name: `${u.name} (${u.type}): ${u.munitions.join(", ")}`, item: u.name, kind: "fire_unit"}))),
    sensors: fc(scene.sensors.map((s) => point(s, ownSensor(scene, s) ? {name: `${s.name} (${s.type})`, item: s.name, kind: "sensor"}
                                                       : {name: `${s.name} (${s.type}), part of its fire unit`}))),
  };
}

/* A sensor of the scenario's own list, not the radar of a fire unit ("unit/radar"). */
function ownSensor(scene, s) {
  const slash = s.name.indexOf("/");
  return slash < 0 || !scene.fire_units.some((u) => u.name === s.name.slice(0, slash));
}

/* [layer id, type, paint, source] of the scene, coloured by the shared palette (GET /api/palette). */
function sceneStyle(P) {
  return [
    ["launch", "fill", {"fill-color": P.launch_area, "fill-opacity": 0.12}], ["launch-line", "line", {"line-color": P.launch_area}, "launch"],
    ["coverage", "fill", {"fill-color": P.sensor, "fill-opacity": 0.04}], ["coverage-line", "line", {"line-color": P.sensor, "line-opacity": 0.45, "line-width": 0.7}, "coverage"],
    ["envelopes", "line", {"line-color": P.fire_unit, "line-width": 0.9, "line-opacity": 0.7}],
    ["ew", "fill", {"fill-color": P.ew_zone, "fill-opacity": 0.12}], ["ew-line", "line", {"line-color": P.ew_zone, "line-dasharray": [3, 2]}, "ew"],
    ["assets", "circle", {"circle-color": P.asset, "circle-opacity": 0.6, "circle-radius": ["get", "r"], "circle-stroke-color": "#7f0000", "circle-stroke-width": 1}],
    ["sensors", "circle", {"circle-color": P.sensor, "circle-radius": 3, "circle-stroke-color": "#fff", "circle-stroke-width": 0.6}],
    ["units", "circle", {"circle-color": P.fire_unit, "circle-radius": 4.5, "circle-stroke-color": "#fff", "circle-stroke-width": 1}],
  ];
}

const LEGEND = [["asset", "asset"], ["fire_unit", "fire unit"], ["sensor", "sensor"], ["threat", "threat in flight"],
                ["kill", "kill"], ["ew_zone", "EW zone / EW loss"], ["impact", "impact"], ["engage", "engagement"],
                ["launch_area", "launch area"]];

function renderLegend() {
  const box = $("legend"); box.innerHTML = "";
  for (const [key, text] of LEGEND) {
    const row = document.createElement("div"), swatch = document.createElement("i");
    swatch.style.background = state.palette[key]; row.append(swatch, text); box.appendChild(row);
  }
}

function makeMap() {
  try {
    const probe = document.createElement("canvas");
    if (!window.maplibregl || !(probe.getContext("webgl2") || probe.getContext("webgl"))) throw new Error("no WebGL");
    const map = new maplibregl.Map({
      container: "map", attributionControl: false, center: [31.2, 48.8], zoom: 4.6,
      style: {version: 8, sources: {oblasts: {type: "geojson", data: state.basemap}, neighbours: {type: "geojson", data: state.neighbours}},
              layers: [{id: "bg", type: "background", paint: {"background-color": state.palette.sea}},
                       {id: "neighbours", type: "fill", source: "neighbours", paint: {"fill-color": state.palette.neighbour}},
                       {id: "neighbour-lines", type: "line", source: "neighbours", paint: {"line-color": "#b0b0b0", "line-width": 0.6}},
                       {id: "oblasts", type: "fill", source: "oblasts", paint: {"fill-color": state.palette.land}},
                       {id: "oblast-lines", type: "line", source: "oblasts", paint: {"line-color": state.palette.border, "line-width": 0.8}}]},
    });
    map.addControl(new maplibregl.NavigationControl({showCompass: true, visualizePitch: false}), "top-left");
    map.addControl(new maplibregl.ScaleControl({maxWidth: 140, unit: "metric"}), "bottom-left");
    map.on("move", () => { drawFrame(); mapLabels.update(); });
    map.on("moveend", () => insetMap.draw());
    map.on("resize", () => { sizeOverlay(); drawFrame(); });
    state.map = map;
    state.view = {project: (lon, lat) => { const p = map.project([lon, lat]); return [p.x, p.y]; },
                  fit: (b) => map.fitBounds([[b[0], b[1]], [b[2], b[3]]], {padding: 30, duration: 0})};
    return new Promise((resolve) => map.on("load", resolve));
  } catch (e) {
    const view = new FallbackView($("map"), state.basemap);
    view.onBase = drawSceneFallback;
    state.view = view;
    window.addEventListener("resize", () => { view.resize(); sizeOverlay(); drawFrame(); mapLabels.update(); });
    return Promise.resolve();
  }
}

function drawSceneFallback(ctx) {
  if (!state.scene) return;
  const v = state.view;
  for (const a of state.scene.assets) { const p = v.project(a.lon, a.lat); ctx.fillStyle = state.palette.asset; ctx.beginPath(); ctx.arc(p[0], p[1], 4, 0, 6.3); ctx.fill(); }
  for (const u of state.scene.fire_units) { const p = v.project(u.lon, u.lat); ctx.fillStyle = state.palette.fire_unit; ctx.fillRect(p[0] - 3, p[1] - 3, 6, 6); }
}

/* Draw a scene; the view zooms to the defended area (assets, fire units, sensors, EW zones) unless keepView. */
function showScene(scene, keepView = false) {
  state.scene = scene;
  const layers = sceneLayers(scene);
  const lons = [], lats = [];
  for (const key of ["assets", "sensors", "fire_units", "ew_zones"]) for (const p of scene[key]) { lons.push(p.lon); lats.push(p.lat); }
  if (!lons.length) for (const p of scene.launch_areas) { lons.push(p.lon); lats.push(p.lat); }
  const pad = Math.max(0.15, 0.08 * Math.max(Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats)));
  const bounds = [Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad, Math.max(...lats) + pad];
  if (state.map) {
    const map = state.map;
    for (const [id, type, paint, source] of sceneStyle(state.palette)) {
      const src = source || id;
      if (!map.getSource(src)) map.addSource(src, {type: "geojson", data: layers[src]}); else map.getSource(src).setData(layers[src]);
      if (!map.getLayer(id)) {
        map.addLayer({id, type, source: src, paint});
        if (["assets", "units", "sensors", "ew"].includes(id)) tooltipOn(map, id);
        if (["units", "sensors", "ew"].includes(id)) laydownEditor.attach(map, id);
      }
    }
  }
  mapLabels.setScene(scene);
  if (!keepView) state.view.fit(bounds);
  if (!state.map) state.view.drawBase();
  mapLabels.update(); insetMap.draw();
}

function tooltipOn(map, id) {
  const tip = $("tooltip");
  map.on("mousemove", id, (e) => { tip.hidden = false; tip.textContent = e.features[0].properties.name; tip.style.left = `${e.point.x + 10}px`; tip.style.top = `${e.point.y + 10}px`; });
  map.on("mouseleave", id, () => { tip.hidden = true; });
}

function toggleTiles(on) {
  if (!state.map) return;
  const map = state.map;
  if (on && !map.getSource("osm")) {
    map.addSource("osm", {type: "raster", tileSize: 256, tiles: ["https://tile.openstreetmap.org/{z}/{x}/{y}.png"], attribution: "© OpenStreetMap contributors"});
    map.addLayer({id: "osm", type: "raster", source: "osm", paint: {"raster-opacity": 0.7}}, "oblast-lines");
  } else if (!on && map.getLayer("osm")) { map.removeLayer("osm"); map.removeSource("osm"); }
}

/* ---------- replay ---------- */

function sizeOverlay() {
  const canvas = $("overlay"), wrap = $("mapwrap"), dpr = window.devicePixelRatio || 1;
  canvas.width = wrap.clientWidth * dpr; canvas.height = wrap.clientHeight * dpr;
  canvas.style.width = `${wrap.clientWidth}px`; canvas.style.height = `${wrap.clientHeight}px`;
}

function drawFrame() {
  if (!state.replay) return;
  state.replay.draw(state.t);
  const c = state.replay.counts;
  $("c-flying").textContent = c.flying; $("c-kill").textContent = c.kill; $("c-ew").textContent = c.ew_loss;
  $("c-failure").textContent = c.failure; $("c-impact").textContent = c.impact;
  $("clock").textContent = clock(state.t);
  $("time-slider").value = Math.round(1000 * state.t / state.tEnd);
}

function tick(now) {
  if (!state.playing) return;
  const dt = state.lastFrame ? (now - state.lastFrame) / 1000 : 0;
  state.lastFrame = now;
  state.t = Math.min(state.tEnd, state.t + dt * state.speed);
  drawFrame();
  if (state.t >= state.tEnd) { setPlaying(false); return; }
  requestAnimationFrame(tick);
}

function setPlaying(on) {
  state.playing = on && !!state.replay;
  $("play-btn").textContent = state.playing ? "Pause" : "Play";
  $("play-btn").setAttribute("aria-pressed", String(state.playing));
  if (state.playing) { if (state.t >= state.tEnd) state.t = 0; state.lastFrame = 0; requestAnimationFrame(tick); }
}

async function loadReplay() {
  if (!state.run) return;
  const rep = Math.max(0, Number($("replication-input").value) || 0);
  try {
    const run = state.run;
    const data = await api(`/api/runs/${encodeURIComponent(run)}/replay?replication=${rep}`);
    if (run !== state.run) return;
    sizeOverlay();
    state.replay = new Replay(data, state.scene, state.view, $("overlay"));
    state.tEnd = Math.max(data.t_end, 1); state.t = 0;
    $("time-slider").setAttribute("aria-valuetext", "00:00");
    drawFrame();
  } catch (e) {
    state.replay = null; $("overlay").getContext("2d").clearRect(0, 0, 1e5, 1e5);
    $("job-status").textContent = `replay: ${e.message}`;
  }
}

/* ---------- scenarios and runs ---------- */

async function loadScenarios() {
  state.scenarios = await api("/api/scenarios");
  const select = $("scenario-select"); select.innerHTML = "";
  for (const s of state.scenarios) option(select, s.name, `${s.name}${s.source === "folder" ? " (file)" : ""}`);
  await selectScenario(select.value);
}

async function selectScenario(name) {
  const s = state.scenarios.find((x) => x.name === name);
  $("scenario-desc").textContent = s ? s.description : "";
  const data = await api(`/api/scenarios/${encodeURIComponent(name)}`);
  state.yamlSource = data.yaml; $("yaml").value = data.yaml; clearYamlError();
}

function clearYamlError() { $("yaml-error").textContent = ""; $("yaml").removeAttribute("aria-invalid"); }

function showYamlError(body) {
  const where = [body.path, body.line ? `line ${body.line}` : null].filter(Boolean).join(", ");
  $("yaml-error").textContent = `${where ? where + ": " : ""}${body.message || body.detail}${body.expected ? ` (expected ${body.expected})` : ""}${body.hint ? "; " + body.hint : ""}`;
  const area = $("yaml");
  area.setAttribute("aria-invalid", "true");
  $("yaml-box").open = true;
  if (body.line) scrollToLine(area, body.line);
}

/* Select line `line` (1-based) of the editor and scroll it, and the editor itself, into view. */
function scrollToLine(area, line) {
  const lines = area.value.split("\n"), start = lines.slice(0, line - 1).join("\n").length + (line > 1 ? 1 : 0);
  area.focus({preventScroll: true}); area.setSelectionRange(start, start + (lines[line - 1] || "").length);
  const style = getComputedStyle(area), size = parseFloat(style.fontSize);
  const height = style.lineHeight === "normal" ? 1.2 * size : parseFloat(style.lineHeight);
  area.scrollTop = Math.max(0, (line - 1) * height - area.clientHeight / 2 + height);
  area.scrollIntoView({block: "center"});
}

async function validateYaml() {
  clearYamlError(); $("yaml-ok").textContent = "";
  try {
    const info = await post("/api/validate", {yaml: $("yaml").value});
    $("yaml-ok").textContent = `valid: ${info.threats} threats, ${info.fire_units} fire units, ${info.sensors} sensors, ${info.assets} assets`;
  } catch (e) { showYamlError(e.body || {detail: e.message}); }
}

async function startRun() {
  $("run-error").textContent = ""; clearYamlError();
  const edited = $("yaml").value !== state.yamlSource;
  const request = edited ? {yaml: $("yaml").value} : {scenario: $("scenario-select").value};
  const reps = Number($("replications").value); if (reps) request.replications = reps;
  if ($("seed").value !== "") request.seed = Number($("seed").value);
  try {
    state.job = await post("/api/runs", request);
    $("cancel-btn").disabled = false;
    pollJob();
  } catch (e) {
    if (e.status === 422 && e.body && e.body.file) showYamlError(e.body);
    else $("run-error").textContent = e.message;
  }
}

async function pollJob() {
  if (!state.job) return;
  const job = state.job = await api(`/api/jobs/${state.job.id}`);
  $("progress").max = job.total; $("progress").value = job.done;
  $("job-status").textContent = `${job.id} (${job.scenario}): ${job.status}, ${job.done} of ${job.total} replications`;
  if (job.status === "queued" || job.status === "running") { setTimeout(pollJob, 250); return; }
  $("cancel-btn").disabled = true;
  if (job.status === "failed") $("run-error").textContent = job.error;
  await loadRuns(job.status === "complete" ? job.run : null);
}

async function cancelJob() { if (state.job) await post(`/api/jobs/${state.job.id}/cancel`, {}); }

async function loadRuns(select) {
  state.runs = await api("/api/runs");
  for (const id of ["run-select", "compare-a", "compare-b"]) {
    const el = $(id), keep = el.value; el.innerHTML = "";
    for (const r of state.runs) option(el, r.run, `${r.run} [${r.status}${r.has_events ? "" : ", no events"}]`);
    if (keep && state.runs.some((r) => r.run === keep)) el.value = keep;
  }
  if (state.runs.length > 1 && $("compare-a").value === $("compare-b").value) $("compare-b").selectedIndex = 1;
  if (select) $("run-select").value = select;
  if ($("run-select").value && (select || !state.run)) await showRun($("run-select").value);
}

async function showRun(name) {
  const token = ++state.showToken;
  const stale = () => token !== state.showToken;
  state.run = name; state.shown = null; setPlaying(false);
  const base = `/api/runs/${encodeURIComponent(name)}`;
  setDownloads(base);
  $("summary-run").textContent = name;
  const detail = await api(base);
  if (stale()) return;
  renderSummary(detail.summary);
  const scene = await api(`${base}/scene`);
  if (stale()) return;
  showScene(scene);
  $("replication-input").max = Math.max(0, (detail.summary?.replications || 1) - 1);
  $("replication-input").value = 0;
  await loadReplay();
  if (stale()) return;
  if (detail.summary) {
    const plots = await api(`${base}/plots`);
    if (stale()) return;
    const titles = {outcome_by_type: "Outcome by threat type", value_by_asset: "Value lost by asset",
                    interceptors_and_cost: "Interceptors spent and cost", value_distribution: "Distribution of value lost"};
    $("plots").innerHTML = "";
    for (const [key, uri] of Object.entries(plots)) { const img = new Image(); img.src = uri; img.alt = titles[key] || key; $("plots").appendChild(img); }
  } else $("plots").innerHTML = "";
  state.shown = name;
}

function setDownloads(base) {
  const start = $("export-start").value.trim(), query = start ? `?start=${encodeURIComponent(start)}` : "";
  $("dl-report").href = `${base}/report.html?download=true`;
  for (const f of ["geojson", "kml", "czml", "gpkg"]) $(`dl-${f}`).href = `${base}/export/${f}${query}`;
  for (const f of ["csv", "parquet"]) $(`dl-${f}`).href = `${base}/metrics.${f}`;
}

function renderSummary(s) {
  const box = $("summary"); box.innerHTML = "";
  if (!s) { box.textContent = "this run is not complete"; return; }
  const cards = [["launched", "launched", s.totals.launched], ["destroyed", "destroyed", s.totals.destroyed],
    ["ew_lost", "EW-lost", s.totals.ew_lost], ["failed", "failed", s.totals.failed], ["leaked", "leaked", s.totals.leaked],
    ["impacts", "impacts", s.totals.impacts], ["value_lost", "value lost (mean)", s.value_lost.mean],
    ["defender_usd", "defender USD", s.cost.defender_usd], ["attacker_usd", "attacker USD", s.cost.attacker_usd],
    ["replications", "replications", s.replications]];
  for (const [key, label, value] of cards) {
    const card = document.createElement("div"); card.className = "card"; card.dataset.key = key; card.dataset.value = value;
    const b = document.createElement("b"); b.textContent = fmt(value); card.append(b, label); box.appendChild(card);
  }
}

/* ---------- planning results ---------- */

async function loadPlans(choose) {
  const select = $("plan-select"); select.innerHTML = "";
  const plans = await api("/api/plans");
  if (!plans.length) { option(select, "", "no plans yet"); return; }
  for (const p of plans) option(select, p.name, `${p.kind}: ${p.scenario} (${p.name})`);
  select.value = plans.some((p) => p.name === choose) ? choose : plans[0].name;
  await showPlan(select.value);
}

function flatRows(obj, prefix = "", rows = []) {
  for (const [k, v] of Object.entries(obj || {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object" && !Array.isArray(v) && rows.length < 60) flatRows(v, key, rows);
    else if (Array.isArray(v) && v.length <= 4 && v.every((x) => x === null || typeof x === "number")) rows.push([key, v]);
    else if (typeof v !== "object") rows.push([key, v]);
  }
  return rows;
}

async function showPlan(name) {
  const out = $("plan-out"); out.innerHTML = "";
  if (!name) return;
  try {
    const plan = await api(`/api/plans/${name}/plan.json`);
    const info = (await api("/api/plans")).find((p) => p.name === name) || { images: [] };
    for (const image of info.images) {
      const img = document.createElement("img"); img.src = `/api/plans/${name}/images/${image}`;
      img.alt = `${plan.kind} plot ${image}`; img.style.maxWidth = "100%"; out.appendChild(img);
    }
    if (plan.kind === "pledges") { showPledges(name, plan, out); return; }
    const table = plan.kind === "sweep" ? sweepTable(plan.results.rows) : document.createElement("table");
    if (plan.kind !== "sweep") for (const [k, v] of flatRows(plan.results)) {
      const tr = table.insertRow(); tr.insertCell().textContent = k;
      tr.insertCell().textContent = Array.isArray(v) ? v.map(fmt).join(" .. ") : typeof v === "number" ? fmt(v) : String(v);
    }
    const caption = table.createCaption(); caption.textContent = `${plan.kind} on ${plan.scenario}, written ${plan.written}`;
    out.appendChild(table);
  } catch (e) { out.textContent = e.message; }
}

/* pledge assessments: the three cases month by month, the shortfall and the verified buy list */
function interval(x) { return x ? `${fmt(x.mean)} [${fmt(x.ci95[0])}, ${fmt(x.ci95[1])}]` : "-"; }

function rowsTable(caption, head, rows) {
  const table = document.createElement("table");
  table.createCaption().textContent = caption;
  const tr = table.insertRow();
  for (const h of head) { const th = document.createElement("th"); th.textContent = h; tr.appendChild(th); }
  for (const r of rows) { const row = table.insertRow(); for (const c of r) row.insertCell().textContent = c; }
  return table;
}

function showPledges(name, plan, out) {
  const r = plan.results;
  out.appendChild(rowsTable(`pledges on ${plan.scenario}: neutralised share and value lost per month (95% interval)`,
    ["month", "case", "neutralised share", "value lost", "minus on time"],
    r.months.map((m) => [m.month, m.case, interval(m.neutralised_share), interval(m.value_lost),
      interval((m.minus_on_time || {}).value_lost)])));
  const s = r.shortfall;
  const p = document.createElement("p");
  p.textContent = `target ${fmt(s.target)} (${s.target_basis}); months below it: ${s.months_below_target.join(", ") || "none"}`;
  out.appendChild(p);
  if (r.buy && r.buy.mix) {
    const b = r.buy, v = b.verification;
    out.appendChild(rowsTable(`buy list within ${fmt(b.budget)} USD: predicted ${fmt(b.predicted_value_lost)}, verified ${interval(v.chosen)}`,
      ["option", "quantity"], Object.entries(b.mix).filter(([, q]) => q).map(([k, q]) => [k, q])));
  }
  const link = document.createElement("a");
  link.href = `/api/plans/${name}/report.html`; link.textContent = "full report (ledger with sources, plots)";
  out.appendChild(link);
}

/* ---------- wiring ---------- */

async function main() {
  [state.basemap, state.neighbours, state.cities, state.palette] = await Promise.all(
    ["/api/basemap", "/api/neighbours", "/api/cities", "/api/palette"].map((path) => api(path)));
  renderLegend();
  await makeMap();
  mapLabels.init($("labels"), state); insetMap.init($("inset"), state);
  $("scenario-select").addEventListener("change", (e) => selectScenario(e.target.value));
  $("reset-yaml-btn").addEventListener("click", () => { $("yaml").value = state.yamlSource; clearYamlError(); });
  $("validate-btn").addEventListener("click", validateYaml);
  $("run-btn").addEventListener("click", startRun);
  $("cancel-btn").addEventListener("click", cancelJob);
  $("refresh-btn").addEventListener("click", () => loadRuns());
  $("run-select").addEventListener("change", (e) => showRun(e.target.value));
  $("compare-btn").addEventListener("click", compare);
  $("preview-btn").addEventListener("click", previewScenario);
  $("show-labels").addEventListener("change", (e) => { $("labels").hidden = !e.target.checked; });
  $("export-start").addEventListener("change", () => { if (state.run) setDownloads(`/api/runs/${encodeURIComponent(state.run)}`); });
  laydownEditor.init();
  initTasks();
  $("plan-select").addEventListener("change", (e) => showPlan(e.target.value));
  $("online-tiles").addEventListener("change", (e) => toggleTiles(e.target.checked));
  $("play-btn").addEventListener("click", () => setPlaying(!state.playing));
  $("time-slider").addEventListener("input", (e) => {
    state.t = state.tEnd * Number(e.target.value) / 1000; e.target.setAttribute("aria-valuetext", clock(state.t)); drawFrame();
  });
  $("speed-slider").addEventListener("input", (e) => { state.speed = Number(e.target.value); $("speed-label").textContent = `${state.speed}x`; });
  $("replication-input").addEventListener("change", loadReplay);
  await loadScenarios();
  await loadRuns();
  await loadPlans().catch((e) => { $("plan-out").textContent = e.message; });
  document.body.dataset.ready = "true";
}

main().catch((e) => { $("run-error").textContent = `start-up failed: ${e.message}`; document.body.dataset.ready = "error"; });
