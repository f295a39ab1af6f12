#!/usr/bin/env node
// The live-mcp command: a stable file for package managers to link before the build exists.
// It runs the bundle (dist/bundle/, see build.mjs), which starts faster than the per-file library build.
import '../dist/bundle/live-mcp.js'
