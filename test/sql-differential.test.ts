// The compiled SQL (DuckDB, embedded) is held to the runtime: on every bundled case and variants of
// them, on generated cases of the bundled library, and on a rule set using the language's other forms
// (groups, clinical review and `unless met`, certify, editions, policy criteria, rounding, time since
// a date and between two, lists, lists of records with counts, sums, some/every/no and the latest or
// earliest item, tables,
// `on file`, fields of a yes-or-no record), each case's decision, governing guideline, criterion
// statuses, certified visits and missing fields (in order) must be the same, over the relation replay
// reads and over the Parquet guideline prep writes. Zero differences.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProgram, type Cond, type RuleSet } from '../packages/language/src/index.ts';
import { compileSql, elapsed, evaluateFast, fieldsOf, validateCase, type FieldNode } from '../packages/runtime/src/index.ts';
import { prepare, runSql, type SqlRow } from '../packages/cli/src/replay/sql-engine.ts';
import { withDuckDB } from '../packages/cli/src/replay/duckdb.ts';
import { dateParts, elapsedSql } from '../packages/runtime/src/sql/dates.ts';
import { dialects } from '../packages/runtime/src/sql/dialect.ts';
import { bundledRules, files, root } from './support/bundled.ts';
import { caseArbitrary } from './support/case-arbitrary.ts';
import { scratch } from './support/cli.ts';
import { runs, scale, seed } from './support/fuzz.ts';
import { libraryCases } from '../scripts/corpus/cases.ts';

/** The runtime's answer and the query's, in the same form. */
function differences(rules: RuleSet, cases: unknown[], rows: SqlRow[]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const c = cases[row.row_id - 1];
    const d = evaluateFast(rules, c, { detail: 'decision' });
    const want = { decision: d.decision, guideline: d.guideline?.id ?? null, edition: d.guideline?.edition ?? null, certified: d.certifiedVisits, criteria: d.criteria.map((x) => `${x.policy ? `${x.policy}/` : ''}${x.id}:${x.status}`), missing: d.missing };
    const got = { decision: row.decision, guideline: row.guideline, edition: row.edition, certified: Number(row.certified_visits), criteria: row.criteria, missing: row.missing };
    if (JSON.stringify(want) !== JSON.stringify(got)) out.push(`${JSON.stringify(c)}\n  runtime ${JSON.stringify(want)}\n  sql     ${JSON.stringify(got)}`);
  }
  return out;
}

/**
 * The differences between the runtime and the query over the view replay --engine sql reads, and,
 * with `parquet`, over the Parquet guideline prep writes, read by hand as docs/scale.md does: DuckDB
 * plans the two differently (a yes-or-no field's record once failed the second only).
 */
