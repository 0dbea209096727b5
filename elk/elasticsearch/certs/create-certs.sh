#!/usr/bin/env bash
# Runs once in the Elasticsearch image (compose service "certs"): creates a CA and the node, Kibana and
# gateway certificates in the shared "certs" volume. Idempotent: existing files are kept, and a volume
# from an older stack that lacks an instance's certificate gets it on the next start.
set -euo pipefail
cd /usr/share/elasticsearch
out=config/certs
if [ ! -f "$out/ca/ca.crt" ]; then
  bin/elasticsearch-certutil ca --silent --pem --out "$out/ca.zip"
  unzip -o -q "$out/ca.zip" -d "$out"
  rm -f "$out/ca.zip"
fi
if [ ! -f "$out/es01/es01.crt" ] || [ ! -f "$out/kibana/kibana.crt" ] || [ ! -f "$out/gateway/gateway.crt" ]; then
  bin/elasticsearch-certutil cert --silent --pem --in /setup/instances.yml \
    --ca-cert "$out/ca/ca.crt" --ca-key "$out/ca/ca.key" --out "$out/certs.zip"
  unzip -o -q "$out/certs.zip" -d "$out"
  rm -f "$out/certs.zip"
fi
# Everyone may read certificates; only root reads the CA key; Elasticsearch and Kibana (uid 1000) read their
# keys, and the gateway (our image's non-root APP_UID, 1654) reads its own.
find "$out" -type d -exec chmod 755 {} \;
find "$out" -type f -name '*.crt' -exec chmod 644 {} \;
chmod 600 "$out/ca/ca.key"
chown 1000:0 "$out/es01/es01.key" "$out/kibana/kibana.key"
chown 1654:0 "$out/gateway/gateway.key"
chmod 640 "$out/es01/es01.key" "$out/kibana/kibana.key" "$out/gateway/gateway.key"
echo "certificates ready in $out"
