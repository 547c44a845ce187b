"""``python -m srs_wizard`` / ``srs-wizard``: no command opens the wizard, a command runs headless."""

from __future__ import annotations

import sys

# Options placed before a command that take a value: the value is not a command.
_OPTIONS_WITH_VALUE = ("--lang",)


def first_word(argv: list[str]) -> str | None:
    """The first argument that is neither an option nor an option's value: the command."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


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
