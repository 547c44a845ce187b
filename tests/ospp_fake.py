"""A stand-in for ``cscript //nologo OSPP.VBS`` on a system without it: a real child process.

    python ospp_fake.py print FILE ACTION   prints FILE's bytes as they are (any encoding)
    python ospp_fake.py sleep SECONDS ACTION   prints a banner, then sleeps past any time limit
    python ospp_fake.py fail CODE ACTION    prints a reason on stderr and exits with CODE
"""

import sys
import time

mode, arg = sys.argv[1], sys.argv[2]
action = sys.argv[3] if len(sys.argv) > 3 else ""
if mode == "print":
    with open(arg, "rb") as fh:
        data = fh.read()
    if action == "/act" and b"attempting to activate" not in data:
        data = b""  # the /act step of a /dstatus file prints nothing of its own here
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
elif mode == "sleep":
    sys.stdout.write("Microsoft (R) Windows Script Host\n")
    sys.stdout.flush()
    time.sleep(float(arg))
elif mode == "fail":
    sys.stderr.write("Input Error: Can not find script file.\n")
    sys.exit(int(arg))
