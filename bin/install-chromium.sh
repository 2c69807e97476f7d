#!/usr/bin/env bash
# Installs what the HTML report's rendering test needs from Debian's packages: headless Chromium and one
# font with Chinese glyphs (without it Chinese text renders as empty boxes). Safe to run again: it only
# installs what is missing. Needs root (or sudo) and the Debian package mirror; the test calls it itself
# when /usr/bin/chromium is absent, and says clearly when it cannot install.
set -euo pipefail

packages=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || packages+=(chromium)
# fonts-wqy-microhei is small (about 5 MB); the report's font stack also names Noto/Source Han if present.
if ! fc-list :lang=zh family 2>/dev/null | grep -q .; then
  packages+=(fonts-wqy-microhei fontconfig)
fi
if [ ${#packages[@]} -eq 0 ]; then
  echo "install-chromium: chromium and a Chinese font are already installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "install-chromium: need root to install ${packages[*]}; run: sudo apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# Other installs may hold the dpkg lock for a while (parallel builds): wait for it rather than fail.
apt_opts=(-y -q -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
echo "install-chromium: installing ${packages[*]}" >&2
if ! $sudo apt-get "${apt_opts[@]}" install --no-install-recommends "${packages[@]}" >&2; then
  # a fresh machine has no package lists yet
  $sudo apt-get -q -o DPkg::Lock::Timeout=600 update >&2
  $sudo apt-get "${apt_opts[@]}" install --no-install-recommends "${packages[@]}" >&2
fi
/usr/bin/chromium --version
