// Generated guideline text for the compile and editing benchmarks, made from the fixture guideline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceText } from '../../packages/language/src/index.ts';

const fixture = readFileSync(join(import.meta.dirname, 'physical-medicine.guideline'), 'utf8').replace(/\npolicy[\s\S]*$/, '\n');

/** Copies of the fixture under distinct ids, about `bytes` long in all, with a policy naming them. */
export function corpus(bytes: number, round = 0): SourceText[] {
  const out: SourceText[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    // Every declaration differs from its copies (a name, a comment), so no cache serves another copy.
    const text = fixture
      .replace('guideline mtus.chronic-pain.physical-medicine', `guideline bench.r${round}g${i}`)
      .replace(/^criterion ([a-z-]+)/gm, `criterion $1-r${round}c${i}`)
      .replace(/^(class|recommend)(.*)$/gm, `$1$2  # copy ${round}.${i}`);
    out.push({ text, file: `g${i}.guideline` });
    size += text.length;
  }
  out.push({ text: 'policy bench "Bench" jurisdiction CA first bench.*\n', file: 'policy.guideline' });
  return out;
}

/** One file of about `lines` lines: the fixture's criteria repeated under one guideline header. */
export function editingFile(lines: number): string {
  const header = fixture.slice(0, fixture.indexOf('criterion '));
  const criteria = fixture.slice(fixture.indexOf('criterion '));
  let text = header;
  for (let i = 0; text.split('\n').length < lines; i++) text += criteria.replace(/criterion ([a-z-]+)/g, `criterion $1-${i}`) + '\n';
  return text;
}
