"""A product key check in words, beyond the per-problem sentences ``check`` already gives."""

from __future__ import annotations

from srs_wizard.i18n import translate


def more_problems_line(count: int) -> str:
    """The last line of a capped problem list: how many were left out."""
    return translate("product_key", "… and {count} more characters that cannot be in a product key.").format(
        count=count)
