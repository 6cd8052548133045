#!/usr/bin/env node
// Measures what the DSL's types cost the compiler. For each size it generates a chained
// machine (Tasks writing with ResultPath, some overwriting earlier writes, some at nested
// paths; every third Task assigning variables from its result, every third reading one in its
// Parameters; a Choice every few states, half of them on a variable) twice: with the typed
// DSL, and as the same definition written as a plain ASL object (the untyped baseline). Both
// import the same schemas and activities, and @sfini/core is compiled to declarations first,
// as users consume it, so the ratio isolates the cost of typing the machine. Figures come from
// `tsc --extendedDiagnostics`. BENCH_CORE names another packages/core directory to measure
// (an earlier version, for before/after figures with the same generator).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.bench', 'types');
const tsc7 = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const sizes = (process.env.BENCH_SIZES ?? '40,200,400').split(',').map(Number);
const coreDir = resolve(process.env.BENCH_CORE ?? join(root, 'packages/core'));

const FIELDS = 8;
const ACTIVITIES = 6;

function preamble() {
  const lines = [
    `import { z } from 'zod';`,
    `import { activity } from '@sfini/core';`,
    '',
    'export const input = z.object({',
    '  id: z.string(),',
    '  count: z.number(),',
    '  meta: z.object({ owner: z.string(), tags: z.array(z.string()) }),',
  ];
  for (let i = 0; i < FIELDS; i++) lines.push(`  f${i}: z.string(),`);
  lines.push('});', '');
  for (let i = 0; i < ACTIVITIES; i++) {
    lines.push(
      `export const a${i} = activity('a${i}', { input: z.object({ id: z.string(), count: z.number() }), output: z.object({ v: z.number(), s${i}: z.string(), deep: z.object({ n: z.number() }) }) }, () => ({ v: ${i}, s${i}: 'x', deep: { n: ${i} } }));`,
    );
  }
  return lines.join('\n');
}

/** The plan of a chained machine of `size` states: what each state is and writes. */
function plan(size) {
  const states = [];
  let i = 0;
  while (states.length < size) {
    const n = states.length;
    if (n % 5 === 4 && states.length + 2 <= size) {
      // Half the Choices compare a variable, half a field a Task wrote.
      states.push({ kind: 'choice', name: `c${n}`, fail: `f${n}`, onVariable: n % 10 === 4 });
      states.push({ kind: 'fail', name: `f${n}` });
      continue;
    }
    const act = i % ACTIVITIES;
    // Mostly fresh top-level writes, every third one nested, every seventh overwriting r0.
    const path = i % 7 === 6 ? '$.r0' : i % 3 === 2 ? `$.nested.g${i % 4}.r${i}` : `$.r${i}`;
    // Every third Task assigns variables from its result; every third reads one as its input.
    const assign = i % 3 === 0 ? { 'last.$': '$.v', [`tag${i % 5}.$`]: `$.s${act}`, step: i } : undefined;
    const parameters = i % 3 === 1 ? { 'id.$': '$.id', 'count.$': '$.count', 'seen.$': '$last' } : undefined;
    states.push({ kind: 'task', name: `s${n}`, act, path, assign, parameters });
    i++;
  }
  return states;
}

function typedSource(size) {
  const steps = plan(size);
  const out = [
    preamble(),
    `import { machine } from '@sfini/core';`,
    '',
    `export const m = machine('bench', { input }, (start) => {`,
  ];
  let prev = 'start';
  let lastTask = 'r0';
  for (const s of steps) {
    if (s.kind === 'task') {
      const extra = [
        s.parameters ? `parameters: ${JSON.stringify(s.parameters)}` : '',
        s.assign ? `assign: ${JSON.stringify(s.assign)}` : '',
      ]
        .filter(Boolean)
        .map((field) => `, ${field}`)
        .join('');
      out.push(
        `  const ${s.name} = ${prev}.task('${s.name}', a${s.act}, { resultPath: '${s.path}'${extra} });`,
      );
      prev = s.name;
      lastTask = s.path;
    } else if (s.kind === 'choice') {
      const variable = s.onVariable ? '$last' : `${lastTask}.v`;
      out.push(
        `  const ${s.name} = ${prev}.choice('${s.name}').when((r) => r.numericGreaterThan('${variable}', 3), (f) => f.fail('${s.fail}'));`,
      );
      out.push(`  const ${s.name}n = ${s.name}.otherwise();`);
      prev = `${s.name}n`;
    }
  }
  out.push(`  return ${prev === 'start' ? 'start' : prev};`, '});', '');
  // The last value may be a Flow after a Choice: end on a Succeed so every size ends the same way.
  if (prev.endsWith('n')) out[out.length - 3] = `  return ${prev}.succeed('done');`;
  return out.join('\n');
}

