// End-to-end tests of `guideline analyze` and `guideline diff`: located findings with the requests
// they hold for and a replayed example, one JSON finding per line, exit codes, usage mistakes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratch } from './support/cli.ts';

const { file, dir } = scratch('guideline-analyze-');
const stackTrace = /^\s+at .*:\d+:\d+\)?$/m;

const program = (require: string, applies = 'completed visits >= 0'): string => `guideline example.early
  title  "Early"
  source "Example Guidelines", 2009, pages 1-2
  covers physical-therapy
  uses   physical-medicine
  applies when ${applies}

criterion course "Course"
  require ${require}
  otherwise "Not met."

policy example "Example"
  jurisdiction CA
  first example.early
`;

/** A guideline that applies by the requested surgery's CPT codes (a code fact of a vocabulary of its own). */
const surgery = (require: string): string => `vocabulary knee-surgery "Knee surgery"
fact requested surgery code: code, from request.procedureCode
  "The CPT code of the requested surgery."
fact conservative care weeks: number of weeks, from history.conservativeCareWeeks
  "The weeks of conservative care."

guideline example.meniscectomy
  title  "Meniscectomy"
  source "Example Guidelines", 2009, pages 1-2
  covers knee-arthroscopy
  uses   knee-surgery
  applies when requested surgery code is 29880, 29881

criterion conservative-care "Conservative care"
  require ${require}
  otherwise "Not met."

policy example "Example"
  jurisdiction CA
  first example.meniscectomy
`;

