#!/usr/bin/env bash
# Validates docker-compose.yml offline (no Docker engine needed) when the file exists.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f docker-compose.yml ]; then
  [ -f .env ] || cp .env.example .env.compose-check 2>/dev/null || true
  env_file=.env; [ -f .env ] || env_file=.env.compose-check
  docker-compose --env-file "$env_file" -f docker-compose.yml config -q
  rm -f .env.compose-check
  echo "docker-compose.yml: valid"
fi
