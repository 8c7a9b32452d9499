// Loads a compiled rule set from untrusted JSON: checks its shape, operators and size before any
// of it reaches an engine. Nothing in a rule set is ever executed as code; this makes sure nothing
// in one can reach for a prototype, a jsonpath, or an operator we do not know.
import { ARTIFACT_FORMAT, ARTIFACT_VERSION, type RuleSet } from '@guideline/language';
import { builtinOperators, operators } from './operators.ts';
import { showValue } from './validate.ts';

export const ruleSetLimits = { maxBytes: 50_000_000, maxDepth: 64, maxRules: 20_000, maxGuidelines: 2_000 };

export interface RuleSetIssue {
  /** Where in the document: `guidelines[2].rules[0].conditions.all[1]`. */
  at: string;
  message: string;
}

export class RuleSetError extends Error {
  constructor(readonly issues: RuleSetIssue[]) {
    super(`Invalid rule set: ${issues.slice(0, 5).map((i) => `${i.at || 'document'}: ${i.message}`).join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`);
    this.name = 'RuleSetError';
  }
}

const known = new Set<string>([...builtinOperators, ...Object.keys(operators)]);
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly issues: RuleSetIssue[] = [];
  add(at: string, message: string): void {
    if (this.issues.length < 100) this.issues.push({ at, message });
  }

  /** Depth and forbidden keys, over the whole document. */
  structure(v: unknown, at: string, depth: number): void {
    if (depth > ruleSetLimits.maxDepth) return this.add(at, `nested more than ${ruleSetLimits.maxDepth} deep`);
    if (Array.isArray(v)) v.forEach((x, i) => this.structure(x, `${at}[${i}]`, depth + 1));
    else if (isObj(v)) {
      for (const k of Object.keys(v)) {
        if (forbiddenKeys.has(k)) this.add(`${at}.${k}`, `the key '${k}' is not allowed`);
        else this.structure(v[k], at ? `${at}.${k}` : k, depth + 1);
      }
    }
  }

  calc(e: unknown, at: string): void {
    if (!isObj(e)) return this.add(at, 'a calc expression must be an object');
    if ('fact' in e) {
      if (typeof e['fact'] !== 'string') this.add(at, 'fact must be a string');
    } else if ('const' in e) {
      if (typeof e['const'] !== 'number' && typeof e['const'] !== 'string') this.add(at, 'const must be a number or a string');
    } else if ('elapsed' in e) {
      if (typeof e['elapsed'] !== 'string' || !['days', 'weeks', 'months', 'years'].includes(e['unit'] as string)) this.add(at, 'elapsed needs a date fact and a unit');
    } else if ('op' in e) {
      if (!['+', '-', '*', '/'].includes(e['op'] as string)) this.add(at, `unknown arithmetic '${String(e['op'])}'`);
      const args = e['args'];
      if (!Array.isArray(args) || args.length !== 2) this.add(at, 'op needs two args');
      else args.forEach((a, i) => this.calc(a, `${at}.args[${i}]`));
    } else this.add(at, 'not a calc expression');
  }

  factRef(ref: Obj, at: string): void {
    if (typeof ref['fact'] !== 'string') this.add(at, 'fact must be a string');
    if ('path' in ref) this.add(`${at}.path`, 'jsonpath expressions are not allowed; facts are flat ids');
    if (ref['fact'] === 'calc') this.calc((ref['params'] as Obj | undefined)?.['expr'], `${at}.params.expr`);
  }

  /** A condition tree; returns its number of leaves. */
  condition(c: unknown, at: string): number {
    if (!isObj(c)) {
      this.add(at, 'a condition must be an object');
      return 0;
    }
    if ('path' in c && !('fact' in c)) this.add(`${at}.path`, 'jsonpath expressions are not allowed; facts are flat ids');
    for (const key of ['all', 'any'] as const) {
      if (key in c) {
        const parts = c[key];
        if (!Array.isArray(parts)) {
          this.add(`${at}.${key}`, 'must be an array');
          return 0;
        }
        return parts.reduce((n: number, p, i) => n + this.condition(p, `${at}.${key}[${i}]`), 0);
      }
    }
    if ('not' in c) return this.condition(c['not'], `${at}.not`);
    if (typeof c['operator'] !== 'string' || !known.has(c['operator'])) this.add(`${at}.operator`, `unknown operator '${String(c['operator'])}'`);
    if (!('value' in c)) this.add(at, 'a leaf condition needs a value');
    this.factRef(c, at);
    const v = c['value'];
    if (isObj(v) && 'fact' in v) this.factRef(v, `${at}.value`);
    return 1;
  }
}

