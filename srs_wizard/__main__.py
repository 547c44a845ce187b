"""``python -m srs_wizard`` / ``srs-wizard``: no command opens the wizard, a command runs headless."""

from __future__ import annotations

import sys

from srs_wizard.argv import first_word

# The window's own options; any other option belongs to a command, and the command line says so.
_GUI_OPTIONS = ("--lang", "--smoke")


def _foreign_option(argv: list[str]) -> bool:
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif arg.startswith("-") and arg.split("=", 1)[0] not in _GUI_OPTIONS:
            return True
    return False


def wants_cli(argv: list[str]) -> bool:
    # A mistyped command goes to the command line too, which names it: it never opens the window.
    # So does an option without its command (--domain x.test): a usage error, not a window.
    return first_word(argv) is not None or _foreign_option(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_cli(argv):
        try:
            from srs_wizard import cli
        except KeyboardInterrupt:  # Ctrl-C while the command line loads: as during a command
            print("cancelled", file=sys.stderr)
            return 130
        return cli.main(argv)
    from srs_wizard import app

    return app.main(argv)


if __name__ == "__main__":
    sys.exit(main())
