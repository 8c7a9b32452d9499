// A rule set compiled to one SQL query (DuckDB, Spark SQL or Trino) that decides every case of a
// table as the runtime does: decision, governing guideline, criterion statuses, certified visits
// and missing fields. What only code computes comes from the prep step's columns (prep.ts); a
// guideline the compiler cannot express is refused with its reason, and so is a policy that uses it.
import type { RuleSet } from '@guideline/language/rules';
import { dialects, sqlText, type Dialect } from './dialect.ts';
import { policyOrder, QueryBuilder, type PolicyColumns, type Refusal } from './query.ts';
import { prepColumns, type PrepColumn } from './prep.ts';
import { shownValue } from '../fields.ts';

export { prepColumns, prepRow, prepValues, type PrepColumn } from './prep.ts';
export { dialects, type Dialect } from './dialect.ts';
export type { Refusal } from './query.ts';

export interface CompiledSql {
  /** One query over a relation `cases` (row_id, the case's fields, the prep columns). */
  sql: string;
  /** The columns the prep step adds. */
  prep: PrepColumn[];
  /** Guidelines and policies that could not be compiled, with why; cases they would decide are left out (decision NULL). */
  refused: Refusal[];
  /** The case fields the query reads, as dotted paths. */
  fields: string[];
}

/**
 * Compiles a rule set (as loadRuleSet or the compiler gives it) to SQL in a dialect; a dialect other
 * than `duckdb`, `spark` or `trino` is a TypeError naming it. What the query cannot express, even in
 * a rule set no loader has checked, is refused with its reason rather than thrown.
 */
export function compileSql(rules: RuleSet, dialectName: keyof typeof dialects = 'duckdb'): CompiledSql {
  if (typeof dialectName !== 'string' || !Object.hasOwn(dialects, dialectName)) {
    throw new TypeError(`the dialect is 'duckdb', 'spark' or 'trino', not ${shownValue(dialectName)}`);
  }
  const d = dialects[dialectName];
  const b = new QueryBuilder(rules, d);
  const { ok, policies } = b.build();
  const q = (n: string): string => d.id(n);
  const decided: string[] = [];
  const refused = [...b.refused];
  const outputs = new Map<number, Record<Output, string>>();
  const governedItems: string[] = [];
  const settled: string[] = [];
  const tallies: string[] = [];
  rules.policies.forEach((p, pi) => {
    const order = policyOrder(rules, pi);
    const pol = policies.get(pi);
    const missingGuideline = order.find((i) => !ok.has(i));
    if (!pol || missingGuideline !== undefined) {
      if (pol) refused.push({ guideline: `policy ${p.id}`, reason: `it consults ${rules.guidelines[missingGuideline!]!.id}, which is not compiled to SQL` });
      return;
    }
    const P = `p${pi}`;
    const applies = (i: number): string => q(`g${i}_applies`);
    const firstTrue = order.length ? `(CASE ${order.map((i, k) => `WHEN ${applies(i)} THEN ${k + 1}`).join(' ')} ELSE ${order.length + 1} END)` : '1';
    decided.push(`${firstTrue} AS ${q(`${P}_first`)}`);
    const first = q(`${P}_first`);
    settled.push(`${order.length ? `(${order.map((i, k) => `(${applies(i)} IS NULL AND ${k + 1} < ${first})`).join(' OR ')})` : 'FALSE'} AS ${q(`${P}_undecided`)}`);
    const undecided = q(`${P}_undecided`);
    const appliesMissing = d.distinct(d.concat(order.map((i, k) => `(CASE WHEN ${applies(i)} IS NULL AND ${k + 1} < ${first} THEN ${b.missingOf.get(`g${i}_applies`)} ELSE ${d.texts([])} END)`).concat(d.texts([]))));
    // What each guideline decides when it governs, with the policy's own criteria, in columns of its own.
    const governed = order.map((i) => {
      const x = governedBy(d, rules, i, pol, b.requested.get(i)!, b.missingOf, (name, expr) => {
        tallies.push(`${expr} AS ${q(`${P}_g${i}_${name}`)}`);
        return q(`${P}_g${i}_${name}`);
      });
      const col = (k: 'decision' | 'certified'): string => {
        governedItems.push(`${x[k]} AS ${q(`${P}_g${i}_${k}`)}`);
        return q(`${P}_g${i}_${k}`);
      };
      // The lists only where the guideline governs (a CASE evaluates the branch a row takes).
      return { id: x.id, edition: x.edition, decision: col('decision'), certified: col('certified'), criteria: x.criteria, missing: x.missing.replace(/%DECISION%/g, q(`${P}_g${i}_decision`)) };
    });
    // Undecided: insufficient information, with what the undecided guidelines' applicability needs.
    const pick = (f: (x: Governed) => string, otherwise: string, whenUndecided = otherwise): string => `(CASE WHEN ${undecided} THEN ${whenUndecided} ${governed.map((x, k) => `WHEN ${first} = ${k + 1} THEN ${f(x)}`).join(' ')} ELSE ${otherwise} END)`;
    outputs.set(pi, {
      decision: pick((x) => x.decision, "'no-applicable-guideline'", "'insufficient-information'"),
      guideline: pick((x) => sqlText(x.id), 'NULL'),
      edition: pick((x) => (x.edition === undefined ? 'NULL' : sqlText(x.edition)), 'NULL'),
      certified: pick((x) => x.certified, '0'),
      criteria: pick((x) => x.criteria, d.texts([])),
      missing: pick((x) => x.missing, d.texts([]), appliesMissing),
    });
  });
  // The first policy whose jurisdiction is the case's decides it; none: no applicable guideline.
  const column = (key: Output, none: string, name: string): string => {
    // A jurisdiction whose policy is refused is left undecided (NULL), not decided wrongly.
    const when = rules.policies.map((p, pi) => `WHEN ${q('case_jurisdiction')} = ${sqlText(p.jurisdiction.toUpperCase())} THEN ${outputs.get(pi)?.[key] ?? 'NULL'}`);
    return `(CASE ${when.join(' ')} ${when.length ? '' : 'WHEN FALSE THEN NULL '}ELSE ${none} END) AS ${q(name)}`;
  };
  const sql = `WITH ${b.layers()},
${q('tallies')} AS (SELECT ${[`${q('criteria')}.*`, ...tallies].join(',\n  ')} FROM ${q('criteria')}),
${q('governed')} AS (SELECT ${[`${q('tallies')}.*`, ...governedItems].join(',\n  ')} FROM ${q('tallies')}),
${q('decided')} AS (SELECT ${[`${q('governed')}.*`, ...decided].join(',\n  ')} FROM ${q('governed')}),
${q('settled')} AS (SELECT ${[`${q('decided')}.*`, ...settled].join(',\n  ')} FROM ${q('decided')})
SELECT ${q('row_id')}, ${q('case_id')},
  ${column('decision', "'no-applicable-guideline'", 'decision')},
  ${column('guideline', 'NULL', 'guideline')},
  ${column('edition', 'NULL', 'edition')},
  ${column('certified', '0', 'certified_visits')},
  ${column('criteria', d.texts([]), 'criteria')},
  ${column('missing', d.texts([]), 'missing')}
FROM ${q('settled')}`;
  return { sql, prep: prepColumns(rules), refused, fields: readFields(rules) };
}

