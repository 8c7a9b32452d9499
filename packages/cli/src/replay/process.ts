// Replay's work on a chunk of cases: each decided under the rule set before and the one after, the
// counts of decisions per guideline and jurisdiction, and every case whose decision or criterion
// statuses changed: which criteria, the numbers that moved them, and the fields a case now needs.
import type { RuleSet } from '@guideline/language';
import { CaseValidationError, evaluateFast, type CaseIssue, type CriterionResult, type Determination } from '@guideline/runtime';
import type { Line } from '../read.ts';
import { caseDocument, lineDocument, INVALID } from '../batch/decide.ts';
import { renderCaseIssues, type DocumentText } from '../render.ts';
import type { Problem, Segment } from '../batch/segments.ts';

export interface ReplayConfig {
  before: RuleSet;
  /** Absent: one rule set, decisions counted only. */
  after?: RuleSet;
  /** The cases are a table's rows (CSV, Parquet), each made into a line of JSON by DuckDB. */
  table?: boolean;
}

/**
 * A case the check refused, at its fields: in a line of JSON Lines, at its place with the line's
 * excerpt, as check shows it; in a table's row, at the row's number alone (`cases.csv:2`), for the
 * line of JSON is one DuckDB made from the row, not one the user wrote.
 */
export function refusedCase(name: string, line: number, issues: readonly CaseIssue[], doc: DocumentText, table: boolean | undefined): Problem {
  return { err: table ? renderCaseIssues(`${name}:${line}`, issues) : renderCaseIssues(name, issues, doc), status: INVALID };
}

/** Counts keyed by a tab-joined key (side, jurisdiction, guideline, decision...), summed across chunks. */
export type Counts = Record<string, number>;

export interface ChunkResult {
  counts: Counts;
  /** The changed cases, one JSON line each, in input order. */
  changed: string[];
  errors: Segment[];
}

/** A criterion as a change names it: the policy's own criteria carry the policy's id. */
const keyOf = (r: CriterionResult): string => (r.policy ? `${r.policy}/${r.id}` : r.id);

const governing = (d: Determination): string => (d.guideline ? d.guideline.id + (d.guideline.edition ? `@${d.guideline.edition}` : '') : '(none)');

const bump = (counts: Counts, key: string, n = 1): void => void (counts[key] = (counts[key] ?? 0) + n);

/** A trace entry as a change shows it: the condition, what it read and what it was held to. */
function numbers(r: CriterionResult | undefined): { condition: string; value: unknown; expected: unknown; result: boolean | null; says: string }[] {
  return (r?.trace ?? []).map((t) => ({ condition: t.condition, value: t.value, expected: t.expected, result: t.result, says: t.says }));
}

/** What changed between two determinations of a case: undefined when nothing did. */
export function change(before: Determination, after: Determination, fullBefore: () => Determination, fullAfter: () => Determination): Record<string, unknown> | undefined {
  const a = new Map(before.criteria.map((r) => [keyOf(r), r]));
  const b = new Map(after.criteria.map((r) => [keyOf(r), r]));
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const moved = keys.filter((k) => a.get(k)?.status !== b.get(k)?.status);
  // An edition label alone (the same guideline, now with editions) is no change.
  if (before.decision === after.decision && before.certifiedVisits === after.certifiedVisits && before.guideline?.id === after.guideline?.id && moved.length === 0) return undefined;
  // The traces, only for the cases that changed: the numbers each changed criterion read.
  const fa = new Map(fullBefore().criteria.map((r) => [keyOf(r), r]));
  const fb = new Map(fullAfter().criteria.map((r) => [keyOf(r), r]));
  const criteria = moved.map((k) => {
    const x = numbers(fa.get(k));
    const y = numbers(fb.get(k));
    const says = new Set(x.map((t) => t.says));
    return {
      id: k,
      before: a.get(k)?.status ?? null,
      after: b.get(k)?.status ?? null,
      // The conditions whose reading differs: what moved the status.
      numbers: { before: x.filter((t) => !y.some((u) => u.says === t.says)), after: y.filter((t) => !says.has(t.says)) },
    };
  });
  const out: Record<string, unknown> = {
    before: { decision: before.decision, certifiedVisits: before.certifiedVisits, guideline: governing(before) },
    after: { decision: after.decision, certifiedVisits: after.certifiedVisits, guideline: governing(after) },
    criteria,
  };
  if (after.decision === 'insufficient-information' && before.decision !== 'insufficient-information') out.needs = after.missing;
  return out;
}

export function replayProcessor(config: ReplayConfig): (lines: Line[], name: string) => Promise<ChunkResult> {
  return async (lines, name) => {
    const result: ChunkResult = { counts: {}, changed: [], errors: [] };
    for (const line of lines) {
      const err = lineDocument(line, name, (text): Segment | undefined => {
        const d = caseDocument(text, name, line.number);
        if ('err' in d) return d;
        try {
          replayCase(config, d.input, line.number, result);
        } catch (e) {
          if (!(e instanceof CaseValidationError)) throw e;
          // At the field, as check reports it.
          return refusedCase(name, line.number, e.issues, d.doc, config.table);
        }
        return undefined;
      });
      if (err) result.errors.push(err);
    }
    return result;
  };
}

/** Decides one case under both rule sets and records what it counts and what changed. */
export function replayCase(config: ReplayConfig, input: unknown, line: number, result: ChunkResult): void {
  const before = evaluateFast(config.before, input, { detail: 'decision' });
  const j = String((input as { jurisdiction?: unknown }).jurisdiction ?? '').toUpperCase();
  bump(result.counts, `decision\tbefore\t${j}\t${governing(before)}\t${before.decision}`);
  if (!config.after) return;
  const after = evaluateFast(config.after, input, { detail: 'decision' });
  bump(result.counts, `decision\tafter\t${j}\t${governing(after)}\t${after.decision}`);
  const c = change(before, after, () => evaluateFast(config.before, input), () => evaluateFast(config.after!, input));
  if (!c) return;
  bump(result.counts, `transition\t${before.decision}\t${after.decision}`);
  bump(result.counts, `changed-guideline\t${governing(before)}\t${governing(after)}`);
  for (const k of c.criteria as { id: string; before: string | null; after: string | null }[]) bump(result.counts, `criterion\t${governing(after)}\t${k.id}\t${k.before ?? '-'}\t${k.after ?? '-'}`);
  for (const f of (c.needs as string[] | undefined) ?? []) bump(result.counts, `needs\t${f}`);
  result.changed.push(JSON.stringify({ caseId: before.caseId ?? null, line, jurisdiction: j, ...c }));
}
