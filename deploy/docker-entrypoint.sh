#!/bin/sh
# Entry point of the obs image. Docker-secrets convention: for every variable NAME_FILE that points
# at a file, NAME is set to the file's content (so API keys written by `obs bootstrap` into the
# secrets volume reach the gateway and alert engine without appearing in `docker inspect`).
set -eu
for var in $(env | sed -n 's/^\([A-Za-z0-9_]*_FILE\)=.*/\1/p'); do
  eval "file=\${$var}"
  name=${var%_FILE}
  if [ -r "$file" ]; then
    export "$name=$(cat "$file")"
  else
    echo "obs-entrypoint: $var points at $file, which is missing or unreadable" >&2
    exit 1
  fi
done
exec dotnet /app/obs.dll "$@"
