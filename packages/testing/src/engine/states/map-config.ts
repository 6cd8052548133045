// A Map state's run-time settings: the items, MaxConcurrency and the tolerated failures, each
// possibly read from the input (…Path) or computed by JSONata, each checked with AWS's wording.
import type { JsonValue } from '@sfini/core';
import type { MapState } from '../compile/model.js';
import type { StateRun } from '../run/state-run.js';
import { jsonTypeName, stringify } from '../values/json.js';
import { readNumberField } from './number-fields.js';

/** The array a Map iterates over. */
export async function mapItems(state: MapState, run: StateRun, effective: JsonValue): Promise<JsonValue[]> {
  const readerData = run.thread.runtime.inspection?.itemReaderData;
  if (state.itemReader !== undefined) {
    if (readerData !== undefined) return readerData;
    throw run.runtimeFailure(
      'The Map state reads its items with an ItemReader (S3), which the local engine cannot reach; give the items inline.',
    );
  }
  if (state.queryLanguage === 'JSONata') {
    if (state.items !== undefined) {
      const items = await run.jsonata(state.items, run.states());
      if (!Array.isArray(items)) {
        const source = state.items.kind === 'expression' ? state.items.expression.source : stringify(items);
        throw run.queryFailure(
          `The JSONata expression '${source}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${jsonTypeName(items)}' for value: ${stringify(items)}`,
          'Items',
        );
      }
      return items;
    }
    if (!Array.isArray(effective)) {
      throw run.queryFailure(`Map state input must be an array but was: ${stringify(effective)}`);
    }
    return effective;
  }
  const path = state.itemsPath;
  const items = path === undefined ? effective : run.applyPath(path, effective);
  if (!Array.isArray(items)) {
    const shown = path === undefined ? '$' : path.root === 'context' ? path.source.slice(1) : path.source;
    throw run.runtimeFailure(`Reference path "${shown}" must point to array.`);
  }
  return items;
}

/** A whole number from a number or a numeric string, as AWS accepts in …Path fields. */
function asInteger(value: JsonValue): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

function asFloat(value: JsonValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

function invalid(run: StateRun, field: string, value: JsonValue, kind: string, path: string | undefined) {
  const shown = typeof value === 'string' ? value : stringify(value);
  return run.runtimeFailure(
    `The ${field} field refers to value "${shown}" which is not a valid ${kind}${path ? `: ${path}` : ''}`,
  );
}

/** MaxConcurrency; 0 means no limit. */
export async function mapMaxConcurrency(
  state: MapState,
  run: StateRun,
  effective: JsonValue,
): Promise<number> {
  const source = state.maxConcurrency;
  if (source === undefined) return 0;
  const { value, path } = await readNumberField(run, source, effective);
  const n = asInteger(value);
  const field = source.kind === 'path' ? 'MaxConcurrencyPath' : 'MaxConcurrency';
  if (n === undefined || n < 0) throw invalid(run, field, value, 'integer', path);
  return n;
}

/** How many failed items the Map tolerates, as a count and a percentage (undefined: not set). */
export interface Tolerance {
  readonly count: number | undefined;
  readonly percentage: number | undefined;
}

export async function mapTolerance(state: MapState, run: StateRun, effective: JsonValue): Promise<Tolerance> {
  let count: number | undefined;
  let percentage: number | undefined;
  if (state.toleratedFailureCount !== undefined) {
    const source = state.toleratedFailureCount;
    const { value, path } = await readNumberField(run, source, effective);
    const n = asInteger(value);
    const field = source.kind === 'path' ? 'ToleratedFailureCountPath' : 'ToleratedFailureCount';
    if (n === undefined) throw invalid(run, field, value, 'integer', path);
    if (n < 0) throw run.runtimeFailure('ToleratedFailureCount cannot be negative.');
    count = n;
  }
  if (state.toleratedFailurePercentage !== undefined) {
    const source = state.toleratedFailurePercentage;
    const { value, path } = await readNumberField(run, source, effective);
    const n = asFloat(value);
    const field = source.kind === 'path' ? 'ToleratedFailurePercentagePath' : 'ToleratedFailurePercentage';
    if (n === undefined) throw invalid(run, field, value, 'float', path);
    if (n < 0 || n > 100) throw run.runtimeFailure('ToleratedFailurePercentage must be between 0 and 100.');
    percentage = n;
  }
  return { count, percentage };
}

/** True when `failed` of `total` items exceed what the Map tolerates. */
export function exceedsTolerance(tolerance: Tolerance, failed: number, total: number): boolean {
  if (failed === 0) return false;
  if (tolerance.count === undefined && tolerance.percentage === undefined) return true;
  if (tolerance.count !== undefined && failed > tolerance.count) return true;
  return tolerance.percentage !== undefined && (failed / total) * 100 > tolerance.percentage;
}
