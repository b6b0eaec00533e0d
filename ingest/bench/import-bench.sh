#!/usr/bin/env bash
# Import benchmark: generates a CSV of N valid registration events (default 100000) and imports it through the
# import CLI and the HTTP API into an in-process ingest service on an embedded Kafka broker + Apicurio registry.
# Prints "BENCHMARK: ... rows/s". Usage (from the repository root or anywhere):
#   ingest/bench/import-bench.sh [rows] [batch-size]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-100000}"
BATCH="${2:-5000}"
./mvnw -q -o -pl ingest test-compile
./mvnw -q -o -pl ingest exec:java -Dexec.mainClass=vn.investpulse.ingest.ImportBenchmark \
  -Dexec.classpathScope=test -Dexec.args="$ROWS $BATCH"
