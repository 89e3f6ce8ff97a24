"""Hostile web requests: every one is a 4xx with a JSON body that names the problem and no server path;
nothing is written outside the runs folder; symlinks in the plans folder are not served."""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest

pytest.importorskip("fastapi", reason="the web app needs the 'web' extra")
from fastapi.testclient import TestClient  # noqa: E402

from airshield.api import run  # noqa: E402
from airshield.web import Limits, create_app  # noqa: E402
from airshield.web.security import Access, access_for  # noqa: E402

DEEP = "a: " + "[" * 2000 + "]" * 2000 + "\n"
LAUGHS = "a: &a [1,1,1,1,1,1,1,1,1,1]\n" + "".join(
    f"{k}: &{k} [{', '.join(['*' + p] * 10)}]\n" for p, k in zip("abcdefgh", "bcdefghi"))


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-web")
    runs, plans = root / "srv" / "runs", root / "srv" / "plans"
    good = run("kyiv-small", replications=1, seed=3, out=runs, keep_events=True).store.dir
    shutil.copytree(good, runs / "corrupt")
    (runs / "corrupt" / "meta.json").write_text("{not json")
    shutil.copytree(good, runs / "badscenario")
    (runs / "badscenario" / "scenario.yaml").write_bytes(b"\xff\xfe")
    shutil.copytree(good, runs / "truncated")
    part = next((runs / "truncated" / "metrics").glob("part-*.parquet"))
    part.write_bytes(part.read_bytes()[:40])
    (plans / "p1").mkdir(parents=True)
    (plans / "p1" / "plan.json").write_text('{"kind": "placement"}')
    (plans / "p1" / "leak.png").symlink_to("/etc/passwd")
    (plans / "linked").symlink_to(root)
    (root / "plan.json").write_text('{"kind": "secret"}')
    app = create_app(runs, [], Limits(max_replications=5, max_threats=200, max_request_bytes=200_000), plans_dir=plans)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, root, good.name


def raw(body: str) -> dict:
    return {"content": body, "headers": {"content-type": "application/json"}}


CASES = [
    ("yaml-nested-2000", "post", "/api/validate", {"json": {"yaml": DEEP}}, 422, ["nesting"]),
    ("yaml-billion-laughs", "post", "/api/validate", {"json": {"yaml": LAUGHS}}, 422, ["expands to more than"]),
    ("yaml-duplicate-key", "post", "/api/validate", {"json": {"yaml": "name: a\nextends: kyiv-small\nname: b\n"}},
     422, ["given twice", "line 3"]),
    ("yaml-count-true", "post", "/api/validate",
     {"json": {"yaml": "name: a\nextends: kyiv-small\nraid:\n  waves:\n  - {threat: shahed-136, count: true, launch: kursk}\n"}},
     422, ["not a count"]),
    ("yaml-extends-long-name", "post", "/api/validate", {"json": {"yaml": "name: a\nextends: " + "a" * 10_000 + "\n"}},
     422, ["extends"]),
    ("yaml-extends-absolute", "post", "/api/validate", {"json": {"yaml": "name: a\nextends: /etc/passwd\n"}},
     422, ["extends"]),
    ("json-seed-1e400", "post", "/api/runs", raw('{"scenario": "kyiv-small", "seed": 1e400}'), 422, ["finite"]),
    ("json-seed-nan", "post", "/api/runs", raw('{"scenario": "kyiv-small", "seed": NaN}'), 422, ["NaN"]),
    ("json-infinity", "post", "/api/runs", raw('{"scenario": "kyiv-small", "replications": -Infinity}'), 422, ["finite"]),
    ("json-huge-int", "post", "/api/runs", raw('{"scenario": "kyiv-small", "seed": 1' + "0" * 5000 + "}"), 422, ["JSON"]),
    ("json-nested-100000", "post", "/api/validate", raw("[" * 100_000 + "]" * 100_000), 422, ["JSON"]),
    ("json-not-utf8", "post", "/api/validate", {"content": b'{"yaml": "\xff"}', "headers": {"content-type": "application/json"}},
     422, ["JSON"]),
    ("json-seed-float", "post", "/api/runs", {"json": {"scenario": "kyiv-small", "seed": 1.5}}, 422, ["seed"]),
    ("scenario-name-10000", "get", "/api/scenarios/" + "a" * 10_000, {}, 403, ["plain names"]),
    ("run-scenario-name-10000", "post", "/api/runs", {"json": {"scenario": "a" * 10_000}}, 403, ["plain names"]),
    ("scenario-unknown", "get", "/api/scenarios/nope", {}, 404, ["no scenario named 'nope'"]),
    ("run-meta-corrupt", "get", "/api/runs/corrupt", {}, 422, ["meta.json", "cannot be read"]),
    ("scene-scenario-corrupt", "get", "/api/runs/badscenario/scene", {}, 422, ["scenario.yaml"]),
    ("plots-metrics-truncated", "get", "/api/runs/truncated/plots", {}, 422, ["metrics part"]),
    ("run-nul", "get", "/api/runs/a%00b", {}, 400, ["run name"]),
    ("run-dotdot", "get", "/api/runs/%2E%2E", {}, 400, []),
    ("replay-replication-huge", "get", "/api/runs/{good}/replay?replication=99999999999", {}, 422, ["replication"]),
    ("replay-replication-missing", "get", "/api/runs/{good}/replay?replication=99", {}, 422, ["no event log"]),
    ("export-unknown-format", "get", "/api/runs/{good}/export/shp", {}, 404, ["unknown format"]),
    ("plan-image-symlink", "get", "/api/plans/p1/images/leak.png", {}, 400, ["symbolic link"]),
    ("plan-dir-symlink", "get", "/api/plans/linked/plan.json", {}, 400, ["symbolic link"]),
    ("plan-dotdot", "get", "/api/plans/p1%2F..%2F..%2F/plan.json", {}, 400, []),
    ("body-over-limit", "post", "/api/validate", {"json": {"yaml": "#" * 300_000}}, 413, ["limit"]),
    ("job-unknown", "get", "/api/jobs/nope", {}, 404, ["no job"]),
]


