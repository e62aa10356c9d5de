"""The output data model: one ``Record`` per article, used by the CLI, the
API, the store and every export.

All offsets are Python string indices into ``Record.text``, end exclusive.
The field names follow the command-line contract in DESIGN.md; new fields
may be added, existing ones are never renamed.
"""

from __future__ import annotations

import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Offsets(_Model):
    """A span of ``Record.text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class TextSpan(Offsets):
    text: str


class Sentence(Offsets):
    pass


_ADM1 = "Province: GeoNames admin1 code, e.g. ID.36 (Indonesian places only)"
_PROVINCE = "Province name, e.g. Papua (Indonesian places only)"
_REGENCY = "Regency (kabupaten) or city (kota) when warta's place table knows it"


class Geo(_Model):
    lat: float
    lon: float
    geonameid: Optional[int] = None
    adm1: Optional[str] = Field(None, description=_ADM1)
    province: Optional[str] = Field(None, description=_PROVINCE)
    regency: Optional[str] = Field(None, description=_REGENCY)


class Entity(TextSpan):
    label: str = Field(description="PER, ORG, LOC, ...")
    canonical: str = Field(description="Fullest form of the name in the article")
    country: Optional[str] = Field(None, description="ISO 3166 alpha-3")
    geo: Optional[Geo] = None
    role: Optional[str] = None
    long_form: Optional[str] = Field(None, description="Expansion of an acronym, or the acronym of a long form")


class Speaker(TextSpan):
    canonical: str
    label: Optional[str] = None


class Cue(TextSpan):
    pass


class Quote(TextSpan):
    kind: Literal["direct", "indirect", "mixed"]
    speaker: Optional[Speaker] = None
    cue: Optional[Cue] = None


class TimeExpr(TextSpan):
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str = Field(description="TIMEX3 value, e.g. 2022-01-06, 2022-W01, P3D, XXXX-01-06")
    anchored: bool = Field(True, description="False when the value could not be resolved against a publication date")


Modifier = Literal["exact", "more_than", "less_than", "about", "at_least", "at_most", "range", "approx"]


class Quantity(TextSpan):
    value: Optional[float] = None
    min: Optional[float] = None
    max: Optional[float] = None
    modifier: Modifier = "exact"
    unit: Optional[str] = Field(None, description="ISO 4217 currency, 'percent', or a measure unit")
    counted: Optional[str] = None


class Actor(_Model):
    text: str
    canonical: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class Location(_Model):
    text: str
    canonical: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    start: Optional[int] = None
    end: Optional[int] = None
    adm1: Optional[str] = Field(None, description=_ADM1)
    province: Optional[str] = Field(None, description=_PROVINCE)
    regency: Optional[str] = Field(None, description=_REGENCY)


class EventMention(_Model):
    """One place an event is mentioned: its sentence, trigger and the participants read there."""

    sentence: int = Field(description="Index into Record.sentences")
    trigger: TextSpan
    mode: Optional[str] = Field(None, description="PLOVER mode this mention's trigger gives")
    actor: list["Actor"] = Field(default_factory=list)
    recipient: list["Actor"] = Field(default_factory=list)


class Event(_Model):
    type: str = Field(description="PLOVER event type")
    mode: Optional[str] = None
    cameo: Optional[str] = None
    quad: Optional[int] = Field(None, description="CAMEO quad class 1-4")
    sentence: int = Field(description="Index into Record.sentences")
    trigger: TextSpan
    actor: list[Actor] = Field(default_factory=list)
    recipient: list[Actor] = Field(default_factory=list)
    location: Optional[Location] = None
    date: Optional[str] = None
    date_source: Optional[Literal["text", "published"]] = None
    size: Optional[dict] = None
    negated: bool = False
    modality: Optional[Literal["asserted", "future", "hypothetical", "question", "obligation"]] = Field(
        "asserted", description="asserted (happened or under way), future (planned, announced), hypothetical "
                                "(condition, ability, wish), question, obligation; only asserted, non-negated "
                                "events happened")
    mentions: list[EventMention] = Field(
        default_factory=list, description="Every mention of this happening in the article, the first "
                                          "(``sentence``/``trigger`` above) included")


class Dateline(TextSpan):
    place: Optional[str] = None
    outlet: Optional[str] = None


class Record(_Model):
    """Everything warta extracted from one article."""

    id: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    language: str = "id"
    text: str
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    dateline: Optional[Dateline] = None
    credits: list[TextSpan] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    def to_json(self, pretty: bool = False) -> str:
        """Serialise with non-ASCII text kept readable."""
        return self.model_dump_json(indent=2 if pretty else None)


def json_schema() -> dict:
    """The JSON Schema of ``Record``."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "warta Record"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False)
