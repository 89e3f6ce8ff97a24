"""One set of colours for the report, the exports and the web app's legend.

Layer colours are chosen so that no two meanings share a colour (a fire unit is indigo, a kill green).
``categorical(n)`` gives n distinct colours for series such as munitions: Kelly's 20 colours of
maximum contrast (without white and black), then darker and lighter variants of them.
"""

from __future__ import annotations

LAYER = {
    "asset": "#d32f2f", "fire_unit": "#3949ab", "sensor": "#00838f", "ew_zone": "#8e24aa", "launch_area": "#424242",
    "threat": "#ef6c00", "kill": "#2e7d32", "impact": "#b71c1c", "ew_loss": "#8e24aa", "failure": "#757575",
    "airborne": "#ef6c00", "engage": "#f9a825", "city": "#212121", "land": "#f4f1ea", "neighbour": "#e4e0d6",
    "sea": "#dfe9f3", "border": "#9e9e9e",
}
"""[#rrggbb] per map layer or event kind."""

KELLY = ("#f3c300", "#875692", "#f38400", "#a1caf1", "#be0032", "#c2b280", "#848482", "#008856", "#e68fac",
         "#0067a5", "#f99379", "#604e97", "#f6a600", "#b3446c", "#dcd300", "#882d17", "#8db600", "#654522",
         "#e25822", "#2b3d26")


def categorical(n: int) -> list[str]:
    """``n`` distinct colours [#rrggbb]: the 20 Kelly colours, then shaded variants for more."""
    out = []
    for i in range(n):
        base = KELLY[i % len(KELLY)]
        out.append(base if i < len(KELLY) else _shade(base, -0.35 if (i // len(KELLY)) % 2 else 0.35))
    return out


def _shade(colour: str, amount: float) -> str:
    """``colour`` mixed towards white (amount > 0) or black (amount < 0) by ``abs(amount)``."""
    rgb = [int(colour[k:k + 2], 16) for k in (1, 3, 5)]
    target = 255 if amount > 0 else 0
    return "#" + "".join(f"{round(c + (target - c) * abs(amount)):02x}" for c in rgb)


def kml_colour(colour: str, alpha: int = 255) -> str:
    """KML's aabbggrr of a #rrggbb colour."""
    return f"{alpha:02x}{colour[5:7]}{colour[3:5]}{colour[1:3]}"


def rgba(colour: str, alpha: int = 255) -> list[int]:
    """[r, g, b, a] (0..255) of a #rrggbb colour, as CZML wants it."""
    return [int(colour[k:k + 2], 16) for k in (1, 3, 5)] + [alpha]
