"""Planning results are visible in the app, and plan paths cannot leave the plans folder."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from airshield.web.app import create_app


def make_plan(root, name="placement"):
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "plan.json").write_text(json.dumps({"kind": "placement", "scenario": "kyiv-small", "written": "now",
                                                  "results": {"model": {"gap": 0.001}}}))
    (folder / "placement.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    return folder


def test_plans_listed_and_served(tmp_path):
    make_plan(tmp_path / "plans")
    client = TestClient(create_app(runs_dir=tmp_path / "runs", plans_dir=tmp_path / "plans"))
    (plan,) = client.get("/api/plans").json()
    assert plan["kind"] == "placement" and plan["images"] == ["placement.png"]
    assert client.get("/api/plans/placement/plan.json").json()["results"]["model"]["gap"] == 0.001
    assert client.get("/api/plans/placement/images/placement.png").status_code == 200


def test_plan_paths_cannot_escape(tmp_path):
    make_plan(tmp_path / "plans")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "plan.json").write_text("{}")
    client = TestClient(create_app(runs_dir=tmp_path / "runs", plans_dir=tmp_path / "plans"))
    for bad in ("../secret", "..%2Fsecret", "placement/../../secret"):
        assert client.get(f"/api/plans/{bad}/plan.json").status_code in (400, 404)
    assert client.get("/api/plans/placement/images/..%2F..%2Fsecret").status_code in (400, 404)


def test_pledge_assessment_and_its_report_in_the_plans_view(tmp_path):
    folder = tmp_path / "plans" / "pledges"
    folder.mkdir(parents=True)
    months = [{"month": "2025-07", "case": "on_time", "neutralised_share": {"mean": 0.8, "ci95": [0.7, 0.9]},
               "value_lost": {"mean": 1.0, "ci95": [0.5, 1.5]}, "launched": 100, "stocks": {}}]
    (folder / "plan.json").write_text(json.dumps({"kind": "pledges", "scenario": "kyiv-small", "written": "now",
                                                  "results": {"months": months, "shortfall": {}, "buy": None}}))
    (folder / "report.html").write_text("<html>pledges</html>")
    client = TestClient(create_app(runs_dir=tmp_path / "runs", plans_dir=tmp_path / "plans"))
    (plan,) = client.get("/api/plans").json()
    assert plan["kind"] == "pledges"
    assert client.get("/api/plans/pledges/plan.json").json()["results"]["months"][0]["case"] == "on_time"
    assert "pledges" in client.get("/api/plans/pledges/report.html").text
    assert client.get("/api/plans/placement/report.html").status_code == 404
    script = client.get("/static/app.js").text
    assert "showPledges" in script
