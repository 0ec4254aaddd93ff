#!/bin/bash
# Imports the generated contacts into the empty datastore. The mongo image's entrypoint sources
# this file from /docker-entrypoint-initdb.d/ on the first start only, while a temporary mongod
# listens on 127.0.0.1:27017; the real one starts once this returns.
#
# Indexes are left to the service, which creates them at start-up: a second definition here could
# disagree with it and make that step fail.
set -euo pipefail

mongoimport --host 127.0.0.1 --port 27017 \
  --db "${MONGO_DATABASE:-test}" \
  --collection "${MONGO_COLLECTION:-contacts}" \
  --file /seed/contacts.json \
  --numInsertionWorkers 2
