"""Charts drawn with matplotlib (Agg, object API: no pyplot global state, safe in a threaded server), as SVG or PNG.

Pure functions from data to bytes; the routes (api/routes/charts.py) read the data.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Literal

from api.schemas.meetings import MeetingRecord

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# matplotlib is imported by the functions that draw: importing it costs the API's start-up about 0.4 s of CPU
# (40 % of its imports), for routes most servers never serve (docs/benchmarks.md, time to first answer).

ChartFormat = Literal["svg", "png"]
MEDIA_TYPES: dict[ChartFormat, str] = {"svg": "image/svg+xml", "png": "image/png"}
_SIZE = (9.0, 4.5)
_DPI = 120


def _render(fig: Figure, fmt: ChartFormat) -> bytes:
    from matplotlib import rc_context

    buffer = io.BytesIO()
    # the svg backend derives its ids from this salt, so the same chart is the same bytes
    with rc_context({"svg.hashsalt": "malikg", "svg.fonttype": "none"}):
        fig.savefig(buffer, format=fmt, dpi=_DPI, bbox_inches="tight", metadata=_metadata(fmt))
    return buffer.getvalue()


def _metadata(fmt: ChartFormat) -> dict[str, str | None]:
    # no creation date: the same data gives the same file
    return {"Date": None} if fmt == "svg" else {}


def _empty(ax: object, text: str) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])


def _month(d: str | None) -> str | None:
    return d[:7] if d is not None and len(d) >= 7 else None


def _months_between(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def timeline_chart(
    title: str, meetings: Sequence[MeetingRecord], colour_by: Literal["partner", "type"], own: str, fmt: ChartFormat
) -> bytes:
    """Meetings per month as stacked bars, coloured by partner (the other states) or by meeting type."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=_SIZE)
    ax = fig.add_subplot()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    skipped = 0
    for m in meetings:
        month = _month(m.date)
        if month is None:
            skipped += 1
            continue
        if colour_by == "type":
            keys = [m.type]
        else:
            keys = [s.name for s in m.states if s.iso3 != own] or ["(no other state)"]
        for key in keys:
            counts[key][month] += 1
    note = f" — {skipped} undated or dated by year only not shown" if skipped else ""
    ax.set_title(f"{title}: meetings per month{note}", fontsize=10)
    if not counts:
        _empty(ax, "No meeting dated to the month")
        return _render(fig, fmt)
    every = sorted({month for c in counts.values() for month in c})
    months = _months_between(every[0], every[-1])
    bottom = [0] * len(months)
    ordered = sorted(counts, key=lambda k: (-sum(counts[k].values()), k))
    for key in ordered:
        heights = [counts[key][mo] for mo in months]
        ax.bar(months, heights, width=0.8, bottom=bottom, label=key)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if len(months) > 24:  # a label every few months
        step = len(months) // 12 + 1
        ax.set_xticks(range(0, len(months), step), months[::step])
    ax.set_ylabel("meetings")
    ax.legend(
        title="partner" if colour_by == "partner" else "type", fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1)
    )
    fig.autofmt_xdate()
    return _render(fig, fmt)


def partners_chart(title: str, partners: Sequence[tuple[str, dict[str, int]]], fmt: ChartFormat) -> bytes:
    """Partner states (most meetings first) as horizontal bars stacked by sector."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=(_SIZE[0], max(2.5, 0.45 * len(partners) + 1.5)))
    ax = fig.add_subplot()
    ax.set_title(title, fontsize=10)
    if not partners:
        _empty(ax, "No partner")
        return _render(fig, fmt)
    sectors = sorted({s for _, by in partners for s in by}, key=lambda s: (-sum(by.get(s, 0) for _, by in partners), s))
    names = [name for name, _ in partners][::-1]
    left = [0] * len(names)
    for sector in sectors:
        widths = [by.get(sector, 0) for _, by in partners][::-1]
        ax.barh(names, widths, left=left, label=sector)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("meetings concerning the sector (a meeting may concern several)")
    ax.legend(title="sector", fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    return _render(fig, fmt)


def contacts_chart(title: str, meetings: Sequence[MeetingRecord], fmt: ChartFormat) -> bytes:
    """Each dated contact as a marker on a time axis, one row per meeting type."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(_SIZE[0], 3.2))
    ax = fig.add_subplot()
    dated = [m for m in meetings if m.date is not None]
    skipped = len(meetings) - len(dated)
    note = f" — {skipped} undated not shown" if skipped else ""
    ax.set_title(f"{title}{note}", fontsize=10)
    if not dated:
        _empty(ax, "No dated contact")
        return _render(fig, fmt)
    types = sorted({m.type for m in dated})
    for row, kind in enumerate(types):
        xs = [_year_fraction(m.date) for m in dated if m.type == kind and m.date is not None]
        ax.scatter(xs, [row] * len(xs), s=80, label=kind, zorder=3)
    ax.set_yticks(range(len(types)), types)
    ax.set_ylim(-0.8, len(types) - 0.2)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    first, last = (
        min(_year_fraction(m.date) for m in dated if m.date),
        max(_year_fraction(m.date) for m in dated if m.date),
    )
    years = range(int(first), int(last) + 2)
    ax.set_xticks([float(y) for y in years], [str(y) for y in years])
    ax.set_xlim(int(first) - 0.05, int(last) + 1.05)
    ax.set_xlabel("date (a month is placed on its 15th, a year on 1 July)")
    return _render(fig, fmt)


def _year_fraction(d: str) -> float:
    """A partial date as a year with a fraction, at the middle of its span: a month on its 15th, a year on 1 July."""
    day = date(int(d), 7, 1) if len(d) == 4 else date(int(d[:4]), int(d[5:7]), 15 if len(d) == 7 else int(d[8:10]))
    return day.year + (day.timetuple().tm_yday - 1) / 366
