"""``python -m srs_wizard`` / ``srs-wizard``: no command opens the wizard, a command runs headless."""

from __future__ import annotations

import sys

COMMANDS = {"check-kms", "check-key", "summary", "rollout"}


def wants_cli(argv: list[str]) -> bool:
    return any(a in COMMANDS or a in ("-h", "--help", "--version") for a in argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_cli(argv):
        from srs_wizard import cli

        return cli.main(argv)
    from srs_wizard import app

    return app.main(argv)


if __name__ == "__main__":
    sys.exit(main())
