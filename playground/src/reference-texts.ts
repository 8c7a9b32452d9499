// The language's reference, loaded only when the Reference panel opens: the diagnostics catalog and
// the language specification, as the repository has them.
import diagnostics from '../../docs/diagnostics.md?raw';
import spec from '../../grammar/SPEC.md?raw';

export const referenceTexts = [
  { title: 'Diagnostics', text: diagnostics },
  { title: 'The guideline language', text: spec },
];
