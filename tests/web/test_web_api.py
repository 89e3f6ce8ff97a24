"""The HTTP API: scenarios, validation (422 with the field path), limits, the queue, runs and downloads."""

from __future__ import annotations

import json
import time

import pytest

pytest.importorskip("fastapi", reason="the web app needs the 'web' extra (fastapi, uvicorn, httpx)")
pytest.importorskip("httpx", reason="the API tests need httpx")
from fastapi.testclient import TestClient  # noqa: E402

from airshield.api import run  # noqa: E402
from airshield.web import Limits, create_app  # noqa: E402
from job_support import wait  # noqa: E402

MY = """name: my-raid
extends: kyiv-small
raid:
  name: small
  waves:
    - {threat: shahed-136, count: 5, launch: kursk, start_min: 0, duration_min: 10}
run: {seed: 1, replications: 2}
"""


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    root = tmp_path_factory.mktemp("web")
    scenarios = root / "scenarios"
    scenarios.mkdir()
    (scenarios / "my-raid.yaml").write_text(MY)
    (root / "secret.yaml").write_text(MY.replace("my-raid", "secret"))
    runs = root / "runs"
    cli_run = run("kyiv-small", replications=2, seed=9, out=runs, keep_events=True).store
    app = create_app(runs, [scenarios], Limits(max_replications=20, max_threats=100, max_request_bytes=20_000))
    with TestClient(app) as client:
        yield client, cli_run, root




def test_openapi_documents_the_endpoints(env):
    client, _, _ = env
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/scenarios", "/api/validate", "/api/runs", "/api/jobs/{job_id}", "/api/jobs/{job_id}/cancel",
                 "/api/runs/{run}/replay", "/api/compare", "/api/runs/{run}/report.html", "/api/runs/{run}/export/{fmt}"):
        assert path in paths


def test_scenarios_lists_builtin_and_folder_files(env):
    client, _, _ = env
    names = {s["name"]: s["source"] for s in client.get("/api/scenarios").json()}
    assert names["kyiv-small"] == "builtin" and names["my-raid.yaml"] == "folder" and "secret.yaml" not in names
    assert "name: kyiv-small" in client.get("/api/scenarios/kyiv-small").json()["yaml"]
    assert client.get("/api/scenarios/my-raid.yaml").json()["yaml"] == MY


@pytest.mark.parametrize("name", ["../secret.yaml", "..%2Fsecret.yaml", "%2Fetc%2Fpasswd", "/etc/passwd",
                                  "..%2F..%2F..%2Fetc%2Fpasswd", "scenarios%2F..%2F..%2Fsecret.yaml", ".."])
def test_path_traversal_is_refused(env, name):
    client, _, _ = env
    response = client.get(f"/api/scenarios/{name}")
    assert response.status_code in (403, 404) and "kyiv" not in response.text and "root:" not in response.text


def test_extends_cannot_reach_outside_the_folders(env):
    client, _, root = env
    for parent in ("../secret.yaml", str(root / "secret.yaml"), "/etc/passwd"):
        text = MY.replace("extends: kyiv-small", f"extends: {parent}")
        response = client.post("/api/validate", json={"yaml": text})
        assert response.status_code == 422 and response.json()["path"] == "extends"


def test_validate_ok_and_malformed_is_422_with_path_and_line(env):
    client, _, _ = env
    ok = client.post("/api/validate", json={"yaml": MY}).json()
    assert ok["valid"] and ok["threats"] == 5
    bad = MY.replace("count: 5", "count: -3")
    body = client.post("/api/validate", json={"yaml": bad})
    assert body.status_code == 422
    assert body.json()["path"] == "raid.waves[0].count" and body.json()["line"] == 6
    for text in ("{{{", "- a list", "name: x", "", "assets: 5\nname: [", "name: x\nassets: [{name: Nowhere}]"):
        response = client.post("/api/validate", json={"yaml": text})
        assert response.status_code == 422, text
        assert response.json()["detail"]


