// Each command declares its flags once, and that one table drives parsing (node:util's
// parseArgs, strict, so a misspelt flag is an error rather than silently ignored), the
// `--help` text and the usage line shown with every argument error. A framework would add
// a dependency for what these hundred lines do.
import { parseArgs } from 'node:util';
import { didYouMean } from './suggest.js';

/** One flag of a command. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in help for string flags, e.g. `SECONDS`. */
  value?: string;
  description: string;
  multiple?: boolean;
}

/** A command's arguments as declared. */
export interface ArgsSpec {
  /** e.g. `start [FILE|-]`. */
  usage: string;
  summary: string;
  /** Longer help below the usage line. */
  details?: string;
  flags: Record<string, FlagSpec>;
  positionals: { min: number; max: number };
}

/** Flags every command takes. */
export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  endpoint: {
    type: 'string',
    value: 'URL',
    description: 'Step Functions endpoint (default: $SFINI_ENDPOINT, else AWS)',
  },
  region: {
    type: 'string',
    value: 'REGION',
    description: 'AWS region (default: $AWS_REGION, else us-east-1)',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

/** A command-line mistake; shown with the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/**
 * node:util's parseArgs error as a CLI message, lower case like the CLI's own: an unknown option
 * with the closest known one, the others reworded to one line.
 */
function argumentProblem(error: unknown, flags: Record<string, FlagSpec>): string {
  const { code, message } = error as { code?: unknown; message: string };
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'(-[^']*)'/.exec(message)?.[1] ?? message;
    const long = option.startsWith('--') ? option.slice(2).split('=')[0]! : undefined;
    return `unknown option '${option}'${long ? didYouMean(long, Object.keys(flags), '--') : ''}`;
  }
  const firstLine = message
    .split('\n')
    .join(' ')
    .replace(/\. To specify.*$/s, '');
  return firstLine.charAt(0).toLowerCase() + firstLine.slice(1);
}

/** Parsed values: strings, booleans and string lists by flag name. */
export type FlagValues = Record<string, string | boolean | string[] | undefined>;

/** Parses `argv` against `spec` plus the global flags. @throws UsageError on any mistake. */
export function parseCommandArgs(
  command: string,
  spec: ArgsSpec,
  argv: readonly string[],
): { values: FlagValues; positionals: string[] } {
  const flags = { ...GLOBAL_FLAGS, ...spec.flags };
  let parsed: { values: FlagValues; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(flags).map(([name, flag]) => [
          name,
          {
            type: flag.type,
            ...(flag.short ? { short: flag.short } : {}),
            ...(flag.multiple ? { multiple: true } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    }) as { values: FlagValues; positionals: string[] };
  } catch (error) {
    throw new UsageError(argumentProblem(error, flags), command);
  }
  if (parsed.values.help) return parsed;
  const count = parsed.positionals.length;
  if (count < spec.positionals.min) {
    throw new UsageError(`missing argument: expected ${spec.usage.split(' ').slice(1).join(' ')}`, command);
  }
  if (count > spec.positionals.max) {
    const extra = parsed.positionals.slice(spec.positionals.max).join(' ');
    throw new UsageError(
      `unexpected argument${count - spec.positionals.max > 1 ? 's' : ''}: ${extra}`,
      command,
    );
  }
  return parsed;
}

function flagLines(flags: Record<string, FlagSpec>): string[] {
  const rows = Object.entries(flags).map(([name, flag]) => {
    const short = flag.short ? `-${flag.short}, ` : '    ';
    const value = flag.type === 'string' ? ` ${flag.value ?? 'VALUE'}` : '';
    return [`  ${short}--${name}${value}`, flag.description] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => left.padEnd(width) + right);
}

/** The `--help` text of a command. */
export function commandHelp(program: string, spec: ArgsSpec): string {
  const lines = [`Usage: ${program} ${spec.usage} [options]`, '', spec.summary];
  if (spec.details) lines.push('', spec.details);
  if (Object.keys(spec.flags).length > 0) lines.push('', 'Options:', ...flagLines(spec.flags));
  lines.push('', 'Global options:', ...flagLines(GLOBAL_FLAGS));
  return `${lines.join('\n')}\n`;
}

/** A flag's value when it was given as text. */
export function stringFlag(values: FlagValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A whole number flag, checked. @throws UsageError naming the flag. */
export function integerFlag(
  values: FlagValues,
  name: string,
  min: number,
  command: string,
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(value) || value < min) {
    throw new UsageError(`--${name} must be a whole number from ${min}, got '${String(raw)}'`, command);
  }
  return value;
}

/** A string flag restricted to `choices`. @throws UsageError listing the choices. */
export function choiceFlag<T extends string>(
  values: FlagValues,
  name: string,
  choices: readonly T[],
  command: string,
): T | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const upper = String(raw).toUpperCase();
  if (!(choices as readonly string[]).includes(upper)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got '${String(raw)}'`, command);
  }
  return upper as T;
}
