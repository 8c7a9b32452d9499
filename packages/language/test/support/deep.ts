// Guideline texts whose deepest condition or value nests exactly `n` levels (parentheses aside), in
// each way the language allows, for testing the nesting limit (P207) at and just past it.
const header = 'guideline a.b title "T" source "S", pages 1 covers physical-therapy\n';
const criterion = (clauses: string): string => `${header}criterion c "C" ${clauses}\n`;
const sum = (terms: number): string => Array(terms).fill('completed visits').join(' + ');

/**
 * [name, text, where the deepest operand begins]: past the limit, that operand is the first node
 * too deep (each chain nests leftwards, and 'not' inwards, down to it).
 */
export function deepExpressions(n: number): [string, string, number][] {
  const rows: [string, string][] = [
    ["a run of 'not'", criterion(`require ${'not '.repeat(n - 2)}completed visits > 0 otherwise "x"`)],
    ['a sum', criterion(`require ${sum(n - 1)} > 0 otherwise "x"`)],
    ['a product', criterion(`require completed visits${' * 2'.repeat(n - 2)} > 0 otherwise "x"`)],
    ['a sum in a rationale', criterion(`require completed visits > 0 otherwise "{${sum(n)}}"`)],
    ['a sum to certify', criterion(`require completed visits > 0 certify at most ${sum(n)} otherwise "x"`)],
    ["'not's in parentheses 48 deep", criterion(`require ${'not not ('.repeat(48)}${'not '.repeat(n - 98)}completed visits > 0${')'.repeat(48)} otherwise "x"`)],
  ];
  return rows.map(([name, text]) => [name, text, deepestOperand(name, text)]);
}

function deepestOperand(name: string, text: string): number {
  const clause = name.includes('rationale') ? text.indexOf('"{') : name.includes('certify') ? text.indexOf('most') : text.indexOf('require');
  return text.indexOf('completed visits', clause);
}
