#!/usr/bin/env bash
# Builds the seeded MongoDB image.
# Usage: datastore/build.sh [count]   (contacts to seed, default 500)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="${DATASTORE_IMAGE:-contacts-mongodb}"

docker build \
  --file "$root/datastore/Dockerfile" \
  --build-arg CONTACT_COUNT="${1:-500}" \
  --tag "$image" \
  "$root"
