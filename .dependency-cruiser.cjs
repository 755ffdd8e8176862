/**
 * The project's layering, checked by `npm run deps` (part of `npm test`) with dependency-cruiser.
 * Folders of src/slack form layers, lowest first; each imports only from those below it:
 *   messages  <  transport, logging, duplicates  <  workspaces, delivery
 *   <  questionnaire, what-if, history, outbox  <  listeners  <  src/app.ts, src/main.ts
 * (src/slack/context.ts, the Bolt app's types, is below them all.)
 */
const SLACK = '^src/slack/';
const folder = (name) => `${SLACK}${name}/`;

/** `from` may not import any of `higher`. */
const below = (name, higher) => ({
  name: `slack-${name}-layer`,
  comment: `src/slack/${name}/ sits below ${higher.join(', ')}: it may not import them.`,
  severity: 'error',
  from: { path: folder(name) },
  to: { path: higher.map(folder) },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No module imports one that imports it back, directly or not.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment:
        'The advisor core imports nothing of the app outside src/core, and no Slack package.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', '^node_modules/(?!@slack/)', '^(node:)?[a-z_]+$'] },
    },
    {
      name: 'storage-knows-no-slack',
      comment: 'The storage layer serves Slack, the CLI and the portfolio alike.',
      severity: 'error',
      from: { path: '^src/storage/' },
      to: { path: ['^src/slack/', '^src/cli/', '^node_modules/@slack/'] },
    },
    {
      name: 'cli-knows-no-slack',
      comment: 'The CLI is an adapter of the core like the Slack app, not part of it.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: ['^src/slack/', '^src/app\\.ts$', '^node_modules/@slack/'] },
    },
    {
      name: 'src-is-shipped-alone',
      comment: 'The built app imports nothing of the tests, the test kit or the benchmark.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^tests/', '^testkit/', '^bench/'] },
    },
    {
      name: 'bench-not-into-tests',
      comment: 'What the benchmark shares with the tests lives in testkit/.',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^tests/' },
    },
    {
      name: 'testkit-stands-alone',
      comment: 'The test kit is imported by tests and the benchmark, and imports neither.',
      severity: 'error',
      from: { path: '^testkit/' },
      to: { path: ['^tests/', '^bench/'] },
    },
    {
      name: 'slack-context-is-a-leaf',
      comment: 'src/slack/context.ts holds the Bolt app types every layer uses.',
      severity: 'error',
      from: { path: `${SLACK}context\\.ts$` },
      to: { path: SLACK },
    },
    below('messages', [
      'workspaces',
      'transport',
      'logging',
      'duplicates',
      'delivery',
      'questionnaire',
      'what-if',
      'history',
      'listeners',
      'outbox',
    ]),
    below('transport', [
      'workspaces',
      'logging',
      'duplicates',
      'delivery',
      'questionnaire',
      'what-if',
      'history',
      'listeners',
      'outbox',
    ]),
    below('logging', [
      'duplicates',
      'delivery',
      'questionnaire',
      'what-if',
      'history',
      'listeners',
      'workspaces',
      'outbox',
    ]),
    below('duplicates', [
      'transport',
      'logging',
      'delivery',
      'questionnaire',
      'what-if',
      'history',
      'listeners',
      'outbox',
    ]),
    below('delivery', [
      'duplicates',
      'questionnaire',
      'what-if',
      'history',
      'listeners',
      'workspaces',
      'outbox',
    ]),
    below('workspaces', [
      'duplicates',
      'delivery',
      'questionnaire',
      'what-if',
      'history',
      'listeners',
      'outbox',
    ]),
    below('questionnaire', ['what-if', 'history', 'outbox', 'listeners']),
    below('what-if', ['questionnaire', 'delivery', 'history', 'outbox', 'listeners']),
    below('history', ['questionnaire', 'what-if', 'portfolio', 'outbox', 'listeners']),
    below('portfolio', ['questionnaire', 'what-if', 'delivery', 'outbox', 'listeners']),
    below('outbox', ['questionnaire', 'what-if', 'history', 'portfolio', 'listeners']),
    {
      name: 'listeners-registered-by-the-app',
      comment: 'Only the app factory wires listeners; nothing else in src/slack imports them.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/slack/listeners/', '^src/app\\.ts$'] },
      to: { path: folder('listeners') },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^node_modules/'] },
    // Type-only imports count: a layer must not know a higher one's types either.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve package subpaths (csv-stringify/sync) through their ESM `exports`, as Node does.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'node', 'default'],
    },
  },
};
