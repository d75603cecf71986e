#!/usr/bin/env bash
# Regenerates the typed .NET client (src/OrleansCalendar.Client) from the server's current OpenAPI document:
#   1. writes the document the in-process test server serves to src/OrleansCalendar.Client/openapi.json,
#   2. runs the pinned Kiota (.config/dotnet-tools.json) over it into src/OrleansCalendar.Client/Generated.
# The test suite fails while either is out of date. Usage: tools/generate-client.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ORLEANSCALENDAR_WRITE_OPENAPI=1 dotnet test tests/OrleansCalendar.Server.Tests \
  --filter "FullyQualifiedName~GeneratedClientTests.Committed_document_is_the_live_document" --nologo -v q
tools/kiota-generate.sh src/OrleansCalendar.Client/Generated
