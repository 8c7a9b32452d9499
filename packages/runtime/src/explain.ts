// A criterion in words: its text for the status it reached (the guideline's own, or a plain default),
// the case's values in the placeholders (an unknown one reading grammatically), what each condition
// found ("completed visits 24 + requested visits 8 = 32, more than recommended visits 10"), and the
// missing facts in the vocabulary's words.
import type { CompiledCriterion, FactDef, Leaf, Template, Texts, UnitWords, Value } from '@guideline/language/rules';
import type { Evaluated } from './criteria.ts';
import type { LeafRecord, Plan, Run } from './plan.ts';
import type { CriterionStatus, PartResult, TraceEntry } from './types.ts';
import { Unknown, type Val } from './values.ts';

/** A value for a reader: numbers whole or to one decimal, lists joined, unknown as "unknown". */
export function show(v: Val | undefined): string {
  if (v === undefined || v instanceof Unknown) return 'unknown';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 10) / 10);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.length ? v.map((x) => show(x as Val)).join(', ') : 'none';
  if (typeof v === 'object') return 'documented';
  return String(v);
}

/**
 * A template's text with the values of its placeholders. A value in a unit is worded by its unit, as
 * the rule set gives it (whatever the author wrote after the placeholder): "1 level", "2 levels", and
 * unknown "an unknown number of levels", "an unknown percentage", "an unknown amount in mg a day",
 * the unit's words the author wrote after it taken into the wording. An unknown value without a unit
 * reads "an unknown number of" the words that follow.
 */
export function fill(t: Template, run: Run): string {
  let out = '';
  const parts = splitTemplate(t);
  /** How much of the next text the last placeholder took (the unit's words written after it). */
  let taken = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (typeof part === 'string') {
      out += taken ? part.slice(taken) : part;
      taken = 0;
    } else {
      const p = t.placeholders[part];
      if (!p) continue;
      const v = run.plan.value(p.value)(run);
      const unit = p.unit;
      const next = parts[i + 1];
      const written = unit && typeof next === 'string' ? unitWritten(next, unit) : undefined;
      if (unit && written && !(v instanceof Unknown)) {
        // The unit as the number reads it ("1 level", not "1 levels"); another word of it as written.
        const word = written.word === unit.one || written.word === unit.other ? (v === 1 ? unit.one : unit.other) : written.word;
        out += `${show(v)}${written.space}${word}`;
        taken = written.length;
      } else if (unit && v instanceof Unknown && (written || !unit.unknown.startsWith('an unknown number of '))) {
        // "the {pain relief} percent" reads "an unknown percentage"; a count keeps the word written ("an unknown number of sessions").
        const count = unit.unknown === `an unknown number of ${unit.other}` && written && written.word !== unit.one;
        out = withArticle(out, count ? `an unknown number of ${written.word}` : unit.unknown);
        if (written) taken = written.length;
      } else if (v instanceof Unknown) {
        // "the {completed visits} visits" reads "an unknown number of visits", not "the an unknown ...".
        const article = /\b(the|The|a|A)\s+$/.exec(out);
        if (article) out = out.slice(0, article.index) + (article[1]![0] === article[1]![0]!.toUpperCase() ? 'An unknown number of ' : 'an unknown number of ');
        // (At the start of a sentence, with a capital.)
        else out += /(^|[.!?]\s+)$/.test(out) ? 'An unknown number of ' : 'an unknown number of ';
        out = out.replace(/of $/, 'of ');
      } else out += show(v);
    }
  }
  // "an unknown number of " before a word that is not a noun (a verb, an adverb) drops its "of".
  return out.replace(/an unknown number of (already|previously|who|that|were|was|is|are)\b/g, 'an unknown number $1').replace(/ {2,}/g, ' ').replace(/ ?of\s+([,.;])/g, '$1');
}

/** `words` ("an unknown ...") after the text so far: in place of an article before it, with a capital where a sentence starts. */
function withArticle(out: string, words: string): string {
  const article = /\b(the|The|a|A)\s+$/.exec(out);
  const capital = article ? article[1]![0] === article[1]![0]!.toUpperCase() : /(^|[.!?]\s+)$/.test(out);
  return (article ? out.slice(0, article.index) : out) + (capital ? words[0]!.toUpperCase() + words.slice(1) : words);
}

