"""The KMS check's facts in words: the console's search order, the protocol answer, the
checklist for the customer's KMS administrator."""

from __future__ import annotations

from srs_wizard.i18n import translate


def later_domain_note(later) -> str:
    """A later domain would have worked, but the console stops at the used one."""
    return translate(
        "kms",
        "The console stops at {used}: it uses the first DNS suffix whose answer holds records. "
        "{host} in {domain} would answer, but the console never gets there: remove the stale record "
        "from {used} or put {domain} first in the console's DNS suffix search list.",
    ).format(used=later.used_domain, domain=later.domain, host=later.host)
