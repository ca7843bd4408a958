"""Charts drawn on the server as SVG geometry (the templates write the elements): no
chart library, nothing to run in the browser, and every mark can be a link."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

WIDTH = 860
LEFT = 150  # room for the row labels
RIGHT = 20
ROW = 34
TOP = 24


def day(value: str | None) -> date | None:
    """The first day a stored date covers ("2017" → 2017-01-01); None if unreadable."""
    if not value:
        return None
    parts = str(value)[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
        return date(numbers[0], *(numbers[1:] + [1, 1])[:2])
    except (ValueError, TypeError):
        return None


@dataclass
class Scale:
    start: date
    end: date

    def x(self, when: date) -> float:
        span = max(1, (self.end - self.start).days)
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (when - self.start).days / span, 1)

    def ticks(self) -> list[dict]:
        """Years on an axis of several years, else months; at most about ten of them."""
        if (self.end - self.start).days > 3 * 366:
            marks = [date(y, 1, 1) for y in range(self.start.year, self.end.year + 1)]
            label = "%Y"
        else:
            first = self.start.year * 12 + self.start.month - 1
            last = self.end.year * 12 + self.end.month - 1
            marks = [date(m // 12, m % 12 + 1, 1) for m in range(first, last + 1)]
            label = "%Y-%m"
        marks = [m for m in marks if self.start <= m <= self.end]
        step = max(1, -(-len(marks) // 10))
        return [{"x": self.x(m), "label": m.strftime(label)} for m in marks[::step]]


def _scale(days: list[date]) -> Scale:
    start, end = min(days), max(days)
    # A margin either side (a tenth of the span, at least a month): points at the ends
    # stay inside, and a single date still has a visible axis.
    margin = timedelta(days=max(31, (end - start).days // 10))
    return Scale(start - margin, end + margin)


@dataclass
class PairChart:
    height: int
    rows: list[dict] = field(default_factory=list)  # state, y, label y
    bands: list[dict] = field(default_factory=list)  # state, x, width, y, from, to
    points: list[dict] = field(default_factory=list)  # cx, cy, reliability, polarity, href, title
    ticks: list[dict] = field(default_factory=list)
    as_of: float | None = None


def pair_chart(history: list[dict], items: list[dict], as_of: str | None = None, today: date | None = None) -> PairChart | None:
    """The A–B chart: a row per state, a band per period the state held (analysis.states
    history), and each piece of evidence as a point in its state's row, coloured by the
    source's reliability. None when there is nothing dated to draw."""
    dated = [i for i in items if day(i["date"])]
    days = [d for d in [day(h["from"]) for h in history] + [day(h["to"]) for h in history] + [day(i["date"]) for i in dated] if d]
    if not days:
        return None
    if as_of and day(as_of):
        days.append(day(as_of))
    scale = _scale(days)
    states = list(dict.fromkeys([h["state"] for h in history] + [i["state"] or "no state" for i in dated]))
    row_y = {s: TOP + ROW * n for n, s in enumerate(states)}
    chart = PairChart(height=TOP + ROW * len(states) + 30, ticks=scale.ticks())
    chart.rows = [{"state": s, "y": row_y[s], "label_y": row_y[s] + ROW / 2 + 4} for s in states]
    end = today or date.today()
    for h in history:
        x0 = scale.x(day(h["from"]) or scale.start)
        x1 = scale.x(min(day(h["to"]) or max(end, scale.end), scale.end))
        chart.bands.append({"state": h["state"], "x": x0, "width": max(2.0, round(x1 - x0, 1)), "y": row_y[h["state"]] + 6,
                            "height": ROW - 12, "from": h["from"], "to": h["to"] or "now"})
    for n, i in enumerate(dated):
        row = row_y[i["state"] or "no state"]
        chart.points.append({
            "cx": scale.x(day(i["date"])), "cy": row + ROW / 2 + (n % 3 - 1) * 5,  # a little spread: same-day points stay apart
            "reliability": i["reliability"], "polarity": i["polarity"], "relation": i["relation"],
            "href": f"/documents/{i['document_id']}#span-relation-{i['relation']}",
            "title": f"{i['date']} {i['type']} ({i['modality']}), {i['speaker'] or i['outlet'] or 'the article'}, reliability {i['reliability']}",
        })
    if as_of and day(as_of):
        chart.as_of = scale.x(day(as_of))
    return chart


@dataclass
class ForecastChart:
    height: int
    line: str  # SVG polyline points
    points: list[dict]
    ticks: list[dict]
    grid: list[dict]


def forecast_chart(forecasts: list[dict]) -> ForecastChart | None:
    """Probability of H1 over time, one point per forecast; None without forecasts."""
    rows = [f for f in forecasts if f["hypothesis"] == "H1"]
    if not rows:
        return None
    when = [f["made_at"].date() if isinstance(f["made_at"], datetime) else day(str(f["made_at"])) for f in rows]
    scale = _scale(when)
    height, plot = 220, 180

    def y(p: float) -> float:
        return round(TOP + plot * (1 - p), 1)

    points = [{"cx": scale.x(w), "cy": y(f["probability"]), "author": f["author"], "probability": f["probability"],
               "title": f"{w.isoformat()}: {f['probability']:.0%} ({f['author']})"} for w, f in zip(when, rows)]
    return ForecastChart(height=height + 10, line=" ".join(f"{p['cx']},{p['cy']}" for p in points), points=points,
                         ticks=scale.ticks(), grid=[{"y": y(p), "label": f"{p:.0%}"} for p in (0, 0.25, 0.5, 0.75, 1)])
