// Every payload of a state machine travels as JSON, so a schema that only a non-JSON value can
// satisfy (a function, a symbol, a bigint, a Map) describes data that can never arrive. Such
// schemas are refused when the activity or machine is defined, naming where the bad part sits.
import type { z } from 'zod';

const NON_JSON_TYPES: Record<string, string> = {
  function: 'a function',
  symbol: 'a symbol',
  bigint: 'a bigint',
  map: 'a Map',
  set: 'a Set',
  promise: 'a Promise',
  nan: 'NaN',
  void: 'undefined (void)',
  undefined: 'undefined',
};

/**
 * Thrown when a zod schema describes values that cannot be carried as JSON.
 * @example
 * ```ts
 * activity('square', { input: z.object({ n: z.bigint() }) }, ({ n }) => String(n * n));
 * // throws NonJsonSchemaError: input schema of activity 'square' cannot be carried as JSON: ...
 * ```
 */
export class NonJsonSchemaError extends Error {
  override readonly name = 'NonJsonSchemaError';
  /**
   * @param where the schema's place, as the message names it (e.g. `input schema of activity 'square'`).
   * @param problems one `$`-rooted path and reason per part JSON cannot carry.
   */
  constructor(
    readonly where: string,
    readonly problems: readonly string[],
  ) {
    super(`${where} cannot be carried as JSON:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

interface ZodDefLike {
  type: string;
  [key: string]: unknown;
}

function defOf(schema: unknown): ZodDefLike | undefined {
  const internals = (schema as { _zod?: { def?: ZodDefLike } } | undefined)?._zod;
  return internals?.def;
}

/**
 * Lists where `schema` requires a value JSON cannot carry, as `$`-rooted paths.
 * `undefined` is tolerated where it only makes a field optional.
 * @param schema any zod schema.
 * @example
 * ```ts
 * nonJsonSchemaProblems(z.object({ n: z.bigint(), tags: z.set(z.string()) })); // two problems: $.n, $.tags
 * nonJsonSchemaProblems(z.object({ note: z.string().optional() })); // []
 * ```
 */
export function nonJsonSchemaProblems(schema: z.ZodType): string[] {
  const problems: string[] = [];
  const visiting = new Set<unknown>();

  const visit = (node: unknown, path: string, optionalPosition: boolean): void => {
    const def = defOf(node);
    if (!def || visiting.has(node)) return;
    visiting.add(node);
    try {
      const described = NON_JSON_TYPES[def.type];
      if (described !== undefined) {
        const tolerated = optionalPosition && (def.type === 'undefined' || def.type === 'void');
        if (!tolerated) problems.push(`${path} is ${described}`);
        return;
      }
      switch (def.type) {
        case 'object': {
          const shape = (def.shape ?? {}) as Record<string, unknown>;
          for (const [key, child] of Object.entries(shape)) {
            const childPath = /^[A-Za-z_$][\w$]*$/.test(key)
              ? `${path}.${key}`
              : `${path}[${JSON.stringify(key)}]`;
            visit(child, childPath, true);
          }
          if (def.catchall) visit(def.catchall, `${path}[*]`, true);
          return;
        }
        case 'array':
          visit(def.element, `${path}[*]`, false);
          return;
        case 'tuple':
          (def.items as unknown[] | undefined)?.forEach((item, i) => {
            visit(item, `${path}[${i}]`, false);
          });
          if (def.rest) visit(def.rest, `${path}[*]`, false);
          return;
        case 'record':
          visit(def.valueType, `${path}[*]`, true);
          return;
        case 'union':
          for (const option of (def.options as unknown[] | undefined) ?? [])
            visit(option, path, optionalPosition);
          return;
        case 'intersection':
          visit(def.left, path, optionalPosition);
          visit(def.right, path, optionalPosition);
          return;
        case 'optional':
          visit(def.innerType, path, true);
          return;
        case 'nullable':
        case 'default':
        case 'prefault':
        case 'catch':
        case 'readonly':
        case 'nonoptional':
        case 'success':
          visit(def.innerType, path, optionalPosition);
          return;
        case 'pipe':
          visit(def.in, path, optionalPosition);
          return;
        case 'lazy': {
          const getter = def.getter as (() => unknown) | undefined;
          if (getter) visit(getter(), path, optionalPosition);
          return;
        }
        default:
          return;
      }
    } finally {
      visiting.delete(node);
    }
  };

  visit(schema, '$', false);
  return problems;
}

/**
 * Throws a {@link NonJsonSchemaError} naming every part of `schema` JSON cannot carry.
 * @param schema any zod schema.
 * @param where the schema's place, as the message names it.
 * @throws NonJsonSchemaError listing every problem.
 * @example
 * ```ts
 * assertJsonSchema(orderSchema, 'input schema of state machine orders');
 * ```
 */
export function assertJsonSchema(schema: z.ZodType, where: string): void {
  const problems = nonJsonSchemaProblems(schema);
  if (problems.length > 0) throw new NonJsonSchemaError(where, problems);
}

/**
 * Checks each schema given for `owner` with {@link assertJsonSchema}, naming it by its role:
 * `{ input, output }` of `activity 'resize'` reads "input schema of activity 'resize'".
 * @param owner what the schemas belong to, as messages name it.
 * @param schemas the schemas by role; undefined ones are skipped.
 * @throws NonJsonSchemaError for the first schema JSON cannot carry.
 * @example
 * ```ts
 * assertJsonSchemas(`resource '${arn}'`, { input: request, output: response });
 * ```
 */
export function assertJsonSchemas(owner: string, schemas: Record<string, z.ZodType | undefined>): void {
  for (const [role, schema] of Object.entries(schemas)) {
    if (schema) assertJsonSchema(schema, `${role} schema of ${owner}`);
  }
}
