// Loads a compiled rule set from untrusted JSON, checking all of it before any engine sees it: its
// size and depth, then the whole document against the rule-set JSON Schema (schema/rule-set.schema.json,
// compiled at build time), then what a schema cannot say (conditions counted, names that must refer
// to something). Nothing in a rule set is ever executed as code; a rule set that loads evaluates
// the same on every evaluator, and one that does not is refused with each problem's JSON path.
import { ARTIFACT_FORMAT, ARTIFACT_VERSION, type RuleSet } from '@guideline/language';
import { validate as validateSchema } from './rule-set-schema.generated.ts';
import { decisive, schemaIssue, showValue, type SchemaError } from './schema-errors.ts';

/**
 * Limits on a rule set beyond the schema's own (maxItems, maxLength: schema/rule-set.schema.json).
 * Together they bound what one case can cost: docs/limits.md.
 */
export const ruleSetLimits = {
  /** Characters of JSON text. */
  maxBytes: 20_000_000,
  /** Nesting of objects and arrays; the compiler's deepest output (expressions at its limit) is about 215. */
  maxDepth: 256,
  maxGuidelines: 2_000,
  maxRules: 20_000,
  /** Condition objects (all, any, not and leaves) in one rule, in one guideline, and in the whole rule set. */
  maxConditionsPerRule: 1_000,
  maxConditionsPerGuideline: 5_000,
  maxConditions: 100_000,
};

export interface RuleSetIssue {
  /** Where in the document: `guidelines[2].rules[0].conditions.all[1]` ('' for the document). */
  at: string;
  message: string;
}

