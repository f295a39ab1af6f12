#!/usr/bin/env node
// The live-mcp command: a stable file for package managers to link before the build exists.
import '../dist/bin/liveMcp.js'
