// The language worker: holds the workspace (every guideline file, edited or not) and compiles it as one
// program; answers completion, hover, definition and format requests; checks and runs cases, the tests
// and an edit's impact against the workspace's rule set; reads and makes share links. Whatever it sends
// the page is bounded (limits.ts).
import { analyze as analyzeFile, completionsAt, definitionAt, formatGuideline, hoverAt, SourceFile } from '@guideline/language';
import { completionsShown } from '../limits.ts';
import type { Request } from '../protocol.ts';
import { answerRequests } from './answer.ts';
import { makeShareLink, readShareLink } from '../share-link.ts';
import { checkCase, runCase, runTests } from './cases.ts';
import { diagramOf } from './diagram.ts';
import { formSchema } from './form-schema.ts';
import { impactOf } from './impact.ts';
import { markerList } from './markers.ts';
import { Workspace } from './workspace.ts';

const workspace = new Workspace();

function handle(req: Request): unknown {
  if (workspace.mirror(req)) return null;
  switch (req.kind) {
    case 'check': return markerList(analyzeFile(req.text, req.file).diagnostics, new SourceFile(req.text, req.file));
    case 'analyze': return workspace.analyze(req.file);
    case 'complete': return completionsAt(req.text, req.offset, { file: req.file, program: workspace.program() }).slice(0, completionsShown);
    case 'hover': return hoverAt(req.text, req.offset, { file: req.file, program: workspace.program() }) ?? null;
    case 'definition': return definitionAt(req.text, req.offset, { file: req.file, program: workspace.program() }) ?? null;
    case 'format': {
      const r = formatGuideline(req.text);
      return { text: r.text, formatted: r.formatted, markers: markerList(r.diagnostics, new SourceFile(req.text)) };
    }
    case 'check-case': {
      const { problems, total, marks } = checkCase(req.text, workspace.compile());
      return { problems, total, marks };
    }
    case 'run': return runCase(workspace.compile(), req.caseText, () => workspace.otherErrors(''));
    case 'run-tests': {
      const rules = workspace.compile();
      return rules ? runTests(rules, req.tests) : null;
    }
    case 'impact': return impactOf(workspace.baseline(), workspace.compile(), workspace.edited(), req.tests);
    case 'fields': return formSchema(workspace.compile());
    case 'diagram': return diagramOf(workspace.compile(), req.file);
    case 'read-link': return readShareLink(req.hash, new Set(req.workspace)) ?? null;
    case 'make-link': return makeShareLink(req.state);
  }
}

answerRequests(handle);
