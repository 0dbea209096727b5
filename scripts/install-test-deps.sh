#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine: real peers (SMTP server, official
# Elasticsearch clients, rsyslog's omelasticsearch, docker-compose for validating the stack file).
# Idempotent: a second run installs nothing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
apt_packages=(python3-aiosmtpd python3-elasticsearch rsyslog rsyslog-elasticsearch docker-compose)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# Node and npm run tests/clients (the official JS client); only from apt when no node is on PATH, so a
# NodeSource or nvm install is left alone.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing apt packages: ${missing[*]}"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ -f "$root/tests/clients/package.json" ] && [ ! -d "$root/tests/clients/node_modules/@elastic/elasticsearch" ]; then
  echo "Installing npm packages for tests/clients"
  # npm ci installs exactly the versions in package-lock.json.
  (cd "$root/tests/clients" && npm ci --no-audit --no-fund --silent)
fi
