"""Run as a program to redraw the README's pictures: ``python -m tests.screenshots FOLDER``
(offscreen, 1280x800). The pages are filled the way a technician fills them: typed fields, a
KMS check's result, a pasted ospp.vbs answer."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402

from srs_wizard import flow  # noqa: E402
from srs_wizard.app import create_application  # noqa: E402

CORPUS = Path(__file__).parent / "corpus" / "ospp"


def settle(app, rounds: int = 20) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def wizard_in(language: str, app):
    from srs_wizard.ui.wizard import SrsWizard

    data = tempfile.mkdtemp()
    wizard = SrsWizard(settings=QSettings(os.path.join(data, "s.ini"), QSettings.IniFormat), data_dir=data,
                       language=language)
    wizard.resize(1280, 800)
    wizard.show()
    settle(app)
    wizard.ensure_pages()
    return wizard


def fill_welcome(wizard, app, technician, customer, site) -> None:
    page = wizard.welcome
    for edit, value in ((page.technician, technician), (page.customer, customer), (page.site, site)):
        edit.setFocus()
        edit.insert(value)
    settle(app)


def shoot(wizard, app, folder: Path, name: str) -> None:
    settle(app)
    wizard.grab().save(str(folder / name))


def main(folder: Path) -> int:
    from tests import pdf_records

    app = create_application()
    folder.mkdir(parents=True, exist_ok=True)
    wizard = wizard_in("en", app)
    shoot(wizard, app, folder, "en-1-welcome.png")
    fill_welcome(wizard, app, "Ana Técnica", "Contoso International", "Beijing HQ 3F-12")
    wizard.next()
    wizard.choose_path.buttons[flow.CHOICE_UNSURE].click()
    shoot(wizard, app, folder, "en-2-choose-path.png")
    wizard.next()
    page = wizard.kms_page
    page.domains.setText("corp.contoso-international.test")
    check = pdf_records.kms_ready()
    page.value_changed.emit({"kms": check})  # handed to the session, as a finished check is
    page._say(lambda: page.checked_in(check.elapsed_ms))
    page.show_result(check)
    page.completeChanged.emit()
    shoot(wizard, app, folder, "en-4-kms-result.png")
    wizard.close()

    wizard = wizard_in("en", app)
    fill_welcome(wizard, app, "Ana Técnica", "Contoso International", "Beijing HQ 3F-12")
    wizard.next()
    wizard.choose_path.buttons[flow.CHOICE_MAK].click()
    wizard.next()
    wizard.mak_page.key.setFocus()
    wizard.mak_page.key.insert(pdf_records.valid_mak())
    shoot(wizard, app, folder, "en-6-mak.png")
    wizard.next()
    activation = wizard.activation_page
    activation.output.setPlainText((CORPUS / "dstatus_mak_licensed.txt").read_text("utf-8", errors="replace"))
    settle(app, 40)
    shoot(wizard, app, folder, "en-7-activation.png")
    wizard.close()

    wizard = wizard_in("zh_CN", app)
    fill_welcome(wizard, app, "王小明", "北京见长门科技有限公司", "3F 会议室")
    wizard.next()
    wizard.choose_path.buttons[flow.CHOICE_PROMO].click()
    wizard.next()
    promo = wizard.promo_page
    typed = (("contact_name", "张伟"), ("contact_email", "zhang.wei@"), ("contact_phone", "+86 10 6552 8899"))
    for name, value in typed:
        promo.edits[name].setFocus()
        promo.edits[name].insert(value)
    promo.systems.setFocus()
    shoot(wizard, app, folder, "zh-8-promo.png")
    wizard.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
