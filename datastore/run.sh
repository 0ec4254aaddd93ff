#!/usr/bin/env bash
# Starts the seeded MongoDB on 127.0.0.1:27017 (no authentication, so not on other interfaces) and
# waits until it serves. Its data lives in a named volume: the first start seeds it, later starts
# keep what is there.
# Usage: datastore/run.sh   (starts the existing container again if there is one)
set -euo pipefail

image="${DATASTORE_IMAGE:-contacts-mongodb}"
name="${DATASTORE_NAME:-contacts-mongodb}"
port="${DATASTORE_PORT:-27017}"

if docker container inspect "$name" > /dev/null 2>&1; then
  docker start "$name" > /dev/null
else
  docker run --detach \
    --name "$name" \
    --publish "127.0.0.1:$port:27017" \
    --volume "$name-data:/data/db" \
    "$image" > /dev/null
fi

# Ready once the first-start import is over (the entrypoint's temporary mongod has gone) and
# mongod answers a ping.
ready_check="test ! -e /tmp/docker-entrypoint-temp-mongod.pid && mongosh --quiet --eval \"db.adminCommand('ping')\""
for _ in $(seq 1 120); do
  if docker exec "$name" sh -c "$ready_check" > /dev/null 2>&1; then
    echo "MongoDB is ready: MONGO_URI=mongodb://localhost:$port"
    exit 0
  fi
  sleep 2
done
echo "MongoDB did not become ready in 4 minutes; see: docker logs $name" >&2
exit 1
