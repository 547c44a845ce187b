"""The navigation graph, stepped through without Qt."""

from srs_wizard.flow import END, FlowState, Page, effective_path, next_page, offers_fallback, pages_visited

P = Page


def test_welcome_then_choose():
    assert next_page(P.WELCOME, FlowState()) == P.CHOOSE_PATH


def test_each_choice_leads_to_its_page():
    assert next_page(P.CHOOSE_PATH, FlowState(choice="kms")) == P.KMS_CHECK
    assert next_page(P.CHOOSE_PATH, FlowState(choice="unsure")) == P.KMS_CHECK
    assert next_page(P.CHOOSE_PATH, FlowState(choice="mak")) == P.MAK
    assert next_page(P.CHOOSE_PATH, FlowState(choice="promo")) == P.PROMO


def test_ready_kms_goes_to_summary():
    state = FlowState(choice="unsure", kms_verdict="ready")
    assert pages_visited(state) == [P.WELCOME, P.CHOOSE_PATH, P.KMS_CHECK, P.ACTIVATION, P.SUMMARY]
    assert effective_path(state) == "kms"
    assert not offers_fallback(state)


def test_failed_kms_offers_mak_and_promo():
    for verdict in ("not_found", "not_kms", "unreachable", "dns_error", "no_domain"):
        state = FlowState(choice="unsure", kms_verdict=verdict)
        assert offers_fallback(state)
        # No fallback picked: the console's own answer may still be checked, then the failure recorded.
        assert next_page(P.KMS_CHECK, state) == P.ACTIVATION
        mak = FlowState(choice="unsure", kms_verdict=verdict, fallback="mak")
        assert pages_visited(mak) == [P.WELCOME, P.CHOOSE_PATH, P.KMS_CHECK, P.MAK, P.ACTIVATION, P.SUMMARY]
        assert effective_path(mak) == "mak"
        promo = FlowState(choice="kms", kms_verdict=verdict, fallback="promo")
        assert pages_visited(promo)[-2:] == [P.PROMO, P.SUMMARY]
        assert effective_path(promo) == "promo"


def test_fallback_ignored_when_kms_is_usable():
    state = FlowState(choice="unsure", kms_verdict="ready", fallback="mak")
    assert next_page(P.KMS_CHECK, state) == P.ACTIVATION
    assert effective_path(state) == "kms"


def test_direct_paths():
    assert pages_visited(FlowState(choice="mak")) == [P.WELCOME, P.CHOOSE_PATH, P.MAK, P.ACTIVATION, P.SUMMARY]
    # Promo: the MAK is still to come, so there is nothing to activate yet.
    assert pages_visited(FlowState(choice="promo")) == [P.WELCOME, P.CHOOSE_PATH, P.PROMO, P.SUMMARY]
    assert next_page(P.ACTIVATION, FlowState(choice="kms")) == P.SUMMARY
    assert next_page(P.SUMMARY, FlowState()) == END


def test_usable_verdicts_are_the_cores():
    """One group, defined in the core (a module flow loads before page one without the KMS
    code), named by the core's verdict codes."""
    from srs_wizard import flow
    from srs_wizard.core import kms, verdicts

    assert kms.USABLE_VERDICTS is flow.USABLE_VERDICTS is verdicts.USABLE_VERDICTS
    assert flow.USABLE_VERDICTS == {kms.READY, kms.FOUND}
    assert set(kms.VERDICTS) - flow.USABLE_VERDICTS == {"not_kms", "unreachable", "not_found", "dns_error",
                                                         "no_domain"}
