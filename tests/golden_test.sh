#!/bin/sh
# golden_test.sh - the screen as text: every frame of tests/golden.sh
# compared exactly with tests/golden/NAME.txt (run by tests/run.sh with
# DESCENT set; regenerate with make golden when a change is intended).
set -u
DESCENT=${DESCENT:-build/descent}
exec sh tests/golden.sh "$(dirname "$DESCENT")"
