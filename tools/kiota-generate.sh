#!/usr/bin/env bash
# Generates the client code from src/OrleansCalendar.Client/openapi.json into the given directory, with the
# Kiota version pinned in .config/dotnet-tools.json. Used by generate-client.sh and by the test that checks the
# committed code is exactly what Kiota makes. Usage: tools/kiota-generate.sh OUTPUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: tools/kiota-generate.sh OUTPUT_DIR}"

export KIOTA_TUTORIAL_ENABLED=false
dotnet tool restore >/dev/null
# Kiota's check for a newer release needs the internet; without it Kiota logs a warning and goes on.
dotnet kiota generate --language CSharp --openapi src/OrleansCalendar.Client/openapi.json --output "$out" \
  --namespace-name OrleansCalendar.Client --class-name CalendarApiClient \
  --exclude-backward-compatible --clean-output --log-level Error
