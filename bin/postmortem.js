#!/usr/bin/env node
require('../dist/cli.js').runProgram(process.argv.slice(2));
