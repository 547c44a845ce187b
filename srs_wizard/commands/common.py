"""What every command shares: exit codes, the one error a command raises, printing that
never spells out a key and never fails on an encoding, and the readers of input files.

Kept light: a command's heavy imports are made inside its ``run``.
"""

from __future__ import annotations

import sys

from srs_wizard.i18n import translate

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_DNS_ERROR = 3
EXIT_CANCELLED = 130  # 128 + SIGINT, as shells report Ctrl-C


class CliError(Exception):
    """A command stops: ``problem`` (one line, worded) on standard error, then exit ``exit_code``.

    ``details`` are printed below it, one ``  - item`` a line. ``prog`` prefixes the line
    (``srs-wizard read-status: ...``) unless it is empty.
    """

    def __init__(self, exit_code: int, problem: str, details: tuple[str, ...] | list[str] = (), prog: str = ""):
        super().__init__(problem)
        self.exit_code = exit_code
        self.problem = problem
        self.details = tuple(details)
        self.prog = prog

    def lines(self) -> list[str]:
        head = f"{self.prog}: {self.problem}" if self.prog else self.problem
        return [head] + [f"  - {d}" for d in self.details]


def usage(prog: str, problem: str) -> CliError:
    return CliError(EXIT_USAGE, problem, prog=prog)


def masked(text: str) -> str:
    """``text`` with every whole product key cut to its last five characters.

    The last guard of everything printed: a key pasted into the wrong option, a file name,
    a DNS name or a field of a report is never echoed whole, however it is spelled."""
    from srs_wizard.core.product_key import mask_whole_keys

    return mask_whole_keys(text)[0]


def say(*parts, file=None) -> None:
    """Print text: keys masked, control, C1 and bidi characters from files shown as escapes."""
    from srs_wizard.core.text import visible

    shown = [visible(masked(str(p))) for p in parts]
    if file is None or file is sys.stdout:
        write_stdout(" ".join(shown))
    else:
        print(*shown, file=file)


def write_stdout(text: str) -> None:
    """``text`` and a line break on standard output, flushed now. When standard output cannot
    take it (closed at the start, a reader that went away, a full disk or ``/dev/full``),
    CliError (1): one line on standard error, never a traceback, never exit 0 with the
    output lost."""
    import errno
    import os

    stream = sys.stdout
    try:
        if stream is None:  # started with standard output closed (``>&-``)
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        stream.write(text + "\n")
        stream.flush()
    except OSError as exc:
        _discard_stdout()
        raise CliError(EXIT_FAILED, translate("cli", "cannot write to standard output: {reason}").format(
            reason=reason(exc))) from None


def _discard_stdout() -> None:
    """What is still buffered for standard output goes nowhere: Python's own flush at exit
    would fail again (and print a traceback)."""
    import os

    try:
        fd = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except (AttributeError, OSError, ValueError):
        pass


def print_json(data, **options) -> None:
    """``data`` as JSON on standard output, keys masked in its texts and names.

    Written as UTF-8 text where the output takes it; where it does not (a cp1252 or cp936
    console, a lone surrogate from a file), as ASCII with escapes, which is the same JSON."""
    import json  # here: a command's text output starts without it

    from srs_wizard.core.product_key import mask_keys_in
    from srs_wizard.core.text import visible_json

    data = mask_keys_in(data)
    # C1 and bidi controls as \u escapes (json escapes the other controls already)
    text = visible_json(json.dumps(data, ensure_ascii=False, indent=2, **options))
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, ensure_ascii=True, indent=2, **options)
    write_stdout(text)


def make_output_safe() -> None:
    """Whatever the console's code page, printing never fails: what it cannot show is replaced."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def cannot_read(path: str, exc: OSError) -> str:
    return translate("cli", "cannot read {path}: {reason}").format(path=path, reason=reason(exc))


def cannot_write(path: str, exc: OSError) -> str:
    return translate("cli", "cannot write {path}: {reason}").format(path=path, reason=reason(exc))


def read_input(path: str, limit: int, prog: str, too_large: str | None = None) -> bytes:
    """The bytes of an input file (``-``: standard input), at most ``limit``; CliError (2) in one
    line for a file that cannot be read, is not a regular file, or is larger (``too_large``
    says that in the command's words)."""
    from srs_wizard.core import files

    try:
        if path == "-":
            return files.read_stream_bounded(sys.stdin.buffer, limit, translate("cli", "standard input"))
        return files.read_bounded(path, limit)
    except files.TooLarge as exc:
        if too_large is None:
            raise usage(prog, cannot_read(path if path != "-" else translate("cli", "standard input"), exc)) from None
        raise usage(prog, too_large) from None
    except OSError as exc:
        raise usage(prog, cannot_read(path if path != "-" else translate("cli", "standard input"), exc)) from None


def load_console_report(path: str, prog: str):
    """The console report at ``path`` (``check-kms`` and ``read-status`` alike): CliError (2)
    when it cannot be read or used, with each problem naming its field."""
    from srs_wizard.core import console, console_file

    try:
        return console_file.read_file(path)
    except OSError as exc:
        raise usage(prog, cannot_read(path, exc)) from None
    except console.ConsoleReportError as exc:
        from srs_wizard.core.present.console import problem_text

        raise CliError(EXIT_USAGE, translate("cli", "{path} is not a usable console report:").format(path=path),
                       [problem_text(p) for p in exc.problems]) from None


def refuse_overlap(prog: str, inputs, outputs) -> None:
    """CliError (2) when an output is an input or another output: nothing is written over them."""
    from srs_wizard.core import files

    try:
        files.refuse_overlap(inputs, outputs)
    except files.SameFile as exc:
        from srs_wizard.core.text import visible

        raise usage(prog, f"{visible(str(exc.filename), breaks=False)}: {exc.strerror}") from None
