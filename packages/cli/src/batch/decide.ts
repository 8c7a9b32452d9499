// One case document to its segment: parsed with located errors, checked, decided, and written as
// JSON or for the terminal. The same code runs on the main thread (--jobs 1) and in each worker.
import { formatMessage, type RuleSet } from '@guideline/language/rules';
import { CaseValidationError, evaluate, evaluateFast, fieldWords, type Determination } from '@guideline/runtime';
import { parseJson } from '../json.ts';
import { decodeUtf8, readLimits, type Line } from '../read.ts';
import { printable, red, renderAt, renderCaseIssues, renderDetermination, renderError, type DocumentText } from '../render.ts';
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
export function isTestCase(value: unknown): value is { case: unknown; expect: unknown } {
  return !!value && typeof value === 'object' && 'case' in value && 'expect' in value;
}

/** The case of a document: a test-case file's, or the document itself. */
export function unwrapCase(value: unknown): unknown {
  return isTestCase(value) ? value.case : value;
}

export class Decider {
  constructor(
    private readonly rules: RuleSet,
    private readonly options: DeciderOptions,
  ) {}

  /**
   * A case's determination, or its problems at their fields in `doc`. The fast engine's comes at
   * once (a batch makes no promise a line); json-rules-engine's is a promise.
   */
  decide(input: unknown, file: string, doc: DocumentText): Segment | Promise<Segment> {
    if (this.options.engine === 'fast') return this.segment(() => evaluateFast(this.rules, input, { detail: this.options.detail }), input, file, doc);
    return evaluate(this.rules, input).then(
      (d) => this.segment(() => d, input, file, doc),
      (e: unknown) => this.segment(() => { throw e; }, input, file, doc),
    );
  }

  private segment(determine: () => Determination, input: unknown, file: string, doc: DocumentText): Segment {
    const name = doc.line === undefined ? file : `${file}:${doc.line}`;
    let d: Determination;
    try {
      d = determine();
    } catch (e) {
      if (e instanceof CaseValidationError) return { err: renderCaseIssues(file, e.issues, doc), status: INVALID };
      // A bug of ours on one case: named with the case, and the batch goes on.
      return { err: `${printable(name)}: ${red('internal error')} ${printable((e as Error)?.message ?? String(e))}`, status: INTERNAL };
    }
    if (this.options.json) return { determination: d };
    const req = (input as { request: { text?: string; treatment: string } }).request;
    return { out: renderDetermination(d, req.text ?? req.treatment, name, (f) => fieldWords(this.rules.facts, f)) };
  }

  /** One case document (a file, or a line of a batch). */
  document(text: string, file: string, line?: number): Segment | Promise<Segment> {
    const d = caseDocument(text, file, line);
    return 'err' in d ? d : this.decide(d.input, file, d.doc);
  }

  /** One line of a JSON Lines batch: nothing for a blank line. */
  line(line: Line, name: string): Segment | Promise<Segment> | undefined {
    return lineDocument(line, name, (text) => this.document(text, name, line.number));
  }
}

/** A case document parsed: its case and where it stands (for problems at their fields), or its JSON error at its place. */
export function caseDocument(text: string, file: string, line?: number): { input: unknown; doc: DocumentText } | { err: string; status: number } {
  const parsed = parseJson(text);
  if (parsed.error) {
    const e = parsed.error;
    if (e.offset !== undefined) return { err: renderAt(file, { text, line }, { start: e.offset, end: e.offset + 1 }, 'R501', e.message), status: INVALID };
    return { err: renderError(file, line ?? 0, 0, 'R501', e.message), status: INVALID };
  }
  const wrapped = isTestCase(parsed.value);
  return { input: wrapped ? (parsed.value as { case: unknown }).case : parsed.value, doc: { text, line, under: wrapped ? 'case' : undefined } };
}

/** A line of a batch as text, or its problem (too long, not UTF-8); undefined for a blank line. What `decide` gives, as it gives it (a promise or not). */
export function lineDocument<T>(line: Line, name: string, decide: (text: string) => T): T | Segment | undefined {
  if (line.tooLong !== undefined) return { err: renderError(name, line.number, 1, 'R505', formatMessage('R505', { limit: readLimits.caseBytes })), status: INVALID };
  const decoded = decodeUtf8(line.bytes);
  if ('badByte' in decoded) return { err: renderError(name, line.number, decoded.badByte, 'R501', 'not UTF-8 text: a byte here belongs to no character'), status: INVALID };
  return decoded.text.trim() ? decide(decoded.text) : undefined;
}
