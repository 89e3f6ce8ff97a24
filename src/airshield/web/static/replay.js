/* Replay of one replication on a 2D canvas over the map.
   Tracks are straight lines between the positions recorded in the event log (launch, detect, engage,
   kill, miss, EW loss, failure, impact, a carrier's release and return): the engine's own trajectories are
   not stored. Carrier aircraft and glide bombs are threats like the others; a release flashes blue. */
"use strict";

const KIND_STYLE = {
  engage: "#f9a825", kill: "#2e7d32", miss: "#9e9e9e", ew_loss: "#8e24aa", failure: "#616161", impact: "#b71c1c",
  release: "#1565c0",
};
const ENGAGE_WINDOW = 60;   // [s] of simulated time an engagement line stays drawn
const FLASH_WINDOW = 600;   // [s] of simulated time a kill or EW-loss marker stays drawn

class Replay {
  constructor(data, scene, view, canvas) {
    this.d = data; this.view = view; this.canvas = canvas; this.ctx = canvas.getContext("2d");
    const th = data.threats, n = th.id.length;
    this.n = n;
    this.start = Float64Array.from(th.start); this.end = Float64Array.from(th.end);
    this.offset = Int32Array.from(th.offset); this.fate = Int32Array.from(th.fate);
    this.pt = Float64Array.from(data.points.t);
    this.plon = Float64Array.from(data.points.lon); this.plat = Float64Array.from(data.points.lat);
    this.cursor = Int32Array.from(th.offset.slice(0, n));
    this.lon = new Float64Array(n); this.lat = new Float64Array(n); this.state = new Uint8Array(n);
    this.ev = data.events; this.evT = Float64Array.from(data.events.t);
    const unitPos = {};
    for (const u of scene.fire_units) unitPos[u.name] = [u.lon, u.lat];
    this.unitPos = data.units.map((name) => unitPos[name] || null);
    this.t = 0; this.lastT = 0; this.counts = {flying: 0, kill: 0, ew_loss: 0, failure: 0, impact: 0};
    this.drawMs = 0;
  }

  /* Positions of every threat at time t [s]; state 0 not launched, 1 in flight, 2 ended. */
  positions(t) {
    const back = t < this.lastT;
    const c = {flying: 0, kill: 0, ew_loss: 0, failure: 0, impact: 0};
    const fates = this.d.fates;
    for (let i = 0; i < this.n; i++) {
      if (t < this.start[i]) { this.state[i] = 0; continue; }
      if (t >= this.end[i]) {
        this.state[i] = 2;
        const f = fates[this.fate[i]];
        if (f in c) c[f]++;
        continue;
      }
      this.state[i] = 1; c.flying++;
      let k = back ? this.offset[i] : this.cursor[i];
      const last = this.offset[i + 1] - 1;
      while (k < last && this.pt[k + 1] <= t) k++;
      this.cursor[i] = k;
      if (k >= last) { this.lon[i] = this.plon[last]; this.lat[i] = this.plat[last]; continue; }
      const t0 = this.pt[k], t1 = this.pt[k + 1];
      const a = t1 > t0 ? (t - t0) / (t1 - t0) : 1;
      this.lon[i] = this.plon[k] + a * (this.plon[k + 1] - this.plon[k]);
      this.lat[i] = this.plat[k] + a * (this.plat[k + 1] - this.plat[k]);
    }
    this.lastT = t; this.t = t; this.counts = c;
  }

