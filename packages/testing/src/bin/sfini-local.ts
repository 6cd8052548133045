#!/usr/bin/env node
// The `sfini-local` executable: serves the local Step Functions endpoint (see endpoint/cli.ts).
import { runSfiniLocal } from '../endpoint/cli.js';

await runSfiniLocal({
  argv: process.argv.slice(2),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  onSignal: (signal, handler) => process.once(signal, handler),
  exit: (code) => process.exit(code),
});
