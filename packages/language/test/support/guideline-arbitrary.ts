// fast-check arbitraries for guideline source text: valid declarations in any clause order, with
// random spacing, line breaks, blank lines and comments, for the formatter's property tests.
import fc from 'fast-check';

const facts = ['completed visits', 'requested visits', 'recommended visits', 'requested frequency', 'patient age', 'functional improvement', 'home exercise program', 'injury date', 'diagnosis'];
const values = ['documented', 'none', 'instructed', 'compliant', 'failed', 'myalgia', 'CA', '"quoted value"', 'M54.1*', 'G90.5'];
const names = ['alpha', 'beta', 'gamma-ray', 'x1', 'neck_pain'];

/** Blanks between tokens: spaces, tabs, or a line break with indentation. */
const gap = fc.constantFrom(' ', ' ', '  ', '\t', '\n    ', ' \n\t');
/** Text of a comment (without the `#`); no line break. */
const commentText = fc.stringMatching(/^[ a-z0-9.,:()"#*-]{0,20}$/);
const comment = commentText.map((t) => `#${t}`);

const join = (parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> =>
  fc.tuple(...parts.map((p) => fc.tuple(p, gap))).map((xs) => xs.map(([p, g], i) => (i === xs.length - 1 ? p : p + g)).join(''));

const number = fc.oneof(fc.nat(40).map(String), fc.tuple(fc.nat(9), fc.nat(9)).map(([a, b]) => `${a}.${b}5`));
const quantity = fc.tuple(number, fc.constantFrom('', ' visits', ' weeks', ' months', ' sessions', ' per week', ' days')).map(([n, u]) => n + u);
const date = fc.constantFrom('2014-01-24', '2009-07-18', '2020-02-29');
const str = fc.constantFrom('"text"', '"with \\"escape\\""', '"two\n   lines"');

const { expr, not } = fc.letrec<{ expr: string; atom: string; additive: string; test: string; not: string }>((tie) => ({
  atom: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...facts) },
    { weight: 3, arbitrary: quantity },
    { weight: 1, arbitrary: date },
    { weight: 1, arbitrary: str },
    { weight: 1, arbitrary: tie('expr').map((e) => `(${e})`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('days', 'months'), fc.constantFrom(...facts), fc.constantFrom(...facts)).map(([u, a, b]) => `${u} from ${a} to ${b}`) },
  ),
  additive: fc.oneof(
    { weight: 3, arbitrary: tie('atom') },
    { weight: 1, arbitrary: fc.tuple(tie('atom'), fc.constantFrom('+', '-', '*', '/'), tie('atom')).chain(([a, op, b]) => join([fc.constant(a), fc.constant(op), fc.constant(b)])) },
  ),
  test: fc.oneof(
    fc.tuple(tie('additive'), fc.constantFrom('<=', '<', '>=', '>', '=', '!=', 'is at most', 'is at least', 'is more than', 'is less than', 'is fewer than', 'within', 'is within'), tie('additive')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(tie('additive'), fc.constantFrom('is more than', 'is less than'), tie('additive')).map(([a, op, b]) => `${a} ${op} ${b} ago`),
    fc.tuple(fc.constantFrom(...facts), fc.boolean(), fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom(', ', ' or ', ' ,'), { minLength: 3, maxLength: 3 })).map(
      ([f, neg, vs, seps]) => `${f} is ${neg ? 'not ' : ''}${vs.map((v, i) => (i ? seps[i - 1] + v : v)).join('')}`,
    ),
    fc.tuple(fc.constantFrom(...facts), fc.constantFrom('is known', 'is unknown', 'is not known', 'is not unknown', 'is on file')).map(([f, k]) => `${f} ${k}`),
    fc.tuple(fc.constantFrom(...facts), fc.array(fc.tuple(fc.constantFrom(...values), gap), { minLength: 1, maxLength: 4 })).map(
      ([f, vs]) => `${f} includes ${vs.map(([v, g], i) => (i === vs.length - 1 ? v : `${v},${g}`)).join('')}`,
    ),
  ),
  not: fc.oneof({ weight: 4, arbitrary: tie('test') }, { weight: 1, arbitrary: tie('test').map((t) => `not ${t}`) }),
  expr: fc.oneof(
    { weight: 3, arbitrary: tie('not') },
    { weight: 1, arbitrary: fc.tuple(tie('not'), fc.constantFrom('and', 'or'), tie('not'), fc.constantFrom('and', 'or'), tie('not')).chain(([a, o1, b, o2, c]) => join([fc.constant(a), fc.constant(o1), fc.constant(b), fc.constant(o2), fc.constant(c)])) },
  ),
}));

