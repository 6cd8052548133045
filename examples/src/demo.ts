// `pnpm run demo`: the seed's five examples, end to end, through the real AWS SDK and real
// workers. By default each runs against its own local endpoint started in this process, all
// at once (they share machine and activity names, as the seed's do, so one endpoint each keeps
// them apart), and their reports print in the seed's order. With --aws they run one after
// another on AWS Step Functions: AWS_REGION, credentials from the environment, and
// SFINI_ROLE_ARN (an IAM role Step Functions can assume) must be set.
import { Session } from '@sfini/runtime';
import { startLocalEndpoint } from '@sfini/testing';
import { type SeedExample, seedExamples } from './examples.js';
import { runSeedExample, SEED_SLEEPS, type SeedRunResult } from './seed-runs.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

interface Report {
  lines: string[];
  run: SeedRunResult;
}

async function runLocally(example: SeedExample): Promise<Report> {
  const endpoint = await startLocalEndpoint();
  const session = new Session({ endpoint: endpoint.url });
  const lines: string[] = [];
  try {
    const run = await runSeedExample(example, { session, endpoint: endpoint.url }, (line) =>
      lines.push(line),
    );
    return { lines, run };
  } finally {
    session.destroy();
    await endpoint.close();
  }
}

async function runOnAws(example: SeedExample, roleArn: string): Promise<Report> {
  const session = new Session();
  try {
    // Printed as it happens: on AWS the runs are one after another.
    const run = await runSeedExample(example, { session, roleArn, sleeps: SEED_SLEEPS }, (line) =>
      console.log(line),
    );
    return { lines: [], run };
  } finally {
    session.destroy();
  }
}

const onAws = process.argv.includes('--aws');
/** The role for `--aws`, checked before anything runs and said as a sentence, not a stack trace. */
function requiredRoleArn(): string {
  const roleArn = process.env.SFINI_ROLE_ARN;
  if (roleArn) return roleArn;
  console.error('--aws needs SFINI_ROLE_ARN: an IAM role ARN that Step Functions can assume');
  process.exit(2);
}
const roleArn = onAws ? requiredRoleArn() : '';
const started = Date.now();
console.log(
  onAws
    ? `Running the five seed examples on AWS Step Functions (${process.env.AWS_REGION ?? 'default region'})`
    : 'Running the five seed examples against local Step Functions endpoints, through @aws-sdk/client-sfn',
);
let failures = 0;
const reports = onAws
  ? seedExamples.map((example) => ({ example, report: undefined as Promise<Report> | undefined }))
  : seedExamples.map((example) => ({ example, report: runLocally(example) }));
for (const entry of reports) {
  const report = await (entry.report ?? runOnAws(entry.example, roleArn));
  for (const line of report.lines) console.log(line);
  // The error-handling example is meant to end in its Fail state; any other failure is a failure.
  const { status } = report.run.result;
  const expectedFailure =
    entry.example.id === 'error-handling' && status === 'FAILED' && report.run.result.error === 'WorkerError';
  if (status !== 'SUCCEEDED' && !expectedFailure) failures++;
  console.log();
}
console.log(
  `done in ${((Date.now() - started) / 1000).toFixed(1)} s${failures ? `; ${failures} example(s) failed` : ''}`,
);
process.exitCode = failures > 0 ? 1 : 0;
