// The runtime project: unit and end-to-end tests beside the code, plus the `.test-d.ts` type
// tests run by vitest's typecheck against this package's tsconfig.
import { defineProject } from 'vitest/config';
import { projectConfig } from '../../vitest.shared.ts';

export default defineProject(
  projectConfig('runtime', {
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  }),
);
