"""The program's language: chosen, installed and switched while it runs.

Start-up touches as little of Qt as it can: translators are loaded only for a language
other than English, and the locale (dates, paper size) is applied just after the first
page is shown, because PySide builds QLocale's ~900 enum members on its first use.
"""

from __future__ import annotations

from srs_wizard import i18n
from srs_wizard.lang import LANGUAGES, system_language_without_qt
from srs_wizard.paths import translation_path

_installed: list = []


def system_language() -> str:
    """zh_CN for a Simplified Chinese UI (zh-CN, zh-SG, zh-Hans), else English."""
    return system_language_without_qt()


def locale_for(language: str):
    from srs_wizard.locale_format import locale_for as for_language  # QLocale is slow to load: not before page one

    return for_language(language)


def apply_locale(language: str, *widgets) -> None:
    from PySide6.QtCore import QLocale

    locale = locale_for(language)
    QLocale.setDefault(locale)
    for widget in widgets:
        widget.setLocale(locale)


def install(language: str) -> str:
    """Load the program's and Qt's catalogues for ``language``; return what was installed."""
    if language not in LANGUAGES:
        language = "en"
    if _installed or language != "en":
        from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

        app = QCoreApplication.instance()
        for translator in _installed:
            app.removeTranslator(translator)
        _installed.clear()
        if language != "en":
            ours = QTranslator(app)
            path = translation_path(language)
            if path is not None and ours.load(str(path)):
                app.installTranslator(ours)
                _installed.append(ours)
            qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
            for catalogue in ("qtbase", "qt"):
                qt = QTranslator(app)
                if qt.load(f"{catalogue}_{language}", qt_dir):
                    app.installTranslator(qt)
                    _installed.append(qt)
                    break
            i18n.set_backend(lambda context, text: QCoreApplication.translate(context, text))
            return language
    i18n.set_backend(None)
    return language
