"""The page as an analyst uses it (Debian's Chromium, Playwright): preview a laydown, place a unit on the map
and run the changed scenario, start a sweep and a placement plan, compare two runs in the main pane, see the
map labels, the editor at the error line, a sidebar that stays, and the offline Swagger UI.

kyiv-small with 2 replications throughout, so that the module takes well under a minute on a quiet machine.
"""

from __future__ import annotations

import io

import numpy as np
import pytest

from browser_support import api_json, guarded_page, require_browser

sync_api = require_browser()

from airshield.api import run  # noqa: E402
from airshield.web import Limits, create_app  # noqa: E402
from airshield.web.local_server import running  # noqa: E402

DONE = "document.getElementById('{0}').textContent.includes('complete')"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("outputs")
    run("kyiv-small", replications=2, seed=3, out=root / "runs", keep_events=True)
    run("kyiv-small", replications=2, seed=4, out=root / "runs", overrides={"raid.waves[0].count": 60})
    app = create_app(root / "runs", [], Limits(max_replications=50), plans_dir=root / "plans")
    with running(app) as port:
        yield {"url": f"http://127.0.0.1:{port}"}


@pytest.fixture
def page(browser, server):
    with guarded_page(browser, server["url"] + "/") as page:
        page.select_option("#scenario-select", "kyiv-small")
        page.wait_for_function("document.getElementById('yaml').value.includes('kyiv-small')")
        yield page


def _map_centre(page) -> tuple[float, float]:
    box = page.locator("#map").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def _edit_yaml(page, old: str, new: str) -> str:
    """Open the editor and replace ``old`` by ``new`` in its text; the new text."""
    page.click("#yaml-box summary")
    text = page.input_value("#yaml").replace(old, new)
    page.fill("#yaml", text)
    return text


def test_preview_shows_the_edited_laydown_before_running(page):
    _edit_yaml(page, "ew_zones:\n", "ew_zones:\n  - {name: ew-east, type: ew-jammer, lat: 50.5, lon: 31.2}\n")
    page.click("#preview-btn")
    page.wait_for_function("window.airshield.previewing && window.airshield.scene.ew_zones.length === 2")
    assert "2 EW zones" in page.inner_text("#edit-status")


def test_place_a_unit_on_the_map_move_it_and_run_the_changed_scenario(page, server):
    page.select_option("#edit-mode", "fire_unit")
    page.select_option("#edit-type", "gepard")
    x, y = _map_centre(page)
    page.mouse.click(x + 120, y + 90)
    page.wait_for_function("document.getElementById('yaml').value.includes('gepard-new-1')")
    page.wait_for_function("window.airshield.scene.fire_units.some((u) => u.name === 'gepard-new-1')")
    before = [line for line in page.input_value("#yaml").splitlines() if "gepard-new-1" in line][0]
    assert "# A small night raid on Kyiv" in page.input_value("#yaml"), "comments are kept"
    page.select_option("#edit-mode", "")
    page.mouse.move(x + 120, y + 90)
    page.mouse.down()
    page.mouse.move(x + 160, y + 60, steps=6)
    page.mouse.up()
    page.wait_for_function("document.getElementById('edit-status').textContent.startsWith('move gepard-new-1')")
    after = [line for line in page.input_value("#yaml").splitlines() if "gepard-new-1" in line][0]
    assert after != before
    page.fill("#replications", "2")
    page.click("#run-btn")
    page.wait_for_function(DONE.format("job-status"), timeout=120_000)
    job = page.evaluate("window.airshield.job")
    scene = api_json(server["url"], f"/api/runs/{job['run']}/scene")
    assert len(scene["fire_units"]) == 16 and any(u["name"] == "gepard-new-1" for u in scene["fire_units"])


def test_select_and_delete_a_sensor(page):
    page.wait_for_function("window.airshield.scene !== null")
    target = page.evaluate("""(() => { const s = window.airshield.scene.sensors.find((x) => x.name === 'acoustic-2');
        const p = window.airshield.view.project(s.lon, s.lat), r = document.getElementById('map').getBoundingClientRect();
        return [r.left + p[0], r.top + p[1]]; })()""")
    page.mouse.click(*target)
    page.wait_for_function("document.getElementById('edit-selected').textContent.includes('acoustic-2')")
    page.click("#edit-delete")
    page.wait_for_function("!window.airshield.scene.sensors.some((s) => s.name === 'acoustic-2')")
    assert "acoustic-2" not in page.input_value("#yaml")
    assert page.evaluate("window.airshield.scene.sensors.filter((s) => !s.name.includes('/')).length") == 5


