#!/usr/bin/env node
// bench:worker: how close sfini's Worker comes to the fastest possible activity worker.
//
// A one-Task machine is executed N times through the local endpoint (run in a child process,
// so the server and the workers do not share an event loop), once with W hand-written loops
// over the raw SDK (GetActivityTask, then SendTaskSuccess with the input echoed: the floor),
// once with W sfini Workers running an activity that validates its input with zod and echoes
// it. Executions are started by S concurrent starters keeping at most WINDOW executions
// unfinished, so the queue stays bounded and latency means something. Every round gets a
// fresh endpoint (no state carried over), rounds come in pairs whose order alternates
// (raw-sfini, sfini-raw, ...) to cancel drift, and each figure is the median over rounds.
// The throughput ratio is the median of the per-pair ratios: the two rounds of a pair run
// back to back, so load from other processes on the machine hits both alike.
// Latency is StartExecution to SUCCEEDED as the endpoint recorded it (the execution's
// startDate and stopDate), so no client-side polling skews it. After each round every
// execution's output is checked (each echoes its own input), outside the measured time.
//
// Usage: pnpm bench:worker [-- --executions N --workers W --rounds R --starters S --window K]
import { spawn } from 'node:child_process';
import { once, setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (pkg) => `${root}packages/${pkg}/dist/index.js`;
for (const pkg of ['core', 'runtime', 'testing']) {
  if (!existsSync(dist(pkg))) {
    console.error(`bench:worker needs built packages (${dist(pkg)} is missing): run pnpm build`);
    process.exit(1);
  }
}

const { values } = parseArgs({
  options: {
    executions: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '6' },
    starters: { type: 'string', default: '8' },
    window: { type: 'string', default: '16' },
  },
});
const N = Number(values.executions);
const W = Number(values.workers);
const ROUNDS = Number(values.rounds);
const STARTERS = Number(values.starters);
const WINDOW = Number(values.window);

const { activity } = await import(dist('core'));
const { Session } = await import(dist('runtime'));
const sdk = await import('@aws-sdk/client-sfn');
const { z } = await import('zod');

