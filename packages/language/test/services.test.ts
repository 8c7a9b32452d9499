// Editor services: completion at a cursor `|`, hover and go-to-definition on the word under it, and
// the quick fixes of the diagnostics marked `<|...|>`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, completionsAt, definitionAt, hoverAt, quickFixesAt, type TextEdit } from '@guideline/language';
import { bundledSources } from '../../../test/support/bundled.ts';

const seedFile = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';
const seed = readFileSync(join(import.meta.dirname, '../../..', seedFile), 'utf8');
/** The seed as the editor sees it: with the other files of the library, whose vocabularies it uses. */
const inLibrary = { file: seedFile, program: bundledSources() };

/** Completion labels at the `|` in the text. */
function labels(marked: string): string[] {
  const at = marked.indexOf('|');
  return completionsAt(marked.slice(0, at) + marked.slice(at + 1), at).map((c) => c.label);
}

describe('completion', () => {
  it.each<[string, string[], string[]]>([
    ['|', ['vocabulary', 'guideline', 'policy'], ['require']],
    ['vocabulary v "V"\nfact f: number, from request.f\n  "F."\n|', ['fact', 'unit', 'table', 'record', 'define', 'criterion', 'guideline'], []],
    ['guideline a uses v\ncriterion c\n  require f > 1\n|', ['use criterion', 'criterion', 'class'], []],
    ['guideline a uses physical-medicine\ncriterion c\n  |', ['only', 'require', 'certify', 'otherwise', 'criterion', 'class'], ['guideline a']],
    ['guideline a uses physical-medicine\ncriterion c\n  req|', ['require'], []],
    ['guideline a uses physical-medicine\ncriterion c\n  require |', ['completed visits', 'requested visits', 'not'], ['criterion', 'otherwise']],
    ['guideline a uses physical-medicine\ncriterion c\n  require completed |', ['completed visits'], ['requested visits']],
    ['guideline a uses physical-medicine\ncriterion c\n  require completed visits |', ['is', 'and', 'or', 'within'], []],
    ['guideline a uses physical-medicine\ncriterion c\n  require completed visits is |', ['at', 'more', 'known', 'not'], []],
    ['guideline a uses physical-medicine\ncriterion c\n  require functional improvement is |', ['documented', 'not-documented', 'known'], []],
    ['guideline a uses physical-medicine\nclass myalgia "M"\ncriterion c\n  require diagnosis is |', ['myalgia'], ['documented']],
    ['guideline a uses physical-medicine\ncriterion c\n  require completed visits < 3 |', ['visits', 'weeks'], []],
    ['guideline a uses physical-medicine\nclass myalgia "M"\nrecommend\n  |', ['myalgia', 'frequency'], []],
    ['guideline a uses physical-medicine\ncriterion c "# not a comment" # a comment |', [], ['require']],
  ])('%j', (text, present, absent) => {
    const got = labels(text);
    for (const p of present) expect(got).toContain(p);
    for (const a of absent) expect(got).not.toContain(a);
  });

  it('replaces the words already typed of a fact name', () => {
    const text = 'guideline a uses physical-medicine\ncriterion c\n  require completed vi';
    const item = completionsAt(text, text.length).find((c) => c.label === 'completed visits')!;
    expect(text.slice(item.range.start, item.range.end)).toBe('completed vi');
    expect(item.detail).toBe('number (visits)');
  });
});

