"""The wizard window: pages, navigation through flow.py, settings, clean shutdown."""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from pathlib import Path

from typing import TYPE_CHECKING

# Only what the first page needs: PySide builds each Qt class (and its enums) the first time
# it is imported, which is a good part of the start-up time. The rest is imported where used.
from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtWidgets import QWizard

from srs_wizard import APP_NAME, ORGANIZATION, flow
from srs_wizard.paths import resource_path
from srs_wizard.ui.pages.welcome import WelcomePage

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from srs_wizard.core.session import Session

log = logging.getLogger(__name__)

REMEMBERED = ("technician", "customer")  # the room name changes with every room


DRAFT_NAME = "draft.json"
DRAFT_PATTERN = re.compile(r"draft(?:-\d+)?\.json")  # draft.json, draft-2.json, ...
MAX_DRAFTS_LOOKED_AT = 20


def _write_draft(folder: Path, path: Path, data: bytes) -> None:
    """Runs on the file pool. OSError goes back to the wizard, which tells the technician once."""
    from srs_wizard.core.files import atomic_write

    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)


def _remove_file(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("draft not removed: %s", exc.strerror or exc)


def drafts_in(folder: Path) -> list[Path]:
    """The drafts in ``folder``, newest first (an unreadable folder has none)."""
    found = []
    try:
        for entry in os.scandir(folder):
            if DRAFT_PATTERN.fullmatch(entry.name):
                try:
                    found.append((entry.stat().st_mtime, entry.name))
                except OSError:
                    continue
    except OSError:
        return []
    found.sort(reverse=True)
    return [folder / name for _mtime, name in found[:MAX_DRAFTS_LOOKED_AT]]


def free_draft_path(folder: Path, taken: set[str]) -> Path:
    """draft.json, or draft-2.json, draft-3.json ...: a name no draft in ``folder`` has."""
    names = {p.name for p in drafts_in(folder)} | taken
    if DRAFT_NAME not in names:
        return folder / DRAFT_NAME
    n = 2
    while f"draft-{n}.json" in names:
        n += 1
    return folder / f"draft-{n}.json"


def default_data_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))


def default_settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APP_NAME)


def app_icon() -> "QIcon":
    from PySide6.QtGui import QIcon

    return QIcon(str(resource_path("icons", "srs-wizard.png")))