async function decideBoth(rules: RuleSet, cases: unknown[], { parquet = false } = {}): Promise<string[]> {
  const s = scratch('guideline-sql-');
  const input = s.file('cases.jsonl', cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
  const prepared = join(s.dir, 'prepared.jsonl');
  const problems: string[] = [];
  const { rows } = prepare([rules], input, prepared, { name: 'cases.jsonl' }, (p) => problems.push(p.err));
  expect(problems).toEqual([]);
  expect(rows).toBe(cases.length);
  const viaParquet = parquet ? differences(rules, cases, await runSql(rules, prepared, join(s.dir, 'prepared.parquet'))) : [];
  return [...differences(rules, cases, await runSql(rules, prepared)), ...viaParquet.map((d) => `(Parquet) ${d}`)];
}

describe('SQL ≡ runtime', { timeout: 300_000 }, () => {
  it('on every bundled case and generated cases of the bundled library', async () => {
    const rules = bundledRules();
    expect(compileSql(rules).refused).toEqual([]);
    const bundled = files(join(root, 'guidelines'), '.json').map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { case: unknown }).case);
    const generated = fc.sample(caseArbitrary(rules), { ...seed(20261203), numRuns: runs(400) }).filter((c) => validateCase(c, rules).length === 0);
    const mutated = fc.sample(mutant(bundled), { ...seed(20261204), numRuns: runs(1500) }).filter((c) => validateCase(c, rules).length === 0);
    expect(mutated.length).toBeGreaterThan(runs(500));
    const cases = [...bundled, ...libraryCases(rules, runs(1500), 3), ...generated, ...mutated];
    const decisions = new Set(cases.map((c) => evaluateFast(rules, c, { detail: 'decision' }).decision));
    expect(decisions.size).toBeGreaterThanOrEqual(5);
    expect(await decideBoth(rules, cases, { parquet: true })).toEqual([]);
  });

  it('on a policy criterion reading the governing guideline\'s classes and recommended frequency, as an artifact may hold it', async () => {
    // The checker keeps these out of policy sources; a compiled artifact can still hold them.
    const rules: RuleSet = structuredClone(bundledRules());
    delete rules.revision; // the content changes: its revision is worked out again
    const p = rules.policies.find((x) => x.jurisdiction === 'CA')!;
    const source = { file: 'policy.guideline', line: 7, column: 3, endLine: 7, endColumn: 11, start: 80, end: 88 };
    const leaf = (c: object): Cond => {
      p.leaves.push({ text: 'the test', source });
      return { ...c, leaf: p.leaves.length - 1 } as Cond;
    };
    p.criteria.push({
      id: 'governing-own', title: 'The governing guideline\'s own', texts: {}, source,
      when: leaf({ includes: { fact: 'diagnoses.classes' }, values: ['myalgia', 'neuralgia', 'lumbar-strain'] }),
      require: { any: [leaf({ cmp: '<=', left: { fact: 'request.frequencyPerWeek' }, right: { fact: 'recommended.frequency' } }), leaf({ is: { fact: 'governingId' }, values: ['odg.preface.physical-therapy'] })] },
    });
    expect(compileSql(rules).refused).toEqual([]);
    const bundled = files(join(root, 'guidelines'), '.json').map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { case: unknown }).case);
    const cases = [...bundled, ...fc.sample(mutant(bundled), { ...seed(20261205), numRuns: runs(500) })].filter((c) => validateCase(c, rules).length === 0);
    const statuses = new Set(cases.map((c) => evaluateFast(rules, c, { detail: 'decision' }).criteria.find((k) => k.id === 'governing-own')?.status));
    expect([...statuses].filter(Boolean).sort()).toEqual(['met', 'not-applicable', 'not-met', 'unknown']);
    expect(await decideBoth(rules, cases)).toEqual([]);
  });

  it('on a rule set of the language\'s other forms', async () => {
    const rules = otherForms();
    expect(compileSql(rules).refused).toEqual([]);
    const cases = fc.sample(otherCases, { ...seed(7), numRuns: runs(1500) }).filter((c) => validateCase(c, rules).length === 0);
    expect(cases.length).toBeGreaterThan(runs(500));
    const decisions = new Set(cases.map((c) => evaluateFast(rules, c, { detail: 'decision' }).decision));
    expect([...decisions].sort()).toEqual(['insufficient-information', 'medically-necessary', 'needs-clinical-review', 'no-applicable-guideline', 'not-medically-necessary', 'partially-medically-necessary']);
    // The latest and earliest sessions decide every way: met, not met, and unknown (an unknown date, a tie).
    const lastSession = new Set(cases.flatMap((c) => evaluateFast(rules, c, { detail: 'decision' }).criteria.filter((x) => x.id === 'last-session').map((x) => x.status)));
    expect([...lastSession].sort()).toEqual(['met', 'not-met', 'unknown']);
    expect(await decideBoth(rules, cases, { parquet: true })).toEqual([]);
  });

  it('counts calendar time between dates as `elapsed` does', async () => {
    const date = fc.integer({ min: -30000, max: 30000 }).map((d) => new Date(Date.UTC(2000, 0, 31) + d * 86_400_000).toISOString().slice(0, 10));
    const pairs = fc.sample(fc.tuple(date, date), { ...seed(11), numRuns: runs(300) });
    const d = dialects.duckdb;
    await withDuckDB(async (con) => {
      for (const unit of ['days', 'weeks', 'months', 'years'] as const) {
        // One layer per step, as the compiled query keeps them.
        const layers: string[][] = [];
        const columns = (depth: number, exprs: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(exprs).map(([k, e]) => {
          const name = `x${layers.flat().length}_${k}`;
          (layers[depth] ??= []).push(`${e} AS ${name}`);
          return [k, name];
        }));
        const a = dateParts('a', 0, columns, d);
        const b = dateParts('b', 0, columns, d);
        const e = elapsedSql(a.parts, b.parts, unit, 2, columns);
        let sql = `SELECT * FROM (VALUES ${pairs.map(([x, y], i) => `(${i}, '${x}', '${y}')`).join(', ')}) t(i, a, b)`;
        for (const items of layers) sql = `SELECT *, ${(items ?? []).join(', ') || '1 AS _'} FROM (${sql})`;
        const rows = (await con.runAndReadAll(`SELECT i, ${e.value} AS e FROM (${sql}) ORDER BY i`)).getRowObjectsJson();
        for (const r of rows) {
          const [x, y] = pairs[Number(r['i'])]!;
          expect([x, y, unit, Number(r['e'])]).toEqual([x, y, unit, elapsed(x, y, unit)]);
        }
      }
    });
  });
});

