/* Two stored runs side by side in the main pane: A, B, their difference (B - A, from the server) and a chart
   of the relative differences. */
"use strict";

const SKIP_IN_CHART = new Set(["replications"]);

async function compare() {
  const out = $("compare-out"), chart = $("compare-chart");
  try {
    const a = $("compare-a").value, b = $("compare-b").value;
    const data = await api(`/api/compare?runs=${encodeURIComponent(a)}&runs=${encodeURIComponent(b)}`);
    out.innerHTML = ""; out.appendChild(compareTable(data, a, b));
    chart.innerHTML = compareChart(data.rows);
  } catch (e) { out.textContent = e.message; chart.innerHTML = ""; }
}

function compareTable(data, a, b) {
  const table = document.createElement("table"), head = table.insertRow();
  for (const c of ["measure", "A", "B", "B \u2212 A", "relative"]) { const th = document.createElement("th"); th.textContent = c; th.scope = "col"; head.appendChild(th); }
  for (const row of data.rows) {
    const tr = table.insertRow(); tr.insertCell().textContent = row.measure;
    for (const value of [row[a], row[b], row.difference]) tr.insertCell().textContent = fmt(value);
    const rel = tr.insertCell(); rel.textContent = row.relative === null ? "-" : `${(100 * row.relative).toFixed(1)} %`;
    if (row.difference) tr.classList.add(row.difference > 0 ? "up" : "down");
  }
  table.createCaption().textContent = `A = ${a}, B = ${b}`;
  return table;
}

/* An SVG bar per measure: relative difference (B - A) / A, capped at +-100 %. */
function compareChart(rows) {
  const shown = rows.filter((r) => r.relative !== null && Number.isFinite(r.relative) && !SKIP_IN_CHART.has(r.measure));
  const row = 18, label = 190, half = 150, width = label + 2 * half + 80, height = row * shown.length + 30;
  const bars = shown.map((r, i) => {
    const v = Math.max(-1, Math.min(1, r.relative)), w = Math.abs(v) * half, x = v >= 0 ? label + half : label + half - w, y = 20 + i * row;
    return `<text x="${label - 6}" y="${y + 12}" text-anchor="end">${escapeText(r.measure)}</text>` +
      `<rect x="${x}" y="${y + 2}" width="${Math.max(w, 0.5)}" height="${row - 5}" fill="${v >= 0 ? "#c62828" : "#1565c0"}"/>` +
      `<text x="${label + 2 * half + 6}" y="${y + 12}">${(100 * r.relative).toFixed(1)} %</text>`;
  }).join("");
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="relative difference B - A" font-size="11">` +
    `<text x="${label + half}" y="12" text-anchor="middle">relative difference (B \u2212 A) / A</text>` +
    `<line x1="${label + half}" x2="${label + half}" y1="16" y2="${height}" stroke="#616161"/>${bars}</svg>` +
    `<figcaption class="small muted">Red: B higher, blue: B lower; bars capped at \u00b1100 %.</figcaption>`;
}

function escapeText(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
}
