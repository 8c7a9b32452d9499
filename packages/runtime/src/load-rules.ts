// Loads a compiled rule set from untrusted JSON: checks its size and nesting, then every part of it
// against the artifact's shape (rule-set-shape.ts: artifact.schema.json's, each condition exactly one
// of all, any, not or a known leaf), then what refers within it and its revision, before any of it
// is evaluated. Nothing in a rule set is ever executed as code.
import { ruleSetRevision, type RuleSet } from '@guideline/language/rules';
import { isObj, ShapeChecker, type RuleSetIssue } from './rule-set-shape.ts';

export type { RuleSetIssue } from './rule-set-shape.ts';

/** What a rule set may hold at most (docs/limits.md); together they bound what one case can cost. */
export const ruleSetLimits = {
  /** Characters of JSON text. */
  maxBytes: 20_000_000,
  /**
   * Nesting of objects and arrays. The compiler's deepest output, an expression at the language's
   * depth limit (100 operations, each an object and its list of arguments), is about 210.
   */
  maxDepth: 256,
  /** Values (objects, arrays, texts, numbers) in the whole document. */
  maxNodes: 2_000_000,
  maxGuidelines: 2_000,
  /** Criteria of all guidelines and policies. */
  maxCriteria: 20_000,
  /** Characters of one text. */
  maxString: 100_000,
  /**
   * Lists walked inside one another (`any`, `every`, `no`, `count of`, `sum of` within a list's
   * condition): each walks up to a case's 100 items, so the cost is 100 to this power.
   */
  maxListNesting: 3,
};

export class RuleSetError extends Error {
  constructor(readonly issues: RuleSetIssue[]) {
    super(`Invalid rule set: ${issues.slice(0, 5).map((i) => `${i.at || 'document'}: ${i.message}`).join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`);
    this.name = 'RuleSetError';
  }
}

const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

/** Size, depth, texts and lists within lists, over the whole document, before anything else reads it. */
class Structure {
  /** Past a limit of ruleSetLimits. */
  readonly limits: RuleSetIssue[] = [];
  /** Keys no rule set has (and the schema, closed everywhere, refuses too). */
  readonly keys: RuleSetIssue[] = [];
  nodes = 0;

  private add(list: RuleSetIssue[], at: string, message: string): void {
    if (this.limits.length + this.keys.length < 100) list.push({ at, message });
  }

  walk(v: unknown, at: string, depth: number, lists = 0): void {
    if (++this.nodes > ruleSetLimits.maxNodes) {
      if (this.nodes === ruleSetLimits.maxNodes + 1) this.add(this.limits, at, `more than ${ruleSetLimits.maxNodes} values in the document`);
      return;
    }
    if (depth > ruleSetLimits.maxDepth) return this.add(this.limits, at, `nested more than ${ruleSetLimits.maxDepth} deep`);
    if (typeof v === 'string' && v.length > ruleSetLimits.maxString) return this.add(this.limits, at, `a text of ${v.length} characters; the limit is ${ruleSetLimits.maxString}`);
    if (Array.isArray(v)) v.forEach((x, i) => this.walk(x, `${at}[${i}]`, depth + 1, lists));
    else if (isObj(v)) {
      if ('quantifier' in v || 'count' in v || ('sum' in v && 'over' in v)) {
        if (++lists > ruleSetLimits.maxListNesting) return this.add(this.limits, at, `lists walked ${lists} deep inside one another; the limit is ${ruleSetLimits.maxListNesting}`);
      }
      for (const k of Object.keys(v)) {
        if (forbidden.has(k)) this.add(this.keys, `${at}.${k}`, `the key '${k}' is not allowed`);
        else this.walk(v[k], at ? `${at}.${k}` : k, depth + 1, lists);
      }
    }
  }
}