function untypedSource(size) {
  const steps = plan(size);
  const states = {};
  const arn = (a) => `arn:aws:states:us-east-1:123456789012:activity:a${a}`;
  let pending = null;
  let lastTask = '$.r0';
  const link = (name) => {
    if (pending) pending(name);
  };
  for (const s of steps) {
    if (s.kind === 'task') {
      link(s.name);
      const state = { Type: 'Task', Resource: arn(s.act), ResultPath: s.path, End: true };
      if (s.parameters) state.Parameters = s.parameters;
      if (s.assign) state.Assign = s.assign;
      states[s.name] = state;
      pending = (next) => {
        delete state.End;
        state.Next = next;
      };
      lastTask = s.path;
    } else if (s.kind === 'choice') {
      link(s.name);
      const state = {
        Type: 'Choice',
        Choices: [
          { Variable: s.onVariable ? '$last' : `${lastTask}.v`, NumericGreaterThan: 3, Next: s.fail },
        ],
      };
      states[s.name] = state;
      pending = (next) => {
        state.Default = next;
      };
    } else {
      states[s.name] = { Type: 'Fail' };
    }
  }
  if (pending) {
    link('done');
    states.done = { Type: 'Succeed' };
  }
  const first = steps[0].name;
  return [
    preamble(),
    '',
    `export const definition = ${JSON.stringify({ StartAt: first, States: states }, null, 2)};`,
    '',
  ].join('\n');
}

/**
 * The plan of a reshaping chain: every other state a Pass whose Parameters build the next data
 * from the previous state's (and a variable), so each state's data is computed from a template
 * over the last; Tasks and Choices in between. Long chains of templates are where lazily
 * computed data types nest deepest.
 */
function reshapePlan(size) {
  const states = [];
  while (states.length < size) {
    const n = states.length;
    if (n % 10 === 9 && n + 2 <= size) {
      states.push({
        kind: 'choice',
        name: `c${n}`,
        fail: `f${n}`,
        variable: n % 20 === 9 ? '$seen' : '$.count',
      });
      states.push({ kind: 'fail', name: `f${n}` });
    } else if (n % 2 === 0) {
      const parameters = {
        'id.$': '$.id',
        'count.$': '$.count',
        'meta.$': '$.meta',
        ...(n % 4 === 2 ? { 'seen.$': '$seen' } : {}),
      };
      const assign = n % 6 === 0 ? { 'seen.$': '$.count', step: n } : undefined;
      states.push({ kind: 'pass', name: `s${n}`, parameters, assign });
    } else {
      states.push({ kind: 'task', name: `s${n}`, act: n % ACTIVITIES, path: `$.r${n % 3}` });
    }
  }
  return states;
}

function reshapeTypedSource(size) {
  const out = [
    preamble(),
    `import { machine } from '@sfini/core';`,
    '',
    `export const m = machine('reshape', { input }, (start) => {`,
  ];
  let prev = 'start';
  for (const s of reshapePlan(size)) {
    if (s.kind === 'pass') {
      const assign = s.assign ? `, assign: ${JSON.stringify(s.assign)}` : '';
      out.push(
        `  const ${s.name} = ${prev}.pass('${s.name}', { parameters: ${JSON.stringify(s.parameters)}${assign} });`,
      );
      prev = s.name;
    } else if (s.kind === 'task') {
      out.push(`  const ${s.name} = ${prev}.task('${s.name}', a${s.act}, { resultPath: '${s.path}' });`);
      prev = s.name;
    } else if (s.kind === 'choice') {
      out.push(
        `  const ${s.name} = ${prev}.choice('${s.name}').when((r) => r.numericGreaterThan('${s.variable}', 3), (f) => f.fail('${s.fail}')).otherwise();`,
      );
      prev = s.name;
    }
  }
  out.push(`  return ${prev}.succeed('done');`, '});', '');
  return out.join('\n');
}

function reshapeUntypedSource(size) {
  const states = {};
  const arn = (a) => `arn:aws:states:us-east-1:123456789012:activity:a${a}`;
  const steps = reshapePlan(size);
  let link = null;
  for (const s of steps) {
    if (link) link(s.name);
    link = null;
    if (s.kind === 'fail') {
      states[s.name] = { Type: 'Fail' };
      continue;
    }
    const state =
      s.kind === 'pass'
        ? { Type: 'Pass', Parameters: s.parameters, ...(s.assign ? { Assign: s.assign } : {}) }
        : s.kind === 'task'
          ? { Type: 'Task', Resource: arn(s.act), ResultPath: s.path }
          : { Type: 'Choice', Choices: [{ Variable: s.variable, NumericGreaterThan: 3, Next: s.fail }] };
    states[s.name] = state;
    link = (next) => {
      if (state.Type === 'Choice') state.Default = next;
      else state.Next = next;
    };
  }
  link?.('done');
  states.done = { Type: 'Succeed' };
  const definition = { StartAt: steps[0].name, States: states };
  return [preamble(), '', `export const definition = ${JSON.stringify(definition, null, 2)};`, ''].join('\n');
}

