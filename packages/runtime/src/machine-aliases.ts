// Aliases let callers start "prod" while deployments publish versions and move "prod" between
// them. Pointing an alias asks first whether it exists (DescribeStateMachineAlias) and then
// creates or updates it, so the same call serves a first deployment and every later one. The
// local endpoint models neither versions nor aliases; its UnknownOperationException becomes an
// error saying that this needs AWS.
import {
  CreateStateMachineAliasCommand,
  DescribeStateMachineAliasCommand,
  UpdateStateMachineAliasCommand,
} from '@aws-sdk/client-sfn';
import { awsErrorName, needsAws } from './errors.js';
import type { Session } from './session.js';

/** Options of {@link StateMachineHandle.alias}. */
export interface AliasOptions {
  /** The version to point at; default: the version the handle's last `register()` published. */
  versionArn?: string;
  /** The alias's description (at most 256 characters). */
  description?: string;
}

/**
 * Creates alias `name` of the machine at `machineArn`, or updates it, so that it routes every
 * execution to `versionArn`. @returns the alias ARN.
 * @throws EndpointUnsupportedError against an endpoint without aliases (the local endpoint).
 */
export async function pointAlias(
  session: Session,
  machineArn: string,
  name: string,
  versionArn: string,
  description: string | undefined,
): Promise<string> {
  const aliasArn = `${machineArn}:${name}`;
  const routingConfiguration = [{ stateMachineVersionArn: versionArn, weight: 100 }];
  const details = description === undefined ? {} : { description };
  try {
    let exists = true;
    try {
      await session.client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: aliasArn }));
    } catch (error) {
      if (awsErrorName(error) !== 'ResourceNotFound') throw error;
      exists = false;
    }
    if (exists) {
      await session.client.send(
        new UpdateStateMachineAliasCommand({
          stateMachineAliasArn: aliasArn,
          routingConfiguration,
          ...details,
        }),
      );
      return aliasArn;
    }
    const created = await session.client.send(
      new CreateStateMachineAliasCommand({ name, routingConfiguration, ...details }),
    );
    return created.stateMachineAliasArn ?? aliasArn;
  } catch (error) {
    throw needsAws(session, 'state machine aliases', error);
  }
}
