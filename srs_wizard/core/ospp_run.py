"""Run ``cscript //nologo OSPP.VBS /dstatus`` (and ``/act``) on this computer, with a time limit.

Only useful when srs-wizard runs on the console itself (Windows). The command is a plain
list, so tests point it at a real child process on any system. Runs on a worker thread:
it blocks until the child ends, the limit passes (the child is killed) or it is cancelled.
No Qt here; results are codes and raw bytes decoded, never sentences.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from srs_wizard.core.activation import MAX_BYTES, decode_output, mask_key_runs

DEFAULT_TIMEOUT = 90.0  # /act asks the KMS host or Microsoft; a few tries fit well within this

# Problems, as codes (core.present.activation words them).
TIMEOUT = "timeout"
NOT_FOUND = "not_found"      # cscript (or the command) is not there
FAILED = "failed"            # the command ended with an error and printed nothing
CANCELLED = "cancelled"


@dataclass(frozen=True)
class RunResult:
    output: str                     # what the commands printed, decoded, in order
    problem: str | None = None      # None, or one of the codes above
    returncode: int | None = None   # of the last command run
    detail: str = ""                # the system's reason (first line of stderr, or the OS error)
    elapsed_s: float = 0.0


def ospp_candidates(environ: dict | None = None) -> list[str]:
    """OSPP.VBS of Office 2013: Office of the same bitness as Windows first, then 32-bit Office
    on 64-bit Windows."""
    env = os.environ if environ is None else environ
    out = []
    for var in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"):
        base = env.get(var)
        if base:
            path = str(Path(base) / "Microsoft Office" / "Office15" / "OSPP.VBS")
            if path not in out:
                out.append(path)
    return out


def default_command() -> list[str] | None:
    """``cscript //nologo <OSPP.VBS>`` on Windows when Office 2013's script is found; else None."""
    if sys.platform != "win32":
        return None
    for path in ospp_candidates():
        if Path(path).is_file():
            return ["cscript", "//nologo", path]
    return None


def run_ospp(command: Sequence[str], actions: Sequence[str] = ("/dstatus",), timeout: float = DEFAULT_TIMEOUT,
             cancel: threading.Event | None = None) -> RunResult:
    """Run ``command + [action]`` for each action in turn, within ``timeout`` seconds overall."""
    start = time.monotonic()
    deadline = start + timeout
    chunks: list[str] = []
    returncode = None
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window flashing up on Windows
    for action in actions:
        try:
            child = subprocess.Popen([*command, action], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, creationflags=flags)
        except OSError as exc:
            return RunResult("".join(chunks), NOT_FOUND if isinstance(exc, FileNotFoundError) else FAILED,
                             None, mask_key_runs(exc.strerror or str(exc)), time.monotonic() - start)
        out = err = b""
        while True:
            wait = min(0.1, max(0.0, deadline - time.monotonic()))
            try:
                out, err = child.communicate(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                cancelled = cancel is not None and cancel.is_set()
                if cancelled or time.monotonic() >= deadline:
                    child.kill()
                    out, err = child.communicate()
                    chunks.append(decode_output(out[:MAX_BYTES]))
                    return RunResult("".join(chunks), CANCELLED if cancelled else TIMEOUT, None, "",
                                     time.monotonic() - start)
        returncode = child.returncode
        text = decode_output(out[:MAX_BYTES])
        chunks.append(text if text.endswith("\n") or not text else text + "\n")
        if returncode != 0 and not text.strip():
            detail = decode_output(err[:4096]).strip().splitlines()
            return RunResult("".join(chunks), FAILED, returncode, mask_key_runs(detail[0][:300]) if detail else "",
                             time.monotonic() - start)
    return RunResult("".join(chunks), None, returncode, "", time.monotonic() - start)
