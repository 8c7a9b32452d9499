// fast-check arbitraries for small programs in the language: two to four guidelines over a few
// physical-medicine facts (small constants, so a small grid of case values reaches every boundary),
// with diagnosis classes that share terms, recommendations, criteria, and one or two policies.
import fc from 'fast-check';

/**
 * Facts a program may use besides the visits and the state: at most two groups, so the grid stays
 * small. `code` (a code fact of a vocabulary of the program's own, matched with patterns) only when
 * asked for by name.
 */
export type Group = 'improvement' | 'review' | 'injury' | 'body' | 'diagnosis' | 'edition' | 'table' | 'code';
export const groups: readonly Group[] = ['improvement', 'review', 'injury', 'body', 'diagnosis', 'edition', 'table'];

/** The vocabulary of the `code` group: a code the request gives. */
const codeVocabulary = 'vocabulary gen-codes "Codes"\nfact billed code: code, from request.procedureCode\n  "The code billed."';

/** The patterns its conditions match the code with: exact codes, prefixes, ranges of CPT and ICD-10 codes that overlap. */
export const codeConditions = ['billed code is 29880', 'billed code is 29880, 29881-29883', 'billed code is S83.2*', 'billed code is S83.241A, M17.*', 'billed code is S83.20-S83.24', 'billed code is S83-S84', 'billed code is known', 'billed code is on file'];

/** A guideline's features: the fact groups of its program, and whether it declares classes. */
interface Shape {
  id: string;
  groups: readonly Group[];
  classes: boolean;
  edition: boolean;
  /** Whether it declares a table (keyed by the facts of its groups) and reads its column. */
  table: boolean;
}

const k = fc.integer({ min: 0, max: 3 });
const op = fc.constantFrom('<', '<=', '>', '>=', '=', '!=');

/** One condition over the facts the grid varies. */
const atom = (s: Shape): fc.Arbitrary<string> => {
  const options: fc.Arbitrary<string>[] = [
    fc.tuple(fc.constantFrom('completed visits', 'requested visits'), op, k).map(([f, o, c]) => `${f} ${o} ${c}`),
    fc.tuple(op, k).map(([o, c]) => `completed visits + requested visits ${o} ${c}`),
    fc.tuple(op, k).map(([o, c]) => `requested visits ${o} completed visits + ${c}`),
    fc.constantFrom('state is CA', 'completed visits is known', 'requested visits is unknown', 'completed visits is on file'),
  ];
  const has = (g: Group): boolean => s.groups.includes(g);
  if (has('improvement')) options.push(fc.constantFrom('functional improvement is documented', 'functional improvement is not documented', 'functional improvement is known', 'functional improvement is unknown', 'functional improvement is on file'));
  if (has('review')) options.push(fc.constantFrom('review is utilization', 'review is independent'));
  if (has('injury')) {
    options.push(
      fc.tuple(fc.constantFrom('>=', '<', '>'), fc.constantFrom('2010-01-01', '2009-12-31')).map(([o, d]) => `injury date ${o} ${d}`),
      fc.constantFrom('injury date is known', 'injury date is within 6 months', 'injury date is more than 2 months ago', 'injury date is less than 3 weeks ago', 'days since injury date > 10', 'injury date is within 1 years'),
      // Up to the date of service, when the case gives one (the review date otherwise).
      fc.constantFrom('months from injury date to request date <= 6', 'months from injury date to request date > 2', 'days from injury date to request date > 10'),
    );
  }
  if (has('body')) options.push(fc.constantFrom('body region is "knee"', 'body region is "neck"', 'body region is known', 'body region is "knee", "neck"'));
  if (has('code')) options.push(fc.constantFrom(...codeConditions));
  if (s.classes) {
    options.push(
      fc.constantFrom('diagnosis is myalgia', 'diagnosis is neuralgia', 'diagnosis is myalgia, neuralgia', 'diagnosis is known'),
      fc.tuple(op).map(([o]) => `completed visits ${o} recommended visits`),
      fc.tuple(op).map(([o]) => `completed visits + requested visits ${o} recommended visits`),
    );
  }
  if (s.table) {
    const cap = `${s.id.slice(4)} cap`;
    options.push(
      fc.tuple(op).map(([o]) => `completed visits ${o} ${cap}`),
      fc.tuple(op).map(([o]) => `completed visits + requested visits ${o} ${cap}`),
      fc.constantFrom(`${cap} is known`, `requested visits > ${cap}`),
    );
  }
  return fc.oneof(...options);
};

