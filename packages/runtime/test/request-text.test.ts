// The request-text reader: the phrasings it reads, texts built from random parts reading as the
// numbers put in, texts it cannot read staying unknown (never guessed), and work linear in the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRequestText, readRequestTextCounted, visitsFor, type RequestNumbers } from '../src/request-text.ts';
import { runs, seed } from '../../../test/support/fuzz.ts';

describe('readRequestText', () => {
  it.each<[string, RequestNumbers]>([
    ['Additional Physical Therapy 2 times 4', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 2x4', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['chiropractic 3x/week x 4 weeks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['acupuncture 3 times per week for 2 weeks', { frequencyPerWeek: 3, weeks: 2, visits: 6 }],
    ['aquatic therapy 2 x 6 wks', { frequencyPerWeek: 2, weeks: 6, visits: 12 }],
    ['massage twice a week for 3 weeks', { frequencyPerWeek: 2, weeks: 3, visits: 6 }],
    ['PT twice weekly for 6 weeks', { frequencyPerWeek: 2, weeks: 6, visits: 12 }],
    ['3 visits per week for 4 weeks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 2x/wk for the next 3 weeks', { frequencyPerWeek: 2, weeks: 3, visits: 6 }],
    // 60 days are 8 4/7 weeks; 3 a week over them is 25.7 visits, rounded up: the last, partial week still holds visits.
    ['3x/wk for 60 days', { frequencyPerWeek: 3, weeks: 60 / 7, visits: 26 }],
    ['2x/week for 28 days', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 3x/week', { frequencyPerWeek: 3 }],
    ['12 sessions of physical therapy', { visits: 12 }],
    ['six visits of acupuncture', { visits: 6 }],
    ['twenty-four visits', { visits: 24 }],
    ['Physical therapy, 8 additional sessions', { visits: 8 }],
    ['8 more physical therapy visits', { visits: 8 }],
    ['6 additional acupuncture sessions (cupping)', { visits: 6 }],
    ['12 visits, 3x4', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['12 visits at 3x/week', { frequencyPerWeek: 3, visits: 12 }],
    ['Physical therapy x6', { visits: 6 }],
    ['acupuncture x 4', { visits: 4 }],
    // What the text does not say plainly stays unknown.
    ['chiropractic x 4 weeks', {}],
    ['2x/week for 2 months', { frequencyPerWeek: 2 }],
    ['2-3 times a week for 4-6 weeks', {}],
    ['8-12 visits', {}],
    ['8 to 12 visits', {}],
    ['PT 2.5x4', {}],
    ['10 visits, 3x4', {}],
    ['2x4 sessions', {}],
    ['PT 2x4, then 1x4', {}],
    ['12 visits completed, 8 more visits requested', {}],
    ['3 times a day', {}],
    ['9 x 4', {}],
    ['Continue physical therapy', {}],
    ['', {}],
    ['2 x' + ' '.repeat(496) + '!', {}],
    [' '.repeat(498) + '2x4', {}], // the 4 is past the 500th character
  ])('%j', (text, expected) => {
    expect(readRequestText(text)).toEqual(expected);
  });

  /** A table of texts, each with the numbers it must read as. */
  const table = (name: string, rows: [string, RequestNumbers][]): void => {
    it.each(rows)(`${name}: %j`, (text, expected) => {
      expect(readRequestText(text)).toEqual(expected);
    });
  };

  // A number after "x" that follows how often ("a week", "weekly", "MWF") is the span in weeks, never a count of visits.
  table('how often, then a span', [
    ['PT 3 x wk x 4', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 3 x week x 4', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 3 times week for 4 weeks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 3 days/week x 4', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 2 days a week x 4', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 3 days per week for 4 weeks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 3 per week x 4', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 3x/week x 4', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT twice a week x 4', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 3 x wk x 4 (12 visits)', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT MWF x 4', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT MWF for 4 weeks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT M/W/F x 4', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT Mon, Wed and Fri x 4 weeks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT T/Th x 4', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT TTh x 3', { frequencyPerWeek: 2, weeks: 3, visits: 6 }],
    ['PT Mon-Wed-Fri for 4 weeks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 3 x wk x 4 wks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    // How often, said in a way not read: the visits stay unknown.
    ['PT M-F x 4', {}],
    ['PT Mon Wed Fri x 4', {}],
    ['PT daily x 4', {}],
    ['PT weekly x 4', {}],
    ['PT 2 x month x 4', {}],
    ['PT (3/wk) x 4', { frequencyPerWeek: 3 }],
    ['Chiropractic 1 visit per month x 4 months, maintenance', {}],
    ['2 visits a day', {}],
    // Read as before: a schedule with no span, or a bare number after it, states no visits.
    ['PT MWF 4', {}],
    ['PT MWF', {}],
  ]);

  // Visits already had are no request.
  table('visits done', [
    ['Continue PT; patient has attended 4 visits so far', {}],
    ['Has completed 6 visits; continue PT', {}],
    ['Patient has had 6 PT visits', {}],
    ['6 visits to date, continue PT', {}],
    ['6 visits completed', {}],
    ['PT, 6 visits so far', {}],
    ['6 prior physical therapy visits', {}],
    ['Received 8 sessions of acupuncture', {}],
    ['Attended PT 2x/week for 4 weeks with improvement', {}],
    ['PT 2x4 completed', {}],
    ['Completed 12 visits; continue PT 3x/week', { frequencyPerWeek: 3 }],
    ['Patient completed 6 of 12 visits', {}],
    ['PT x 6 visits already', {}],
    ['PT 6 visits over the past month', {}],
    // Read as before: words of the past beside another statement, or a count still to be done.
    ['Has completed 6 visits; continue PT 2x4', {}],
    ['PT 6 visits to be completed by June', { visits: 6 }],
    ['Completed evaluation; request PT 2x4', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['Request prior authorization for 12 PT visits', { visits: 12 }],
    ['PT 2x4 prior to surgery', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
  ]);

  // A range, written with any dash or in words, leaves what it ranges over unknown.
  table('a range', [
    ['PT 2 \u2014 3 visits', {}],
    ['PT 2\u20133 times a week for 4 weeks', {}],
    ['PT 8\u201312 visits', {}],
    ['PT 8\u201212 visits', {}],
    ['PT 8\u201512 visits', {}],
    ['PT 8\u221212 visits', {}],
    ['PT 8 ~ 12 visits', {}],
    ['PT between 8 and 12 visits', {}],
    ['PT between eight and twelve visits', {}],
    ['PT 8 through 12 visits', {}],
    ['PT 8 thru 12 visits', {}],
    ['PT 2x-3x/week for 4 weeks', {}],
    ['PT 2x\u20133x/week for 4 weeks', {}],
    ['PT 2 times to 3 times a week for 4 weeks', {}],
    ['PT 3x/week for 4\u20136 weeks', { frequencyPerWeek: 3 }],
    ['PT twenty\u2011four visits', { visits: 24 }],
    // Read as before.
    ['PT 2 or 3 times a week for 4 weeks', {}],
    ['PT 3x/week for 4 to 6 weeks', { frequencyPerWeek: 3 }],
    ['PT 3x/week for between 4 and 6 weeks', { frequencyPerWeek: 3 }],
  ]);

  // Two statements of the visits (for two body parts) are not one request; a restatement in brackets is.
  table('two statements', [
    ['PT 6 visits for the neck and 6 visits for the low back', {}],
    ['PT 2x4 neck, 2x4 low back', {}],
    ['Right knee PT 2x3 and left knee PT 2x3', {}],
    ['PT x6 neck, x6 low back', {}],
    ['PT 6 visits neck and 2x3 low back', {}],
    ['PT 3x/week neck, 3x/week low back', {}],
    ['PT (2x4 neck) (2x4 low back)', {}],
    ['PT 6 visits, then 2x3', {}],
    ['PT 2x4 (neck) plus 2x4 (low back)', {}],
    // Read as before: one statement, restated in brackets or in another kind, or read two ways.
    ['PT 2x4 (2 times a week for 4 weeks)', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 6 visits (six visits)', { visits: 6 }],
    ['PT x 8 (8 visits)', { visits: 8 }],
    ['PT 2x4 = 8 visits', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT (2x4)', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['Aquatic therapy x 6 sessions', { visits: 6 }], // one statement, read as "x 6" and as "6 sessions"
    ['Right knee PT 2x3', { frequencyPerWeek: 2, weeks: 3, visits: 6 }],
  ]);

  // Statements of two kinds with words between them, or a body part on both sides, are for two body
  // parts; "each" or "per" a body part, or a number of them, multiplies the request by how many.
  table('two statements of two kinds, or for each of several', [
    ['PT 6 visits neck, 2x3 low back', {}],
    ['neck 6 visits, low back 2x3', {}],
    ['neck 12 visits, 3x4 low back', {}],
    ['PT neck 2x3; PT low back 6 visits', {}],
    ['PT 2x4 each knee', {}],
    ['PT 2x4 to each shoulder', {}],
    ['PT 6 visits each for neck and back', {}],
    ['PT 2x4 per body part', {}],
    ['PT 6 visits for 2 body parts', {}],
    ['PT 6 visits to 2 areas', {}],
    // Read as before.
    ['PT 8 visits right knee, 8 visits left knee', {}],
    ['PT: Rt shoulder 2x4; Lt knee 2x3', {}],
    ['PT 2x4 - left knee; OT 2x4 - right hand', {}],
    ['PT 6 visits x 2 body parts', {}],
    ['Lumbar PT 12 visits, 3x4', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 12 visits, 3x/wk x 4 wks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 12 visits (3x4) right shoulder', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 2x4 bilateral knees', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 2x4 for both knees', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['Chiro 6 visits low back and neck', { visits: 6 }],
    ['PT 2x4 per MD', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 12 visits per PTP', { visits: 12 }],
  ]);

  // A restatement in another kind with the treatment, "the" or one body part between: one request.
  // A body part on two sides of the statements, or any other word between, still makes two.
  table('a restatement with the treatment or the body part between', [
    ['12 visits of physical therapy, 3 times a week for 4 weeks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['Physical therapy 12 sessions for the low back at 3x/week for 4 weeks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['8 visits PT for the left knee at 2x/wk x 4 wks', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['Additional PT x 8 sessions to the right shoulder 2x4', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 8 visits right shoulder 2x4', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['Aquatic therapy 6 sessions lumbar 2x3', { frequencyPerWeek: 2, weeks: 3, visits: 6 }],
    ['PT 6 visits neck, 2x3', { frequencyPerWeek: 2, weeks: 3, visits: 6 }],
    ['Chiro 6 treatments to the mid back, 3x2', { frequencyPerWeek: 3, weeks: 2, visits: 6 }],
    // Two requests, or numbers that disagree.
    ['PT 6 visits neck, 2x4', {}],
    ['right knee 6 visits PT left knee 2x3', {}],
    ['PT 6 visits neck 2x3 low back', {}],
    ['Lumbar PT 6 visits, lumbar 2x3', {}],
    ['6 visits, 2 of them at home, 2x3', {}],
    ['6 visits PT and aquatic therapy 2x3', {}],
  ]);

  // A request in phases leaves every number unknown, the visits in all too: a criterion on the
  // frequency or the weeks applies only when it is known, so the sum alone would hide a phase over it.
  // A phase with no number and no frequency ("then HEP", "then reevaluate") is no second request.
  table('phases', [
    ['1x week x 6 weeks, then every other week x 4', {}],
    ['PT 2x/wk x 4 wks, weekly x 4 wks', {}],
    ['PT 3x/wk x 4 wks, taper to 1x', {}],
    ['PT 8 visits and 4 more if improving', {}],
    ['6 visits; if improved, 6 more', {}],
    ['6 visits + 6 more prn', {}],
    ['PT 4 visits every 2 weeks', {}],
    // Read as before.
    ['2x/wk x 4 wks then 1x/wk x 4 wks', {}],
    ['3x4 followed by 2x4', {}],
    ['2x3, then 1x3', {}],
    ['PT 2 x 3 then 1 x 3', {}],
    ['2x3 \u2192 1x3', {}],
    ['PT 3x/wk x 2 wks, 2x/wk x 2 wks', {}],
    ['PT 12 visits: 3x/wk x 2 wks, 2x/wk x 3 wks', {}],
    ['3x/wk fading to 1x/wk x 6 wks', {}],
    ['PT 2x4, may extend 2x4', {}],
    ['PT every other week x 8', {}],
    ['PT 3x4 then HEP', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 2 x 3 weeks then reevaluate', { frequencyPerWeek: 2, weeks: 3, visits: 6 }],
    ['PT x 8 sessions, then re-evaluate', { visits: 8 }],
  ]);

  // A bound above is what is asked for; a bound below, an estimate, or a part of a whole is not.
  table('bounds and estimates', [
    ['at least 6 visits', {}],
    ['minimum 6 visits', {}],
    ['no less than 6 visits', {}],
    ['more than 12 visits', {}],
    ['fewer than 12 visits', {}],
    ['over 12 visits', {}],
    ['about 12 visits', {}],
    ['approximately 12 visits', {}],
    ['~12 visits', {}],
    ['12 visits or more', {}],
    ['PT 2x4 or more', {}],
    ['certify 6 of 12 visits', {}],
    ['6 of 12 visits', {}],
    // Read as before.
    ['up to 12 visits', { visits: 12 }],
    ['no more than 12 visits', { visits: 12 }],
    ['a maximum of 12 visits', { visits: 12 }],
    ['max 12 visits', { visits: 12 }],
    ['12 visits max', { visits: 12 }],
    ['not to exceed 12 visits', { visits: 12 }],
    ['12 visits or less', { visits: 12 }],
    ['PT 2x/wk up to 8 visits', { frequencyPerWeek: 2, visits: 8 }],
    ['12+ visits', {}],
    ['visit 7 of 12', {}],
  ]);

  // A count restated with its unit left out, "= 8", "total 10", agrees with the statement or leaves it unknown.
  table('totals and restatements', [
    ['2x4=12', {}],
    ['PT 2 x week x 4 weeks = 12', {}],
    ['PT 2x4 (total 10)', {}],
    ['PT 6 visits (12 total)', {}],
    ['PT 6 additional visits, total 18', {}],
    ['PT 6 visits for a total of 12', {}],
    ['six (6) visits', { visits: 6 }],
    ['PT 2x/week for 8 visits', { frequencyPerWeek: 2, visits: 8 }],
    ['PT 6 (six) visits', { visits: 6 }],
    // Read as before.
    ['PT 2x6 (8 visits)', {}],
    ['PT 2x4 = 8', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['2x4=8', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 2 x week x 4 weeks = 8', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 2x4 (total 8)', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 2x4 (8 total)', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['requesting 6 more', {}], // a count with no unit says nothing alone
    ['PT 2x/wk for 6 wks (12 visits)', { frequencyPerWeek: 2, weeks: 6, visits: 12 }],
    ['PT 2x4, total of 8 visits', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 2x4, total of 10 visits', {}],
    ['PT 2x4 for a total of 8 visits', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 8 visits at 2x/week', { frequencyPerWeek: 2, visits: 8 }],
    ['12 total visits requested', { visits: 12 }],
  ]);

  // Texts as a reviewer sees them, each read right or left unknown.
  table('requests as written', [
    ['8 visits (2 already completed)', {}],
    ['eval + 6 visits', {}],
    ['PT evaluation and 6 visits', {}],
    ['1 eval + 8 visits', {}],
    ['PT re-eval + 2x4', {}],
    ['PT 2x4 and re-evaluation', {}],
    ['PT 2 visits x 4 weeks', {}],
    // Read as before.
    ['PT x 6', { visits: 6 }],
    ['6 more visits', { visits: 6 }],
    ['additional 6 sessions', { visits: 6 }],
    ['12 visits over 6 weeks', { visits: 12 }],
    ['PT eval and treat', {}],
    ['PT 1-2x/wk x 6 wks', {}],
    ['renewal of PT 8 visits; 4 visits completed', {}],
    ['8 visits approved previously, requesting 6 more', {}],
    ['PT 8 visits including evaluation', { visits: 8 }],
    ['PT 2x4, 97110 x 2 units, 97140 x 1', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 3x per week x 4 wks, 2 units per visit', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['PT 2x4 with 4 units each', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['Massage 4 visits, each 60 min', { visits: 4 }],
    ['PT 12 visits within 60 days', { visits: 12 }],
    ['PT 2x4 from 1/5 to 2/5', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['Requesting 12 visits, 6 approved', { visits: 12 }],
    ['Acupuncture 6 sessions, 1-2x/week', { visits: 6 }],
    ['PT 2x4 w/ 3 modalities', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['Additional PT 8 visits to complete 24', { visits: 8 }],
    ['PT 8 visits (visits 9-16)', { visits: 8 }],
    ['PT BIW x 4 wks', {}],
  ]);

  it.each([[3, 60 / 7, 26], [2, 4, 8], [7, 10 / 7, 10], [1, 0.5, 1]])('visitsFor(%d, %d) is %d', (f, w, v) => {
    expect(visitsFor(f, w)).toBe(v);
  });
});

// ---- Texts built from parts ------------------------------------------------------------------------

const numberWord: Record<number, string> = { 1: 'one', 2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 10: 'ten', 12: 'twelve', 24: 'twenty-four' };
/** A number as digits or, when it has one, as a word. */
const written = (n: number): fc.Arbitrary<string> => (numberWord[n] ? fc.constantFrom(String(n), numberWord[n]!, numberWord[n]!.toUpperCase()) : fc.constant(String(n)));
const space = fc.constantFrom(' ', '  ', '\t', ' \n ', '\u00a0');
/** Parts joined by white space. */
const spaced = (...parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> =>
  fc.tuple(...parts.map((p) => fc.tuple(p, space))).map((xs) => xs.map(([p, s], i) => (i === xs.length - 1 ? p : p + s)).join('').replace(/\s+$/, ''));

/** Words around a phrasing that hold no number of their own. */
const prefix = fc.constantFrom('', 'PT', 'Additional Physical Therapy', 'Acupuncture', 'Chiropractic manipulation', 'Request:', 'aquatic therapy to the low back,');
const suffix = fc.constantFrom('', '(cupping)', ', lumbar spine', 'to the left shoulder', '- home program after', '.');
const frequency = fc.integer({ min: 1, max: 7 });
const times = fc.constantFrom('x', 'X', '×', 'times', 'TIMES');
const perWeek = fc.constantFrom('/week', '/wk', ' a week', ' per week', ' each week', ' weekly', ' Per Week');
/** "3x/week", "three times a week", "2 x weekly". */
const timesPerWeek = (f: number): fc.Arbitrary<string> =>
  fc.tuple(written(f), times, perWeek).map(([a, t, p]) => `${a}${/^\d/.test(a) && (t === 'x' || t === '×') ? '' : ' '}${t}${p}`);

const reads = (text: fc.Arbitrary<string>, numbers: RequestNumbers): [fc.Arbitrary<string>, RequestNumbers] => [text, numbers];
/** A phrasing with the numbers it states. */
const phrasing: fc.Arbitrary<[fc.Arbitrary<string>, RequestNumbers]> = fc.oneof(
  fc.tuple(frequency, fc.integer({ min: 1, max: 52 })).map(([f, w]) => reads(
    fc.oneof(
      fc.tuple(fc.constantFrom('x', '×')).map(([x]) => `${f}${x}${w}`),
      spaced(written(f), times, written(w)),
      spaced(timesPerWeek(f), fc.constantFrom('x', 'for', 'over', 'for the next'), written(w), fc.constantFrom('weeks', 'wks', 'Weeks')),
    ),
    { frequencyPerWeek: f, weeks: w, visits: f * w },
  )),
  fc.tuple(fc.constantFrom(1, 2), fc.integer({ min: 1, max: 52 })).map(([f, w]) => reads(
    spaced(fc.constant(f === 1 ? 'once' : 'twice'), fc.constantFrom('a week', 'weekly', 'per week'), fc.constantFrom('for', 'over', 'x'), written(w), fc.constantFrom('weeks', 'wks')),
    { frequencyPerWeek: f, weeks: w, visits: f * w },
  )),
  fc.tuple(frequency, fc.integer({ min: 1, max: 365 })).map(([f, d]) => reads(
    spaced(timesPerWeek(f), fc.constantFrom('for', 'over'), fc.constant(String(d)), fc.constantFrom('days', 'day', 'DAYS')),
    { frequencyPerWeek: f, weeks: d / 7, visits: Math.ceil((f * d) / 7 - 1e-9) },
  )),
  frequency.map((f) => reads(timesPerWeek(f), { frequencyPerWeek: f })),
  fc.integer({ min: 1, max: 99 }).map((n) => reads(
    fc.tuple(written(n), fc.array(fc.constantFrom('more', 'additional', 'physical', 'therapy', 'PT', 'acupuncture', 'chiropractic'), { maxLength: 4 }), fc.constantFrom('visits', 'sessions', 'treatments', 'Visits', 'appointments')).chain(([a, fill, u]) => spaced(fc.constant(a), ...fill.map((x) => fc.constant(x)), fc.constant(u))),
    { visits: n },
  )),
  fc.integer({ min: 1, max: 99 }).map((n) => reads(fc.tuple(fc.constantFrom('x', '×'), fc.constantFrom('', ' ', '  '), written(n)).map(([x, s, a]) => `${x}${/^\d/.test(a) ? s : ' '}${a}`), { visits: n })),
);

const built = phrasing.chain(([text, expected]) => fc.tuple(spaced(prefix, text, suffix), fc.constant(expected)));

/** Words and numbers in no phrasing: numbers without a unit or as ranges, decimals, dates, scores, spans alone. */
const unreadable = fc
  .array(fc.oneof(
    fc.constantFrom('physical', 'therapy', 'continue', 'PT', 'low back', 'pain', 'x-ray', 'since', 'for a few weeks', 'as needed', 'weekly', 'more'),
    fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 })).map(([a, b]) => `${a}-${a + b}`),
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}.${b}`),
    fc.integer({ min: 1, max: 10 }).map((n) => `${n}/10`),
    fc.constantFrom('2014-01-24', 'since 2013', 'in 3 weeks', 'for 2 months', '1234', 'age 45', 'L4-5'),
  ), { maxLength: 8 })
  .map((parts) => parts.join(' '));

describe('texts built from random parts', () => {
  it('read as the numbers put in', () => {
    fc.assert(fc.property(built, ([text, expected]) => { expect(readRequestText(text)).toEqual(expected); }), { ...seed(500), numRuns: runs(5_000) });
  });

  it('that state nothing plainly stay unknown', () => {
    fc.assert(fc.property(unreadable, (text) => { expect(readRequestText(text)).toEqual({}); }), { ...seed(501), numRuns: runs(5_000) });
  });

  it('that state two counts that disagree stay unknown', () => {
    const two = fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), prefix).filter(([a, b]) => a !== b).map(([a, b, p]) => `${p} ${a} visits, then ${b} more sessions`);
    fc.assert(fc.property(two, (text) => { expect(readRequestText(text).visits).toBeUndefined(); }), { ...seed(503), numRuns: runs(1_000) });
  });

  const body = fc.constantFrom('neck', 'low back', 'left knee', 'right shoulder', 'lumbar spine', 'R hand');
  /** The same visits, f a week for w weeks, as a count or as a frequency with its span. */
  const sameVisits = (f: number, w: number): fc.Arbitrary<string> =>
    fc.oneof(spaced(written(f * w), fc.constantFrom('visits', 'sessions')), fc.constant(`${f}x${w}`), spaced(timesPerWeek(f), fc.constantFrom('x', 'for'), written(w), fc.constantFrom('weeks', 'wks')));
  const freqSpan = fc.tuple(frequency, fc.integer({ min: 1, max: 12 })).chain(([f, w]) => sameVisits(f, w).filter((t) => !/visits|sessions/.test(t)));

  it('that state the visits for two body parts, in any two forms, stay unknown though their numbers agree', () => {
    const two = fc.tuple(frequency, fc.integer({ min: 1, max: 12 })).chain(([f, w]) =>
      fc.tuple(prefix, sameVisits(f, w), body, fc.constantFrom(', ', '; ', ' and ', ' / ', ' + ', ' - '), sameVisits(f, w), body))
      .filter(([, , b1, , , b2]) => b1 !== b2)
      .map(([p, a, b1, sep, c, b2]) => `${p} ${a} ${b1}${sep}${c} ${b2}`);
    fc.assert(fc.property(two, (text) => { expect(readRequestText(text).visits).toBeUndefined(); }), { ...seed(505), numRuns: runs(2_000) });
  });

  it('that state the visits in two forms with the treatment and one body part between are read', () => {
    const restated = fc.tuple(frequency, fc.integer({ min: 1, max: 12 })).chain(([f, w]) =>
      fc.tuple(
        fc.constantFrom('PT', 'Physical therapy', 'Chiropractic', ''),
        spaced(written(f * w), fc.constantFrom('visits', 'sessions')),
        fc.constantFrom(' ', ' of physical therapy, ', ' PT for the ', ' to the ', ', ', ' for '),
        body,
        fc.constantFrom(' ', ', ', ' at '),
        sameVisits(f, w).filter((t) => !/visits|sessions/.test(t)),
      ).map((parts) => [`${parts[0]} ${parts[1]}${parts[2]}${parts[3]}${parts[4]}${parts[5]}`, f * w] as const));
    fc.assert(fc.property(restated, ([text, visits]) => { expect(readRequestText(text).visits).toBe(visits); }), { ...seed(507), numRuns: runs(2_000) });
  });

  it('that state a request in phases stay unknown, frequency and weeks too', () => {
    const phased = fc.tuple(prefix, freqSpan, fc.constantFrom(' then ', ', then ', ' followed by ', ', '), freqSpan)
      .map(([p, a, sep, b]) => `${p} ${a}${sep}${b}`);
    fc.assert(fc.property(phased, (text) => { expect(readRequestText(text)).toEqual({}); }), { ...seed(506), numRuns: runs(2_000) });
  });

  it('never throw, and read only whole counts and frequencies of at most 7 a week', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80, unit: 'binary' }), (t) => {
      const r = readRequestText(t);
      if (r.visits !== undefined) expect(Number.isInteger(r.visits) && r.visits > 0).toBe(true);
      if (r.frequencyPerWeek !== undefined) expect(r.frequencyPerWeek >= 1 && r.frequencyPerWeek <= 7).toBe(true);
    }), { ...seed(504), numRuns: runs(5_000) });
  });
});

// ---- Linear work ---------------------------------------------------------------------------------

/** Steps per character the reader may take: one per character cut, a dozen per token looked ahead from; a quadratic reader would pass it on 500 characters. */
const perCharacter = 20;

const vocabulary = ['2', '3', '0', '8', '12', '123', '1234', '2.5', 'x', 'X', '×', 'times', '/', 'a', 'per', 'each', 'week', 'weeks', 'wk', 'for', 'over', 'once', 'twice', 'six', 'twenty-four', 'additional', 'more', 'sessions', 'visits', 'days', 'months', 'PT', '-', 'to', 'or', '!', '(', ')'];
/** Texts up to the 500 characters read: random words with long runs of white space, and repeated pieces. */
const hostile = fc.oneof(
  fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom('', ' ', ' '.repeat(40), '\t'.repeat(200))), { maxLength: 60 }).map((p) => p.map(([w, s]) => w + s).join('').slice(0, 500)),
  fc.tuple(fc.array(fc.constantFrom(...vocabulary, ' ', '  '), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 500 })).map(([p, n]) => p.join('').repeat(n).slice(0, 500)),
  fc.string({ maxLength: 500, unit: 'binary' }),
);

describe('the reader works in time linear in the text', () => {
  it.each([
    ['"2 x", 496 spaces, "!"', '2 x' + ' '.repeat(496) + '!'],
    ['"2 x /" and spaces, over and over', '2 x /   '.repeat(70)],
    ['"once a week x " over and over', 'once a week x '.repeat(40)],
    ['"8 more more more" over and over', '8 more more more '.repeat(30)],
    ['spaces alone', ' '.repeat(500)],
    ['5,000 characters, of which 500 are read', '3x4 '.repeat(1250)],
  ])('%s', (_, text) => {
    expect(readRequestTextCounted(text).steps).toBeLessThanOrEqual(perCharacter * (Math.min(text.length, 500) + 1));
  });

  it('on random texts of up to 500 characters', () => {
    fc.assert(fc.property(hostile, (t) => readRequestTextCounted(t).steps <= perCharacter * (t.length + 1)), { ...seed(502), numRuns: runs(2_000) });
  });
});