/**
 * Validates a compiled rule set (a JSON string or its parsed value) and returns it typed.
 * Throws RuleSetError naming every problem found (up to 100).
 */
export function loadRuleSet(input: unknown): RuleSet {
  const ck = new Checker();
  let doc = input;
  if (typeof input === 'string') {
    if (input.length > ruleSetLimits.maxBytes) throw new RuleSetError([{ at: '', message: `the document is ${input.length} characters; the limit is ${ruleSetLimits.maxBytes}` }]);
    try {
      doc = JSON.parse(input);
    } catch (e) {
      throw new RuleSetError([{ at: '', message: `not JSON: ${(e as Error).message}` }]);
    }
  }
  if (!isObj(doc)) throw new RuleSetError([{ at: '', message: 'a rule set is a JSON object' }]);
  ck.structure(doc, '', 0);
  if (ck.issues.length) throw new RuleSetError(ck.issues);
  if (doc['format'] !== ARTIFACT_FORMAT) ck.add('format', `expected '${ARTIFACT_FORMAT}'`);
  if (doc['version'] !== ARTIFACT_VERSION) ck.add('version', `this runtime reads version ${ARTIFACT_VERSION}, not ${showValue(doc['version'])}`);
  const guidelines = doc['guidelines'];
  const policies = doc['policies'];
  if (!Array.isArray(guidelines)) ck.add('guidelines', 'must be an array');
  if (!Array.isArray(policies)) ck.add('policies', 'must be an array');
  if (ck.issues.length) throw new RuleSetError(ck.issues);
  if ((guidelines as unknown[]).length > ruleSetLimits.maxGuidelines) ck.add('guidelines', `more than ${ruleSetLimits.maxGuidelines} guidelines`);
  let rules = 0;
  (guidelines as unknown[]).forEach((g, gi) => {
    const at = `guidelines[${gi}]`;
    if (!isObj(g) || typeof g['id'] !== 'string' || !Array.isArray(g['rules']) || !Array.isArray(g['criteria'])) return ck.add(at, 'needs an id, rules and criteria');
    const byName = new Map<string, Obj>();
    (g['rules'] as unknown[]).forEach((r, ri) => {
      rules++;
      if (!isObj(r) || typeof r['name'] !== 'string') return ck.add(`${at}.rules[${ri}]`, 'a rule needs a name');
      byName.set(r['name'], r);
      ck.condition(r['conditions'], `${at}.rules[${ri}].conditions`);
    });
    const leavesOf = (rule: unknown, leaves: unknown, where: string): void => {
      const r = byName.get(String(rule));
      if (!r) return ck.add(where, `names the rule '${String(rule)}', which the guideline does not have`);
      const n = new Checker().condition(r['conditions'], '');
      if (!Array.isArray(leaves) || leaves.length !== n) ck.add(where, `lists ${Array.isArray(leaves) ? leaves.length : 0} leaves for a rule with ${n}`);
    };
    leavesOf(g['applicabilityRule'], g['applicabilityLeaves'], `${at}.applicabilityRule`);
    (g['criteria'] as unknown[]).forEach((c, ci) => {
      if (!isObj(c)) return ck.add(`${at}.criteria[${ci}]`, 'must be an object');
      leavesOf(c['rule'], c['leaves'], `${at}.criteria[${ci}]`);
      if (c['certify'] !== undefined) ck.calc(c['certify'], `${at}.criteria[${ci}].certify`);
      (Array.isArray(c['placeholders']) ? c['placeholders'] : []).forEach((p: unknown, pi: number) => ck.calc(isObj(p) ? p['expr'] : undefined, `${at}.criteria[${ci}].placeholders[${pi}].expr`));
    });
  });
  if (rules > ruleSetLimits.maxRules) ck.add('guidelines', `${rules} rules; the limit is ${ruleSetLimits.maxRules}`);
  (policies as unknown[]).forEach((p, pi) => {
    if (!isObj(p) || typeof p['jurisdiction'] !== 'string' || !Array.isArray(p['steps'])) ck.add(`policies[${pi}]`, 'needs a jurisdiction and steps');
  });
  if (ck.issues.length) throw new RuleSetError(ck.issues);
  return doc as unknown as RuleSet;
}
