// Proves the template checks on definitions built in JS whose sub-objects are shared: a DAG of
// 40 objects has 2^40 paths to its bottom, which a walk per path would never finish; walked once
// per object, its problem is found (once, at the first path) in milliseconds.
import { describe, expect, it } from 'vitest';
import { validateDefinition } from './validate.js';

const LEVELS = 40;

/** `LEVELS` objects, each holding the next under two keys: 2^LEVELS paths to `bottom`. */
function diamond(bottom: unknown): unknown {
  let value = bottom;
  for (let i = 0; i < LEVELS; i++) value = { l: value, r: value };
  return value;
}

const firstPath = Array(LEVELS).fill('l').join('.');

describe('payload templates sharing sub-objects', () => {
  it('checks a Parameters template of 2^40 paths once per object, reporting its problem at the first path', () => {
    const problems = validateDefinition({
      StartAt: 's',
      States: { s: { Type: 'Pass', Parameters: diamond({ 'bad.$': 'not a path' }), End: true } },
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['INVALID_PAYLOAD_TEMPLATE', `$.States.s.Parameters.${firstPath}['bad.$']`],
    ]);
  }, 2_000);

  it('walks a part shared across fields again only where it sits shallower than before', () => {
    const bad = { 'x.$': 7 };
    const problems = validateDefinition({
      StartAt: 's',
      States: {
        s: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: diamond(bad),
          // Deeper than in Parameters: nothing new to find, not walked again.
          ResultSelector: { again: diamond(bad) },
          // Shallower: the depth bound cuts less of it off here, so it is walked again.
          Credentials: { 'RoleArn.$': '$.role', near: bad },
          End: true,
        },
      },
    });
    expect(problems.map((p) => p.path)).toEqual([
      `$.States.s.Parameters.${firstPath}['x.$']`,
      `$.States.s.Credentials.near['x.$']`,
    ]);
  }, 2_000);

  it('checks JSONata Arguments of 2^40 paths once per object', () => {
    const problems = validateDefinition({
      QueryLanguage: 'JSONata',
      StartAt: 's',
      States: {
        s: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: diamond({ FunctionName: '{% $sum([ %}' }),
          End: true,
        },
      },
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['INVALID_JSONATA', `$.States.s.Arguments.${firstPath}.FunctionName`],
    ]);
  }, 2_000);
});
