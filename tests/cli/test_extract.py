"""``warta extract``: the JSON contract and every bad-input case, through the CLI."""

import json

import jsonschema
import pytest

from warta.cli import main
from warta.record import json_schema

TEXT = ("Jakarta - Menteri Keuangan Sri Mulyani mengatakan bahwa pemerintah akan menambah anggaran "
        "bantuan sosial sebesar Rp 2,5 triliun pada tahun depan. \"Kami siap membantu warga,\" kata dia "
        "kepada wartawan di Jakarta, Senin.")


def _record(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_extract_txt_prints_valid_record(runner, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    rec = _record(runner.invoke(main, ["extract", str(p), "--published", "2022-01-13", "--title", "Judul"]))
    jsonschema.validate(rec, json_schema())
    assert rec["text"] == TEXT and rec["published"] == "2022-01-13" and rec["title"] == "Judul"


def test_extract_stdin(runner):
    rec = _record(runner.invoke(main, ["extract", "-"], input=TEXT.encode()))
    assert rec["text"] == TEXT and rec["published"] is None


def test_extract_json_article(runner, tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps({"text": TEXT, "title": "T", "published": "2021-12-01", "url": "https://contoh.id/x"}))
    rec = _record(runner.invoke(main, ["extract", str(p)]))
    assert rec["title"] == "T" and rec["published"] == "2021-12-01" and rec["outlet"] == "contoh.id"


def test_extract_html_uses_page_title_and_date(runner, tmp_path):
    body = "".join(f"<p>{TEXT}</p>" for _ in range(3))
    html = (f"<html><head><title>Anggaran Bansos Naik</title>"
            f"<meta property='article:published_time' content='2022-01-10T08:00:00+07:00'></head>"
            f"<body><article><h1>Anggaran Bansos Naik</h1>{body}</article></body></html>")
    p = tmp_path / "a.html"
    p.write_text(html, encoding="utf-8")
    rec = _record(runner.invoke(main, ["extract", str(p)]))
    assert rec["title"] == "Anggaran Bansos Naik"
    assert rec["published"] == "2022-01-10"
    assert "Sri Mulyani" in rec["text"] and "<p>" not in rec["text"]


def test_extract_flags_override_html_metadata(runner, tmp_path):
    html = f"<html><head><title>Lama</title></head><body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>"
    p = tmp_path / "a.htm"
    p.write_text(html, encoding="utf-8")
    rec = _record(runner.invoke(main, ["extract", str(p), "--title", "Baru", "--published", "2020-02-02"]))
    assert rec["title"] == "Baru" and rec["published"] == "2020-02-02"


def test_extract_utf8_bom_and_latin1(runner, tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    assert _record(runner.invoke(main, ["extract", str(p)]))["text"] == TEXT
    latin = TEXT.replace("Jakarta", "Jakarta café")
    p2 = tmp_path / "latin.txt"
    p2.write_bytes(latin.encode("latin-1"))
    result = runner.invoke(main, ["extract", str(p2)])
    assert result.exit_code == 0, result.output
    assert "assumed" in result.stderr


@pytest.mark.parametrize("name,data,needle", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n  ", "empty"),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
    ("bad.json", b'{"text": "Presiden berkata', "malformed JSON"),
    ("notext.json", b'{"title": "x"}', "no 'text'"),
    ("nobody.html", b"<html><head><title>x</title></head><body><nav><a href='/'>Beranda</a></nav></body></html>", "no article body"),
    ("english.txt", b"The president said on Monday that the government would increase the social assistance budget "
                    b"next year, and that the people would be helped by the new programme.", "not look Indonesian"),
])
def test_extract_bad_input_exits_2_with_one_line(runner, tmp_path, name, data, needle):
    p = tmp_path / name
    p.write_bytes(data)
    result = runner.invoke(main, ["extract", str(p)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_extract_too_large(runner, tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes((TEXT + "\n").encode() * 50)
    result = runner.invoke(main, ["extract", str(p), "--max-bytes", "1000"])
    assert result.exit_code == 2 and "over the limit" in result.stderr


def test_extract_force_processes_non_indonesian(runner, tmp_path):
    p = tmp_path / "english.txt"
    p.write_text("The president said on Monday that the government would increase the budget next year for the people.")
    result = runner.invoke(main, ["extract", str(p), "--force"])
    assert result.exit_code == 0 and json.loads(result.stdout)["text"].startswith("The president")


def test_extract_missing_file(runner):
    result = runner.invoke(main, ["extract", "/nonexistent/x.txt"])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_schema_command_prints_schema(runner):
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "warta Record"
