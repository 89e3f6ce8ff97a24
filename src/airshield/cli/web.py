"""``airshield serve``: the web app (HTTP API and map front end) with uvicorn."""

from __future__ import annotations

import click


@click.command(help="Serve the web app: build and run scenarios, replay raids on a map, compare runs.")
@click.option("--host", default="127.0.0.1", show_default=True, help="address to bind (keep 127.0.0.1 unless you mean to share it)")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--runs", "runs_dir", type=click.Path(file_okay=False), default="runs", show_default=True,
              help="folder of run directories (shared with 'airshield run')")
@click.option("--scenarios", "scenario_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="folder of scenario YAML files the server may read (repeatable)")
@click.option("--plans", "plans_dir", type=click.Path(file_okay=False), default="plans", show_default=True,
              help="folder of planning results (shared with 'airshield plan' and 'airshield campaign')")
@click.option("--max-replications", type=click.IntRange(1), default=200, show_default=True, help="per run")
@click.option("--max-threats", type=click.IntRange(1), default=2000, show_default=True, help="per scenario")
@click.option("--max-request-bytes", type=click.IntRange(1024), default=1_000_000, show_default=True)
@click.option("--max-queued", type=click.IntRange(1), default=8, show_default=True, help="runs queued or running")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True, help="processes per run")
@click.option("--token", default=None, envvar="AIRSHIELD_TOKEN",
              help="access token required beyond loopback (default: a new random one, printed at start)")
@click.option("--allow-host", "allow_hosts", multiple=True,
              help="a further host name clients may use in the Host header (repeatable)")
def serve(host: str, port: int, runs_dir: str, scenario_dirs: tuple[str, ...], plans_dir: str, max_replications: int,
          max_threats: int, max_request_bytes: int, max_queued: int, workers: int, token: str | None,
          allow_hosts: tuple[str, ...]) -> None:
    try:
        import uvicorn

        from airshield.web.app import create_app
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise click.ClickException(f"the web app needs its extra: pip install 'airshield[web]' ({exc.name} missing)")
    from airshield.web.limits import Limits
    from airshield.web.security import access_for, is_loopback
    limits = Limits(max_replications=max_replications, max_threats=max_threats,
                    max_request_bytes=max_request_bytes, max_queued=max_queued, workers=workers)
    access = access_for(host, token, allow_hosts)
    app = create_app(runs_dir, scenario_dirs, limits, plans_dir=plans_dir, access=access)
    shown = f"[{host}]" if ":" in host else host
    if is_loopback(host):
        click.echo(f"airshield: serving http://{shown}:{port}/ (runs in {runs_dir}; API docs at /docs)")
    else:
        click.echo(f"airshield: WARNING: serving on {host}, beyond this machine: anyone who can reach port {port} "
                   "and has the token can read runs and queue jobs.", err=True)
        click.echo(f"airshield: open http://{shown}:{port}/?token={access.token} (runs in {runs_dir}); "
                   "API clients send 'Authorization: Bearer TOKEN'. Host names accepted: "
                   + ", ".join(sorted(access.allowed_hosts or ())))
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=5,
                limit_concurrency=limits.max_connections)
