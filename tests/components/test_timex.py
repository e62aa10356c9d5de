"""Rule tests for the ``timex`` component: team-written Indonesian sentences.

The publication date in most tables is Thursday 13 January 2022 (ISO week 2).
"""

from __future__ import annotations

import pytest

from warta.components.timex import find_times

DCT = "2022-01-13"  # a Thursday


def _one(text: str, published=DCT) -> dict:
    times = find_times(text, published)
    assert len(times) == 1, times
    return times[0]


@pytest.mark.parametrize("text,span,kind,value", [
    # full and partial dates
    ("Pasukan itu tiba pada 6 Januari.", "6 Januari", "DATE", "2022-01-06"),
    ("Pasukan itu tiba pada 6 Januari 2022.", "6 Januari 2022", "DATE", "2022-01-06"),
    ("Harga naik sejak Januari lalu.", "Januari lalu", "DATE", "2022-01"),
    ("Proyek itu rampung akhir Januari.", "akhir Januari", "DATE", "2022-01"),
    ("Pabrik dibuka awal 2022.", "awal 2022", "DATE", "2022"),
    ("Surat itu bertanggal 13/1/2022.", "13/1/2022", "DATE", "2022-01-13"),
    ("Rapat digelar di Jakarta (13/1).", "(13/1)", "DATE", "2022-01-13"),
    ("Ia tiba di Almaty, Rabu (12/1/2022).", "Rabu (12/1/2022)", "DATE", "2022-01-12"),
    ("Ia berbicara di Bogor, Kamis (18/8/2016).", "Kamis (18/8/2016)", "DATE", "2016-08-18"),
    ("Acara itu digelar pada 28 Desember.", "28 Desember", "DATE", "2021-12-28"),
    ("Sidang dilanjutkan 27 Januari mendatang.", "27 Januari mendatang", "DATE", "2022-01-27"),
    ("Laporan itu terbit pada kuartal I 2021.", "kuartal I 2021", "DATE", "2021-Q1"),
    ("Pasar membaik pada semester kedua tahun lalu.", "semester kedua tahun lalu", "DATE", "2021-H2"),
    ("Musik itu populer pada tahun 1990-an.", "tahun 1990-an", "DATE", "199"),
    # weekdays: most recent on or before publication, the same day when equal
    ("Tokayev berpidato Rabu di televisi.", "Rabu", "DATE", "2022-01-12"),
    ("Pasukan mulai mundur Kamis.", "Kamis", "DATE", "2022-01-13"),
    ("Bentrokan terjadi Jumat malam.", "Jumat malam", "TIME", "2022-01-07TNI"),
    ("Ia sudah tiba Rabu lalu.", "Rabu lalu", "DATE", "2022-01-12"),
    ("Ia tiba Kamis lalu.", "Kamis lalu", "DATE", "2022-01-06"),
    ("Ia akan kembali Kamis depan.", "Kamis depan", "DATE", "2022-01-20"),
    ("Rapat digelar Senin pekan depan.", "Senin pekan depan", "DATE", "2022-01-17"),
    ("Ia dijadwalkan tiba hari Minggu.", "hari Minggu", "DATE", "2022-01-16"),
    # relative days, weeks, months, years
    ("Bandara dibuka kembali hari ini.", "hari ini", "DATE", "2022-01-13"),
    ("Ia ditangkap kemarin di rumahnya.", "kemarin", "DATE", "2022-01-12"),
    ("Sidang akan digelar besok di Jakarta.", "besok", "DATE", "2022-01-14"),
    ("Ia akan dilantik lusa di istana.", "lusa", "DATE", "2022-01-15"),
    ("Demo besar terjadi pekan lalu di Almaty.", "pekan lalu", "DATE", "2022-W01"),
    ("Rapat itu berlangsung minggu lalu.", "minggu lalu", "DATE", "2022-W01"),
    ("Rapat dijadwalkan pekan depan.", "pekan depan", "DATE", "2022-W03"),
    ("Keputusan diambil pekan ini.", "pekan ini", "DATE", "2022-W02"),
    ("Inflasi turun bulan lalu.", "bulan lalu", "DATE", "2021-12"),
    ("Pemilu digelar tahun depan.", "tahun depan", "DATE", "2023"),
    ("Ia tiba dua hari lalu di Almaty.", "dua hari lalu", "DATE", "2022-01-11"),
    ("Kabar itu beredar sepekan lalu.", "sepekan lalu", "DATE", "2022-W01"),
    ("Kerusuhan terjadi pada akhir pekan lalu.", "akhir pekan lalu", "DATE", "2022-W01-WE"),
    ("Hal itu sudah dibahas baru-baru ini.", "baru-baru ini", "DATE", "PAST_REF"),
    # parts of day and clock times
    ("Ledakan terdengar tadi pagi di pasar.", "tadi pagi", "TIME", "2022-01-13TMO"),
    ("Serangan terjadi Sabtu dini hari.", "Sabtu dini hari", "TIME", "2022-01-08TMO"),
    ("Pesawat mendarat pukul 14.00 WIB.", "pukul 14.00 WIB", "TIME", "2022-01-13T14:00+07:00"),
    ("Sidang dimulai 14:30 WITA di Makassar.", "14:30 WITA", "TIME", "2022-01-13T14:30+08:00"),
    ("Gempa terjadi pukul 09.15 WIT di Ambon.", "pukul 09.15 WIT", "TIME", "2022-01-13T09:15+09:00"),
    ("Ia tiba pukul 8 malam.", "pukul 8 malam", "TIME", "2022-01-13T20:00"),
    # durations
    ("Ia dirawat selama seminggu.", "seminggu", "DURATION", "P1W"),
    ("Ia ditahan dua tahun di Moskow.", "dua tahun", "DURATION", "P2Y"),
    ("Bandara ditutup 24 jam penuh.", "24 jam", "DURATION", "PT24H"),
    ("Harga naik dalam tiga pekan terakhir.", "tiga pekan terakhir", "DURATION", "P3W"),
    ("Pasukan bertugas sepekan di sana.", "sepekan", "DURATION", "P1W"),
    ("Ia menunggu satu setengah tahun.", "satu setengah tahun", "DURATION", "P1.5Y"),
    # a fraction of a century is written in years, as annotators write it; whole centuries stay centuries
    ("Satelit itu mengorbit lebih dari setengah abad.", "setengah abad", "DURATION", "P50Y"),
    ("Ia hidup dalam tiga abad.", "tiga abad", "DURATION", "P3CE"),
    ("Negosiasi berlangsung berbulan-bulan.", "berbulan-bulan", "DURATION", "PXM"),
    ("Negara itu berpuluh-puluh tahun dikungkung sanksi.", "berpuluh-puluh tahun", "DURATION", "PXY"),
    ("Beratus - ratus tahun lamanya candi itu terkubur.", "Beratus - ratus tahun", "DURATION", "PXY"),
    ("Waktunya 1 menit 23,5 detik.", "1 menit 23,5 detik", "DURATION", "PT1M23.5S"),
    # sets
    ("Pasar itu buka setiap Senin.", "setiap Senin", "SET", "XXXX-WXX-1"),
    ("Gajinya Rp 2 juta per bulan.", "per bulan", "SET", "P1M"),
    ("Ia minum obat dua kali sehari.", "dua kali sehari", "SET", "P1D"),
])
def test_timex_normalizes_against_publication_date(text, span, kind, value):
    t = _one(text)
    assert (t["text"], t["type"], t["value"], t["anchored"]) == (span, kind, value, True)
    assert text[t["start"]:t["end"]] == span