export class RuleSetError extends Error {
  constructor(readonly issues: RuleSetIssue[]) {
    super(`Invalid rule set: ${issues.slice(0, 5).map((i) => `${i.at || 'document'}: ${i.message}`).join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`);
    this.name = 'RuleSetError';
  }
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Which of its four shapes a condition has, as every evaluator reads it: all, any, not, or a leaf.
 * A node with two (json-rules-engine would run its any, a reader that looks for all first its all),
 * or whose all, any or not is not a list or a condition, is refused: a rule set handed to an
 * evaluator without loadRuleSet gets the same answer about its shape as one that was loaded.
 */
export function conditionShape(c: Record<string, unknown>): 'all' | 'any' | 'not' | 'leaf' {
  const has = (k: string): boolean => Object.hasOwn(c, k);
  const keys = (['all', 'any', 'not'] as const).filter(has);
  if (keys.length === 0) return 'leaf';
  const key = keys[0]!;
  const ok = keys.length === 1 && !has('fact') && !has('operator') && !has('value') && (key === 'not' ? isObj(c[key]) : Array.isArray(c[key]));
  if (!ok) throw new RuleSetError([{ at: String(c['name'] ?? ''), message: 'a condition is exactly one of all (a list), any (a list), not (a condition) or a leaf' }]);
  return key;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly issues: RuleSetIssue[] = [];
  add(at: string, message: string): void {
    if (this.issues.length < 100) this.issues.push({ at, message });
  }

  /**
   * Depth and forbidden keys, over the whole document, before the schema's validator (which
   * recurses once per level) sees it. A loop over an explicit stack: any depth is safe to refuse.
   */
  structure(doc: unknown): void {
    const stack: [unknown, string, number][] = [[doc, '', 0]];
    while (stack.length && this.issues.length < 100) {
      const [v, at, depth] = stack.pop()!;
      if (depth > ruleSetLimits.maxDepth) {
        this.add(at, `nested more than ${ruleSetLimits.maxDepth} deep`);
        continue;
      }
      if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${at}[${i}]`, depth + 1]);
      else if (isObj(v)) {
        for (const k of Object.keys(v).reverse()) {
          if (forbiddenKeys.has(k)) this.add(at ? `${at}.${k}` : k, `the key '${k}' is not allowed`);
          else stack.push([v[k], at ? `${at}.${k}` : k, depth + 1]);
        }
      }
    }
  }

  /** How many condition objects a tree has, and how many of them are leaves (the schema has checked its shape). */
  measure(c: Obj): { conditions: number; leaves: number } {
    let conditions = 0;
    let leaves = 0;
    const stack: Obj[] = [c];
    while (stack.length) {
      const x = stack.pop()!;
      conditions++;
      if (Array.isArray(x['all'])) stack.push(...(x['all'] as Obj[]));
      else if (Array.isArray(x['any'])) stack.push(...(x['any'] as Obj[]));
      else if (isObj(x['not'])) stack.push(x['not']);
      else leaves++;
    }
    return { conditions, leaves };
  }

  /** What the schema cannot say about one guideline (which it has checked). */
  guideline(g: CompiledGuidelineJson, at: string): number {
    const rules = new Map<string, { rule: RuleJson; index: number }>();
    let conditions = 0;
    g.rules.forEach((rule, i) => {
      const where = `${at}.rules[${i}]`;
      if (rules.has(rule.name)) this.add(`${where}.name`, `a second rule named '${rule.name}'`);
      rules.set(rule.name, { rule, index: i });
      const n = this.measure(rule.conditions).conditions;
      if (n > ruleSetLimits.maxConditionsPerRule) this.add(`${where}.conditions`, `${n} conditions; the limit is ${ruleSetLimits.maxConditionsPerRule} in a rule`);
      conditions += n;
    });
    if (conditions > ruleSetLimits.maxConditionsPerGuideline) this.add(`${at}.rules`, `${conditions} conditions; the limit is ${ruleSetLimits.maxConditionsPerGuideline} in a guideline`);
    const named = new Set<string>();
    const refer = (name: string, leaves: unknown[], where: string, criterion: boolean): void => {
      const found = rules.get(name);
      if (!found) return this.add(where, `names the rule '${name}', which the guideline does not have`);
      named.add(name);
      const n = this.measure(found.rule.conditions).leaves;
      if (leaves.length !== n) this.add(where, `lists ${leaves.length} leaves for a rule with ${n}`);
      // The evaluators read a criterion's rule as its two halves, 'only when' and 'require'.
      const parts = found.rule.conditions['all'];
      if (criterion && (!Array.isArray(parts) || parts.length !== 2)) this.add(`${at}.rules[${found.index}].conditions`, "a criterion's rule is all of two parts, 'only when' and 'require'");
    };
    refer(g.applicabilityRule, g.applicabilityLeaves, `${at}.applicabilityRule`, false);
    g.criteria.forEach((c, i) => refer(c.rule, c.leaves, `${at}.criteria[${i}].rule`, true));
    g.rules.forEach((rule, i) => {
      if (!named.has(rule.name)) this.add(`${at}.rules[${i}]`, `no criterion names the rule '${rule.name}'`);
    });
    const classes = new Set(g.classes.map((c) => c.id));
    g.recommendations.forEach((r, i) => {
      if (!classes.has(r.class)) this.add(`${at}.recommendations[${i}].class`, `names the class '${r.class}', which the guideline does not have`);
    });
    return conditions;
  }
}

/** The parts of a compiled guideline the checks after the schema read (typed loosely: the schema has checked them). */
interface RuleJson {
  name: string;
  conditions: Obj;
}
interface CompiledGuidelineJson {
  rules: RuleJson[];
  applicabilityRule: string;
  applicabilityLeaves: unknown[];
  criteria: { rule: string; leaves: unknown[] }[];
  classes: { id: string }[];
  recommendations: { class: string }[];
}

/**
 * Validates a compiled rule set (a JSON string or its parsed value) and returns it typed.
 * Throws RuleSetError naming the problems found (the schema's first, or up to 100 others).
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
  // The two fields that say what the document is, first: a later version fails the schema anyway.
  if (doc['format'] !== ARTIFACT_FORMAT) ck.add('format', `expected '${ARTIFACT_FORMAT}'`);
  else if (doc['version'] !== ARTIFACT_VERSION) ck.add('version', `this runtime reads version ${ARTIFACT_VERSION}, not ${showValue(doc['version'])}`);
  if (ck.issues.length) throw new RuleSetError(ck.issues);
  ck.structure(doc);
  if (ck.issues.length) throw new RuleSetError(ck.issues);
  if (!validateSchema(doc)) {
    const e = decisive((validateSchema as { errors?: SchemaError[] }).errors ?? []);
    throw new RuleSetError([e ? schemaIssue(e, doc) : { at: '', message: 'does not follow the rule-set schema' }]);
  }
  const guidelines = doc['guidelines'] as CompiledGuidelineJson[];
  let conditions = 0;
  let rules = 0;
  guidelines.forEach((g, i) => {
    conditions += ck.guideline(g, `guidelines[${i}]`);
    rules += g.rules.length;
  });
  if (rules > ruleSetLimits.maxRules) ck.add('guidelines', `${rules} rules; the limit is ${ruleSetLimits.maxRules}`);
  if (conditions > ruleSetLimits.maxConditions) ck.add('guidelines', `${conditions} conditions; the limit is ${ruleSetLimits.maxConditions}`);
  if (ck.issues.length) throw new RuleSetError(ck.issues);
  return doc as unknown as RuleSet;
}
