"""The wizard's navigation as plain data: which page follows which, for a given state.

No Qt here, so every branch is tested by stepping through it. The QWizard asks
``next_page`` from its ``nextId()``.
"""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class Page(IntEnum):
    WELCOME = 0
    CHOOSE_PATH = 1
    KMS_CHECK = 2
    MAK = 3
    PROMO = 4
    SUMMARY = 5
    ACTIVATION = 6  # "Activate and check": after the KMS and MAK pages, before the summary


END = -1  # QWizard's "no next page"

# What the technician picks on the "Choose a path" page.
CHOICE_KMS = "kms"
CHOICE_MAK = "mak"
CHOICE_PROMO = "promo"
CHOICE_UNSURE = "unsure"
CHOICES = (CHOICE_KMS, CHOICE_MAK, CHOICE_PROMO, CHOICE_UNSURE)

# After a KMS check that found no usable host: what to do instead.
FALLBACK_NONE = None
FALLBACK_MAK = "mak"
FALLBACK_PROMO = "promo"

# The KMS verdicts after which the console finds its host by itself: the one definition, which
# core.kms takes (here, so that page one loads without the core; the codes are core.kms.READY
# and FOUND). "not_kms" and "unreachable" are not usable: the used domain's hosts do not serve KMS.
USABLE_VERDICTS = frozenset({"ready", "found"})


class FlowState(NamedTuple):  # a NamedTuple, not a dataclass: dataclasses is slow to import before page one
    choice: str | None = None
    kms_verdict: str | None = None
    fallback: str | None = None


def kms_usable(state: FlowState) -> bool:
    return state.kms_verdict in USABLE_VERDICTS


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
    if current in (Page.PROMO, Page.ACTIVATION):
        return Page.SUMMARY  # promo: the MAK is still to come, so there is nothing to activate yet
    return END


def offers_fallback(state: FlowState) -> bool:
    """After a check, the KMS page offers the MAK and promo paths when KMS will not do."""
    return state.kms_verdict is not None and not kms_usable(state)


def effective_path(state: FlowState) -> str:
    """The licensing path the record reports: ``kms``, ``mak`` or ``promo``."""
    if state.choice in (CHOICE_MAK, CHOICE_PROMO):
        return state.choice
    if state.kms_verdict is not None and not kms_usable(state) and state.fallback:
        return state.fallback
    return CHOICE_KMS


def pages_visited(state: FlowState) -> list[Page]:
    """The pages from the start to the end for this state (used by tests and the summary)."""
    page, seen = Page.WELCOME, []
    while page != END and page not in seen:
        seen.append(Page(page))
        page = next_page(Page(page), state)
    return seen
