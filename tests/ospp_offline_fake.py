"""A stand-in for ``cscript //nologo OSPP.VBS`` on a console without internet: a real child
process that keeps the console's state in a folder between runs.

    python ospp_offline_fake.py STATE_DIR ACTION

STATE_DIR/cid holds the one confirmation ID this console's Lync installation ID takes (its
check is not published, so the stand-in knows only that one); STATE_DIR/last5 the installed
MAK's last five characters. Answers are those of tests/corpus/ospp, with the Chinese banner
in GBK as a Chinese console prints them. ``/act`` cannot reach the activation server.
"""

import sys
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus" / "ospp"
state, action = Path(sys.argv[1]), sys.argv[2].lower()  # ospp.vbs lower-cases its command line
last5 = (state / "last5").read_text().strip() if (state / "last5").exists() else "Q7W3K"
licensed = (state / "licensed").exists()


def corpus(name: str) -> str:
    data = (CORPUS / name).read_bytes()
    return data.decode("gbk") if name.endswith("_gbk.txt") else data.decode("ascii")


if action == "/act":
    out = corpus("act_80072EE2_mak.txt")
elif action == "/dinstid":
    out = corpus("dinstid_gbk.txt")
elif action.startswith("/actcid:"):
    if action[len("/actcid:"):] == (state / "cid").read_text().strip():
        out = corpus("actcid_gbk.txt")  # the suite refuses Lync's confirmation ID, Lync takes it
        (state / "licensed").write_text("yes")
    else:
        lync = corpus("actcid_lync_refused.txt")
        out = lync.replace("<Offline product activation successful>", "ERROR CODE: 0xC004F04D\r\n"
                           "ERROR DESCRIPTION: The Software Licensing Service determined that the installation "
                           "ID or the confirmation ID is invalid.")
elif action == "/dstatus":
    if licensed:
        out = corpus("dstatus_mak_licensed.txt")
    else:
        out = corpus("dstatus_mak_grace.txt").replace("0xC004C020", "0x80072EE2").replace(
            "The activation server reported that the Multiple Activation Key has exceeded its limit.",
            "The operation timed out.")
    out = out.replace("key: Q7W3K", f"key: {last5}")
else:
    sys.stderr.write("Invalid input: " + action + "\n")
    sys.exit(1)
sys.stdout.buffer.write(out.replace("key: Q7W3K", f"key: {last5}").encode("gbk"))
