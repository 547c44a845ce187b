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