describe('hover', () => {
  const at = (word: string, nth = 0): number => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = seed.indexOf(word, i + 1);
    return i + 1;
  };

  it('on a fact: its type, unit and description', () => {
    const h = hoverAt(seed, at('completed visits +'), inLibrary)!;
    expect(h.title).toBe('fact completed visits: number (visits)');
    expect(h.body.join(' ')).toMatch(/already completed/);
    expect(seed.slice(h.range.start, h.range.end)).toBe('completed visits');
  });

  it('on a criterion: its rationale and the guideline citation', () => {
    const h = hoverAt(seed, at('visit-count'), inLibrary)!;
    expect(h.title).toBe('criterion visit-count');
    expect(h.body.join('\n')).toMatch(/would exceed the \{recommended visits\} visits/);
    expect(h.body.join('\n')).toMatch(/pp\. 98-99/);
  });

  it('on a shared criterion: its own source, and the vocabulary that shares it', () => {
    const text = 'vocabulary v "V"\n  uses physical-medicine\ncriterion shared-c "C"\n  source "Doc", pages 3-4\n  require completed visits > 0\n  otherwise "no"\n';
    const h = hoverAt(text, text.indexOf('shared-c') + 1)!;
    expect(h.body).toEqual(['C', 'Rationale when not met: no', 'Source: Doc, pp. 3-4', "Shared criterion of vocabulary v: guidelines apply it with 'use criterion shared-c'."]);
  });

  it('on a class name in a recommendation', () => {
    expect(hoverAt(seed, at('neuralgia:'), inLibrary)!.body.join(' ')).toMatch(/Terms: neuralgia/);
  });

  it('says nothing on a keyword', () => {
    expect(hoverAt(seed, at('recommend\n'), inLibrary)).toBeUndefined();
  });
});

describe('go to definition', () => {
  it('from a recommendation and a class value to the class', () => {
    const text = 'guideline a uses physical-medicine\nclass myalgia "M"\nrecommend\n  myalgia: 9 visits over 8 weeks\ncriterion c\n  require diagnosis is myalgia\n';
    const decl = text.indexOf('myalgia');
    for (const from of [text.indexOf('myalgia:') + 2, text.lastIndexOf('myalgia') + 1]) {
      expect(definitionAt(text, from)).toEqual({ start: decl, end: decl + 'myalgia'.length });
    }
  });

  it('from a policy pattern to the guideline', () => {
    const text = 'guideline mtus.a\n  title "T"\npolicy p\n  jurisdiction CA\n  first mtus.*\n';
    expect(definitionAt(text, text.indexOf('mtus.*') + 1)).toEqual({ start: text.indexOf('mtus.a'), end: text.indexOf('mtus.a') + 6 });
  });
});

