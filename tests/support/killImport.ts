// Run as a child process by the crash test: starts an import of a large
// file in a worker, and lets the parent kill this process mid-way.
import { ImportJobs } from '../../electron/engine/jobs/importJobs.js';

const [dbPath, file] = process.argv.slice(2);
if (!dbPath || !file) throw new Error('usage: killImport <db> <file>');
const jobs = new ImportJobs({
  onProgress: (progress) => {
    if (progress.rowsDone > 0)
      process.stdout.write(`rows ${progress.rowsDone}\n`);
  },
});
jobs.start({ dbPath, files: [{ path: file }], preset: null });