@pytest.mark.parametrize("text,spans", [
    ("Rapat digelar pukul 11.00 hingga 13.30 WIB.", [("pukul 11.00", "2022-01-13T11:00+07:00"),
                                                      ("13.30 WIB", "2022-01-13T13:30+07:00")]),
    ("Festival digelar 1 - 4 Juli 2022.", [("1", "2022-07-01"), ("4 Juli 2022", "2022-07-04")]),
    ("Ia tiba Rabu (12/1) pagi dan bicara pukul 10.00 WIB.", [("Rabu (12/1) pagi", "2022-01-12TMO"),
                                                              ("pukul 10.00 WIB", "2022-01-12T10:00+07:00")]),
    ("Hari ini (12/1) ia diperiksa.", [("Hari ini (12/1)", "2022-01-12")]),
    # a range whose second day is glued to the dash
    ("Pameran digelar 10-12 Januari 2018.", [("10", "2018-01-10"), ("12 Januari 2018", "2018-01-12")]),
    ("Pameran digelar 10–12 Februari.", [("10", "2022-02-10"), ("12 Februari", "2022-02-12")]),
    # New Year's Eve: the one nearest the article's date, or the one before the year written
    ("Jalur itu ditutup pada malam tahun baru.", [("malam tahun baru", "2021-12-31TNI")]),
    ("Warga yang bermalam tahun baru di Puncak diminta waspada.", [("bermalam tahun baru", "2021-12-31TNI")]),
    ("Polisi berjaga pada malam pergantian tahun 2020.", [("malam pergantian tahun", "2019-12-31TNI"),
                                                           ("2020", "2020")]),
    # "lalu" and "mendatang" pick the eve before or after the article's date
    ("Jalur itu ditutup pada malam tahun baru lalu.", [("malam tahun baru lalu", "2021-12-31TNI")]),
    ("Jalur itu akan ditutup pada malam tahun baru mendatang.", [("malam tahun baru mendatang", "2022-12-31TNI")]),
    # "tahun baru" alone is no night
    ("Harga naik menjelang tahun baru.", []),
    # a range or pair of durations writes its unit once: the first number has it too
    ("Guru mengajar 24 - 40 jam di kelas.", [("24", "PT24H"), ("40 jam", "PT40H")]),
    ("Keduanya dituntut tujuh dan lima tahun penjara.", [("tujuh", "P7Y"), ("lima tahun", "P5Y")]),
    ("Proyek itu selesai dalam 2 hingga 3 minggu.", [("2", "P2W"), ("3 minggu", "P3W")]),
    ("Kegiatan itu berdurasi dua sampai dengan tiga tahun.", [("dua", "P2Y"), ("tiga tahun", "P3Y")]),
    # ... but not an age, which is a quantity, nor two times counted from now
    ("Anak usia 6-10 tahun ikut lomba.", []),
    ("Banjir serupa melanda kota itu dua dan tiga tahun lalu.", [("tiga tahun lalu", "2019")]),
    ("Bayi berusia 6 - 9 bulan wajib diimunisasi.", [("9 bulan", "P9M")]),
    # a century before Christ has no TIMEX3 value here
    ("Prasasti itu berasal dari abad ke-5 sebelum Masehi.", []),
    # a century: "18" is the 1800s
    ("Ia orang terakhir yang lahir pada abad ke-19.", [("abad ke-19", "18")]),
    ("Kota itu dibangun pada abad ke - 16 oleh pedagang.", [("abad ke - 16", "15")]),
])
def test_timex_ranges_and_anchors(text, spans):
    assert [(t["text"], t["value"]) for t in find_times(text, DCT)] == spans


