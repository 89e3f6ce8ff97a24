"""Concurrent clients on the web app's read endpoints: requests per second, latency percentiles, 5xx count.

    python benchmarks/web_load.py [--clients 50] [--seconds 30] [--max-requests 200000] [--json]

Stores one ``ukraine-national`` replication with its events in a temporary folder, starts
``airshield serve`` on 127.0.0.1 (a free port), makes one warm-up request per endpoint, then lets
``--clients`` keep-alive clients request the read endpoints in turn for ``--seconds`` (or until
``--max-requests``), and stops the server. Traffic never leaves this machine. The load average
(``uptime``) before and after is reported: on a shared machine, read the numbers with it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np

from airshield.api import run
from airshield.web.local_server import free_port

ENDPOINTS = ("/api/limits", "/api/scenarios", "/api/runs", "/api/runs/{run}", "/api/runs/{run}/scene",
             "/api/runs/{run}/replay?replication=0", "/api/runs/{run}/plots", "/api/basemap", "/api/plans",
             "/api/jobs", "/api/scenarios/kyiv-small")


def start_server(folder: Path, port: int) -> subprocess.Popen:
    """``airshield serve`` on 127.0.0.1:``port``, answering once it is up."""
    server = subprocess.Popen([sys.executable, "-m", "airshield.cli.main", "serve", "--host", "127.0.0.1",
                               "--port", str(port), "--runs", str(folder / "runs"), "--plans", str(folder / "plans")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/limits", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start within 60 s")


async def get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One keep-alive HTTP/1.1 GET on an open connection; its status (the body is read and dropped).

    A raw client, so that the load generator spends little CPU of the machine it shares with the server."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
    status = int(head[9:12])
    if "transfer-encoding: chunked" in head:
        while size := int((await reader.readline()).strip() or b"0", 16):
            await reader.readexactly(size + 2)
        await reader.readline()
    else:
        length = head.split("content-length:", 1)[1].split("\r\n", 1)[0] if "content-length:" in head else "0"
        await reader.readexactly(int(length))
    return status


async def client(port: int, paths: list[str], offset: int, stop_at: float, budget: list[int],
                 samples: list[tuple[str, int, float]]) -> None:
    """One keep-alive client requesting ``paths`` in turn until ``stop_at`` or the shared budget is spent."""
    connection = None
    i = offset
    while time.monotonic() < stop_at and budget[0] > 0:
        budget[0] -= 1
        path = paths[i % len(paths)]
        i += 1
        start = time.perf_counter()
        try:
            connection = connection or await asyncio.open_connection("127.0.0.1", port)
            status = await asyncio.wait_for(get(*connection, path), timeout=30)
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError, IndexError):
            status, connection = -1, _close(connection)
        samples.append((path, status, time.perf_counter() - start))
    _close(connection)


def _close(connection) -> None:
    if connection is not None:
        connection[1].close()


async def load(port: int, paths: list[str], clients: int, seconds: float, max_requests: int) -> tuple[list, float]:
    samples: list[tuple[str, int, float]] = []
    start = time.monotonic()
    budget = [max_requests]
    await asyncio.gather(*(client(port, paths, k, start + seconds, budget, samples) for k in range(clients)))
    return samples, time.monotonic() - start


def report(samples: list, wall: float, clients: int, load_before: str, load_after: str) -> dict:
    """Requests/s, latency percentiles [s], status counts, per-endpoint p50/p99."""
    times = np.array([s[2] for s in samples])
    statuses = [s[1] for s in samples]
    by_path = {}
    for path in sorted({s[0] for s in samples}):
        t = np.array([s[2] for s in samples if s[0] == path])
        by_path[path] = {"n": len(t), "p50_s": round(float(np.percentile(t, 50)), 4),
                         "p99_s": round(float(np.percentile(t, 99)), 4)}
    return {"clients": clients, "seconds": round(wall, 1), "requests": len(samples),
            "requests_per_s": round(len(samples) / wall, 1), "p50_s": round(float(np.percentile(times, 50)), 4),
            "p90_s": round(float(np.percentile(times, 90)), 4), "p99_s": round(float(np.percentile(times, 99)), 4),
            "max_s": round(float(times.max()), 4), "status_5xx": sum(500 <= s < 600 for s in statuses),
            "status_4xx": sum(400 <= s < 500 for s in statuses), "connection_errors": statuses.count(-1),
            "uptime_before": load_before, "uptime_after": load_after, "cpus": os.cpu_count(), "by_endpoint": by_path}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` [s] (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="airshield-load-") as tmp:
        folder = Path(tmp)
        stored = run("ukraine-national", replications=1, seed=11, out=folder / "runs", keep_events=True).store
        paths = [p.format(run=stored.dir.name) for p in ENDPOINTS]
        port = free_port()
        server = start_server(folder, port)
        try:
            base = f"http://127.0.0.1:{port}"
            for path in paths:  # warm-up: one request per endpoint builds what the server caches
                httpx.get(base + path, timeout=60)
            before, server_cpu, client_cpu = uptime(), cpu_seconds(server.pid), time.process_time()
            samples, wall = asyncio.run(load(port, paths, args.clients, args.seconds, args.max_requests))
            result = report(samples, wall, args.clients, before, uptime())
            result["server_cpu_ms_per_request"] = round(1000 * (cpu_seconds(server.pid) - server_cpu) / len(samples), 2)
            result["client_cpu_ms_per_request"] = round(1000 * (time.process_time() - client_cpu) / len(samples), 2)
        finally:
            server.terminate()
            server.wait(timeout=20)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['clients']} clients, {result['seconds']} s: {result['requests']} requests, "
          f"{result['requests_per_s']}/s, p50 {result['p50_s']} s, p99 {result['p99_s']} s, "
          f"5xx {result['status_5xx']}, errors {result['connection_errors']}")
    print(f"CPU per request: server {result['server_cpu_ms_per_request']} ms, "
          f"client {result['client_cpu_ms_per_request']} ms")
    print(f"load before: {result['uptime_before']}\nload after:  {result['uptime_after']}")
    for path, row in result["by_endpoint"].items():
        print(f"  {path:60s} n={row['n']:6d} p50={row['p50_s']:.4f} p99={row['p99_s']:.4f}")


if __name__ == "__main__":
    main()