describe('the SQL of other engines', { timeout: 120_000 }, () => {
  // Spark and Trino read a yes-or-no field as text, so a BOOLEAN column and the JSON text the prep
  // step writes read alike; their expressions are plain enough for DuckDB to run them here. DuckDB's
  // own reads the JSON the prep step writes. Each reads the field inside a struct of a table, all
  // rows in one, as the relation of guideline prep's Parquet holds it: DuckDB moves a cast of a
  // struct's field out of its CASE branch to run it on every row, records among them.
  it.each(['duckdb', 'spark', 'trino'] as const)('%s reads a yes-or-no field, BOOLEAN or JSON text, as the runtime does', async (dialect) => {
    const values: [string, string, boolean | null][] = [
      ['BOOLEAN', 'true', true], ['BOOLEAN', 'false', false], ['BOOLEAN', 'NULL', null],
      ['JSON', `'true'`, true], ['JSON', `'false'`, false], ['JSON', `'null'`, null], ['JSON', 'NULL', null],
      ['JSON', `'{"date":"2015-01-02"}'`, true], ['JSON', `'[1]'`, true], ['JSON', `'"yes"'`, null], ['JSON', '1', null],
    ];
    await withDuckDB(async (con) => {
      for (const type of ['BOOLEAN', 'JSON']) {
        const rows = values.filter(([t]) => t === type);
        await con.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES ${rows.map(([, literal], i) => `(${i}, {'f': CAST(${literal} AS ${type})})`).join(', ')}) v(i, s)`);
        const r = await con.runAndReadAll(`SELECT ${dialects[dialect].yesNo('s.f')} AS v FROM t ORDER BY i`);
        expect(rows.map(([t, literal], i) => [t, literal, r.getRowObjectsJson()[i]!['v']])).toEqual(rows);
      }
    });
  });


  // What runs in DuckDB stands for the other dialects only if they are the same query: the same
  // columns in the same order, a yes-or-no field that may be a record (history.priorLumbarSurgery)
  // read by each dialect's own reading into the same columns.
  it('the bundled library in each dialect: the same columns, each yes-or-no field read by its dialect\'s reading', () => {
    const rules = bundledRules();
    const yesNo: string[] = [];
    const walk = (node: FieldNode, path: string[]): void => {
      if (node.kind === 'object') for (const [k, v] of Object.entries(node.fields)) walk(v, [...path, k]);
      else if (node.kind === 'value' && node.type.kind === 'yes-no') yesNo.push(path.join('.'));
    };
    walk(fieldsOf(rules), []);
    expect(yesNo).toContain('history.priorLumbarSurgery');
    const shape = (['duckdb', 'spark', 'trino'] as const).map((name) => {
      const d = dialects[name];
      const sql = compileSql(rules, name).sql;
      const columns = [...sql.matchAll(/ AS ([^\s,()]+)(?=,\n|\s+FROM)/g)].map((m) => m[1]!.replace(/^([`"])(.*)\1$/, '$2'));
      const reads = Object.fromEntries(yesNo.map((field) => {
        const raw = d.field(field.split('.'));
        const read = `(CASE WHEN ${raw} IS NULL THEN NULL ELSE ${d.yesNo(raw)} END) AS `;
        return [field, sql.split(read).slice(1).map((rest) => /^[^\s,]+/.exec(rest)![0].replace(/^([`"])(.*)\1$/, '$2'))];
      }));
      return { columns, reads };
    });
    expect(shape[0]!.columns.length).toBeGreaterThan(1000);
    expect(shape[0]!.reads['history.priorLumbarSurgery']!.length).toBeGreaterThan(0);
    expect(shape[1]).toEqual(shape[0]);
    expect(shape[2]).toEqual(shape[0]);
  });

  // The bundled library's query takes the parser seconds: the fuzz run parses it, the suite a smaller one.
  it.each([['spark', 'hive'], ['trino', 'trino']] as const)('%s: the query parses (node-sql-parser, %s)', async (dialect, database) => {
    const { default: parser } = await import('node-sql-parser');
    const sql = compileSql(scale > 1 ? bundledRules() : otherForms(), dialect).sql;
    writeFileSync(join(scratch('guideline-sql-').dir, `${dialect}.sql`), sql);
    expect(() => new parser.Parser().astify(sql, { database })).not.toThrow();
  });
});

/**
 * A bundled case with some of its fields left out (unknown) and some numbers and dates moved: what
 * reaches every domain's criteria (lists of medications and studies, records within yes-or-no fields)
 * with the unknowns and near-boundary values that bounds and missing fields are made of.
 */
function mutant(cases: unknown[]): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom(...cases), fc.infiniteStream(fc.tuple(fc.nat(9), fc.integer({ min: -40, max: 40 })))).map(([c, choices]) => {
    const it = choices[Symbol.iterator]();
    const walk = (v: unknown, top: boolean): unknown => {
      if (Array.isArray(v)) return v.flatMap((x) => (it.next().value![0] === 0 ? [] : [walk(x, false)]));
      if (v && typeof v === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
          const [roll, by] = it.next().value!;
          // The case's frame (jurisdiction, review date, treatment) stays: it picks the guideline.
          const frame = top && (k === 'jurisdiction' || k === 'asOf' || k === 'request');
          if (roll === 0 && !frame && k !== 'treatment') continue;
          out[k] = roll === 1 && k !== 'treatment' ? move(x, by) : walk(x, false);
        }
        return out;
      }
      return v;
    };
    return walk(c, true);
  });
}

function move(v: unknown, by: number): unknown {
  if (typeof v === 'number') return Math.max(0, v + Math.round(by / 8));
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(Date.parse(v) + by * 7 * 86_400_000).toISOString().slice(0, 10);
  if (typeof v === 'boolean') return !v;
  return v;
}

const vocabulary = `
vocabulary rehab "Rehabilitation programs"
  uses physical-medicine

fact program weeks: number of weeks, from request.programWeeks
fact tolerance: number of hours a day, from findings.toleranceHoursPerDay
fact surgical candidate: one of yes, no, evaluation-pending, from history.surgicalCandidate
fact working again: yes or no, from history.returnedToWork
fact job demand: one of sedentary, light, medium, heavy, from findings.jobDemand
fact prior programs: list of one of work-conditioning, work-hardening, from history.priorPrograms
fact care started: date, from history.careStartDate
fact therapist: text, from request.therapist, when absent "unassigned"
fact exam: yes or no, from findings.exam
fact exam grade: one of good, poor, from findings.exam.grade
fact exam minutes: number from 0 to 600, from findings.exam.minutes
fact plan date: date, from request.planDate
fact sessions: list of session, from history.sessions

record session "A session attended"
  field session date: date, from date
  field minutes: number from 0 to 600, from minutes
  field supervised: yes or no, from supervised

table allowance "Weeks allowed by job demand and tolerance"
  choose the row with the most allowed weeks
  | job demand | tolerance || allowed weeks |
  | heavy or medium | at least 6 || 6 weeks |
  | heavy | any || 5 weeks |
  | any | at most 3 || - |
  | any | any || 4 weeks |
`;

const guidelines = `
guideline t.wh
  title    "Test work hardening"
  source   "Test Guidelines", 2009, pages 125-126
  edition  2009
  in force 2009-01-01 to 2016-12-31
  covers   work-hardening
  uses     rehab

criterion tolerance "Tolerates at least 4 hours a day"
  only when care started is known
  require tolerance >= 4 hours a day
  otherwise "Tolerates only {tolerance} hours a day."

criterion demand "Two of the following"
  require at least 2 of the following
  otherwise "Not two of them."
  part heavy-job "Medium or heavier job demands"
    require job demand is medium, heavy
  part fresh "Care started within 3 months"
    require months since care started <= 3
  part working "Returned to work"
    require working again

criterion surgery "Not a surgical candidate"
  needs clinical review
  require surgical candidate is no
  otherwise "Surgery is planned or being evaluated."

criterion length "At most 4 weeks"
  require program weeks <= 28 days and program weeks * 2 <= half of 17 weeks, rounded up
  certify at most 4 weeks / 1 weeks
  otherwise "{program weeks} weeks requested."

criterion repeat "No repeat, or a different program"
  require prior programs is empty or not (prior programs includes work-hardening)
  otherwise "A program was already completed."

criterion recent "Care started within 10 weeks, or unknown when"
  only when days since care started > 3 or therapist is "unassigned"
  require weeks since care started <= 10 or care started is unknown
  otherwise "Care started long ago."

criterion sessions-logged "Supervised sessions, none overlong"
  needs clinical review unless met
  require sessions is not empty and (count of sessions where supervised) >= 2 and no sessions where minutes > 480
  otherwise "Too few supervised sessions."

criterion session-time "Two hours of sessions, one lately"
  require (sum of minutes over sessions where not supervised) <= 300 and any sessions where days from session date to plan date <= 14
  otherwise "Not enough."

criterion last-session "The last session supervised or short, the first one not long before the plan"
  require the latest sessions by session date where (supervised or minutes <= 60)
          and not the earliest sessions by session date where days from session date to plan date > 400
  otherwise "The last session was long and unsupervised."

criterion exam-on-file "An examination on file, good or recent"
  require exam grade is on file and (exam grade is good or days from care started to plan date <= 30 or exam minutes >= 45)
  otherwise "No good examination."

criterion allowed "Within the weeks allowed"
  require program weeks <= allowed weeks
  otherwise "More weeks than allowed."

guideline t.wh
  edition  2017
  revises  2009
  in force 2017-01-01
  drops    surgery

criterion length "At most 6 weeks"
  require program weeks - 1 weeks < 6 weeks
  certify at most 6 weeks / 1 weeks - 1
  otherwise "{program weeks} weeks requested, more than 6."

policy ca "California"
  jurisdiction CA
  first t.*
  uses rehab

criterion tolerance-cap "Tolerance within reason"
  only when tolerance is known
  require tolerance <= 12 hours a day
  otherwise "More than 12 hours a day."

criterion session-count "Not more than 12 sessions"
  require count of sessions <= 12 and program weeks <= allowed weeks + 2 weeks
  otherwise "Too many sessions."
`;

function otherForms(): RuleSet {
  const r = compileProgram([
    { text: vocabulary, file: 'rehab.guideline' },
    { text: guidelines, file: 'wh.guideline' },
  ]);
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return r.rules!;
}

const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> => fc.oneof({ weight: 4, arbitrary: a }, fc.constant(null), fc.constant(undefined));
const day = (from: number, to: number): fc.Arbitrary<string> => fc.integer({ min: from, max: to }).map((d) => new Date(Date.UTC(2009, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const strip = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** A session: its fields sometimes left out (unknown), its minutes sometimes over the limit. */
const session = (from: number, to: number): fc.Arbitrary<Record<string, unknown>> =>
  fc.record({ date: maybe(day(from, to)), minutes: maybe(fc.integer({ min: 0, max: 600 })), supervised: maybe(fc.boolean()) }).map(strip);

/** An examination: yes, no, or a record of it (a grade, its minutes), or one without them. */
const exam = fc.oneof(fc.boolean(), fc.record({ grade: maybe(fc.constantFrom('good', 'poor')), minutes: maybe(fc.integer({ min: 0, max: 90 })) }).map(strip));

const anyCase = fc
  .record({
    jurisdiction: fc.constantFrom('CA', 'ca', 'TX'),
    asOf: day(2500, 3500),
    review: maybe(fc.constantFrom('independent', 'utilization')),
    request: fc.record({
      treatment: fc.constantFrom('work-hardening', 'massage'),
      programWeeks: maybe(fc.integer({ min: 0, max: 9 })),
      serviceDate: maybe(day(2800, 3200)),
      therapist: maybe(fc.constantFrom('unassigned', 'A. Reyes')),
      planDate: maybe(day(2800, 3200)),
    }).map(strip),
    history: fc.record({
      surgicalCandidate: maybe(fc.constantFrom('yes', 'no', 'evaluation-pending')),
      returnedToWork: maybe(fc.oneof(fc.boolean(), fc.constant({}))),
      priorPrograms: maybe(fc.array(fc.constantFrom('work-conditioning', 'work-hardening'), { maxLength: 2 })),
      careStartDate: maybe(day(2200, 3400)),
      sessions: maybe(fc.array(session(2700, 3200), { maxLength: 5 })),
    }).map(strip),
    findings: fc.record({ toleranceHoursPerDay: maybe(fc.integer({ min: 0, max: 16 })), jobDemand: maybe(fc.constantFrom('sedentary', 'light', 'medium', 'heavy')), exam: maybe(exam) }).map(strip),
  })
  .map((c) => strip(c as Record<string, unknown>));

// Requests that meet most criteria, in utilization review: where partial certifications and
// clinical review live.
const goodCase = fc
  .record({
    jurisdiction: fc.constant('CA'),
    asOf: day(2600, 2900),
    review: fc.constant('utilization'),
    request: fc.record({ treatment: fc.constant('work-hardening'), programWeeks: fc.integer({ min: 2, max: 9 }), visits: fc.integer({ min: 1, max: 20 }), planDate: day(2600, 2610) }),
    history: fc.record({
      surgicalCandidate: fc.constantFrom('no', 'no', null),
      returnedToWork: fc.constant(true),
      priorPrograms: fc.constant([]),
      careStartDate: day(2550, 2600),
      sessions: fc.array(fc.record({ date: day(2590, 2600), minutes: fc.integer({ min: 30, max: 120 }), supervised: fc.constant(true) }), { minLength: 2, maxLength: 4 }),
    }).map(strip),
    findings: fc.record({ toleranceHoursPerDay: fc.integer({ min: 4, max: 12 }), jobDemand: fc.constant('heavy'), exam: fc.constantFrom({ grade: 'good' }, { grade: 'good', minutes: 50 }) }),
  })
  .map((c) => c as Record<string, unknown>);

const otherCases = fc.oneof({ weight: 3, arbitrary: anyCase }, { weight: 1, arbitrary: goodCase });
