// A rule set with a vocabulary of its own: fields the standard vocabularies do not define
// (history.acmeCareStart, history.acmePainRelief), for tests of what follows from them.
export const ownVocabularyGuideline = [
  'vocabulary acme-spine "ACME spine facts"',
  'fact care began: date, from history.acmeCareStart',
  '  "The date conservative care began."',
  'fact pain relief: number in percent from 0 to 100, from history.acmePainRelief',
  '  "Pain relief in percent."',
  '',
  'guideline acme.care',
  '  title  "Conservative care first"',
  '  source "ACME", 2024',
  '  covers mri-lumbar',
  '  uses   acme-spine',
  '',
  'criterion care "Six weeks of conservative care"',
  '  require weeks since care began >= 6 weeks',
  '  otherwise "Care began less than six weeks ago."',
  '',
  'policy acme "ACME"',
  '  jurisdiction ZZ',
  '  first acme.care',
].join('\n');
