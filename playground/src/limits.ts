// The playground's limits on hostile or oversized input: share links, what the language worker hands
// the page, and what the page renders. docs/limits.md lists them with what happens at each.
import { maxDiagnosticsPerFile } from '@guideline/language';
import { caseLimits } from '@guideline/runtime';

/** Characters of a share link's compressed state (the part after `#share=`). */
export const linkMaxChars = 262_144;

/** Characters a share link may inflate to (the JSON of its state); decoding stops as soon as it would pass this. */
export const linkMaxDecodedChars = 1_048_576;

/** Guideline files a share link carries: every edited file (any other file opens with its bundled text). */
export const linkMaxFiles = 100;

/** Characters of a guideline file name in a link or in local storage. */
export const fileNameMaxChars = 200;

/**
 * Problems of the guideline listed under the editor and marked in it; the rest are counted ("N more").
 * The language reports no more than this for a file and counts the rest into one P208.
 */
export const problemsShown = maxDiagnosticsPerFile;

/** Problems of the case listed and marked at their fields: as many as the runtime reports (it counts the rest). */
export const caseProblemsShown = caseLimits.maxIssues;

/** Criteria of a determination shown (a real guideline has a handful). */
export const criteriaShown = 200;

/** Completion items offered at once. */
export const completionsShown = 500;

/** Characters of compiled rules shown in the Compiled JSON tab. */
export const compiledShownChars = 2_097_152;

/** Characters of case JSON the form view builds inputs for; a larger case is edited as JSON. */
export const formMaxChars = 65_536;

/** Trace entries (conditions) shown for one criterion. */
export const traceShown = 200;


/** Other files with errors named when the workspace does not compile. */
export const otherFilesShown = 20;

/** Test cases an edit's impact lists (the count covers them all). */
export const impactShown = 200;

/** Test cases written in the playground and kept with the work. */
export const workspaceCasesMax = 500;

/** Conditions whose test coverage is sent to the editor (gaps first). */
export const coverageShown = 5_000;

/** Condition boxes drawn in a guideline's picture. */
export const diagramBoxesShown = 1_000;

/** Layouts of pictures the page keeps (each by its data's text), the least recently drawn dropped first. */
export const layoutsKept = 8;

/** Findings of the analysis listed (the counts cover them all); their markers are the open file's among them. */
export const findingsShown = 200;

/** Saved versions kept per guideline file (the oldest goes), and characters of all of them together. */
export const versionsKept = 10;
export const versionsMaxChars = 2_000_000;
