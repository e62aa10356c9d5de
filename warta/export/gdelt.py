"""Events as GDELT 2.0 event-table rows (the 61 columns, those warta can fill).

Filled: GlobalEventID (a stable integer from the Record id and event index),
SQLDATE/MonthYear/Year/FractionDate (event date, else publication date),
Actor1/Actor2 Code, Name, CountryCode, KnownGroupCode (IGOs), Type1Code
(sector, in CAMEO spelling), IsRootEvent (event in the first three
sentences), EventCode/EventBaseCode/EventRootCode (CAMEO), QuadClass,
NumMentions/NumSources/NumArticles (the happening's mentions, outlets and
articles across its story when an archive gives ``counts``; else the
event's mentions in its one article, one source, one article), ActionGeo_* (type, name, FIPS country code, ADM1 code, lat/long),
GoldsteinScale (GDELT's CAMEO table, ``lang/cameo_goldstein.json``, for the
event's code or its nearest parent), DATEADDED (publication date, 000000) and
SOURCEURL. Left empty: ethnic/religion codes, AvgTone, the actor geographies, ADM2
codes and the ADM1 code of places outside Indonesia, which warta does not
compute.

Notes:
    Actor country codes are ISO 3166 alpha-3, which CAMEO country codes
    follow for nearly every state; ``*Geo_CountryCode`` is FIPS 10-4 as in
    GDELT (table from GeoNames, ``lang/iso3_fips.txt``).

    ``ActionGeo_ADM1Code`` is GDELT's form: the FIPS country code, followed
    for an Indonesian place by its province's code ("ID36" for Jayapura). The
    provinces created in 2022 are written as the province they were split
    from ("ID36" for Wamena in Papua Pegunungan), because GDELT's ADM1 list
    predates them (:func:`warta.admin_areas.gdelt_adm1`); the Record keeps the
    current province. A country is ``ActionGeo_Type`` 1 with the country code
    as its ADM1 code, an Indonesian province 5 (GDELT's WORLDSTATE), any other
    place 4.
"""

from __future__ import annotations

from datetime import date as _date
from functools import lru_cache
from typing import Iterable, Iterator, Mapping, Optional, Union

from ..admin_areas import gdelt_adm1, province_codes
from ..events_ontology import country_names, igos
from ..lang import load_lines
from ..record import Actor, Event, Record
from ._common import as_records, event_date, numeric_id

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{f}" for f in _ACTOR_FIELDS)
    + tuple(f"Actor2{f}" for f in _ACTOR_FIELDS)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"Actor2Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"ActionGeo_{f}" for f in _GEO_FIELDS)
    + ("DATEADDED", "SOURCEURL")
)
"""The GDELT 2.0 event table's 61 columns, in file order."""

# PLOVER renamed two CAMEO sector codes (manual, "Sector code notes", 4)
_PLOVER_TO_CAMEO_SECTOR = {"JRN": "MED", "MED": "HLH"}
_GDELT_COUNTRY = 1  # ActionGeo_Type: 1 country, 4 world city/place, 5 world state (province)
_GDELT_PLACE = 4
_GDELT_STATE = 5


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    return dict(line.split("\t")[:2] for line in load_lines("iso3_fips"))


@lru_cache(maxsize=1)
def _igo_codes() -> dict[str, str]:
    out: dict[str, str] = {}
    for short, cameo in igos().values():
        out.setdefault(short, cameo)  # the first line of a group is its general code
    return out


def _actor_cols(prefix: str, actor: Optional[Actor]) -> dict:
    cols = {f"{prefix}{f}": None for f in _ACTOR_FIELDS}
    if actor is None:
        return cols
    sector = _PLOVER_TO_CAMEO_SECTOR.get(actor.sector or "", actor.sector)
    named = igos().get(actor.text)
    igo = named[1] if named and named[0] == actor.country else _igo_codes().get(actor.country or "")
    if igo:
        cols[f"{prefix}Code"] = igo
        cols[f"{prefix}KnownGroupCode"] = actor.country
    else:
        cols[f"{prefix}Code"] = ((actor.country or "") + (sector or "")) or None
        cols[f"{prefix}CountryCode"] = actor.country
    cols[f"{prefix}Name"] = (actor.canonical or actor.text).upper()
    cols[f"{prefix}Type1Code"] = None if sector == "IGO" else sector
    return cols


