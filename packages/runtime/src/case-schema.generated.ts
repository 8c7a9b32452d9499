// GENERATED. DO NOT EDIT. Regenerate with `pnpm gen` (scripts/gen-validators.ts, from packages/runtime/schema/case.schema.json).
// ajv standalone code: the schema compiled at build time, so no validator is built at run time.
// @ts-nocheck
/* eslint-disable */
import { ucs2length } from './ucs2-length.ts';
import { isCalendarDate } from './iso-date.ts';

const formats = { date: { type: 'string', validate: isCalendarDate } };

const validate = validate21;
var stdin_default = validate21;
const schema6 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "guideline/case.schema.json", "title": "Case", "description": "One utilization-review request as a reviewer sees it. A field that is absent or null is unknown, never false; the one exception is `surgery: null`, which states that there was no surgery.", "type": "object", "required": ["jurisdiction", "asOf", "request"], "properties": { "id": { "type": "string", "description": "Optional label, echoed back as caseId." }, "jurisdiction": { "type": "string", "minLength": 1, "maxLength": 20, "description": "Selects the policy: CA, TX, ..." }, "asOf": { "type": "string", "format": "date", "description": "Review date (YYYY-MM-DD). Every date window is measured from it." }, "review": { "enum": ["independent", "utilization", null], "description": "independent (default): the request is decided as written. utilization: a request over the recommendation may be certified in part." }, "patient": { "type": ["object", "null"], "properties": { "age": { "type": ["number", "null"], "minimum": 0, "maximum": 130 }, "sex": { "type": ["string", "null"] } } }, "injury": { "type": ["object", "null"], "properties": { "date": { "type": ["string", "null"], "format": "date" }, "bodyParts": { "type": ["array", "null"], "items": { "type": "string" }, "maxItems": 50 } } }, "diagnoses": { "type": ["array", "null"], "maxItems": 100, "items": { "type": "object", "properties": { "text": { "type": "string", "maxLength": 1e3 }, "icd10": { "type": "string", "pattern": "^[A-Za-z][0-9][0-9A-Za-z](\\.?[0-9A-Za-z]{0,4})?$" } }, "anyOf": [{ "required": ["text"] }, { "required": ["icd10"] }] } }, "surgery": { "type": ["object", "null"], "properties": { "procedure": { "type": ["string", "null"], "maxLength": 1e3 }, "date": { "type": ["string", "null"], "format": "date" } } }, "request": { "type": "object", "required": ["treatment"], "properties": { "treatment": { "type": "string", "pattern": "^[a-z][a-z0-9-]*$", "maxLength": 60, "description": "physical-therapy | occupational-therapy | chiropractic | manipulation | acupuncture | massage | aquatic-therapy | ..." }, "text": { "type": ["string", "null"], "maxLength": 2e3 }, "visits": { "type": ["integer", "null"], "minimum": 0, "maximum": 1e3 }, "frequencyPerWeek": { "type": ["number", "null"], "minimum": 0, "maximum": 21 }, "weeks": { "type": ["number", "null"], "minimum": 0, "maximum": 520 }, "bodyPart": { "type": ["string", "null"], "maxLength": 200 }, "careType": { "enum": ["therapeutic", "maintenance", "flare-up", null], "description": "What the requested care is for: therapeutic (a course to restore function), maintenance (elective care to keep a plateau), flare-up (a recurrence after an earlier course). Absent or null: unknown." } } }, "history": { "type": ["object", "null"], "properties": { "visitsCompleted": { "type": ["integer", "null"], "minimum": 0, "maximum": 1e4 }, "functionalImprovement": { "enum": ["documented", "not-documented", null] }, "homeExerciseProgram": { "enum": ["none", "instructed", "compliant", "failed", null] }, "reducedWeightBearing": { "enum": ["documented", "not-documented", null], "description": "Whether the records document a need for reduced weight bearing (e.g. extreme obesity)." }, "activeTreatment": { "enum": ["ongoing", "none", null], "description": "Whether an active treatment program (therapeutic exercise, physical therapy, a home exercise program) is under way alongside the request." }, "painMedication": { "enum": ["reduced", "not-tolerated", "unchanged", null], "description": "The patient's pain medication: reduced, not tolerated, or unchanged." } } } } };
const func2 = ucs2length;
const formats0 = formats.date;
const pattern0 = new RegExp("^[A-Za-z][0-9][0-9A-Za-z](\\.?[0-9A-Za-z]{0,4})?$", "u");
const pattern1 = new RegExp("^[a-z][a-z0-9-]*$", "u");
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.jurisdiction === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "jurisdiction" }, message: "must have required property 'jurisdiction'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.asOf === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "asOf" }, message: "must have required property 'asOf'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.request === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "request" }, message: "must have required property 'request'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.id !== void 0) {
      if (typeof data.id !== "string") {
        const err3 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.jurisdiction !== void 0) {
      let data1 = data.jurisdiction;
      if (typeof data1 === "string") {
        if (func2(data1) > 20) {
          const err4 = { instancePath: instancePath + "/jurisdiction", schemaPath: "#/properties/jurisdiction/maxLength", keyword: "maxLength", params: { limit: 20 }, message: "must NOT have more than 20 characters" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        if (func2(data1) < 1) {
          const err5 = { instancePath: instancePath + "/jurisdiction", schemaPath: "#/properties/jurisdiction/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/jurisdiction", schemaPath: "#/properties/jurisdiction/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.asOf !== void 0) {
      let data2 = data.asOf;
      if (typeof data2 === "string") {
        if (!formats0.validate(data2)) {
          const err7 = { instancePath: instancePath + "/asOf", schemaPath: "#/properties/asOf/format", keyword: "format", params: { format: "date" }, message: 'must match format "date"' };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/asOf", schemaPath: "#/properties/asOf/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.review !== void 0) {
      let data3 = data.review;
      if (!(data3 === "independent" || data3 === "utilization" || data3 === null)) {
        const err9 = { instancePath: instancePath + "/review", schemaPath: "#/properties/review/enum", keyword: "enum", params: { allowedValues: schema6.properties.review.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.patient !== void 0) {
      let data4 = data.patient;
      if (!(data4 && typeof data4 == "object" && !Array.isArray(data4)) && data4 !== null) {
        const err10 = { instancePath: instancePath + "/patient", schemaPath: "#/properties/patient/type", keyword: "type", params: { type: schema6.properties.patient.type }, message: "must be object,null" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
        if (data4.age !== void 0) {
          let data5 = data4.age;
          if (!(typeof data5 == "number" && isFinite(data5)) && data5 !== null) {
            const err11 = { instancePath: instancePath + "/patient/age", schemaPath: "#/properties/patient/properties/age/type", keyword: "type", params: { type: schema6.properties.patient.properties.age.type }, message: "must be number,null" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
          if (typeof data5 == "number" && isFinite(data5)) {
            if (data5 > 130 || isNaN(data5)) {
              const err12 = { instancePath: instancePath + "/patient/age", schemaPath: "#/properties/patient/properties/age/maximum", keyword: "maximum", params: { comparison: "<=", limit: 130 }, message: "must be <= 130" };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
            if (data5 < 0 || isNaN(data5)) {
              const err13 = { instancePath: instancePath + "/patient/age", schemaPath: "#/properties/patient/properties/age/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          }
        }
        if (data4.sex !== void 0) {
          let data6 = data4.sex;
          if (typeof data6 !== "string" && data6 !== null) {
            const err14 = { instancePath: instancePath + "/patient/sex", schemaPath: "#/properties/patient/properties/sex/type", keyword: "type", params: { type: schema6.properties.patient.properties.sex.type }, message: "must be string,null" };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      }
    }
    if (data.injury !== void 0) {
      let data7 = data.injury;
      if (!(data7 && typeof data7 == "object" && !Array.isArray(data7)) && data7 !== null) {
        const err15 = { instancePath: instancePath + "/injury", schemaPath: "#/properties/injury/type", keyword: "type", params: { type: schema6.properties.injury.type }, message: "must be object,null" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
      if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
        if (data7.date !== void 0) {
          let data8 = data7.date;
          if (typeof data8 !== "string" && data8 !== null) {
            const err16 = { instancePath: instancePath + "/injury/date", schemaPath: "#/properties/injury/properties/date/type", keyword: "type", params: { type: schema6.properties.injury.properties.date.type }, message: "must be string,null" };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
          if (typeof data8 === "string") {
            if (!formats0.validate(data8)) {
              const err17 = { instancePath: instancePath + "/injury/date", schemaPath: "#/properties/injury/properties/date/format", keyword: "format", params: { format: "date" }, message: 'must match format "date"' };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          }
        }
        if (data7.bodyParts !== void 0) {
          let data9 = data7.bodyParts;
          if (!Array.isArray(data9) && data9 !== null) {
            const err18 = { instancePath: instancePath + "/injury/bodyParts", schemaPath: "#/properties/injury/properties/bodyParts/type", keyword: "type", params: { type: schema6.properties.injury.properties.bodyParts.type }, message: "must be array,null" };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
          if (Array.isArray(data9)) {
            if (data9.length > 50) {
              const err19 = { instancePath: instancePath + "/injury/bodyParts", schemaPath: "#/properties/injury/properties/bodyParts/maxItems", keyword: "maxItems", params: { limit: 50 }, message: "must NOT have more than 50 items" };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
            const len0 = data9.length;
            for (let i0 = 0; i0 < len0; i0++) {
              if (typeof data9[i0] !== "string") {
                const err20 = { instancePath: instancePath + "/injury/bodyParts/" + i0, schemaPath: "#/properties/injury/properties/bodyParts/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            }
          }
        }
      }
    }
    if (data.diagnoses !== void 0) {
      let data11 = data.diagnoses;
      if (!Array.isArray(data11) && data11 !== null) {
        const err21 = { instancePath: instancePath + "/diagnoses", schemaPath: "#/properties/diagnoses/type", keyword: "type", params: { type: schema6.properties.diagnoses.type }, message: "must be array,null" };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
      if (Array.isArray(data11)) {
        if (data11.length > 100) {
          const err22 = { instancePath: instancePath + "/diagnoses", schemaPath: "#/properties/diagnoses/maxItems", keyword: "maxItems", params: { limit: 100 }, message: "must NOT have more than 100 items" };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        const len1 = data11.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data12 = data11[i1];
          const _errs26 = errors;
          let valid7 = false;
          const _errs27 = errors;
          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            if (data12.text === void 0) {
              const err23 = { instancePath: instancePath + "/diagnoses/" + i1, schemaPath: "#/properties/diagnoses/items/anyOf/0/required", keyword: "required", params: { missingProperty: "text" }, message: "must have required property 'text'" };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          }
          var _valid0 = _errs27 === errors;
          valid7 = valid7 || _valid0;
          if (!valid7) {
            const _errs28 = errors;
            if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
              if (data12.icd10 === void 0) {
                const err24 = { instancePath: instancePath + "/diagnoses/" + i1, schemaPath: "#/properties/diagnoses/items/anyOf/1/required", keyword: "required", params: { missingProperty: "icd10" }, message: "must have required property 'icd10'" };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
            var _valid0 = _errs28 === errors;
            valid7 = valid7 || _valid0;
          }
          if (!valid7) {
            const err25 = { instancePath: instancePath + "/diagnoses/" + i1, schemaPath: "#/properties/diagnoses/items/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          } else {
            errors = _errs26;
            if (vErrors !== null) {
              if (_errs26) {
                vErrors.length = _errs26;
              } else {
                vErrors = null;
              }
            }
          }
          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            if (data12.text !== void 0) {
              let data13 = data12.text;
              if (typeof data13 === "string") {
                if (func2(data13) > 1e3) {
                  const err26 = { instancePath: instancePath + "/diagnoses/" + i1 + "/text", schemaPath: "#/properties/diagnoses/items/properties/text/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters" };
                  if (vErrors === null) {
                    vErrors = [err26];
                  } else {
                    vErrors.push(err26);
                  }
                  errors++;
                }
              } else {
                const err27 = { instancePath: instancePath + "/diagnoses/" + i1 + "/text", schemaPath: "#/properties/diagnoses/items/properties/text/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
            if (data12.icd10 !== void 0) {
              let data14 = data12.icd10;
              if (typeof data14 === "string") {
                if (!pattern0.test(data14)) {
                  const err28 = { instancePath: instancePath + "/diagnoses/" + i1 + "/icd10", schemaPath: "#/properties/diagnoses/items/properties/icd10/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z][0-9][0-9A-Za-z](\\.?[0-9A-Za-z]{0,4})?$" }, message: 'must match pattern "^[A-Za-z][0-9][0-9A-Za-z](\\.?[0-9A-Za-z]{0,4})?$"' };
                  if (vErrors === null) {
                    vErrors = [err28];
                  } else {
                    vErrors.push(err28);
                  }
                  errors++;
                }
              } else {
                const err29 = { instancePath: instancePath + "/diagnoses/" + i1 + "/icd10", schemaPath: "#/properties/diagnoses/items/properties/icd10/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
          } else {
            const err30 = { instancePath: instancePath + "/diagnoses/" + i1, schemaPath: "#/properties/diagnoses/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
      }
    }
    if (data.surgery !== void 0) {
      let data15 = data.surgery;
      if (!(data15 && typeof data15 == "object" && !Array.isArray(data15)) && data15 !== null) {
        const err31 = { instancePath: instancePath + "/surgery", schemaPath: "#/properties/surgery/type", keyword: "type", params: { type: schema6.properties.surgery.type }, message: "must be object,null" };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
      if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
        if (data15.procedure !== void 0) {
          let data16 = data15.procedure;
          if (typeof data16 !== "string" && data16 !== null) {
            const err32 = { instancePath: instancePath + "/surgery/procedure", schemaPath: "#/properties/surgery/properties/procedure/type", keyword: "type", params: { type: schema6.properties.surgery.properties.procedure.type }, message: "must be string,null" };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
          if (typeof data16 === "string") {
            if (func2(data16) > 1e3) {
              const err33 = { instancePath: instancePath + "/surgery/procedure", schemaPath: "#/properties/surgery/properties/procedure/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters" };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
          }
        }
        if (data15.date !== void 0) {
          let data17 = data15.date;
          if (typeof data17 !== "string" && data17 !== null) {
            const err34 = { instancePath: instancePath + "/surgery/date", schemaPath: "#/properties/surgery/properties/date/type", keyword: "type", params: { type: schema6.properties.surgery.properties.date.type }, message: "must be string,null" };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
          if (typeof data17 === "string") {
            if (!formats0.validate(data17)) {
              const err35 = { instancePath: instancePath + "/surgery/date", schemaPath: "#/properties/surgery/properties/date/format", keyword: "format", params: { format: "date" }, message: 'must match format "date"' };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
          }
        }
      }
    }
    if (data.request !== void 0) {
      let data18 = data.request;
      if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
        if (data18.treatment === void 0) {
          const err36 = { instancePath: instancePath + "/request", schemaPath: "#/properties/request/required", keyword: "required", params: { missingProperty: "treatment" }, message: "must have required property 'treatment'" };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
        if (data18.treatment !== void 0) {
          let data19 = data18.treatment;
          if (typeof data19 === "string") {
            if (func2(data19) > 60) {
              const err37 = { instancePath: instancePath + "/request/treatment", schemaPath: "#/properties/request/properties/treatment/maxLength", keyword: "maxLength", params: { limit: 60 }, message: "must NOT have more than 60 characters" };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
            if (!pattern1.test(data19)) {
              const err38 = { instancePath: instancePath + "/request/treatment", schemaPath: "#/properties/request/properties/treatment/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]*$" }, message: 'must match pattern "^[a-z][a-z0-9-]*$"' };
              if (vErrors === null) {
                vErrors = [err38];
              } else {
                vErrors.push(err38);
              }
              errors++;
            }
          } else {
            const err39 = { instancePath: instancePath + "/request/treatment", schemaPath: "#/properties/request/properties/treatment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err39];
            } else {
              vErrors.push(err39);
            }
            errors++;
          }
        }
        if (data18.text !== void 0) {
          let data20 = data18.text;
          if (typeof data20 !== "string" && data20 !== null) {
            const err40 = { instancePath: instancePath + "/request/text", schemaPath: "#/properties/request/properties/text/type", keyword: "type", params: { type: schema6.properties.request.properties.text.type }, message: "must be string,null" };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
          if (typeof data20 === "string") {
            if (func2(data20) > 2e3) {
              const err41 = { instancePath: instancePath + "/request/text", schemaPath: "#/properties/request/properties/text/maxLength", keyword: "maxLength", params: { limit: 2e3 }, message: "must NOT have more than 2000 characters" };
              if (vErrors === null) {
                vErrors = [err41];
              } else {
                vErrors.push(err41);
              }
              errors++;
            }
          }
        }
        if (data18.visits !== void 0) {
          let data21 = data18.visits;
          if (!(typeof data21 == "number" && (!(data21 % 1) && !isNaN(data21)) && isFinite(data21)) && data21 !== null) {
            const err42 = { instancePath: instancePath + "/request/visits", schemaPath: "#/properties/request/properties/visits/type", keyword: "type", params: { type: schema6.properties.request.properties.visits.type }, message: "must be integer,null" };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
          if (typeof data21 == "number" && isFinite(data21)) {
            if (data21 > 1e3 || isNaN(data21)) {
              const err43 = { instancePath: instancePath + "/request/visits", schemaPath: "#/properties/request/properties/visits/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000" };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
            if (data21 < 0 || isNaN(data21)) {
              const err44 = { instancePath: instancePath + "/request/visits", schemaPath: "#/properties/request/properties/visits/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
          }
        }
        if (data18.frequencyPerWeek !== void 0) {
          let data22 = data18.frequencyPerWeek;
          if (!(typeof data22 == "number" && isFinite(data22)) && data22 !== null) {
            const err45 = { instancePath: instancePath + "/request/frequencyPerWeek", schemaPath: "#/properties/request/properties/frequencyPerWeek/type", keyword: "type", params: { type: schema6.properties.request.properties.frequencyPerWeek.type }, message: "must be number,null" };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
          if (typeof data22 == "number" && isFinite(data22)) {
            if (data22 > 21 || isNaN(data22)) {
              const err46 = { instancePath: instancePath + "/request/frequencyPerWeek", schemaPath: "#/properties/request/properties/frequencyPerWeek/maximum", keyword: "maximum", params: { comparison: "<=", limit: 21 }, message: "must be <= 21" };
              if (vErrors === null) {
                vErrors = [err46];
              } else {
                vErrors.push(err46);
              }
              errors++;
            }
            if (data22 < 0 || isNaN(data22)) {
              const err47 = { instancePath: instancePath + "/request/frequencyPerWeek", schemaPath: "#/properties/request/properties/frequencyPerWeek/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            }
          }
        }
        if (data18.weeks !== void 0) {
          let data23 = data18.weeks;
          if (!(typeof data23 == "number" && isFinite(data23)) && data23 !== null) {
            const err48 = { instancePath: instancePath + "/request/weeks", schemaPath: "#/properties/request/properties/weeks/type", keyword: "type", params: { type: schema6.properties.request.properties.weeks.type }, message: "must be number,null" };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
          if (typeof data23 == "number" && isFinite(data23)) {
            if (data23 > 520 || isNaN(data23)) {
              const err49 = { instancePath: instancePath + "/request/weeks", schemaPath: "#/properties/request/properties/weeks/maximum", keyword: "maximum", params: { comparison: "<=", limit: 520 }, message: "must be <= 520" };
              if (vErrors === null) {
                vErrors = [err49];
              } else {
                vErrors.push(err49);
              }
              errors++;
            }
            if (data23 < 0 || isNaN(data23)) {
              const err50 = { instancePath: instancePath + "/request/weeks", schemaPath: "#/properties/request/properties/weeks/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err50];
              } else {
                vErrors.push(err50);
              }
              errors++;
            }
          }
        }
        if (data18.bodyPart !== void 0) {
          let data24 = data18.bodyPart;
          if (typeof data24 !== "string" && data24 !== null) {
            const err51 = { instancePath: instancePath + "/request/bodyPart", schemaPath: "#/properties/request/properties/bodyPart/type", keyword: "type", params: { type: schema6.properties.request.properties.bodyPart.type }, message: "must be string,null" };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          }
          if (typeof data24 === "string") {
            if (func2(data24) > 200) {
              const err52 = { instancePath: instancePath + "/request/bodyPart", schemaPath: "#/properties/request/properties/bodyPart/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters" };
              if (vErrors === null) {
                vErrors = [err52];
              } else {
                vErrors.push(err52);
              }
              errors++;
            }
          }
        }
        if (data18.careType !== void 0) {
          let data25 = data18.careType;
          if (!(data25 === "therapeutic" || data25 === "maintenance" || data25 === "flare-up" || data25 === null)) {
            const err53 = { instancePath: instancePath + "/request/careType", schemaPath: "#/properties/request/properties/careType/enum", keyword: "enum", params: { allowedValues: schema6.properties.request.properties.careType.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err53];
            } else {
              vErrors.push(err53);
            }
            errors++;
          }
        }
      } else {
        const err54 = { instancePath: instancePath + "/request", schemaPath: "#/properties/request/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err54];
        } else {
          vErrors.push(err54);
        }
        errors++;
      }
    }
    if (data.history !== void 0) {
      let data26 = data.history;
      if (!(data26 && typeof data26 == "object" && !Array.isArray(data26)) && data26 !== null) {
        const err55 = { instancePath: instancePath + "/history", schemaPath: "#/properties/history/type", keyword: "type", params: { type: schema6.properties.history.type }, message: "must be object,null" };
        if (vErrors === null) {
          vErrors = [err55];
        } else {
          vErrors.push(err55);
        }
        errors++;
      }
      if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
        if (data26.visitsCompleted !== void 0) {
          let data27 = data26.visitsCompleted;
          if (!(typeof data27 == "number" && (!(data27 % 1) && !isNaN(data27)) && isFinite(data27)) && data27 !== null) {
            const err56 = { instancePath: instancePath + "/history/visitsCompleted", schemaPath: "#/properties/history/properties/visitsCompleted/type", keyword: "type", params: { type: schema6.properties.history.properties.visitsCompleted.type }, message: "must be integer,null" };
            if (vErrors === null) {
              vErrors = [err56];
            } else {
              vErrors.push(err56);
            }
            errors++;
          }
          if (typeof data27 == "number" && isFinite(data27)) {
            if (data27 > 1e4 || isNaN(data27)) {
              const err57 = { instancePath: instancePath + "/history/visitsCompleted", schemaPath: "#/properties/history/properties/visitsCompleted/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e4 }, message: "must be <= 10000" };
              if (vErrors === null) {
                vErrors = [err57];
              } else {
                vErrors.push(err57);
              }
              errors++;
            }
            if (data27 < 0 || isNaN(data27)) {
              const err58 = { instancePath: instancePath + "/history/visitsCompleted", schemaPath: "#/properties/history/properties/visitsCompleted/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err58];
              } else {
                vErrors.push(err58);
              }
              errors++;
            }
          }
        }
        if (data26.functionalImprovement !== void 0) {
          let data28 = data26.functionalImprovement;
          if (!(data28 === "documented" || data28 === "not-documented" || data28 === null)) {
            const err59 = { instancePath: instancePath + "/history/functionalImprovement", schemaPath: "#/properties/history/properties/functionalImprovement/enum", keyword: "enum", params: { allowedValues: schema6.properties.history.properties.functionalImprovement.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err59];
            } else {
              vErrors.push(err59);
            }
            errors++;
          }
        }
        if (data26.homeExerciseProgram !== void 0) {
          let data29 = data26.homeExerciseProgram;
          if (!(data29 === "none" || data29 === "instructed" || data29 === "compliant" || data29 === "failed" || data29 === null)) {
            const err60 = { instancePath: instancePath + "/history/homeExerciseProgram", schemaPath: "#/properties/history/properties/homeExerciseProgram/enum", keyword: "enum", params: { allowedValues: schema6.properties.history.properties.homeExerciseProgram.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
        }
        if (data26.reducedWeightBearing !== void 0) {
          let data30 = data26.reducedWeightBearing;
          if (!(data30 === "documented" || data30 === "not-documented" || data30 === null)) {
            const err61 = { instancePath: instancePath + "/history/reducedWeightBearing", schemaPath: "#/properties/history/properties/reducedWeightBearing/enum", keyword: "enum", params: { allowedValues: schema6.properties.history.properties.reducedWeightBearing.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
        }
        if (data26.activeTreatment !== void 0) {
          let data31 = data26.activeTreatment;
          if (!(data31 === "ongoing" || data31 === "none" || data31 === null)) {
            const err62 = { instancePath: instancePath + "/history/activeTreatment", schemaPath: "#/properties/history/properties/activeTreatment/enum", keyword: "enum", params: { allowedValues: schema6.properties.history.properties.activeTreatment.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
        }
        if (data26.painMedication !== void 0) {
          let data32 = data26.painMedication;
          if (!(data32 === "reduced" || data32 === "not-tolerated" || data32 === "unchanged" || data32 === null)) {
            const err63 = { instancePath: instancePath + "/history/painMedication", schemaPath: "#/properties/history/properties/painMedication/enum", keyword: "enum", params: { allowedValues: schema6.properties.history.properties.painMedication.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
        }
      }
    }
  } else {
    const err64 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err64];
    } else {
      vErrors.push(err64);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
export {
  stdin_default as default,
  validate
};
