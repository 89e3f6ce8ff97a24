/* Sweeps and placement plans from the page: queued on the server like runs, followed with a progress bar,
   and listed with the planning results when done. */
"use strict";

/* The scenario as the server takes it: its name, or the edited YAML text. */
function scenarioChoice() {
  return $("yaml").value !== state.yamlSource ? {yaml: $("yaml").value} : {scenario: $("scenario-select").value};
}

function taskSettings() {
  return {...scenarioChoice(), replications: Number($("task-replications").value) || 2, seed: Number($("task-seed").value) || 0};
}

function parseValue(text) {
  const t = text.trim();
  return t !== "" && !Number.isNaN(Number(t)) ? Number(t) : t;
}

async function startSweep() {
  const values = $("sweep-values").value.split(",").filter((v) => v.trim()).map(parseValue);
  await startTask("/api/sweeps", {...taskSettings(), set: {[$("sweep-path").value.trim()]: values}});
}

async function startPlacement() {
  const units = {};
  for (const part of $("place-units").value.split(",")) {
    const [type, count] = part.split(":").map((x) => x.trim());
    if (type) units[type] = Number(count || 1);
  }
  await startTask("/api/plans/placement", {...taskSettings(), units});
}

async function startTask(path, request) {
  $("task-error").textContent = "";
  try { followTask(await post(path, request)); } catch (e) {
    const b = e.body || {};
    $("task-error").textContent = [b.path, b.line ? `line ${b.line}` : null, b.message || b.detail || e.message].filter(Boolean).join(": ");
  }
}

async function followTask(job) {
  state.task = job;
  $("task-progress").max = job.total; $("task-progress").value = job.done;
  $("task-status").textContent = `${job.id} (${job.kind} of ${job.scenario}): ${job.status}, ${job.done} of ${job.total} replications`;
  if (job.status === "queued" || job.status === "running") {
    setTimeout(async () => followTask(await api(`/api/jobs/${job.id}`)), 300);
    return;
  }
  if (job.status === "failed") $("task-error").textContent = job.error;
  if (job.status === "complete" && job.result) await loadPlans(job.result.plan);
}

/* A sweep's rows (one per point and metric) as a table. */
function sweepTable(rows) {
  const table = document.createElement("table"), cols = Object.keys(rows[0] || {});
  const head = table.insertRow();
  for (const c of cols) { const th = document.createElement("th"); th.scope = "col"; th.textContent = c; head.appendChild(th); }
  for (const row of rows) { const tr = table.insertRow(); for (const c of cols) tr.insertCell().textContent = typeof row[c] === "number" ? fmt(row[c]) : row[c]; }
  return table;
}

function initTasks() {
  $("sweep-btn").addEventListener("click", startSweep);
  $("place-btn").addEventListener("click", startPlacement);
}