function check(dir, file, coreTypes) {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      paths: { '@sfini/core': [coreTypes] },
    },
    files: [file],
  };
  const config = join(dir, `tsconfig.${file.replace(/\.ts$/, '')}.json`);
  writeFileSync(config, JSON.stringify(tsconfig, null, 2));
  const run = spawnSync(process.execPath, [tsc7, '-p', config, '--extendedDiagnostics'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const text = `${run.stdout}\n${run.stderr}`;
  const number = (label) => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(text);
    return match ? Number(match[1]) : Number.NaN;
  };
  const errors = text.split('\n').filter((line) => /error TS\d+/.test(line));
  return {
    instantiations: number('Instantiations'),
    checkSeconds: number('Check time'),
    ts2589: errors.some((line) => line.includes('TS2589')),
    errors,
  };
}

function main() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // Compile @sfini/core's declarations, as a user's project would consume them.
  const coreOut = join(work, 'core-dist');
  execFileSync(
    process.execPath,
    [
      tsc7,
      '-p',
      join(coreDir, 'tsconfig.build.json'),
      '--outDir',
      coreOut,
      '--declaration',
      '--emitDeclarationOnly',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const coreTypes = join(coreOut, 'index.d.ts');
  // The generated files import zod: resolve it from @sfini/core's dependencies.
  writeFileSync(join(work, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  execFileSync('ln', ['-sfn', join(root, 'packages/core/node_modules/zod'), join(work, 'node_modules/zod')]);

  let failed = false;
  const measure = (shape, typedSourceOf, untypedSourceOf) =>
    sizes.map((size) => {
      const typedFile = `${shape}-typed-${size}.ts`;
      const untypedFile = `${shape}-untyped-${size}.ts`;
      writeFileSync(join(work, typedFile), typedSourceOf(size));
      writeFileSync(join(work, untypedFile), untypedSourceOf(size));
      const typed = check(work, typedFile, coreTypes);
      const untyped = check(work, untypedFile, coreTypes);
      if (typed.errors.length > 0 || untyped.errors.length > 0) {
        failed = true;
        console.error(
          `${shape}, size ${size}: compile errors\n${[...typed.errors, ...untyped.errors].slice(0, 10).join('\n')}`,
        );
      }
      return { size, typed, untyped };
    });
  const rows = measure('chain', typedSource, untypedSource);
  const reshapeRows = measure('reshape', reshapeTypedSource, reshapeUntypedSource);

  const print = (title, table) => {
    console.log(`\n${title}`);
    console.log(
      'states | typed instantiations | untyped instantiations | ratio | typed check s | untyped check s | ratio | TS2589',
    );
    for (const { size, typed, untyped } of table) {
      console.log(
        [
          String(size).padStart(6),
          String(typed.instantiations).padStart(20),
          String(untyped.instantiations).padStart(22),
          (typed.instantiations / untyped.instantiations).toFixed(2).padStart(5),
          typed.checkSeconds.toFixed(3).padStart(13),
          untyped.checkSeconds.toFixed(3).padStart(15),
          (typed.checkSeconds / untyped.checkSeconds).toFixed(2).padStart(5),
          typed.ts2589 ? 'yes' : 'no',
        ].join(' | '),
      );
    }
  };
  print(
    'Type-check cost of the typed DSL vs the same machine as a plain ASL object (TypeScript 7.0.2)\nchain: Task writes, variables, Choices (the budgeted machine)',
    rows,
  );
  print('reshape: Pass templates over the previous data and variables, Tasks, Choices', reshapeRows);
  const budgets = [
    [40, 250_000],
    [200, 1_200_000],
  ];
  for (const [size, limit] of budgets) {
    const row = rows.find((r) => r.size === size);
    if (row && !(row.typed.instantiations < limit)) {
      failed = true;
      console.log(
        `over budget: ${size} states took ${row.typed.instantiations} instantiations (budget ${limit})`,
      );
    }
  }
  if ([...rows, ...reshapeRows].some((r) => r.typed.ts2589)) {
    failed = true;
    console.log('TS2589 (excessively deep) was reported');
  }
  console.log(failed ? '\nbudgets: FAILED' : '\nbudgets: met (no TS2589; under 250k at 40 and 1.2M at 200)');
  process.exitCode = failed ? 1 : 0;
}

main();
