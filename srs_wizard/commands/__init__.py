"""The commands of the command line, one module a command (``add_arguments``, ``run``).

``COMMANDS`` names each command's module; only the command that runs is imported (so
``check-kms`` never loads the PDF code, and ``--help`` loads none). ``summaries`` gives
the one-line help of each for the command list.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from srs_wizard.i18n import translate

# In the order --help lists them.
COMMANDS = {
    "check-kms": "srs_wizard.commands.check_kms",
    "check-key": "srs_wizard.commands.check_key",
    "console-script": "srs_wizard.commands.console_script",
    "summary": "srs_wizard.commands.summary",
    "read-status": "srs_wizard.commands.read_status",
    "rollout": "srs_wizard.commands.rollout",
}


def summaries() -> dict[str, str]:
    """Each command's one line of help, in the language chosen now."""
    return {
        "check-kms": translate("cli", "find KMS hosts in DNS and test that they answer"),
        "check-key": translate("cli", "check a product key (MAK) offline"),
        "console-script": translate("cli", "write the collector (srs-collect.cmd) to run on a Windows 7 console"),
        "summary": translate("cli", "render a saved session record as a PDF"),
        "read-status": translate("cli", "read the console's ospp.vbs /dstatus or /act output"),
        "rollout": translate("cli", "one report of many rooms from their saved records"),
    }


def load(name: str) -> ModuleType:
    """The module of command ``name`` (imported now, the first time)."""
    return importlib.import_module(COMMANDS[name])