class SrsWizard(QWizard):
    # The welcome page has been painted: it is what the user sees first.
    first_page_shown = Signal()

    def __init__(self, session: "Session | None" = None, settings: QSettings | None = None,
                 data_dir: str | Path | None = None, language: str | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or default_settings()
        self.language = self._install_language(language or str(self.settings.value("ui/language", "") or ""))
        self._data_dir = Path(data_dir) if data_dir is not None else None
        self._pending_draft: "Session | None" = None  # offered, not yet answered
        self._offered_path: Path | None = None         # the file of the offered draft
        self._draft_path: Path | None = None           # the live session's draft, once known
        self._told_drafts_fail = False                 # the technician is told once
        self.draft_notice = None                       # that message, while shown
        self._went_past_welcome = False                # the new session holds more than page one
        self._pools: dict = {}
        self.started = False  # first page shown, the other pages built, the draft looked for
        self._session = session  # made on first use: its modules are not needed to show page one
        self._closed = False
        self._finished = False
        self._dirty = False  # the user changed something since the draft was last written
        self._reporting_error = False
        self.log_path: Path | None = None  # the log file, once app.main has opened it
        self.show_error = self._show_error_box  # replaced in tests
        self.show_notice = self._show_notice_box

        # Only the welcome page is built now; the others (and the DNS, key, mail and PDF
        # code behind them) right after it is on screen, or at once if Next comes first.
        self.welcome = WelcomePage()
        self.choose_path = self.kms_page = self.mak_page = self.promo_page = self.summary_page = None
        self.activation_page = None
        self.setPage(flow.Page.WELCOME, self.welcome)
        self.setStartId(flow.Page.WELCOME)
        self.welcome.first_paint = self._on_first_paint

        self.setOption(QWizard.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.HaveHelpButton, True)
        self.setOption(QWizard.NoCancelButtonOnLastPage, False)
        self.helpRequested.connect(self.show_about)
        self.customButtonClicked.connect(self._custom_button)
        self.setMinimumSize(720, 560)
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(960, 760)

        self._remember_timer = QTimer(self)
        self._remember_timer.setSingleShot(True)
        self._remember_timer.setInterval(400)
        self._remember_timer.timeout.connect(self._save_progress)
        if session is not None:
            self.welcome.load(session)
        else:
            self.welcome.load_remembered({k: str(self.settings.value(f"welcome/{k}", "") or "") for k in REMEMBERED})
        self.welcome.set_language_choice(self.language)
        self.welcome.language_chosen.connect(self.set_language)
        self.welcome.resume_button.clicked.connect(self.resume_draft)
        self.welcome.discard_button.clicked.connect(self.discard_draft)
        self.retranslate()
        self._look_for_a_draft = session is None

    @property
    def session(self) -> "Session":
        if self._session is None:
            from srs_wizard.core.session import Session

            self._session = Session()
            for key in ("technician", "customer", "site"):
                setattr(self._session, key, getattr(self.welcome, key).text())
            if self.choose_path is not None:
                self._session.choice = self.choose_path.choice()
        return self._session

    def all_pages(self):
        pages = [self.welcome, self.choose_path, self.kms_page, self.mak_page, self.promo_page, self.activation_page,
                 self.summary_page]
        return [p for p in pages if p is not None]

    @property
    def data_dir(self) -> Path:
        if self._data_dir is None:
            self._data_dir = default_data_dir()
        return self._data_dir

    @property
    def draft_path(self) -> Path:
        """Where this session's draft is written: draft.json, or another name while an
        earlier session's draft is being offered (both are kept until it is answered)."""
        if self._draft_path is None:  # never a name an existing draft has, looked at or not
            self._draft_path = free_draft_path(self.data_dir, set())
        return self._draft_path

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

    def _on_first_paint(self) -> None:
        self.first_page_shown.emit()
        QTimer.singleShot(0, self._finish_starting)

    def _finish_starting(self) -> None:
        # The icon is set once the page is on screen: QIcon is among the slower Qt classes to
        # load, and the window has no frame to show it in before its first paint anyway.
        from PySide6.QtWidgets import QApplication

        QApplication.setWindowIcon(app_icon())
        self._apply_locale()
        if self._look_for_a_draft:
            self._look_for_draft()
            self._look_for_a_draft = False
        if self.currentPage() is self.welcome:
            self.welcome.focus_first()
        self.ensure_pages()
        self.started = True

    def ensure_pages(self) -> None:
        """Build the pages after the welcome page (idempotent)."""
        if self.summary_page is not None or self._closed:
            return
        from srs_wizard.ui.pages.choose_path import ChoosePathPage
        from srs_wizard.ui.pages.kms_check import KmsCheckPage
        from srs_wizard.ui.pages.mak import MakPage
        from srs_wizard.ui.pages.promo import PromoPage
        from srs_wizard.ui.pages.summary import SummaryPage

        self.choose_path = ChoosePathPage()
        self.kms_page = KmsCheckPage()
        self.mak_page = MakPage()
        self.promo_page = PromoPage()
        self.summary_page = SummaryPage()
        for page_id, page in ((flow.Page.CHOOSE_PATH, self.choose_path), (flow.Page.KMS_CHECK, self.kms_page),
                              (flow.Page.MAK, self.mak_page), (flow.Page.PROMO, self.promo_page),
                              (flow.Page.SUMMARY, self.summary_page)):
            self.setPage(page_id, page)
            page.load(self.session)
            page.retranslate()
        self._add_activation_page()

    def _add_activation_page(self) -> None:
        """Activate and check: after the KMS and MAK pages, before the summary."""
        from srs_wizard.ui.pages.activation import ActivationPage

        self.activation_page = ActivationPage()
        self.setPage(flow.Page.ACTIVATION, self.activation_page)
        self.activation_page.load(self.session)
        self.activation_page.retranslate()

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
        for page in self.all_pages():
            page.retranslate()

    def validateCurrentPage(self) -> bool:
        self.ensure_pages()  # Next was pressed before the later pages were built
        if self.currentPage() is self.welcome:
            self._went_past_welcome = True
        if self.currentPage() is self.summary_page:
            if not self.summary_page.ready_to_finish():
                return False
            self.summary_page.offer_open_folder()
        return super().validateCurrentPage()

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return flow.Page.WELCOME
        state = self._session.flow_state() if self._session is not None else flow.FlowState()
        return int(flow.next_page(flow.Page(current), state))

    def session_changed(self) -> None:
        """Pages call this after the user changed something: it is saved in a moment."""
        self._dirty = True
        self._remember_timer.start()

    def _save_progress(self) -> None:
        self._remember()
        self.save_draft()

    # ------------------------------------------------------------------ the draft
    def _look_for_draft(self) -> None:
        """Offer to resume the newest unfinished session; set damaged drafts aside.

        Everything here is bounded: a draft is opened without blocking and read only if it
        is a regular file of sane size, so a FIFO or a device at its path cannot freeze the
        start, and any JSON at all is checked (session.draft_problems) before it is offered.
        """
        from srs_wizard.core import session as session_mod

        damaged: list[str] = []
        for path in drafts_in(self.data_dir):
            if path == self._draft_path:
                continue  # this session's own, written before the look
            try:
                data, written = session_mod.read_draft(path)
                offered = session_mod.Session.from_draft(data)
            except FileNotFoundError:
                continue
            except (OSError, session_mod.DraftError) as exc:
                damaged.append(self._set_aside(path, exc))
                continue
            self._pending_draft, self._offered_path = offered, path
            self._show_offer(written, damaged)
            return
        if damaged:
            self._show_offer(None, damaged)

    def _set_aside(self, path: Path, exc: Exception) -> str:
        aside = path.with_name(f"draft-unreadable-{time.strftime('%Y%m%d-%H%M%S')}-{path.stem}.json")
        try:
            path.replace(aside)
            where = str(aside)
        except OSError:
            where = str(path)
        # Codes and field names only: a draft's values may hold what was typed.
        reason = ", ".join(getattr(exc, "problems", [])) or type(exc).__name__
        log.warning("unreadable draft %s set aside (%s)", path.name, reason)
        return where

    def _show_offer(self, written: float | None, damaged: list[str]) -> None:
        from PySide6.QtCore import QDateTime, QLocale

        parts = []
        if damaged:
            parts.append(self.tr(
                "The unfinished session saved last time could not be read, so this is a fresh start. "
                "The damaged file was kept as {path}.").format(path=", ".join(damaged)))
        if self._pending_draft is not None:
            who = self._pending_draft.customer or self._pending_draft.site
            when = QDateTime.fromSecsSinceEpoch(int(written or 0))
            parts.append(self.tr("An unfinished session from {when} was found{who}. Resume it?").format(
                when=self.locale().toString(when, QLocale.ShortFormat),
                who=self.tr(" ({name})").format(name=who) if who else ""))
        self.welcome.offer_resume("\n".join(parts), can_resume=self._pending_draft is not None)

    @property
    def has_draft_offer(self) -> bool:
        return self._pending_draft is not None

    def resume_draft(self) -> None:
        if self._pending_draft is None:
            return
        self.wait_for_files()
        if not self._went_past_welcome:
            # Only the welcome fields were typed, and Resume replaces them before the
            # technician's eyes: that second draft goes. A session taken further is kept
            # and offered at a later start.
            _remove_file(self.draft_path)
        self._session, self._pending_draft = self._pending_draft, None
        self._draft_path, self._offered_path = self._offered_path, None
        self._dirty = False
        self.welcome.resume_box.hide()
        self.welcome.load(self._session)
        self.welcome.focus_first()
        for page in self.all_pages():
            if page is not self.welcome:
                page.load(self._session)

    def discard_draft(self) -> None:
        offered, self._offered_path = self._offered_path, None
        self._pending_draft = None
        self.welcome.resume_box.hide()
        if offered is not None:
            self.wait_for_files()
            _remove_file(offered)
        self.welcome.focus_first()

    def save_draft(self) -> None:
        if self._session is None or not self._dirty or self._finished:
            return  # nothing typed yet
        import json

        from srs_wizard.ui import workers

        data = json.dumps(self._session.to_draft(), ensure_ascii=False).encode("utf-8")
        self._dirty = False
        folder, path = self.data_dir, self.draft_path
        task = workers.Task(lambda: _write_draft(folder, path, data))
        task.signals.errored.connect(self._draft_not_written)
        workers.start(self.file_pool, task)

    def _draft_not_written(self, _tag: int, reason: str) -> None:
        folder = self.data_dir
        if folder.exists() and not folder.is_dir():
            reason = self.tr("{folder} is a file, not a folder").format(folder=folder)
        log.warning("drafts cannot be written to %s: %s", folder, reason)
        if self._told_drafts_fail or self._closed:
            return
        self._told_drafts_fail = True
        self.show_notice(self.tr("Drafts cannot be saved"), self.tr(
            "What you type cannot be kept as a draft in {folder} ({reason}), so it would be lost if "
            "srs-wizard or the console stopped. Keep going, and on the last page save the summary with "
            "Save PDF… in a folder you can write to, such as Documents or a USB drive.").format(
                folder=folder, reason=reason))

    def wait_for_files(self) -> None:
        if "files" in self._pools:
            self._pools["files"].waitForDone(10000)

    def remove_draft(self) -> None:
        """This session's draft goes (it finished); another session's draft is kept."""
        self.wait_for_files()  # a draft still being written must not reappear afterwards
        _remove_file(self.draft_path)

    def _remember(self) -> None:
        for key in REMEMBERED:
            self.settings.setValue(f"welcome/{key}", getattr(self.welcome, key).text().strip())

    def _custom_button(self, which: int) -> None:
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
                self._dirty = True
                self.save_draft()
            except Exception:  # the draft is a safety net; the message below matters more
                log.exception("draft not saved after the error")
            where = self.tr("Details are in {path}.").format(path=self.log_path) if self.log_path else ""
            self.show_error(self.tr("Unexpected error"), self.tr(
                "Something went wrong inside srs-wizard: {error}\n\nWhat you typed is kept: it is saved as a "
                "draft and offered again at the next start. {details}").format(
                    error="".join(traceback.format_exception_only(kind, value)).strip(), details=where).strip())
        finally:
            self._reporting_error = False

    def _show_error_box(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self, title, text)

    def _show_notice_box(self, title: str, text: str) -> None:
        """A warning that does not stop the work: non-modal, the wizard stays usable."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self)
        box.setTextFormat(Qt.PlainText)
        box.setWindowModality(Qt.NonModal)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setAccessibleName(title)
        self.draft_notice = box
        box.destroyed.connect(lambda *_: setattr(self, "draft_notice", None))
        box.show()

    def show_about(self) -> None:
        from srs_wizard import __version__

        from PySide6.QtWidgets import QMessageBox

        text = self.tr(
            "srs-wizard {version}\n\nFinds out how a Skype Room System's Skype for Business client gets its "
            "volume license (KMS, MAK or a promotional MAK) and records it.").format(version=__version__)
        if self.log_path:
            text += "\n\n" + self.tr("Log file: {path}").format(path=self.log_path)
        QMessageBox.about(self, self.tr("About srs-wizard"), text)

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
        self._remember_timer.stop()
        self._save_progress()
        self.wait_for_files()
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
            self._finished = True
            self.remove_draft()
        self.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
