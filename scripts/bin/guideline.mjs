#!/usr/bin/env node
// The workspace's `guideline` binary: the CLI from its sources (scripts/guideline.mjs).
await import('../guideline.mjs');
