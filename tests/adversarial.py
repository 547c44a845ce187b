"""Hostile inputs for the readers of ospp.vbs output and console reports: long lines built to
make a backtracking pattern take quadratic time (spaces without a colon, digits before a
word that never comes, labels that almost match), in texts of about a megabyte."""

from __future__ import annotations

import json

from tests.console_reports import windows7_report

LYNC_BLOCK = (
    "SKU ID: 1b9f11e3-c85c-4e1b-bb29-879ad2c909e3\r\n"
    "LICENSE NAME: Office 15, OfficeLyncVL_KMS_Client edition\r\n"
    "LICENSE DESCRIPTION: Office 15, VOLUME_KMSCLIENT channel\r\n"
    "LICENSE STATUS:  ---OOB_GRACE---\r\n"
)

# (label, filler): each line is the label, then the filler repeated to the line's length.
HOSTILE_LINES = (
    ("A", " "),                      # a label, spaces, and no colon
    ("LICENSE NAME ", "  \t"),       # spaces and tabs where the colon should come
    ("REMAINING GRACE: ", "1"),      # digits, and never "minute" or "day"
    ("REMAINING GRACE: ", "1 "),
    ("Activation Interval: ", "9 d"),
    ("ERROR CODE: ", "0x"),          # a prefix without digits
    ("ERROR CODE: ", "-1"),
    ("KMS machine name from DNS: ", "a:"),
    ("KMS machine registry override defined: ", "[a."),
    ("Last 5 characters of installed product key: ", "BCDF-"),
    ("", "A "),
    ("", ":"),
)


def hostile_line(label: str, filler: str, length: int) -> str:
    return label + (filler * (length // len(filler) + 1))[: max(0, length - len(label))]


def adversarial_paste(size: int = 1_000_000) -> str:
    """A pasted /dstatus of ``size`` characters: the Lync block, then the hostile lines."""
    line_length = (size - len(LYNC_BLOCK)) // len(HOSTILE_LINES) - 2
    return LYNC_BLOCK + "".join(hostile_line(label, filler, line_length) + "\r\n" for label, filler in HOSTILE_LINES)


def adversarial_console_report(size: int = 1_000_000) -> bytes:
    """A console report of nearly ``size`` bytes (UTF-8) whose outputs are each one long line
    of spaces without a colon after a word: every nslookup output, and the /dstatus output
    after its Lync block (``read-status --console-report`` reads that)."""
    data = windows7_report()
    share = size // 4
    while True:
        for result in data["nslookup"]["results"]:
            result["output"] = hostile_line("Server", " ", share)
        data["office"]["dstatus"][0]["output"] = LYNC_BLOCK + hostile_line("A", " ", share)
        raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
        if len(raw) <= size:
            return raw
        share -= (len(raw) - size) // 4 + 1
