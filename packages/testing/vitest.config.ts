// The testing project: unit and end-to-end tests beside the code (the endpoint suites drive the
// real SDK), plus the `.test-d.ts` type tests run by vitest's typecheck against this package's
// tsconfig (its paths resolve @sfini/* to sources).
import { defineProject } from 'vitest/config';
import { projectConfig } from '../../vitest.shared.ts';

export default defineProject(
  projectConfig('testing', {
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  }),
);
