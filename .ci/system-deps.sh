#!/usr/bin/env bash
# Installs the Debian packages the tests need, or says exactly how to.
set -euo pipefail
need=()
command -v dnsmasq >/dev/null 2>&1 || [ -x /usr/sbin/dnsmasq ] || need+=(dnsmasq-base)
fc-list 2>/dev/null | grep -q "Noto Sans CJK SC" || need+=(fonts-noto-cjk fontconfig)
# The console collector (VBScript + cmd) really runs in the suite, under Wine.
[ -x /usr/lib/wine/wine64 ] || need+=(wine64)
# The PDF layout test reads every word with its box (pdftotext -bbox) and draws pages (pdftoppm).
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# Qt's xcb platform plugin is not used offscreen, but Qt still loads these libraries.
for lib in libEGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libGL.so.1 libdbus-1.so.3; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || need+=("$lib")
done
[ ${#need[@]} -eq 0 ] && exit 0
pkgs=()
for n in "${need[@]}"; do
  case "$n" in
    libEGL.so.1) pkgs+=(libegl1) ;;
    libGL.so.1) pkgs+=(libgl1) ;;
    libxkbcommon.so.0) pkgs+=(libxkbcommon0) ;;
    libfontconfig.so.1) pkgs+=(libfontconfig1) ;;
    libdbus-1.so.3) pkgs+=(libdbus-1-3) ;;
    *) pkgs+=("$n") ;;
  esac
done
cmd="apt-get install -y --no-install-recommends ${pkgs[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages the tests need: ${pkgs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $cmd >/dev/null
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive $cmd >/dev/null
else
  echo "The tests need these system packages. Install them with:" >&2
  echo "  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
