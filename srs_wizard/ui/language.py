"""The program's language: chosen, installed and switched while it runs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from srs_wizard import i18n
from srs_wizard.lang import LANGUAGES, normalise_language
from srs_wizard.paths import translation_path

_installed: list[QTranslator] = []


def system_language() -> str:
    """zh_CN for a Simplified Chinese UI (zh-CN, zh-SG, zh-Hans), else English."""
    for name in QLocale.system().uiLanguages():
        lang = normalise_language(name)
        if lang:
            return lang
    return "en"


def locale_for(language: str) -> QLocale:
    if language == "zh_CN":
        return QLocale(QLocale.Chinese, QLocale.SimplifiedHanScript, QLocale.China)
    system = QLocale.system()
    # English text, but the user's own territory for dates and paper (A4 or Letter).
    if system.language() == QLocale.English:
        return system
    return QLocale(QLocale.English, system.territory())


def install(language: str) -> str:
    """Load the program's and Qt's catalogues for ``language``; return what was installed."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = "en"
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
                break  # qt_zh_CN already includes qtbase
    QLocale.setDefault(locale_for(language))
    i18n.set_backend(lambda context, text: QCoreApplication.translate(context, text) if language != "en" else text)
    return language