/** The unit's words an author wrote right after a placeholder ("{pain relief} percent", "{x}%"), if any. */
function unitWritten(text: string, unit: UnitWords): { space: string; word: string; length: number } | undefined {
  const m = /^[ \t]*/.exec(text)!;
  const rest = text.slice(m[0].length);
  for (const w of longestFirst(unit)) {
    if (!rest.startsWith(w)) continue;
    // A whole word: `levels`, not the start of `levelsome`; `%` is one as it is.
    if (/[A-Za-z0-9]$/.test(w) && /^[A-Za-z0-9-]/.test(rest.slice(w.length))) continue;
    return { space: m[0] || (w === '%' ? '' : ' '), word: w, length: m[0].length + w.length };
  }
  return undefined;
}

/** A unit's words, the longest first (`sessions` before `session`), sorted once a rule set's unit. */
const unitWordLists = new WeakMap<UnitWords, readonly string[]>();
function longestFirst(unit: UnitWords): readonly string[] {
  let words = unitWordLists.get(unit);
  if (!words) unitWordLists.set(unit, (words = [unit.other, unit.one, ...(unit.also ?? [])].sort((a, b) => b.length - a.length)));
  return words;
}

const templates = new WeakMap<Template, (string | number)[]>();
function splitTemplate(t: Template): (string | number)[] {
  let parts = templates.get(t);
  if (!parts) templates.set(t, (parts = t.text.split(/\{(\d+)\}/).map((part, i) => (i % 2 ? Number(part) : part))));
  return parts;
}

/** What leaves a criterion (or part) unknown: the facts the records leave out, in words, and what no fact would settle (ties). */
export interface Unsettled {
  missing: string[];
  ties: string[];
}

/** The text of a criterion (or part) for a status: the guideline's own, or a default in plain words. */
export function textFor(status: CriterionStatus | 'met' | 'not-met' | 'unknown', texts: Texts, title: string, run: Run, unsettled: () => Unsettled): string {
  switch (status) {
    case 'met': return texts.met ? fill(texts.met, run) : `Met: ${title}.`;
    case 'not-met': return texts.notMet ? fill(texts.notMet, run) : `Not met: ${title}.`;
    case 'not-applicable': return 'Not applicable to this request.';
    case 'needs-review': return texts.unknown ? fill(texts.unknown, run) : `${title}: a physician reviewer must judge this from the records.`;
    default: {
      if (texts.unknown) return fill(texts.unknown, run);
      const { missing: m, ties } = unsettled();
      const why = [...(m.length ? [`the records do not document ${listWords(m)}`] : []), ...ties];
      return why.length ? `${title}: cannot be determined, because ${why.join('; ')}.` : `${title}: cannot be determined from the records.`;
    }
  }
}

/** Items joined as in prose: "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The parts of a group, in words. */
export function partResults(c: CompiledCriterion, parts: Evaluated['parts'], run: Run, missing: (part: number) => Unsettled): PartResult[] {
  return (c.group?.parts ?? []).map((p, i) => {
    const r = parts?.[i];
    const status = r === true ? 'met' : r === false ? 'not-met' : 'unknown';
    return { id: p.id, title: p.title, status, rationale: textFor(status, p.texts, p.title, run, () => missing(i)) };
  });
}

const relation: Record<string, [string, string]> = {
  '<=': ['at most', 'more than'],
  '<': ['less than', 'not less than'],
  '>=': ['at least', 'less than'],
  '>': ['more than', 'at most'],
  '=': ['equal to', 'not equal to'],
  '!=': ['not equal to', 'equal to'],
};

/** A value of a one-of fact in words: its dashes as spaces ("not-documented" reads "not documented"). */
export const enumWords = (value: string): string => value.replace(/-/g, ' ');

/** Describes values in the guideline's words, with each fact's value: "completed visits 24 + requested visits 8". */
export class Describer {
  constructor(private readonly plan: Plan) {}

  /** Whether a value is a one-of fact's (or a list of them): its values read in words. */
  isOneOf(v: Value): boolean {
    if (!('fact' in v)) return false;
    const type = this.plan.def(v.fact)?.type;
    return type?.kind === 'enum' || (type?.kind === 'list' && type.of.kind === 'enum');
  }