describe('quick fixes', () => {
  /** A guideline header (with the `uses` clause given) and a class, for criteria to follow. */
  const header = (uses = '  uses   physical-medicine\n'): string =>
    `guideline example.pt\n  title  "Example"\n  source "Example Guidelines", 2009, pages 1-2\n  covers physical-therapy\n${uses}class myalgia "Myalgia" terms "myalgia"\n`;
  const criterion = (require: string): string => `${header()}criterion x "X"\n  require ${require}\n  otherwise "no"\n`;
  const apply = (text: string, edits: readonly TextEdit[]): string =>
    [...edits].sort((a, b) => b.range.start - a.range.start).reduce((t, e) => t.slice(0, e.range.start) + e.text + t.slice(e.range.end), text);

  it.each<[string, string, string, string]>([
    ['C301', criterion('<|completed vists|> > 0'), "Change to 'completed visits'", 'require completed visits > 0'],
    ['C301', criterion('<|neuro exam|> is yes'), "Add 'uses imaging' to guideline example.pt", 'uses   physical-medicine, imaging\n'],
    ['C301', `${header('')}criterion x "X"\n  require <|neuro exam|> is yes\n  otherwise "no"\n`, "Add 'uses imaging' to guideline example.pt", '  covers physical-therapy\n  uses imaging\nclass'],
    ['C303', criterion('diagnosis is <|myalgai|>'), "Change to 'myalgia'", 'diagnosis is myalgia\n'],
    ['C306', criterion('functional improvement is <|documentd|>'), "Change to 'documented'", 'is documented\n'],
    ['C305', criterion('<|functional improvement = documented|>'), "Change to 'functional improvement is documented'", 'require functional improvement is documented\n'],
    ['C304', criterion('<|functional improvement != "documented"|>'), "Change to 'functional improvement is not documented'", 'require functional improvement is not documented\n'],
    ['C315', header('  uses   <|physical-medicin|>\n'), "Change to 'physical-medicine'", 'uses   physical-medicine\n'],
    ['C317', 'vocabulary mine "Mine"\nfact visits asked: number of visits, computed by <|requested-visit|>\n', "Change to 'requested-visits'", 'computed by requested-visits\n'],
    ['C319', 'vocabulary spine "Imaging"\nfact studies: list of <|studdy|>, from history.studies\nrecord study "A study"\n  field modality: one of mri, ct, from modality\n', "Change to 'study'", 'list of study,'],
    ['C320', `vocabulary v "V"\n  uses physical-medicine\ncriterion home-program "H"\n  require completed visits > 0\n  otherwise "no"\n${header('  uses   physical-medicine, v\n')}use criterion <|home-progam|>\n`, "Change to 'home-program'", 'use criterion home-program\n'],
    ['C332', 'vocabulary esi "E"\nunit level, levels "A level"\n\nguideline acme.other\n  title "Other"\n  source "S", pages 1-2\n  covers physical-therapy\n\ncriterion x "X"\n  require completed visits <= <|2 levels|>\n  otherwise "no"\n', "Add 'uses esi' to guideline acme.other", '  covers physical-therapy\n  uses esi\n'],
    ['P204', criterion('completed visits <= 2 <|vists|>'), "Change to 'visits'", '<= 2 visits\n'],
    ['P206', `${header()}criterion <|known|> "Known"\n  require completed visits > 0\n  otherwise "no"\n`, "Change to 'known-check'", 'criterion known-check "Known"'],
    ['P221', `${header()}criterion x "X"\n  <|requre|> completed visits > 0\n  otherwise "no"\n`, "Change to 'require'", '  require completed visits > 0'],
    ['L104', `${header()}criterion <|inForce|> "In force"\n  require completed visits > 0\n  otherwise "no"\n`, "Change to 'in-force'", 'criterion in-force "In force"'],
  ])('%s: %j', (code, marked, title, after) => {
    const start = marked.indexOf('<|');
    const end = marked.indexOf('|>') - 2;
    const text = marked.replace('<|', '').replace('|>', '');
    expect(analyze(text, 'x.guideline').diagnostics.filter((d) => d.code === code).map((d) => d.range)).toContainEqual({ start, end });
    // Asked anywhere in the diagnostic's range, or with the cursor just after it.
    for (const range of [{ start, end }, { start: start + 1, end: start + 1 }, { start: end, end }]) {
      const fixes = quickFixesAt(text, range, { file: 'x.guideline' }).filter((f) => f.diagnostic.code === code);
      expect(fixes.map((f) => f.title)).toEqual([title]);
    }
    const fix = quickFixesAt(text, { start, end }, { file: 'x.guideline' }).find((f) => f.diagnostic.code === code)!;
    const fixed = apply(text, fix.edits);
    expect(fixed).toContain(after);
    expect(analyze(fixed, 'x.guideline').diagnostics.map((d) => d.code)).not.toContain(code);
  });

  it('offers none where no diagnostic knows its fix, nor away from the diagnostics', () => {
    const text = criterion('completed visits > 0 and nonsense words > 1');
    expect(analyze(text).diagnostics.map((d) => d.code)).toContain('C301');
    expect(quickFixesAt(text, { start: text.indexOf('nonsense'), end: text.indexOf('nonsense') })).toEqual([]);
    const misspelt = criterion('completed vists > 0');
    expect(quickFixesAt(misspelt, { start: 0, end: 5 })).toEqual([]);
  });

  it('adds a vocabulary to the uses of the declaration the diagnostic is in', () => {
    const text = `${header()}criterion x "X"\n  require completed visits > 0\n  otherwise "no"\nvocabulary v "V"\ncriterion shared "S"\n  require neuro exam is yes\n  otherwise "no"\n`;
    const at = text.indexOf('neuro exam') + 1;
    const [fix] = quickFixesAt(text, { start: at, end: at });
    expect(fix!.title).toBe("Add 'uses imaging' to vocabulary v");
    expect(apply(text, fix!.edits)).toContain('vocabulary v "V"\n  uses imaging\ncriterion shared');
  });
});
