/* Map labels (assets, launch areas, cities, fire units, neighbouring countries) as DOM text over the map,
   placed greedily by priority without overlaps and re-placed when the map moves; and the theatre inset. */
"use strict";

const LABEL_SIDES = ["right", "left", "above", "below"];
const MAX_UNIT_LABELS = 60;

const mapLabels = {
  box: null, st: null, items: [],

  init(box, st) { this.box = box; this.st = st; },

  /* Label candidates of a scene, highest priority first. */
  setScene(scene) {
    const items = [], top = Math.max(...scene.assets.map((a) => a.value), 1e-9);
    const named = new Set(scene.assets.map((a) => a.name.toLowerCase()));
    for (const a of scene.assets) items.push({text: a.name, lon: a.lon, lat: a.lat, cls: "lab-asset", p: 1 - a.value / top, r: 6});
    for (const a of scene.launch_areas) items.push({text: `launch: ${a.name}`, lon: a.lon, lat: a.lat, cls: "lab-launch", p: 2, r: 6});
    this.st.cities.forEach((c, i) => { if (!named.has(c.name.toLowerCase())) items.push({text: c.name, lon: c.lon, lat: c.lat, cls: "lab-city", p: 3 + i / 1000, r: 3}); });
    [...scene.fire_units].sort((a, b) => b.envelope_m - a.envelope_m).slice(0, MAX_UNIT_LABELS)
      .forEach((u, i) => items.push({text: u.name, lon: u.lon, lat: u.lat, cls: "lab-unit", p: 4 + i / 1000, r: 5}));
    for (const f of (this.st.neighbours ? this.st.neighbours.features : [])) {
      items.push({text: f.properties.name, lon: f.properties.label_lon, lat: f.properties.label_lat, cls: "lab-country", p: 5, r: 0});
    }
    items.sort((a, b) => a.p - b.p);
    this.box.innerHTML = "";
    for (const item of items) {
      item.el = document.createElement("span"); item.el.className = `maplabel ${item.cls}`; item.el.textContent = item.text;
      this.box.appendChild(item.el); item.w = item.el.offsetWidth; item.h = item.el.offsetHeight;
    }
    this.items = items;
  },

  /* Place every label that fits: first free side of its point, inside the map, no overlap. */
  update() {
    if (!this.items.length || !this.st.view) return;
    const width = this.box.clientWidth, height = this.box.clientHeight, taken = [];
    for (const item of this.items) {
      const [x, y] = this.st.view.project(item.lon, item.lat);
      let placed = null;
      for (const side of LABEL_SIDES) {
        const b = labelBox(x, y, item, side);
        if (b[0] < 2 || b[1] < 2 || b[2] > width - 2 || b[3] > height - 2) continue;
        if (taken.some((t) => b[0] < t[2] && t[0] < b[2] && b[1] < t[3] && t[1] < b[3])) continue;
        placed = b; break;
      }
      item.el.hidden = !placed;
      if (placed) { taken.push(placed); item.el.style.transform = `translate(${placed[0]}px, ${placed[1]}px)`; }
    }
  },
};

function labelBox(x, y, item, side) {
  const gap = item.r + 3, w = item.w, h = item.h;
  if (side === "right") return [x + gap, y - h / 2, x + gap + w, y + h / 2];
  if (side === "left") return [x - gap - w, y - h / 2, x - gap, y + h / 2];
  if (side === "above") return [x - w / 2, y - gap - h, x + w / 2, y - gap];
  return [x - w / 2, y + gap, x + w / 2, y + gap + h];
}

/* The theatre inset: Ukraine, its neighbours, the launch areas and the map's current view (red). */
const insetMap = {
  canvas: null, st: null,
  init(canvas, st) { this.canvas = canvas; this.st = st; },
  draw() {
    const st = this.st, ctx = this.canvas.getContext("2d"), w = this.canvas.width, h = this.canvas.height;
    if (!st.view) return;
    let b = [21.5, 43.8, 41, 53];
    for (const a of (st.scene ? st.scene.launch_areas : [])) b = [Math.min(b[0], a.lon - 1), Math.min(b[1], a.lat - 1), Math.max(b[2], a.lon + 1), Math.max(b[3], a.lat + 1)];
    const k = Math.cos(((b[1] + b[3]) / 2) * Math.PI / 180), scale = Math.min(w / ((b[2] - b[0]) * k), h / (b[3] - b[1]));
    const px = (lon, lat) => [w / 2 + (lon - (b[0] + b[2]) / 2) * k * scale, h / 2 - (lat - (b[1] + b[3]) / 2) * scale];
    ctx.fillStyle = st.palette.sea; ctx.fillRect(0, 0, w, h);
    drawRings(ctx, st.neighbours, px, st.palette.neighbour);
    drawRings(ctx, st.basemap, px, st.palette.land);
    ctx.fillStyle = st.palette.launch_area;
    for (const a of (st.scene ? st.scene.launch_areas : [])) { const p = px(a.lon, a.lat); ctx.fillRect(p[0] - 2, p[1] - 2, 4, 4); }
    const v = viewBounds(st);
    if (v) {
      const p0 = px(v[0], v[3]), p1 = px(v[2], v[1]);
      ctx.strokeStyle = st.palette.asset; ctx.lineWidth = 1.5;
      ctx.strokeRect(p0[0], p0[1], Math.max(p1[0] - p0[0], 2), Math.max(p1[1] - p0[1], 2));
    }
  },
};

function drawRings(ctx, collection, px, fill) {
  ctx.fillStyle = fill; ctx.strokeStyle = "#bdbdbd"; ctx.lineWidth = 0.4;
  for (const f of (collection ? collection.features : [])) {
    const polys = f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : [f.geometry.coordinates];
    for (const poly of polys) {
      const ring = poly[0], step = Math.max(1, Math.floor(ring.length / 80));
      ctx.beginPath();
      for (let i = 0; i < ring.length; i += step) { const p = px(ring[i][0], ring[i][1]); i ? ctx.lineTo(p[0], p[1]) : ctx.moveTo(p[0], p[1]); }
      ctx.closePath(); ctx.fill(); ctx.stroke();
    }
  }
}

/* [west, south, east, north] of the map's view. */
function viewBounds(st) {
  if (st.map) { const b = st.map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }
  return st.view.bounds || null;
}

window.mapLabels = mapLabels;
window.insetMap = insetMap;
