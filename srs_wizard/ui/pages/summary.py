"""Summary: what was learned, from the same HTML the PDF is drawn from."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QTextBrowser,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from srs_wizard.core import product_key
from srs_wizard.core.present.summary import summary_html
from srs_wizard.locale_format import locale_formatters
from srs_wizard.ui import workers
from srs_wizard.ui.widgets import CopyButton, FieldMessage

log = logging.getLogger(__name__)


def record_facts(record) -> str:
    """What a saved PDF shows, to tell whether it still matches: the record without its time."""
    import json

    return json.dumps({k: v for k, v in record.to_json().items() if k != "created"}, sort_keys=True,
                      ensure_ascii=False, default=str)


def write_pdf_and_record(record, pdf_path: str, locale: QLocale) -> str:
    """Runs on a worker: draw the PDF, then write it and the record side by side, atomically."""
    from srs_wizard import pdf
    from srs_wizard.core.files import atomic_write_many

    fmt_dt, fmt_d = locale_formatters(locale)
    data = pdf.render_pdf_bytes(record, locale=locale, format_datetime=fmt_dt, format_date=fmt_d)
    json_path = str(Path(pdf_path).with_suffix(".json"))
    atomic_write_many([(pdf_path, data), (json_path, record.dumps().encode("utf-8"))])
    return pdf_path


class SummaryPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        # Shown when a product key was typed into a name or a note: it is saved masked.
        self.key_note = FieldMessage()
        # For a ticket or an email: the summary as text (the key masked, as on the page).
        self.copy_summary = CopyButton("", self.view.toPlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.key_note)
        layout.addWidget(self.progress)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.copy_summary, 0, Qt.AlignTop)
        layout.addLayout(row)
        self.setFinalPage(True)
        self._task = None
        self.saved_path: str | None = None  # the PDF on disk, while it matches the record
        self._saved_facts: str | None = None
        # Replaced in tests: where to save, whether to open the result, how to tell of a failure.
        self.choose_save_path = self._ask_save_path
        self.ask_open = self._ask_open
        self.show_failure = self._show_failure
        self.confirm_unsaved = self._confirm_unsaved
        # Finish offers the saved PDF's folder, so the records can be copied for the project
        # manager (srs-wizard rollout); replaced in tests, so no file manager opens there.
        self.offer_folder = self._offer_folder
        self.open_url = QDesktopServices.openUrl
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Check the facts, then save them as a PDF to leave with the customer."))
        self.view.setAccessibleName(self.tr("Summary"))
        self.copy_summary.set_label(self.tr("Cop&y summary"))
        self.copy_summary.setAccessibleName(self.tr("Copy summary"))
        self.copy_summary.setToolTip(self.tr("Copies the summary as text, for a ticket or an email."))
        if self.wizard() is not None and self.wizard().currentPage() is self:
            self.refresh()

    def html(self) -> str:
        record = self.wizard().session.to_record(check=False)  # shown as it is; Save PDF checks it
        fmt_dt, fmt_d = locale_formatters(self.wizard().locale())
        return summary_html(record, format_datetime=fmt_dt, format_date=fmt_d)

    def refresh(self) -> None:
        self.view.setHtml(self.html())
        self.key_note.show_warning(self.tr(
            "A product key was typed into a name, a note or a request field: the summary, the PDF and the "
            "record show it with only its last 5 characters.") if self._typed_a_key() else None)

    def _typed_a_key(self) -> bool:
        session = self.wizard().session
        texts = [session.technician, session.customer, session.site, session.notes]
        if session.path == "promo":
            texts += [v for v in vars(session.promo).values() if isinstance(v, str)]
        return any(product_key.contains_whole_key(t) for t in texts)

    def initializePage(self) -> None:
        self._forget_a_stale_pdf()
        self.refresh()
        self.wizard().setOption(QWizard.HaveCustomButton1, True)

    def cleanupPage(self) -> None:
        self.wizard().setOption(QWizard.HaveCustomButton1, False)

    # ------------------------------------------------------------------ saving
    def suggested_path(self) -> str:
        from srs_wizard.pdf import suggested_name

        # The first time Documents (never the program's own folder), then where the last file went.
        folder = self.wizard().settings.value("save/folder") or QStandardPaths.writableLocation(
            QStandardPaths.DocumentsLocation) or str(Path.home())
        return str(Path(folder) / suggested_name(self.wizard().session.to_record(check=False)))

    def _ask_save_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the summary as PDF"), suggested,
                                              self.tr("PDF document (*.pdf)"))
        return path

    def _ask_open(self, path: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Saved"), self.tr(
            "The summary was saved as {path}, with its record beside it. Open the PDF now?").format(path=path))
        return answer == QMessageBox.Yes

    def _show_failure(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), message)

    def _confirm_unsaved(self) -> bool:
        answer = QMessageBox.question(self, self.tr("Not saved yet"), self.tr(
            "The summary has not been saved as a PDF. Finish without saving it?"),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def _forget_a_stale_pdf(self) -> None:
        """A fact changed since Save PDF (Back, an edit): the PDF on disk no longer matches."""
        if self.saved_path is None:
            return
        if record_facts(self.wizard().session.to_record(check=False)) != self._saved_facts:
            log.info("the record changed after %s was saved", self.saved_path)
            self.saved_path = self._saved_facts = None
            self.status.setText("")

    def ready_to_finish(self) -> bool:
        """Finish is safe once the PDF is saved, or the technician says so."""
        if self._task is not None:
            return False  # still writing
        self._forget_a_stale_pdf()
        return self.saved_path is not None or self.confirm_unsaved()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def save_pdf(self, path: str | None = None) -> None:
        if self._task is not None:
            return
        path = path or self.choose_save_path(self.suggested_path())
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        wizard = self.wizard()
        from srs_wizard.core.record import RecordError

        try:
            record = wizard.session.to_record()
        except RecordError as exc:  # never a record the program's own validator refuses
            from srs_wizard.core.present.record import problem_text

            message = self.tr("The record cannot be saved as it is: {problems}. Correct these fields and save "
                              "again; nothing you entered is lost.").format(
                problems="; ".join(problem_text(p) for p in exc.problems[:5]))
            self.status.setText(message)
            self.show_failure(message)
            return
        locale = wizard.locale()
        task = workers.Task(lambda: write_pdf_and_record(record, path, locale))
        self._pending_facts = record_facts(record)
        task.signals.returned.connect(self._saved)
        task.signals.errored.connect(self._failed)
        task.signals.finished.connect(self._finished)
        self._task = task
        self._pending_path = path
        self.progress.show()
        self.status.setText(self.tr("Saving {path}…").format(path=path))
        wizard.button(QWizard.CustomButton1).setEnabled(False)
        workers.start(wizard.pool, task)

    def _finished(self, _tag: int) -> None:
        self._task = None
        self.progress.hide()
        if self.wizard() is not None:
            self.wizard().button(QWizard.CustomButton1).setEnabled(True)

    def _saved(self, _tag: int, path: str) -> None:
        self.saved_path = path
        self._saved_facts = self._pending_facts
        log.info("summary saved: %s", path)
        self.wizard().settings.setValue("save/folder", str(Path(path).parent))
        self.status.setText(self.tr("Saved {path} and {record}.").format(
            path=path, record=str(Path(path).with_suffix(".json"))))
        if self.ask_open(path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _failed(self, _tag: int, exc: BaseException) -> None:
        reason = workers.describe(exc)
        path = getattr(self, "_pending_path", "")
        message = self.tr("The PDF could not be saved to {path}:\n{reason}\n\nAny earlier file there is unchanged "
                          "and nothing you entered is lost. Choose another place.").format(path=path, reason=reason)
        self.status.setText(message)
        log.warning("summary not saved to %s: %s", path, reason)
        self.show_failure(message)

    def load(self, session) -> None:
        pass  # drawn from the session each time the page is shown

    # ------------------------------------------------------------------ finishing
    def folder_question(self, folder: str) -> tuple[QMessageBox, object]:
        """The question Finish asks after a save, and its "Open the folder" button."""
        box = QMessageBox(QMessageBox.Question, self.tr("Finished"), self.tr(
            "The PDF and its record (.json) are in {folder}. Copy the record to the project manager: "
            "srs-wizard rollout reads the records of every room into one report.").format(folder=folder),
            QMessageBox.NoButton, self)
        open_button = box.addButton(self.tr("&Open the folder"), QMessageBox.AcceptRole)
        open_button.setAccessibleName(self.tr("Open the folder"))
        box.addButton(QMessageBox.Close)
        box.setDefaultButton(open_button)
        return box, open_button

    def _offer_folder(self, folder: str) -> bool:
        box, open_button = self.folder_question(folder)
        box.exec()
        chosen = box.clickedButton() is open_button
        box.deleteLater()
        return chosen

    def offer_open_folder(self) -> None:
        """On Finish after a save: offer to open the folder that holds the PDF and record."""
        if self.saved_path is None:
            return
        folder = str(Path(self.saved_path).parent)
        if self.offer_folder(folder):
            self.open_url(QUrl.fromLocalFile(folder))
