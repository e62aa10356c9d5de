"""``warta export --format timeml``: one .tml per article, read back by ``warta eval timex`` with every value."""

import json

from warta.cli import main
from warta.export.timeml import record_to_timeml


def test_timeml_round_trips_through_eval_timex(runner, archive, tmp_path, samples):
    out = tmp_path / "tml"
    res = runner.invoke(main, ["export", "--format", "timeml", "--out", str(out), "--db", str(archive)])
    assert res.exit_code == 0, res.output
    files = sorted(out.glob("*.tml"))
    recs = samples.all_samples()
    assert len(files) == len(recs)
    res = runner.invoke(main, ["eval", "timex", str(out), "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output[res.output.index("{"):])
    n_times = sum(len(r.times) for r in recs)
    assert summary["gold"] == n_times > 0
    # the gold read back is what warta wrote; the scorer re-runs timex on the text, so only the gold side
    # is checked exactly here
    from warta.eval.timex import load_gold

    back = {d.id: d for d in load_gold(out)}
    for rec in recs:
        doc = next(d for d in back.values() if d.text == rec.text)
        assert doc.published == rec.published
        assert [(g["start"], g["end"], g["type"], g["value"]) for g in doc.items] == \
            [(t.start, t.end, t.type, t.value) for t in rec.times]


def test_timeml_escapes_text(samples):
    rec = samples.all_samples()[0].model_copy(update={"text": "A < B & C", "times": []})
    assert "A &lt; B &amp; C" in record_to_timeml(rec)


def test_timeml_needs_a_folder(runner, archive):
    res = runner.invoke(main, ["export", "--format", "timeml", "--db", str(archive)])
    assert res.exit_code == 2 and "folder" in res.output


def test_timeml_of_extracted_records_scores_every_value(runner, tmp_path):
    # written for this test: warta's own times, exported and re-scored, must all come back with their values
    import warta
    from warta.export.timeml import write_timeml

    texts = ["Banjir melanda Garut pada Senin (3/1/2022) pukul 09.30 WIB. Keesokan harinya warga mengungsi "
             "selama tiga hari, dan bantuan tiba pekan lalu.",
             "Rapat akan digelar Kamis di Bandung. Pemilu 2024 dibahas sejak Januari 2023."]
    recs = [warta.extract(t, published="2022-01-06") for t in texts]
    assert sum(len(r.times) for r in recs) >= 6
    write_timeml(recs, tmp_path)
    res = runner.invoke(main, ["eval", "timex", str(tmp_path), "--json"])
    summary = json.loads(res.output[res.output.index("{"):])
    assert summary["value"]["f1"] == 1.0 and summary["strict"]["f1"] == 1.0, summary
