#!/bin/sh
# One-shot (compose service sample-keys): creates the gateway API keys the sample services log with.
# Each key's salted hash goes into the gateway's keys file ($GATEWAY_DATA/keys.json); the key itself goes into
# the secrets volume (mode 0600), read by the sample through OBS_GATEWAY_API_KEY_FILE. Keys are never printed.
# Idempotent: a key whose file exists and that the gateway still lists as active is kept; otherwise a new one
# is created (the old one, if any, stays revocable with `obs keys revoke`).
set -eu
data=${GATEWAY_DATA:-/data}
secrets=${SECRETS_DIR:-/secrets}
environment=${SAMPLES_ENVIRONMENT:-production}
umask 077

known() {
  # $1 = key file; true when its key id is listed as active by the gateway's keys file.
  id=$(cut -d_ -f2 "$1")
  [ -n "$id" ] && dotnet /app/obs.dll keys list --data "$data" | grep -q "^$id .* active$"
}

create() {
  # $1 = secret file name, then the `obs keys create` options; the key is the last line of the output.
  file="$secrets/$1"
  shift
  if [ -s "$file" ] && known "$file"; then
    echo "sample-keys: $file kept"
    return
  fi
  dotnet /app/obs.dll keys create --data "$data" "$@" | tail -n 1 > "$file.tmp"
  mv "$file.tmp" "$file"
  echo "sample-keys: created $file ($*)"
}

create shop-api-gateway-api-key --service shop-api --env "$environment"
create crm-api-gateway-api-key --service crm-api --env "$environment"
create mes-api-gateway-api-key --service mes-api --env "$environment"
# The shop page reports browser errors with a public browser key, usable only from the shop's own origin.
create shop-frontend-browser-key --service shop-frontend --env "$environment" --browser \
  --origin "http://localhost:${SHOP_PORT:-5080}" --origin "http://127.0.0.1:${SHOP_PORT:-5080}"
