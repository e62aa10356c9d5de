"""The language check: Indonesian passes (also name-heavy text), other languages do not."""

import pytest

from warta.config import settings
from warta.langid import is_indonesian

TEXTS = [
    ("Presiden mengatakan bahwa pemerintah akan menambah anggaran bantuan sosial pada tahun depan untuk warga.", True),
    # sports results: mostly names, few function words, still Indonesian
    ("SEOUL - Pasangan ganda campuran Praveen Jordan / Debby Susanto menang atas Chan Peng Soon / Goh Liu Ying "
     "21-19, 21-17. Tontowi Ahmad / Liliyana Natsir kalah dari Zheng Siwei / Chen Qingchen di babak kedua.", True),
    ("The president said on Monday that the government would increase the social assistance budget next year.", False),
    ("De minister zei maandag dat de regering het budget voor sociale bijstand volgend jaar zal verhogen.", False),
    ("Presiden ngendika yen pamarentah bakal nambahi anggaran bantuan sosial taun ngarep kanggo wong cilik.", False),
    ("Halo dunia.", True),  # too short to judge
]


@pytest.mark.parametrize("text,expected", TEXTS)
def test_langid_is_indonesian(text, expected):
    assert is_indonesian(text, settings.min_id_ratio) is expected


def test_langid_no_indosum_article_rejected(shared_data):
    from warta.corpus import iter_indosum

    rejected = [a["id"] for a in iter_indosum(shared_data / "corpus" / "indosum.jsonl")
                if not is_indonesian(a["text"], settings.min_id_ratio)]
    assert rejected == []
