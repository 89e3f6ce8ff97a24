"""Waiting for a queued job of the web app (runs, sweeps, plans) in the API tests."""

from __future__ import annotations

import time


def wait(client, job_id: str, timeout: float = 120.0) -> dict:
    """The job once it is no longer queued or running (AssertionError after ``timeout`` [s])."""
    end = time.time() + timeout
    while time.time() < end:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] not in ("queued", "running"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")
