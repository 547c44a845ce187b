"""The wizard through its real widgets, offscreen, against a real dnsmasq."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard

from srs_wizard import flow
from srs_wizard.core import kms
from srs_wizard.ui.wizard import SrsWizard
from tests.helpers import Heartbeat, fill_welcome, go_to_kms
from tests.servers import Zone


def run_check(page, qtbot, domains, server, timeout=3000):
    page.domains.setText(domains)
    page.nameserver.setText(server)
    with qtbot.waitSignal(page.completeChanged, timeout=timeout, check_params_cb=lambda *a: page.isComplete()):
        page.check_button.click()


def test_kms_path_end_to_end(make_wizard, qtbot, dnsmasq, kms_zone):
    zone, lst = kms_zone
    server = dnsmasq(zone)
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    assert not wizard.button(QWizard.NextButton).isEnabled()  # nothing checked yet
    run_check(page, qtbot, "contoso.test", server.address)
    assert wizard.session.kms.verdict == kms.READY
    assert "kms01.contoso.test" in page.verdict.text()
    assert page.hosts.rowCount() == 1
    assert page.hosts.item(0, 0).text() == "kms01.contoso.test"
    assert page.hosts.item(0, 5).text() == "yes"
    assert page.hosts.item(0, page.hosts.columnCount() - 1).text() == "speaks KMS"
    assert "contoso.test" in page.used_domain.text() and page.used_domain.isVisibleTo(page)
    assert "within 4 hours" in page.checklist.text()
    assert not page.fallback_box.isVisible()
    assert wizard.button(QWizard.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == flow.Page.ACTIVATION
    wizard.next()  # on without checking: recorded as such
    assert wizard.currentId() == flow.Page.SUMMARY
    html = wizard.summary_page.view.toHtml()
    assert "kms01.contoso.test" in html
    assert "Contoso Ltd" in html
    assert wizard.button(QWizard.CustomButton1).isVisible()


def test_unreachable_host_says_why_in_the_table(make_wizard, qtbot, dnsmasq):
    from tests.servers import closed_port

    zone = Zone().add_kms("contoso.test", "kms09.contoso.test", port=closed_port())
    zone.add_host("kms09.contoso.test", "127.0.0.1")
    server = dnsmasq(zone)
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    run_check(page, qtbot, "contoso.test", server.address)
    assert wizard.session.kms.verdict == kms.UNREACHABLE
    assert page.verdict_title.text() == "KMS hosts found, but none answers"
    # One host: worded for one ("its one KMS host ... it did not"), not "its 1 KMS host(s)".
    assert "its one KMS host is published in DNS, but it did not accept a connection" in page.verdict.text()
    headers = [page.hosts.horizontalHeaderItem(c).text() for c in range(page.hosts.columnCount())]
    assert headers[5] == "Reachable" and headers[-2] == "Problem" and headers[-1] == "KMS protocol"
    assert page.hosts.item(0, 5).text() == "no"
    assert "refused" in page.hosts.item(0, headers.index("Problem")).text()  # readable without hovering
    assert page.fallback_box.isVisible()


def test_copy_results_puts_the_table_on_the_clipboard(make_wizard, qtbot, dnsmasq, kms_zone):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    run_check(page, qtbot, "contoso.test", server.address)
    page.copy_results.click()
    text = QApplication.clipboard().text()
    assert "kms01.contoso.test" in text and "KMS is ready" in text
    page.copy_gvlk.click()
    assert QApplication.clipboard().text() == "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"


def test_not_found_offers_mak_and_promo(make_wizard, qtbot, dnsmasq):
    server = dnsmasq(Zone(local=["empty.test"]))
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    run_check(page, qtbot, "empty.test", server.address)
    assert wizard.session.kms.verdict == kms.NOT_FOUND
    assert page.fallback_box.isVisible()
    page.fallback_buttons[flow.FALLBACK_MAK].click()
    wizard.next()
    assert wizard.currentId() == flow.Page.MAK
    wizard.back()
    page.fallback_buttons[flow.FALLBACK_PROMO].click()
    wizard.next()
    assert wizard.currentId() == flow.Page.PROMO


def test_dns_timeout_then_cancel_and_check_again(make_wizard, qtbot, responder, dnsmasq, kms_zone):
    silent = responder("silent")
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    # A timeout shows as a failure, named.
    page.timeout.setValue(0.5)
    run_check(page, qtbot, "contoso.test", silent.address)
    assert wizard.session.kms.verdict == kms.DNS_ERROR
    assert page.domain_table.item(0, 2).text() == "timeout"
    # A long check is cancelled at once: the page is free again before the click returns,
    # and the worker stops by the core's cancel (its "cancelled" signal), long before the
    # 30 s budget would have ended it.
    page.timeout.setValue(30)
    asked = silent.received
    page.check_button.click()
    task = page._task
    assert page.busy and page.cancel_button.isEnabled() and page.progress.isVisible()
    qtbot.waitUntil(lambda: silent.received > asked, timeout=5000)  # the query is on its way
    with qtbot.waitSignal(task.signals.cancelled, timeout=5000):
        page.cancel_button.click()
        assert not page.busy
        assert page.check_button.isEnabled()
    qtbot.waitUntil(lambda: wizard.pool.activeThreadCount() == 0, timeout=5000)
    # Check again works, against a server that answers.
    zone, _ = kms_zone
    good = dnsmasq(zone)
    page.timeout.setValue(3)
    run_check(page, qtbot, "contoso.test", good.address)
    assert wizard.session.kms.verdict == kms.READY


def stall_of(qtbot, work) -> float:
    """The longest gap of the GUI loop while ``work`` runs on the GUI thread itself."""
    beat = Heartbeat()
    qtbot.wait(30)
    work()
    qtbot.wait(30)
    beat.stop()
    return beat.longest


def test_gui_loop_never_stalls_during_a_check(make_wizard, qtbot, responder):
    silent = responder("silent")
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    page.timeout.setValue(1.0)
    heartbeat = Heartbeat()
    run_check(page, qtbot, "a.test, b.test, c.test", silent.address)
    heartbeat.stop()
    assert heartbeat.count > 30  # the timer really ran during the check
    # What a stall would be, measured in this run: one domain's lookup on the GUI thread.
    inline = stall_of(qtbot, lambda: kms.find_kms_hosts(["a.test"], [silent.address], timeout=1.0))
    assert heartbeat.longest < inline * 0.25, f"GUI loop stalled for {heartbeat.longest * 1000:.0f} ms " \
                                              f"(one lookup on the GUI thread: {inline * 1000:.0f} ms)"


def test_closing_mid_check_leaves_no_thread(qtbot, settings, responder, tmp_path):
    silent = responder("silent")
    wizard = SrsWizard(settings=settings, data_dir=tmp_path)
    qtbot.addWidget(wizard)
    wizard.show()
    page = go_to_kms(wizard, qtbot)
    page.timeout.setValue(30)
    page.domains.setText("contoso.test")
    page.nameserver.setText(silent.address)
    asked = silent.received
    page.check_button.click()
    task = page._task
    cancelled = []
    task.signals.cancelled.connect(cancelled.append)
    qtbot.waitUntil(lambda: silent.received > asked, timeout=5000)  # the query is on its way
    wizard.close()
    # Closing waits for the pool; had Cancel not reached the worker, the 30 s budget would
    # keep it running past that wait.
    assert wizard.pool.activeThreadCount() == 0
    qtbot.waitUntil(lambda: cancelled == [task.tag], timeout=5000)
    assert wizard.session.kms is None


def test_a_result_that_arrives_after_cancel_is_dropped(make_wizard, qtbot, dnsmasq, kms_zone):
    # The race Cancel must survive: the check has finished on its thread and its result is
    # already queued for the page when the technician cancels. Blocking the GUI thread
    # until the worker is done makes that order certain.
    from srs_wizard.ui import workers

    zone, _ = kms_zone
    server = dnsmasq(zone)
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    page.domains.setText("contoso.test")
    page.nameserver.setText(server.address)
    page.check_button.click()
    task = page._task
    assert wizard.pool.waitForDone(10000)  # finished; "returned" waits in the event queue
    page.cancel_button.click()
    qtbot.waitUntil(lambda: task.tag not in workers._running, timeout=5000)  # "finished" delivered
    assert wizard.session.kms is None  # the late result was not taken
    assert not page.results.isVisible() and not page.isComplete()
    assert page.status.text() == "Check cancelled."


def test_markup_in_dns_names_is_shown_literally(make_wizard, qtbot, dnsmasq, listener):
    lst = listener()
    zone = Zone().add_kms("contoso.test", "<b>x</b>&amp.contoso.test", port=lst.port)
    server = dnsmasq(zone)
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    run_check(page, qtbot, "contoso.test", server.address)
    name = page.hosts.item(0, 0).text()
    assert "<b>x</b>" in name
    page.fallback_buttons[None].click()  # the default way on is a MAK: record this result only
    wizard.next()
    wizard.next()
    html = wizard.summary_page.view.toHtml()
    text = wizard.summary_page.view.toPlainText()
    assert "<b>x</b>&amp" in text  # shown as typed, not as bold
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_back_and_next_keep_what_was_typed(make_wizard, qtbot, dnsmasq, kms_zone):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    page.expect.setText("kms01.contoso.test")
    run_check(page, qtbot, "contoso.test", server.address)
    wizard.back()
    wizard.back()
    assert wizard.welcome.customer.text() == "Contoso Ltd"
    wizard.next()
    wizard.next()
    assert wizard.currentId() == flow.Page.KMS_CHECK
    assert page.domains.text() == "contoso.test"
    assert page.nameserver.text() == server.address
    assert page.expect.text() == "kms01.contoso.test"
    assert wizard.session.kms is not None and wizard.button(QWizard.NextButton).isEnabled()


def test_welcome_validates_and_remembers(make_wizard, qtbot, settings):
    wizard = make_wizard()
    page = wizard.welcome
    page.technician.setFocus()
    page.technician.insert("x")
    page.technician.selectAll()
    page.technician.del_()
    assert page.messages["technician"].isVisible()
    assert "name" in page.messages["technician"].text()
    assert not wizard.button(QWizard.NextButton).isEnabled()
    fill_welcome(wizard, technician="李工", customer="北京见长门科技有限公司", site="3F")
    wizard.shutdown()
    again = make_wizard()
    assert again.welcome.technician.text() == "李工"
    assert again.welcome.customer.text() == "北京见长门科技有限公司"
    assert again.welcome.site.text() == ""  # the room changes with every room


def test_bad_domain_is_explained_and_blocks_the_check(make_wizard, qtbot):
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    page.domains.setText("bad domain..test")
    assert page.domains_message.isVisible() and page.domains_message.text()
    assert not page.check_button.isEnabled()
    page.domains.setText("contoso.test")
    page.nameserver.setText("999.1.1.1")
    assert "999.1.1.1" in page.nameserver_message.text()
    assert not page.check_button.isEnabled()
    page.nameserver.setText("")
    assert page.check_button.isEnabled()
    assert not page.advanced_toggle.isChecked()
    page.expect.setText("kms01.contoso.test, kms02..contoso.test")
    assert page.advanced_toggle.isChecked() and page.expect_message.isVisible()  # opened to show why
    assert "kms02..contoso.test" in page.expect_message.text()
    assert not page.check_button.isEnabled()
    page.expect.setText("kms01.contoso.test, 10.0.0.2, [fd00::2]:1688, kms02:1688")
    assert not page.expect_message.isVisible()
    assert page.check_button.isEnabled()


def test_window_has_the_application_icon(make_wizard):
    wizard = make_wizard()  # set just after the first paint
    assert not QApplication.windowIcon().isNull()
    assert not wizard.windowIcon().isNull()
    assert wizard.windowIcon().cacheKey() == QApplication.windowIcon().cacheKey()


def test_accessible_names(make_wizard):
    wizard = make_wizard()
    wizard.ensure_pages()
    names = {w.accessibleName() for w in wizard.findChildren(object) if hasattr(w, "accessibleName")}
    for name in ("DNS domains", "DNS server", "Expected KMS hosts", "Check", "Cancel check", "Copy results",
                 "Technician name", "Customer name", "Site name"):
        assert name in names


def focus_chain(start, count):
    """The next ``count`` widgets Tab reaches from ``start`` (visible, enabled, taking focus)."""
    from PySide6.QtCore import Qt

    chain, widget = [], start
    while len(chain) < count:
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.TabFocus):
            widget = widget.nextInFocusChain()
    return chain


def test_keyboard_starts_in_the_first_empty_field(make_wizard, settings):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollArea

    wizard = make_wizard()
    page = wizard.welcome
    assert wizard.focusWidget() is page.technician
    # The fields first, then the language shown above them.
    assert focus_chain(page.technician, 4) == [page.technician, page.customer, page.site, page.language]
    fill_welcome(wizard, technician="李工", customer="Contoso", site="Room 1")
    wizard.shutdown()
    again = make_wizard()  # technician and customer are remembered; the room is not
    assert again.welcome.resume_button.isVisible()  # what was typed was kept as a draft
    assert again.focusWidget() is again.welcome.resume_button
    again.welcome.discard_button.click()
    assert again.focusWidget() is again.welcome.site
    # A page's scroll area is not a Tab stop of its own: Tab goes from field to field.
    scrolls = again.findChildren(QScrollArea)
    assert scrolls and all(s.focusPolicy() == Qt.NoFocus for s in scrolls)
    again.next()
    again.choose_path.buttons[flow.CHOICE_UNSURE].click()
    again.next()
    assert again.focusWidget() is again.kms_page.domains


def test_an_unexpected_error_is_shown_logged_and_keeps_the_draft(make_wizard, tmp_path, caplog):
    import json
    import logging

    from srs_wizard import logfile

    wizard = make_wizard()
    wizard.log_path = logfile.setup(tmp_path / "appdata")
    try:
        shown = []
        wizard.show_error = lambda title, text: shown.append((title, text))
        fill_welcome(wizard, technician="李工", customer="北京见长门科技有限公司", site="3F")
        try:
            raise KeyError("no such page")  # a bug somewhere in a slot
        except KeyError as exc:
            with caplog.at_level(logging.CRITICAL):
                wizard.report_unexpected_error(type(exc), exc, exc.__traceback__)
        assert shown and shown[0][0] == "Unexpected error"
        assert "KeyError: 'no such page'" in shown[0][1] and str(wizard.log_path) in shown[0][1]
        wizard.wait_for_files()
        assert json.loads(wizard.draft_path.read_text("utf-8"))["customer"] == "北京见长门科技有限公司"
        text = wizard.log_path.read_text("utf-8")
        assert "unexpected error" in text and "Traceback" in text and "no such page" in text
    finally:
        for handler in list(logging.getLogger("srs_wizard").handlers):
            if isinstance(handler, logging.FileHandler):
                logging.getLogger("srs_wizard").removeHandler(handler)
                handler.close()


def test_log_file_setup_is_idempotent_and_survives_an_unwritable_folder(tmp_path):
    import logging

    from srs_wizard import logfile
    from tests.helpers import read_only

    logger = logging.getLogger("srs_wizard")
    before = list(logger.handlers)
    try:
        path = logfile.setup(tmp_path / "a")
        assert logfile.setup(tmp_path / "a") == path
        assert len(logger.handlers) == len(before) + 1
        locked = tmp_path / "locked"
        locked.mkdir()
        with read_only(locked):
            assert logfile.setup(locked / "inner") is None
    finally:
        for handler in set(logger.handlers) - set(before):
            logger.removeHandler(handler)
            handler.close()


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform, on a dialog
def test_about_names_the_version_and_the_log_file(make_wizard, qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from srs_wizard import __version__

    wizard = make_wizard()
    wizard.log_path = tmp_path / "srs-wizard.log"
    seen = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(0, read_and_close)
    wizard.button(QWizard.HelpButton).click()  # "About": returns when the box is closed
    assert seen and __version__ in seen[0] and str(wizard.log_path) in seen[0]


def test_dns_settings_are_read_when_the_kms_page_is_entered(make_wizard, qtbot, tmp_path):
    # The console is plugged into the customer's network after the wizard started: the
    # domains it then gets are the ones the KMS page offers.
    conf = tmp_path / "resolv.conf"
    conf.write_text("nameserver 127.0.0.1\n")
    wizard = make_wizard()
    wizard.kms_page.resolv_conf = str(conf)
    page = go_to_kms(wizard, qtbot)
    assert page.domains.text() == ""
    assert page.domains_message.isVisible()  # "type the customer's domain"
    wizard.back()
    conf.write_text("search contoso.test corp.contoso.test\nnameserver 127.0.0.1\n")
    wizard.next()
    assert page.domains.text() == "contoso.test, corp.contoso.test"
    assert not page.domains_message.isVisible()
    # What the technician typed is kept, whatever the network says later.
    page.domains.setFocus()
    page.domains.selectAll()
    page.domains.insert("fabrikam.test")
    wizard.back()
    conf.write_text("search other.test\nnameserver 127.0.0.9\n")
    wizard.next()
    assert page.domains.text() == "fabrikam.test"
    assert page.nameserver.placeholderText() == "System default (127.0.0.9)"
def test_listener_that_is_not_kms_is_not_ready(make_wizard, qtbot, dnsmasq, rpc_responder):
    web = rpc_responder("http_400")
    zone = Zone().add_kms("contoso.test", "kms01.contoso.test", port=web.port)
    server = dnsmasq(zone.add_host("kms01.contoso.test", "127.0.0.1"))
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    run_check(page, qtbot, "contoso.test", server.address)
    assert wizard.session.kms.verdict == kms.NOT_KMS
    assert page.verdict_title.text() == "KMS hosts found, but none speaks KMS"
    assert page.hosts.item(0, 5).text() == "yes"  # it accepted the connection...
    assert page.hosts.item(0, page.hosts.columnCount() - 1).text() == "not RPC"  # ...but is no KMS host
    assert page.fallback_box.isVisible()


def test_gui_loop_never_stalls_during_the_bind(make_wizard, qtbot, dnsmasq, rpc_responder):
    silent = rpc_responder("silent")  # accepts, reads the bind, never answers: the longest probe
    zone = Zone().add_kms("contoso.test", "kms01.contoso.test", port=silent.port)
    server = dnsmasq(zone.add_host("kms01.contoso.test", "127.0.0.1"))
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    page.advanced_toggle.setChecked(True)
    page.connect_timeout.setValue(0.5)
    heartbeat = Heartbeat()
    run_check(page, qtbot, "contoso.test", server.address)
    heartbeat.stop()
    assert wizard.session.kms.hosts[0].protocol == kms.PROTOCOL_TIMEOUT
    assert heartbeat.count > 30  # the timer really ran during the bind's wait
    # The same check on the GUI thread, in this run: what a stall would be.
    inline = stall_of(qtbot, lambda: kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3,
                                                        connect_timeout=0.5))
    assert heartbeat.longest < inline * 0.25, f"GUI loop stalled for {heartbeat.longest * 1000:.0f} ms " \
                                              f"(the check on the GUI thread: {inline * 1000:.0f} ms)"
