// What the language worker needs only after the start: the editor's services (completion, hover, go to
// definition, quick fixes, format) and share links. A chunk of its own, so the first decision waits for none of it.
export { completionsAt, definitionAt, formatGuideline, hoverAt, quickFixesAt } from '@guideline/language';
export { makeShareLink, readShareLink } from '../share-link.ts';
