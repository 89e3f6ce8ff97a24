"""``plan placement``, ``plan buy`` and ``campaign``: the planners (airshield.planning) on the command line.

The lead registers them in cli/main.py: ``cli.add_command(plan)`` and ``cli.add_command(campaign)``.
"""

from __future__ import annotations

import functools

import click

from airshield.cli.output import print_json, print_table
from airshield.errors import AirshieldError


class PlanInputError(click.ClickException):
    """An airshield user error seen through click: one line, exit code 2 (also under CliRunner)."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()}", err=True, file=file)


def user_errors(fn):
    """Turn AirshieldError into PlanInputError (exit code 2)."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except AirshieldError as exc:
            raise PlanInputError(str(exc)) from None
    return wrapper


def _floats(text: str, option: str) -> tuple[float, ...]:
    from airshield.errors import InputError
    try:
        return tuple(float(v) for v in text.split(",") if v.strip())
    except ValueError:
        raise InputError(f"'{text}' is not a list of numbers", path=option, expected="e.g. 0,8,20") from None


@click.group(help="Planning: where to put fire units, what a budget buys.")
def plan() -> None:
    """The command group."""


@plan.command(help="Choose sites for fire units (model + exact MILP), then verify by Monte Carlo against baselines.")
@click.argument("scenario")
@click.option("--units", required=True, help='units to place, e.g. "patriot:4,iris-t-slm:6,gepard:20"; they replace '
              "the scenario's units of those types, other units stay")
@click.option("--candidates", type=click.Path(dir_okay=False), default=None,
              help="CSV (lat,lon[,name]) or YAML list of candidate sites (default: rings around the assets)")
@click.option("--rings", default="0,8,20", show_default=True, help="ring radii around each asset [km]")
@click.option("--bearings", type=click.IntRange(1, 72), default=6, show_default=True, help="sites per ring")
@click.option("--replications", "-n", type=click.IntRange(1), default=20, show_default=True,
              help="replications of each verifying run")
@click.option("--samples", type=click.IntRange(1, 100), default=4, show_default=True,
              help="sampled raids the coverage model is estimated from")
@click.option("--seed", type=click.IntRange(0), default=1, show_default=True)
@click.option("--time-limit", type=click.FloatRange(1), default=60.0, show_default=True, help="MILP time [s]")
@click.option("--workers", "-k", type=click.IntRange(1, 256), default=1, show_default=True)
@click.option("--robust", is_flag=True, help="hold against the attacker's best responses (defender-attacker game), "
              "compared with the nominal placement")
@click.option("--robust-iterations", type=click.IntRange(1, 50), default=4, show_default=True,
              help="attacks at most (--robust)")
@click.option("--robust-time", type=click.FloatRange(60), default=720.0, show_default=True,
              help="wall time after which no new iteration starts [s] (--robust)")
@click.option("--objective", default=None, help="the attacker's objective (--robust): value, power or city:NAME")
@click.option("--search-replications", type=click.IntRange(1, 200), default=6, show_default=True,
              help="engine replications per candidate raid in each attack (--robust)")
@click.option("--out", type=click.Path(file_okay=False), default="plans/placement", show_default=True)
@click.option("--json", "as_json", is_flag=True)
@user_errors
def placement(scenario, units, candidates, rings, bearings, replications, samples, seed, time_limit, workers, robust,
              robust_iterations, robust_time, objective, search_replications, out, as_json) -> None:
    from airshield.planning.placement import plan_placement
    from airshield.runs import open_backend
    if robust:
        from airshield.planning.attack.response import ResponseSettings
        from airshield.planning.robust import RobustSettings
        settings = RobustSettings(iterations=robust_iterations, budget_s=robust_time, time_limit=time_limit,
                                  samples=samples, attack=ResponseSettings(search_replications=search_replications))
        _robust(scenario, units, candidates, rings, bearings, replications, seed, settings, objective, workers, out,
                as_json)
        return
    with open_backend("local", workers) as backend:
        result = plan_placement(scenario, units, candidates=candidates, replications=replications, seed=seed,
                                samples=samples, time_limit=time_limit, rings_km=_floats(rings, "--rings"),
                                bearings=bearings, out=out, backend=backend)
    if as_json:
        print_json(result.to_dict())
        return
    m = result.model
    click.echo(f"model: {m['sites']} sites, {m['threat_rows']} threat rows; value lost {m['value_lost']:.4g} "
               f"(lower bound {m['value_lost_lower_bound']:.4g}); gap {m['gap']:.3%} in value saved; "
               f"{m['time_s']:.1f} s")
    print_table("Laydown", ("unit", "type", "lat", "lon"),
                [(u["name"], u["type"], u["lat"], u["lon"]) for u in result.laydown if u["name"].startswith("opt-")])
    print_table(f"Verification ({result.verification['replications']} replications, 95% interval of the mean; "
                f"every laydown has {result.units})",
                ("laydown", "value lost", "ci95 low", "ci95 high", "model", "model error", "minus optimised [ci95]"),
                result.table())
    click.echo(result.trust())
    for key, path in result.files.items():
        click.echo(f"{key}: {path}")


