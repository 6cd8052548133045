#!/usr/bin/env node
// The published bin is this small file rather than dist/ directly, so installing the workspace
// can link it before the package is built; it loads the built command.
import '../dist/bin/sfini-local.js';