/** A cell of a number key: any, a number, a bound or a range. */
const numberCell: fc.Arbitrary<string> = fc.oneof(
  fc.constant('any'),
  k.map(String),
  fc.tuple(fc.constantFrom('at most', 'at least', 'more than', 'less than'), k).map(([w, x]) => `${w} ${x}`),
  fc.tuple(k, k).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
);

/** A table keyed by visits and the facts of the guideline's groups, its column read by the conditions. */
const table = (s: Shape): fc.Arbitrary<string> => {
  const has = (g: Group): boolean => s.groups.includes(g);
  const optional: { words: string; cell: fc.Arbitrary<string> }[] = [
    { words: 'requested visits', cell: numberCell },
    { words: 'state', cell: fc.constantFrom('any', '"CA"', '"TX"', '"ca"') },
    ...(has('improvement') ? [{ words: 'functional improvement', cell: fc.constantFrom('any', 'documented', 'not-documented', 'documented or not-documented') }] : []),
    ...(has('body') ? [{ words: 'body region', cell: fc.constantFrom('any', '"knee"', '"neck" or "knee"', '"Knee"') }] : []),
    ...(has('review') ? [{ words: 'review', cell: fc.constantFrom('any', 'utilization', 'independent') }] : []),
    // A table's cells write ICD-10 codes (a CPT code there reads as a number).
    ...(has('code') ? [{ words: 'billed code', cell: fc.constantFrom('any', 'S83.2*', 'M17.*', 'S83.241A or M17.11', 'S83.20-S83.24') }] : []),
  ];
  const cap = `${s.id.slice(4)} cap`;
  return fc.tuple(fc.subarray(optional, { maxLength: 2 }), fc.constantFrom('', `  choose the row with the most ${cap}`, `  choose the row with the least ${cap}`)).chain(([more, choose]) => {
    const keys = [{ words: 'completed visits', cell: numberCell }, ...more];
    const row = fc.tuple(fc.tuple(...keys.map((x) => x.cell)), fc.oneof(k.map(String), fc.constant('-')));
    return fc.array(row, { minLength: 1, maxLength: 3 }).map((rows) => [
      'table course',
      ...(choose ? [choose] : []),
      `  | ${keys.map((x) => x.words).join(' | ')} || ${cap} |`,
      ...rows.map(([cells, value]) => `  | ${cells.join(' | ')} || ${value} |`),
    ].join('\n'));
  });
};

const condition = (s: Shape): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: atom(s) },
    { weight: 1, arbitrary: atom(s).map((a) => `not (${a})`) },
    { weight: 2, arbitrary: fc.tuple(atom(s), fc.constantFrom('and', 'or'), atom(s)).map(([a, o, b]) => `${a} ${o} ${b}`) },
    { weight: 1, arbitrary: fc.tuple(atom(s), atom(s), atom(s)).map(([a, b, c]) => `(${a} or ${b}) and ${c}`) },
  );

/** A criterion: a requirement or a group of parts, maybe an \`only when\`, a cap, a physician's review. */
const criterion = (s: Shape, i: number): fc.Arbitrary<string> =>
  fc.tuple(
    fc.option(condition(s), { nil: undefined, freq: 2 }),
    fc.oneof({ weight: 3, arbitrary: condition(s).map((c) => [`  require ${c}`]) }, { weight: 1, arbitrary: group(s) }),
    fc.boolean(),
    fc.integer({ min: 0, max: 5 }),
  ).map(([when, req, certify, review]) =>
    [`criterion c${i} "C${i}"`, review === 0 && '  needs clinical review', review === 1 && '  needs clinical review unless met', when && `  only when ${when}`, certify && '  certify at most 4 visits - completed visits', '  otherwise "Not met."', ...req].filter(Boolean).join('\n'),
  );

const group = (s: Shape): fc.Arbitrary<string[]> =>
  fc.tuple(fc.constantFrom('any', 'all', 'at least 2'), fc.array(condition(s), { minLength: 2, maxLength: 3 })).map(([need, parts]) => [
    `  require ${need} of the following`,
    // Parenthesised: a condition ending in a fact's words would take the next line's `part` as one more word.
    ...parts.map((p, i) => `  part p${i + 1} "P${i + 1}"\n    require (${p})`),
  ]);

