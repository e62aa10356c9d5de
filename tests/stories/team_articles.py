"""Team-written articles with known stories (texts written for these tests; the happenings are invented).

Stories:
- ``banjir-cisarua``: a flash flood in Cisarua, Bogor, told by three outlets over two days;
- ``pasar-cibinong``: the same day, same regency and same regent, another happening (a market opens),
  told by two outlets: the hard case for grouping;
- ``None``: a football match in Jakarta the same day, alone.

``FLOOD_TOLL_12`` and ``FLOOD_TOLL_15`` are two reports of the flood that agree on everything but
the number of dead; ``FLOOD_AGREES`` agrees with ``FLOOD_TOLL_12``.
"""

from __future__ import annotations

FLOOD_TOLL_12 = {
    "url": "https://kabarsatu.example/2024/03/04/banjir-bandang-cisarua",
    "outlet": "kabarsatu.example",
    "title": "Banjir Bandang Terjang Cisarua, 12 Orang Tewas",
    "published": "2024-03-04",
    "story": "banjir-cisarua",
    "text": (
        "Banjir bandang menerjang Kecamatan Cisarua, Kabupaten Bogor, Jawa Barat, pada Senin (4/3/2024) dini hari. "
        "Sebanyak 12 orang tewas dan puluhan rumah di bantaran Sungai Ciliwung hanyut terbawa arus.\n"
        "Kepala Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Bogor, Andi Saputra, mengatakan tim SAR "
        "gabungan masih mencari korban yang hilang. \"Arus sungai sangat deras sejak pukul tiga pagi, warga tidak "
        "sempat menyelamatkan diri,\" kata Andi di posko pengungsian Cisarua.\n"
        "Menurut Andi, hujan lebat mengguyur kawasan Puncak sejak Minggu sore sehingga debit Sungai Ciliwung naik "
        "drastis. Sebanyak 300 warga kini mengungsi di masjid dan sekolah terdekat.\n"
        "Bupati Bogor, Rina Marlina, meninjau lokasi banjir bandang dan meminta warga di bantaran sungai waspada "
        "terhadap banjir susulan."
    ),
}

FLOOD_TOLL_15 = {
    "url": "https://beritadua.example/daerah/banjir-cisarua-bogor",
    "outlet": "beritadua.example",
    "title": "Korban Banjir Bandang Cisarua Bertambah",
    "published": "2024-03-04",
    "story": "banjir-cisarua",
    "text": (
        "BOGOR - Korban banjir bandang di Kecamatan Cisarua, Kabupaten Bogor, terus bertambah. Hingga Senin siang, "
        "sebanyak 15 orang tewas akibat terjangan air bah dari hulu Sungai Ciliwung.\n"
        "\"Arus sungai sangat deras sejak pukul tiga pagi, warga tidak sempat menyelamatkan diri,\" ujar Kepala BPBD "
        "Kabupaten Bogor Andi Saputra kepada wartawan.\n"
        "Tim SAR gabungan dari Basarnas, TNI, dan Polri menyisir bantaran sungai untuk mencari warga yang hilang. "
        "Hujan lebat di kawasan Puncak sejak Minggu sore membuat debit sungai naik tajam.\n"
        "Ratusan warga Cisarua mengungsi ke masjid dan sekolah. Bupati Bogor Rina Marlina meninjau posko pengungsian "
        "dan menjanjikan bantuan logistik bagi korban banjir bandang."
    ),
}

