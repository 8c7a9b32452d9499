// What a condition or a value reads: a walk that reports every fact and every table it reads. The
// compiler finds a rule set's reads with it (compile/facts.ts); it reaches nothing but the IR's
// types, so the runtime and the analysis use it too (through the parser-free rules entry).
import type { Cond, Value } from './ir.ts';

/** What a walk reports: each fact id and each table id read. */
export interface Reads {
  fact(id: string): void;
  lookup(id: string): void;
}

export function valueReads(v: Value, r: Reads): void {
  if ('fact' in v) r.fact(v.fact);
  else if ('op' in v) for (const a of v.args) valueReads(a, r);
  else if ('round' in v) valueReads(v.arg, r);
  else if ('since' in v) {
    valueReads(v.since, r);
    if (v.to) valueReads(v.to, r);
  }
  else if ('count' in v) {
    r.fact(v.count);
    if (v.where) condReads(v.where, r);
  } else if ('sum' in v) {
    r.fact(v.over);
    valueReads(v.sum, r);
    if (v.where) condReads(v.where, r);
  } else if ('lookup' in v) r.lookup(v.lookup);
}

export function condReads(c: Cond, r: Reads): void {
  if ('all' in c) for (const x of c.all) condReads(x, r);
  else if ('any' in c) for (const x of c.any) condReads(x, r);
  else if ('not' in c) condReads(c.not, r);
  else if ('cmp' in c) (valueReads(c.left, r), valueReads(c.right, r));
  else if ('is' in c) valueReads(c.is, r);
  else if ('known' in c) valueReads(c.known, r);
  else if ('recorded' in c) valueReads(c.recorded, r);
  else if ('includes' in c) valueReads(c.includes, r);
  else if ('empty' in c) valueReads(c.empty, r);
  else if ('within' in c) (valueReads(c.within, r), valueReads(c.window, r));
  else if ('code' in c) valueReads(c.code, r);
  else if ('quantifier' in c) {
    r.fact(c.over);
    if ('by' in c) valueReads(c.by, r);
    condReads(c.where, r);
  }
}