  /* First event index with time >= t (binary search). */
  eventIndex(t) {
    let lo = 0, hi = this.evT.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.evT[mid] < t) lo = mid + 1; else hi = mid; }
    return lo;
  }

  draw(t) {
    const t0 = performance.now();
    this.positions(t);
    const ctx = this.ctx, dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.drawEvents(t);
    ctx.fillStyle = "#ef6c00"; ctx.strokeStyle = "#5d2a00"; ctx.lineWidth = 0.6;
    ctx.beginPath();
    for (let i = 0; i < this.n; i++) {
      if (this.state[i] !== 1) continue;
      const p = this.view.project(this.lon[i], this.lat[i]);
      ctx.moveTo(p[0] + 2.6, p[1]); ctx.arc(p[0], p[1], 2.6, 0, 6.2832);
    }
    ctx.fill(); ctx.stroke();
    this.drawMs = performance.now() - t0;
  }

  drawEvents(t) {
    const ctx = this.ctx, ev = this.ev, kinds = this.d.kinds;
    const hi = this.eventIndex(t + 1e-6);
    // impacts and failures stay; kills and EW losses flash; engagements draw a line from the unit
    for (let j = 0; j < hi; j++) {
      const kind = kinds[ev.kind[j]], age = t - this.evT[j];
      if (kind === "impact") { this.cross(ev.lon[j], ev.lat[j], KIND_STYLE.impact, 5); continue; }
      if (kind === "failure") { this.dot(ev.lon[j], ev.lat[j], KIND_STYLE.failure, 1.8, 0.7); continue; }
      if (age > FLASH_WINDOW) continue;
      if (kind === "kill" || kind === "ew_loss" || kind === "release") {
        this.dot(ev.lon[j], ev.lat[j], KIND_STYLE[kind], 4.5 - 3 * age / FLASH_WINDOW, 1 - 0.7 * age / FLASH_WINDOW);
      } else if (kind === "engage" && age <= ENGAGE_WINDOW) {
        const i = ev.threat[j], unit = ev.unit[j] >= 0 ? this.unitPos[ev.unit[j]] : null;
        if (!unit || this.state[i] !== 1) continue;
        const a = this.view.project(unit[0], unit[1]), b = this.view.project(this.lon[i], this.lat[i]);
        ctx.strokeStyle = KIND_STYLE.engage; ctx.lineWidth = 1.4; ctx.globalAlpha = 0.9;
        ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]); ctx.stroke(); ctx.globalAlpha = 1;
      }
    }
  }

  dot(lon, lat, colour, r, alpha) {
    const p = this.view.project(lon, lat), ctx = this.ctx;
    ctx.globalAlpha = alpha; ctx.fillStyle = colour;
    ctx.beginPath(); ctx.arc(p[0], p[1], Math.max(r, 1), 0, 6.2832); ctx.fill(); ctx.globalAlpha = 1;
  }

  cross(lon, lat, colour, r) {
    const p = this.view.project(lon, lat), ctx = this.ctx;
    ctx.strokeStyle = colour; ctx.lineWidth = 2.2; ctx.beginPath();
    ctx.moveTo(p[0] - r, p[1] - r); ctx.lineTo(p[0] + r, p[1] + r);
    ctx.moveTo(p[0] + r, p[1] - r); ctx.lineTo(p[0] - r, p[1] + r); ctx.stroke();
  }
}

/* A map view without WebGL: an equirectangular fit drawn on a canvas (used when MapLibre cannot start). */
class FallbackView {
  constructor(container, basemap) {
    this.canvas = document.createElement("canvas");
    this.canvas.style.position = "absolute"; this.canvas.style.inset = "0";
    container.appendChild(this.canvas);
    this.container = container; this.basemap = basemap; this.fit([22, 44, 41, 53]);
  }
  fit(b) { this.bounds = b; this.resize(); }
  resize() {
    const w = this.container.clientWidth, h = this.container.clientHeight, dpr = window.devicePixelRatio || 1;
    this.canvas.width = w * dpr; this.canvas.height = h * dpr;
    const [x0, y0, x1, y1] = this.bounds, k = Math.cos(((y0 + y1) / 2) * Math.PI / 180);
    this.scale = Math.min(w / ((x1 - x0) * k), h / (y1 - y0)) * 0.95; this.k = k;
    this.cx = (x0 + x1) / 2; this.cy = (y0 + y1) / 2; this.w = w; this.h = h;
    this.drawBase();
  }
  project(lon, lat) { return [this.w / 2 + (lon - this.cx) * this.k * this.scale, this.h / 2 - (lat - this.cy) * this.scale]; }
  drawBase() {
    const ctx = this.canvas.getContext("2d"), dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0); ctx.fillStyle = "#dfe9f3"; ctx.fillRect(0, 0, this.w, this.h);
    ctx.fillStyle = "#f4f1ea"; ctx.strokeStyle = "#9e9e9e";
    for (const f of (this.basemap ? this.basemap.features : [])) {
      const polys = f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : [f.geometry.coordinates];
      for (const poly of polys) {
        ctx.beginPath();
        poly[0].forEach(([lon, lat], i) => { const p = this.project(lon, lat); i ? ctx.lineTo(p[0], p[1]) : ctx.moveTo(p[0], p[1]); });
        ctx.closePath(); ctx.fill(); ctx.stroke();
      }
    }
    if (this.onBase) this.onBase(ctx);
  }
}

window.Replay = Replay;
window.FallbackView = FallbackView;
