#!/usr/bin/env bash
# npm test: the whole suite, cheapest checks first.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== lint"
npx eslint --max-warnings=0 .
echo "== codegen is current"
npm run --silent codegen -- --check
echo "== typecheck"
npx tsc --noEmit -p .
echo "== build UI and query IDE (served in the HTTP and browser tests)"
npm run --silent build:ui
npm run --silent build:graphiql
echo "== unit, integration and browser tests (real Neo4j)"
npx vitest run --project unit --project integration  # the fault suite runs apart (npm run test:faults; .ci/run runs it after this)