@pytest.mark.parametrize("text,value,anchored", [
    ("Pasukan tiba pada 6 Januari.", "XXXX-01-06", False),
    ("Pasukan tiba pada 6 Januari 2022.", "2022-01-06", True),
    ("Ia tiba Rabu lalu.", "XXXX-WXX-3", False),
    ("Kerusuhan terjadi pekan lalu.", "XXXX-WXX", False),
    ("Ia ditangkap kemarin.", "XXXX-XX-XX", False),
    ("Ia dirawat selama seminggu.", "P1W", True),
    ("Pasar buka setiap Senin.", "XXXX-WXX-1", True),
])
def test_timex_without_publication_date_never_guesses(text, value, anchored):
    t = _one(text, published=None)
    assert (t["value"], t["anchored"]) == (value, anchored)


@pytest.mark.parametrize("text", [
    "Skor akhir 2-1 untuk tuan rumah.",
    "Ia mencetak gol pada menit ke-18.",
    "Mereka memakai sepatu ukuran 42.",
    "Pria berusia 45 tahun itu ditahan.",  # an age: a quantity, not a duration (ANNOTATION.md)
    "Korban, Andi (26 tahun), dirawat.",
    "Penjualan mencapai 2.000 unit.",
    "Mei Ling menyanyi di panggung.",
    "Minggu depan",  # no publication date: still found, but unanchored
])
def test_timex_ignores_non_times(text):
    times = find_times(text, DCT if text != "Minggu depan" else None)
    if text == "Minggu depan":
        assert [t["anchored"] for t in times] == [False]
    else:
        assert times == []


