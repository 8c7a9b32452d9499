// Guideline texts whose deepest condition or value nests exactly `n` operations deep (operators,
// `not`s and parentheses, as limits.maxExpressionDepth counts them), in each way the language
// allows, for testing the nesting limit (P207) at and just past it.
import type { Range } from '../../src/diagnostics.ts';
import { markers } from './markers.ts';

const header = 'guideline a.b title "T" source "S", pages 1 covers physical-therapy uses physical-medicine\n';
const criterion = (clauses: string): string => `${header}criterion c "C" ${clauses}\n`;
const sum = (terms: number): string => Array(terms).fill('completed visits').join(' + ');

/**
 * [name, text, range]: past the limit, the range is where P207 stands, the `n`th operation (the
 * whole placeholder, in a rationale). Each row needs n > 97.
 */
export function deepExpressions(n: number): [string, string, Range][] {
  const rows: [string, string][] = [
    ["a run of 'not'", criterion(`require ${'not '.repeat(n - 1)}<|not|> completed visits > 0 otherwise "x"`)],
    ['a sum', criterion(`require ${sum(n)} <|+|> completed visits > 0 otherwise "x"`)],
    ['a product', criterion(`require completed visits${' * 2'.repeat(n - 1)} <|*|> 2 > 0 otherwise "x"`)],
    ['a sum in a rationale', criterion(`require completed visits > 0 otherwise "{<|${sum(n + 1)}|>}"`)],
    ['a sum to certify', criterion(`require completed visits > 0 certify at most ${sum(n)} <|+|> completed visits otherwise "x"`)],
    ["'not's in parentheses 48 deep", criterion(`require ${'not ('.repeat(48)}${'not '.repeat(n - 97)}<|not|> completed visits > 0${')'.repeat(48)} otherwise "x"`)],
    ["'not's over a comparison with a sum on its right", criterion(`require ${'not '.repeat(50)}completed visits > ${sum(n - 50)} <|+|> completed visits otherwise "x"`)],
  ];
  return rows.map(([name, marked]) => {
    const { text, ranges } = markers(marked);
    return [name, text, ranges[0]!];
  });
}