/** Between the operands of a long and/or: mostly one space, so that it is often written on one line, else a break. */
const blanks = fc.oneof({ weight: 6, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: gap });
/** The same, or a comment. */
const blanksOrComment = fc.oneof({ weight: 7, arbitrary: blanks }, { weight: 1, arbitrary: comment.map((c) => ` ${c}\n      `) });

/** `a and b or c …`: 2 to `most` operands joined by and/or, `between` around each operator. */
const chainOf = (operand: fc.Arbitrary<string>, most: number, between = blanksOrComment): fc.Arbitrary<string> =>
  fc.array(fc.tuple(operand, fc.constantFrom('and', 'or'), between, between), { minLength: 2, maxLength: most }).map((xs) => xs.map(([o, op, g1, g2], i) => (i ? `${g1}${op}${g2}` : '') + o).join(''));

/**
 * An and/or of up to 7 operands, long enough, often, to pass 120 columns on one line: a test, or a
 * chain of its own in parentheses or after `not`, or a `quantified` one (`any x where (…)`).
 */
const longExpr = (test: fc.Arbitrary<string>, quantified: fc.Arbitrary<string>): fc.Arbitrary<string> => {
  const inner = chainOf(test, 4);
  return chainOf(fc.oneof(
    { weight: 6, arbitrary: test },
    { weight: 1, arbitrary: inner.map((c) => `(${c})`) },
    { weight: 1, arbitrary: inner.map((c) => `not (${c})`) },
    { weight: 1, arbitrary: quantified },
  ), 7);
};

/** The expressions of the formatter's files: short ones, and long chains of them. */
const layoutExpr = fc.oneof({ weight: 2, arbitrary: expr }, {
  weight: 1,
  arbitrary: longExpr(not, fc.tuple(chainOf(not, 3), fc.constantFrom('any prior treatments', 'the latest prior treatments by treatment date', 'the earliest prior treatments by treatment date')).map(([c, q]) => `${q} where (${c})`)),
});

/** A clause line: optional trailing comment. */
const clause = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom('  ', '', '    ', '\t'), text, fc.option(comment, { nil: undefined }), fc.option(comment, { nil: undefined }), fc.boolean()).map(
    ([indent, t, trailing, before, blank]) => `${before ? `${indent}${before}\n` : ''}${blank ? '\n' : ''}${indent}${t}${trailing ? ` ${trailing}` : ''}`,
  );

