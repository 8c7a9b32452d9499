// `pnpm gen:corpus [--cases N] [--out dir]`: a corpus of past requests for docs/replay.md and the
// bench. Writes, under corpus/ (by default): cases.jsonl (N generated cases, 1,000,000 by default),
// cases.parquet (the same, through DuckDB), a CSV sample with its column mapping, and after/: the
// bundled guidelines with an illustrative 2016 edition of the MTUS physical medicine guideline.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileProgram, type RuleSet, type SourceText } from '../../packages/language/src/index.ts';
import { withDuckDB } from '../../packages/cli/src/replay/duckdb.ts';
import { libraryCases, writeJsonLines } from './cases.ts';
import { writeNextEdition } from './edition.ts';

const root = resolve(import.meta.dirname, '../..');
const usage = 'usage: pnpm gen:corpus [--cases N] [--out dir] [--seed N]  (N cases, 1,000,000 by default, under corpus/)';
/** A mistake on the command line: said with the usage, exit 2. */
function refuse(why: string): never {
  process.stderr.write(`gen:corpus: ${why}\n${usage}\n`);
  process.exit(2);
}
let parsed;
try {
  parsed = parseArgs({ options: { cases: { type: 'string', default: '1000000' }, out: { type: 'string', default: join(root, 'corpus') }, seed: { type: 'string', default: '1' }, help: { type: 'boolean', short: 'h' } } });
} catch (e) {
  refuse((e as Error).message);
}
const { values } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const n = Number(values.cases);
if (!/^\d{1,9}$/.test(values.cases) || n < 1) refuse(`--cases is a whole number of cases from 1, not '${values.cases}'`);
if (!/^\d{1,9}$/.test(values.seed)) refuse(`--seed is a whole number, not '${values.seed}'`);
// `pnpm gen:corpus` runs from the workspace root: an --out given is relative to where it was typed (INIT_CWD).
const out = resolve(process.env['INIT_CWD'] ?? process.cwd(), values.out!);
mkdirSync(out, { recursive: true });

function guidelineSources(dir: string): SourceText[] {
  const found: SourceText[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSorted(d)) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.guideline')) found.push({ text: readFileSync(p, 'utf8'), file: p });
    }
  };
  walk(dir);
  return found;
}

function readdirSorted(d: string): import('node:fs').Dirent[] {
  return readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
}

const rules: RuleSet = compileProgram(guidelineSources(join(root, 'guidelines'))).rules!;

// The cases, a line at a time.
const started = Date.now();
const jsonl = join(out, 'cases.jsonl');
writeJsonLines(jsonl, libraryCases(rules, n, Number(values.seed)));
console.log(`${n.toLocaleString('en-US')} cases in ${jsonl} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

// The same as Parquet, and a CSV sample with the mapping from its columns to case fields.
await withDuckDB(async (con) => {
  const parquet = join(out, 'cases.parquet');
  await con.run(`COPY (SELECT * FROM read_json('${jsonl}', format = 'newline_delimited')) TO '${parquet}' (FORMAT parquet)`);
  console.log(`the same as Parquet in ${parquet}`);
  const csv = join(out, 'cases-sample.csv');
  await con.run(`COPY (SELECT id AS claim_id, jurisdiction AS state, "asOf" AS review_date, review AS review_kind, request.treatment AS treatment, request.text AS request_text, request.visits AS visits, request."frequencyPerWeek" AS per_week, request.weeks AS weeks, request."bodyPart" AS body_part, request."serviceDate" AS service_date, injury.date AS injury_date, history."visitsCompleted" AS visits_done, history."functionalImprovement" AS improvement, history."homeExerciseProgram" AS home_program, diagnoses[1].text AS dx1_text, diagnoses[1].icd10 AS dx1_code, diagnoses[2].text AS dx2_text, diagnoses[2].icd10 AS dx2_code, diagnoses[3].text AS dx3_text, diagnoses[3].icd10 AS dx3_code, surgery.procedure AS surgery, surgery.date AS surgery_date, patient.age AS age FROM read_json('${jsonl}', format = 'newline_delimited') LIMIT 10000) TO '${csv}' (HEADER)`);
  console.log(`a CSV sample of ${Math.min(n, 10_000).toLocaleString('en-US')} rows in ${csv}`);
});
writeFileSync(join(out, 'mapping.json'), JSON.stringify({
  id: 'claim_id', jurisdiction: 'state', asOf: 'review_date', review: 'review_kind', 'request.treatment': 'treatment', 'request.text': 'request_text', 'request.visits': 'visits',
  'request.frequencyPerWeek': 'per_week', 'request.weeks': 'weeks', 'request.bodyPart': 'body_part', 'request.serviceDate': 'service_date', 'injury.date': 'injury_date',
  'history.visitsCompleted': 'visits_done', 'history.functionalImprovement': 'improvement', 'history.homeExerciseProgram': 'home_program',
  'diagnoses[0].text': 'dx1_text', 'diagnoses[0].icd10': 'dx1_code', 'diagnoses[1].text': 'dx2_text', 'diagnoses[1].icd10': 'dx2_code',
  'diagnoses[2].text': 'dx3_text', 'diagnoses[2].icd10': 'dx3_code', 'surgery.procedure': 'surgery', 'surgery.date': 'surgery_date', 'patient.age': 'age',
}, null, 2) + '\n');

// The guidelines after the next edition: the 2009 edition ends where the 2016 one begins.
writeNextEdition(join(out, 'after'));
console.log(`the guidelines with the 2016 edition in ${join(out, 'after')}`);
