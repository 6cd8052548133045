import { expectTypeOf, test } from 'vitest';
import { VERSION } from './index.js';

test('version is a string', () => {
  expectTypeOf(VERSION).toEqualTypeOf<string>();
});
