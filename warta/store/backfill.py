"""Filling new columns of an archive written by an older warta (used by migrations)."""

from __future__ import annotations

import json


def _admin_lookup():
    from ..components.geo import place_admin  # the gazetteer; imported only when there is work

    return place_admin


def backfill_places_admin(conn) -> int:
    """Give stored Indonesian places their province and regency (migration 0003).

    Updates the ``entities`` and ``events`` columns and each affected article's
    stored Record (``Geo``/``Location`` ``adm1``, ``province``, ``regency``), as
    a new ingest would have written them.

    Returns:
        The number of articles changed.
    """
    ids = [r[0] for r in conn.execute(
        "SELECT DISTINCT article_id FROM entities WHERE country = 'IDN' AND lat IS NOT NULL "
        "UNION SELECT DISTINCT article_id FROM events WHERE location_country = 'IDN'").fetchall()]
    if not ids:
        return 0
    place_admin = _admin_lookup()
    changed = 0
    for aid in ids:
        row = conn.execute("SELECT record FROM articles WHERE id = ?", (aid,)).fetchone()
        if row is None:
            continue
        rec = json.loads(row[0])
        if _fill_record(rec, place_admin):
            conn.execute("UPDATE articles SET record = ? WHERE id = ?", (json.dumps(rec, ensure_ascii=False), aid))
            changed += 1
        for i, ent in enumerate(rec.get("entities") or []):
            geo = ent.get("geo") or {}
            if geo.get("adm1"):
                conn.execute("UPDATE entities SET adm1 = ?, province = ?, regency = ? WHERE article_id = ? AND idx = ?",
                             (geo["adm1"], geo.get("province"), geo.get("regency"), aid, i))
        for i, ev in enumerate(rec.get("events") or []):
            loc = ev.get("location") or {}
            if loc.get("adm1"):
                conn.execute("UPDATE events SET adm1 = ?, province = ?, regency = ? WHERE article_id = ? AND idx = ?",
                             (loc["adm1"], loc.get("province"), loc.get("regency"), aid, i))
    return changed


def _fill_record(rec: dict, place_admin) -> bool:
    changed = False
    for ent in rec.get("entities") or []:
        geo = ent.get("geo")
        if geo and ent.get("country") == "IDN" and not geo.get("adm1"):
            admin = place_admin(ent.get("text") or "")
            if admin:
                geo.update(admin)
                changed = True
    for ev in rec.get("events") or []:
        loc = ev.get("location")
        if loc and loc.get("country") == "IDN" and not loc.get("adm1"):
            admin = place_admin(loc.get("canonical") or loc.get("text") or "") or place_admin(loc.get("text") or "")
            if admin:
                loc.update(admin)
                changed = True
    return changed
