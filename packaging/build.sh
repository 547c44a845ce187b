#!/usr/bin/env bash
# Builds the packaged program from a clean virtual environment with pinned versions:
#   dist/onedir/srs-wizard/{srs-wizard,srs-wizard-cli}   (default, fastest start)
#   dist/onefile/{srs-wizard,srs-wizard-cli}             (one file each to copy)
# On Windows run the same script from Git Bash, or `make package`.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=build/venv-package
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) BIN=$VENV/Scripts ;; *) BIN=$VENV/bin ;; esac

rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
"$BIN/python" -m pip install --quiet --upgrade pip
"$BIN/python" -m pip install --quiet -r packaging/requirements-build.txt
"$BIN/python" -m pip install --quiet --no-deps .
"$BIN/python" -m pip install --quiet dnspython==2.9.2 email-validator==2.4.0 pypdf==7.1.1
if "$BIN/python" -c "import PyQt5" 2>/dev/null || "$BIN/python" -c "import PyQt6" 2>/dev/null \
   || [ "$("$BIN/python" -m pip list 2>/dev/null | grep -ciE '^pyside6 |^pyside6-addons')" != 0 ]; then
  echo "build: only PySide6-Essentials may be in the build environment" >&2; exit 1
fi

version=$(sed -n 's/^version *= *"\(.*\)"/\1/p' pyproject.toml | head -1)
IFS=. read -r major minor patch <<<"${version%%[!0-9.]*}"
export SRS_VERSION_FILE=build/version_info.txt
mkdir -p build
sed -e "s/@VERSION@/$version/g" -e "s/@MAJOR@/${major:-0}/g" -e "s/@MINOR@/${minor:-0}/g" \
    -e "s/@PATCH@/${patch:-0}/g" packaging/version_info.txt.in > "$SRS_VERSION_FILE"

what=${1:-all}
if [ "$what" = all ] || [ "$what" = onedir ]; then
  ONEFILE=0 "$BIN/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist/onedir --workpath build/pyi-onedir packaging/srs-wizard.spec
fi
if [ "$what" = all ] || [ "$what" = onefile ]; then
  ONEFILE=1 "$BIN/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist/onefile --workpath build/pyi-onefile packaging/srs-wizard.spec
fi
echo "built: $(ls -d dist/onedir/srs-wizard dist/onefile 2>/dev/null | tr '\n' ' ')"
