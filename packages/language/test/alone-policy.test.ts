// The policies guidelines given without one are decided under: a library's that consult them, or a
// stand-in for each jurisdiction that consults them alone (the CLI's lone guideline, the playground's
// analysis of a guideline no policy consults).
import { describe, expect, it } from 'vitest';
import { alonePolicyFile, compileProgram, policiesFor } from '@guideline/language';

const policy = (name: string, jurisdiction: string, steps: string): { file: string; text: string } => ({
  file: `${name}.guideline`,
  text: `# policy in a comment declares nothing\npolicy ${name} "${name}"\n  jurisdiction ${jurisdiction}\n  first ${steps}\n  when denied "policy text"\n`,
});
const ca = policy('california', 'CA', 'mtus.*');
const tx = policy('texas', 'TX', 'odg.*');

describe('policiesFor', () => {
  it.each<[string, string[], string[] | undefined, string[], string | undefined]>([
    ['consulted by one: every policy borrowed', ['mtus.x'], undefined, ['california', 'texas'], undefined],
    ['consulted by none: a stand-in for each jurisdiction', ['acme.x'], undefined, [], 'alone-ca alone-tx'],
    ['the cases\' jurisdictions: those consulting, a stand-in for the rest', ['mtus.x'], ['ca', 'ny'], ['california'], 'alone-ny'],
    ['the cases\' jurisdiction whose policy does not consult them', ['mtus.x'], ['TX'], [], 'alone-tx'],
  ])('%s', (_, ids, jurisdictions, borrowed, alone) => {
    const r = policiesFor(ids, [ca, tx], jurisdictions);
    expect(r.borrowed.map((s) => s.file.replace('.guideline', ''))).toEqual(borrowed);
    expect(r.alone && [...r.alone.text.matchAll(/^policy (\S+)/gm)].map((m) => m[1]).join(' ')).toBe(alone);
    if (r.alone) expect(r.alone.file).toBe(alonePolicyFile);
  });

  it('makes a stand-in that compiles with the guidelines and consults them in the order given', () => {
    const g = (id: string): string => `guideline ${id}\n  title "T"\n  source "S", pages 1-2\n  covers physical-therapy\n`;
    const { alone } = policiesFor(['acme.b', 'acme.a'], [ca]);
    expect(alone!.text).toContain('first acme.b, acme.a');
    const r = compileProgram([{ file: 'g.guideline', text: g('acme.a') + g('acme.b') }, alone!]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.rules).toBeDefined();
  });
});
