"""Property tests (issue 20): whatever comes in, the answer is a Record or one InputError.

Arbitrary text (surrogates, control characters, NUL, quotes), nested JSON,
huge and non-finite numbers and wrong types go to ``warta.extract``, the
readers, the article field boundary, the FTS query builder and
``POST /api/extract``; any other exception (or an HTTP 500) fails. The gate
runs them derandomized with few examples (tests/conftest.py, profile
``gate``); ``WARTA_HYPOTHESIS=explore`` explores at random.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warta
from warta import errors
from warta._input import Article, article_from_mapping
from warta.readers import read_source
from warta.store import FtsQueryError, connect, match_expression, queries

# every code point, lone surrogates and control characters included
ANY_CHAR = st.characters(exclude_categories=())
SENTENCES = [  # written for these tests
    "Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada Senin (5/2/2024). ",
    "\"Kami akan bekerja keras,\" kata Menteri Pertanian kepada wartawan di Jakarta. ",
    "Harga beras naik 10 persen menjadi Rp 15.000 per kilogram dalam sepekan terakhir. ",
    "Polisi menangkap dua tersangka pencurian sepeda motor di Bekasi, Rabu malam.\n\n",
]
ODD = ["\x00", "\ud800", "\udfff", "\r\n", "\t", "\u200b", "\ufeff", "“", "”", "—", "\x85", "\u2028", "\n\n", '"']
TEXT = st.lists(st.one_of(st.sampled_from(SENTENCES), st.sampled_from(ODD), st.text(ANY_CHAR, max_size=15)),
                max_size=10).map("".join)
NUMBERS = st.one_of(st.integers(min_value=-10**40, max_value=10**40), st.floats(allow_nan=True, allow_infinity=True))
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, st.text(ANY_CHAR, max_size=20),
                    st.sampled_from(["2024-02-30", "2024-02-05", "kemarin", "", "1999-12-31T23:59:59Z"]))
JSON_VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                            st.dictionaries(st.text(max_size=5), inner, max_size=3)),
                           max_leaves=8)
FIELDS = ["text", "content", "body", "paragraphs", "title", "url", "source_url", "outlet", "source", "id",
          "published", "date"]
MAPPINGS = st.dictionaries(st.sampled_from(FIELDS), st.one_of(JSON_VALUES, TEXT), max_size=6)
BOUNDED = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])


def _offsets_hold(rec: warta.Record) -> None:
    for item in [*rec.entities, *rec.quotes, *rec.times, *rec.quantities]:
        assert 0 <= item.start <= item.end <= len(rec.text) and rec.text[item.start:item.end] == item.text


@BOUNDED
@given(text=TEXT, published=SCALARS, force=st.booleans())
def test_property_extract_gives_a_record_or_one_input_error(text, published, force):
    try:
        rec = warta.extract(text, published=published, force=force)
    except errors.InputError:
        return
    assert rec.text == text
    _offsets_hold(rec)


@BOUNDED
@given(obj=MAPPINGS)
def test_property_article_fields_are_checked_at_the_boundary(obj):
    try:
        art = article_from_mapping(obj)
    except errors.InputError as exc:
        assert str(exc).startswith("[W1") and "\n" not in str(exc)
        return
    for value in (art.text, art.title, art.url, art.outlet, art.id, art.published):
        assert value is None or isinstance(value, str)
        (value or "").encode("utf-8")  # raises on a lone surrogate
    assert art.published is None or len(art.published) == 10


def _payloads():
    as_json = MAPPINGS.map(lambda o: json.dumps(o).encode())
    deep = st.integers(1, 3000).map(lambda n: b'{"text": ' + b"[" * n + b"]" * n + b"}")
    encoded = TEXT.map(lambda t: t.encode("utf-8", errors="surrogatepass"))
    return st.one_of(as_json, deep, encoded, st.binary(max_size=200))


@BOUNDED
@given(data=_payloads(), suffix=st.sampled_from([".txt", ".json", ".jsonl", ".html", ".md", ".xml", ".rss",
                                                 ".parquet", ".warc", ".jsonl.gz"]))
def test_property_readers_yield_items_and_never_raise(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("r") / f"doc{suffix}"
    path.write_bytes(data)
    for item in read_source(path):
        assert (item.article is None) != (item.error is None)
        if item.article is not None:
            assert isinstance(item.article.text, str) and item.article.text.strip()
            item.article.text.encode("utf-8")  # raises on a lone surrogate


QUERY = st.lists(st.one_of(st.sampled_from(list('ab *"()^:-+{},.') + [" AND ", " OR ", " NOT ", "NEAR", "title:",
                                                                   "x:"]), st.text(ANY_CHAR, max_size=3)),
                 max_size=8).map("".join)


@BOUNDED
@given(q=QUERY)
def test_property_fts_query_is_a_match_expression_or_one_query_error(archive, q):
    try:
        expr = match_expression(q)
    except FtsQueryError:
        return
    assert isinstance(expr, str)
    conn = connect(archive, readonly=True)
    try:
        queries.search(conn, queries.SearchFilter(q=q))  # the real query runs, or the dry run had said no
    finally:
        conn.close()


@pytest.fixture
def client(archive):
    from fastapi.testclient import TestClient

    from warta.web import create_app

    with TestClient(create_app(archive, max_body_bytes=20_000)) as c:
        yield c


@BOUNDED
@given(body=st.one_of(_payloads(), st.fixed_dictionaries({"text": TEXT}, optional={
    "published": SCALARS, "title": SCALARS, "url": SCALARS, "force": st.booleans()}).map(
        lambda o: json.dumps(o).encode())))
def test_property_api_extract_answers_200_or_4xx_never_500(client, body):
    r = client.post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert r.status_code in (200, 413, 422), r.text[:300]
    if r.status_code == 200:
        _offsets_hold(warta.Record.model_validate(r.json()))


@BOUNDED
@given(q=st.text(st.one_of(st.sampled_from(list('ab *"()^:-')), st.characters(codec="utf-8")), max_size=25))
def test_property_api_search_answers_200_or_4xx_never_500(client, q):
    assert client.get("/api/search", params={"q": q}).status_code in (200, 400, 422)


def test_property_huge_and_odd_numbers_as_dates_are_input_errors():
    for value in (1e20, -1e20, 10**40, math.inf, -math.inf, math.nan, True, False, [2024], {"y": 2024}):
        with pytest.raises(errors.InputError):
            warta.extract(SENTENCES[0], published=value)
        with pytest.raises(errors.InputError):
            warta.extract(Article(text=SENTENCES[0], published=value))
