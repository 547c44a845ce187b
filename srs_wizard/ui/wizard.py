"""The wizard window: its pages, navigation through flow.py, language, thread pools, clean
shutdown. The session and its draft belong to ui/controller.py, the message boxes to
ui/dialogs.py."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# Only what the first page needs: PySide builds each Qt class (and its enums) the first time
# it is imported, which is a good part of the start-up time. The rest is imported where used.
from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtWidgets import QWizard

from srs_wizard import APP_NAME, ORGANIZATION, flow
from srs_wizard.lang import LANGUAGE_NAMES, LANGUAGES
from srs_wizard.paths import resource_path
from srs_wizard.ui.controller import SessionController
from srs_wizard.ui.pages.welcome import WelcomePage

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from srs_wizard.core.session import Session

log = logging.getLogger(__name__)

def default_settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APP_NAME)


def app_icon() -> "QIcon":
    from PySide6.QtGui import QIcon

    return QIcon(str(resource_path("icons", "srs-wizard.png")))


# Every page of flow.Page, once: the wizard's attribute for it, and where its class lives.
# The welcome page is built at once; the others just after it is painted (or at the first Next).
PAGES: dict[flow.Page, tuple[str, str, str]] = {
    flow.Page.WELCOME: ("welcome", "srs_wizard.ui.pages.welcome", "WelcomePage"),
    flow.Page.CHOOSE_PATH: ("choose_path", "srs_wizard.ui.pages.choose_path", "ChoosePathPage"),
    flow.Page.KMS_CHECK: ("kms_page", "srs_wizard.ui.pages.kms_check", "KmsCheckPage"),
    flow.Page.MAK: ("mak_page", "srs_wizard.ui.pages.mak", "MakPage"),
    flow.Page.PROMO: ("promo_page", "srs_wizard.ui.pages.promo", "PromoPage"),
    flow.Page.SUMMARY: ("summary_page", "srs_wizard.ui.pages.summary", "SummaryPage"),
    flow.Page.ACTIVATION: ("activation_page", "srs_wizard.ui.pages.activation", "ActivationPage"),
    flow.Page.OFFLINE: ("offline_page", "srs_wizard.ui.pages.offline", "OfflinePage"),
}


class SrsWizard(QWizard):
    # The welcome page has been painted: it is what the user sees first.
    first_page_shown = Signal()

    def __init__(self, session: "Session | None" = None, settings: QSettings | None = None,
                 data_dir: str | Path | None = None, language: str | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or default_settings()
        self.language = self._install_language(language or str(self.settings.value("ui/language", "") or ""))
        self._pools: dict = {}
        # The session and its draft belong to the controller; pages hand it their values.
        self.controller = SessionController(self.settings, self._file_pool_or_none, data_dir, session, self)
        self.controller.on_draft_found = self._show_offer
        self.controller.on_drafts_failed = self._draft_not_written
        self.controller.on_session_replaced = self._load_all
        self.draft_notice = None   # the "drafts cannot be saved" notice, while shown
        self.started = False  # first page shown, the other pages built, the draft looked for
        self._closed = False
        self._reporting_error = False
        self.log_path: Path | None = None  # the log file, once app.main has opened it
        self.show_error = lambda title, text: dialogs().show_error_box(self, title, text)  # replaced in tests
        self.show_notice = self._show_notice_box

        # Only the welcome page is built now; the others (and the DNS, key, mail and PDF
        # code behind them) right after it is on screen, or at once if Next comes first.
        for attribute, _module, _cls in PAGES.values():
            setattr(self, attribute, None)
        self.welcome = WelcomePage()
        self._register(flow.Page.WELCOME, self.welcome)
        self.setStartId(flow.Page.WELCOME)
        self.welcome.first_paint = self._on_first_paint

        self.setOption(QWizard.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.HaveHelpButton, True)
        self.setOption(QWizard.NoCancelButtonOnLastPage, False)
        # The language switch in the button row, on every page: it names the other language
        # in that language, so a technician who cannot read the current one finds it.
        self.setOption(QWizard.HaveCustomButton2, True)
        self.helpRequested.connect(self.show_about)
        self.customButtonClicked.connect(self._custom_button)
        self.setMinimumSize(720, 560)
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(960, 760)

        if session is not None:
            self.welcome.load(session)
        else:
            remembered = self.controller.remembered()
            self.welcome.load_remembered(remembered)
            self.controller.start_with(self.welcome.value())
        self.welcome.set_language_choice(self.language)
        self.welcome.language_chosen.connect(self.set_language)
        self.welcome.resume_button.clicked.connect(self.resume_draft)
        self.welcome.discard_button.clicked.connect(self.discard_draft)
        self.retranslate()
        self._look_for_a_draft = session is None

    def _register(self, page_id: flow.Page, page) -> None:
        self.setPage(page_id, page)
        self.controller.connect_page(page)

    # ------------------------------------------------------------------ the controller's, for callers
    @property
    def session(self) -> "Session":
        return self.controller.session

    def session_changed(self) -> None:
        """Something in the session changed: it is saved in a moment."""
        self.controller.changed()

    @property
    def _remember_timer(self) -> QTimer:
        return self.controller.timer

    @property
    def data_dir(self) -> Path:
        return self.controller.data_dir

    @property
    def draft_path(self) -> Path:
        return self.controller.draft_path

    @property
    def has_draft_offer(self) -> bool:
        return self.controller.pending_draft is not None

    def save_draft(self) -> None:
        self.controller.save_draft()

    def remove_draft(self) -> None:
        self.controller.remove_draft()

    def wait_for_files(self) -> None:
        self.controller.wait_for_files()

    def all_pages(self):
        pages = (getattr(self, attribute) for attribute, _module, _cls in PAGES.values())
        return [p for p in pages if p is not None]

    # ------------------------------------------------------------------ thread pools
    def _thread_pool(self, name: str, threads: int):
        if name not in self._pools:
            from PySide6.QtCore import QThreadPool

            pool = QThreadPool(self)
            pool.setMaxThreadCount(threads)
            self._pools[name] = pool
        return self._pools[name]

    @property
    def pool(self):
        """Slow work (DNS, TCP, the PDF) runs here, never on the GUI thread."""
        return self._thread_pool("work", 4)

    @property
    def file_pool(self):
        """Draft writes (with fsync) go here, one at a time and in order."""
        return self._thread_pool("files", 1)

    def _file_pool_or_none(self, create: bool = True):
        return self.file_pool if create else self._pools.get("files")

    # ------------------------------------------------------------------ pages
    def _on_first_paint(self) -> None:
        self.first_page_shown.emit()
        QTimer.singleShot(0, self._finish_starting)

    def _finish_starting(self) -> None:
        # The icon is set once the page is on screen: QIcon is among the slower Qt classes to
        # load, and the window has no frame to show it in before its first paint anyway.
        from PySide6.QtWidgets import QApplication

        QApplication.setWindowIcon(app_icon())
        self.welcome.add_console_script()
        self._apply_locale()
        if self._look_for_a_draft:
            self.controller.look_for_draft()
            self._look_for_a_draft = False
        if self.currentPage() is self.welcome:
            self.welcome.focus_first()
        self.ensure_pages()
        self.started = True

    def ensure_pages(self) -> None:
        """Build the pages after the welcome page (idempotent)."""
        if self.summary_page is not None or self._closed:
            return
        import importlib

        built = []
        for page_id, (attribute, module, cls) in PAGES.items():
            if getattr(self, attribute) is None:
                page = getattr(importlib.import_module(module), cls)()
                setattr(self, attribute, page)
                built.append((page_id, page))
        for page_id, page in built:
            self._register(page_id, page)
            page.load(self.session)
            page.retranslate()
        from srs_wizard.ui.widgets import touch_lists

        touch_lists(self)  # drop-down items a finger can hit, on every page

    def _load_all(self, session) -> None:
        self.welcome.resume_box.hide()
        self.welcome.load(session)
        self.welcome.focus_first()
        for page in self.all_pages():
            if page is not self.welcome:
                page.load(session)

    # ------------------------------------------------------------------ language
    def _install_language(self, wanted: str) -> str:
        from srs_wizard.ui import language

        return language.install(wanted or language.system_language())

    def _apply_locale(self) -> None:
        from srs_wizard.ui import language

        language.apply_locale(self.language, self, *self.all_pages())

    def set_language(self, wanted: str) -> None:
        """Switch at once; what was typed stays, and the choice is remembered."""
        if wanted == self.language:
            return
        self.language = self._install_language(wanted)
        self._apply_locale()
        self.settings.setValue("ui/language", self.language)
        # QWizard words its own buttons (Back, Next, Cancel ...) when its style is set; it
        # ignores a language change, so set the style again.
        style = self.wizardStyle()
        self.setWizardStyle(QWizard.ClassicStyle if style != QWizard.ClassicStyle else QWizard.ModernStyle)
        self.setWizardStyle(style)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("srs-wizard: Skype Room System licensing"))
        self.setButtonText(QWizard.HelpButton, self.tr("&About"))
        self.setButtonText(QWizard.CustomButton1, self.tr("&Save PDF…"))
        self.button(QWizard.CustomButton1).setAccessibleName(self.tr("Save PDF"))
        switch = self.button(QWizard.CustomButton2)
        other = LANGUAGE_NAMES[self.other_language()]
        switch.setText(other)
        switch.setAccessibleName(self.tr("Language"))
        switch.setToolTip(self.tr("Show the wizard in {language}").format(language=other))
        self.welcome.set_language_choice(self.language)
        for page in self.all_pages():
            page.retranslate()

    # ------------------------------------------------------------------ navigation
    def validateCurrentPage(self) -> bool:
        self.ensure_pages()  # Next was pressed before the later pages were built
        page = self.currentPage()
        if page is self.welcome:
            self.controller.went_past_welcome = True
        if page is self.summary_page:
            if not self.summary_page.ready_to_finish():
                return False
            self.summary_page.offer_open_folder()
        if not super().validateCurrentPage():
            return False
        if page is not None:
            self.controller.take(page)  # the page hands over what it collected
        return True

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return flow.Page.WELCOME
        state = self.session.flow_state() if self.controller.has_session else flow.FlowState()
        return int(flow.next_page(flow.Page(current), state))

    # ------------------------------------------------------------------ the draft, as the technician sees it
    def _show_offer(self, pending: "Session | None", written: float | None, damaged: list[str]) -> None:
        from PySide6.QtCore import QDateTime, QLocale

        parts = []
        if damaged:
            parts.append(self.tr(
                "The unfinished session saved last time could not be read, so this is a fresh start. "
                "The damaged file was kept as {path}.").format(path=", ".join(damaged)))
        if pending is not None:
            who = pending.customer or pending.site
            when = QDateTime.fromSecsSinceEpoch(int(written or 0))
            parts.append(self.tr("An unfinished session from {when} was found{who}. Resume it?").format(
                when=self.locale().toString(when, QLocale.ShortFormat),
                who=self.tr(" ({name})").format(name=who) if who else ""))
        self.welcome.offer_resume("\n".join(parts), can_resume=pending is not None)

    def resume_draft(self) -> None:
        self.controller.resume_draft()  # the pages load it (session_replaced)

    def discard_draft(self) -> None:
        self.welcome.resume_box.hide()
        self.controller.discard_draft()
        self.welcome.focus_first()

    def _draft_not_written(self, folder: str, reason: str) -> None:
        if Path(folder).exists() and not Path(folder).is_dir():
            reason = self.tr("{folder} is a file, not a folder").format(folder=folder)
        if self._closed:
            return
        self.show_notice(*dialogs().drafts_failed(folder, reason))

    # ------------------------------------------------------------------ message boxes
    def _show_notice_box(self, title: str, text: str) -> None:
        box = dialogs().show_notice_box(self, title, text)
        self.draft_notice = box
        box.destroyed.connect(lambda *_: setattr(self, "draft_notice", None))

    def show_about(self) -> None:
        dialogs().show_about(self, self.log_path)

    def other_language(self) -> str:
        return next(code for code in LANGUAGES if code != self.language)

    def _custom_button(self, which: int) -> None:
        if int(which) == QWizard.CustomButton2.value:
            self.set_language(self.other_language())
            return
        if int(which) == QWizard.CustomButton1.value and self.summary_page is not None \
                and self.currentPage() is self.summary_page:
            self.summary_page.save_pdf()

    def report_unexpected_error(self, kind, value, tb) -> None:
        """A bug: log it with its traceback, keep what was typed, and say so in words."""
        import traceback

        if self._reporting_error:
            return
        self._reporting_error = True
        try:
            log.critical("unexpected error", exc_info=(kind, value, tb))
            if sys.stderr is not None:
                traceback.print_exception(kind, value, tb)
            try:
                self.controller.save_draft(force=True)
            except Exception:  # the draft is a safety net; the message below matters more
                log.exception("draft not saved after the error")
            self.show_error(*dialogs().unexpected_error(kind, value, self.log_path))
        finally:
            self._reporting_error = False

    # ------------------------------------------------------------------ closing
    def shutdown(self) -> None:
        """Cancel running work and wait for the pool: no thread outlives the window."""
        if self._closed:
            return
        self._closed = True
        for page in self.all_pages():
            stop = getattr(page, "shutdown", None)
            if stop is not None:
                stop()
        if "work" in self._pools:
            self._pools["work"].waitForDone(5000)
        self.controller.close()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()

    def done(self, result: int) -> None:
        # QWizard.done validates the page before accepting (Finish on the summary asks
        # about an unsaved PDF) and stays open when it says no: only a closed wizard has
        # finished, and only a finished session loses its draft.
        super().done(result)
        if self.isVisible():
            return
        from PySide6.QtWidgets import QDialog

        if result == QDialog.Accepted:
            self.controller.finish()
        self.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)


def dialogs():
    from srs_wizard.ui import dialogs as module  # QMessageBox and friends: not before page one

    return module
