// The bundled guidelines and the seed case, read at build time from the repository's guidelines/; the
// other test cases are a chunk of their own (bundled-cases.ts), loaded once the editors are up: the
// first decision needs only the seed.
import type { SourceText } from '@guideline/language';
import { byFile, display } from './file-names.ts';
import { testCaseOf, type TestCase } from './test-cases.ts';

const guidelineTexts = import.meta.glob<string>('../../guidelines/**/*.guideline', { query: '?raw', import: 'default', eager: true });
const seedText = import.meta.glob<string>('../../guidelines/mtus/chronic-pain-physical-medicine/cases/imr-seed.json', { query: '?raw', import: 'default', eager: true });

export const bundledGuidelines: SourceText[] = Object.entries(guidelineTexts)
  .map(([key, text]) => ({ file: display(key), text }))
  .sort(byFile);

export const seedCaseFile = 'guidelines/mtus/chronic-pain-physical-medicine/cases/imr-seed.json';

/** The seed case: the page's first decision. */
export const seedCase: TestCase = testCaseOf(seedCaseFile, Object.values(seedText)[0] ?? '');

let all: Promise<TestCase[]> | undefined;
/** Every bundled test case, the seed among them (fetched once). */
export const bundledCases = (): Promise<TestCase[]> => (all ??= import('./bundled-cases.ts').then((m) => m.bundledCases));
export const seedGuidelineFile = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';
