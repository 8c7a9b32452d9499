// The page's view of the workspace: every guideline file (its bundled text, or the edit kept over it)
// and every test case (bundled, edited here, or written here). The worker holds the same texts and
// compiles them as one program; this side knows what is edited, for the marks, storage, links and
// the download.
import type { SourceText } from '@guideline/language';
import { testCaseText, type TestCase } from './test-cases.ts';

export class PageWorkspace {
  private readonly bundledText = new Map<string, string>();
  private readonly bundledCaseText = new Map<string, string>();
  /** Edited guideline texts by file (a Map: names come from links and storage, never object keys). */
  private readonly drafts = new Map<string, string>();
  /** Test cases edited or written here, by file. */
  private readonly cases = new Map<string, TestCase>();

  private bundledCases: readonly TestCase[] = [];

  constructor(
    private readonly bundled: readonly SourceText[],
    bundledCases: readonly TestCase[],
  ) {
    for (const g of bundled) this.bundledText.set(g.file, g.text);
    this.addBundledCases(bundledCases);
  }

  /**
   * The bundled test cases (the page starts with the seed alone, the rest come after the editors): a
   * case kept as edited that is the same as its bundled text is no edit.
   */
  addBundledCases(cases: readonly TestCase[]): void {
    const known = new Set(this.bundledCases.map((c) => c.file));
    this.bundledCases = [...this.bundledCases, ...cases.filter((c) => !known.has(c.file))];
    for (const c of cases) {
      const text = testCaseText(c);
      this.bundledCaseText.set(c.file, text);
      const kept = this.cases.get(c.file);
      if (kept && testCaseText(kept) === text) this.cases.delete(c.file);
    }
  }

  /** Every guideline file, in name order. */
  files(): string[] {
    return [...new Set([...this.bundledText.keys(), ...this.drafts.keys()])].sort();
  }

  has(file: string): boolean {
    return this.bundledText.has(file) || this.drafts.has(file);
  }

  text(file: string): string {
    return this.drafts.get(file) ?? this.bundledText.get(file) ?? '';
  }

  /** Sets a file's text; an edit back to the bundled text is no edit. */
  set(file: string, text: string): void {
    if (this.bundledText.get(file) === text) this.drafts.delete(file);
    else this.drafts.set(file, text);
  }

  isEdited(file: string): boolean {
    return this.drafts.has(file);
  }

  /** The edited files with their texts. */
  edits(): SourceText[] {
    return [...this.drafts].map(([file, text]) => ({ file, text }));
  }

  get bundledSources(): readonly SourceText[] {
    return this.bundled;
  }

  /** Every test case: the bundled ones (as edited here) and those written here, in file order. */
  testCases(): TestCase[] {
    const out = this.bundledCases.map((c) => this.cases.get(c.file) ?? c);
    for (const [file, c] of this.cases) if (!this.bundledCaseText.has(file)) out.push(c);
    return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  testCase(file: string): TestCase | undefined {
    return this.cases.get(file) ?? this.bundledCases.find((c) => c.file === file);
  }

  setTestCase(c: TestCase): void {
    if (this.bundledCaseText.get(c.file) === testCaseText(c)) this.cases.delete(c.file);
    else this.cases.set(c.file, c);
  }

  isCaseEdited(file: string): boolean {
    return this.cases.has(file);
  }

  /** The test cases edited or written here. */
  caseEdits(): TestCase[] {
    return [...this.cases.values()];
  }

  /** What Reset discards, so that it can be put back. */
  snapshot(): { drafts: SourceText[]; cases: TestCase[] } {
    return { drafts: this.edits(), cases: this.caseEdits() };
  }

  restore(s: { drafts: readonly SourceText[]; cases: readonly TestCase[] }): void {
    this.drafts.clear();
    this.cases.clear();
    for (const d of s.drafts) this.set(d.file, d.text);
    for (const c of s.cases) this.setTestCase(c);
  }
}
