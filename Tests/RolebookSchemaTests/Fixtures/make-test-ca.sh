#!/usr/bin/env bash
# Writes a throwaway CA, a server certificate for 127.0.0.1 signed by it, and a
# random bearer token into DIR, for the stand-in API server (fake-apiserver.py)
# that rolebook's tests start: make-test-ca.sh DIR
set -euo pipefail
dir=$1
mkdir -p "$dir"
cd "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 1 -subj "/CN=rolebook-test-ca" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=127.0.0.1" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 1 -extfile server.ext 2>/dev/null
printf 'rolebook-test-token-%s' "$RANDOM$RANDOM" > token
: > requests.log
