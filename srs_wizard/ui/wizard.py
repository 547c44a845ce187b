"""The wizard window: pages, navigation through flow.py, settings, clean shutdown."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSettings, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWizard

from srs_wizard import APP_NAME, ORGANIZATION, __version__, flow
from srs_wizard.core.session import Session
from srs_wizard.paths import resource_path
from srs_wizard.ui.pages.choose_path import ChoosePathPage
from srs_wizard.ui.pages.kms_check import KmsCheckPage
from srs_wizard.ui.pages.mak import MakPage
from srs_wizard.ui.pages.promo import PromoPage
from srs_wizard.ui.pages.summary import SummaryPage
from srs_wizard.ui.pages.welcome import WelcomePage

log = logging.getLogger(__name__)

REMEMBERED = ("technician", "customer")  # the room name changes with every room


def default_settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APP_NAME)


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "srs-wizard.svg")))


class SrsWizard(QWizard):
    def __init__(self, session: Session | None = None, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or default_settings()
        self.session = session or Session()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self._closed = False
        if session is None:
            for key in REMEMBERED:
                setattr(self.session, key, str(self.settings.value(f"welcome/{key}", "") or ""))

        self.welcome = WelcomePage()
        self.choose_path = ChoosePathPage()
        self.kms_page = KmsCheckPage()
        self.mak_page = MakPage()
        self.promo_page = PromoPage()
        self.summary_page = SummaryPage()
        self.setPage(flow.Page.WELCOME, self.welcome)
        self.setPage(flow.Page.CHOOSE_PATH, self.choose_path)
        self.setPage(flow.Page.KMS_CHECK, self.kms_page)
        self.setPage(flow.Page.MAK, self.mak_page)
        self.setPage(flow.Page.PROMO, self.promo_page)
        self.setPage(flow.Page.SUMMARY, self.summary_page)
        self.setStartId(flow.Page.WELCOME)

        self.setOption(QWizard.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.HaveHelpButton, True)
        self.setOption(QWizard.NoCancelButtonOnLastPage, False)
        self.helpRequested.connect(self.show_about)
        self.setWindowIcon(app_icon())
        self.setMinimumSize(720, 560)
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(960, 760)

        self._remember_timer = QTimer(self)
        self._remember_timer.setSingleShot(True)
        self._remember_timer.setInterval(400)
        self._remember_timer.timeout.connect(self._remember)
        for page in self.all_pages():
            page.load(self.session)
        self.retranslate()

    def all_pages(self):
        return [self.welcome, self.choose_path, self.kms_page, self.mak_page, self.promo_page, self.summary_page]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("srs-wizard: Skype Room System licensing"))
        self.setButtonText(QWizard.HelpButton, self.tr("&About"))
        self.setButtonText(QWizard.CustomButton1, self.tr("&Save PDF…"))
        self.button(QWizard.CustomButton1).setAccessibleName(self.tr("Save PDF"))
        for page in self.all_pages():
            page.retranslate()

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return flow.Page.WELCOME
        return int(flow.next_page(flow.Page(current), self.session.flow_state()))

    def session_changed(self) -> None:
        """Pages call this after writing to the session."""
        self._remember_timer.start()

    def _remember(self) -> None:
        for key in REMEMBERED:
            self.settings.setValue(f"welcome/{key}", getattr(self.session, key).strip())

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About srs-wizard"), self.tr(
            "srs-wizard {version}\n\nFinds out how a Skype Room System's Skype for Business client gets its "
            "volume license (KMS, MAK or a promotional MAK) and records it.").format(version=__version__))

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
        self.pool.waitForDone(5000)
        self._remember_timer.stop()
        self._remember()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
