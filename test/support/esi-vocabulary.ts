// An epidural steroid injection vocabulary that declares count units of its own (`unit level,
// levels`, `unit injection, injections`) and facts in them, for the tests of declared units.
export const esiVocabulary = `vocabulary esi "Epidural steroid injections"

unit level, levels "A vertebral level treated"
unit injection, injections "An epidural injection"

fact levels requested: number of levels, from request.levels
  "The vertebral levels the injection is to treat."
fact injection rate: number of injections a year, from history.injectionRate
  "How often injections are given."
`;
