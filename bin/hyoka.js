#!/usr/bin/env node
// Thin shim: the CLI is compiled to dist/ by `npm run prepare` (npm ci runs it).
"use strict";
require("../dist/cli/main.js").run();
