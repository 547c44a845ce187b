"""Where the command is in an argument list: shared by the entry point and the command line."""

from __future__ import annotations

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