  /** The literals a condition names about a value: in words when they are a one-of fact's values. */
  literals(v: Value, values: readonly (string | number | boolean)[]): string {
    return values.map((x) => (typeof x === 'string' && this.isOneOf(v) ? enumWords(x) : show(x))).join(', ');
  }

  /** A value's expression with its facts' values, and its own value after `=` when it is computed. */
  value(v: Value, run: Run): string {
    const inner = this.expr(v, run);
    if ('fact' in v || 'const' in v || 'lookup' in v) return inner;
    return `${inner} = ${show(this.plan.value(v)(run))}`;
  }

  private expr(v: Value, run: Run): string {
    if ('fact' in v) {
      const def = this.plan.def(v.fact);
      const shown = show(this.plan.value(v)(run));
      return `${def?.words ?? v.fact} ${this.isOneOf(v) ? enumWords(shown) : shown}`;
    }
    if ('const' in v) return show(v.const);
    if ('op' in v) return `${this.expr(v.args[0], run)} ${v.op} ${this.expr(v.args[1], run)}`;
    if ('round' in v) return `${this.expr(v.arg, run)}, rounded ${v.round}`;
    if ('since' in v) return v.to ? `${v.unit} from ${this.expr(v.since, run)} to ${this.expr(v.to, run)}` : `${v.unit} since ${this.expr(v.since, run)}`;
    if ('count' in v) return `count of ${this.plan.def(v.count)?.words ?? v.count}`;
    if ('sum' in v) return `sum over ${this.plan.def(v.over)?.words ?? v.over}`;
    if ('lookup' in v) {
      const words = this.plan.table(v.lookup)?.columns.find((c) => c.id === v.column)?.words ?? v.column;
      return `${words} ${show(this.plan.value(v)(run))}`;
    }
    return 'a value';
  }
}

/** A fact in the vocabulary's words, with its case field in parentheses: "completed visits (history.visitsCompleted)". */
export function factWords(def: FactDef | undefined, id: string): string {
  if (!def) return id;
  const field = def.field ?? def.inputs[0];
  return field && field !== def.words ? `${def.words} (${field})` : def.words;
}

/**
 * A case field in the words of the fact that reads it, with the field in parentheses ("completed
 * visits (history.visitsCompleted)"), as a rationale names what is missing; the field alone when no
 * fact of the rule set reads it.
 */
export function fieldWords(facts: readonly FactDef[], field: string): string {
  const def = facts.find((f) => f.field === field) ?? facts.find((f) => f.inputs.includes(field));
  return def ? factWords(def.field === field ? def : { ...def, field }, field) : field;
}