/** Starts the local endpoint in a child process and returns its URL and a way to stop it. */
async function startEndpointProcess() {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { startLocalEndpoint } from ${JSON.stringify(dist('testing'))};
       const endpoint = await startLocalEndpoint({ logger: { error() {}, warn() {}, info() {} } });
       process.stdout.write(endpoint.url + '\\n');
       process.on('SIGTERM', async () => { await endpoint.close(); process.exit(0); });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [chunk] = await once(child.stdout, 'data');
  const url = String(chunk).trim();
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

const echo = activity('bench-echo', { input: z.object({ i: z.number().int() }) }, ({ i }) => ({ i }));

/** A one-Task machine as plain ASL (the StateMachineLike contract, as an imported definition). */
function oneTaskMachine(name) {
  return {
    kind: 'sfini.stateMachine',
    name,
    inputSchema: undefined,
    activities: [echo],
    toDefinition(options = {}) {
      return {
        StartAt: 'work',
        States: { work: { Type: 'Task', Resource: options.activityArn(echo), End: true } },
      };
    },
  };
}

/** Counts finished tasks and wakes whoever waits for the count to move. */
class Progress {
  done = 0;
  #waiters = [];
  finished() {
    this.done++;
    for (const wake of this.#waiters.splice(0)) wake();
  }
  changed() {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
  async until(count) {
    while (this.done < count) await this.changed();
  }
}

/** Starts N executions from STARTERS loops, keeping at most WINDOW of them unfinished. */
async function startAll(handle, progress) {
  let next = 0;
  const starter = async () => {
    while (next < N) {
      while (next - progress.done >= WINDOW) await progress.changed();
      if (next >= N) return;
      const i = next++;
      await handle.start({ i }, { name: `run-${i}` });
    }
  };
  await Promise.all(Array.from({ length: STARTERS }, starter));
}

function percentile(sorted, p) {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** The round's executions as listed: all must have SUCCEEDED; their latencies in ms, sorted. */
function latencies(items) {
  const failed = items.filter((item) => item.status !== 'SUCCEEDED');
  if (items.length !== N || failed.length > 0) {
    throw new Error(
      `expected ${N} SUCCEEDED executions, got ${items.length} with ${failed.length} not SUCCEEDED`,
    );
  }
  return items.map((item) => item.stopDate.getTime() - item.startDate.getTime()).sort((a, b) => a - b);
}

/** The floor: W loops of GetActivityTask then SendTaskSuccess over the raw SDK. */
async function rawRound(session, handle, activityArn) {
  const client = session.client;
  const progress = new Progress();
  let stopping = false;
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  const loop = async (w) => {
    while (!stopping) {
      let task;
      try {
        task = await client.send(new sdk.GetActivityTaskCommand({ activityArn, workerName: `raw-${w}` }), {
          abortSignal: abort.signal,
        });
      } catch (error) {
        if (stopping) return;
        throw error;
      }
      if (!task.taskToken) continue;
      await client.send(new sdk.SendTaskSuccessCommand({ taskToken: task.taskToken, output: task.input }));
      progress.finished();
    }
  };
  const loops = Array.from({ length: W }, (_, w) => loop(w));
  const t0 = performance.now();
  await startAll(handle, progress);
  await progress.until(N);
  const seconds = (performance.now() - t0) / 1000;
  stopping = true;
  abort.abort();
  await Promise.all(loops);
  return { seconds, items: await handle.listExecutions() };
}

/** sfini: W Workers (concurrency 1 each, like the raw loops) running the echo activity. */
async function sfiniRound(session, handle) {
  const progress = new Progress();
  const onEvent = (event) => {
    if (event.type === 'task-finished' && event.outcome.kind === 'succeeded') progress.finished();
  };
  const workers = await Promise.all(
    Array.from({ length: W }, () => session.worker(echo, { onEvent }).start()),
  );
  const t0 = performance.now();
  await startAll(handle, progress);
  await progress.until(N);
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(workers.map((worker) => worker.stop()));
  return { seconds, items: await handle.listExecutions() };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summarise(rounds) {
  return {
    tasksPerSecond: median(rounds.map((r) => N / r.seconds)),
    p50: median(rounds.map((r) => percentile(r.latencies, 50))),
    p99: median(rounds.map((r) => percentile(r.latencies, 99))),
    cpuMsPerTask: median(rounds.map((r) => r.cpuMsPerTask)),
  };
}

/**
 * The names among run-0..run-(N-1) that `items` lacks, and those it holds twice or that are
 * not among them: a round counts only if every execution it started is there, exactly once.
 */
function missingOrExtra(items) {
  const seen = new Set();
  const extra = [];
  for (const { name } of items) {
    const i = /^run-(\d+)$/.exec(name ?? '')?.[1];
    if (i === undefined || Number(i) >= N || seen.has(name)) extra.push(String(name));
    else seen.add(name);
  }
  const missing = [];
  for (let i = 0; i < N; i++) if (!seen.has(`run-${i}`)) missing.push(`run-${i}`);
  return { missing, extra };
}

/**
 * Checks what each execution of the round returned: all N are listed, each once, and execution
 * `run-i` echoes its input, so its output must be exactly `{"i": i}`. Read with
 * DescribeExecution, a few at a time.
 */
async function checkOutputs(session, items) {
  const { missing, extra } = missingOrExtra(items);
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `the round listed ${items.length} executions, expected ${N}: ` +
        `${missing.length} missing (e.g. ${missing.slice(0, 3).join(', ') || 'none'}), ` +
        `${extra.length} unexpected or repeated (e.g. ${extra.slice(0, 3).join(', ') || 'none'})`,
    );
  }
  const wrong = [];
  let next = 0;
  const reader = async () => {
    while (next < items.length) {
      const item = items[next++];
      const { output } = await session.client.send(
        new sdk.DescribeExecutionCommand({ executionArn: item.executionArn }),
      );
      const expected = { i: Number(item.name.slice('run-'.length)) };
      if (output === undefined || !isDeepStrictEqual(JSON.parse(output), expected)) {
        wrong.push(`${item.name}: ${output}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, reader));
  if (wrong.length > 0) {
    throw new Error(
      `${wrong.length} executions returned the wrong output, e.g. ${wrong.slice(0, 3).join('; ')}`,
    );
  }
}

/**
 * One round on a fresh endpoint: register, run `kind`, read the executions back. The client's
 * CPU is measured up to the end of the run; checking every output afterwards is not counted.
 */
async function round(kind) {
  const cpuBefore = process.cpuUsage();
  const endpoint = await startEndpointProcess();
  const session = new Session({ endpoint: endpoint.url, region: 'us-east-1' });
  try {
    const [activityArn] = (await session.registerActivities([echo])).values();
    const handle = session.stateMachine(oneTaskMachine(`bench-${kind}`));
    await handle.register();
    const { seconds, items } =
      kind === 'raw' ? await rawRound(session, handle, activityArn) : await sfiniRound(session, handle);
    const cpu = process.cpuUsage(cpuBefore);
    await checkOutputs(session, items);
    return { seconds, latencies: latencies(items), cpuMsPerTask: (cpu.user + cpu.system) / 1000 / N };
  } finally {
    session.destroy();
    await endpoint.stop();
  }
}

const results = { raw: [], sfini: [] };
// A first pair warms up (JIT, module loading) and is not counted; then pairs in alternating order.
await round('raw');
await round('sfini');
for (let r = 0; r < ROUNDS; r++) {
  for (const kind of r % 2 === 0 ? ['raw', 'sfini'] : ['sfini', 'raw']) {
    const figures = await round(kind);
    results[kind].push(figures);
    console.log(
      `  round ${r + 1} ${kind.padEnd(5)} ${(N / figures.seconds).toFixed(1).padStart(8)} tasks/s` +
        `  client CPU ${figures.cpuMsPerTask.toFixed(3)} ms/task`,
    );
  }
}
const raw = summarise(results.raw);
const ours = summarise(results.sfini);
const row = (label, r) =>
  `${label.padEnd(24)}${r.tasksPerSecond.toFixed(1).padStart(10)}${r.p50.toFixed(1).padStart(10)}` +
  `${r.p99.toFixed(1).padStart(10)}${r.cpuMsPerTask.toFixed(3).padStart(16)}`;
console.log(
  `bench:worker: ${N} executions of a one-Task machine per round, ${W} workers, at most ${WINDOW} unfinished, ` +
    `${ROUNDS} rounds each (median), a fresh local endpoint per round in a child process, node ${process.version}`,
);
console.log(
  `${''.padEnd(24)}${'tasks/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}` +
    `${'client CPU ms'.padStart(16)}`,
);
console.log(row('raw SDK loop (floor)', raw));
console.log(row('sfini Worker', ours));
const pairRatios = results.sfini.map((r, i) => results.raw[i].seconds / r.seconds);
console.log(
  `throughput ratio sfini/raw: ${median(pairRatios).toFixed(3)}x, median of pairs ` +
    `[${pairRatios.map((r) => r.toFixed(2)).join(', ')}] (goal >= 0.9x); ` +
    `ratio of medians ${(ours.tasksPerSecond / raw.tasksPerSecond).toFixed(3)}x`,
);
console.log(
  `latency ratio sfini/raw: p50 ${(ours.p50 / raw.p50).toFixed(3)}x, p99 ${(ours.p99 / raw.p99).toFixed(3)}x`,
);
