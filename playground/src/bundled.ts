// The bundled guidelines and their test cases, read at build time from the repository's guidelines/.
import type { SourceText } from '@guideline/language';

const guidelineTexts = import.meta.glob<string>('../../guidelines/**/*.guideline', { query: '?raw', import: 'default', eager: true });
const caseTexts = import.meta.glob<string>('../../guidelines/**/cases/*.json', { query: '?raw', import: 'default', eager: true });

/** Path as the CLI shows it from the repository root: guidelines/mtus/.../x.guideline. */
const display = (key: string): string => key.replace(/^(\.\.\/)+/, '');

export const bundledGuidelines: SourceText[] = Object.entries(guidelineTexts)
  .map(([key, text]) => ({ file: display(key), text }))
  .sort((a, b) => a.file.localeCompare(b.file));

export interface BundledCase {
  /** guidelines/mtus/chronic-pain-physical-medicine/cases/imr-seed.json */
  file: string;
  /** The folder of the guideline the case belongs to. */
  folder: string;
  name: string;
  description: string;
  case: unknown;
  expect: Record<string, unknown> | undefined;
}

export const bundledCases: BundledCase[] = Object.entries(caseTexts)
  .map(([key, text]) => {
    const file = display(key);
    const t = JSON.parse(text) as { description?: string; case?: unknown; expect?: Record<string, unknown> };
    const folder = file.replace(/\/cases\/[^/]+$/, '');
    return { file, folder, name: file.split('/').pop()!.replace(/\.json$/, ''), description: t.description ?? '', case: t.case ?? t, expect: t.expect };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

export const seedCaseFile = 'guidelines/mtus/chronic-pain-physical-medicine/cases/imr-seed.json';
export const seedGuidelineFile = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';