def test_start_a_sweep_and_a_placement_plan_from_the_page(page):
    page.fill("#sweep-values", "10,20")
    page.click("#sweep-btn")
    page.wait_for_function(DONE.format("task-status"), timeout=120_000)
    assert "4 of 4 replications" in page.inner_text("#task-status")
    page.wait_for_function("document.getElementById('plan-select').value.startsWith('sweep-')")
    page.wait_for_selector("#plan-out table")
    assert "value_lost" in page.inner_text("#plan-out")
    page.click("#place-btn")
    page.wait_for_function(DONE.format("task-status") + " && document.getElementById('task-status').textContent.includes('placement')",
                           timeout=120_000)
    page.wait_for_function("document.getElementById('plan-select').value.startsWith('placement-')")
    page.wait_for_selector("#plan-out img")
    assert "verification" in page.inner_text("#plan-out")


def test_compare_in_the_main_pane_with_a_difference_column_and_chart(page, server):
    runs = [r["run"] for r in api_json(server["url"], "/api/runs") if r["status"] == "complete"][:2]
    page.select_option("#compare-a", runs[0])
    page.select_option("#compare-b", runs[1])
    page.click("#compare-btn")
    page.wait_for_selector("#compare-out table")
    header = page.locator("#compare-out th").all_inner_texts()
    assert header == ["measure", "A", "B", "B \u2212 A", "relative"]
    page.locator("#compare").scroll_into_view_if_needed()
    column = page.locator("#compare-out th").nth(3).bounding_box()
    assert column["x"] + column["width"] <= page.viewport_size["width"], "the difference column is on screen"
    api = {r["measure"]: r for r in api_json(server["url"], f"/api/compare?runs={runs[0]}&runs={runs[1]}")["rows"]}
    cells = page.locator("#compare-out tr").filter(has_text="threats_launched").first.locator("td").all_inner_texts()
    assert float(cells[3].replace(",", "")) == pytest.approx(api["threats_launched"]["difference"], rel=1e-3)
    assert page.locator("#compare-chart svg rect").count() >= 5


def test_map_labels_render(page, tmp_path):
    from PIL import Image
    page.wait_for_function("document.querySelectorAll('#labels .maplabel:not([hidden])').length > 5")
    shown = page.locator("#labels .maplabel:not([hidden])").all_inner_texts()
    assert {"Kyiv", "Brovary"} <= set(shown) and any(t.startswith("patriot") for t in shown)
    with_labels = page.locator("#mapwrap").screenshot(path=str(tmp_path / "map-labels.png"))
    page.uncheck("#show-labels")
    without = page.locator("#mapwrap").screenshot(path=str(tmp_path / "map-no-labels.png"))
    a = np.asarray(Image.open(io.BytesIO(with_labels)).convert("L"), dtype=int)
    b = np.asarray(Image.open(io.BytesIO(without)).convert("L"), dtype=int)
    assert (np.abs(a - b) > 40).sum() > 500, "label text changes the map's pixels"


def test_editor_scrolls_to_the_error_line(page):
    text = _edit_yaml(page, "seed: 7", "seed: -7")
    page.evaluate("document.getElementById('yaml').scrollTop = 0")
    page.click("#validate-btn")
    page.wait_for_function("document.getElementById('yaml-error').textContent.includes('run.seed')")
    line = text.splitlines().index("  seed: -7") + 1
    state = page.evaluate("""(() => { const a = document.getElementById('yaml'), s = getComputedStyle(a);
        const h = s.lineHeight === 'normal' ? 1.2 * parseFloat(s.fontSize) : parseFloat(s.lineHeight);
        const r = a.getBoundingClientRect();
        return {top: a.scrollTop, height: a.clientHeight, lh: h, inView: r.top >= 0 && r.bottom <= innerHeight}; })()""")
    y = (line - 1) * state["lh"]
    assert state["top"] > 0 and state["top"] <= y <= state["top"] + state["height"] - state["lh"], state
    assert state["inView"]


def test_sidebar_stays_when_the_page_scrolls(page):
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(100)
    assert page.evaluate("window.scrollY") > 200
    top = page.evaluate("document.querySelector('.panel').getBoundingClientRect().top")
    assert abs(top) < 1
    assert page.locator("#run-btn").is_visible()


def test_swagger_ui_is_offline_with_request_schemas(browser, server):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    problems, outside = [], []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("console", lambda msg: problems.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.on("request", lambda req: outside.append(req.url) if "127.0.0.1" not in req.url and not req.url.startswith("data:") else None)
    response = page.goto(server["url"] + "/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    page.locator(".opblock-summary-path", has_text="/api/sweeps").first.click()
    page.wait_for_selector(".opblock-body .body-param, .opblock-body .opblock-section-request-body", timeout=10_000)
    assert "set" in page.inner_text(".opblock.is-open")
    context.close()
    assert problems == [] and outside == []
