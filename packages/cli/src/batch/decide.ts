// One case document to its segment: parsed with located errors, checked, decided, and written as
// JSON or for the terminal. The same code runs on the main thread (--jobs 1) and in each worker.
import { formatMessage, type RuleSet } from '@guideline/language';
import { CaseValidationError, determinationJson, evaluate, evaluateFast, type Determination } from '@guideline/runtime';
import { parseJson } from '../json.ts';
import { decodeUtf8, readLimits, type Line } from '../read.ts';
import { printable, red, renderCaseIssues, renderDetermination, renderError } from '../render.ts';
import type { Segment } from './segments.ts';

/** Exit statuses, worst last: a run ends with the worst it met. */
export const INVALID = 2;
export const INTERNAL = 70;

export interface DeciderOptions {
  json: boolean;
  engine: 'fast' | 'json-rules-engine';
  /** 'decision': decisions, statuses and missing facts only, without traces or rationale text. */
  detail: 'full' | 'decision';
}

/** A test-case file wraps the case as { case, expect }; a plain case file is the case itself. */
export function unwrapCase(value: unknown): unknown {
  if (value && typeof value === 'object' && 'case' in value && 'expect' in value) return (value as { case: unknown }).case;
  return value;
}

export class Decider {
  constructor(
    private readonly rules: RuleSet,
    private readonly options: DeciderOptions,
  ) {}

  /** A case's determination, or its problems. `name` is `file` or `file:line`. */
  async decide(input: unknown, name: string): Promise<Segment> {
    let d: Determination;
    try {
      d = this.options.engine === 'fast' ? evaluateFast(this.rules, input, { detail: this.options.detail }) : await evaluate(this.rules, input);
    } catch (e) {
      if (e instanceof CaseValidationError) return { err: renderCaseIssues(name, e.issues), status: INVALID };
      // A bug of ours on one case: named with the case, and the batch goes on.
      return { err: `${printable(name)}: ${red('internal error')} ${printable((e as Error)?.message ?? String(e))}`, status: INTERNAL };
    }
    if (this.options.json) return { out: determinationJson(d) };
    const req = (input as { request: { text?: string; treatment: string } }).request;
    return { out: renderDetermination(d, req.text ?? req.treatment, name) };
  }

  /** One case document (a file, or a line of a batch). */
  async document(text: string, file: string, line?: number): Promise<Segment> {
    const parsed = parseJson(text);
    if (parsed.error) {
      const e = parsed.error;
      // A line of a batch is one line of JSON: its errors are at that line, their column on it.
      return { err: renderError(file, line ?? e.line, e.line ? e.column : 0, 'R501', e.message), status: INVALID };
    }
    return this.decide(unwrapCase(parsed.value), line === undefined ? file : `${file}:${line}`);
  }

  /** One line of a JSON Lines batch: nothing for a blank line. */
  async line(line: Line, name: string): Promise<Segment | undefined> {
    return lineDocument(line, name, (text) => this.document(text, name, line.number));
  }
}

/** A line of a batch as text, or its problem (too long, not UTF-8); undefined for a blank line. */
export async function lineDocument<T>(line: Line, name: string, decide: (text: string) => Promise<T | Segment>): Promise<T | Segment | undefined> {
  if (line.tooLong !== undefined) return { err: renderError(name, line.number, 1, 'R505', formatMessage('R505', { limit: readLimits.caseBytes })), status: INVALID };
  const decoded = decodeUtf8(line.bytes);
  if ('badByte' in decoded) return { err: renderError(name, line.number, decoded.badByte, 'R501', 'not UTF-8 text: a byte here belongs to no character'), status: INVALID };
  return decoded.text.trim() ? decide(decoded.text) : undefined;
}
