// ARNs are built in one place so the DSL, the runtime and the local endpoint agree on their
// shape. Machines are emitted before AWS has told us the account, so emit takes the region
// and account as options and falls back to placeholders the local endpoint also uses.

/** Region used when none is given: the local endpoint's region as well. */
export const DEFAULT_REGION = 'us-east-1';
/** Account used when none is given: the local endpoint's account as well. */
export const DEFAULT_ACCOUNT_ID = '123456789012';

/** Where ARNs point: a region and an account. */
export interface ArnScope {
  region?: string;
  accountId?: string;
  /** `aws`, or `aws-cn` / `aws-us-gov` for the other partitions. */
  partition?: string;
}

function prefix(service: string, scope: ArnScope): string {
  const partition = scope.partition ?? 'aws';
  return `arn:${partition}:${service}:${scope.region ?? DEFAULT_REGION}:${scope.accountId ?? DEFAULT_ACCOUNT_ID}`;
}

/**
 * The ARN of an activity called `name`.
 * @param name the activity's full name.
 * @param scope region, account and partition; default us-east-1, 123456789012, aws.
 * @example
 * ```ts
 * activityArn('resize', { region: 'eu-west-1', accountId: '111122223333' });
 * // 'arn:aws:states:eu-west-1:111122223333:activity:resize'
 * ```
 */
export function activityArn(name: string, scope: ArnScope = {}): string {
  return `${prefix('states', scope)}:activity:${name}`;
}

/**
 * The ARN of a state machine called `name`.
 * @param name the machine's name.
 * @param scope region, account and partition; default us-east-1, 123456789012, aws.
 * @example
 * ```ts
 * stateMachineArn('counter'); // 'arn:aws:states:us-east-1:123456789012:stateMachine:counter'
 * ```
 */
export function stateMachineArn(name: string, scope: ArnScope = {}): string {
  return `${prefix('states', scope)}:stateMachine:${name}`;
}

/**
 * The ARN of execution `executionName` of state machine `machineName`.
 * @param machineName the machine's name.
 * @param executionName the execution's name.
 * @param scope region, account and partition; default us-east-1, 123456789012, aws.
 * @example
 * ```ts
 * executionArn('counter', 'run-1'); // 'arn:aws:states:us-east-1:123456789012:execution:counter:run-1'
 * ```
 */
export function executionArn(machineName: string, executionName: string, scope: ArnScope = {}): string {
  return `${prefix('states', scope)}:execution:${machineName}:${executionName}`;
}

/** The parts of a Step Functions ARN, or undefined when `arn` is not one. */
export interface ParsedStatesArn {
  partition: string;
  region: string;
  accountId: string;
  resourceType: string;
  /** Everything after the resource type, split on ':' (machine name, execution name, ...). */
  resource: string[];
}

const STATES_ARN = /^arn:(aws[a-z-]*):states:([a-z0-9-]+):(\d{12}):([A-Za-z]+):(.+)$/;

/**
 * Splits a Step Functions ARN into its parts; undefined when it is not a well-formed one.
 * @param arn any text.
 * @example
 * ```ts
 * parseStatesArn('arn:aws:states:eu-west-1:111122223333:execution:counter:run-1');
 * // { partition: 'aws', region: 'eu-west-1', accountId: '111122223333',
 * //   resourceType: 'execution', resource: ['counter', 'run-1'] }
 * ```
 */
export function parseStatesArn(arn: string): ParsedStatesArn | undefined {
  const match = STATES_ARN.exec(arn);
  if (!match) return undefined;
  const [, partition, region, accountId, resourceType, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { partition, region, accountId, resourceType, resource: rest.split(':') };
}
