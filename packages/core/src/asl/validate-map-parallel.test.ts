// Proves the checks on the states that contain sub-machines: inline and distributed Map with
// every field in both query languages (reader, batcher, writer, tolerances, their path forms) and
// Parallel branches as sub-machines of their own; each refusal checked by code and path.
import { describe, expect, it } from 'vitest';
import { validateDefinition } from './validate.js';

function found(definition: unknown): [string, string][] {
  return validateDefinition(definition).map((p) => [p.code, p.path]);
}

const processor = (name = 'item') => ({ StartAt: name, States: { [name]: { Type: 'Pass', End: true } } });

function map(fields: Record<string, unknown>, language?: 'JSONata') {
  return {
    ...(language ? { QueryLanguage: language } : {}),
    StartAt: 'm',
    States: { m: { Type: 'Map', End: true, ItemProcessor: processor(), ...fields } },
  };
}

describe('Map', () => {
  it('accepts an inline JSONPath Map with every JSONPath field', () => {
    expect(
      validateDefinition(
        map({
          ItemsPath: '$.items',
          ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
          MaxConcurrency: 0,
          ResultSelector: { 'all.$': '$' },
          ResultPath: '$.results',
          InputPath: '$',
          OutputPath: '$',
          Retry: [{ ErrorEquals: ['States.ALL'] }],
        }),
      ),
    ).toEqual([]);
  });

  it('accepts a distributed Map with reader, batcher, writer and tolerances', () => {
    expect(
      validateDefinition(
        map({
          ItemProcessor: {
            ...processor(),
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          },
          ItemReader: {
            Resource: 'arn:aws:states:::s3:getObject',
            ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItemsPath: '$.max' },
            Parameters: { Bucket: 'b', 'Key.$': '$.key' },
          },
          ItemBatcher: { MaxItemsPerBatch: 10, BatchInput: { 'run.$': '$$.Execution.Id' } },
          ResultWriter: {
            Resource: 'arn:aws:states:::s3:putObject',
            Parameters: { Bucket: 'out', Prefix: 'p' },
          },
          ToleratedFailurePercentage: 0.5,
          ToleratedFailureCountPath: '$.tolerated',
          Label: 'batch-1',
        }),
      ),
    ).toEqual([]);
  });

  it('requires exactly one of ItemProcessor and Iterator', () => {
    expect(found({ StartAt: 'm', States: { m: { Type: 'Map', End: true } } })).toEqual([
      ['MISSING_FIELD', '$.States.m'],
    ]);
    expect(found(map({ Iterator: processor('other') }))).toEqual([['CONFLICTING_FIELDS', '$.States.m']]);
  });

  it('accepts the older Iterator and Parameters fields', () => {
    expect(
      validateDefinition({
        StartAt: 'm',
        States: {
          m: { Type: 'Map', End: true, Iterator: processor(), Parameters: { 'v.$': '$$.Map.Item.Value' } },
        },
      }),
    ).toEqual([]);
    expect(found(map({ Parameters: {}, ItemSelector: {} }))).toEqual([['CONFLICTING_FIELDS', '$.States.m']]);
  });

  it('checks limits and their path forms', () => {
    expect(found(map({ MaxConcurrency: -1 }))).toEqual([['INVALID_VALUE', '$.States.m.MaxConcurrency']]);
    expect(found(map({ MaxConcurrency: 1, MaxConcurrencyPath: '$.c' }))).toEqual([
      ['CONFLICTING_FIELDS', '$.States.m'],
    ]);
    expect(found(map({ ToleratedFailurePercentage: 101 }))).toEqual([
      ['INVALID_VALUE', '$.States.m.ToleratedFailurePercentage'],
    ]);
    expect(found(map({ ToleratedFailureCount: 1.5 }))).toEqual([
      ['WRONG_TYPE', '$.States.m.ToleratedFailureCount'],
    ]);
    expect(found(map({ ItemsPath: '$.items[*]' }))).toEqual([
      ['INVALID_REFERENCE_PATH', '$.States.m.ItemsPath'],
    ]);
  });

  it('checks the processor configuration and distributed fields', () => {
    expect(found(map({ ItemProcessor: { ...processor(), ProcessorConfig: { Mode: 'PARALLEL' } } }))).toEqual([
      ['INVALID_VALUE', '$.States.m.ItemProcessor.ProcessorConfig.Mode'],
    ]);
    expect(found(map({ ItemReader: { ReaderConfig: {} } }))).toEqual([
      ['MISSING_FIELD', '$.States.m.ItemReader'],
    ]);
    expect(found(map({ ItemReader: { Resource: 's3', Extra: 1 } }))).toEqual([
      ['UNKNOWN_FIELD', '$.States.m.ItemReader.Extra'],
      ['INVALID_RESOURCE', '$.States.m.ItemReader.Resource'],
    ]);
    expect(found(map({ ItemBatcher: { MaxItemsPerBatch: 0 } }))).toEqual([
      ['INVALID_VALUE', '$.States.m.ItemBatcher.MaxItemsPerBatch'],
    ]);
    expect(found(map({ Label: 'has space' }))).toEqual([['INVALID_VALUE', '$.States.m.Label']]);
    expect(found(map({ Label: 'x'.repeat(41) }))).toEqual([['INVALID_VALUE', '$.States.m.Label']]);
  });

  it('refuses unknown fields in an item processor', () => {
    expect(found(map({ ItemProcessor: { ...processor(), QueryLanguage: 'JSONata' } }))).toEqual([
      ['UNKNOWN_FIELD', '$.States.m.ItemProcessor.QueryLanguage'],
    ]);
  });

  it('accepts a JSONata Map with Items, ItemSelector and expression limits', () => {
    expect(
      validateDefinition(
        map(
          {
            Items: '{% $states.input.list %}',
            ItemSelector: { value: '{% $states.context.Map.Item.Value %}' },
            MaxConcurrency: '{% $states.input.n %}',
            ToleratedFailureCount: 1,
            ItemReader: {
              Resource: 'arn:aws:states:::s3:getObject',
              ReaderConfig: { InputType: 'JSON', MaxItems: '{% 10 %}' },
              Arguments: { Bucket: '{% $states.input.Bucket %}', Key: 'k' },
            },
            Output: '{% $states.result %}',
          },
          'JSONata',
        ),
      ),
    ).toEqual([]);
    expect(validateDefinition(map({ Items: [1, 2, 3] }, 'JSONata'))).toEqual([]);
  });

  it('refuses JSONPath item fields in a JSONata Map, and bad Items', () => {
    expect(found(map({ ItemsPath: '$.x', MaxConcurrencyPath: '$.c' }, 'JSONata'))).toEqual([
      ['WRONG_QUERY_LANGUAGE', '$.States.m.ItemsPath'],
      ['WRONG_QUERY_LANGUAGE', '$.States.m.MaxConcurrencyPath'],
    ]);
    expect(
      found(
        map(
          {
            ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { MaxItemsPath: '$.n' } },
          },
          'JSONata',
        ),
      ),
    ).toEqual([['WRONG_QUERY_LANGUAGE', '$.States.m.ItemReader.ReaderConfig.MaxItemsPath']]);
    expect(found(map({ Items: 'list' }, 'JSONata'))).toEqual([['WRONG_TYPE', '$.States.m.Items']]);
    expect(
      found(map({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: {} } }, 'JSONata')),
    ).toEqual([['WRONG_QUERY_LANGUAGE', '$.States.m.ItemReader.Parameters']]);
    expect(found(map({ Items: [] }))).toEqual([['WRONG_QUERY_LANGUAGE', '$.States.m.Items']]);
  });
});