type Output = 'decision' | 'guideline' | 'edition' | 'certified' | 'criteria' | 'missing';

interface Governed {
  id: string;
  edition: string | undefined;
  decision: string;
  certified: string;
  criteria: string;
  missing: string;
}

/** evaluate.ts `governed` and decide.ts `outcome` for guideline i with the policy's criteria. */
function governedBy(d: Dialect, rules: RuleSet, i: number, pol: PolicyColumns, requested: string, missingOf: ReadonlyMap<string, string>, tally: (name: string, expr: string) => string): Governed {
  const g = rules.guidelines[i]!;
  const q = (n: string): string => d.id(n);
  const crits = [...g.criteria.map((k, j) => ({ col: `g${i}_c${j}`, id: k.id, certify: k.certify !== undefined })), ...pol.criteria.map((k, j) => ({ col: `${pol.name(i)}_c${j}`, id: `${rules.policies[pol.index]!.id}/${k.id}`, certify: k.certify !== undefined }))];
  const status = (c: { col: string }): string => q(`${c.col}_status`);
  // The counts of each status, and the visits that may be certified, in columns of their own (a layer before).
  const count = (s: string): string => tally(s, crits.length ? `(${crits.map((c) => `(CASE WHEN ${status(c)} = '${s}' THEN 1 ELSE 0 END)`).join(' + ')})` : '0');
  const inf = d.infinity;
  const cap = `LEAST(${[inf, ...crits.map((c) => `(CASE WHEN ${status(c)} = 'not-met' THEN ${c.certify ? `COALESCE(${q(`${c.col}_certify`)}, 0)` : '0'} ELSE ${inf} END)`)].join(', ')})`;
  const certified = tally('certifiable', `GREATEST(0, LEAST(${requested}, FLOOR(${cap})))`);
  const requestedCol = tally('requested', requested);
  const [notMet, unknown, review] = [count('not-met'), count('unknown'), count('needs-review')];
  const partial = `${q('case_review')} = 'utilization' AND ${unknown} = 0 AND ${review} = 0 AND ${requestedCol} IS NOT NULL AND ${certified} > 0`;
  const missing = d.distinct(d.concat([...crits.map((c) => `(CASE WHEN ${status(c)} = 'unknown' THEN ${missingOf.get(c.col)} ELSE ${d.texts([])} END)`), d.texts([])]));
  return {
    id: g.id,
    edition: g.edition,
    decision: `(CASE WHEN ${notMet} > 0 THEN (CASE WHEN ${partial} THEN 'partially-medically-necessary' ELSE 'not-medically-necessary' END) WHEN ${unknown} > 0 THEN 'insufficient-information' WHEN ${review} > 0 THEN 'needs-clinical-review' ELSE 'medically-necessary' END)`,
    certified: `(CASE WHEN ${notMet} > 0 THEN (CASE WHEN ${partial} THEN ${certified} ELSE 0 END) WHEN ${unknown} + ${review} > 0 THEN 0 ELSE COALESCE(${requestedCol}, 0) END)`,
    criteria: d.list(crits.map((c) => `concat(${sqlText(`${c.id}:`)}, ${status(c)})`)),
    missing: `(CASE WHEN %DECISION% = 'insufficient-information' THEN ${missing} ELSE ${d.texts([])} END)`,
  };
}

/** The case fields a rule set reads (the prep step's inputs aside). */
function readFields(rules: RuleSet): string[] {
  const out = new Set<string>(['id', 'jurisdiction', 'asOf', 'review']);
  for (const f of rules.facts) if (f.field && !f.id.includes('[].')) out.add(f.field);
  return [...out];
}
