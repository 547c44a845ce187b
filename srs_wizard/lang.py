"""Which languages the program speaks, and how a system language maps to them (no Qt)."""

from __future__ import annotations

import os
import sys

# The languages the program speaks, each named in itself (so a user finds theirs whatever
# is shown now): the one list the command line's --lang, the welcome page's choice and the
# catalogue loader use.
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}
LANGUAGES = tuple(LANGUAGE_NAMES)


def normalise_language(name: str | None) -> str | None:
    """``zh-CN``, ``zh_SG``, ``zh-Hans-HK`` -> ``zh_CN``; ``en*`` -> ``en``; others None."""
    if not name:
        return None
    tag = name.replace("_", "-").split(".")[0].split("@")[0].lower()
    parts = tag.split("-")
    if parts[0] == "zh":
        if "hans" in parts or any(p in ("cn", "sg") for p in parts[1:]) or len(parts) == 1:
            return "zh_CN"
        return None  # Traditional Chinese: no catalogue, English it is
    if parts[0] == "en":
        return "en"
    if parts[0] in ("c", "posix"):
        return "en"
    return None


def system_language_without_qt() -> str:
    """For the command line: the environment's language settings, or Windows' UI language."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for name in os.environ.get(var, "").split(":"):
            lang = normalise_language(name)
            if lang:
                return lang
    if sys.platform == "win32":
        try:
            import ctypes

            lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()
            if lcid in (0x0804, 0x1004, 0x0004):  # zh-CN, zh-SG, zh-Hans
                return "zh_CN"
        except (AttributeError, OSError):
            pass
    return "en"