/** A trace entry for an evaluated leaf. */
export function traceEntry(rec: LeafRecord, leafIR: LeafIR, plan: Plan, run: Run, d: Describer): TraceEntry {
  const info = plan.leaves[rec.leaf]!;
  const base = { condition: info.text, line: info.source.line, file: info.source.file, result: rec.result };
  const [x, y] = rec.values;
  if ('cmp' in leafIR) {
    const left = d.value(leafIR.left, run);
    const right = d.value(leafIR.right, run);
    const words = relation[leafIR.cmp]!;
    const bounds = boundsNote(x, y);
    const says = rec.result === null ? `${left}, ${right}: not decided` : `${left}, ${rec.result ? words[0] : words[1]} ${right}${bounds}`;
    return { fact: operandName(leafIR.left, plan, info.text), value: known(x), operator: leafIR.cmp, expected: known(y), ...base, says };
  }
  if ('is' in leafIR) {
    const subject = d.value(leafIR.is, run);
    const says = rec.result === null ? `${subject}: not documented` : `${subject}, ${rec.result ? 'one of' : 'not one of'} ${d.literals(leafIR.is, leafIR.values)}`;
    return { fact: operandName(leafIR.is, plan, info.text), value: known(x), operator: 'is', expected: leafIR.values, ...base, says };
  }
  if ('known' in leafIR) {
    const subject = d.value(leafIR.known, run);
    return { fact: operandName(leafIR.known, plan, info.text), value: known(x), operator: leafIR.yes ? 'is known' : 'is unknown', expected: null, ...base, says: `${subject}: ${x instanceof Unknown ? 'not documented' : 'documented'}` };
  }
  if ('recorded' in leafIR) {
    const subject = d.value(leafIR.recorded, run);
    return { fact: operandName(leafIR.recorded, plan, info.text), value: known(x), operator: 'is on file', expected: null, ...base, says: `${subject}: ${x instanceof Unknown ? 'not documented' : 'documented'}` };
  }
  if ('includes' in leafIR) {
    const subject = d.value(leafIR.includes, run);
    const says = rec.result === null ? `${subject}: not documented` : `${subject}, ${rec.result ? 'includes' : 'includes none of'} ${d.literals(leafIR.includes, leafIR.values)}`;
    return { fact: operandName(leafIR.includes, plan, info.text), value: known(x), operator: 'includes', expected: leafIR.values, ...base, says };
  }
  if ('within' in leafIR) {
    const since = d.value(leafIR.within, run);
    const window = d.value(leafIR.window, run);
    const says = rec.result === null ? `${since}: not decided` : `${since}, ${rec.result ? 'within' : 'not within'} ${window}${boundsNote(x, y)}`;
    return { fact: operandName(leafIR.within, plan, info.text), value: known(x), operator: 'within', expected: known(y), ...base, says };
  }
  if ('by' in leafIR) {
    const which = leafIR.quantifier;
    const tied = rec.values[2];
    const why = x instanceof Unknown ? 'the list is not documented' : typeof tied === 'number' && typeof y === 'string' ? tieWords(leafIR, plan, tied, y) : rec.result === null ? `items that may be the ${which} answer differently` : x === 0 ? 'the list has no items' : typeof y === 'string' ? `the ${which} item is of ${y}` : 'no item has a date, and each answers the same';
    const says = `${info.text}: ${rec.result === null ? 'not decided' : rec.result ? 'yes' : 'no'} (${why})`;
    return { fact: info.text, value: known(x), operator: which, expected: null, ...base, says };
  }
  const subject = 'empty' in leafIR ? d.value(leafIR.empty, run) : 'code' in leafIR ? d.value(leafIR.code, run) : info.text;
  const says = rec.result === null ? `${info.text}: not decided` : `${subject}: ${rec.result ? 'yes' : 'no'}`;
  return { fact: info.text, value: known(x), operator: 'quantifier' in leafIR ? leafIR.quantifier : 'empty' in leafIR ? 'is empty' : 'code', expected: null, ...base, says };
}

export type LeafIR = Leaf;

/**
 * A tie on the latest (earliest) date, in words: "2 relaxant prescriptions share the latest
 * prescription start, 2015-02-01, and the records do not say which is the latest".
 */
export function tieWords(leaf: Extract<Leaf, { by: unknown }>, plan: Plan, count: number, date: string): string {
  const which = leaf.quantifier;
  const list = plan.def(leaf.over)?.words ?? leaf.over;
  const by = 'fact' in leaf.by ? plan.def(leaf.by.fact)?.words ?? 'date' : 'date';
  return `${count} ${list} share the ${which} ${by}, ${date}, and the records do not say which is the ${which}`;
}

function known(v: Val | undefined): unknown {
  return v === undefined || v instanceof Unknown ? null : detached(v);
}

/**
 * A value as a trace may keep it: a list or a record of the case copied (through the lists and
 * records in it), so that a caller who changes its case afterwards changes no determination made
 * from it, and one who changes a determination changes no case.
 */
function detached(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(detached);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = detached((v as Record<string, unknown>)[k]);
  return out;
}

/** When bounds decided a comparison: which ("completed visits is at least 0"). */
function boundsNote(a: Val | undefined, b: Val | undefined): string {
  const why = [a, b].filter((v): v is Unknown => v instanceof Unknown && v.why !== undefined).map((v) => v.why);
  return why.length ? ` (not documented, but ${listWords(why as string[])})` : '';
}

/** The fact a leaf's operand reads (its case field), or the condition as written for a computed one. */
function operandName(v: Value, plan: Plan, text: string): string {
  if ('fact' in v) return plan.def(v.fact)?.field ?? v.fact;
  return text;
}