def test_limits_are_refused_with_clear_4xx(env):
    client, _, _ = env
    response = client.post("/api/runs", json={"scenario": "kyiv-small", "replications": 500})
    assert response.status_code == 422 and "limit of 20" in response.json()["detail"]
    response = client.post("/api/runs", json={"scenario": "ukraine-national", "replications": 1})
    assert response.status_code == 422 and "threats" in response.json()["detail"]
    response = client.post("/api/validate", json={"yaml": "# " + "x" * 30_000})
    assert response.status_code == 413 and "limit" in response.json()["detail"]
    response = client.post("/api/runs", content=json.dumps({"yaml": "x" * 100_000}),
                           headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert client.post("/api/runs", json={}).status_code == 422
    assert client.post("/api/runs", json={"scenario": "../secret.yaml"}).status_code == 403


def test_run_queue_progress_and_results(env):
    client, cli_run, _ = env
    first = client.post("/api/runs", json={"scenario": "kyiv-small", "replications": 3, "seed": 2})
    second = client.post("/api/runs", json={"yaml": MY})
    assert first.status_code == second.status_code == 202
    a, b = wait(client, first.json()["id"]), wait(client, second.json()["id"])
    assert a["status"] == b["status"] == "complete" and a["done"] == 3
    assert a["created"] <= a["started"] <= a["finished"] <= b["started"] <= b["finished"]  # one at a time
    runs = {r["run"]: r for r in client.get("/api/runs").json()}
    assert a["run"] in runs and b["run"] in runs and cli_run.dir.name in runs
    detail = client.get(f"/api/runs/{a['run']}").json()
    assert detail["summary"]["replications"] == 3
    replay = client.get(f"/api/runs/{a['run']}/replay", params={"replication": 1}).json()
    n = len(replay["threats"]["id"])
    assert n == 68 and replay["threats"]["offset"][-1] == len(replay["points"]["t"])
    compare = client.get("/api/compare", params=[("runs", a["run"]), ("runs", cli_run.dir.name)]).json()
    assert {r["measure"] for r in compare["rows"]} >= {"value_lost_mean", "defender_usd"}
    plots = client.get(f"/api/runs/{a['run']}/plots").json()
    assert all(v.startswith("data:image/png;base64,") for v in plots.values())


def test_downloads_and_unknown_runs(env):
    client, cli_run, _ = env
    name = cli_run.dir.name
    html = client.get(f"/api/runs/{name}/report.html", params={"download": True})
    assert html.status_code == 200 and "attachment" in html.headers["content-disposition"]
    assert "<section id=\"map\">" in html.text
    for fmt in ("geojson", "kml", "czml"):
        response = client.get(f"/api/runs/{name}/export/{fmt}")
        assert response.status_code == 200 and len(response.content) > 1000
    assert json.loads(client.get(f"/api/runs/{name}/export/geojson").text)["type"] == "FeatureCollection"
    assert client.get(f"/api/runs/{name}/export/shp").status_code == 404
    assert client.get("/api/runs/nope/replay").status_code == 404
    assert client.get(f"/api/runs/{name}/replay", params={"replication": 7}).status_code == 422
    assert client.get("/api/runs/..%2F..%2Fetc/scene").status_code in (400, 404)


def test_cancel_a_queued_and_a_running_run(env):
    client, _, _ = env
    long = client.post("/api/runs", json={"scenario": "kyiv-small", "replications": 20}).json()
    queued = client.post("/api/runs", json={"scenario": "kyiv-small", "replications": 2}).json()
    assert client.post(f"/api/jobs/{queued['id']}/cancel").json()["status"] == "cancelled"
    end = time.time() + 60
    while client.get(f"/api/jobs/{long['id']}").json()["done"] < 1 and time.time() < end:
        time.sleep(0.05)
    client.post(f"/api/jobs/{long['id']}/cancel")
    job = wait(client, long["id"])
    assert job["status"] == "cancelled" and job["done"] < 20
    if job["run"]:
        assert client.get(f"/api/runs/{job['run']}").json()["meta"]["status"] == "cancelled"
    assert wait(client, queued["id"])["status"] == "cancelled"


def test_api_reference_is_offline(tmp_path):
    from fastapi.testclient import TestClient

    from airshield.web.app import create_app
    client = TestClient(create_app(runs_dir=tmp_path / "runs"))
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/" in page.text
    assert "http://" not in page.text and "https://" not in page.text
    assert client.get("/openapi.json").json()["info"]["title"] == "airshield"
