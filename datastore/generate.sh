#!/usr/bin/env bash
# Writes generated contacts as MongoDB extended JSON, one document a line: the form the service
# stores and mongoimport reads by default. The same count and seed give the same contacts (their
# ObjectIds are new on every run).
#
# Usage: datastore/generate.sh [count] [file] [seed]
#   count  how many contacts (default 500; 1000000 for load tests takes a few minutes)
#   file   where to write them (default target/contacts.json)
#   seed   generator seed (default: the project's fixed seed)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-500}"
file="${2:-$root/target/contacts.json}"
seed="${3:-}"

if ! [[ "$count" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 [count] [file] [seed]" >&2
  exit 2
fi
# Maven runs from the project root, so a relative path is made absolute from here.
case "$file" in
  /*) ;;
  *) file="$PWD/$file" ;;
esac
mkdir -p "$(dirname "$file")"

mvn -B -q -Dstyle.color=never -f "$root/pom.xml" compile exec:java -Dexec.args="'$file' $count $seed"
echo "Wrote $count contacts to $file"
