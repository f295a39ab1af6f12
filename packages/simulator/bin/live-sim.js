#!/usr/bin/env node
// The live-sim command: a stable file for package managers to link before the build exists.
import '../dist/bin/liveSim.js'
