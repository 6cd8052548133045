#!/usr/bin/env node
// `pnpm bench:engine`: runs the shared engine workloads (../shared/bench/workloads.mjs) on this
// engine and on aws-local-stepfunctions@3.0.0, alternating engine by engine in one process, checks
// every output against the workload's `expected`, and prints transitions per second for both and
// their ratio. This engine records its full history on every run. Peak memory of the Map workload
// is measured for each engine in a fresh child process (its maximum resident set size), so one
// engine's garbage does not count against the other.
//
// Options: --rounds N (default 5), --seconds S per engine per round (default 1), --warmup S per
// engine per workload before measuring (default 1). Besides the totals over all rounds, it prints
// the median of the per-round ratios, which a noisy round on a shared machine moves less.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workloadsFile = path.resolve(root, '../shared/bench/workloads.mjs');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const ROUNDS = option('--rounds', 5);
const SECONDS = option('--seconds', 1);
const WARMUP = option('--warmup', 1);

if (!existsSync(workloadsFile)) {
  console.error(
    `bench:engine: ${workloadsFile} not found; the shared workloads live in ../shared beside the repository.`,
  );
  process.exit(1);
}

// Each engine is wrapped the same way: prepare once per workload, then run(input) -> output.
async function loadEngines() {
  const { runExecution } = await import(
    pathToFileURL(path.join(root, 'packages/testing/dist/index.js')).href
  );
  const { StateMachine } = await import('aws-local-stepfunctions');
  return {
    sfini: {
      label: '@sfini/testing',
      prepare(definition) {
        // The workloads repeat state names across Parallel branches, which AWS refuses at
        // creation but which run unambiguously; `runnable` validation accepts them.
        return async (input) => {
          const result = await runExecution(definition, input, { validation: 'runnable' });
          if (result.status !== 'SUCCEEDED')
            throw new Error(`${result.status}: ${result.error} ${result.cause}`);
          if (result.history.length === 0) throw new Error('no history recorded');
          return result.output;
        };
      },
    },
    peer: {
      label: 'aws-local-stepfunctions@3.0.0',
      prepare(definition) {
        const machine = new StateMachine(definition, { validationOptions: { noValidate: true } });
        return (input) => machine.run(input).result;
      },
    },
  };
}

function buildWorkloads(module) {
  return module.all();
}

async function measure(run, workload, seconds) {
  let runs = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  do {
    const output = await run(workload.input);
    if (!isDeepStrictEqual(output, workload.expected)) {
      throw new Error(
        `${workload.name}: output ${JSON.stringify(output)?.slice(0, 200)} differs from expected`,
      );
    }
    runs++;
  } while (performance.now() < deadline);
  return { runs, ms: performance.now() - start };
}

async function main() {
  const workloads = buildWorkloads(await import(pathToFileURL(workloadsFile).href));
  const engines = await loadEngines();
  console.log(
    `bench:engine — ${ROUNDS} rounds of ${SECONDS}s per engine per workload, alternating; Node ${process.version}`,
  );
  const rows = [];
  for (const workload of workloads) {
    const runners = {
      sfini: engines.sfini.prepare(workload.definition),
      peer: engines.peer.prepare(workload.definition),
    };
    // Warm-up, not counted: lets both engines' code reach its optimised form.
    await measure(runners.sfini, workload, WARMUP);
    await measure(runners.peer, workload, WARMUP);
    const totals = { sfini: { runs: 0, ms: 0 }, peer: { runs: 0, ms: 0 } };
    const rate = (t) => (workload.transitions * t.runs) / (t.ms / 1000);
    const roundRatios = [];
    for (let round = 0; round < ROUNDS; round++) {
      const rates = {};
      for (const key of round % 2 === 0 ? ['sfini', 'peer'] : ['peer', 'sfini']) {
        const { runs, ms } = await measure(runners[key], workload, SECONDS);
        totals[key].runs += runs;
        totals[key].ms += ms;
        rates[key] = rate({ runs, ms });
      }
      roundRatios.push(rates.sfini / rates.peer);
    }
    rows.push({
      workload: workload.name,
      sfini: rate(totals.sfini),
      peer: rate(totals.peer),
      roundRatios,
    });
  }
  console.log('');
  console.log('workload          sfini transitions/s   peer transitions/s   ratio');
  for (const row of rows) {
    console.log(
      `${row.workload.padEnd(17)} ${Math.round(row.sfini).toLocaleString('en-US').padStart(19)} ${Math.round(
        row.peer,
      )
        .toLocaleString('en-US')
        .padStart(20)}   ${(row.sfini / row.peer).toFixed(1)}x`,
    );
  }
  console.log('');
  console.log('per-round ratios (sfini/peer), median first:');
  for (const row of rows) {
    const sorted = [...row.roundRatios].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `  ${row.workload.padEnd(15)} median ${median.toFixed(1)}x   rounds ${row.roundRatios.map((r) => `${r.toFixed(1)}x`).join(' ')}`,
    );
  }
  console.log('');
  console.log('peak memory, map workload (max resident set size of a fresh process running it once):');
  for (const key of ['sfini', 'peer']) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--memory-child', key], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`memory run failed: ${child.stderr}`);
    const { baselineMiB, peakMiB } = JSON.parse(child.stdout.trim().split('\n').pop());
    console.log(
      `  ${engines[key].label.padEnd(32)} ${peakMiB.toFixed(1)} MiB (process before the run: ${baselineMiB.toFixed(1)} MiB)`,
    );
  }
}

async function memoryChild(key) {
  const module = await import(pathToFileURL(workloadsFile).href);
  const workload = module.map();
  const engines = await loadEngines();
  const run = engines[key].prepare(workload.definition);
  const baselineMiB = process.resourceUsage().maxRSS / 1024;
  const output = await run(workload.input);
  if (!isDeepStrictEqual(output, workload.expected)) throw new Error('map output differs from expected');
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ baselineMiB, peakMiB }));
}

if (argv[0] === '--memory-child') {
  await memoryChild(argv[1]);
} else {
  const build = spawnSync('pnpm', ['--filter', '@sfini/core', '--filter', '@sfini/testing', 'run', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  await main();
}