@pytest.mark.parametrize("text, published, expected", [
    # a date and the clock time written with it are one TIME
    ("Gempa terjadi Minggu (28/12/2014) pukul 06.18 WIB di laut.", "2014-12-30",
     [("Minggu (28/12/2014) pukul 06.18 WIB", "2014-12-28T06:18+07:00")]),
    ("Rombongan tiba Ahad (3/9/2017) malam sekitar pukul 11.15 waktu setempat.", "2017-09-04",
     [("Ahad (3/9/2017) malam sekitar pukul 11.15 waktu setempat", "2017-09-03T23:15")]),
    ("Banjir datang Senin, 13 Juli 2020, sekitar pukul 20.00 WITA.", "2020-07-14",
     [("Senin, 13 Juli 2020, sekitar pukul 20.00 WITA", "2020-07-13T20:00+08:00")]),
    ("Kapal berangkat pukul 10.00 WIB, Senin (3/1).", "2022-01-05", [("pukul 10.00 WIB, Senin (3/1)", "2022-01-03T10:00+07:00")]),
    # the day being narrated moves with the story
    ("Kapal tenggelam Kamis (3/1). Keesokan harinya tim SAR datang. Malam itu hujan turun.", "2019-01-07",
     [("Kamis (3/1)", "2019-01-03"), ("Keesokan harinya", "2019-01-04"), ("Malam itu", "2019-01-04TNI")]),
    ("Longsor terjadi 17 Maret 2019. Pada sore hari hujan deras turun lagi.", "2019-03-20",
     [("17 Maret 2019", "2019-03-17"), ("sore hari", "2019-03-17TAF")]),
    ("Polisi datang 5 Mei 2021. Di hari yang sama tersangka ditangkap.", "2021-05-09",
     [("5 Mei 2021", "2021-05-05"), ("hari yang sama", "2021-05-05")]),
    # inside a quotation, "kemarin" counts from the day the quote was said
    ("“Baru kemarin saya perintahkan,” kata Kapolri, Rabu (30/9).", "2015-10-01",
     [("kemarin", "2015-09-29"), ("Rabu (30/9)", "2015-09-30")]),
    ("“Kami tiba kemarin,” katanya.", "2015-10-01", [("kemarin", "2015-09-30")]),
    # future words make a bare weekday the coming one; a weekday said of a date takes it
    ("Sidang akan digelar Senin di pengadilan.", "2024-01-31", [("Senin", "2024-02-05")]),
    ("Rapat dijadwalkan Rabu.", "2024-01-31", [("Rabu", "2024-01-31")]),
    ("Pemungutan suara 14 Februari 2024 jatuh pada hari Rabu.", "2024-01-01",
     [("14 Februari 2024", "2024-02-14"), ("hari Rabu", "2024-02-14")]),
    ("Pasukan tiba pada 6 Januari dan mundur Kamis.", "2022-01-13", [("6 Januari", "2022-01-06"), ("Kamis", "2022-01-13")]),
    # a month takes the year of the month coordinated with it
    ("Suap terjadi sekira Juli dan Agustus 2010.", "2017-09-28", [("Juli", "2010-07"), ("Agustus 2010", "2010-08")]),
    # years: ranges are two times, years inside names are times
    ("Ia anggota DK PBB periode 2019-2020.", "2018-06-08", [("2019", "2019"), ("2020", "2020")]),
    ("Ia menjabat 2014 - sekarang.", "2018-06-08", [("2014", "2014"), ("sekarang", "PRESENT_REF")]),
    ("Gugatan atas UU Nomor 7 Tahun 2017 dan UUD 1945 jelang Pemilu 2024.", "2023-06-15",
     [("Tahun 2017", "2017"), ("1945", "1945"), ("2024", "2024")]),
    ("Ia dijerat Pasal 2019 ayat 1.", "2023-06-15", []),
    # the year of a numbered law or decree is a time; a bare number over a year is not read as one
    ("Ia dijerat pasal 81 UU No.35/2014 tentang Perlindungan Anak.", "2023-06-15", [("2014", "2014")]),
    ("Keputusan Menteri Nomor 4/2014 mengatur hal itu.", "2023-06-15", [("2014", "2014")]),
    ("Pemerintah menerbitkan Perppu 2/2017 tentang ormas.", "2023-06-15", [("2017", "2017")]),
    # the law's short name in brackets before its number, and the common spelling "Nomer"
    ("Pemerintah menerbitkan Peraturan Pengganti Undang - undang (Perppu) 2/2017 tentang ormas.", "2023-06-15",
     [("2017", "2017")]),
    ("MA membatalkan Pergub DKI Jakarta Nomer 195/ 2014 tentang pembatasan sepeda motor.", "2023-06-15",
     [("2014", "2014")]),
    ("Harga naik sejak 2/2017 lalu.", "2023-06-15", []),
    # holidays: Indonesia's official date of that year
    ("Mudik jelang Lebaran tahun ini ramai.", "2024-03-20", [("Lebaran tahun ini", "2024-04-10")]),
    ("Pasar tutup saat Idul Adha 2019 dan Nyepi 2024.", "2024-01-05",
     # the feast's day, and the year inside its name as a time of its own ("Pemilu 2024" -> "2024")
     [("Idul Adha", "2019-08-11"), ("2019", "2019"), ("Nyepi", "2024-03-11"), ("2024", "2024")]),
    ("Perayaan Imlek berlangsung meriah.", "2022-02-02", [("Imlek", "2022-02-01")]),
    ("Ia pulang ke kota natal ayahnya.", "2022-02-02", []),
    # written in lower case, a feast that is no common word is still the feast; a greeting is no time
    ("Harga cabai naik menjelang lebaran.", "2024-03-20", [("lebaran", "2024-04-10")]),
    ("Warga saling mengucapkan selamat Natal dan selamat Lebaran.", "2024-03-20", []),
    # national days on a fixed date
    ("Diskon digelar untuk memperingati Hari Kartini.", "2023-04-10", [("Hari Kartini", "2023-04-21")]),
    ("Upacara Hari Pahlawan 2019 berlangsung khidmat.", "2023-04-10",
     [("Hari Pahlawan", "2019-11-10"), ("2019", "2019")]),
    # a market day in a place name is no day
    ("Banjir melanda Pasar Minggu dan Jalan Senen.", "2022-02-02", []),
    # "setengah N": half an hour before N
    ("Tim bekerja sejak jam setengah 11 malam.", "2017-12-12", [("jam setengah 11 malam", "2017-12-12T22:30")]),
    ("Ia tiba pukul setengah 8 pagi.", "2017-12-12", [("pukul setengah 8 pagi", "2017-12-12T07:30")]),
    # a month without a year takes the year its sentence is about; after a range word, the next one
    ("Aturan itu berlaku mulai 10 April 2017 sampai September.", "2017-04-12",
     [("10 April 2017", "2017-04-10"), ("September", "2017-09")]),
    ("Kontrak berlaku dari November 2016 hingga Februari.", "2017-04-12",
     [("November 2016", "2016-11"), ("Februari", "2017-02")]),
    # deadlines in hours, deictic references
    ("Tersangka diberi waktu 1x24 jam.", "2022-02-02", [("1x24 jam", "PT24H")]),
    ("Saat ini harga naik, dulu murah, nanti turun.", "2022-02-02",
     [("Saat ini", "PRESENT_REF"), ("dulu", "PAST_REF"), ("nanti", "FUTURE_REF")]),
    # "minggu" in lower case after "tiap" is a week; capitalised, or after "hari", a Sunday
    ("Kami bertemu tiap minggu.", "2024-03-07", [("tiap minggu", "P1W")]),
    ("Pasar dibuka setiap Minggu.", "2024-03-07", [("setiap Minggu", "XXXX-WXX-7")]),
    ("Pasar dibuka setiap hari minggu.", "2024-03-07", [("setiap hari minggu", "XXXX-WXX-7")]),
    # a month or part of day told of what usually happens is generic (no year, no day)
    ("Pulau itu biasanya terendam banjir pada Juni hingga September.", "2017-09-06",
     [("Juni", "XXXX-06"), ("September", "XXXX-09")]),
    ("Jalan itu biasanya gelap pada malam hari.", "2017-09-06", [("malam hari", "XXXX-XX-XXTNI")]),
    ("Banjir melanda pulau itu pada Juni lalu, seperti biasanya.", "2017-09-06", [("Juni lalu", "2017-06")]),
    ("Malam itu hujan turun dan warga biasanya berjaga.", "2017-09-06", [("Malam itu", "2017-09-06TNI")]),
    # weekdays written before the dates they name in brackets are those dates, not times of their own
    ("Kereta tambahan beroperasi Senin - Kamis (4 - 7 Maret).", "2024-03-01", [("4", "2024-03-04"),
                                                                                ("7 Maret", "2024-03-07")]),
    ("Tiket untuk hari Selasa -Rabu (5 - 6 Maret) habis.", "2024-03-01", [("5", "2024-03-05"),
                                                                           ("6 Maret", "2024-03-06")]),
    # a weekday range with no bracketed date keeps its weekdays
    ("Pameran dibuka Senin - Kamis.", "2024-03-07", [("Senin", "2024-03-04"), ("Kamis", "2024-03-07")]),
    # a period counted back inside a quotation counts from the day the quote was said
    ('"Gelar perkara kami lakukan dua minggu yang lalu," kata Kombes Budi, Sabtu (30/9).', "2017-10-02",
     [("dua minggu yang lalu", "2017-W37"), ("Sabtu (30/9)", "2017-09-30")]),
    ('Gelar perkara dilakukan dua minggu yang lalu, kata Kombes Budi, Sabtu (30/9).', "2017-10-02",
     [("dua minggu yang lalu", "2017-W38"), ("Sabtu (30/9)", "2017-09-30")]),
    # parts of day with "tadi" after them, and later today with "nanti"
    ("Pada malam tadi undang-undang itu disahkan.", "2017-07-21", [("malam tadi", "2017-07-20TNI")]),
    ("Kami harap sudah ada kesimpulan nanti sore.", "2017-07-21", [("nanti sore", "2017-07-21TAF")]),
    ("Rapat lanjutan digelar malam nanti.", "2017-07-21", [("malam nanti", "2017-07-21TNI")]),
    # a clock time of what is to come hangs on the event's day, not on the day the plan was told
    ('Festival itu digelar pada Sabtu (26/8). "Pesertanya banyak," ujar Rina, Jumat (25/8). Acara akan '
     'dimulai pukul 14.00 WIB.', "2017-08-25",
     [("Sabtu (26/8)", "2017-08-26"), ("Jumat (25/8)", "2017-08-25"), ("pukul 14.00 WIB", "2017-08-26T14:00+07:00")]),
    # ... but a clock time of what happened hangs on the last day told
    ('Festival itu digelar pada Sabtu (26/8). "Pesertanya banyak," ujar Rina, Jumat (25/8). Rapat panitia '
     'dimulai pukul 14.00 WIB.', "2017-08-25",
     [("Sabtu (26/8)", "2017-08-26"), ("Jumat (25/8)", "2017-08-25"), ("pukul 14.00 WIB", "2017-08-25T14:00+07:00")]),
    # ... and a day far from the last one told is no candidate
    ('Festival pertama digelar 10 Maret 2015. "Pesertanya banyak," ujar Rina, Jumat (25/8/2017). Acara akan '
     'dimulai pukul 14.00 WIB.', "2017-08-25",
     [("10 Maret 2015", "2015-03-10"), ("Jumat (25/8/2017)", "2017-08-25"),
      ("pukul 14.00 WIB", "2017-08-25T14:00+07:00")]),
    # a year or month referred back to is the one told before it; with none told, nothing; a counted one is a duration
    ("Pada 2016 pabrik itu merugi. Meski begitu, di tahun itu jumlah karyawan bertambah.", "2018-03-01",
     [("2016", "2016"), ("tahun itu", "2016")]),
    ("Banjir besar datang pada Maret 2017. Bulan tersebut menjadi bulan terbasah.", "2018-03-01",
     [("Maret 2017", "2017-03"), ("Bulan tersebut", "2017-03")]),
    ("Di tahun itu jumlah karyawan bertambah.", "2018-03-01", []),
    # a day counted from the article's ("kemarin") tells no year of the story's own
    ("Ia lulus pada 2015. Kemarin, ia bercerita tentang tahun itu.", "2018-03-01",
     [("2015", "2015"), ("Kemarin", "2018-02-28"), ("tahun itu", "2015")]),
    ("Banjir terjadi pada Februari 2016. Pukul 10.00 kemarin, warga mengenang bulan itu.", "2018-03-01",
     [("Februari 2016", "2016-02"), ("Pukul 10.00 kemarin", "2018-02-28T10:00"), ("bulan itu", "2016-02")]),
    ("Pada Maret 2017 aturan itu terbit. Selama masa transisi tiga bulan tersebut, sopir boleh beroperasi.",
     "2018-03-01", [("Maret 2017", "2017-03"), ("tiga bulan", "P3M")]),
    # a count of years or months after a year or month told counts from it, not from the publication
    ("Ia divonis pada 2010. Dia dipulangkan ke negaranya dua tahun kemudian.", "2017-07-05",
     [("2010", "2010"), ("dua tahun kemudian", "2012")]),
    ("Pabrik itu dibuka pada Maret 2015. Tiga bulan kemudian pabrik itu terbakar.", "2017-07-05",
     [("Maret 2015", "2015-03"), ("Tiga bulan kemudian", "2015-06")]),
    # ... and from the day told, when that came after
    ("Pada 2010 ia lulus. Pada Senin (3/1/2022) ia pindah. Setahun kemudian ia menikah.", "2024-01-01",
     [("2010", "2010"), ("Senin (3/1/2022)", "2022-01-03"), ("Setahun kemudian", "2023")]),
    # a clock time in a later sentence hangs on the day the story told, not on the day a source was reached
    ("Rumah itu terbakar pada Minggu (11/9). Belum ada korban, ujar Budi saat dikonfirmasi detik.com, Senin "
     "(12/9). Menurut saksi, sekitar pukul 21.00 WIB api sudah membesar.", "2016-09-14",
     [("Minggu (11/9)", "2016-09-11"), ("Senin (12/9)", "2016-09-12"), ("pukul 21.00 WIB", "2016-09-11T21:00+07:00")]),
    # ... unless the day told is later than when the source spoke: a plan, not the day narrated
    ("Masa jabatannya habis pada 31 Desember 2018 mendatang. \"Kami bersyukur,\" kata Budi, Jumat (8/6). "
     "Pemungutan suara dimulai pukul 09.00 pagi.", "2018-06-08",
     [("31 Desember 2018 mendatang", "2018-12-31"), ("Jumat (8/6)", "2018-06-08"), ("pukul 09.00 pagi", "2018-06-08T09:00")]),
    # a year compared with ("dibandingkan 2016") is a time
    ("Produksi turun 4,30 persen dibandingkan 2016 yang mencapai 94 juta lembar.", "2017-08-11", [("2016", "2016")]),
    ("Laba perusahaan naik ketimbang 2015.", "2017-08-11", [("2015", "2015")]),
    # a fiscal year and a year of birth
    ("Proyek itu dibiayai anggaran tahun anggaran 2007.", "2017-08-11", [("2007", "2007")]),
    ("Pemain muda kelahiran 1999 itu dipanggil.", "2017-08-11", [("1999", "1999")]),
    # a bare part of the day after a word that opens a time is that part of the day narrated
    ("Banjir datang Senin (3/1). Hingga malam, air belum surut.", "2022-01-05",
     [("Senin (3/1)", "2022-01-03"), ("malam", "2022-01-03TNI")]),
    ("Sejak pagi ratusan pengendara motor sudah melintas.", "2018-01-10", [("pagi", "2018-01-10TMO")]),
    ('"Selamat pagi," kata Budi kepada warga.', "2018-01-10", []),
    # ... but not when a weekday, a date or a named night follows it (the named night is the time)
    ("Polisi berjaga sejak malam Minggu.", "2018-01-10", [("Minggu", "2018-01-07")]),
    ("Warga berjaga sampai malam pergantian tahun.", "2018-01-10", [("malam pergantian tahun", "2017-12-31TNI")]),
])
def test_timex_story_context(text, published, expected):
    assert [(t["text"], t["value"]) for t in find_times(text, published)] == expected


