// The language worker: holds the workspace (every guideline file, edited or not) and compiles it as one
// program; answers completion, hover, definition, quick fix and format requests; checks and runs cases, the tests
// and an edit's impact against the workspace's rule set; reads and makes share links. Whatever it sends
// the page is bounded (limits.ts).
import { SourceFile } from '@guideline/language';
import { completionsShown } from '../limits.ts';
import type { Request } from '../protocol.ts';
import { answerRequests } from './answer.ts';
import { checkCase, runCase, runTests } from './cases.ts';
import { diagramOf } from './diagram.ts';
import { formSchema } from './form-schema.ts';
import { impactOf } from './impact.ts';
import { markerList } from './markers.ts';
import { Workspace } from './workspace.ts';

const workspace = new Workspace();
/** The editor's services and share links: loaded once the editors check their first text, or on first use. */
const later = (): Promise<typeof import('./later.ts')> => import('./later.ts');

async function handle(req: Request): Promise<unknown> {
  if (workspace.mirror(req)) return null;
  switch (req.kind) {
    case 'check':
      void later(); // the editors are up: their services next
      return workspace.check(req.file, req.text);
    case 'analyze': return workspace.analyze(req.file);
    case 'complete': return (await later()).completionsAt(req.text, req.offset, { file: req.file, program: workspace.program() }).slice(0, completionsShown);
    case 'hover': return (await later()).hoverAt(req.text, req.offset, { file: req.file, program: workspace.program() }) ?? null;
    case 'definition': return (await later()).definitionAt(req.text, req.offset, { file: req.file, program: workspace.program() }) ?? null;
    case 'fixes': return (await later()).quickFixesAt(req.text, req.range, { file: req.file, program: workspace.program() });
    case 'format': {
      const r = (await later()).formatGuideline(req.text);
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
    case 'diagram': {
      const rules = workspace.compile();
      return req.drawn === workspace.revision ? { revision: req.drawn } : { revision: workspace.revision, data: diagramOf(rules, req.file) };
    }
    case 'read-link': return (await later()).readShareLink(req.hash, new Set(req.workspace)) ?? null;
    case 'make-link': return (await later()).makeShareLink(req.state);
  }
}

answerRequests(handle);