describe('Parallel', () => {
  const parallel = (fields: Record<string, unknown>) => ({
    StartAt: 'p',
    States: { p: { Type: 'Parallel', End: true, ...fields } },
  });

  it('accepts branches with their own states', () => {
    expect(
      validateDefinition(parallel({ Branches: [processor('a'), processor('b')], ResultPath: '$.r' })),
    ).toEqual([]);
  });

  it('requires a non-empty Branches array of sub-machines', () => {
    expect(found(parallel({}))).toEqual([['MISSING_FIELD', '$.States.p']]);
    expect(found(parallel({ Branches: [] }))).toEqual([['INVALID_VALUE', '$.States.p.Branches']]);
    expect(found(parallel({ Branches: ['a'] }))).toEqual([['WRONG_TYPE', '$.States.p.Branches[0]']]);
    expect(found(parallel({ Branches: [{ StartAt: 'x' }] }))).toEqual([
      ['MISSING_FIELD', '$.States.p.Branches[0]'],
    ]);
  });

  it('refuses fields a branch does not have', () => {
    expect(found(parallel({ Branches: [{ ...processor(), ProcessorConfig: {} }] }))).toEqual([
      ['UNKNOWN_FIELD', '$.States.p.Branches[0].ProcessorConfig'],
    ]);
    const [problem] = validateDefinition(parallel({ Branches: [{ ...processor(), TimeoutSeconds: 5 }] }));
    expect(problem?.message).toBe('Branch 0 of state "p": has no field "TimeoutSeconds".');
  });

  it('takes Arguments in JSONata', () => {
    expect(
      validateDefinition({
        QueryLanguage: 'JSONata',
        StartAt: 'p',
        States: { p: { Type: 'Parallel', End: true, Branches: [processor()], Arguments: { a: '{% 1 %}' } } },
      }),
    ).toEqual([]);
  });
});