describe('guideline analyze', () => {
  it('prints a located finding, where it holds, and its example decided; exit 1 on a warning', () => {
    const r = runCli(['analyze', file('never.guideline', program('completed visits < 0'))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/never\.guideline:8:1: warning A604 /);
    expect(r.stdout).toMatch(/^ {2}example \{"jurisdiction":"CA"/m);
    expect(r.stdout).toMatch(/^ {4}decided: insufficient-information|^ {4}decided: not-medically-necessary/m);
    expect(r.stdout).toMatch(/1 finding \(1 warning, 0 for information\)/);
    expect(r.stderr).not.toMatch(stackTrace);
  });

  it('prints one JSON finding per line with --json, its example reproduced', () => {
    const r = runCli(['analyze', file('never2.guideline', program('completed visits < 0')), '--json']);
    const findings = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { code: string; line: number; example: { reproduced: boolean; case: unknown } });
    expect(findings.map((f) => [f.code, f.line, f.example.reproduced])).toEqual([['A604', 8, true]]);
  });

  it('lists a finding accepted in the source with its reason, and exits 0 on it', () => {
    const accepted = program('completed visits < 0').replace('\ncriterion course', '\n# accept A604: never met, on purpose\ncriterion course');
    const r = runCli(['analyze', file('accepted.guideline', accepted)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/accepted\.guideline:9:1: warning A604 /);
    expect(r.stdout).toMatch(/^ {2}accepted: never met, on purpose$/m);
    expect(r.stdout).toMatch(/1 finding \(0 warnings, 1 accepted, 0 for information\)/);
    const json = runCli(['analyze', file('accepted2.guideline', accepted), '--json']);
    expect(json.code).toBe(0);
    expect(json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { code: string; accepted?: string }).map((f) => [f.code, f.accepted])).toEqual([['A604', 'never met, on purpose']]);
  });

  it('refuses an acceptance without a reason (A614) and reports one that accepts nothing (A613): exit 1', () => {
    const refused = program('completed visits < 0').replace('\ncriterion course', '\n# accept A604\ncriterion course');
    const stale = program('completed visits <= 10').replace('\ncriterion course', '\n# accept A604: never met\ncriterion course');
    const codes = (text: string, name: string): [number, string[]] => {
      const r = runCli(['analyze', file(name, text), '--json']);
      return [r.code, r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { code: string }).code)];
    };
    expect(codes(refused, 'refused.guideline')).toEqual([1, ['A604', 'A614']]);
    expect(codes(stale, 'stale.guideline')).toEqual([1, ['A613']]);
  });

  it('sees through a gate on procedure codes: a criterion never met behind it, and the codes no guideline takes', () => {
    const r = runCli(['analyze', file('knee-never.guideline', surgery('conservative care weeks >= 4 and conservative care weeks < 2')), '--json']);
    expect(r.code).toBe(1);
    const findings = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { code: string; line: number; where: string[]; example: { reproduced: boolean; case: { request: { procedureCode?: string } } } });
    expect(findings.map((f) => f.code)).not.toContain('A612');
    const never = findings.find((f) => f.code === 'A604');
    expect(never?.line).toBe(14);
    // A request for the surgery under another code reaches no guideline: its example gives a code neither pattern matches.
    const gap = findings.find((f) => f.code === 'A607');
    expect(gap?.example.reproduced).toBe(true);
    expect(gap?.example.case.request.procedureCode).toMatch(/^\d{5}$/);
    expect(['29880', '29881']).not.toContain(gap?.example.case.request.procedureCode);
  });

  it('exits 0 when nothing is found', () => {
    const r = runCli(['analyze', file('fine.guideline', program('completed visits + requested visits <= 10'))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 findings/);
  });

  it('exits 2 on a guideline that does not compile, with the located error', () => {
    const r = runCli(['analyze', file('broken.guideline', program('completed visits >>= 0'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.guideline:\d+:\d+: error /);
    expect(r.stderr).not.toMatch(stackTrace);
  });

  it('has its own help, with the checks and their codes', () => {
    const r = runCli(['analyze', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: guideline analyze \[paths\] \[--json\]/);
    for (const code of ['A601', 'A604', 'A607', 'A612']) expect(r.stdout).toContain(code);
  });
});

describe('guideline diff', () => {
  it('prints each kind of change with a case decided both ways', () => {
    const before = file('before.guideline', program('completed visits + requested visits <= 12'));
    const after = file('after.guideline', program('completed visits + requested visits <= 10'));
    const r = runCli(['diff', '--before', before, '--after', after]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/after\.guideline:1:1: info A608 Some requests are decided not-medically-necessary instead of medically-necessary/);
    expect(r.stdout).toMatch(/^\d+ kinds? of change found; checks/m);
    expect(r.stdout).toMatch(/^ {4}before: medically-necessary under 'example\.early'/m);
    expect(r.stdout).toMatch(/^ {4}after: not-medically-necessary under 'example\.early'/m);
  });

  it('compares the guidelines at a git revision with the working tree, shown at the files as git names them', () => {
    // A repository of its own: the guideline as committed, then edited and not committed.
    const repo = join(dir, 'diff-repo');
    mkdirSync(join(repo, 'rules'), { recursive: true });
    const git = (...args: string[]): void => void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'ignore' });
    writeFileSync(join(repo, 'rules/early.guideline'), program('completed visits + requested visits <= 12'));
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'twelve');
    writeFileSync(join(repo, 'rules/early.guideline'), program('completed visits + requested visits <= 10'));
    const r = runCli(['diff', '--before', 'HEAD:rules', '--after', 'rules'], { cwd: repo });
    expect([r.code, r.stderr]).toEqual([1, '']);
    expect(r.stdout).toMatch(/^rules\/early\.guideline:1:1: info A608 Some requests are decided not-medically-necessary instead of medically-necessary/m);
    // Both at revisions, from a folder of the repository; a problem is shown at the file as git names it.
    git('commit', '-qam', 'ten');
    const within = runCli(['diff', '--before', 'HEAD~1:./', '--after', 'HEAD:./'], { cwd: join(repo, 'rules') });
    expect(within.stdout).toMatch(/^HEAD:\.\/early\.guideline:1:1: info A608 /m);
    writeFileSync(join(repo, 'rules/early.guideline'), program('completed visits + requested visits <='));
    git('commit', '-qam', 'broken');
    const broken = runCli(['diff', '--before', 'HEAD~1:rules', '--after', 'HEAD:rules'], { cwd: repo });
    expect([broken.code, broken.stdout]).toEqual([2, '']);
    expect(broken.stderr).toMatch(/^HEAD:rules\/early\.guideline:10:3: error P201 /m);
    expect(broken.stderr).not.toContain('guideline-rev-');
    // What git does not know, the revision or the path at it, said apart, and never git's command line.
    expect(runCli(['diff', '--before', 'no-such-rev:rules', '--after', 'rules'], { cwd: repo })).toMatchObject({ code: 2, stderr: "guideline: 'no-such-rev:rules': no such revision in git: 'no-such-rev'\n" });
    expect(runCli(['diff', '--before', 'HEAD:rule', '--after', 'rules'], { cwd: repo })).toMatchObject({ code: 2, stderr: "guideline: 'HEAD:rule': no such path at revision 'HEAD': 'rule', read from the repository's root (./ for the current folder); did you mean 'HEAD:rules'?\n" });
    expect(runCli(['diff', '--before', 'HEAD:./erly.guideline', '--after', 'early.guideline'], { cwd: join(repo, 'rules') })).toMatchObject({ code: 2, stderr: "guideline: 'HEAD:./erly.guideline': no such path at revision 'HEAD': './erly.guideline', read from the current folder; did you mean 'HEAD:./early.guideline'?\n" });
  });

  it('exits 0 with no change found only when the versions decide alike', () => {
    const one = file('same-a.guideline', program('completed visits + requested visits <= 12'));
    const two = file('same-b.guideline', program('completed visits + requested visits <= 12'));
    const r = runCli(['diff', '--before', one, '--after', two]);
    expect([r.code, r.stdout.trim()]).toEqual([0, expect.stringMatching(/^No change found; checks/)]);
  });

  // A fact that reads the case another way changes decisions with no guideline's text changed: the
  // comparison, which reads each fact one way, says it did not compare them rather than "no change".
  const flares = (absent: string): string => `vocabulary flares "Flares"
fact flare documented: yes or no, from history.flareDocumented${absent}
  "Whether a flare-up is documented."

${program('completed visits + requested visits <= 10 or flare documented').replace('uses   physical-medicine', 'uses   physical-medicine, flares')}`;

  it('does not compare what a fact declared differently decides, and says so; exit 1', () => {
    mkdirSync(join(dir, 'flares-a'), { recursive: true });
    mkdirSync(join(dir, 'flares-b'), { recursive: true });
    const before = file('flares-a/x.guideline', flares(', when absent no'));
    const after = file('flares-b/x.guideline', flares(''));
    const r = runCli(['diff', '--before', before, '--after', after]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/info A612 Not analyzed: what changed under policy 'example', because fact 'flare documented' is declared differently in the two versions/);
    expect(r.stdout).toMatch(/^No change found where compared; 1 part not compared \(A612\)/m);
    // Declared alike, it is compared (and the same text decides the same).
    expect(runCli(['diff', '--before', before, '--after', before]).code).toBe(0);
  });

  it('says a changed guideline it cannot analyze was not compared, and exits 1; an unchanged one is no part of it', () => {
    const coded = (weeks: number): string => program(`completed visits + requested visits <= ${weeks}`, 'any diagnoses where diagnosis code is M54.1*');
    const before = file('coded-a.guideline', coded(10));
    const after = file('coded-b.guideline', coded(12));
    const r = runCli(['diff', '--before', before, '--after', after]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/A612 Not analyzed/);
    expect(r.stdout).toMatch(/not compared \(A612\), where what changes is not known/);
    const same = runCli(['diff', '--before', before, '--after', file('coded-c.guideline', coded(10))]);
    expect([same.code, same.stdout.trim()]).toEqual([0, expect.stringMatching(/^No change found; checks/)]);
  });

  it('compares a guideline that applies by procedure codes: an edit behind the codes is a change, with an example of one of them', () => {
    const before = file('knee-a.guideline', surgery('conservative care weeks >= 4'));
    const after = file('knee-b.guideline', surgery('conservative care weeks >= 6'));
    const r = runCli(['diff', '--before', before, '--after', after, '--json']);
    expect(r.code).toBe(1);
    const findings = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { code: string; data: Record<string, string>; example: { reproduced: boolean; case: { request: { procedureCode?: string } } } });
    expect(findings.map((f) => f.code)).not.toContain('A612');
    const change = findings.find((f) => f.code === 'A608' && f.data['before'] === 'medically-necessary' && f.data['after'] === 'not-medically-necessary');
    expect(change?.example.reproduced).toBe(true);
    expect(['29880', '29881']).toContain(change?.example.case.request.procedureCode);
    const text = runCli(['diff', '--before', before, '--after', after]);
    expect(text.stdout).toMatch(/info A608 Some requests are decided not-medically-necessary instead of medically-necessary/);
    expect(text.stdout).toMatch(/^ {2}where .*requested surgery code is 29880 or 29881/m);
  });

  it('says what it takes when --before or --after is missing, or a path is given bare; exit 2', () => {
    const one = file('one.guideline', program('completed visits <= 10'));
    for (const args of [['diff', '--before', one], ['diff', one, '--after', one]]) {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--before|--after/);
      expect(r.stderr).not.toMatch(stackTrace);
    }
  });
});
