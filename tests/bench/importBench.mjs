// Import benchmark: writes a Maven-shaped pipeline of N rows, imports it
// through the engine's worker-thread job while the main thread keeps
// answering grid and KPI calls, and prints rows per second beside sqlite3's
// own `.import` of the same file (the reference, in the same run), the
// main thread's worst answer time, and the peak memory.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { once } from 'node:events';

const root = new URL('../../', import.meta.url);
const { Engine } = await import(
  new URL('dist/electron/engine/engine.js', root)
);
const { invoke } = await import(
  new URL('dist/electron/engine/dispatch.js', root)
);

const HEADER =
  'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';
const STAGES = ['Won', 'Lost', 'Engaging', 'Prospecting'];

async function writePipeline(path, rows) {
  const out = createWriteStream(path);
  out.write(HEADER + '\r\n');
  for (let i = 0; i < rows; i += 1) {
    const stage = STAGES[i % 4];
    const isClosed = stage === 'Won' || stage === 'Lost';
    const month = String((i % 12) + 1).padStart(2, '0');
    const line =
      `O${i},Agent ${i % 35},GTX Basic,Account ${i % 85},${stage},` +
      `2017-${month}-01,${isClosed ? `2017-${month}-20` : ''},` +
      `${isClosed ? (stage === 'Won' ? 500 + (i % 5000) : 0) : ''}\r\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function sqliteReference(csv, dir) {
  const db = join(dir, 'reference.sqlite');
  const started = performance.now();
  const result = spawnSync(
    'sqlite3',
    [db, '.mode csv', `.import ${csv} pipeline`],
    {
      encoding: 'utf8',
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) return null;
  return seconds;
}

async function engineImport(csv, dir, rows) {
  const engine = new Engine({ userDataDir: join(dir, 'data'), mode: 'cli' });
  const workspace = join(dir, `bench-${rows}.revops`);
  await invoke(engine.handlers, 'workspace.create', { path: workspace });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const answers = [];
  const lightAnswers = [];
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  const { jobId } = await invoke(engine.handlers, 'import.start', {
    files: [{ path: csv }],
  });
  let isDone = false;
  const done = engine.waitForJob(jobId).then((progress) => {
    isDone = true;
    return progress;
  });
  while (!isDone) {
    // A light call measures how quickly the main thread answers at all; a
    // grid page and a KPI measure what the page asks for most.
    const light = performance.now();
    await invoke(engine.handlers, 'workspace.current', {});
    lightAnswers.push(performance.now() - light);
    const asked = performance.now();
    await invoke(engine.handlers, 'grid.rows', {
      entity: 'opportunities',
      offset: 0,
      limit: 100,
    });
    await invoke(engine.handlers, 'kpi.compute', { metrics: ['deals_won'] });
    answers.push(performance.now() - asked);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const progress = await done;
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  await engine.close();
  answers.sort((a, b) => a - b);
  lightAnswers.sort((a, b) => a - b);
  return {
    seconds,
    state: progress.state,
    rows: progress.results[0]?.rowsNew ?? 0,
    worstAnswerMs: answers.at(-1) ?? 0,
    worstLightMs: lightAnswers.at(-1) ?? 0,
    p95LightMs: lightAnswers[Math.floor(lightAnswers.length * 0.95)] ?? 0,
    p95AnswerMs: answers[Math.floor(answers.length * 0.95)] ?? 0,
    worstLoopDelayMs: delay.max / 1e6,
    peakRssMiB: peakRss / 2 ** 20,
  };
}

const sizes = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
const dir = mkdtempSync(join(tmpdir(), 'revops-bench-'));
try {
  for (const rows of sizes) {
    const csv = join(dir, `pipeline-${rows}.csv`);
    await writePipeline(csv, rows);
    const mib = statSync(csv).size / 2 ** 20;
    const reference = sqliteReference(csv, dir);
    const ours = await engineImport(csv, dir, rows);
    const ourRate = rows / ours.seconds;
    console.log(
      `\nimport of ${rows.toLocaleString('en-US')} rows (${mib.toFixed(1)} MiB)`,
    );
    console.log(
      `  engine: ${ours.seconds.toFixed(1)} s, ${Math.round(ourRate).toLocaleString('en-US')} rows/s, ${ours.state}, ${ours.rows} new`,
    );
    if (reference === null) {
      console.log('  sqlite3 .import: not run (install the sqlite3 package)');
    } else {
      const refRate = rows / reference;
      console.log(
        `  sqlite3 .import: ${reference.toFixed(1)} s, ${Math.round(refRate).toLocaleString('en-US')} rows/s (raw text, no checks)`,
      );
      console.log(
        `  engine / sqlite3 time: ${(ours.seconds / reference).toFixed(1)}x`,
      );
    }
    console.log(
      `  main thread during import: light call worst ${ours.worstLightMs.toFixed(0)} ms (p95 ${ours.p95LightMs.toFixed(0)} ms); grid page + KPI worst ${ours.worstAnswerMs.toFixed(0)} ms (p95 ${ours.p95AnswerMs.toFixed(0)} ms); worst event-loop delay ${ours.worstLoopDelayMs.toFixed(0)} ms`,
    );
    console.log(
      `  peak resident memory of the main process: ${ours.peakRssMiB.toFixed(0)} MiB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
