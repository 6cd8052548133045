// The examples project: the shared settings alone, so the examples are tested exactly as a user's
// project would run them, against the sources of the packages.
import { defineProject } from 'vitest/config';
import { projectConfig } from '../vitest.shared.ts';

export default defineProject(projectConfig('examples'));
