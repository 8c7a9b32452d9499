// The language worker: parses, checks and compiles the edited guideline with the other bundled files,
// answers completion, hover, definition and format requests, checks and runs cases against the rule set
// it compiled last, and reads and makes share links. Whatever it sends the page is bounded (limits.ts).
import { analyze as analyzeFile, compileProgram, completionsAt, definitionAt, formatGuideline, hoverAt, SourceFile, type RuleSet, type SourceText } from '@guideline/language';
import { completionsShown } from '../limits.ts';
import type { Analysis, Request, Response } from '../protocol.ts';
import { makeShareLink, readShareLink } from '../share-link.ts';
import { checkCase, compiledJson, runCase, runTests } from './cases.ts';
import { markerList } from './markers.ts';

let others: SourceText[] = [];
/** The rule set of the last analysis (undefined when it had errors): the one cases run against. */
let rules: RuleSet | undefined;

function analyze(text: string, file: string): Analysis {
  // A lone policy-less guideline still runs: the other bundled files supply the policies (as the CLI does).
  const result = compileProgram([{ text, file }, ...others.filter((o) => o.file !== file)], { reuse: true });
  rules = result.rules;
  const mine = result.diagnostics.filter((d) => d.file === file);
  return { markers: markerList(mine, new SourceFile(text, file)), compiled: rules !== undefined, compiledJson: compiledJson(rules, file) };
}

function handle(req: Request): unknown {
  switch (req.kind) {
    case 'others':
      others = req.others;
      return null;
    case 'check': return markerList(analyzeFile(req.text, req.file).diagnostics, new SourceFile(req.text, req.file));
    case 'analyze': return analyze(req.text, req.file);
    case 'complete': return completionsAt(req.text, req.offset, { file: req.file, program: others }).slice(0, completionsShown);
    case 'hover': return hoverAt(req.text, req.offset, { file: req.file, program: others }) ?? null;
    case 'definition': return definitionAt(req.text, req.offset, { file: req.file, program: others }) ?? null;
    case 'format': {
      const r = formatGuideline(req.text);
      return { text: r.text, formatted: r.formatted, markers: markerList(r.diagnostics, new SourceFile(req.text)) };
    }
    case 'check-case': {
      const { problems, total, marks } = checkCase(req.text, rules);
      return { problems, total, marks };
    }
    case 'run': return runCase(rules, req.caseText);
    case 'run-tests': return rules ? runTests(rules, req.tests) : null;
    case 'read-link': return readShareLink(req.hash, new Set(req.workspace)) ?? null;
    case 'make-link': return makeShareLink(req.state);
  }
}

async function answer({ id, req }: { id: number; req: Request }): Promise<void> {
  let res: Response;
  try {
    res = { id, ok: true, result: await handle(req) };
  } catch (e) {
    res = { id, ok: false, error: errorText(e) };
  }
  try {
    self.postMessage(res);
  } catch (e) {
    self.postMessage({ id, ok: false, error: errorText(e) } satisfies Response);
  }
}

const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

// One request at a time, in order: a run waits for the analysis sent before it, however it awaits.
let queue = Promise.resolve();
self.onmessage = (ev: MessageEvent<{ id: number; req: Request }>) => {
  queue = queue.then(() => answer(ev.data));
};
