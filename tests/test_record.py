import json

import jsonschema

import warta
from warta.record import json_schema


def test_record_schema_is_valid_json_schema():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"] == "warta Record"
    for field in ["id", "url", "outlet", "title", "published", "language", "text", "sentences",
                  "entities", "quotes", "times", "quantities", "events"]:
        assert field in schema["properties"], field


def test_record_extract_validates_against_schema(demo):
    art = demo[0]
    rec = warta.extract(art["text"], published=art["published"], title=art["title"], url=art["url"])
    jsonschema.validate(json.loads(rec.to_json()), json_schema())
    assert rec.published == "2022-01-13"
    assert rec.title == art["title"]
    # sentences cover text and never start or end in whitespace
    for s in rec.sentences:
        chunk = rec.text[s.start:s.end]
        assert chunk and chunk == chunk.strip()


def test_record_extract_many_matches_extract(demo):
    many = list(warta.extract_many(demo[:3]))
    assert len(many) == len(demo[:3])
    one = warta.extract(demo[0]["text"], published=demo[0]["published"], title=demo[0]["title"], url=demo[0]["url"])
    assert many[0].model_dump(exclude={"id"}) == one.model_dump(exclude={"id"})
