// The layering of the workspace, checked by dependency-cruiser in `pnpm test` (test/layers.test.ts):
// no cycles; the language never imports the runtime; the runtime reaches the language only through
// its parser-free entry (@guideline/language/rules), never its lexer, parser or checker, nor
// Chevrotain; the CLI and the playground use the packages through their public entries only.
// Type-only imports count for the layers (a layer's types are part of what it depends on), not for
// cycles: a cycle through a type-only import does not exist once loaded.
const parser = ['^packages/language/src/(?:lexer|tokens|parse|parser/|check/|pipeline|format|services/|walk|to-ast)', 'node_modules/(?:chevrotain|@chevrotain)/'];
const entries = '^packages/(?:language/src/(?:index|rules)|runtime/src/index)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules that import one another cannot be read, tested or loaded one at a time (a type-only import is erased when loaded).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'language-not-runtime',
      comment: 'The language compiles; it never evaluates, and knows nothing of the packages built on it.',
      severity: 'error',
      from: { path: '^packages/language/' },
      to: { path: '^packages/(?:runtime|cli)/|^playground/' },
    },
    {
      name: 'runtime-not-cli',
      comment: 'The runtime knows nothing of the command line or the playground.',
      severity: 'error',
      from: { path: '^packages/runtime/' },
      to: { path: '^packages/cli/|^playground/' },
    },
    {
      name: 'runtime-through-rules-entry',
      comment: 'The runtime imports the language through @guideline/language/rules, its parser-free entry, only.',
      severity: 'error',
      from: { path: '^packages/runtime/src/' },
      to: { path: '^packages/language/', pathNot: '^packages/language/src/rules\\.ts$' },
    },
    {
      name: 'runtime-loads-no-parser',
      comment: 'Nothing the runtime loads, however indirectly, is the lexer, parser or checker, or Chevrotain.',
      severity: 'error',
      from: { path: '^packages/(?:runtime/src/|language/src/rules\\.ts$)' },
      to: { path: parser, reachable: true },
    },
    {
      name: 'public-entries-only',
      comment: 'The CLI and the playground import the packages by name, through their public entries, never a file inside them.',
      severity: 'error',
      from: { path: '^(?:packages/cli/src|playground/(?:src|scripts))/' },
      to: { path: '^packages/(?:language|runtime)/', pathNot: entries },
    },
    {
      name: 'entries-by-name',
      comment: 'A public entry is imported by its package name, as a consumer would, never by a relative path.',
      severity: 'error',
      from: { path: '^(?:packages/cli/src|playground/(?:src|scripts))/' },
      to: { path: entries, dependencyTypes: ['local'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // The workspace's packages resolve to their sources, as in the rest of the workspace.
    enhancedResolveOptions: {
      conditionNames: ['@guideline/source', 'import', 'require', 'node', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
