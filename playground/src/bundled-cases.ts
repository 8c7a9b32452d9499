// Every bundled test case, read at build time from the repository's guidelines/**/cases/: a chunk of
// its own, loaded after the first decision and the editors (bundled.ts).
import { byFile, display } from './file-names.ts';
import { testCaseOf, type TestCase } from './test-cases.ts';

const caseTexts = import.meta.glob<string>('../../guidelines/**/cases/*.json', { query: '?raw', import: 'default', eager: true });

export const bundledCases: TestCase[] = Object.entries(caseTexts)
  .map(([key, text]) => testCaseOf(display(key), text))
  .sort(byFile);
