"""The paths a technician picks on "Choose a path", and what to do instead after a KMS check
that found no usable host, as codes: the draft and the record keep them, and the wizard's
navigation (``srs_wizard.flow``) branches on them; and the licensing path a record reports."""

from typing import NamedTuple

from srs_wizard.core.verdicts import USABLE_VERDICTS

CHOICE_KMS = "kms"
CHOICE_MAK = "mak"
CHOICE_PROMO = "promo"
CHOICE_UNSURE = "unsure"
CHOICES = (CHOICE_KMS, CHOICE_MAK, CHOICE_PROMO, CHOICE_UNSURE)

FALLBACK_NONE = None
FALLBACK_MAK = "mak"
FALLBACK_PROMO = "promo"


class FlowState(NamedTuple):  # a NamedTuple, not a dataclass: dataclasses is slow to import before page one
    choice: str | None = None
    kms_verdict: str | None = None
    fallback: str | None = None
    # A MAK to activate without internet: asked for on Activate and check, or its /act could
    # not reach the activation server.
    offline: bool = False


def kms_usable(state: FlowState) -> bool:
    return state.kms_verdict in USABLE_VERDICTS


def effective_path(state: FlowState) -> str:
    """The licensing path the record reports: ``kms``, ``mak`` or ``promo``."""
    if state.choice in (CHOICE_MAK, CHOICE_PROMO):
        return state.choice
    if state.kms_verdict is not None and not kms_usable(state) and state.fallback:
        return state.fallback
    return CHOICE_KMS
