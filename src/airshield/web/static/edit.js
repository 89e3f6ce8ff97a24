/* Preview a scenario's laydown before running it, and edit it on the map: click to add a fire unit, sensor
   or EW zone, drag one to move it, select one and delete it. Every edit is made by the server on the YAML
   text (POST /api/laydown, comments kept) and the editor and the map are updated from its answer. */
"use strict";

async function previewScenario(keepView = false) {
  clearYamlError();
  try {
    const scene = await post("/api/preview", {yaml: $("yaml").value});
    state.previewing = true; state.replay = null;
    $("overlay").getContext("2d").clearRect(0, 0, 1e5, 1e5);
    showScene(scene, keepView === true);
    $("edit-status").textContent = `preview: ${scene.fire_units.length} fire units, ${scene.sensors.length} sensors, ${scene.ew_zones.length} EW zones`;
  } catch (e) { showYamlError(e.body || {detail: e.message}); }
}

const SOURCE_OF = {units: "units", sensors: "sensors", ew: "ew"};
const LIST_OF = {fire_unit: "fire_units", sensor: "sensors", ew_zone: "ew_zones"};

const laydownEditor = {
  types: null, selected: null, drag: null,

  init() {
    $("edit-mode").addEventListener("change", () => this.fillTypes());
    $("edit-delete").addEventListener("click", () => this.remove());
    if (state.map) state.map.on("click", (e) => this.click(e));
    this.fillTypes();
  },

  async fillTypes() {
    this.types = this.types || await api("/api/catalogue/types");
    const kind = $("edit-mode").value || "fire_unit", select = $("edit-type"), keep = select.value;
    select.innerHTML = "";
    for (const t of this.types[kind]) option(select, t, t);
    if (this.types[kind].includes(keep)) select.value = keep;
    else if (kind === "fire_unit" && this.types[kind].includes("gepard")) select.value = "gepard";
  },

  /* Select on click, drag to move, for the layer `id` (units, sensors, ew). */
  attach(map, id) {
    const editable = (e) => (e.features.find((f) => f.properties.item) || {}).properties;
    map.on("click", id, (e) => { const f = editable(e); if (f) this.select(f.kind, f.item); });
    map.on("mousedown", id, (e) => {
      const f = editable(e);
      if (!f || this.drag) return;
      e.preventDefault(); map.dragPan.disable();
      this.drag = {id, kind: f.kind, name: f.item, moved: false};
      const move = (m) => this.dragTo(m.lngLat);
      map.on("mousemove", move);
      map.once("mouseup", async (u) => {
        map.off("mousemove", move); map.dragPan.enable();
        const drag = this.drag; this.drag = null;
        if (drag && drag.moved) await this.apply({op: "move", kind: drag.kind, name: drag.name, lat: u.lngLat.lat, lon: u.lngLat.lng});
      });
    });
  },

  dragTo(lngLat) {
    const drag = this.drag, item = state.scene[LIST_OF[drag.kind]].find((x) => x.name === drag.name);
    if (!item) return;
    drag.moved = true; item.lon = lngLat.lng; item.lat = lngLat.lat;
    state.map.getSource(SOURCE_OF[drag.id]).setData(sceneLayers(state.scene)[SOURCE_OF[drag.id]]);
  },

  async click(e) {
    const layers = ["units", "sensors", "ew"].filter((id) => state.map.getLayer(id));
    if (layers.length && state.map.queryRenderedFeatures(e.point, {layers}).some((f) => f.properties.item)) return;  // a selection
    const kind = $("edit-mode").value;
    if (!kind) { this.select(null, null); return; }
    await this.apply({op: "add", kind, type: $("edit-type").value, lat: e.lngLat.lat, lon: e.lngLat.lng});
  },

  select(kind, name) {
    this.selected = name ? {kind, name} : null;
    $("edit-selected").textContent = name ? `selected: ${name} (${kind.replace("_", " ")})` : "nothing selected";
    $("edit-delete").disabled = !name;
  },

  async remove() {
    if (!this.selected) return;
    await this.apply({op: "delete", ...this.selected});
    this.select(null, null);
  },

  /* One edit through the server; the YAML editor then holds the edited text and the map shows it. */
  async apply(edit) {
    $("edit-status").textContent = "editing...";
    try {
      const answer = await post("/api/laydown", {yaml: $("yaml").value, ...edit});
      $("yaml").value = answer.yaml;
      await previewScenario(true);
      $("edit-status").textContent = `${edit.op} ${answer.name}: done; Run uses the edited scenario`;
    } catch (e) {
      if (edit.op === "move") await previewScenario(true);  // put the dragged item back
      $("edit-status").textContent = `${edit.op}: ${e.body ? (e.body.message || e.body.detail) : e.message}`;
    }
  },
};

window.laydownEditor = laydownEditor;
