"""``python -m srs_wizard`` / ``srs-wizard``: no command opens the wizard, a command runs headless."""

from __future__ import annotations

import sys

from srs_wizard.argv import first_word


def wants_cli(argv: list[str]) -> bool:
    # A mistyped command goes to the command line too, which names it: it never opens the window.
    return first_word(argv) is not None or any(a in ("-h", "--help", "--version") for a in argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_cli(argv):
        from srs_wizard import cli

        return cli.main(argv)
    from srs_wizard import app

    return app.main(argv)


if __name__ == "__main__":
    sys.exit(main())