@pytest.mark.parametrize("case_id, method, path, kwargs, status, words", CASES, ids=[c[0] for c in CASES])
def test_hostile_request_is_a_clean_4xx(env, case_id, method, path, kwargs, status, words):
    client, root, good = env
    response = getattr(client, method)(path.format(good=good), **kwargs)
    assert response.status_code == status, response.text[:500]
    body = response.json()
    assert isinstance(body, dict) and body.get("detail")
    for word in words:
        assert word in json.dumps(body), (word, body)
    assert str(root) not in response.text and "/work/" not in response.text and "site-packages" not in response.text
    assert client.get("/api/limits").status_code == 200  # the server still answers


def test_lists_skip_damaged_runs_and_leaked_plans(env):
    client, _, good = env
    names = [r["run"] for r in client.get("/api/runs").json()]
    assert good in names and "corrupt" not in names
    plans = client.get("/api/plans").json()
    assert [p["name"] for p in plans] == ["p1"] and plans[0]["images"] == ["leak.png"] or \
        all(p.get("kind") != "secret" for p in plans)


@pytest.mark.parametrize("name", ["../../outside", "/tmp/airshield-abs-outside", "a\\u0000b"])
def test_posted_scenario_name_cannot_leave_the_runs_folder(env, name):
    client, root, _ = env
    before = sorted(os.listdir(root)), sorted(os.listdir(root / "srv"))
    text = f'name: "{name}"\nextends: kyiv-small\nrun: {{replications: 1}}\n'
    response = client.post("/api/runs", json={"yaml": text})
    assert response.status_code == 202, response.text
    job = response.json()
    end = time.time() + 120
    while job["status"] in ("queued", "running") and time.time() < end:
        time.sleep(0.2)
        job = client.get(f"/api/jobs/{job['id']}").json()
    assert job["status"] == "complete", job
    assert (sorted(os.listdir(root)), sorted(os.listdir(root / "srv"))) == before
    assert (root / "srv" / "runs" / job["run"]).is_dir() and "/" not in job["run"]
    assert not os.path.exists("/tmp/airshield-abs-outside")


def test_token_host_and_headers_when_shared(tmp_path):
    app = create_app(tmp_path / "runs", [], access=Access(token="s3cret", allowed_hosts=frozenset({"testserver"})))
    with TestClient(app) as client:
        refused = client.get("/api/limits")
        assert refused.status_code == 401 and "token" in refused.json()["detail"]
        assert client.get("/api/limits", headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = client.get("/api/limits", headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.headers["x-frame-options"] == "DENY"
        assert ok.headers["x-content-type-options"] == "nosniff"
        assert client.get("/api/limits", headers={"Authorization": "Bearer s3cret", "Host": "evil.example"}).status_code == 400
        page = client.get("/?token=s3cret")
        assert page.status_code == 200 and "content-security-policy" in page.headers
        assert client.get("/api/limits").status_code == 200  # the cookie set by /?token= is enough now
    with TestClient(app) as stranger:
        wrong = stranger.get("/?token=wrong")
        assert wrong.status_code == 401 and wrong.headers.get("set-cookie") is None


def test_access_rules_by_bind_address():
    local = access_for("127.0.0.1")
    assert local.token is None and "localhost" in local.allowed_hosts
    shared = access_for("0.0.0.0", extra_hosts=("airshield.example",))
    assert shared.token and len(shared.token) >= 24 and "airshield.example" in shared.allowed_hosts
    assert access_for("0.0.0.0", token="given").token == "given"


def test_serve_beyond_loopback_warns_and_prints_the_token(monkeypatch, tmp_path):
    import uvicorn
    from click.testing import CliRunner
    from airshield.cli.web import serve
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    result = CliRunner().invoke(serve, ["--host", "0.0.0.0", "--runs", str(tmp_path / "r"), "--token", "tok123"])
    assert result.exit_code == 0 and "WARNING" in result.output and "?token=tok123" in result.output
    result = CliRunner().invoke(serve, ["--runs", str(tmp_path / "r")])
    assert "WARNING" not in result.output and "token" not in result.output
