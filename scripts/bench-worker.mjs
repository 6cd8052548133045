#!/usr/bin/env node
// bench:worker: how close sfini's Worker comes to the fastest possible activity worker.
//
// A one-Task machine is executed N times through the local endpoint (run in a child process,
// so the server and the workers do not share an event loop), first with W hand-written loops
// over the raw SDK (GetActivityTask, then SendTaskSuccess with the input echoed: the floor),
// then with W sfini Workers running an activity that validates its input with zod and echoes
// it. Rounds alternate between the two to even out warm-up and drift; each figure is the
// median over rounds. Latency is StartExecution to SUCCEEDED as the endpoint recorded it
// (the execution's startDate and stopDate), so no client-side polling skews it.
//
// Usage: pnpm bench:worker [-- --executions N --workers W --rounds R --starters S]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

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
    executions: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    starters: { type: 'string', default: '32' },
  },
});
const N = Number(values.executions);
const W = Number(values.workers);
const ROUNDS = Number(values.rounds);
const STARTERS = Number(values.starters);

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

/** Starts N executions, STARTERS at a time, returning when all StartExecution calls are done. */
async function startAll(handle) {
  let next = 0;
  const starter = async () => {
    while (next < N) {
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

/** Reads every execution of the round back: all must have SUCCEEDED; returns latencies in ms. */
async function latencies(handle) {
  const items = await handle.listExecutions();
  const failed = items.filter((item) => item.status !== 'SUCCEEDED');
  if (items.length !== N || failed.length > 0) {
    throw new Error(
      `expected ${N} SUCCEEDED executions, got ${items.length} with ${failed.length} not SUCCEEDED`,
    );
  }
  return items.map((item) => item.stopDate.getTime() - item.startDate.getTime()).sort((a, b) => a - b);
}

/** Waits until `count()` reaches N. */
async function until(count) {
  while (count() < N) await new Promise((resolve) => setTimeout(resolve, 2));
}

/** The floor: W loops of GetActivityTask then SendTaskSuccess over the raw SDK. */
async function rawRound(session, handle, activityArn) {
  const client = session.client;
  let done = 0;
  let stopping = false;
  const abort = new AbortController();
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
      done++;
    }
  };
  const loops = Array.from({ length: W }, (_, w) => loop(w));
  const t0 = performance.now();
  await startAll(handle);
  await until(() => done);
  const seconds = (performance.now() - t0) / 1000;
  stopping = true;
  abort.abort();
  await Promise.all(loops);
  return { seconds, latencies: await latencies(handle) };
}

/** sfini: W Workers (concurrency 1 each, like the raw loops) running the echo activity. */
async function sfiniRound(session, handle) {
  const workers = await Promise.all(Array.from({ length: W }, () => session.worker(echo).start()));
  const done = () => workers.reduce((sum, worker) => sum + worker.stats.succeeded, 0);
  const t0 = performance.now();
  await startAll(handle);
  await until(done);
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(workers.map((worker) => worker.stop()));
  return { seconds, latencies: await latencies(handle) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function summarise(rounds) {
  return {
    tasksPerSecond: median(rounds.map((r) => N / r.seconds)),
    p50: median(rounds.map((r) => percentile(r.latencies, 50))),
    p99: median(rounds.map((r) => percentile(r.latencies, 99))),
  };
}

const endpoint = await startEndpointProcess();
const session = new Session({ endpoint: endpoint.url, region: 'us-east-1' });
try {
  const [activityArn] = (await session.registerActivities([echo])).values();
  const results = { raw: [], sfini: [] };
  const warmedUp = new Set();
  // The first round of each kind warms up (JIT, sockets) and is not counted.
  for (const kind of ['raw', 'sfini', ...Array.from({ length: ROUNDS }, () => ['raw', 'sfini']).flat()]) {
    const handle = session.stateMachine(oneTaskMachine(`bench-${kind}-${Date.now()}`));
    await handle.register();
    const round =
      kind === 'raw' ? await rawRound(session, handle, activityArn) : await sfiniRound(session, handle);
    await handle.deregister();
    if (warmedUp.has(kind)) results[kind].push(round);
    else warmedUp.add(kind);
  }
  const raw = summarise(results.raw);
  const ours = summarise(results.sfini);
  const row = (label, r) =>
    `${label.padEnd(24)}${r.tasksPerSecond.toFixed(1).padStart(10)}${r.p50.toFixed(1).padStart(10)}${r.p99.toFixed(1).padStart(10)}`;
  console.log(
    `bench:worker: ${N} executions of a one-Task machine, ${W} workers, ${ROUNDS} rounds (median), ` +
      `local endpoint in a child process, node ${process.version}`,
  );
  console.log(`${''.padEnd(24)}${'tasks/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}`);
  console.log(row('raw SDK loop (floor)', raw));
  console.log(row('sfini Worker', ours));
  const ratio = ours.tasksPerSecond / raw.tasksPerSecond;
  console.log(`throughput ratio sfini/raw: ${ratio.toFixed(3)}x (goal >= 0.9x)`);
  console.log(
    `latency ratio sfini/raw: p50 ${(ours.p50 / raw.p50).toFixed(3)}x, p99 ${(ours.p99 / raw.p99).toFixed(3)}x`,
  );
} finally {
  session.destroy();
  await endpoint.stop();
}
