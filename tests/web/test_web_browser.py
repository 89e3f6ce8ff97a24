"""End-to-end: the page in Debian's Chromium driven by Playwright, against the app served by uvicorn.

Skipped when /usr/bin/chromium or the playwright package is missing (the test set-up installs both;
no browser is ever downloaded).
"""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path

import pytest

from browser_support import api_json, guarded_page, require_browser

sync_api = require_browser()

from airshield.api import run  # noqa: E402
from airshield.web import Limits, create_app  # noqa: E402
from airshield.web.local_server import running  # noqa: E402

MEASURE = """() => new Promise((resolve) => {
    let frames = 0, draw = 0; const start = performance.now();
    function count(now) {
        frames++; draw += window.airshield.replay.drawMs;
        if (now - start < 2000) requestAnimationFrame(count);
        else resolve({fps: frames / ((now - start) / 1000), drawMs: draw / frames,
                      flying: window.airshield.replay.counts.flying});
    }
    requestAnimationFrame(count);
})"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    runs = tmp_path_factory.mktemp("browser") / "runs"
    national = run("ukraine-national", replications=1, seed=11, out=runs, keep_events=True).store
    run("kyiv-small", replications=2, seed=3, out=runs)  # a second stored run for the compare test
    app = create_app(runs, [], Limits(max_replications=50))
    with running(app) as port:
        yield {"url": f"http://127.0.0.1:{port}", "national": national.dir.name}


@pytest.fixture
def page(browser, server):
    with guarded_page(browser, server["url"] + "/") as page:
        yield page
    assert any("/api/basemap" in u for u in page.seen)


def _api(server, path: str) -> dict:
    return api_json(server["url"], path)


def test_page_works_under_its_content_security_policy(browser, server):
    """The page, its map (MapLibre's blob workers), styles and data load with the policy the server sends."""
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("console", lambda msg: problems.append(msg.text) if "Content Security Policy" in msg.text else None)
    response = page.goto(server["url"] + "/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    page.wait_for_timeout(1500)
    context.close()
    assert problems == []


def test_run_kyiv_small_and_replay(page, server, tmp_path):
    page.select_option("#scenario-select", "kyiv-small")
    page.fill("#replications", "3")
    page.click("#run-btn")
    page.wait_for_function("document.getElementById('job-status').textContent.includes('complete')", timeout=120_000)
    job = page.evaluate("window.airshield.job")
    page.wait_for_function(f"window.airshield.shown === '{job['run']}'", timeout=60_000)
    assert job["status"] == "complete" and job["done"] == 3
    summary = _api(server, f"/api/runs/{job['run']}")["summary"]
    shown = {c.get_attribute("data-key"): (float(c.get_attribute("data-value")), c.locator("b").inner_text())
             for c in page.locator("#summary .card").all()}
    assert shown["launched"][0] == summary["totals"]["launched"] == 68
    assert shown["destroyed"][0] == pytest.approx(summary["totals"]["destroyed"])
    assert shown["impacts"][0] == pytest.approx(summary["totals"]["impacts"])
    assert shown["value_lost"][0] == pytest.approx(summary["value_lost"]["mean"])
    assert shown["defender_usd"][0] == pytest.approx(summary["cost"]["defender_usd"])
    assert shown["replications"][0] == 3 and shown["launched"][1] == "68.0"
    assert page.locator("#plots img").count() == 4

    replay = _api(server, f"/api/runs/{job['run']}/replay?replication=0")
    kills = sum(1 for f in replay["threats"]["fate"] if replay["fates"][f] == "kill")
    page.fill("#time-slider", "1000")
    assert int(page.inner_text("#c-kill")) == kills and int(page.inner_text("#c-flying")) == 0
    page.fill("#time-slider", "450")
    assert int(page.inner_text("#c-flying")) > 0 and page.inner_text("#clock") != "00:00"
    page.focus("#time-slider")
    before = page.input_value("#time-slider")
    page.keyboard.press("ArrowRight")
    assert page.input_value("#time-slider") != before
    page.click("#play-btn")
    page.wait_for_timeout(300)
    assert page.get_attribute("#play-btn", "aria-pressed") == "true"
    page.click("#play-btn")
    shot = tmp_path / "replay-kyiv-small.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    href = page.get_attribute("#dl-czml", "href")
    assert json.loads(urllib.request.urlopen(server["url"] + href).read())[0]["id"] == "document"


def test_compare_two_runs_in_the_page(page, server):
    runs = [r["run"] for r in _api(server, "/api/runs") if r["status"] == "complete"]
    assert len(runs) >= 2, "the compare test needs the national run and the kyiv-small run"
    page.select_option("#compare-a", runs[0])
    page.select_option("#compare-b", runs[1])
    page.click("#compare-btn")
    page.wait_for_selector("#compare-out table", timeout=30_000)
    table = page.inner_text("#compare-out")
    assert "value_lost_mean" in table
    api = {row["measure"]: row for row in _api(server, f"/api/compare?runs={runs[0]}&runs={runs[1]}")["rows"]}
    cells = page.locator("#compare-out tr").filter(has_text="threats_launched").first.locator("td").all_inner_texts()
    assert float(cells[1].replace(",", "")) == pytest.approx(api["threats_launched"][runs[0]], rel=1e-3)


def test_yaml_error_is_shown_at_the_field(page):
    page.click("#yaml-box summary")
    text = page.input_value("#yaml").replace("count: 40", "count: -40")
    page.fill("#yaml", text)
    page.click("#validate-btn")
    page.wait_for_function("document.getElementById('yaml-error').textContent.length > 0")
    message = page.inner_text("#yaml-error")
    assert "raid.waves[0].count" in message and "line" in message
    assert page.get_attribute("#yaml", "aria-invalid") == "true"
    selected = page.evaluate("(() => { const a = document.getElementById('yaml'); return a.value.slice(a.selectionStart, a.selectionEnd); })()")
    assert "count: -40" in selected


def test_replay_frame_rate_national(page, server, tmp_path):
    page.select_option("#run-select", server["national"])
    page.wait_for_function(f"window.airshield.shown === '{server['national']}'", timeout=60_000)
    threats = page.evaluate("window.airshield.replay.n")
    assert threats > 700
    peak = page.evaluate("""() => { const r = window.airshield.replay, out = [];
        for (let k = 0; k < 100; k++) { r.positions(window.airshield.tEnd * k / 100); out.push(r.counts.flying); }
        return out.indexOf(Math.max(...out)); }""")
    page.fill("#time-slider", str(10 * max(peak - 2, 0)))
    page.fill("#speed-slider", "600")
    page.click("#play-btn")
    # best of up to three 2 s windows: the suite runs in parallel, so one window may share the CPU
    runs = []
    for _ in range(3):
        page.evaluate("window.airshield.t = window.airshield.tEnd * %d / 100" % max(peak - 2, 0))
        runs.append(page.evaluate(MEASURE))
        if runs[-1]["fps"] >= 30:
            break
    result = max(runs, key=lambda r: r["fps"])
    page.click("#play-btn")
    page.screenshot(path=str(tmp_path / "replay-national.png"))
    report = f"replay frame rate, ukraine-national ({threats} threats, {result['flying']} in flight): " \
             f"{result['fps']:.1f} fps, {result['drawMs']:.2f} ms per draw (windows: {[round(r['fps'], 1) for r in runs]})"
    print(report)
    Path(os.environ.get("AIRSHIELD_FPS_FILE", tmp_path / "fps.txt")).write_text(report + "\n")
    assert result["flying"] > 100
    assert result["fps"] >= 30, report