def _geo_cols(event: Event) -> dict:
    cols = {f"ActionGeo_{f}": None for f in _GEO_FIELDS}
    loc = event.location
    if loc is None:
        cols["ActionGeo_Type"] = 0
        return cols
    name = loc.canonical or loc.text
    is_country = name in country_names() or loc.text in country_names()
    fips = _fips().get(loc.country or "")
    is_province = not is_country and bool(loc.adm1) and loc.adm1 in province_codes(name)
    cols.update({
        "ActionGeo_Type": _GDELT_COUNTRY if is_country else _GDELT_STATE if is_province else _GDELT_PLACE,
        "ActionGeo_FullName": name,
        "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": fips if is_country else gdelt_adm1(loc.adm1),
        "ActionGeo_Lat": loc.lat,
        "ActionGeo_Long": loc.lon,
    })
    return cols


def event_to_gdelt(record: Record, event: Event, index: int,
                   counts: Optional[tuple[int, int, int]] = None) -> dict:
    """One GDELT row (column -> value, every column of :data:`GDELT_COLUMNS`).

    Args:
        counts: ``(NumMentions, NumSources, NumArticles)`` of the happening the
            event reports, across the articles of its story
            (:func:`warta.store.stories.event_counts`); default: the event's
            mentions in its one article, one source, one article.
    """
    row = {c: None for c in GDELT_COLUMNS}
    day = event_date(event, record)
    row["GlobalEventID"] = numeric_id(record, index)
    if day:
        d = _date.fromisoformat(day)
        row["SQLDATE"] = d.strftime("%Y%m%d")
        row["MonthYear"] = d.strftime("%Y%m")
        row["Year"] = d.year
        row["FractionDate"] = round(d.year + (d.timetuple().tm_yday - 1) / 365.0, 4)
    row.update(_actor_cols("Actor1", event.actor[0] if event.actor else None))
    row.update(_actor_cols("Actor2", event.recipient[0] if event.recipient else None))
    code = event.cameo or ""
    row["IsRootEvent"] = 1 if event.sentence < 3 else 0
    row["EventCode"] = code or None
    row["EventBaseCode"] = code[:3] or None
    row["EventRootCode"] = code[:2] or None
    row["QuadClass"] = event.quad
    row["GoldsteinScale"] = goldstein(event.cameo)
    # alone, a happening is mentioned as often as its article mentions it (Event.mentions)
    row["NumMentions"], row["NumSources"], row["NumArticles"] = counts or (max(1, len(event.mentions)), 1, 1)
    row.update(_geo_cols(event))
    if record.published:
        row["DATEADDED"] = record.published.replace("-", "") + "000000"
    row["SOURCEURL"] = record.url
    return row


@lru_cache(maxsize=1)
def _goldstein_table() -> dict:
    from ..lang import load_json

    return {k: v["value"] for k, v in load_json("cameo_goldstein").items()}


def goldstein(cameo: Optional[str]) -> Optional[float]:
    """The Goldstein scale value of a CAMEO code (GDELT's table), else of its nearest parent code; None if none."""
    table = _goldstein_table()
    code = (cameo or "").strip()
    while code:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def records_to_gdelt_rows(records: Iterable[Union[Record, dict]],
                          counts: Optional[Mapping[tuple[str, int], tuple[int, int, int]]] = None) -> Iterator[dict]:
    """GDELT 2.0-style event rows for every event of every Record.

    Args:
        records: :class:`warta.Record` objects or their JSON dicts.
        counts: ``(record id, event index) -> (NumMentions, NumSources,
            NumArticles)``, from an archive's stories; events not in it count 1.

    Yields:
        Dicts keyed by :data:`GDELT_COLUMNS` (None where GDELT's field does not apply).
    """
    for rec in as_records(records):
        for i, ev in enumerate(rec.events):
            yield event_to_gdelt(rec, ev, i, counts.get((rec.id, i)) if counts else None)
