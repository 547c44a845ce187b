"""The masker's searches before the scan rule a short text out only where the scan finds nothing."""
import random

from srs_wizard.core import product_key as pk

KEY = "YC7DK-G2NP3-2QQC3-J6H88-GVGXT"
PIECES = ["BCDFGHJKMNPQRTVWXY2346789", "bcdnmq", "AEIOU015lsz", " -_.\n*", "版权所有", "。，（）：、\u3000",
          "ＡＢＣＮ２", "\x1b[0m", "\u0301"]


def texts(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        alphabet = "".join(rng.sample(PIECES, rng.randint(1, len(PIECES))))
        text = "".join(rng.choice(alphabet) for _ in range(rng.choice([24, 30, 60, 200])))
        if rng.random() < 0.3:
            cut = rng.randrange(len(text))
            key = rng.choice([KEY, KEY.replace("-", " "), KEY.replace("N", "M"), KEY.lower(), KEY[:-1] + "O"])
            text = text[:cut] + key + text[cut:]
        yield text


def test_the_searches_before_the_scan_never_hide_what_the_scan_finds():
    found = 0
    for text in texts(6000, 7):
        scanned = pk._scan_spans(text, False) if pk._candidates(text) >= pk._SHORTEST else []
        assert [s.as_tuple() for s in pk._key_spans(text)] == [s.as_tuple() for s in scanned], repr(text)
        found += bool(scanned)
    assert found > 500  # the texts hold keys often enough for the comparison to mean something


def test_a_chinese_line_with_a_key_is_masked():
    masked, count = pk.mask_whole_keys(f"产品密钥：{KEY}。")
    assert (masked, count) == ("产品密钥：*****-*****-*****-*****-GVGXT。", 1)


def test_the_searches_decide_for_long_texts_as_the_scan_does():
    # The pre-filter runs whatever the length (a megabyte of log without a key is not scanned).
    rng = random.Random(11)
    found = 0
    for _ in range(120):
        alphabet = "".join(rng.sample(PIECES, rng.randint(1, len(PIECES))))
        text = "".join(rng.choice(alphabet) for _ in range(rng.choice([4_500, 9_000])))
        if rng.random() < 0.5:
            cut = rng.randrange(len(text))
            text = text[:cut] + rng.choice([KEY, KEY.replace("N", "M"), KEY.lower()]) + text[cut:]
        scanned = pk._scan_spans(text, False) if pk._candidates(text) >= pk._SHORTEST else []
        assert [s.as_tuple() for s in pk._key_spans(text)] == [s.as_tuple() for s in scanned]
        found += bool(scanned)
    assert found > 20


def test_texts_ruled_out_together_hold_no_key_alone_nor_side_by_side():
    # A whole report's texts are ruled out at once: wherever that says "none", masking each
    # text (and each run of them, as a list's items are joined) finds none either.
    rng = random.Random(5)
    ruled_out = held = 0
    for _ in range(3000):
        parts = [text[:rng.randint(0, len(text))] for text in texts(rng.randint(1, 6), rng.randrange(10**6))]
        if pk.could_hold_key_in_texts(parts):
            held += 1
            continue
        ruled_out += 1
        for i in range(len(parts)):
            assert pk.mask_whole_keys(parts[i])[1] == 0
            for j in range(i + 2, len(parts) + 1):
                assert pk._key_spans("\n".join(parts[i:j])) == []
    assert ruled_out > 300 and held > 300
    half = KEY[:14]
    assert pk.could_hold_key_in_texts([half, KEY[14:]])  # a key split over two texts
    assert not pk.could_hold_key_in_texts(["Server:  dc01.contoso.com", "版权所有(C) Microsoft Corporation。"])
