#!/usr/bin/env node
// The compiled CLI (built by `npm ci` / `npm install` through the `prepare` script).
import '../dist/cli.js';
