"""The wizard's message boxes: the unexpected error, a notice that does not stop the work,
About. Worded in the wizard's translation context, where their strings have always been."""

from __future__ import annotations

import traceback

from srs_wizard.i18n import translate


def show_error_box(parent, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, title, text)


def show_notice_box(parent, title: str, text: str):
    """A warning that does not stop the work: non-modal, the wizard stays usable."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, parent)
    box.setTextFormat(Qt.PlainText)
    box.setWindowModality(Qt.NonModal)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.setAccessibleName(title)
    box.show()
    return box


def unexpected_error(kind, value, log_path) -> tuple[str, str]:
    """The title and text telling the technician about a bug, and that nothing is lost."""
    where = translate("SrsWizard", "Details are in {path}.").format(path=log_path) if log_path else ""
    return translate("SrsWizard", "Unexpected error"), translate("SrsWizard",
        "Something went wrong inside srs-wizard: {error}\n\nWhat you typed is kept: it is saved as a "
        "draft and offered again at the next start. {details}").format(
            error="".join(traceback.format_exception_only(kind, value)).strip(), details=where).strip()


def drafts_failed(folder: str, reason: str) -> tuple[str, str]:
    return translate("SrsWizard", "Drafts cannot be saved"), translate("SrsWizard",
        "What you type cannot be kept as a draft in {folder} ({reason}), so it would be lost if "
        "srs-wizard or the console stopped. Keep going, and on the last page save the summary with "
        "Save PDF… in a folder you can write to, such as Documents or a USB drive.").format(
            folder=folder, reason=reason)


def show_about(parent, log_path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from srs_wizard import __version__

    text = translate("SrsWizard",
        "srs-wizard {version}\n\nFinds out how a Skype Room System's Skype for Business client gets its "
        "volume license (KMS, MAK or a promotional MAK) and records it.").format(version=__version__)
    if log_path:
        text += "\n\n" + translate("SrsWizard", "Log file: {path}").format(path=log_path)
    QMessageBox.about(parent, translate("SrsWizard", "About srs-wizard"), text)
