#!/usr/bin/env node
// A closed pipe (`postmortem metrics x | head`) is not an error.
process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 0 : 2));
Promise.resolve(require('../dist/cli.js').main(process.argv.slice(2))).then((code) => (process.exitCode = code));
