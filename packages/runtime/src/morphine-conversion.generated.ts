// GENERATED. DO NOT EDIT. Regenerate with `pnpm gen` (scripts/gen-conversions.ts).
// The opioids vocabulary's conversion factors to oral morphine milligram equivalents, compiled.
import type { CompiledTable } from '@guideline/language/rules';

export const morphineConversion: CompiledTable = {
  id: "opioids.morphine-conversion",
  keys: [{"words":"drug","value":{"fact":"medications[].name"}},{"words":"dose unit","value":{"fact":"medications[].unit"}},{"words":"formulation","value":{"fact":"medications[].formulation"}},{"words":"daily dose","value":{"fact":"medications[].dailyDose"}}],
  columns: [{"id":"morphine conversion factor","words":"morphine conversion factor","type":{"kind":"number","min":0}}],
  choose: "first",
  rows: [
    {"when":[[{"is":"codeine"}],[],[],[]],"cells":[0.15],"source":{"file":"vocabularies/opioids.guideline","line":47,"column":3,"endLine":47,"endColumn":89,"start":2957,"end":3043}},
    {"when":[[{"is":"fentanyl"}],[{"is":"mcg/h"}],[],[]],"cells":[2.4],"source":{"file":"vocabularies/opioids.guideline","line":48,"column":3,"endLine":48,"endColumn":89,"start":3046,"end":3132}},
    {"when":[[{"is":"fentanyl"}],[],[{"is":"transdermal"}],[]],"cells":[2.4],"source":{"file":"vocabularies/opioids.guideline","line":49,"column":3,"endLine":49,"endColumn":89,"start":3135,"end":3221}},
    {"when":[[{"is":"hydrocodone"}],[],[],[]],"cells":[1],"source":{"file":"vocabularies/opioids.guideline","line":50,"column":3,"endLine":50,"endColumn":89,"start":3224,"end":3310}},
    {"when":[[{"is":"hydromorphone"}],[],[],[]],"cells":[4],"source":{"file":"vocabularies/opioids.guideline","line":51,"column":3,"endLine":51,"endColumn":89,"start":3313,"end":3399}},
    {"when":[[{"is":"methadone"}],[{"is":"mg"}],[],[{"cmp":"<=","value":20}]],"cells":[4],"source":{"file":"vocabularies/opioids.guideline","line":52,"column":3,"endLine":52,"endColumn":89,"start":3402,"end":3488}},
    {"when":[[{"is":"methadone"}],[{"is":"mg"}],[],[{"cmp":"<=","value":40}]],"cells":[8],"source":{"file":"vocabularies/opioids.guideline","line":53,"column":3,"endLine":53,"endColumn":89,"start":3491,"end":3577}},
    {"when":[[{"is":"methadone"}],[{"is":"mg"}],[],[{"cmp":"<=","value":60}]],"cells":[10],"source":{"file":"vocabularies/opioids.guideline","line":54,"column":3,"endLine":54,"endColumn":89,"start":3580,"end":3666}},
    {"when":[[{"is":"methadone"}],[{"is":"mg"}],[],[]],"cells":[12],"source":{"file":"vocabularies/opioids.guideline","line":55,"column":3,"endLine":55,"endColumn":89,"start":3669,"end":3755}},
    {"when":[[{"is":"morphine"}],[],[],[]],"cells":[1],"source":{"file":"vocabularies/opioids.guideline","line":56,"column":3,"endLine":56,"endColumn":89,"start":3758,"end":3844}},
    {"when":[[{"is":"oxycodone"}],[],[],[]],"cells":[1.5],"source":{"file":"vocabularies/opioids.guideline","line":57,"column":3,"endLine":57,"endColumn":89,"start":3847,"end":3933}},
    {"when":[[{"is":"oxymorphone"}],[],[],[]],"cells":[3],"source":{"file":"vocabularies/opioids.guideline","line":58,"column":3,"endLine":58,"endColumn":89,"start":3936,"end":4022}},
    {"when":[[{"is":"tapentadol"}],[],[],[]],"cells":[0.4],"source":{"file":"vocabularies/opioids.guideline","line":59,"column":3,"endLine":59,"endColumn":89,"start":4025,"end":4111}},
    {"when":[[{"is":"tramadol"}],[],[],[]],"cells":[0.1],"source":{"file":"vocabularies/opioids.guideline","line":60,"column":3,"endLine":60,"endColumn":89,"start":4114,"end":4200}},
  ],
  source: {"file":"vocabularies/opioids.guideline","line":44,"column":1,"endLine":60,"endColumn":89,"start":2747,"end":4200},
  title: "Conversion factors to oral morphine milligram equivalents (CDC 2016)",
};
