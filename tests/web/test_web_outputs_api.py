"""The API behind the page's new tools: preview, laydown edits, sweeps and placement plans, metrics
downloads, the compare difference, the map's extra layers and the Swagger UI; hostile inputs get 4xx JSON."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

pytest.importorskip("fastapi", reason="the web app needs the 'web' extra (fastapi, uvicorn, httpx)")
pytest.importorskip("httpx", reason="the API tests need httpx")
from fastapi.testclient import TestClient  # noqa: E402

from airshield.api import run  # noqa: E402
from airshield.web import Limits, create_app  # noqa: E402
from job_support import wait  # noqa: E402

KYIV = "kyiv-small"


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    root = tmp_path_factory.mktemp("outputs-api")
    first = run(KYIV, replications=2, seed=3, out=root / "runs", keep_events=True).store
    second = run(KYIV, replications=2, seed=4, out=root / "runs").store
    app = create_app(root / "runs", [], Limits(max_replications=20, max_request_bytes=50_000), plans_dir=root / "plans")
    with TestClient(app) as client:
        yield client, first.dir.name, second.dir.name, root


def kyiv_text(client) -> str:
    return client.get(f"/api/scenarios/{KYIV}").json()["yaml"]


def finished(client, job: dict) -> dict:
    return wait(client, job["id"])


def test_preview_gives_the_scene_or_the_error_line(env):
    client, *_ = env
    scene = client.post("/api/preview", json={"yaml": kyiv_text(client)}).json()
    assert len(scene["fire_units"]) == 15 and scene["assets"][0]["name"] == "Kyiv"
    bad = client.post("/api/preview", json={"yaml": kyiv_text(client).replace("count: 40", "count: -40")})
    assert bad.status_code == 422 and bad.json()["path"] == "raid.waves[0].count" and bad.json()["line"] > 40


def test_laydown_edits_keep_comments_and_are_checked(env):
    client, *_ = env
    text = kyiv_text(client)
    added = client.post("/api/laydown", json={"yaml": text, "op": "add", "kind": "fire_unit", "type": "gepard",
                                              "lat": 50.41, "lon": 30.6}).json()
    assert added["name"] == "gepard-new-1" and added["yaml"].startswith(text.splitlines()[0])
    moved = client.post("/api/laydown", json={"yaml": added["yaml"], "op": "move", "kind": "ew_zone", "name": "ew-kyiv",
                                              "lat": 50.5, "lon": 30.6}).json()
    assert "{name: ew-kyiv, type: ew-jammer, lat: 50.5, lon: 30.6}" in moved["yaml"]
    gone = client.post("/api/laydown", json={"yaml": moved["yaml"], "op": "delete", "kind": "sensor", "name": "acoustic-1"})
    assert "acoustic-1" not in gone.json()["yaml"] and "acoustic-2" in gone.json()["yaml"]
    unknown = client.post("/api/laydown", json={"yaml": text, "op": "add", "kind": "fire_unit", "type": "gepardd",
                                                "lat": 50.4, "lon": 30.6})
    assert unknown.status_code == 422 and "did you mean 'gepard'" in unknown.json()["hint"]
    missing = client.post("/api/laydown", json={"yaml": text, "op": "delete", "kind": "sensor", "name": "nope"})
    assert missing.status_code == 422 and "no sensor named 'nope'" in missing.json()["detail"]
    assert client.post("/api/laydown", json={"yaml": text, "op": "add", "kind": "asset", "lat": 1, "lon": 1}).status_code == 422
    assert client.post("/api/laydown", json={"yaml": text, "op": "move", "kind": "sensor", "name": "acoustic-1",
                                             "lat": 95, "lon": 0}).status_code == 422
    assert set(client.get("/api/catalogue/types").json()) == {"fire_unit", "sensor", "ew_zone"}


def test_sweep_and_placement_run_as_jobs_and_land_in_the_plans_folder(env):
    client, _, _, root = env
    job = client.post("/api/sweeps", json={"scenario": KYIV, "set": {"raid.waves[0].count": [10, 20]},
                                           "replications": 2}).json()
    assert job["kind"] == "sweep" and job["total"] == 4
    done = finished(client, job)
    assert done["status"] == "complete" and done["done"] == 4 and len(done["result"]["rows"]) == 16
    assert (root / "plans" / done["result"]["plan"] / "sweep.csv").is_file()
    job = client.post("/api/plans/placement", json={"yaml": kyiv_text(client), "units": {"gepard": 3},
                                                    "replications": 2}).json()
    done = finished(client, job)
    assert done["status"] == "complete" and done["done"] == done["total"] == 6, done
    plans = {p["name"]: p for p in client.get("/api/plans").json()}
    plan = plans[done["result"]["plan"]]
    assert plan["kind"] == "placement" and plan["scenario"] == KYIV and plan["images"] == ["placement.png"]
    record = client.get(f"/api/plans/{plan['name']}/plan.json").text
    assert str(root) not in record, "no server paths in what the page reads"


def test_sweep_and_placement_inputs_are_checked_before_anything_runs(env):
    client, *_ = env
    cases = [({"scenario": KYIV, "set": {"raid.waves[0].count": [-1]}}, 422, "raid.waves[0].count"),
             ({"scenario": KYIV, "set": {"raid.waves[0].count": list(range(1, 30))}}, 422, "points"),
             ({"scenario": KYIV, "set": {"raid.waves[0].count": [5, 6]}, "replications": 11}, 422, "limit"),
             ({"scenario": "../secret", "set": {"run.seed": [1]}}, 403, "plain names"),
             ({"scenario": KYIV, "set": {"extends": ["/etc/passwd"]}}, 422, "not what it extends"),
             ({"set": {"run.seed": [1]}}, 422, "either")]
    for body, status, text in cases:
        response = client.post("/api/sweeps", json=body)
        assert response.status_code == status and text in json.dumps(response.json()), (body, response.json())
    bad_units = client.post("/api/plans/placement", json={"scenario": KYIV, "units": {"gepard": 0}})
    assert bad_units.status_code == 422
    wrong_type = client.post("/api/plans/placement", json={"scenario": KYIV, "units": {"gepardd": 2}})
    assert wrong_type.status_code == 202 and finished(client, wrong_type.json())["status"] == "failed"


def test_metrics_download_as_csv_and_parquet(env):
    client, first, *_ = env
    csv = client.get(f"/api/runs/{first}/metrics.csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    table = pd.read_csv(io.StringIO(csv.text))
    parquet = pd.read_parquet(io.BytesIO(client.get(f"/api/runs/{first}/metrics.parquet").content))
    assert len(table) == len(parquet) == 2 and list(table.columns) == list(parquet.columns)
    assert client.get(f"/api/runs/{first}/metrics.xlsx").status_code == 404
    assert client.get("/api/runs/..%2Fsecret/metrics.csv").status_code in (400, 404)


def test_compare_has_the_difference_of_b_from_a(env):
    client, first, second, _ = env
    rows = {r["measure"]: r for r in client.get(f"/api/compare?runs={first}&runs={second}").json()["rows"]}
    row = rows["value_lost_mean"]
    assert row["difference"] == pytest.approx(row[second] - row[first])
    assert row["relative"] == pytest.approx(row["difference"] / row[first])


def test_geopackage_export_and_start_time_over_http(env):
    client, first, *_ = env
    gpkg = client.get(f"/api/runs/{first}/export/gpkg")
    assert gpkg.status_code == 200 and gpkg.content[:16] == b"SQLite format 3\x00"
    geo = client.get(f"/api/runs/{first}/export/geojson?start=2024-08-26T03:00:00%2B03:00").json()
    assert geo["raid_start"] == "2024-08-26T00:00:00.000Z"
    bad = client.get(f"/api/runs/{first}/export/geojson?start=yesterday")
    assert bad.status_code == 422 and "ISO 8601" in bad.json()["detail"]


def test_map_layers_and_swagger_ui(env):
    client, *_ = env
    assert len(client.get("/api/neighbours").json()["features"]) > 20
    assert client.get("/api/cities").json()[0]["name"] == "Kyiv"
    assert client.get("/api/palette").json()["fire_unit"] != client.get("/api/palette").json()["kill"]
    docs = client.get("/docs")
    assert "/static/swagger/swagger-ui-bundle.js" in docs.text and "script-src 'self'" in docs.headers["content-security-policy"]
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    schema = client.get("/openapi.json").json()
    for path in ("/api/sweeps", "/api/plans/placement", "/api/laydown", "/api/preview", "/api/runs", "/api/validate"):
        body = schema["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        assert "$ref" in body
    assert "set" in schema["components"]["schemas"]["SweepRequest"]["properties"]
