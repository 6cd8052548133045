// AWS checks a request in two passes before any handler runs: deserialisation (a member of the
// wrong JSON type is a SerializationException at once) and the model's constraints (every
// missing required member, every length or range violation, reported together in one
// ValidationException). The reader mirrors both so handlers receive typed, checked values and
// a client learns everything wrong with its request from one answer.
import { ApiError, type ConstraintViolation, validationError } from './errors.js';

/** A tag as the API carries it. */
export interface ApiTag {
  key: string;
  value: string;
}

interface StringRules {
  required?: boolean;
  min?: number;
  max?: number;
  /** Lengths count UTF-8 bytes (AWS's payload members) rather than characters. */
  bytes?: boolean;
  /** The value is elided from messages, as AWS does for execution data. */
  sensitive?: boolean;
}

const JSON_TYPE_NAMES: Record<string, string> = {
  string: 'STRING_VALUE',
  number: 'NUMBER_VALUE',
  boolean: 'BOOLEAN_VALUE',
  object: 'START_OBJECT',
  array: 'START_ARRAY',
};

function jsonTypeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function serializationError(member: string, value: unknown, expected: string): ApiError {
  const found = JSON_TYPE_NAMES[jsonTypeOf(value)] ?? 'VALUE';
  return new ApiError(
    'SerializationException',
    `${found} can not be converted to ${expected} (at '${member}')`,
  );
}

/** Reads and checks the members of one request body. Call `done()` before acting on them. */
export class RequestReader {
  private readonly violations: ConstraintViolation[] = [];

  constructor(private readonly body: Readonly<Record<string, unknown>>) {}

  private present(member: string): unknown {
    const value = Object.hasOwn(this.body, member) ? this.body[member] : undefined;
    return value === null ? undefined : value;
  }

  private violate(member: string, value: unknown, constraint: string, sensitive = false): void {
    this.violations.push({ member, value, constraint, sensitive });
  }

  private checkLength(member: string, value: string, rules: StringRules): void {
    const length = rules.bytes ? Buffer.byteLength(value, 'utf8') : value.length;
    if (rules.min !== undefined && length < rules.min) {
      this.violate(
        member,
        value,
        `Member must have length greater than or equal to ${rules.min}`,
        rules.sensitive,
      );
    }
    if (rules.max !== undefined && length > rules.max) {
      this.violate(
        member,
        value,
        `Member must have length less than or equal to ${rules.max}`,
        rules.sensitive,
      );
    }
  }

  /** A string member; a required one missing is recorded as a violation. */
  string(member: string, rules: StringRules & { required: true }): string;
  string(member: string, rules?: StringRules): string | undefined;
  string(member: string, rules: StringRules = {}): string | undefined {
    const value = this.present(member);
    if (value === undefined) {
      if (rules.required) this.violate(member, undefined, 'Member must not be null');
      return rules.required ? '' : undefined;
    }
    if (typeof value !== 'string') throw serializationError(member, value, 'a String');
    this.checkLength(member, value, rules);
    return value;
  }

  /** A boolean member. */
  boolean(member: string): boolean | undefined {
    const value = this.present(member);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw serializationError(member, value, 'a Boolean');
    return value;
  }

  /** An integer member within `[min, max]`. */
  integer(member: string, min: number, max: number): number | undefined {
    const value = this.present(member);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw serializationError(member, value, 'an Integer');
    if (value < min) this.violate(member, value, `Member must have value greater than or equal to ${min}`);
    if (value > max) this.violate(member, value, `Member must have value less than or equal to ${max}`);
    return value;
  }

  /** A string member restricted to `allowed`. */
  enumOf<T extends string>(member: string, allowed: readonly T[]): T | undefined {
    const value = this.string(member);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.violate(member, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
      return undefined;
    }
    return value as T;
  }

  /** An object member, passed on as it is (configurations the endpoint stores but does not act on). */
  object(member: string): Record<string, unknown> | undefined {
    const value = this.present(member);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || Array.isArray(value))
      throw serializationError(member, value, 'a Structure');
    return value as Record<string, unknown>;
  }

  /** A list of strings, each checked against `item` rules. */
  stringList(member: string, rules: { required?: boolean; max?: number; item?: StringRules } = {}): string[] {
    const value = this.present(member);
    if (value === undefined) {
      if (rules.required) this.violate(member, undefined, 'Member must not be null');
      return [];
    }
    if (!Array.isArray(value)) throw serializationError(member, value, 'a List');
    if (rules.max !== undefined && value.length > rules.max) {
      this.violate(member, value, `Member must have length less than or equal to ${rules.max}`);
    }
    return value.map((item, index) => {
      const path = `${member}.${index + 1}.member`;
      if (typeof item !== 'string') throw serializationError(path, item, 'a String');
      this.checkLength(path, item, rules.item ?? {});
      return item;
    });
  }

  /** A list of `{ key, value }` tags; AWS allows keys of 1-128 and values of 0-256 characters. */
  tags(member: string, required = false): ApiTag[] {
    const value = this.present(member);
    if (value === undefined) {
      if (required) this.violate(member, undefined, 'Member must not be null');
      return [];
    }
    if (!Array.isArray(value)) throw serializationError(member, value, 'a List');
    return value.map((item, index) => {
      const path = `${member}.${index + 1}.member`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw serializationError(path, item, 'a Structure');
      }
      const tag = item as Record<string, unknown>;
      const key = tag.key ?? undefined;
      const tagValue = tag.value ?? '';
      if (key !== undefined && typeof key !== 'string')
        throw serializationError(`${path}.key`, key, 'a String');
      if (typeof tagValue !== 'string') throw serializationError(`${path}.value`, tagValue, 'a String');
      if (key === undefined) this.violate(`${path}.key`, undefined, 'Member must not be null');
      else this.checkLength(`${path}.key`, key, { min: 1, max: 128 });
      this.checkLength(`${path}.value`, tagValue, { max: 256 });
      return { key: key ?? '', value: tagValue };
    });
  }

  /** Throws the ValidationException listing every violated constraint, if there is any. */
  done(): void {
    if (this.violations.length > 0) throw validationError(this.violations);
  }
}