FLOOD_AGREES = {
    "url": "https://tigawarta.example/peristiwa/banjir-bandang-cisarua-puncak",
    "outlet": "tigawarta.example",
    "title": "Banjir Bandang di Puncak Bogor Tewaskan 12 Warga",
    "published": "2024-03-05",
    "story": "banjir-cisarua",
    "text": (
        "Banjir bandang yang menerjang Kecamatan Cisarua, Kabupaten Bogor, pada Senin dini hari menewaskan 12 warga. "
        "Sebanyak 12 orang tewas, sebagian besar tinggal di bantaran Sungai Ciliwung.\n"
        "Kepala BPBD Kabupaten Bogor, Andi Saputra, menyebut hujan lebat di kawasan Puncak sejak Minggu sore "
        "membuat debit sungai naik drastis. Tim SAR gabungan masih menyisir sungai pada Selasa.\n"
        "Ratusan warga Cisarua bertahan di posko pengungsian. Bupati Bogor Rina Marlina meminta warga bantaran "
        "sungai waspada banjir bandang susulan selama musim hujan."
    ),
}

MARKET_1 = {
    "url": "https://kabarsatu.example/2024/03/04/pasar-cibinong-diresmikan",
    "outlet": "kabarsatu.example",
    "title": "Bupati Bogor Resmikan Pasar Rakyat Cibinong",
    "published": "2024-03-04",
    "story": "pasar-cibinong",
    "text": (
        "Bupati Bogor, Rina Marlina, meresmikan Pasar Rakyat Cibinong di Kabupaten Bogor, Jawa Barat, Senin "
        "(4/3/2024). Pasar dua lantai itu menampung 450 kios pedagang sayur, daging, dan kebutuhan pokok.\n"
        "\"Pedagang tidak lagi berjualan di bahu jalan, dan pembeli bisa berbelanja dengan nyaman,\" kata Rina "
        "saat menggunting pita peresmian.\n"
        "Pembangunan pasar menelan anggaran Rp 38 miliar dari APBD Kabupaten Bogor. Kepala Dinas Perdagangan, "
        "Hendra Wijaya, mengatakan kios diberikan kepada pedagang lama tanpa biaya sewa selama enam bulan pertama."
    ),
}

MARKET_2 = {
    "url": "https://beritadua.example/ekonomi/pasar-rakyat-cibinong-resmi-dibuka",
    "outlet": "beritadua.example",
    "title": "Pasar Rakyat Cibinong Resmi Dibuka, Pedagang Gratis Sewa Kios",
    "published": "2024-03-04",
    "story": "pasar-cibinong",
    "text": (
        "CIBINONG - Pasar Rakyat Cibinong resmi dibuka oleh Bupati Bogor Rina Marlina pada Senin pagi. Sebanyak "
        "450 kios di pasar dua lantai itu diisi pedagang lama yang sebelumnya berjualan di bahu jalan.\n"
        "Kepala Dinas Perdagangan Kabupaten Bogor, Hendra Wijaya, menyebut pedagang tidak membayar sewa kios "
        "selama enam bulan pertama. Pembangunan pasar memakan anggaran Rp 38 miliar.\n"
        "\"Pembeli bisa berbelanja dengan nyaman, pedagang juga lebih tertib,\" ujar Rina usai meninjau los "
        "sayur dan daging di lantai dasar."
    ),
}

FOOTBALL = {
    "url": "https://olahraga.example/liga/persija-menang-di-gbk",
    "outlet": "olahraga.example",
    "title": "Persija Tundukkan Persib 2-1 di GBK",
    "published": "2024-03-04",
    "story": None,
    "text": (
        "JAKARTA - Persija Jakarta menundukkan Persib Bandung dengan skor 2-1 di Stadion Utama Gelora Bung Karno, "
        "Senin malam. Gol kemenangan dicetak Marko Simic pada menit ke-88 lewat sundulan.\n"
        "Pelatih Persija, Thomas Doll, memuji kerja keras lini tengah timnya. \"Anak-anak bermain disiplin sampai "
        "peluit akhir,\" kata Doll dalam jumpa pers seusai laga.\n"
        "Kemenangan itu membawa Persija naik ke peringkat ketiga klasemen sementara Liga 1."
    ),
}

ALL = [FLOOD_TOLL_12, FLOOD_TOLL_15, FLOOD_AGREES, MARKET_1, MARKET_2, FOOTBALL]