def _robust(scenario, units, candidates, rings, bearings, replications, seed, settings, objective, workers, out,
            as_json) -> None:
    from airshield.planning.robust_plan import plan_robust_placement
    from airshield.planning.common import interval_text
    from airshield.runs import open_backend
    with open_backend("local", workers) as backend:
        result = plan_robust_placement(scenario, units, candidates=candidates, replications=replications, seed=seed,
                                       settings=settings, objective=objective, rings_km=_floats(rings, "--rings"),
                                       bearings=bearings, out=out, backend=backend)
    if as_json:
        print_json(result.to_dict())
        return
    print_table("The game (verified worst: the attacker's best response, search replications)",
                ("iteration", "verified worst", "best so far", "defender bound", "gap", "new raid", "seconds"),
                result.iteration_rows())
    g, c = result.game, result.comparison
    same = " (the nominal laydown itself)" if c["same_laydown"] else ""
    click.echo(f"stopped: {g['stopped']}; robust laydown from iteration {g['robust_iteration']}{same}")
    print_table(f"Nominal vs robust laydown against every raid of the game ({c['replications']} replications, "
                f"{g['objective']}, 95% interval)", ("raid", "nominal", "robust", "nominal - robust"),
                result.comparison_rows())
    w, d = c["worst"], c["worst_nominal_minus_robust"]
    click.echo(f"worst case: nominal {w['nominal']['mean']:.4g} (raid {w['nominal']['raid']}), robust "
               f"{w['robust']['mean']:.4g} (raid {w['robust']['raid']}); nominal - robust {interval_text(d)} (paired)")
    click.echo(f"wall time {result.timing['total_s']:.0f} s")
    for key, path in result.files.items():
        click.echo(f"{key}: {path}")


@plan.command(help="The attacker's best response: the raid within its inventory and launch capacity that hurts the "
              "scenario's defence most (surrogate search, engine in the loop), verified against the scenario's raid.")
@click.argument("scenario")
@click.option("--objective", default=None, help="value (default: the scenario's attacker.objective), power, or city:NAME")
@click.option("--replications", "-n", type=click.IntRange(2), default=20, show_default=True,
              help="replications of each verifying run")
@click.option("--search-replications", type=click.IntRange(1, 200), default=6, show_default=True,
              help="engine replications per candidate raid during the search")
@click.option("--rounds", type=click.IntRange(1, 50), default=4, show_default=True, help="surrogate refits at most")
@click.option("--candidates", type=click.IntRange(1, 50), default=4, show_default=True,
              help="new raids run by the engine per round")
@click.option("--samples", type=click.IntRange(1, 50), default=2, show_default=True,
              help="replications the surrogate samples each lane in")
@click.option("--per-lane", type=click.IntRange(1, 100), default=4, show_default=True,
              help="threats of each lane sampled per replication")
@click.option("--seed", type=click.IntRange(0), default=1, show_default=True)
@click.option("--workers", "-k", type=click.IntRange(1, 256), default=1, show_default=True)
@click.option("--out", type=click.Path(file_okay=False), default="plans/attack", show_default=True)
@click.option("--json", "as_json", is_flag=True)
@user_errors
def attack(scenario, objective, replications, search_replications, rounds, candidates, samples, per_lane, seed,
           workers, out, as_json) -> None:
    from airshield.planning.attack.plan import plan_attack
    from airshield.planning.common import interval_text
    from airshield.planning.attack.response import ResponseSettings
    from airshield.runs import open_backend
    settings = ResponseSettings(search_replications=search_replications, rounds=rounds, candidates=candidates,
                                samples=samples, per_lane=per_lane)
    with open_backend("local", workers) as backend:
        result = plan_attack(scenario, objective=objective, replications=replications, seed=seed, settings=settings,
                             out=out, backend=backend)
    if as_json:
        print_json(result.to_dict())
        return
    print_table(f"Best response ({result.objective}): the raid", ("threat", "launch", "target", "count"),
                [(r["threat"], r["launch"], r["target"], r["count"]) for r in result.allocation])
    v = result.verification
    rows = [(name, v[name]["threats"], v[name]["objective"]["mean"], *v[name]["objective"]["ci95"],
             result.surrogate[name]["predicted"], interval_text(v[name].get("minus_scenario")))
            for name in ("best", "scenario")]
    print_table(f"Verification ({v['replications']} replications, 95% interval of the mean, {result.objective})",
                ("raid", "threats", "value lost", "ci95 low", "ci95 high", "surrogate", "minus scenario [ci95]"), rows)
    s = result.search
    click.echo(f"search: {s['lanes']} lanes, {s['raids_run']} raids run by the engine ({s['engine_replications']} "
               f"replications), {len(s['rounds'])} rounds; {result.timing['total_s']:.1f} s")
    for key, path in result.files.items():
        click.echo(f"{key}: {path}")


