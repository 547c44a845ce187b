# Runtime hook of srs-wizard-cli, in place of PyInstaller's PySide6 hook: that one imports
# QtCore (and with it Qt and ICU) at every start, though the commands need Qt only to draw
# a PDF. The Qt paths are set as it sets them, without importing Qt; PySide6 registers its
# own qt.conf (the prefix inside the bundle) when a command first imports it.
import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6") if sys.platform.startswith("win") else \
    os.path.join(sys._MEIPASS, "PySide6", "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
del _qt