def test_timex_component_fills_doc_times(pipelines):
    nlp = pipelines(["timex"])
    doc = nlp.make_doc("Pasukan tiba pada 6 Januari dan mundur Kamis.")
    doc._.published = DCT
    doc = nlp(doc)
    assert [(t["text"], t["value"]) for t in doc._.times] == [("6 Januari", "2022-01-06"), ("Kamis", "2022-01-13")]


def test_timex_impossible_day_in_inferred_year_is_skipped():
    # 2017 has no 29 February: the day is dropped, the month still read
    times = find_times("Ia lahir 29 Februari dan tiba 29 Februari 2016.", "2017-03-01")
    assert [(t["text"], t["value"]) for t in times] == [("Februari", "2017-02"), ("29 Februari 2016", "2016-02-29")]


_WORDS = ["Rabu", "(12/1)", "pukul", "14.00", "WIB", "2.000", "lalu", "pekan", "tahun", "dua", "hari", "29",
          "Februari", "-", "setiap", "Minggu", "akhir", "sepekan", "kemarin", "1,5", "/", "Rp", "dan", "(", ")"]


@pytest.mark.parametrize("published", [DCT, None, "2016-02-29"])
def test_timex_spans_are_consistent_on_word_salad(published):
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(_WORDS), max_size=14))
    def check(words):
        text = " ".join(words)
        for t in find_times(text, published):
            assert text[t["start"]:t["end"]] == t["text"] and t["text"].strip() == t["text"]
            assert t["type"] in {"DATE", "TIME", "DURATION", "SET"} and t["value"]
            if published is None and t["type"] in {"DATE", "TIME"} and t["value"][:1].isdigit():
                assert t["anchored"]

    check()


@pytest.mark.parametrize("text,expected", [
    ("Kota itu jatuh pada 12 Desember 1531.", [("12 Desember 1531", "1531-12-12")]),
    ("Menurut Berita Harian, rapat itu digelar tahunan.", [("tahunan", "P1Y")]),
    # a set adjective after a noun or "secara" describes a thing or a basis, not how often something happens
    ("Ekonomi tumbuh 4,95 persen secara tahunan.", []),
    ("Ketua MA membacakan laporan tahunan lembaganya.", []),
    ("Sekretaris daerah menjadi pelaksana tugas harian gubernur.", []),
    # ... but after a happening it says how often it recurs
    ("Pameran tahunan itu dibuka di Jeddah.", [("tahunan", "P1Y")]),
    ("Warga menggelar pertemuan bulanan di balai desa.", [("bulanan", "P1M")]),
])
def test_timex_old_years_and_capitalised_names(text, expected):
    assert [(t["text"], t["value"]) for t in find_times(text, DCT)] == expected
