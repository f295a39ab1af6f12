#!/usr/bin/env bash
# An independent client: the MCP Inspector's CLI mode (0.15.0, the newest that runs on Node 20) against
# `live-mcp --sim`. Lists the tools and sets the tempo, and checks both answers. Needs the built dist.
set -euo pipefail
cd "$(dirname "$0")/../../.."
BIN=packages/mcp-server/bin/live-mcp.js
INSPECTOR=(npx -y @modelcontextprotocol/inspector@0.15.0 --cli node "$BIN" --sim)

[ -f "$BIN" ] || { echo "inspectorCheck: $BIN is missing; run pnpm --filter @live/mcp-server build (bin/live-mcp.js runs dist/bundle/)" >&2; exit 1; }

list=$("${INSPECTOR[@]}" --method tools/list)
# Here-strings, not `echo | grep -q`: grep -q stops at the first match, and under pipefail the echo it cut
# off (SIGPIPE) would fail the check on a long answer.
grep -q '"ableton_set_tempo"' <<<"$list" || { echo "inspectorCheck: tools/list has no ableton_set_tempo:" >&2; echo "$list" >&2; exit 1; }
grep -q '"ableton_read"' <<<"$list" || { echo "inspectorCheck: tools/list has no ableton_read" >&2; exit 1; }

call=$("${INSPECTOR[@]}" --method tools/call --tool-name ableton_set_tempo --tool-arg bpm=128)
grep -q 'Tempo is now 128 BPM' <<<"$call" || { echo "inspectorCheck: tools/call did not set the tempo:" >&2; echo "$call" >&2; exit 1; }

echo "inspectorCheck: ok (tools/list and tools/call ableton_set_tempo bpm=128 through the MCP Inspector CLI)"