const anyOrder = (clauses: fc.Arbitrary<string>[]): fc.Arbitrary<string> =>
  fc.tuple(...clauses.map((c) => fc.option(c, { nil: undefined })), fc.nat()).map((xs) => {
    const present = (xs.slice(0, -1) as (string | undefined)[]).filter((x): x is string => x !== undefined);
    const seed = xs[xs.length - 1] as number;
    return present.map((c, i) => ({ c, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k).map((x) => x.c).join('\n');
  });

const header = (expr: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(fc.constantFrom('mtus.chronic-pain', 'a.b.c', 'odg'), anyOrder([
  clause(fc.constant('title "A title"')),
  clause(fc.constantFrom('source "Doc", 2009, pages 98-99', 'source "Doc"', 'source "Doc", "Part 2", page 7', 'source "Doc" , 2 , "x"')),
  clause(fc.constantFrom('in force 2009-07-18', 'in force 2009-07-18 to 2017-12-31')),
  clause(fc.constantFrom('covers physical-therapy', 'covers physical-therapy, acupuncture , chiropractic')),
  clause(expr.map((e) => `applies when ${e}`)),
  clause(expr.map((e) => `unless ${e}`)),
])).map(([id, clauses]) => `guideline ${id}\n${clauses}`);

const classDecl = fc.tuple(fc.constantFrom('class', 'procedure'), fc.constantFrom(...names), fc.boolean(), anyOrder([
  clause(fc.constantFrom('terms "myalgia"', 'terms "a", "b" ,"c"')),
  clause(fc.constantFrom('codes M79.1*, M60.*', 'codes G90.5*')),
])).map(([kw, n, title, clauses]) => `${kw} ${n}${title ? ' "The class"' : ''}\n${clauses}`);

const recommend = fc.array(clause(fc.constantFrom('myalgia: 9-10 visits over 8 weeks', 'crps:24 visits over 16 weeks within 6 months', 'x1 : 8 - 10 sessions over 4 weeks', 'frequency: up to 3 per week, fading to 1 or less', 'frequency: up to 2 per week fading to 1', 'frequency: up to 3 per week')), { maxLength: 4 }).map((es) => `recommend\n${es.join('\n')}`);

const keyCells = ['myalgia', '"low back" or "neck"', 'any', 'at most 20', 'more than 3 weeks', '8-10', 'M54.1*', 'documented or none', 'CA'];
const columnCells = ['9-10 visits', '8 weeks', '-', '"text"', '0.15', '3 per week', 'yes', '24 sessions'];
/** A row between bars, its cells apart by random blanks (a row may share a line with the next). */
const row = (keys: fc.Arbitrary<string>, cells: fc.Arbitrary<string>, nKeys: number, nCells: number): fc.Arbitrary<string> =>
  fc.tuple(fc.array(keys, { minLength: nKeys, maxLength: nKeys }), fc.array(cells, { minLength: nCells, maxLength: nCells }), gap, gap).map(
    ([ks, cs, g1, g2]) => `|${g1}${ks.join(' | ')}${g2}||${cs.join(' |')} |`,
  );
const table = fc
  .tuple(fc.constantFrom(...names), fc.boolean(), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom('', 'choose the first row that matches', 'choose the row with the most trial visits', 'choose the row of the first diagnosis listed', 'choose the row with the least x y z'), fc.boolean())
  .chain(([n, title, nKeys, nCells, choose, forEach]) =>
    fc.tuple(
      row(fc.constantFrom('diagnosis', 'body region', 'completed visits'), fc.constantFrom('trial visits', 'lowest total to total visits', 'weeks a', 'x y z'), nKeys, nCells),
      fc.array(clause(row(fc.constantFrom(...keyCells), fc.constantFrom(...columnCells), nKeys, nCells)), { maxLength: 3 }),
    ).map(([header, rows]) => [`table ${n}${title ? ' "The table"' : ''}`, forEach ? '  for each medication' : '', choose ? `  ${choose}` : '', `  ${header}`, ...rows].filter((x) => x).join('\n')),
  );

const criterion = (expr: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(fc.constantFrom(...names), fc.boolean(), anyOrder([
  clause(expr.map((e) => `only when ${e}`)),
  clause(expr.map((e) => `require ${e}`)),
  clause(expr.map((e) => `certify at most ${e}`)),
  clause(fc.constantFrom('otherwise "No {completed visits}."', 'otherwise "Two\n             lines"')),
  clause(fc.constantFrom('needs clinical review', 'needs clinical review unless met')),
])).map(([n, title, clauses]) => `criterion ${n}${title ? ' "The criterion"' : ''}\n${clauses}`);

const defineDecl = (expr: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(fc.constantFrom('trial visits', 'x'), fc.constantFrom('', ' "T"', ' "A title long enough that the body of the define will not fit on its line"', ' "Two\n           lines"'), gap, expr).map(
  ([words, title, g, e]) => `define ${words}${title}:${g}${e}`,
);

/** A fact or a record's field: a `one of` list long enough to wrap, and options, apart by random blanks. */
const factValues = ['physical-therapy', 'chiropractic', 'home-exercise', 'muscle-relaxant', 'activity-modification', '"quoted value"', 'x1'];
const factDecl = (role: 'fact' | 'field'): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom('kind', 'prior care kind'), fc.constantFrom('one of ', 'list of one of '), fc.array(fc.constantFrom(...factValues), { minLength: 1, maxLength: 14 }), fc.subarray(['from request.kind', 'when absent x1', 'required']), fc.array(gap, { minLength: 20, maxLength: 20 }), fc.boolean()).map(
    ([words, type, vs, options, gaps, meaning]) => `${role} ${words}: ${type}${[...vs, ...options].map((x, i) => (i ? `,${gaps[i % gaps.length]}${x}` : x)).join('')}${meaning ? '\n  "The meaning."' : ''}`,
  );
const vocabulary = (expr: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(fc.array(fc.oneof(factDecl('fact'), defineDecl(expr), factDecl('field').map((f) => `record r "R"\n  ${f}`)), { maxLength: 3 }), fc.constantFrom('\n', '\n\n')).map(
  ([members, sep]) => ['vocabulary v "V"', ...members].join(sep),
);

const policy = fc.tuple(fc.constantFrom('california', 'texas'), anyOrder([
  clause(fc.constantFrom('jurisdiction CA', 'jurisdiction "TX"')),
  clause(fc.constantFrom('first mtus.*', 'first mtus.*, odg\n  then acoem.x')),
])).map(([n, clauses]) => `policy ${n} "P"\n${clauses}`);

/**
 * A whole file: maybe a vocabulary, a guideline with members, maybe a policy, comments and blank
 * lines around; for the formatter's layout, with the declarations it lays out besides and long expressions.
 */
function fileText(layout: boolean): fc.Arbitrary<string> {
  const e = layout ? layoutExpr : expr;
  const members = layout ? [classDecl, recommend, criterion(e), table, defineDecl(e)] : [classDecl, recommend, criterion(e), table];
  return fc
    .tuple(
      fc.option(comment, { nil: undefined }),
      layout ? fc.option(vocabulary(e), { nil: undefined }) : fc.constant(undefined),
      header(e),
      fc.array(fc.oneof(...members), { maxLength: 4 }),
      fc.option(policy, { nil: undefined }),
      fc.option(comment, { nil: undefined }),
      fc.constantFrom('\n', '\n\n', '', '\n\n\n'),
    )
    .map(([top, v, h, ms, p, end, sep]) => [top, v, h, ...ms, p, end].filter((x) => x !== undefined).join(sep || '\n'));
}

/** A guideline file that compiles often enough for the tests of what the compiler makes of it. */
export const guidelineText: fc.Arbitrary<string> = fileText(false);

/**
 * A file with the declarations the formatter lays out besides (a vocabulary's facts and records,
 * defines) and long and/or chains: their facts name case fields no vocabulary has, so most of these
 * do not compile, which the formatter's properties do not need.
 */
export const layoutText: fc.Arbitrary<string> = fileText(true);

/** Tests of facts the core and physical-medicine vocabularies declare, each short: conditions that compile. */
const factTests = [
  'completed visits <= 6 visits', 'requested visits > 2 visits', 'completed visits + requested visits <= 24 visits', 'patient age >= 18 years',
  'requested frequency <= 3 per week', 'requested weeks is at most 8 weeks', 'care type is therapeutic, maintenance or flare-up', 'care type is not flare-up',
  'care type is known', 'functional improvement is documented', 'home exercise program is none, failed', 'body region is "low back", "neck"',
  'injury date is more than 6 months ago', 'review is utilization', 'days from injury date to review date >= 30 days', 'injured body parts includes "knee", "hip"',
];
const diagnosisTests = ['diagnosis code is on file', 'diagnosis text is "low back pain", "lumbago"', 'diagnosis text is known'];
// A `where` is one leaf condition, whose text the rules keep as written: with a comment inside, the
// text would change as fmt moves the comment to its line's end, so there is none there.
const wideExpr = longExpr(fc.constantFrom(...factTests), chainOf(fc.constantFrom(...diagnosisTests), 3, blanks).map((c) => `any diagnoses where (${c})`));

/**
 * A guideline that compiles, each condition a chain of short tests over the bundled vocabularies'
 * facts, often past 120 columns on one line: every line fmt makes of it can fit.
 */
export const wideGuidelineText: fc.Arbitrary<string> = fc
  .tuple(fc.option(wideExpr, { nil: undefined }), fc.option(wideExpr, { nil: undefined }), wideExpr, wideExpr, wideExpr, wideExpr, wideExpr)
  .map(([applies, unless, onlyWhen, require, part, otherPart, define]) => [
    'guideline wide.a',
    '  title "Wide"',
    '  source "Doc", 2009, pages 1-2',
    '  covers physical-therapy',
    '  uses physical-medicine',
    ...(applies ? [`  applies when ${applies}`] : []),
    ...(unless ? [`  unless ${unless}`] : []),
    '',
    'criterion c "C"',
    `  only when ${onlyWhen}`,
    `  require ${require}`,
    '  otherwise "No."',
    '',
    'criterion d "D"',
    '  require all of the following',
    '  otherwise "No."',
    '  part p',
    `    require ${part}`,
    '  part q',
    `    require ${otherPart}`,
    '',
    `define trial ended "The trial is over": ${define}`,
    '',
  ].join('\n'));