const guideline = (s: Shape): fc.Arbitrary<string> =>
  fc.tuple(
    fc.constantFrom('physical-therapy', 'physical-therapy, acupuncture', 'acupuncture'),
    fc.option(condition(s), { nil: undefined, freq: 4 }),
    fc.option(condition(s), { nil: undefined, freq: 1 }),
    fc.integer({ min: 1, max: 3 }),
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    fc.option(criterion(s, 1), { nil: undefined }),
    s.table ? table(s) : fc.constant(''),
  ).chain(([covers, applies, unless, n, [v1, v2], revised, course]) =>
    fc.tuple(...[...Array(n).keys()].map((i) => criterion(s, i + 1))).map((criteria) => [
      `guideline ${s.id}`,
      `  title "${s.id}"`,
      '  source "Doc", 2009, pages 1-2',
      `  covers ${covers}`,
      `  uses physical-medicine${s.groups.includes('code') ? ', gen-codes' : ''}`,
      ...(s.edition ? ['  edition 2009', '  in force 2009-01-01 to 2013-12-31'] : []),
      applies && `  applies when ${applies}`,
      unless && `  unless ${unless}`,
      '',
      ...(s.classes ? ['class myalgia "Myalgia"\n  terms "myalgia"', 'class neuralgia "Neuralgia"\n  terms "neuralgia", "myalgia neuralgia"', `recommend\n  myalgia: ${v1} visits over 4 weeks\n  neuralgia: ${v2} visits over 4 weeks`, ''] : []),
      ...(course ? [course, ''] : []),
      ...criteria.flatMap((c) => [c, '']),
      // A later edition: in force from 2014, its first criterion restated (or dropped).
      ...(s.edition ? [`guideline ${s.id}`, '  edition 2014', '  revises 2009', '  in force 2014-01-01', revised ? '' : '  drops c1', '', revised ?? ''] : []),
    ].filter((x) => x !== undefined).join('\n')),
  );

/** The ids of a program's guidelines (no reserved words). */
export const guidelineIds = ['gen.alpha', 'gen.beta', 'gen.gamma', 'gen.delta'];

const policy = (name: string, jurisdiction: string, ids: readonly string[], own: Shape): fc.Arbitrary<string> =>
  fc.tuple(fc.shuffledSubarray([...ids], { minLength: 1, maxLength: ids.length }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.option(criterion(own, 9), { nil: undefined, freq: 3 })).map(([order, breaks, extra]) => {
    const steps: string[][] = [];
    order.forEach((id, i) => (i === 0 || breaks[i] ? steps.push([id]) : steps[steps.length - 1]!.push(id)));
    return [`policy ${name} "${name}"`, `  jurisdiction ${jurisdiction}`, `  uses physical-medicine${own.groups.includes('code') ? ', gen-codes' : ''}`, ...steps.map((s, i) => `  ${i === 0 ? 'first' : 'then '} ${s.join(', ')}`), ...(extra ? ['', extra] : [])].join('\n');
  });

/** A whole program: guidelines and their policies, as one file's text (its guidelines reading the facts of `force`, and maybe one group more). */
export const programOf = (force?: Group): fc.Arbitrary<string> => fc
  .tuple(fc.integer({ min: 2, max: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.boolean(), fc.shuffledSubarray(groups.filter((g) => g !== force), { maxLength: force ? 1 : 2 }))
  .chain(([n, classes, texas, more]) => {
    const gs = force ? [force, ...more] : more;
    const shapes = guidelineIds.slice(0, n).map((id, i) => ({ id, groups: gs, classes: gs.includes('diagnosis') && classes[i]!, edition: gs.includes('edition') && !classes[i], table: gs.includes('table') }));
    const ids = shapes.map((s) => s.id);
    // A policy's own criteria read no classes or tables (those are each guideline's).
    const own: Shape = { id: 'policy', groups: gs, classes: false, edition: false, table: false };
    return fc.tuple(fc.constant(gs.includes('code') ? codeVocabulary : ''), fc.tuple(...shapes.map(guideline)), policy('california', 'CA', ids, own), texas ? policy('texas', 'TX', ids, own) : fc.constant(''));
  })
  .map(([vocabulary, gs, ca, tx]) => [vocabulary, ...gs, ca, tx].filter(Boolean).join('\n\n') + '\n');

export const programText = programOf();