@plan.command(help="Choose what a budget buys (systems, interceptor packs): Pareto frontier and marginal values.")
@click.argument("scenario")
@click.option("--budget", type=float, required=True, help="budget [USD], e.g. 18e9")
@click.option("--options", "options_file", type=click.Path(dir_okay=False), default=None,
              help="YAML/CSV options table (default: catalogue costs)")
@click.option("--replications", "-n", type=click.IntRange(2), default=6, show_default=True,
              help="replications of each design point")
@click.option("--verify-replications", type=click.IntRange(2), default=20, show_default=True,
              help="replications of each verification (chosen mix, frontier points, saturation check)")
@click.option("--design-points", type=click.IntRange(0), default=None,
              help="space-filling design points besides today and one step of each option (default: options + 4)")
@click.option("--seed", type=click.IntRange(0), default=1, show_default=True)
@click.option("--workers", "-k", type=click.IntRange(1, 256), default=1, show_default=True)
@click.option("--raid-set", "raid_set", type=click.Path(dir_okay=False), default=None,
              help="YAML file 'raids: [raid, ...]' (each like a scenario's raid section): choose for the whole set")
@click.option("--out", type=click.Path(file_okay=False), default="plans/buy", show_default=True)
@click.option("--json", "as_json", is_flag=True)
@user_errors
def buy(scenario, budget, options_file, replications, verify_replications, design_points, seed, workers, raid_set,
        out, as_json) -> None:
    from airshield.planning.procurement import plan_procurement
    from airshield.runs import open_backend
    with open_backend("local", workers) as backend:
        result = plan_procurement(scenario, budget=budget, options=options_file, replications=replications,
                                  verify_replications=verify_replications, design_points=design_points,
                                  seed=seed, out=out, backend=backend, raids=_raid_set(raid_set))
    if as_json:
        print_json(result.to_dict())
        return
    from airshield.cli.buy_view import show_buy
    show_buy(result.to_dict())
    for key, path in result.files.items():
        click.echo(f"{key}: {path}")


@click.command(help="Simulate a campaign of nightly raids with depleting stocks, deliveries and production.")
@click.argument("scenario")
@click.option("--days", type=click.IntRange(1, 3650), default=90, show_default=True)
@click.option("--raids", "raids_file", type=click.Path(dir_okay=False), default=None,
              help="YAML list of nights: {day, drones: scale, missiles: scale} (default: from the records)")
@click.option("--stock", "stocks", default=None,
              help='starting stocks per munition, e.g. "pac-3-mse:120,iris-t:300" (default: the scenario\'s rounds x 3)')
@click.option("--delivery", "deliveries", multiple=True, help='"munition:+N/month" (or /week, /day); repeatable')
@click.option("--what-if", "what_ifs", multiple=True, help='extra deliveries to compare, e.g. "pac-3-mse:+20/month"')
@click.option("--missile-every", type=click.IntRange(0), default=7, show_default=True,
              help="days between combined missile strikes (0: never)")
@click.option("--attacker-growth", type=float, default=0.0, show_default=True,
              help="growth of drone raid sizes per month (attacker production), e.g. 0.1")
@click.option("--replications", "-n", type=click.IntRange(1), default=3, show_default=True)
@click.option("--seed", type=click.IntRange(0), default=1, show_default=True)
@click.option("--out", type=click.Path(file_okay=False), default="plans/campaign", show_default=True)
@click.option("--plot", "plot_file", type=click.Path(dir_okay=False), default=None, help="write a PNG of stocks and losses")
@click.option("--json", "as_json", is_flag=True)
@user_errors
def campaign(scenario, days, raids_file, stocks, deliveries, what_ifs, missile_every, attacker_growth, replications,
             seed, out, plot_file, as_json) -> None:
    from airshield.planning.campaign import run_campaign
    result = run_campaign(scenario, days=days, raids=raids_file, stocks=stocks, deliveries=list(deliveries),
                          what_ifs=list(what_ifs), missile_every=missile_every, attacker_growth=attacker_growth,
                          replications=replications, seed=seed, out=out, plot=plot_file)
    if as_json:
        print_json(result.to_dict())
        return
    print_table("Stocks run out (day; mean and 95% interval over replications; '-' never within the campaign)",
                ("case", "munition", "runs out in", "mean day", "ci95 low", "ci95 high"), result.runout_rows())
    print_table("Value lost per campaign (95% interval of the mean)", ("case", "mean", "ci95 low", "ci95 high"),
                result.loss_rows())
    for key, path in result.files.items():
        click.echo(f"{key}: {path}")


def _raid_set(path: str | None) -> list[dict] | None:
    """The raids of a raid-set file, or None."""
    if path is None:
        return None
    from pathlib import Path

    from airshield.errors import InputError
    from airshield.scenario.yaml_io import read_text, read_yaml_mapping
    data = read_yaml_mapping(read_text(Path(path)), path)
    raids = data.get("raids")
    if not isinstance(raids, list) or not raids or not all(isinstance(r, dict) for r in raids):
        raise InputError("a raid set needs 'raids:' with a list of raid sections", file=path, path="raids",
                         expected="raids: [{name: ..., waves: [...]}, ...]")
    return raids
