"""The wizard's navigation as plain data: which page follows which, for a given state.

No Qt here, so every branch is tested by stepping through it. The QWizard asks
``next_page`` from its ``nextId()``.
"""

from __future__ import annotations

from enum import IntEnum


class Page(IntEnum):
    WELCOME = 0
    CHOOSE_PATH = 1
    KMS_CHECK = 2
    MAK = 3
    PROMO = 4
    SUMMARY = 5
    ACTIVATION = 6  # "Activate and check": after the KMS and MAK pages, before the summary
    OFFLINE = 7  # "Activate without internet": a MAK's confirmation ID, after Activate and check


END = -1  # QWizard's "no next page"

# What the technician picks on the "Choose a path" page, what to do instead after a KMS check
# that found no usable host, and the KMS verdicts after which the console finds its host by
# itself: codes of the core, each defined once there (two small modules, so that page one
# still loads without the KMS code).
# The state the pages branch on (FlowState) and the path the record reports
# (effective_path) are the core's too: the session keeps them without loading navigation.
from srs_wizard.core.choices import (  # noqa: F401
    CHOICE_KMS,
    CHOICE_MAK,
    CHOICE_PROMO,
    CHOICE_UNSURE,
    CHOICES,
    FALLBACK_MAK,
    FALLBACK_NONE,
    FALLBACK_PROMO,
    FlowState,
    effective_path,
    kms_usable,
)
from srs_wizard.core.verdicts import USABLE_VERDICTS  # noqa: F401


def next_page(current: Page, state: FlowState) -> int:
    """The page after ``current``; ``END`` after the summary."""
    if current == Page.WELCOME:
        return Page.CHOOSE_PATH
    if current == Page.CHOOSE_PATH:
        return {
            CHOICE_MAK: Page.MAK,
            CHOICE_PROMO: Page.PROMO,
            CHOICE_KMS: Page.KMS_CHECK,
            CHOICE_UNSURE: Page.KMS_CHECK,
        }.get(state.choice, Page.KMS_CHECK)
    if current == Page.KMS_CHECK:
        if offers_fallback(state):  # a fallback counts only after a check said KMS will not do
            if state.fallback == FALLBACK_MAK:
                return Page.MAK
            if state.fallback == FALLBACK_PROMO:
                return Page.PROMO
        return Page.ACTIVATION
    if current == Page.MAK:
        return Page.ACTIVATION
    if current == Page.ACTIVATION and state.offline and effective_path(state) == CHOICE_MAK:
        return Page.OFFLINE
    if current in (Page.PROMO, Page.ACTIVATION, Page.OFFLINE):
        return Page.SUMMARY  # promo: the MAK is still to come, so there is nothing to activate yet
    return END


def offers_fallback(state: FlowState) -> bool:
    """After a check, the KMS page offers the MAK and promo paths when KMS will not do."""
    return state.kms_verdict is not None and not kms_usable(state)


def pages_visited(state: FlowState) -> list[Page]:
    """The pages from the start to the end for this state (used by tests and the summary)."""
    page, seen = Page.WELCOME, []
    while page != END and page not in seen:
        seen.append(Page(page))
        page = next_page(Page(page), state)
    return seen
