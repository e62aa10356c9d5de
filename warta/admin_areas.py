"""Indonesian provinces (ADM1) and regencies of places, from ``lang/admin_id.json``.

Pure table lookups, no spaCy: the ``geo`` component uses them to give a place
its province and regency, the archive to roll places up (``--place Papua``
finds events in Jayapura), and the GDELT export for its ADM1 column.

Codes are GeoNames admin1 codes written ``ID.36``. GeoNames has the four
provinces created in 2022 (``ID.PS`` Papua Selatan, ``ID.PT`` Papua Tengah,
``ID.PE`` Papua Pegunungan, ``ID.PD`` Papua Barat Daya); older tables (the
GeoNames export in ``../shared``, GDELT's ADM1 list) know their area as part
of Papua (``ID.36``) or Papua Barat (``ID.39``). warta records the current
province, :func:`province_codes` lets the old name find the new provinces,
and :func:`gdelt_adm1` writes the old code where GDELT would.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional

from .lang import load_json


class Admin(NamedTuple):
    """Where a place sits: its province's admin1 code and name, and its regency (None when unknown)."""

    adm1: str
    province: str
    regency: Optional[str]

    def as_dict(self) -> dict:
        return {"adm1": self.adm1, "province": self.province, "regency": self.regency}


class Province(NamedTuple):
    code: str
    name: str
    before_2022: Optional[str]
    forms: tuple[str, ...]


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_json("admin_id")


@lru_cache(maxsize=1)
def provinces() -> dict[str, Province]:
    """Every province by admin1 code, with the names the press uses for it."""
    aliases = {p["name"]: p["aliases"] for p in load_json("provinces_id")["provinces"]}
    return {code: Province(code, p["name"], p["before_2022"],
                           tuple([p["name"], "Provinsi " + p["name"], *aliases.get(p["name"], [])]))
            for code, p in _data()["provinces"].items()}


@lru_cache(maxsize=1)
def _province_by_form() -> dict[str, str]:
    return {form.casefold(): p.code for p in provinces().values() for form in p.forms}


def district_rows() -> list[list]:
    """Gazetteer rows (``places.json`` format, kind ``district``) for the hand-kept districts."""
    return _data()["places"]


def admin_of_row(row: list) -> Optional[Admin]:
    """The province and regency of a gazetteer row (``places.json`` format), or None.

    Only Indonesian rows have one; islands and regions ("Jawa") span several
    provinces and get None, as do towns GeoNames gives no province.
    """
    name, country, gid, kind = row[0], row[1], row[4], row[6]
    if country != "IDN":
        return None
    data = _data()
    if kind == "province":
        code = _province_by_form().get(name.casefold())
        regency = None
    elif gid is not None and str(gid) in data["towns"]:
        code, regency = data["towns"][str(gid)], None
    elif name in data["named"]:
        code, regency = data["named"][name]
    else:
        return None
    if code is None:
        return None
    return Admin(code, provinces()[code].name, regency)


def province_name(adm1: Optional[str]) -> Optional[str]:
    """The province called ``adm1`` ("ID.36" -> "Papua"), or None."""
    p = provinces().get(adm1 or "")
    return p.name if p else None


def province_codes(value: str) -> frozenset[str]:
    """Admin1 codes a place filter ``value`` names as a province: the province, and
    the provinces split from it in 2022 ("Papua" -> ID.36, ID.PS, ID.PT, ID.PE).

    Matches a province's name, its "Provinsi ..." form or a press alias
    ("Jatim"), case-insensitively; an admin1 code ("ID.36") names itself.
    """
    value = (value or "").strip()
    code = _province_by_form().get(value.casefold())
    if code is None and value.upper() in {c.upper() for c in provinces()}:
        code = next(c for c in provinces() if c.upper() == value.upper())
    if code is None:
        return frozenset()
    return frozenset({code} | {p.code for p in provinces().values() if p.before_2022 == code})


def gdelt_adm1(adm1: Optional[str]) -> Optional[str]:
    """GDELT's ADM1Code for a GeoNames admin1 code: FIPS country + province ("ID.36" -> "ID36").

    Indonesia's GeoNames admin1 codes are its FIPS 10-4 region codes; GDELT's
    list predates the 2022 provinces, so those get the code of the province
    they were split from ("ID.PE" -> "ID36"), which GDELT's own rows use there.
    """
    p = provinces().get(adm1 or "")
    if p is None:
        return None
    code = p.before_2022 or p.code
    return code.replace(".", "")