/** What loadRuleSet finds in a parsed document, by kind: what the schema states is `shape`. */
export interface RuleSetFindings {
  /** Past ruleSetLimits (size, nesting, texts, guidelines and criteria in all). */
  limits: RuleSetIssue[];
  /** Against artifact.schema.json: what the schema also refuses. */
  shape: RuleSetIssue[];
  /** Beyond the schema: leaf numbers and placeholders that name nothing, a revision that is not the content's. */
  meaning: RuleSetIssue[];
  /** The content's revision, when its shape is right. */
  revision?: string;
}

/** Every check of a parsed rule set, its issues by kind; each kind is looked at only when those before it found nothing. */
export function inspectRuleSet(doc: unknown): RuleSetFindings {
  const none: RuleSetIssue[] = [];
  if (!isObj(doc)) return { limits: none, shape: [{ at: '', message: 'a rule set is a JSON object' }], meaning: none };
  const structure = new Structure();
  structure.walk(doc, '', 0);
  if (structure.limits.length || structure.keys.length) return { limits: structure.limits, shape: structure.keys, meaning: none };
  const ck = new ShapeChecker();
  ck.document(doc, ruleSetLimits.maxGuidelines);
  if (ck.shape.length) return { limits: none, shape: ck.shape, meaning: ck.meaning };
  const rules = doc as unknown as RuleSet;
  const criteria = [...rules.guidelines, ...rules.policies].reduce((n, g) => n + g.criteria.length, 0);
  if (criteria > ruleSetLimits.maxCriteria) return { limits: [{ at: '', message: `${criteria} criteria in all; the limit is ${ruleSetLimits.maxCriteria}` }], shape: none, meaning: none };
  const revision = ruleSetRevision(rules);
  const meaning = [...ck.meaning];
  if (rules.revision !== undefined && rules.revision !== revision) meaning.push({ at: 'revision', message: `is not the content's (${revision}): the rule set was changed after it was compiled` });
  return { limits: none, shape: none, meaning, revision };
}

/** Rule sets loadRuleSet has passed, by identity, with their revisions. */
const checked = new WeakMap<object, string>();

/**
 * The rule set, once loadRuleSet has passed it: every evaluator calls this first, so a rule set built
 * or changed in code is held to the same checks as one read from a file (once per object, which
 * loadRuleSet then freezes). Throws RuleSetError.
 */
export function checkedRuleSet(rules: RuleSet): RuleSet {
  return checked.has(rules) ? rules : loadRuleSet(rules);
}

/** The revision of a rule set loadRuleSet has passed: the one it carries, or the one worked out for it. */
export function revisionOf(rules: RuleSet): string {
  const r = checked.get(checkedRuleSet(rules));
  if (r === undefined) throw new Error('a checked rule set without a revision');
  return r;
}

/**
 * Validates a compiled rule set (a JSON string or its parsed value) and returns it typed, frozen.
 * Throws RuleSetError naming every problem found (up to 100).
 */
export function loadRuleSet(input: unknown): RuleSet {
  let doc = input;
  if (typeof input === 'string') {
    if (input.length > ruleSetLimits.maxBytes) throw new RuleSetError([{ at: '', message: `the document is ${input.length} characters; the limit is ${ruleSetLimits.maxBytes}` }]);
    try {
      doc = JSON.parse(input);
    } catch (e) {
      throw new RuleSetError([{ at: '', message: `not JSON: ${(e as Error).message}` }]);
    }
  }
  const found = inspectRuleSet(doc);
  const issues = [...found.limits, ...found.shape, ...found.meaning];
  if (issues.length || found.revision === undefined) throw new RuleSetError(issues.length ? issues : [{ at: '', message: 'no revision could be worked out' }]);
  // Checked once, by identity: a change made after would go unchecked (and its revision unchanged),
  // so the rule set is frozen, and a change is a TypeError where it is made.
  deepFreeze(doc);
  checked.set(doc as object, found.revision);
  return doc as RuleSet;
}

/**
 * Freezes a JSON value's objects and arrays, all the way down (the shape check has bounded its depth
 * and its count). One already frozen is walked too: it may have been frozen at its top only.
 */
function deepFreeze(v: unknown): void {
  if (v === null || typeof v !== 'object') return;
  Object.freeze(v);
  for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
}
