"""Plots of a pledge assessment (from its JSON dict): the three cases over months, and stocks."""

from __future__ import annotations

from airshield.report.plots import _data_uri, _figure

CASES = (("on_time", "#2e7d32", "pledges on time"), ("late", "#ef6c00", "pledges late"),
         ("none", "#c62828", "no new pledges"))


def _series(months: list[dict], case: str, key: str):
    rows = [m for m in months if m["case"] == case]
    return ([m["month"] for m in rows], [m[key]["mean"] for m in rows],
            [m[key]["ci95"][0] for m in rows], [m[key]["ci95"][1] for m in rows])


def cases_figure(data: dict):
    """Two panels over months: neutralised share and value lost, each case with its 95 % band."""
    fig, (left, right) = _figure(10.0, 3.8, ncols=2)
    for case, colour, name in CASES:
        for ax, key in ((left, "neutralised_share"), (right, "value_lost")):
            x, mean, low, high = _series(data["months"], case, key)
            if not x:
                continue
            ax.plot(x, mean, color=colour, label=name, marker="o", ms=3)
            ax.fill_between(x, low, high, color=colour, alpha=0.15)
    target = data.get("shortfall", {}).get("target")
    if target is not None:
        left.axhline(target, color="#555", ls="--", lw=1, label="target")
    left.set_ylabel("neutralised share of launches")
    right.set_ylabel("value lost per month [value points]")
    for ax in (left, right):
        ax.tick_params(axis="x", rotation=60, labelsize=7)
        ax.legend(fontsize=7)
    left.set_title("Protection month by month")
    right.set_title("Value lost month by month")
    return fig


def stocks_figure(data: dict, top: int = 6):
    """End-of-month stock of the most fired munitions, on time (solid) and no new pledges (dashed)."""
    fig, ax = _figure(10.0, 3.6)
    fired: dict[str, float] = {}
    for m in data["months"]:
        if m["case"] == "on_time":
            for k, s in m["stocks"].items():
                fired[k] = fired.get(k, 0.0) + s["fired"]
    chosen = [k for k, v in sorted(fired.items(), key=lambda kv: -kv[1]) if v > 0][:top]
    for i, k in enumerate(chosen):
        colour = f"C{i}"
        for case, style in (("on_time", "-"), ("none", "--")):
            rows = [m for m in data["months"] if m["case"] == case]
            ax.plot([m["month"] for m in rows], [m["stocks"][k]["end"]["mean"] for m in rows], style, color=colour,
                    label=f"{k} ({case.replace('_', ' ')})")
    ax.set_yscale("symlog")
    ax.set_ylabel("end-of-month stock [rounds], mean")
    ax.tick_params(axis="x", rotation=60, labelsize=7)
    ax.legend(fontsize=6, ncol=3)
    ax.set_title("Interceptor stocks")
    return fig


def cases_plot(data: dict) -> str:
    return _data_uri(cases_figure(data))


def stocks_plot(data: dict) -> str:
    return _data_uri(stocks_figure(data))
