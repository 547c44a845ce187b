"""Summary: what was learned, from the same HTML the PDF is drawn from."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QLocale
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWizard, QWizardPage

from srs_wizard.core.summary import summary_html


def locale_formatters(locale: QLocale | None = None):
    """Date formatters for the user's locale (the record keeps ISO dates)."""
    loc = locale or QLocale()

    def fmt_date(d):
        return loc.toString(QDate(d.year, d.month, d.day), QLocale.LongFormat)

    def fmt_datetime(dt):
        return loc.toString(QDateTime.fromSecsSinceEpoch(int(dt.timestamp())), QLocale.LongFormat)

    return fmt_datetime, fmt_date


class SummaryPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName("Summary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setFinalPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Check the facts, then save them as a PDF to leave with the customer."))
        self.view.setAccessibleName(self.tr("Summary"))
        if self.wizard() is not None and self.wizard().currentPage() is self:
            self.refresh()

    def html(self) -> str:
        record = self.wizard().session.to_record()
        fmt_dt, fmt_d = locale_formatters(self.wizard().locale())
        return summary_html(record, format_datetime=fmt_dt, format_date=fmt_d)

    def refresh(self) -> None:
        self.view.setHtml(self.html())

    def initializePage(self) -> None:
        self.refresh()
        self.wizard().setOption(QWizard.HaveCustomButton1, True)

    def cleanupPage(self) -> None:
        self.wizard().setOption(QWizard.HaveCustomButton1, False)

    def load(self, session) -> None:
        pass  # drawn from the session each time the page is shown
