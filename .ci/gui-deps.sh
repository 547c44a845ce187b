#!/usr/bin/env bash
# Qt's xcb platform plugin loads these X11 libraries; Debian desktops often lack some.
set -euo pipefail
py=${1:-python3}
plugin=$("$py" -c "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / 'Qt/plugins/platforms/libqxcb.so')" 2>/dev/null || true)
[ -n "$plugin" ] && [ -f "$plugin" ] || exit 0
lib_dir=$(dirname "$(dirname "$(dirname "$plugin")")")/lib
missing=$( (ldd "$plugin"; ldd "$lib_dir/libQt6XcbQpa.so.6") 2>/dev/null | awk '/not found/ {print $1}' | sort -u)
[ -z "$missing" ] && exit 0
pkgs=$(echo "$missing" | sed -E 's/^libxcb-cursor\.so\.0$/libxcb-cursor0/; s/^libxcb-([a-z]+)\.so\.([0-9]+)$/libxcb-\1\2/; s/^libxkbcommon-x11\.so\.0$/libxkbcommon-x11-0/' | sort -u | tr '\n' ' ')
cmd="apt-get install -y --no-install-recommends $pkgs"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing the X11 libraries Qt needs: $pkgs"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive $cmd >/dev/null
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive $cmd >/dev/null
else
  echo "The wizard window needs these libraries. Install them with:" >&2
  echo "  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
