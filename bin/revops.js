#!/usr/bin/env node
// The `revops` command: runs the built command line.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'electron', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('revops: not built yet; run `npm run build` first\n');
  process.exit(1);
}
const { main, stopQuietlyOnClosedPipe } = await import(
  pathToFileURL(entry).href
);
stopQuietlyOnClosedPipe();
process.exitCode = await main(process.argv.slice(2));
