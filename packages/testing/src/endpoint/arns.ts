// ARNs arrive from clients and are untrusted: a typo, a resource of the wrong kind, or an ARN
// from another service must be refused with AWS's InvalidArn before any lookup, so the caller
// learns what is wrong rather than a misleading "does not exist". Building ARNs goes through
// @sfini/core so the DSL, the runtime and this endpoint agree on their shape.
import { type ArnScope, parseStatesArn, resourceNameProblem } from '@sfini/core';
import { invalidArn, invalidName } from './errors.js';

/** The kinds of Step Functions resources an operation may accept. */
export type ArnKind = 'activity' | 'stateMachine' | 'execution' | 'express';

/** How many `:`-separated parts follow the resource type for each kind. */
const RESOURCE_PARTS: Record<ArnKind, number> = {
  activity: 1,
  stateMachine: 1,
  execution: 2,
  express: 3,
};

/** A checked ARN: its kind and the names it carries. */
export interface CheckedArn {
  kind: ArnKind;
  region: string;
  accountId: string;
  /** The resource names after the type: `[name]`, `[machine, execution]`, `[machine, execution, id]`. */
  names: string[];
}

/**
 * Checks that `arn` is a Step Functions ARN of one of the `allowed` kinds with well-formed names.
 * @throws ApiError InvalidArn naming what is wrong.
 */
export function checkArn(arn: string, allowed: readonly ArnKind[]): CheckedArn {
  if (!arn.startsWith('arn:')) throw invalidArn(`Invalid ARN prefix: ${arn}`);
  const parsed = parseStatesArn(arn);
  if (!parsed)
    throw invalidArn(`${arn} is not a Step Functions ARN (arn:aws:states:REGION:ACCOUNT:TYPE:NAME)`);
  const kind = parsed.resourceType as ArnKind;
  if (!(allowed as readonly string[]).includes(parsed.resourceType)) {
    throw invalidArn(`Resource type not valid in this context: ${parsed.resourceType.toLowerCase()}`);
  }
  const expected = RESOURCE_PARTS[kind];
  if (parsed.resource.length !== expected) {
    throw invalidArn(
      `${arn} has ${parsed.resource.length} name part(s) after '${parsed.resourceType}'; expected ${expected}`,
    );
  }
  for (const name of parsed.resource) {
    const problem = resourceNameProblem(name);
    if (problem !== undefined) throw invalidArn(`${arn}: ${problem}`);
  }
  return { kind, region: parsed.region, accountId: parsed.accountId, names: parsed.resource };
}

/** The ARN scope of an endpoint: its partition, region and account. */
export type EndpointScope = Required<Pick<ArnScope, 'region' | 'accountId'>> & { partition: string };

/** The ARN of an EXPRESS execution, which AWS qualifies with an id since names need not be unique. */
export function expressExecutionArn(
  scope: EndpointScope,
  machineName: string,
  executionName: string,
  id: string,
): string {
  return `arn:${scope.partition}:states:${scope.region}:${scope.accountId}:express:${machineName}:${executionName}:${id}`;
}

/**
 * Checks a name a client gives a new resource (activity, state machine, execution) against the
 * characters AWS refuses. Lengths are the request validator's business (ValidationException).
 * @throws ApiError InvalidName saying which character is refused.
 */
export function checkResourceName(name: string): void {
  const problem = resourceNameProblem(name);
  if (problem !== undefined) throw invalidName(name, problem);
}
