// Root config: the projects come from vitest.workspace.ts so that file stays the one list.
// The JSON report is what .ci/run counts; the default reporter is what people read.
import { defineConfig } from 'vitest/config';
import projects from './vitest.workspace.ts';

export default defineConfig({
  test: {
    projects,
    reporters: ['default', ['json', { outputFile: '.vitest-reports/results.json' }]],
  },
});
