"""One number-format policy for everything shown to people (CLI tables, report, repr).

- whole numbers as integers with thousands separators: ``68``, ``457,000``;
- other numbers to 3 significant figures, and never with more digits than that below 1,000:
  ``11.4`` (not 11.399999999999997), ``2.16``, ``0.0123``; from 1,000 on, rounded to an integer
  with separators: ``2,800`` (not 2,800.00), ``1,234,568``;
- missing or undefined (None, NaN): ``-``.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

SIGNIFICANT = 3
MISSING = "-"


def format_number(value, significant: int = SIGNIFICANT) -> str:
    """``value`` as the policy above says; text and other objects as ``str``."""
    if value is None:
        return MISSING
    if isinstance(value, bool) or not isinstance(value, Real):
        return str(value)
    if isinstance(value, Integral):
        return f"{int(value):,}"
    value = float(value)
    if not math.isfinite(value):
        return MISSING if math.isnan(value) else str(value)
    rounded = float(f"{value:.{significant}g}")
    if abs(rounded) >= 10 ** significant:
        return f"{round(value):,}"
    if rounded.is_integer():
        return f"{int(rounded):,}"
    return f"{rounded:.{significant}g}"


def format_quantity(value, unit: str | None) -> str:
    """The number with its unit: ``2.16 value points``, ``457,000 USD``."""
    text = format_number(value)
    return f"{text} {unit}" if unit and text != MISSING else text


def format_interval(low, high) -> str:
    """``low .. high`` (``-`` when undefined)."""
    if low is None or high is None or (isinstance(low, float) and math.isnan(low)):
        return MISSING
    return f"{format_number(low)} .. {format_number(high)}"
