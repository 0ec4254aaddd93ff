#!/usr/bin/env bash
# Removes the MongoDB container and its data volume, so the next run.sh seeds afresh.
# The image stays; remove it with: docker image rm contacts-mongodb
# Usage: datastore/teardown.sh
set -euo pipefail

name="${DATASTORE_NAME:-contacts-mongodb}"

docker rm --force "$name" > /dev/null 2>&1 || true
docker volume rm "$name-data" > /dev/null 2>&1 || true
echo "Removed container $name and volume $name-data"
