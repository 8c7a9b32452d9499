// The bundled guidelines and their test cases, read at build time from the repository's guidelines/.
import type { SourceText } from '@guideline/language';
import { testCaseOf, type TestCase } from './test-cases.ts';

const guidelineTexts = import.meta.glob<string>('../../guidelines/**/*.guideline', { query: '?raw', import: 'default', eager: true });
const caseTexts = import.meta.glob<string>('../../guidelines/**/cases/*.json', { query: '?raw', import: 'default', eager: true });

/** Path as the CLI shows it from the repository root: guidelines/mtus/.../x.guideline. */
const display = (key: string): string => key.replace(/^(\.\.\/)+/, '');

const byFile = <T extends { file: string }>(a: T, b: T): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

export const bundledGuidelines: SourceText[] = Object.entries(guidelineTexts)
  .map(([key, text]) => ({ file: display(key), text }))
  .sort(byFile);

export const bundledCases: TestCase[] = Object.entries(caseTexts)
  .map(([key, text]) => testCaseOf(display(key), text))
  .sort(byFile);

export const seedCaseFile = 'guidelines/mtus/chronic-pain-physical-medicine/cases/imr-seed.json';
export const seedGuidelineFile = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';
