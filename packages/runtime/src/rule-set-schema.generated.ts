// GENERATED. DO NOT EDIT. Regenerate with `pnpm gen` (scripts/gen-validators.ts, from packages/runtime/schema/rule-set.schema.json).
// ajv standalone code: the schema compiled at build time, so no validator is built at run time.
// @ts-nocheck
/* eslint-disable */
import { ucs2length } from './ucs2-length.ts';

const validate = validate21;
var stdin_default = validate21;
const schema6 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "guideline/rule-set.schema.json", "title": "Rule set", "description": "The compiled artifact (`guideline compile`): json-rules-engine rules per guideline, with what a determination needs. Every object is closed (no field beyond those listed), and every condition has exactly one shape: all, any, not, or a leaf. Limits here bound arrays and strings; loadRuleSet adds the limits a schema cannot state (nesting depth, conditions per rule, per guideline and in all) and the references between parts (docs/limits.md).", "type": "object", "additionalProperties": false, "required": ["format", "version", "guidelines", "policies"], "properties": { "format": { "const": "guideline-rules" }, "version": { "const": 1 }, "guidelines": { "type": "array", "maxItems": 2e3, "items": { "$ref": "#/definitions/guideline" } }, "policies": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/policy" } } }, "definitions": { "name": { "type": "string", "minLength": 1, "maxLength": 1e3 }, "text": { "type": "string", "maxLength": 1e5 }, "count": { "type": "number", "minimum": 0, "maximum": 1e6 }, "offset": { "type": "integer", "minimum": 0, "maximum": 1e9 }, "date": { "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" }, "fact": { "description": "A fact id, as the fact catalog spells them (history.visitsCompleted).", "type": "string", "maxLength": 200, "pattern": "^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$" }, "location": { "type": "object", "additionalProperties": false, "required": ["file", "line", "column", "endLine", "endColumn", "start", "end"], "properties": { "file": { "$ref": "#/definitions/text" }, "line": { "$ref": "#/definitions/offset" }, "column": { "$ref": "#/definitions/offset" }, "endLine": { "$ref": "#/definitions/offset" }, "endColumn": { "$ref": "#/definitions/offset" }, "start": { "$ref": "#/definitions/offset" }, "end": { "$ref": "#/definitions/offset" } } }, "calc": { "description": "A value expression: exactly one of a fact, a constant, an operation on two expressions, or the time elapsed since a date fact.", "type": "object", "if": { "required": ["op"] }, "then": { "additionalProperties": false, "required": ["op", "args"], "properties": { "op": { "enum": ["+", "-", "*", "/"] }, "args": { "type": "array", "minItems": 2, "maxItems": 2, "items": { "$ref": "#/definitions/calc" } } } }, "else": { "if": { "required": ["elapsed"] }, "then": { "additionalProperties": false, "required": ["elapsed", "unit"], "properties": { "elapsed": { "$ref": "#/definitions/calcFact" }, "unit": { "enum": ["days", "weeks", "months", "years"] } } }, "else": { "if": { "required": ["const"] }, "then": { "additionalProperties": false, "properties": { "const": { "anyOf": [{ "type": "number" }, { "$ref": "#/definitions/text" }] } } }, "else": { "additionalProperties": false, "required": ["fact"], "properties": { "fact": { "$ref": "#/definitions/calcFact" } } } } } }, "calcFact": { "description": "A fact a calc expression reads: any but `calc`, which is the expression's own fact.", "allOf": [{ "$ref": "#/definitions/fact" }, { "not": { "const": "calc" } }] }, "factRef": { "description": "A fact a condition compares: `calc` with its expression, or any other fact without one.", "type": "object", "if": { "required": ["fact"], "properties": { "fact": { "const": "calc" } } }, "then": { "required": ["params"] }, "else": { "not": { "required": ["params"] } }, "properties": { "fact": { "$ref": "#/definitions/fact" }, "params": { "type": "object", "additionalProperties": false, "required": ["expr"], "properties": { "expr": { "$ref": "#/definitions/calc" } } } } }, "valueFact": { "allOf": [{ "$ref": "#/definitions/factRef" }], "additionalProperties": false, "required": ["fact"], "properties": { "fact": true, "params": true } }, "scalar": { "anyOf": [{ "$ref": "#/definitions/text" }, { "type": "number" }, { "type": "boolean" }] }, "condition": { "description": "Exactly one of: all, any, not, or a leaf. A second boolean key, or a key a shape does not have, is refused (json-rules-engine would read another branch than the one checked).", "type": "object", "if": { "required": ["all"] }, "then": { "additionalProperties": false, "properties": { "all": { "$ref": "#/definitions/conditions" }, "name": { "$ref": "#/definitions/text" } } }, "else": { "if": { "required": ["any"] }, "then": { "additionalProperties": false, "properties": { "any": { "$ref": "#/definitions/conditions" }, "name": { "$ref": "#/definitions/text" } } }, "else": { "if": { "required": ["not"] }, "then": { "additionalProperties": false, "properties": { "not": { "$ref": "#/definitions/condition" }, "name": { "$ref": "#/definitions/text" } } }, "else": { "$ref": "#/definitions/leaf" } } } }, "conditions": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/condition" } }, "leaf": { "description": "A comparison of a fact with a constant or another fact. The value's kind follows the operator, as the runtime's operators read it.", "type": "object", "allOf": [{ "$ref": "#/definitions/factRef" }], "additionalProperties": false, "required": ["fact", "operator", "value"], "properties": { "fact": true, "params": true, "name": { "$ref": "#/definitions/text" }, "operator": { "enum": ["equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "in", "known", "containsAny", "elapsedWithin", "before", "onOrBefore", "after", "onOrAfter", "sameDay", "notSameDay"] }, "value": true }, "if": { "required": ["operator"], "properties": { "operator": { "enum": ["in", "containsAny"] } } }, "then": { "properties": { "value": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/scalar" } } } }, "else": { "if": { "required": ["operator"], "properties": { "operator": { "const": "known" } } }, "then": { "properties": { "value": { "type": "boolean" } } }, "else": { "if": { "required": ["operator"], "properties": { "operator": { "enum": ["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "elapsedWithin"] } } }, "then": { "properties": { "value": { "anyOf": [{ "type": "number" }, { "$ref": "#/definitions/valueFact" }] } } }, "else": { "if": { "required": ["operator"], "properties": { "operator": { "enum": ["before", "onOrBefore", "after", "onOrAfter", "sameDay", "notSameDay"] } } }, "then": { "properties": { "value": { "anyOf": [{ "$ref": "#/definitions/text" }, { "$ref": "#/definitions/valueFact" }] } } }, "else": { "properties": { "value": { "anyOf": [{ "$ref": "#/definitions/scalar" }, { "$ref": "#/definitions/valueFact" }] } } } } } } }, "rule": { "type": "object", "additionalProperties": false, "required": ["name", "conditions", "event"], "properties": { "name": { "$ref": "#/definitions/name" }, "conditions": { "description": "json-rules-engine takes all, any or not at a rule's root, never a leaf.", "allOf": [{ "$ref": "#/definitions/condition" }], "anyOf": [{ "required": ["all"] }, { "required": ["any"] }, { "required": ["not"] }] }, "event": { "type": "object", "additionalProperties": false, "required": ["type"], "properties": { "type": { "$ref": "#/definitions/name" }, "params": { "type": "object", "maxProperties": 10, "additionalProperties": { "$ref": "#/definitions/text" } } } } } }, "compiledLeaf": { "type": "object", "additionalProperties": false, "required": ["text", "fact", "source"], "properties": { "text": { "$ref": "#/definitions/text" }, "fact": { "$ref": "#/definitions/text" }, "source": { "$ref": "#/definitions/location" } } }, "compiledLeaves": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/compiledLeaf" } }, "class": { "type": "object", "additionalProperties": false, "required": ["id", "of", "title", "terms", "codes"], "properties": { "id": { "$ref": "#/definitions/name" }, "of": { "enum": ["diagnosis", "procedure"] }, "title": { "$ref": "#/definitions/text" }, "terms": { "type": "array", "maxItems": 1e3, "items": { "type": "string", "minLength": 1, "maxLength": 200, "pattern": "[^\\s.]" } }, "codes": { "type": "array", "maxItems": 1e4, "items": { "type": "string", "minLength": 1, "maxLength": 20 } } } }, "recommendation": { "type": "object", "additionalProperties": false, "required": ["class", "minVisits", "maxVisits", "minWeeks", "maxWeeks", "source"], "properties": { "class": { "$ref": "#/definitions/name" }, "minVisits": { "$ref": "#/definitions/count" }, "maxVisits": { "$ref": "#/definitions/count" }, "minWeeks": { "$ref": "#/definitions/count" }, "maxWeeks": { "$ref": "#/definitions/count" }, "periodMonths": { "$ref": "#/definitions/count" }, "source": { "$ref": "#/definitions/location" } } }, "criterion": { "type": "object", "additionalProperties": false, "required": ["id", "title", "rationale", "placeholders", "rule", "leaves", "source"], "properties": { "id": { "$ref": "#/definitions/name" }, "title": { "$ref": "#/definitions/text" }, "rationale": { "$ref": "#/definitions/text" }, "placeholders": { "type": "array", "maxItems": 100, "items": { "type": "object", "additionalProperties": false, "required": ["text", "expr"], "properties": { "text": { "$ref": "#/definitions/text" }, "expr": { "$ref": "#/definitions/calc" } } } }, "certify": { "$ref": "#/definitions/calc" }, "rule": { "$ref": "#/definitions/name" }, "leaves": { "$ref": "#/definitions/compiledLeaves" }, "source": { "$ref": "#/definitions/location" } } }, "guideline": { "type": "object", "additionalProperties": false, "required": ["id", "title", "citation", "source", "covers", "classes", "recommendations", "applicabilityRule", "applicabilityLeaves", "criteria", "rules", "location"], "properties": { "id": { "$ref": "#/definitions/name" }, "title": { "$ref": "#/definitions/text" }, "citation": { "$ref": "#/definitions/text" }, "source": { "type": "object", "additionalProperties": false, "required": ["document", "parts"], "properties": { "document": { "$ref": "#/definitions/text" }, "edition": { "type": "integer" }, "pages": { "$ref": "#/definitions/text" }, "parts": { "type": "array", "maxItems": 100, "items": { "$ref": "#/definitions/text" } } } }, "inForce": { "type": "object", "additionalProperties": false, "required": ["from"], "properties": { "from": { "$ref": "#/definitions/date" }, "to": { "$ref": "#/definitions/date" } } }, "covers": { "type": "array", "maxItems": 100, "items": { "$ref": "#/definitions/name" } }, "classes": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/class" } }, "recommendations": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/recommendation" } }, "frequency": { "type": "object", "additionalProperties": false, "required": ["mostPerWeek"], "properties": { "mostPerWeek": { "$ref": "#/definitions/count" }, "fadeTo": { "$ref": "#/definitions/count" } } }, "applicabilityRule": { "$ref": "#/definitions/name" }, "applicabilityLeaves": { "$ref": "#/definitions/compiledLeaves" }, "criteria": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/criterion" } }, "rules": { "type": "array", "maxItems": 1001, "items": { "$ref": "#/definitions/rule" } }, "location": { "$ref": "#/definitions/location" } } }, "policy": { "type": "object", "additionalProperties": false, "required": ["id", "title", "jurisdiction", "steps", "source"], "properties": { "id": { "$ref": "#/definitions/name" }, "title": { "$ref": "#/definitions/text" }, "jurisdiction": { "$ref": "#/definitions/name" }, "steps": { "type": "array", "maxItems": 100, "items": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/name" } } }, "source": { "$ref": "#/definitions/location" } } } } };
const schema7 = { "type": "object", "additionalProperties": false, "required": ["id", "title", "citation", "source", "covers", "classes", "recommendations", "applicabilityRule", "applicabilityLeaves", "criteria", "rules", "location"], "properties": { "id": { "$ref": "#/definitions/name" }, "title": { "$ref": "#/definitions/text" }, "citation": { "$ref": "#/definitions/text" }, "source": { "type": "object", "additionalProperties": false, "required": ["document", "parts"], "properties": { "document": { "$ref": "#/definitions/text" }, "edition": { "type": "integer" }, "pages": { "$ref": "#/definitions/text" }, "parts": { "type": "array", "maxItems": 100, "items": { "$ref": "#/definitions/text" } } } }, "inForce": { "type": "object", "additionalProperties": false, "required": ["from"], "properties": { "from": { "$ref": "#/definitions/date" }, "to": { "$ref": "#/definitions/date" } } }, "covers": { "type": "array", "maxItems": 100, "items": { "$ref": "#/definitions/name" } }, "classes": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/class" } }, "recommendations": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/recommendation" } }, "frequency": { "type": "object", "additionalProperties": false, "required": ["mostPerWeek"], "properties": { "mostPerWeek": { "$ref": "#/definitions/count" }, "fadeTo": { "$ref": "#/definitions/count" } } }, "applicabilityRule": { "$ref": "#/definitions/name" }, "applicabilityLeaves": { "$ref": "#/definitions/compiledLeaves" }, "criteria": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/criterion" } }, "rules": { "type": "array", "maxItems": 1001, "items": { "$ref": "#/definitions/rule" } }, "location": { "$ref": "#/definitions/location" } } };
const func2 = Object.prototype.hasOwnProperty;
const schema8 = { "type": "string", "minLength": 1, "maxLength": 1e3 };
const func3 = ucs2length;
function validate23(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (typeof data === "string") {
      if (func3(data) > 1e3) {
        validate23.errors = [{ instancePath, schemaPath: "#/maxLength", keyword: "maxLength", params: { limit: 1e3 } }];
        return false;
      } else {
        if (func3(data) < 1) {
          validate23.errors = [{ instancePath, schemaPath: "#/minLength", keyword: "minLength", params: { limit: 1 } }];
          return false;
        }
      }
    } else {
      validate23.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" } }];
      return false;
    }
  }
  validate23.errors = vErrors;
  return errors === 0;
}
const schema9 = { "type": "string", "maxLength": 1e5 };
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (typeof data === "string") {
      if (func3(data) > 1e5) {
        validate25.errors = [{ instancePath, schemaPath: "#/maxLength", keyword: "maxLength", params: { limit: 1e5 } }];
        return false;
      }
    } else {
      validate25.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" } }];
      return false;
    }
  }
  validate25.errors = vErrors;
  return errors === 0;
}
const schema10 = { "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" };
const pattern0 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");
function validate31(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (typeof data === "string") {
      if (!pattern0.test(data)) {
        validate31.errors = [{ instancePath, schemaPath: "#/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" } }];
        return false;
      }
    } else {
      validate31.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" } }];
      return false;
    }
  }
  validate31.errors = vErrors;
  return errors === 0;
}
const schema11 = { "type": "object", "additionalProperties": false, "required": ["id", "of", "title", "terms", "codes"], "properties": { "id": { "$ref": "#/definitions/name" }, "of": { "enum": ["diagnosis", "procedure"] }, "title": { "$ref": "#/definitions/text" }, "terms": { "type": "array", "maxItems": 1e3, "items": { "type": "string", "minLength": 1, "maxLength": 200, "pattern": "[^\\s.]" } }, "codes": { "type": "array", "maxItems": 1e4, "items": { "type": "string", "minLength": 1, "maxLength": 20 } } } };
const pattern1 = new RegExp("[^\\s.]", "u");
function validate35(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.id === void 0 && (missing0 = "id") || data.of === void 0 && (missing0 = "of") || data.title === void 0 && (missing0 = "title") || data.terms === void 0 && (missing0 = "terms") || data.codes === void 0 && (missing0 = "codes")) {
        validate35.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 } }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "id" || key0 === "of" || key0 === "title" || key0 === "terms" || key0 === "codes")) {
            validate35.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.id !== void 0) {
            const _errs2 = errors;
            if (!validate23(data.id, { instancePath: instancePath + "/id", parentData: data, parentDataProperty: "id", rootData })) {
              vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.of !== void 0) {
              let data1 = data.of;
              const _errs3 = errors;
              if (!(data1 === "diagnosis" || data1 === "procedure")) {
                validate35.errors = [{ instancePath: instancePath + "/of", schemaPath: "#/properties/of/enum", keyword: "enum", params: { allowedValues: schema11.properties.of.enum } }];
                return false;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.title !== void 0) {
                const _errs4 = errors;
                if (!validate25(data.title, { instancePath: instancePath + "/title", parentData: data, parentDataProperty: "title", rootData })) {
                  vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                  errors = vErrors.length;
                }
                var valid0 = _errs4 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.terms !== void 0) {
                  let data3 = data.terms;
                  const _errs5 = errors;
                  if (errors === _errs5) {
                    if (Array.isArray(data3)) {
                      if (data3.length > 1e3) {
                        validate35.errors = [{ instancePath: instancePath + "/terms", schemaPath: "#/properties/terms/maxItems", keyword: "maxItems", params: { limit: 1e3 } }];
                        return false;
                      } else {
                        var valid1 = true;
                        const len0 = data3.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          let data4 = data3[i0];
                          const _errs7 = errors;
                          if (errors === _errs7) {
                            if (typeof data4 === "string") {
                              if (func3(data4) > 200) {
                                validate35.errors = [{ instancePath: instancePath + "/terms/" + i0, schemaPath: "#/properties/terms/items/maxLength", keyword: "maxLength", params: { limit: 200 } }];
                                return false;
                              } else {
                                if (func3(data4) < 1) {
                                  validate35.errors = [{ instancePath: instancePath + "/terms/" + i0, schemaPath: "#/properties/terms/items/minLength", keyword: "minLength", params: { limit: 1 } }];
                                  return false;
                                } else {
                                  if (!pattern1.test(data4)) {
                                    validate35.errors = [{ instancePath: instancePath + "/terms/" + i0, schemaPath: "#/properties/terms/items/pattern", keyword: "pattern", params: { pattern: "[^\\s.]" } }];
                                    return false;
                                  }
                                }
                              }
                            } else {
                              validate35.errors = [{ instancePath: instancePath + "/terms/" + i0, schemaPath: "#/properties/terms/items/type", keyword: "type", params: { type: "string" } }];
                              return false;
                            }
                          }
                          var valid1 = _errs7 === errors;
                          if (!valid1) {
                            break;
                          }
                        }
                      }
                    } else {
                      validate35.errors = [{ instancePath: instancePath + "/terms", schemaPath: "#/properties/terms/type", keyword: "type", params: { type: "array" } }];
                      return false;
                    }
                  }
                  var valid0 = _errs5 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.codes !== void 0) {
                    let data5 = data.codes;
                    const _errs9 = errors;
                    if (errors === _errs9) {
                      if (Array.isArray(data5)) {
                        if (data5.length > 1e4) {
                          validate35.errors = [{ instancePath: instancePath + "/codes", schemaPath: "#/properties/codes/maxItems", keyword: "maxItems", params: { limit: 1e4 } }];
                          return false;
                        } else {
                          var valid2 = true;
                          const len1 = data5.length;
                          for (let i1 = 0; i1 < len1; i1++) {
                            let data6 = data5[i1];
                            const _errs11 = errors;
                            if (errors === _errs11) {
                              if (typeof data6 === "string") {
                                if (func3(data6) > 20) {
                                  validate35.errors = [{ instancePath: instancePath + "/codes/" + i1, schemaPath: "#/properties/codes/items/maxLength", keyword: "maxLength", params: { limit: 20 } }];
                                  return false;
                                } else {
                                  if (func3(data6) < 1) {
                                    validate35.errors = [{ instancePath: instancePath + "/codes/" + i1, schemaPath: "#/properties/codes/items/minLength", keyword: "minLength", params: { limit: 1 } }];
                                    return false;
                                  }
                                }
                              } else {
                                validate35.errors = [{ instancePath: instancePath + "/codes/" + i1, schemaPath: "#/properties/codes/items/type", keyword: "type", params: { type: "string" } }];
                                return false;
                              }
                            }
                            var valid2 = _errs11 === errors;
                            if (!valid2) {
                              break;
                            }
                          }
                        }
                      } else {
                        validate35.errors = [{ instancePath: instancePath + "/codes", schemaPath: "#/properties/codes/type", keyword: "type", params: { type: "array" } }];
                        return false;
                      }
                    }
                    var valid0 = _errs9 === errors;
                  } else {
                    var valid0 = true;
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate35.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
      return false;
    }
  }
  validate35.errors = vErrors;
  return errors === 0;
}
const schema12 = { "type": "object", "additionalProperties": false, "required": ["class", "minVisits", "maxVisits", "minWeeks", "maxWeeks", "source"], "properties": { "class": { "$ref": "#/definitions/name" }, "minVisits": { "$ref": "#/definitions/count" }, "maxVisits": { "$ref": "#/definitions/count" }, "minWeeks": { "$ref": "#/definitions/count" }, "maxWeeks": { "$ref": "#/definitions/count" }, "periodMonths": { "$ref": "#/definitions/count" }, "source": { "$ref": "#/definitions/location" } } };
const schema13 = { "type": "number", "minimum": 0, "maximum": 1e6 };
function validate41(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (typeof data == "number" && isFinite(data)) {
      if (data > 1e6 || isNaN(data)) {
        validate41.errors = [{ instancePath, schemaPath: "#/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e6 } }];
        return false;
      } else {
        if (data < 0 || isNaN(data)) {
          validate41.errors = [{ instancePath, schemaPath: "#/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 } }];
          return false;
        }
      }
    } else {
      validate41.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "number" } }];
      return false;
    }
  }
  validate41.errors = vErrors;
  return errors === 0;
}
const schema14 = { "type": "object", "additionalProperties": false, "required": ["file", "line", "column", "endLine", "endColumn", "start", "end"], "properties": { "file": { "$ref": "#/definitions/text" }, "line": { "$ref": "#/definitions/offset" }, "column": { "$ref": "#/definitions/offset" }, "endLine": { "$ref": "#/definitions/offset" }, "endColumn": { "$ref": "#/definitions/offset" }, "start": { "$ref": "#/definitions/offset" }, "end": { "$ref": "#/definitions/offset" } } };
const schema15 = { "type": "integer", "minimum": 0, "maximum": 1e9 };
function validate49(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!(typeof data == "number" && (!(data % 1) && !isNaN(data)) && isFinite(data))) {
    validate49.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "integer" } }];
    return false;
  }
  if (errors === 0) {
    if (typeof data == "number" && isFinite(data)) {
      if (data > 1e9 || isNaN(data)) {
        validate49.errors = [{ instancePath, schemaPath: "#/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e9 } }];
        return false;
      } else {
        if (data < 0 || isNaN(data)) {
          validate49.errors = [{ instancePath, schemaPath: "#/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 } }];
          return false;
        }
      }
    }
  }
  validate49.errors = vErrors;
  return errors === 0;
}
function validate47(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.file === void 0 && (missing0 = "file") || data.line === void 0 && (missing0 = "line") || data.column === void 0 && (missing0 = "column") || data.endLine === void 0 && (missing0 = "endLine") || data.endColumn === void 0 && (missing0 = "endColumn") || data.start === void 0 && (missing0 = "start") || data.end === void 0 && (missing0 = "end")) {
        validate47.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 } }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "file" || key0 === "line" || key0 === "column" || key0 === "endLine" || key0 === "endColumn" || key0 === "start" || key0 === "end")) {
            validate47.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.file !== void 0) {
            const _errs2 = errors;
            if (!validate25(data.file, { instancePath: instancePath + "/file", parentData: data, parentDataProperty: "file", rootData })) {
              vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.line !== void 0) {
              const _errs3 = errors;
              if (!validate49(data.line, { instancePath: instancePath + "/line", parentData: data, parentDataProperty: "line", rootData })) {
                vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
                errors = vErrors.length;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.column !== void 0) {
                const _errs4 = errors;
                if (!validate49(data.column, { instancePath: instancePath + "/column", parentData: data, parentDataProperty: "column", rootData })) {
                  vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
                  errors = vErrors.length;
                }
                var valid0 = _errs4 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.endLine !== void 0) {
                  const _errs5 = errors;
                  if (!validate49(data.endLine, { instancePath: instancePath + "/endLine", parentData: data, parentDataProperty: "endLine", rootData })) {
                    vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
                    errors = vErrors.length;
                  }
                  var valid0 = _errs5 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.endColumn !== void 0) {
                    const _errs6 = errors;
                    if (!validate49(data.endColumn, { instancePath: instancePath + "/endColumn", parentData: data, parentDataProperty: "endColumn", rootData })) {
                      vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
                      errors = vErrors.length;
                    }
                    var valid0 = _errs6 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.start !== void 0) {
                      const _errs7 = errors;
                      if (!validate49(data.start, { instancePath: instancePath + "/start", parentData: data, parentDataProperty: "start", rootData })) {
                        vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
                        errors = vErrors.length;
                      }
                      var valid0 = _errs7 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.end !== void 0) {
                        const _errs8 = errors;
                        if (!validate49(data.end, { instancePath: instancePath + "/end", parentData: data, parentDataProperty: "end", rootData })) {
                          vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
                          errors = vErrors.length;
                        }
                        var valid0 = _errs8 === errors;
                      } else {
                        var valid0 = true;
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate47.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
      return false;
    }
  }
  validate47.errors = vErrors;
  return errors === 0;
}
function validate39(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.class === void 0 && (missing0 = "class") || data.minVisits === void 0 && (missing0 = "minVisits") || data.maxVisits === void 0 && (missing0 = "maxVisits") || data.minWeeks === void 0 && (missing0 = "minWeeks") || data.maxWeeks === void 0 && (missing0 = "maxWeeks") || data.source === void 0 && (missing0 = "source")) {
        validate39.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 } }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "class" || key0 === "minVisits" || key0 === "maxVisits" || key0 === "minWeeks" || key0 === "maxWeeks" || key0 === "periodMonths" || key0 === "source")) {
            validate39.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.class !== void 0) {
            const _errs2 = errors;
            if (!validate23(data.class, { instancePath: instancePath + "/class", parentData: data, parentDataProperty: "class", rootData })) {
              vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.minVisits !== void 0) {
              const _errs3 = errors;
              if (!validate41(data.minVisits, { instancePath: instancePath + "/minVisits", parentData: data, parentDataProperty: "minVisits", rootData })) {
                vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
                errors = vErrors.length;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.maxVisits !== void 0) {
                const _errs4 = errors;
                if (!validate41(data.maxVisits, { instancePath: instancePath + "/maxVisits", parentData: data, parentDataProperty: "maxVisits", rootData })) {
                  vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
                  errors = vErrors.length;
                }
                var valid0 = _errs4 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.minWeeks !== void 0) {
                  const _errs5 = errors;
                  if (!validate41(data.minWeeks, { instancePath: instancePath + "/minWeeks", parentData: data, parentDataProperty: "minWeeks", rootData })) {
                    vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
                    errors = vErrors.length;
                  }
                  var valid0 = _errs5 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.maxWeeks !== void 0) {
                    const _errs6 = errors;
                    if (!validate41(data.maxWeeks, { instancePath: instancePath + "/maxWeeks", parentData: data, parentDataProperty: "maxWeeks", rootData })) {
                      vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
                      errors = vErrors.length;
                    }
                    var valid0 = _errs6 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.periodMonths !== void 0) {
                      const _errs7 = errors;
                      if (!validate41(data.periodMonths, { instancePath: instancePath + "/periodMonths", parentData: data, parentDataProperty: "periodMonths", rootData })) {
                        vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
                        errors = vErrors.length;
                      }
                      var valid0 = _errs7 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.source !== void 0) {
                        const _errs8 = errors;
                        if (!validate47(data.source, { instancePath: instancePath + "/source", parentData: data, parentDataProperty: "source", rootData })) {
                          vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
                          errors = vErrors.length;
                        }
                        var valid0 = _errs8 === errors;
                      } else {
                        var valid0 = true;
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate39.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
      return false;
    }
  }
  validate39.errors = vErrors;
  return errors === 0;
}
const schema16 = { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/compiledLeaf" } };
const schema17 = { "type": "object", "additionalProperties": false, "required": ["text", "fact", "source"], "properties": { "text": { "$ref": "#/definitions/text" }, "fact": { "$ref": "#/definitions/text" }, "source": { "$ref": "#/definitions/location" } } };
function validate62(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.text === void 0 && (missing0 = "text") || data.fact === void 0 && (missing0 = "fact") || data.source === void 0 && (missing0 = "source")) {
        validate62.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 } }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "text" || key0 === "fact" || key0 === "source")) {
            validate62.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.text !== void 0) {
            const _errs2 = errors;
            if (!validate25(data.text, { instancePath: instancePath + "/text", parentData: data, parentDataProperty: "text", rootData })) {
              vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.fact !== void 0) {
              const _errs3 = errors;
              if (!validate25(data.fact, { instancePath: instancePath + "/fact", parentData: data, parentDataProperty: "fact", rootData })) {
                vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                errors = vErrors.length;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.source !== void 0) {
                const _errs4 = errors;
                if (!validate47(data.source, { instancePath: instancePath + "/source", parentData: data, parentDataProperty: "source", rootData })) {
                  vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
                  errors = vErrors.length;
                }
                var valid0 = _errs4 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate62.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
      return false;
    }
  }
  validate62.errors = vErrors;
  return errors === 0;
}
function validate61(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (Array.isArray(data)) {
      if (data.length > 1e3) {
        validate61.errors = [{ instancePath, schemaPath: "#/maxItems", keyword: "maxItems", params: { limit: 1e3 } }];
        return false;
      } else {
        var valid0 = true;
        const len0 = data.length;
        for (let i0 = 0; i0 < len0; i0++) {
          const _errs1 = errors;
          if (!validate62(data[i0], { instancePath: instancePath + "/" + i0, parentData: data, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate62.errors : vErrors.concat(validate62.errors);
            errors = vErrors.length;
          }
          var valid0 = _errs1 === errors;
          if (!valid0) {
            break;
          }
        }
      }
    } else {
      validate61.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" } }];
      return false;
    }
  }
  validate61.errors = vErrors;
  return errors === 0;
}
const schema18 = { "type": "object", "additionalProperties": false, "required": ["id", "title", "rationale", "placeholders", "rule", "leaves", "source"], "properties": { "id": { "$ref": "#/definitions/name" }, "title": { "$ref": "#/definitions/text" }, "rationale": { "$ref": "#/definitions/text" }, "placeholders": { "type": "array", "maxItems": 100, "items": { "type": "object", "additionalProperties": false, "required": ["text", "expr"], "properties": { "text": { "$ref": "#/definitions/text" }, "expr": { "$ref": "#/definitions/calc" } } } }, "certify": { "$ref": "#/definitions/calc" }, "rule": { "$ref": "#/definitions/name" }, "leaves": { "$ref": "#/definitions/compiledLeaves" }, "source": { "$ref": "#/definitions/location" } } };
const schema19 = { "description": "A value expression: exactly one of a fact, a constant, an operation on two expressions, or the time elapsed since a date fact.", "type": "object", "if": { "required": ["op"] }, "then": { "additionalProperties": false, "required": ["op", "args"], "properties": { "op": { "enum": ["+", "-", "*", "/"] }, "args": { "type": "array", "minItems": 2, "maxItems": 2, "items": { "$ref": "#/definitions/calc" } } } }, "else": { "if": { "required": ["elapsed"] }, "then": { "additionalProperties": false, "required": ["elapsed", "unit"], "properties": { "elapsed": { "$ref": "#/definitions/calcFact" }, "unit": { "enum": ["days", "weeks", "months", "years"] } } }, "else": { "if": { "required": ["const"] }, "then": { "additionalProperties": false, "properties": { "const": { "anyOf": [{ "type": "number" }, { "$ref": "#/definitions/text" }] } } }, "else": { "additionalProperties": false, "required": ["fact"], "properties": { "fact": { "$ref": "#/definitions/calcFact" } } } } } };
const wrapper0 = { validate: validate73 };
const schema20 = { "description": "A fact a calc expression reads: any but `calc`, which is the expression's own fact.", "allOf": [{ "$ref": "#/definitions/fact" }, { "not": { "const": "calc" } }] };
const schema21 = { "description": "A fact id, as the fact catalog spells them (history.visitsCompleted).", "type": "string", "maxLength": 200, "pattern": "^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$" };
const pattern2 = new RegExp("^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$", "u");
function validate75(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (typeof data === "string") {
      if (func3(data) > 200) {
        validate75.errors = [{ instancePath, schemaPath: "#/maxLength", keyword: "maxLength", params: { limit: 200 } }];
        return false;
      } else {
        if (!pattern2.test(data)) {
          validate75.errors = [{ instancePath, schemaPath: "#/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$" } }];
          return false;
        }
      }
    } else {
      validate75.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" } }];
      return false;
    }
  }
  validate75.errors = vErrors;
  return errors === 0;
}
function validate74(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if (!validate75(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate75.errors : vErrors.concat(validate75.errors);
    errors = vErrors.length;
  }
  var valid0 = _errs0 === errors;
  if (valid0) {
    const _errs1 = errors;
    const _errs2 = errors;
    const _errs3 = errors;
    if ("calc" !== data) {
      const err0 = {};
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    var valid1 = _errs3 === errors;
    if (valid1) {
      validate74.errors = [{ instancePath, schemaPath: "#/allOf/1/not", keyword: "not", params: {} }];
      return false;
    } else {
      errors = _errs2;
      if (vErrors !== null) {
        if (_errs2) {
          vErrors.length = _errs2;
        } else {
          vErrors = null;
        }
      }
    }
    var valid0 = _errs1 === errors;
  }
  validate74.errors = vErrors;
  return errors === 0;
}
function validate73(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!(data && typeof data == "object" && !Array.isArray(data))) {
    validate73.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
    return false;
  }
  const _errs1 = errors;
  let valid0 = true;
  const _errs2 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing0;
    if (data.op === void 0 && (missing0 = "op")) {
      const err0 = {};
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  }
  var _valid0 = _errs2 === errors;
  errors = _errs1;
  if (vErrors !== null) {
    if (_errs1) {
      vErrors.length = _errs1;
    } else {
      vErrors = null;
    }
  }
  let ifClause0;
  if (_valid0) {
    const _errs3 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing1;
      if (data.op === void 0 && (missing1 = "op") || data.args === void 0 && (missing1 = "args")) {
        validate73.errors = [{ instancePath, schemaPath: "#/then/required", keyword: "required", params: { missingProperty: missing1 } }];
        return false;
      } else {
        const _errs4 = errors;
        for (const key0 in data) {
          if (!(key0 === "op" || key0 === "args")) {
            validate73.errors = [{ instancePath, schemaPath: "#/then/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
            return false;
            break;
          }
        }
        if (_errs4 === errors) {
          if (data.op !== void 0) {
            let data0 = data.op;
            const _errs5 = errors;
            if (!(data0 === "+" || data0 === "-" || data0 === "*" || data0 === "/")) {
              validate73.errors = [{ instancePath: instancePath + "/op", schemaPath: "#/then/properties/op/enum", keyword: "enum", params: { allowedValues: schema19.then.properties.op.enum } }];
              return false;
            }
            var valid1 = _errs5 === errors;
          } else {
            var valid1 = true;
          }
          if (valid1) {
            if (data.args !== void 0) {
              let data1 = data.args;
              const _errs6 = errors;
              if (errors === _errs6) {
                if (Array.isArray(data1)) {
                  if (data1.length > 2) {
                    validate73.errors = [{ instancePath: instancePath + "/args", schemaPath: "#/then/properties/args/maxItems", keyword: "maxItems", params: { limit: 2 } }];
                    return false;
                  } else {
                    if (data1.length < 2) {
                      validate73.errors = [{ instancePath: instancePath + "/args", schemaPath: "#/then/properties/args/minItems", keyword: "minItems", params: { limit: 2 } }];
                      return false;
                    } else {
                      var valid2 = true;
                      const len0 = data1.length;
                      for (let i0 = 0; i0 < len0; i0++) {
                        const _errs8 = errors;
                        if (!wrapper0.validate(data1[i0], { instancePath: instancePath + "/args/" + i0, parentData: data1, parentDataProperty: i0, rootData })) {
                          vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
                          errors = vErrors.length;
                        }
                        var valid2 = _errs8 === errors;
                        if (!valid2) {
                          break;
                        }
                      }
                    }
                  }
                } else {
                  validate73.errors = [{ instancePath: instancePath + "/args", schemaPath: "#/then/properties/args/type", keyword: "type", params: { type: "array" } }];
                  return false;
                }
              }
              var valid1 = _errs6 === errors;
            } else {
              var valid1 = true;
            }
          }
        }
      }
    }
    var _valid0 = _errs3 === errors;
    valid0 = _valid0;
    ifClause0 = "then";
  } else {
    const _errs9 = errors;
    const _errs10 = errors;
    let valid3 = true;
    const _errs11 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing2;
      if (data.elapsed === void 0 && (missing2 = "elapsed")) {
        const err1 = {};
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    var _valid1 = _errs11 === errors;
    errors = _errs10;
    if (vErrors !== null) {
      if (_errs10) {
        vErrors.length = _errs10;
      } else {
        vErrors = null;
      }
    }
    let ifClause1;
    if (_valid1) {
      const _errs12 = errors;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing3;
        if (data.elapsed === void 0 && (missing3 = "elapsed") || data.unit === void 0 && (missing3 = "unit")) {
          validate73.errors = [{ instancePath, schemaPath: "#/else/then/required", keyword: "required", params: { missingProperty: missing3 } }];
          return false;
        } else {
          const _errs13 = errors;
          for (const key1 in data) {
            if (!(key1 === "elapsed" || key1 === "unit")) {
              validate73.errors = [{ instancePath, schemaPath: "#/else/then/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 } }];
              return false;
              break;
            }
          }
          if (_errs13 === errors) {
            if (data.elapsed !== void 0) {
              const _errs14 = errors;
              if (!validate74(data.elapsed, { instancePath: instancePath + "/elapsed", parentData: data, parentDataProperty: "elapsed", rootData })) {
                vErrors = vErrors === null ? validate74.errors : vErrors.concat(validate74.errors);
                errors = vErrors.length;
              }
              var valid4 = _errs14 === errors;
            } else {
              var valid4 = true;
            }
            if (valid4) {
              if (data.unit !== void 0) {
                let data4 = data.unit;
                const _errs15 = errors;
                if (!(data4 === "days" || data4 === "weeks" || data4 === "months" || data4 === "years")) {
                  validate73.errors = [{ instancePath: instancePath + "/unit", schemaPath: "#/else/then/properties/unit/enum", keyword: "enum", params: { allowedValues: schema19.else.then.properties.unit.enum } }];
                  return false;
                }
                var valid4 = _errs15 === errors;
              } else {
                var valid4 = true;
              }
            }
          }
        }
      }
      var _valid1 = _errs12 === errors;
      valid3 = _valid1;
      ifClause1 = "then";
    } else {
      const _errs16 = errors;
      const _errs17 = errors;
      let valid5 = true;
      const _errs18 = errors;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing4;
        if (data.const === void 0 && (missing4 = "const")) {
          const err2 = {};
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
      var _valid2 = _errs18 === errors;
      errors = _errs17;
      if (vErrors !== null) {
        if (_errs17) {
          vErrors.length = _errs17;
        } else {
          vErrors = null;
        }
      }
      let ifClause2;
      if (_valid2) {
        const _errs19 = errors;
        if (data && typeof data == "object" && !Array.isArray(data)) {
          const _errs20 = errors;
          for (const key2 in data) {
            if (!(key2 === "const")) {
              validate73.errors = [{ instancePath, schemaPath: "#/else/else/then/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 } }];
              return false;
              break;
            }
          }
          if (_errs20 === errors) {
            if (data.const !== void 0) {
              let data5 = data.const;
              const _errs22 = errors;
              let valid7 = false;
              const _errs23 = errors;
              if (!(typeof data5 == "number" && isFinite(data5))) {
                const err3 = { instancePath: instancePath + "/const", schemaPath: "#/else/else/then/properties/const/anyOf/0/type", keyword: "type", params: { type: "number" } };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
              var _valid3 = _errs23 === errors;
              valid7 = valid7 || _valid3;
              if (!valid7) {
                const _errs25 = errors;
                if (!validate25(data5, { instancePath: instancePath + "/const", parentData: data, parentDataProperty: "const", rootData })) {
                  vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                  errors = vErrors.length;
                }
                var _valid3 = _errs25 === errors;
                valid7 = valid7 || _valid3;
              }
              if (!valid7) {
                const err4 = { instancePath: instancePath + "/const", schemaPath: "#/else/else/then/properties/const/anyOf", keyword: "anyOf", params: {} };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors++;
                validate73.errors = vErrors;
                return false;
              } else {
                errors = _errs22;
                if (vErrors !== null) {
                  if (_errs22) {
                    vErrors.length = _errs22;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
          }
        }
        var _valid2 = _errs19 === errors;
        valid5 = _valid2;
        ifClause2 = "then";
      } else {
        const _errs26 = errors;
        if (data && typeof data == "object" && !Array.isArray(data)) {
          let missing5;
          if (data.fact === void 0 && (missing5 = "fact")) {
            validate73.errors = [{ instancePath, schemaPath: "#/else/else/else/required", keyword: "required", params: { missingProperty: missing5 } }];
            return false;
          } else {
            const _errs27 = errors;
            for (const key3 in data) {
              if (!(key3 === "fact")) {
                validate73.errors = [{ instancePath, schemaPath: "#/else/else/else/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 } }];
                return false;
                break;
              }
            }
            if (_errs27 === errors) {
              if (data.fact !== void 0) {
                if (!validate74(data.fact, { instancePath: instancePath + "/fact", parentData: data, parentDataProperty: "fact", rootData })) {
                  vErrors = vErrors === null ? validate74.errors : vErrors.concat(validate74.errors);
                  errors = vErrors.length;
                }
              }
            }
          }
        }
        var _valid2 = _errs26 === errors;
        valid5 = _valid2;
        ifClause2 = "else";
      }
      if (!valid5) {
        const err5 = { instancePath, schemaPath: "#/else/else/if", keyword: "if", params: { failingKeyword: ifClause2 } };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
        validate73.errors = vErrors;
        return false;
      }
      var _valid1 = _errs16 === errors;
      valid3 = _valid1;
      ifClause1 = "else";
    }
    if (!valid3) {
      const err6 = { instancePath, schemaPath: "#/else/if", keyword: "if", params: { failingKeyword: ifClause1 } };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
      validate73.errors = vErrors;
      return false;
    }
    var _valid0 = _errs9 === errors;
    valid0 = _valid0;
    ifClause0 = "else";
  }
  if (!valid0) {
    const err7 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: ifClause0 } };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
    validate73.errors = vErrors;
    return false;
  }
  validate73.errors = vErrors;
  return errors === 0;
}
function validate68(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.id === void 0 && (missing0 = "id") || data.title === void 0 && (missing0 = "title") || data.rationale === void 0 && (missing0 = "rationale") || data.placeholders === void 0 && (missing0 = "placeholders") || data.rule === void 0 && (missing0 = "rule") || data.leaves === void 0 && (missing0 = "leaves") || data.source === void 0 && (missing0 = "source")) {
        validate68.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 } }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "id" || key0 === "title" || key0 === "rationale" || key0 === "placeholders" || key0 === "certify" || key0 === "rule" || key0 === "leaves" || key0 === "source")) {
            validate68.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.id !== void 0) {
            const _errs2 = errors;
            if (!validate23(data.id, { instancePath: instancePath + "/id", parentData: data, parentDataProperty: "id", rootData })) {
              vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.title !== void 0) {
              const _errs3 = errors;
              if (!validate25(data.title, { instancePath: instancePath + "/title", parentData: data, parentDataProperty: "title", rootData })) {
                vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                errors = vErrors.length;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.rationale !== void 0) {
                const _errs4 = errors;
                if (!validate25(data.rationale, { instancePath: instancePath + "/rationale", parentData: data, parentDataProperty: "rationale", rootData })) {
                  vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                  errors = vErrors.length;
                }
                var valid0 = _errs4 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.placeholders !== void 0) {
                  let data3 = data.placeholders;
                  const _errs5 = errors;
                  if (errors === _errs5) {
                    if (Array.isArray(data3)) {
                      if (data3.length > 100) {
                        validate68.errors = [{ instancePath: instancePath + "/placeholders", schemaPath: "#/properties/placeholders/maxItems", keyword: "maxItems", params: { limit: 100 } }];
                        return false;
                      } else {
                        var valid1 = true;
                        const len0 = data3.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          let data4 = data3[i0];
                          const _errs7 = errors;
                          if (errors === _errs7) {
                            if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                              let missing1;
                              if (data4.text === void 0 && (missing1 = "text") || data4.expr === void 0 && (missing1 = "expr")) {
                                validate68.errors = [{ instancePath: instancePath + "/placeholders/" + i0, schemaPath: "#/properties/placeholders/items/required", keyword: "required", params: { missingProperty: missing1 } }];
                                return false;
                              } else {
                                const _errs9 = errors;
                                for (const key1 in data4) {
                                  if (!(key1 === "text" || key1 === "expr")) {
                                    validate68.errors = [{ instancePath: instancePath + "/placeholders/" + i0, schemaPath: "#/properties/placeholders/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 } }];
                                    return false;
                                    break;
                                  }
                                }
                                if (_errs9 === errors) {
                                  if (data4.text !== void 0) {
                                    const _errs10 = errors;
                                    if (!validate25(data4.text, { instancePath: instancePath + "/placeholders/" + i0 + "/text", parentData: data4, parentDataProperty: "text", rootData })) {
                                      vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                                      errors = vErrors.length;
                                    }
                                    var valid2 = _errs10 === errors;
                                  } else {
                                    var valid2 = true;
                                  }
                                  if (valid2) {
                                    if (data4.expr !== void 0) {
                                      const _errs11 = errors;
                                      if (!validate73(data4.expr, { instancePath: instancePath + "/placeholders/" + i0 + "/expr", parentData: data4, parentDataProperty: "expr", rootData })) {
                                        vErrors = vErrors === null ? validate73.errors : vErrors.concat(validate73.errors);
                                        errors = vErrors.length;
                                      }
                                      var valid2 = _errs11 === errors;
                                    } else {
                                      var valid2 = true;
                                    }
                                  }
                                }
                              }
                            } else {
                              validate68.errors = [{ instancePath: instancePath + "/placeholders/" + i0, schemaPath: "#/properties/placeholders/items/type", keyword: "type", params: { type: "object" } }];
                              return false;
                            }
                          }
                          var valid1 = _errs7 === errors;
                          if (!valid1) {
                            break;
                          }
                        }
                      }
                    } else {
                      validate68.errors = [{ instancePath: instancePath + "/placeholders", schemaPath: "#/properties/placeholders/type", keyword: "type", params: { type: "array" } }];
                      return false;
                    }
                  }
                  var valid0 = _errs5 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.certify !== void 0) {
                    const _errs12 = errors;
                    if (!validate73(data.certify, { instancePath: instancePath + "/certify", parentData: data, parentDataProperty: "certify", rootData })) {
                      vErrors = vErrors === null ? validate73.errors : vErrors.concat(validate73.errors);
                      errors = vErrors.length;
                    }
                    var valid0 = _errs12 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.rule !== void 0) {
                      const _errs13 = errors;
                      if (!validate23(data.rule, { instancePath: instancePath + "/rule", parentData: data, parentDataProperty: "rule", rootData })) {
                        vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
                        errors = vErrors.length;
                      }
                      var valid0 = _errs13 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.leaves !== void 0) {
                        const _errs14 = errors;
                        if (!validate61(data.leaves, { instancePath: instancePath + "/leaves", parentData: data, parentDataProperty: "leaves", rootData })) {
                          vErrors = vErrors === null ? validate61.errors : vErrors.concat(validate61.errors);
                          errors = vErrors.length;
                        }
                        var valid0 = _errs14 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.source !== void 0) {
                          const _errs15 = errors;
                          if (!validate47(data.source, { instancePath: instancePath + "/source", parentData: data, parentDataProperty: "source", rootData })) {
                            vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
                            errors = vErrors.length;
                          }
                          var valid0 = _errs15 === errors;
                        } else {
                          var valid0 = true;
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate68.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
      return false;
    }
  }
  validate68.errors = vErrors;
  return errors === 0;
}
const schema22 = { "type": "object", "additionalProperties": false, "required": ["name", "conditions", "event"], "properties": { "name": { "$ref": "#/definitions/name" }, "conditions": { "description": "json-rules-engine takes all, any or not at a rule's root, never a leaf.", "allOf": [{ "$ref": "#/definitions/condition" }], "anyOf": [{ "required": ["all"] }, { "required": ["any"] }, { "required": ["not"] }] }, "event": { "type": "object", "additionalProperties": false, "required": ["type"], "properties": { "type": { "$ref": "#/definitions/name" }, "params": { "type": "object", "maxProperties": 10, "additionalProperties": { "$ref": "#/definitions/text" } } } } } };
const schema23 = { "description": "Exactly one of: all, any, not, or a leaf. A second boolean key, or a key a shape does not have, is refused (json-rules-engine would read another branch than the one checked).", "type": "object", "if": { "required": ["all"] }, "then": { "additionalProperties": false, "properties": { "all": { "$ref": "#/definitions/conditions" }, "name": { "$ref": "#/definitions/text" } } }, "else": { "if": { "required": ["any"] }, "then": { "additionalProperties": false, "properties": { "any": { "$ref": "#/definitions/conditions" }, "name": { "$ref": "#/definitions/text" } } }, "else": { "if": { "required": ["not"] }, "then": { "additionalProperties": false, "properties": { "not": { "$ref": "#/definitions/condition" }, "name": { "$ref": "#/definitions/text" } } }, "else": { "$ref": "#/definitions/leaf" } } } };
const schema24 = { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/condition" } };
const wrapper1 = { validate: validate88 };
function validate89(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (Array.isArray(data)) {
      if (data.length > 1e3) {
        validate89.errors = [{ instancePath, schemaPath: "#/maxItems", keyword: "maxItems", params: { limit: 1e3 } }];
        return false;
      } else {
        var valid0 = true;
        const len0 = data.length;
        for (let i0 = 0; i0 < len0; i0++) {
          const _errs1 = errors;
          if (!wrapper1.validate(data[i0], { instancePath: instancePath + "/" + i0, parentData: data, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? wrapper1.validate.errors : vErrors.concat(wrapper1.validate.errors);
            errors = vErrors.length;
          }
          var valid0 = _errs1 === errors;
          if (!valid0) {
            break;
          }
        }
      }
    } else {
      validate89.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" } }];
      return false;
    }
  }
  validate89.errors = vErrors;
  return errors === 0;
}
const schema25 = { "description": "A comparison of a fact with a constant or another fact. The value's kind follows the operator, as the runtime's operators read it.", "type": "object", "allOf": [{ "$ref": "#/definitions/factRef" }], "additionalProperties": false, "required": ["fact", "operator", "value"], "properties": { "fact": true, "params": true, "name": { "$ref": "#/definitions/text" }, "operator": { "enum": ["equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "in", "known", "containsAny", "elapsedWithin", "before", "onOrBefore", "after", "onOrAfter", "sameDay", "notSameDay"] }, "value": true }, "if": { "required": ["operator"], "properties": { "operator": { "enum": ["in", "containsAny"] } } }, "then": { "properties": { "value": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/scalar" } } } }, "else": { "if": { "required": ["operator"], "properties": { "operator": { "const": "known" } } }, "then": { "properties": { "value": { "type": "boolean" } } }, "else": { "if": { "required": ["operator"], "properties": { "operator": { "enum": ["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "elapsedWithin"] } } }, "then": { "properties": { "value": { "anyOf": [{ "type": "number" }, { "$ref": "#/definitions/valueFact" }] } } }, "else": { "if": { "required": ["operator"], "properties": { "operator": { "enum": ["before", "onOrBefore", "after", "onOrAfter", "sameDay", "notSameDay"] } } }, "then": { "properties": { "value": { "anyOf": [{ "$ref": "#/definitions/text" }, { "$ref": "#/definitions/valueFact" }] } } }, "else": { "properties": { "value": { "anyOf": [{ "$ref": "#/definitions/scalar" }, { "$ref": "#/definitions/valueFact" }] } } } } } } };
const schema26 = { "description": "A fact a condition compares: `calc` with its expression, or any other fact without one.", "type": "object", "if": { "required": ["fact"], "properties": { "fact": { "const": "calc" } } }, "then": { "required": ["params"] }, "else": { "not": { "required": ["params"] } }, "properties": { "fact": { "$ref": "#/definitions/fact" }, "params": { "type": "object", "additionalProperties": false, "required": ["expr"], "properties": { "expr": { "$ref": "#/definitions/calc" } } } } };
function validate96(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs1 = errors;
  let valid0 = true;
  const _errs2 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing0;
    if (data.fact === void 0 && (missing0 = "fact")) {
      const err0 = {};
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    } else {
      if (data.fact !== void 0) {
        if ("calc" !== data.fact) {
          const err1 = {};
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      }
    }
  }
  var _valid0 = _errs2 === errors;
  errors = _errs1;
  if (vErrors !== null) {
    if (_errs1) {
      vErrors.length = _errs1;
    } else {
      vErrors = null;
    }
  }
  let ifClause0;
  if (_valid0) {
    const _errs4 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing1;
      if (data.params === void 0 && (missing1 = "params")) {
        validate96.errors = [{ instancePath, schemaPath: "#/then/required", keyword: "required", params: { missingProperty: missing1 } }];
        return false;
      }
    }
    var _valid0 = _errs4 === errors;
    valid0 = _valid0;
    ifClause0 = "then";
  } else {
    const _errs5 = errors;
    const _errs6 = errors;
    const _errs7 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing2;
      if (data.params === void 0 && (missing2 = "params")) {
        const err2 = {};
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    var valid2 = _errs7 === errors;
    if (valid2) {
      validate96.errors = [{ instancePath, schemaPath: "#/else/not", keyword: "not", params: {} }];
      return false;
    } else {
      errors = _errs6;
      if (vErrors !== null) {
        if (_errs6) {
          vErrors.length = _errs6;
        } else {
          vErrors = null;
        }
      }
    }
    var _valid0 = _errs5 === errors;
    valid0 = _valid0;
    ifClause0 = "else";
  }
  if (!valid0) {
    const err3 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: ifClause0 } };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
    validate96.errors = vErrors;
    return false;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.fact !== void 0) {
        const _errs8 = errors;
        if (!validate75(data.fact, { instancePath: instancePath + "/fact", parentData: data, parentDataProperty: "fact", rootData })) {
          vErrors = vErrors === null ? validate75.errors : vErrors.concat(validate75.errors);
          errors = vErrors.length;
        }
        var valid3 = _errs8 === errors;
      } else {
        var valid3 = true;
      }
      if (valid3) {
        if (data.params !== void 0) {
          let data2 = data.params;
          const _errs9 = errors;
          if (errors === _errs9) {
            if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
              let missing3;
              if (data2.expr === void 0 && (missing3 = "expr")) {
                validate96.errors = [{ instancePath: instancePath + "/params", schemaPath: "#/properties/params/required", keyword: "required", params: { missingProperty: missing3 } }];
                return false;
              } else {
                const _errs11 = errors;
                for (const key0 in data2) {
                  if (!(key0 === "expr")) {
                    validate96.errors = [{ instancePath: instancePath + "/params", schemaPath: "#/properties/params/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
                    return false;
                    break;
                  }
                }
                if (_errs11 === errors) {
                  if (data2.expr !== void 0) {
                    if (!validate73(data2.expr, { instancePath: instancePath + "/params/expr", parentData: data2, parentDataProperty: "expr", rootData })) {
                      vErrors = vErrors === null ? validate73.errors : vErrors.concat(validate73.errors);
                      errors = vErrors.length;
                    }
                  }
                }
              }
            } else {
              validate96.errors = [{ instancePath: instancePath + "/params", schemaPath: "#/properties/params/type", keyword: "type", params: { type: "object" } }];
              return false;
            }
          }
          var valid3 = _errs9 === errors;
        } else {
          var valid3 = true;
        }
      }
    } else {
      validate96.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
      return false;
    }
  }
  validate96.errors = vErrors;
  return errors === 0;
}
const schema27 = { "anyOf": [{ "$ref": "#/definitions/text" }, { "type": "number" }, { "type": "boolean" }] };
function validate100(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  let valid0 = false;
  const _errs1 = errors;
  if (!validate25(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
    errors = vErrors.length;
  }
  var _valid0 = _errs1 === errors;
  valid0 = valid0 || _valid0;
  if (!valid0) {
    const _errs2 = errors;
    if (!(typeof data == "number" && isFinite(data))) {
      const err0 = { instancePath, schemaPath: "#/anyOf/1/type", keyword: "type", params: { type: "number" } };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    var _valid0 = _errs2 === errors;
    valid0 = valid0 || _valid0;
    if (!valid0) {
      const _errs4 = errors;
      if (typeof data !== "boolean") {
        const err1 = { instancePath, schemaPath: "#/anyOf/2/type", keyword: "type", params: { type: "boolean" } };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      var _valid0 = _errs4 === errors;
      valid0 = valid0 || _valid0;
    }
  }
  if (!valid0) {
    const err2 = { instancePath, schemaPath: "#/anyOf", keyword: "anyOf", params: {} };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
    validate100.errors = vErrors;
    return false;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate100.errors = vErrors;
  return errors === 0;
}
const schema28 = { "allOf": [{ "$ref": "#/definitions/factRef" }], "additionalProperties": false, "required": ["fact"], "properties": { "fact": true, "params": true } };
function validate103(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate96(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate96.errors : vErrors.concat(validate96.errors);
    errors = vErrors.length;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.fact === void 0 && (missing0 = "fact")) {
        validate103.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 } }];
        return false;
      } else {
        for (const key0 in data) {
          if (!(key0 === "fact" || key0 === "params")) {
            validate103.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
            return false;
            break;
          }
        }
      }
    }
  }
  validate103.errors = vErrors;
  return errors === 0;
}
function validate95(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs1 = errors;
  if (!validate96(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate96.errors : vErrors.concat(validate96.errors);
    errors = vErrors.length;
  }
  var valid0 = _errs1 === errors;
  if (valid0) {
    const _errs2 = errors;
    let valid1 = true;
    const _errs3 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.operator === void 0 && (missing0 = "operator")) {
        const err0 = {};
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      } else {
        if (data.operator !== void 0) {
          let data0 = data.operator;
          if (!(data0 === "in" || data0 === "containsAny")) {
            const err1 = {};
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
        }
      }
    }
    var _valid0 = _errs3 === errors;
    errors = _errs2;
    if (vErrors !== null) {
      if (_errs2) {
        vErrors.length = _errs2;
      } else {
        vErrors = null;
      }
    }
    let ifClause0;
    if (_valid0) {
      const _errs5 = errors;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.value !== void 0) {
          let data1 = data.value;
          const _errs6 = errors;
          if (errors === _errs6) {
            if (Array.isArray(data1)) {
              if (data1.length > 1e3) {
                validate95.errors = [{ instancePath: instancePath + "/value", schemaPath: "#/then/properties/value/maxItems", keyword: "maxItems", params: { limit: 1e3 } }];
                return false;
              } else {
                var valid4 = true;
                const len0 = data1.length;
                for (let i0 = 0; i0 < len0; i0++) {
                  const _errs8 = errors;
                  if (!validate100(data1[i0], { instancePath: instancePath + "/value/" + i0, parentData: data1, parentDataProperty: i0, rootData })) {
                    vErrors = vErrors === null ? validate100.errors : vErrors.concat(validate100.errors);
                    errors = vErrors.length;
                  }
                  var valid4 = _errs8 === errors;
                  if (!valid4) {
                    break;
                  }
                }
              }
            } else {
              validate95.errors = [{ instancePath: instancePath + "/value", schemaPath: "#/then/properties/value/type", keyword: "type", params: { type: "array" } }];
              return false;
            }
          }
        }
      }
      var _valid0 = _errs5 === errors;
      valid1 = _valid0;
      ifClause0 = "then";
    } else {
      const _errs9 = errors;
      const _errs10 = errors;
      let valid5 = true;
      const _errs11 = errors;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing1;
        if (data.operator === void 0 && (missing1 = "operator")) {
          const err2 = {};
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        } else {
          if (data.operator !== void 0) {
            if ("known" !== data.operator) {
              const err3 = {};
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          }
        }
      }
      var _valid1 = _errs11 === errors;
      errors = _errs10;
      if (vErrors !== null) {
        if (_errs10) {
          vErrors.length = _errs10;
        } else {
          vErrors = null;
        }
      }
      let ifClause1;
      if (_valid1) {
        const _errs13 = errors;
        if (data && typeof data == "object" && !Array.isArray(data)) {
          if (data.value !== void 0) {
            if (typeof data.value !== "boolean") {
              validate95.errors = [{ instancePath: instancePath + "/value", schemaPath: "#/else/then/properties/value/type", keyword: "type", params: { type: "boolean" } }];
              return false;
            }
          }
        }
        var _valid1 = _errs13 === errors;
        valid5 = _valid1;
        ifClause1 = "then";
      } else {
        const _errs16 = errors;
        const _errs17 = errors;
        let valid8 = true;
        const _errs18 = errors;
        if (data && typeof data == "object" && !Array.isArray(data)) {
          let missing2;
          if (data.operator === void 0 && (missing2 = "operator")) {
            const err4 = {};
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          } else {
            if (data.operator !== void 0) {
              let data5 = data.operator;
              if (!(data5 === "lessThan" || data5 === "lessThanInclusive" || data5 === "greaterThan" || data5 === "greaterThanInclusive" || data5 === "elapsedWithin")) {
                const err5 = {};
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
          }
        }
        var _valid2 = _errs18 === errors;
        errors = _errs17;
        if (vErrors !== null) {
          if (_errs17) {
            vErrors.length = _errs17;
          } else {
            vErrors = null;
          }
        }
        let ifClause2;
        if (_valid2) {
          const _errs20 = errors;
          if (data && typeof data == "object" && !Array.isArray(data)) {
            if (data.value !== void 0) {
              let data6 = data.value;
              const _errs22 = errors;
              let valid11 = false;
              const _errs23 = errors;
              if (!(typeof data6 == "number" && isFinite(data6))) {
                const err6 = { instancePath: instancePath + "/value", schemaPath: "#/else/else/then/properties/value/anyOf/0/type", keyword: "type", params: { type: "number" } };
                if (vErrors === null) {
                  vErrors = [err6];
                } else {
                  vErrors.push(err6);
                }
                errors++;
              }
              var _valid3 = _errs23 === errors;
              valid11 = valid11 || _valid3;
              if (!valid11) {
                const _errs25 = errors;
                if (!validate103(data6, { instancePath: instancePath + "/value", parentData: data, parentDataProperty: "value", rootData })) {
                  vErrors = vErrors === null ? validate103.errors : vErrors.concat(validate103.errors);
                  errors = vErrors.length;
                }
                var _valid3 = _errs25 === errors;
                valid11 = valid11 || _valid3;
              }
              if (!valid11) {
                const err7 = { instancePath: instancePath + "/value", schemaPath: "#/else/else/then/properties/value/anyOf", keyword: "anyOf", params: {} };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
                validate95.errors = vErrors;
                return false;
              } else {
                errors = _errs22;
                if (vErrors !== null) {
                  if (_errs22) {
                    vErrors.length = _errs22;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
          }
          var _valid2 = _errs20 === errors;
          valid8 = _valid2;
          ifClause2 = "then";
        } else {
          const _errs26 = errors;
          const _errs27 = errors;
          let valid12 = true;
          const _errs28 = errors;
          if (data && typeof data == "object" && !Array.isArray(data)) {
            let missing3;
            if (data.operator === void 0 && (missing3 = "operator")) {
              const err8 = {};
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            } else {
              if (data.operator !== void 0) {
                let data7 = data.operator;
                if (!(data7 === "before" || data7 === "onOrBefore" || data7 === "after" || data7 === "onOrAfter" || data7 === "sameDay" || data7 === "notSameDay")) {
                  const err9 = {};
                  if (vErrors === null) {
                    vErrors = [err9];
                  } else {
                    vErrors.push(err9);
                  }
                  errors++;
                }
              }
            }
          }
          var _valid4 = _errs28 === errors;
          errors = _errs27;
          if (vErrors !== null) {
            if (_errs27) {
              vErrors.length = _errs27;
            } else {
              vErrors = null;
            }
          }
          let ifClause3;
          if (_valid4) {
            const _errs30 = errors;
            if (data && typeof data == "object" && !Array.isArray(data)) {
              if (data.value !== void 0) {
                let data8 = data.value;
                const _errs32 = errors;
                let valid15 = false;
                const _errs33 = errors;
                if (!validate25(data8, { instancePath: instancePath + "/value", parentData: data, parentDataProperty: "value", rootData })) {
                  vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                  errors = vErrors.length;
                }
                var _valid5 = _errs33 === errors;
                valid15 = valid15 || _valid5;
                if (!valid15) {
                  const _errs34 = errors;
                  if (!validate103(data8, { instancePath: instancePath + "/value", parentData: data, parentDataProperty: "value", rootData })) {
                    vErrors = vErrors === null ? validate103.errors : vErrors.concat(validate103.errors);
                    errors = vErrors.length;
                  }
                  var _valid5 = _errs34 === errors;
                  valid15 = valid15 || _valid5;
                }
                if (!valid15) {
                  const err10 = { instancePath: instancePath + "/value", schemaPath: "#/else/else/else/then/properties/value/anyOf", keyword: "anyOf", params: {} };
                  if (vErrors === null) {
                    vErrors = [err10];
                  } else {
                    vErrors.push(err10);
                  }
                  errors++;
                  validate95.errors = vErrors;
                  return false;
                } else {
                  errors = _errs32;
                  if (vErrors !== null) {
                    if (_errs32) {
                      vErrors.length = _errs32;
                    } else {
                      vErrors = null;
                    }
                  }
                }
              }
            }
            var _valid4 = _errs30 === errors;
            valid12 = _valid4;
            ifClause3 = "then";
          } else {
            const _errs35 = errors;
            if (data && typeof data == "object" && !Array.isArray(data)) {
              if (data.value !== void 0) {
                let data9 = data.value;
                const _errs37 = errors;
                let valid17 = false;
                const _errs38 = errors;
                if (!validate100(data9, { instancePath: instancePath + "/value", parentData: data, parentDataProperty: "value", rootData })) {
                  vErrors = vErrors === null ? validate100.errors : vErrors.concat(validate100.errors);
                  errors = vErrors.length;
                }
                var _valid6 = _errs38 === errors;
                valid17 = valid17 || _valid6;
                if (!valid17) {
                  const _errs39 = errors;
                  if (!validate103(data9, { instancePath: instancePath + "/value", parentData: data, parentDataProperty: "value", rootData })) {
                    vErrors = vErrors === null ? validate103.errors : vErrors.concat(validate103.errors);
                    errors = vErrors.length;
                  }
                  var _valid6 = _errs39 === errors;
                  valid17 = valid17 || _valid6;
                }
                if (!valid17) {
                  const err11 = { instancePath: instancePath + "/value", schemaPath: "#/else/else/else/else/properties/value/anyOf", keyword: "anyOf", params: {} };
                  if (vErrors === null) {
                    vErrors = [err11];
                  } else {
                    vErrors.push(err11);
                  }
                  errors++;
                  validate95.errors = vErrors;
                  return false;
                } else {
                  errors = _errs37;
                  if (vErrors !== null) {
                    if (_errs37) {
                      vErrors.length = _errs37;
                    } else {
                      vErrors = null;
                    }
                  }
                }
              }
            }
            var _valid4 = _errs35 === errors;
            valid12 = _valid4;
            ifClause3 = "else";
          }
          if (!valid12) {
            const err12 = { instancePath, schemaPath: "#/else/else/else/if", keyword: "if", params: { failingKeyword: ifClause3 } };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
            validate95.errors = vErrors;
            return false;
          }
          var _valid2 = _errs26 === errors;
          valid8 = _valid2;
          ifClause2 = "else";
        }
        if (!valid8) {
          const err13 = { instancePath, schemaPath: "#/else/else/if", keyword: "if", params: { failingKeyword: ifClause2 } };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
          validate95.errors = vErrors;
          return false;
        }
        var _valid1 = _errs16 === errors;
        valid5 = _valid1;
        ifClause1 = "else";
      }
      if (!valid5) {
        const err14 = { instancePath, schemaPath: "#/else/if", keyword: "if", params: { failingKeyword: ifClause1 } };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
        validate95.errors = vErrors;
        return false;
      }
      var _valid0 = _errs9 === errors;
      valid1 = _valid0;
      ifClause0 = "else";
    }
    if (!valid1) {
      const err15 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: ifClause0 } };
      if (vErrors === null) {
        vErrors = [err15];
      } else {
        vErrors.push(err15);
      }
      errors++;
      validate95.errors = vErrors;
      return false;
    }
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing4;
      if (data.fact === void 0 && (missing4 = "fact") || data.operator === void 0 && (missing4 = "operator") || data.value === void 0 && (missing4 = "value")) {
        validate95.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing4 } }];
        return false;
      } else {
        const _errs40 = errors;
        for (const key0 in data) {
          if (!(key0 === "fact" || key0 === "params" || key0 === "name" || key0 === "operator" || key0 === "value")) {
            validate95.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
            return false;
            break;
          }
        }
        if (_errs40 === errors) {
          if (data.name !== void 0) {
            const _errs41 = errors;
            if (!validate25(data.name, { instancePath: instancePath + "/name", parentData: data, parentDataProperty: "name", rootData })) {
              vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
              errors = vErrors.length;
            }
            var valid18 = _errs41 === errors;
          } else {
            var valid18 = true;
          }
          if (valid18) {
            if (data.operator !== void 0) {
              let data11 = data.operator;
              const _errs42 = errors;
              if (!(data11 === "equal" || data11 === "notEqual" || data11 === "lessThan" || data11 === "lessThanInclusive" || data11 === "greaterThan" || data11 === "greaterThanInclusive" || data11 === "in" || data11 === "known" || data11 === "containsAny" || data11 === "elapsedWithin" || data11 === "before" || data11 === "onOrBefore" || data11 === "after" || data11 === "onOrAfter" || data11 === "sameDay" || data11 === "notSameDay")) {
                validate95.errors = [{ instancePath: instancePath + "/operator", schemaPath: "#/properties/operator/enum", keyword: "enum", params: { allowedValues: schema25.properties.operator.enum } }];
                return false;
              }
              var valid18 = _errs42 === errors;
            } else {
              var valid18 = true;
            }
          }
        }
      }
    } else {
      validate95.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
      return false;
    }
  }
  validate95.errors = vErrors;
  return errors === 0;
}
function validate88(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!(data && typeof data == "object" && !Array.isArray(data))) {
    validate88.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
    return false;
  }
  const _errs1 = errors;
  let valid0 = true;
  const _errs2 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing0;
    if (data.all === void 0 && (missing0 = "all")) {
      const err0 = {};
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  }
  var _valid0 = _errs2 === errors;
  errors = _errs1;
  if (vErrors !== null) {
    if (_errs1) {
      vErrors.length = _errs1;
    } else {
      vErrors = null;
    }
  }
  let ifClause0;
  if (_valid0) {
    const _errs3 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      const _errs4 = errors;
      for (const key0 in data) {
        if (!(key0 === "all" || key0 === "name")) {
          validate88.errors = [{ instancePath, schemaPath: "#/then/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
          return false;
          break;
        }
      }
      if (_errs4 === errors) {
        if (data.all !== void 0) {
          const _errs5 = errors;
          if (!validate89(data.all, { instancePath: instancePath + "/all", parentData: data, parentDataProperty: "all", rootData })) {
            vErrors = vErrors === null ? validate89.errors : vErrors.concat(validate89.errors);
            errors = vErrors.length;
          }
          var valid1 = _errs5 === errors;
        } else {
          var valid1 = true;
        }
        if (valid1) {
          if (data.name !== void 0) {
            const _errs6 = errors;
            if (!validate25(data.name, { instancePath: instancePath + "/name", parentData: data, parentDataProperty: "name", rootData })) {
              vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
              errors = vErrors.length;
            }
            var valid1 = _errs6 === errors;
          } else {
            var valid1 = true;
          }
        }
      }
    }
    var _valid0 = _errs3 === errors;
    valid0 = _valid0;
    ifClause0 = "then";
  } else {
    const _errs7 = errors;
    const _errs8 = errors;
    let valid2 = true;
    const _errs9 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing1;
      if (data.any === void 0 && (missing1 = "any")) {
        const err1 = {};
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    var _valid1 = _errs9 === errors;
    errors = _errs8;
    if (vErrors !== null) {
      if (_errs8) {
        vErrors.length = _errs8;
      } else {
        vErrors = null;
      }
    }
    let ifClause1;
    if (_valid1) {
      const _errs10 = errors;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        const _errs11 = errors;
        for (const key1 in data) {
          if (!(key1 === "any" || key1 === "name")) {
            validate88.errors = [{ instancePath, schemaPath: "#/else/then/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 } }];
            return false;
            break;
          }
        }
        if (_errs11 === errors) {
          if (data.any !== void 0) {
            const _errs12 = errors;
            if (!validate89(data.any, { instancePath: instancePath + "/any", parentData: data, parentDataProperty: "any", rootData })) {
              vErrors = vErrors === null ? validate89.errors : vErrors.concat(validate89.errors);
              errors = vErrors.length;
            }
            var valid3 = _errs12 === errors;
          } else {
            var valid3 = true;
          }
          if (valid3) {
            if (data.name !== void 0) {
              const _errs13 = errors;
              if (!validate25(data.name, { instancePath: instancePath + "/name", parentData: data, parentDataProperty: "name", rootData })) {
                vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                errors = vErrors.length;
              }
              var valid3 = _errs13 === errors;
            } else {
              var valid3 = true;
            }
          }
        }
      }
      var _valid1 = _errs10 === errors;
      valid2 = _valid1;
      ifClause1 = "then";
    } else {
      const _errs14 = errors;
      const _errs15 = errors;
      let valid4 = true;
      const _errs16 = errors;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing2;
        if (data.not === void 0 && (missing2 = "not")) {
          const err2 = {};
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
      var _valid2 = _errs16 === errors;
      errors = _errs15;
      if (vErrors !== null) {
        if (_errs15) {
          vErrors.length = _errs15;
        } else {
          vErrors = null;
        }
      }
      let ifClause2;
      if (_valid2) {
        const _errs17 = errors;
        if (data && typeof data == "object" && !Array.isArray(data)) {
          const _errs18 = errors;
          for (const key2 in data) {
            if (!(key2 === "not" || key2 === "name")) {
              validate88.errors = [{ instancePath, schemaPath: "#/else/else/then/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 } }];
              return false;
              break;
            }
          }
          if (_errs18 === errors) {
            if (data.not !== void 0) {
              const _errs19 = errors;
              if (!wrapper1.validate(data.not, { instancePath: instancePath + "/not", parentData: data, parentDataProperty: "not", rootData })) {
                vErrors = vErrors === null ? wrapper1.validate.errors : vErrors.concat(wrapper1.validate.errors);
                errors = vErrors.length;
              }
              var valid5 = _errs19 === errors;
            } else {
              var valid5 = true;
            }
            if (valid5) {
              if (data.name !== void 0) {
                const _errs20 = errors;
                if (!validate25(data.name, { instancePath: instancePath + "/name", parentData: data, parentDataProperty: "name", rootData })) {
                  vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                  errors = vErrors.length;
                }
                var valid5 = _errs20 === errors;
              } else {
                var valid5 = true;
              }
            }
          }
        }
        var _valid2 = _errs17 === errors;
        valid4 = _valid2;
        ifClause2 = "then";
      } else {
        const _errs21 = errors;
        if (!validate95(data, { instancePath, parentData, parentDataProperty, rootData })) {
          vErrors = vErrors === null ? validate95.errors : vErrors.concat(validate95.errors);
          errors = vErrors.length;
        }
        var _valid2 = _errs21 === errors;
        valid4 = _valid2;
        ifClause2 = "else";
      }
      if (!valid4) {
        const err3 = { instancePath, schemaPath: "#/else/else/if", keyword: "if", params: { failingKeyword: ifClause2 } };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
        validate88.errors = vErrors;
        return false;
      }
      var _valid1 = _errs14 === errors;
      valid2 = _valid1;
      ifClause1 = "else";
    }
    if (!valid2) {
      const err4 = { instancePath, schemaPath: "#/else/if", keyword: "if", params: { failingKeyword: ifClause1 } };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
      validate88.errors = vErrors;
      return false;
    }
    var _valid0 = _errs7 === errors;
    valid0 = _valid0;
    ifClause0 = "else";
  }
  if (!valid0) {
    const err5 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: ifClause0 } };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
    validate88.errors = vErrors;
    return false;
  }
  validate88.errors = vErrors;
  return errors === 0;
}
function validate86(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.name === void 0 && (missing0 = "name") || data.conditions === void 0 && (missing0 = "conditions") || data.event === void 0 && (missing0 = "event")) {
        validate86.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 } }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "name" || key0 === "conditions" || key0 === "event")) {
            validate86.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.name !== void 0) {
            const _errs2 = errors;
            if (!validate23(data.name, { instancePath: instancePath + "/name", parentData: data, parentDataProperty: "name", rootData })) {
              vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.conditions !== void 0) {
              let data1 = data.conditions;
              const _errs3 = errors;
              const _errs4 = errors;
              let valid1 = false;
              const _errs5 = errors;
              if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
                let missing1;
                if (data1.all === void 0 && (missing1 = "all")) {
                  const err0 = { instancePath: instancePath + "/conditions", schemaPath: "#/properties/conditions/anyOf/0/required", keyword: "required", params: { missingProperty: missing1 } };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              }
              var _valid0 = _errs5 === errors;
              valid1 = valid1 || _valid0;
              if (!valid1) {
                const _errs6 = errors;
                if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
                  let missing2;
                  if (data1.any === void 0 && (missing2 = "any")) {
                    const err1 = { instancePath: instancePath + "/conditions", schemaPath: "#/properties/conditions/anyOf/1/required", keyword: "required", params: { missingProperty: missing2 } };
                    if (vErrors === null) {
                      vErrors = [err1];
                    } else {
                      vErrors.push(err1);
                    }
                    errors++;
                  }
                }
                var _valid0 = _errs6 === errors;
                valid1 = valid1 || _valid0;
                if (!valid1) {
                  const _errs7 = errors;
                  if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
                    let missing3;
                    if (data1.not === void 0 && (missing3 = "not")) {
                      const err2 = { instancePath: instancePath + "/conditions", schemaPath: "#/properties/conditions/anyOf/2/required", keyword: "required", params: { missingProperty: missing3 } };
                      if (vErrors === null) {
                        vErrors = [err2];
                      } else {
                        vErrors.push(err2);
                      }
                      errors++;
                    }
                  }
                  var _valid0 = _errs7 === errors;
                  valid1 = valid1 || _valid0;
                }
              }
              if (!valid1) {
                const err3 = { instancePath: instancePath + "/conditions", schemaPath: "#/properties/conditions/anyOf", keyword: "anyOf", params: {} };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
                validate86.errors = vErrors;
                return false;
              } else {
                errors = _errs4;
                if (vErrors !== null) {
                  if (_errs4) {
                    vErrors.length = _errs4;
                  } else {
                    vErrors = null;
                  }
                }
                if (!validate88(data1, { instancePath: instancePath + "/conditions", parentData: data, parentDataProperty: "conditions", rootData })) {
                  vErrors = vErrors === null ? validate88.errors : vErrors.concat(validate88.errors);
                  errors = vErrors.length;
                }
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.event !== void 0) {
                let data2 = data.event;
                const _errs9 = errors;
                if (errors === _errs9) {
                  if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
                    let missing4;
                    if (data2.type === void 0 && (missing4 = "type")) {
                      validate86.errors = [{ instancePath: instancePath + "/event", schemaPath: "#/properties/event/required", keyword: "required", params: { missingProperty: missing4 } }];
                      return false;
                    } else {
                      const _errs11 = errors;
                      for (const key1 in data2) {
                        if (!(key1 === "type" || key1 === "params")) {
                          validate86.errors = [{ instancePath: instancePath + "/event", schemaPath: "#/properties/event/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 } }];
                          return false;
                          break;
                        }
                      }
                      if (_errs11 === errors) {
                        if (data2.type !== void 0) {
                          const _errs12 = errors;
                          if (!validate23(data2.type, { instancePath: instancePath + "/event/type", parentData: data2, parentDataProperty: "type", rootData })) {
                            vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
                            errors = vErrors.length;
                          }
                          var valid3 = _errs12 === errors;
                        } else {
                          var valid3 = true;
                        }
                        if (valid3) {
                          if (data2.params !== void 0) {
                            let data4 = data2.params;
                            const _errs13 = errors;
                            if (errors === _errs13) {
                              if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                                if (Object.keys(data4).length > 10) {
                                  validate86.errors = [{ instancePath: instancePath + "/event/params", schemaPath: "#/properties/event/properties/params/maxProperties", keyword: "maxProperties", params: { limit: 10 } }];
                                  return false;
                                } else {
                                  for (const key2 in data4) {
                                    const _errs16 = errors;
                                    if (!validate25(data4[key2], { instancePath: instancePath + "/event/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data4, parentDataProperty: key2, rootData })) {
                                      vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                                      errors = vErrors.length;
                                    }
                                    var valid4 = _errs16 === errors;
                                    if (!valid4) {
                                      break;
                                    }
                                  }
                                }
                              } else {
                                validate86.errors = [{ instancePath: instancePath + "/event/params", schemaPath: "#/properties/event/properties/params/type", keyword: "type", params: { type: "object" } }];
                                return false;
                              }
                            }
                            var valid3 = _errs13 === errors;
                          } else {
                            var valid3 = true;
                          }
                        }
                      }
                    }
                  } else {
                    validate86.errors = [{ instancePath: instancePath + "/event", schemaPath: "#/properties/event/type", keyword: "type", params: { type: "object" } }];
                    return false;
                  }
                }
                var valid0 = _errs9 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate86.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
      return false;
    }
  }
  validate86.errors = vErrors;
  return errors === 0;
}
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.id === void 0 && (missing0 = "id") || data.title === void 0 && (missing0 = "title") || data.citation === void 0 && (missing0 = "citation") || data.source === void 0 && (missing0 = "source") || data.covers === void 0 && (missing0 = "covers") || data.classes === void 0 && (missing0 = "classes") || data.recommendations === void 0 && (missing0 = "recommendations") || data.applicabilityRule === void 0 && (missing0 = "applicabilityRule") || data.applicabilityLeaves === void 0 && (missing0 = "applicabilityLeaves") || data.criteria === void 0 && (missing0 = "criteria") || data.rules === void 0 && (missing0 = "rules") || data.location === void 0 && (missing0 = "location")) {
        validate22.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 } }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!func2.call(schema7.properties, key0)) {
            validate22.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.id !== void 0) {
            const _errs2 = errors;
            if (!validate23(data.id, { instancePath: instancePath + "/id", parentData: data, parentDataProperty: "id", rootData })) {
              vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.title !== void 0) {
              const _errs3 = errors;
              if (!validate25(data.title, { instancePath: instancePath + "/title", parentData: data, parentDataProperty: "title", rootData })) {
                vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                errors = vErrors.length;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.citation !== void 0) {
                const _errs4 = errors;
                if (!validate25(data.citation, { instancePath: instancePath + "/citation", parentData: data, parentDataProperty: "citation", rootData })) {
                  vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                  errors = vErrors.length;
                }
                var valid0 = _errs4 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.source !== void 0) {
                  let data3 = data.source;
                  const _errs5 = errors;
                  if (errors === _errs5) {
                    if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                      let missing1;
                      if (data3.document === void 0 && (missing1 = "document") || data3.parts === void 0 && (missing1 = "parts")) {
                        validate22.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/properties/source/required", keyword: "required", params: { missingProperty: missing1 } }];
                        return false;
                      } else {
                        const _errs7 = errors;
                        for (const key1 in data3) {
                          if (!(key1 === "document" || key1 === "edition" || key1 === "pages" || key1 === "parts")) {
                            validate22.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/properties/source/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 } }];
                            return false;
                            break;
                          }
                        }
                        if (_errs7 === errors) {
                          if (data3.document !== void 0) {
                            const _errs8 = errors;
                            if (!validate25(data3.document, { instancePath: instancePath + "/source/document", parentData: data3, parentDataProperty: "document", rootData })) {
                              vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                              errors = vErrors.length;
                            }
                            var valid1 = _errs8 === errors;
                          } else {
                            var valid1 = true;
                          }
                          if (valid1) {
                            if (data3.edition !== void 0) {
                              let data5 = data3.edition;
                              const _errs9 = errors;
                              if (!(typeof data5 == "number" && (!(data5 % 1) && !isNaN(data5)) && isFinite(data5))) {
                                validate22.errors = [{ instancePath: instancePath + "/source/edition", schemaPath: "#/properties/source/properties/edition/type", keyword: "type", params: { type: "integer" } }];
                                return false;
                              }
                              var valid1 = _errs9 === errors;
                            } else {
                              var valid1 = true;
                            }
                            if (valid1) {
                              if (data3.pages !== void 0) {
                                const _errs11 = errors;
                                if (!validate25(data3.pages, { instancePath: instancePath + "/source/pages", parentData: data3, parentDataProperty: "pages", rootData })) {
                                  vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                                  errors = vErrors.length;
                                }
                                var valid1 = _errs11 === errors;
                              } else {
                                var valid1 = true;
                              }
                              if (valid1) {
                                if (data3.parts !== void 0) {
                                  let data7 = data3.parts;
                                  const _errs12 = errors;
                                  if (errors === _errs12) {
                                    if (Array.isArray(data7)) {
                                      if (data7.length > 100) {
                                        validate22.errors = [{ instancePath: instancePath + "/source/parts", schemaPath: "#/properties/source/properties/parts/maxItems", keyword: "maxItems", params: { limit: 100 } }];
                                        return false;
                                      } else {
                                        var valid2 = true;
                                        const len0 = data7.length;
                                        for (let i0 = 0; i0 < len0; i0++) {
                                          const _errs14 = errors;
                                          if (!validate25(data7[i0], { instancePath: instancePath + "/source/parts/" + i0, parentData: data7, parentDataProperty: i0, rootData })) {
                                            vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                                            errors = vErrors.length;
                                          }
                                          var valid2 = _errs14 === errors;
                                          if (!valid2) {
                                            break;
                                          }
                                        }
                                      }
                                    } else {
                                      validate22.errors = [{ instancePath: instancePath + "/source/parts", schemaPath: "#/properties/source/properties/parts/type", keyword: "type", params: { type: "array" } }];
                                      return false;
                                    }
                                  }
                                  var valid1 = _errs12 === errors;
                                } else {
                                  var valid1 = true;
                                }
                              }
                            }
                          }
                        }
                      }
                    } else {
                      validate22.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/properties/source/type", keyword: "type", params: { type: "object" } }];
                      return false;
                    }
                  }
                  var valid0 = _errs5 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.inForce !== void 0) {
                    let data9 = data.inForce;
                    const _errs15 = errors;
                    if (errors === _errs15) {
                      if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
                        let missing2;
                        if (data9.from === void 0 && (missing2 = "from")) {
                          validate22.errors = [{ instancePath: instancePath + "/inForce", schemaPath: "#/properties/inForce/required", keyword: "required", params: { missingProperty: missing2 } }];
                          return false;
                        } else {
                          const _errs17 = errors;
                          for (const key2 in data9) {
                            if (!(key2 === "from" || key2 === "to")) {
                              validate22.errors = [{ instancePath: instancePath + "/inForce", schemaPath: "#/properties/inForce/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 } }];
                              return false;
                              break;
                            }
                          }
                          if (_errs17 === errors) {
                            if (data9.from !== void 0) {
                              const _errs18 = errors;
                              if (!validate31(data9.from, { instancePath: instancePath + "/inForce/from", parentData: data9, parentDataProperty: "from", rootData })) {
                                vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
                                errors = vErrors.length;
                              }
                              var valid3 = _errs18 === errors;
                            } else {
                              var valid3 = true;
                            }
                            if (valid3) {
                              if (data9.to !== void 0) {
                                const _errs19 = errors;
                                if (!validate31(data9.to, { instancePath: instancePath + "/inForce/to", parentData: data9, parentDataProperty: "to", rootData })) {
                                  vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
                                  errors = vErrors.length;
                                }
                                var valid3 = _errs19 === errors;
                              } else {
                                var valid3 = true;
                              }
                            }
                          }
                        }
                      } else {
                        validate22.errors = [{ instancePath: instancePath + "/inForce", schemaPath: "#/properties/inForce/type", keyword: "type", params: { type: "object" } }];
                        return false;
                      }
                    }
                    var valid0 = _errs15 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.covers !== void 0) {
                      let data12 = data.covers;
                      const _errs20 = errors;
                      if (errors === _errs20) {
                        if (Array.isArray(data12)) {
                          if (data12.length > 100) {
                            validate22.errors = [{ instancePath: instancePath + "/covers", schemaPath: "#/properties/covers/maxItems", keyword: "maxItems", params: { limit: 100 } }];
                            return false;
                          } else {
                            var valid4 = true;
                            const len1 = data12.length;
                            for (let i1 = 0; i1 < len1; i1++) {
                              const _errs22 = errors;
                              if (!validate23(data12[i1], { instancePath: instancePath + "/covers/" + i1, parentData: data12, parentDataProperty: i1, rootData })) {
                                vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
                                errors = vErrors.length;
                              }
                              var valid4 = _errs22 === errors;
                              if (!valid4) {
                                break;
                              }
                            }
                          }
                        } else {
                          validate22.errors = [{ instancePath: instancePath + "/covers", schemaPath: "#/properties/covers/type", keyword: "type", params: { type: "array" } }];
                          return false;
                        }
                      }
                      var valid0 = _errs20 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.classes !== void 0) {
                        let data14 = data.classes;
                        const _errs23 = errors;
                        if (errors === _errs23) {
                          if (Array.isArray(data14)) {
                            if (data14.length > 1e3) {
                              validate22.errors = [{ instancePath: instancePath + "/classes", schemaPath: "#/properties/classes/maxItems", keyword: "maxItems", params: { limit: 1e3 } }];
                              return false;
                            } else {
                              var valid5 = true;
                              const len2 = data14.length;
                              for (let i2 = 0; i2 < len2; i2++) {
                                const _errs25 = errors;
                                if (!validate35(data14[i2], { instancePath: instancePath + "/classes/" + i2, parentData: data14, parentDataProperty: i2, rootData })) {
                                  vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
                                  errors = vErrors.length;
                                }
                                var valid5 = _errs25 === errors;
                                if (!valid5) {
                                  break;
                                }
                              }
                            }
                          } else {
                            validate22.errors = [{ instancePath: instancePath + "/classes", schemaPath: "#/properties/classes/type", keyword: "type", params: { type: "array" } }];
                            return false;
                          }
                        }
                        var valid0 = _errs23 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.recommendations !== void 0) {
                          let data16 = data.recommendations;
                          const _errs26 = errors;
                          if (errors === _errs26) {
                            if (Array.isArray(data16)) {
                              if (data16.length > 1e3) {
                                validate22.errors = [{ instancePath: instancePath + "/recommendations", schemaPath: "#/properties/recommendations/maxItems", keyword: "maxItems", params: { limit: 1e3 } }];
                                return false;
                              } else {
                                var valid6 = true;
                                const len3 = data16.length;
                                for (let i3 = 0; i3 < len3; i3++) {
                                  const _errs28 = errors;
                                  if (!validate39(data16[i3], { instancePath: instancePath + "/recommendations/" + i3, parentData: data16, parentDataProperty: i3, rootData })) {
                                    vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
                                    errors = vErrors.length;
                                  }
                                  var valid6 = _errs28 === errors;
                                  if (!valid6) {
                                    break;
                                  }
                                }
                              }
                            } else {
                              validate22.errors = [{ instancePath: instancePath + "/recommendations", schemaPath: "#/properties/recommendations/type", keyword: "type", params: { type: "array" } }];
                              return false;
                            }
                          }
                          var valid0 = _errs26 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.frequency !== void 0) {
                            let data18 = data.frequency;
                            const _errs29 = errors;
                            if (errors === _errs29) {
                              if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
                                let missing3;
                                if (data18.mostPerWeek === void 0 && (missing3 = "mostPerWeek")) {
                                  validate22.errors = [{ instancePath: instancePath + "/frequency", schemaPath: "#/properties/frequency/required", keyword: "required", params: { missingProperty: missing3 } }];
                                  return false;
                                } else {
                                  const _errs31 = errors;
                                  for (const key3 in data18) {
                                    if (!(key3 === "mostPerWeek" || key3 === "fadeTo")) {
                                      validate22.errors = [{ instancePath: instancePath + "/frequency", schemaPath: "#/properties/frequency/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 } }];
                                      return false;
                                      break;
                                    }
                                  }
                                  if (_errs31 === errors) {
                                    if (data18.mostPerWeek !== void 0) {
                                      const _errs32 = errors;
                                      if (!validate41(data18.mostPerWeek, { instancePath: instancePath + "/frequency/mostPerWeek", parentData: data18, parentDataProperty: "mostPerWeek", rootData })) {
                                        vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
                                        errors = vErrors.length;
                                      }
                                      var valid7 = _errs32 === errors;
                                    } else {
                                      var valid7 = true;
                                    }
                                    if (valid7) {
                                      if (data18.fadeTo !== void 0) {
                                        const _errs33 = errors;
                                        if (!validate41(data18.fadeTo, { instancePath: instancePath + "/frequency/fadeTo", parentData: data18, parentDataProperty: "fadeTo", rootData })) {
                                          vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
                                          errors = vErrors.length;
                                        }
                                        var valid7 = _errs33 === errors;
                                      } else {
                                        var valid7 = true;
                                      }
                                    }
                                  }
                                }
                              } else {
                                validate22.errors = [{ instancePath: instancePath + "/frequency", schemaPath: "#/properties/frequency/type", keyword: "type", params: { type: "object" } }];
                                return false;
                              }
                            }
                            var valid0 = _errs29 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.applicabilityRule !== void 0) {
                              const _errs34 = errors;
                              if (!validate23(data.applicabilityRule, { instancePath: instancePath + "/applicabilityRule", parentData: data, parentDataProperty: "applicabilityRule", rootData })) {
                                vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
                                errors = vErrors.length;
                              }
                              var valid0 = _errs34 === errors;
                            } else {
                              var valid0 = true;
                            }
                            if (valid0) {
                              if (data.applicabilityLeaves !== void 0) {
                                const _errs35 = errors;
                                if (!validate61(data.applicabilityLeaves, { instancePath: instancePath + "/applicabilityLeaves", parentData: data, parentDataProperty: "applicabilityLeaves", rootData })) {
                                  vErrors = vErrors === null ? validate61.errors : vErrors.concat(validate61.errors);
                                  errors = vErrors.length;
                                }
                                var valid0 = _errs35 === errors;
                              } else {
                                var valid0 = true;
                              }
                              if (valid0) {
                                if (data.criteria !== void 0) {
                                  let data23 = data.criteria;
                                  const _errs36 = errors;
                                  if (errors === _errs36) {
                                    if (Array.isArray(data23)) {
                                      if (data23.length > 1e3) {
                                        validate22.errors = [{ instancePath: instancePath + "/criteria", schemaPath: "#/properties/criteria/maxItems", keyword: "maxItems", params: { limit: 1e3 } }];
                                        return false;
                                      } else {
                                        var valid8 = true;
                                        const len4 = data23.length;
                                        for (let i4 = 0; i4 < len4; i4++) {
                                          const _errs38 = errors;
                                          if (!validate68(data23[i4], { instancePath: instancePath + "/criteria/" + i4, parentData: data23, parentDataProperty: i4, rootData })) {
                                            vErrors = vErrors === null ? validate68.errors : vErrors.concat(validate68.errors);
                                            errors = vErrors.length;
                                          }
                                          var valid8 = _errs38 === errors;
                                          if (!valid8) {
                                            break;
                                          }
                                        }
                                      }
                                    } else {
                                      validate22.errors = [{ instancePath: instancePath + "/criteria", schemaPath: "#/properties/criteria/type", keyword: "type", params: { type: "array" } }];
                                      return false;
                                    }
                                  }
                                  var valid0 = _errs36 === errors;
                                } else {
                                  var valid0 = true;
                                }
                                if (valid0) {
                                  if (data.rules !== void 0) {
                                    let data25 = data.rules;
                                    const _errs39 = errors;
                                    if (errors === _errs39) {
                                      if (Array.isArray(data25)) {
                                        if (data25.length > 1001) {
                                          validate22.errors = [{ instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/maxItems", keyword: "maxItems", params: { limit: 1001 } }];
                                          return false;
                                        } else {
                                          var valid9 = true;
                                          const len5 = data25.length;
                                          for (let i5 = 0; i5 < len5; i5++) {
                                            const _errs41 = errors;
                                            if (!validate86(data25[i5], { instancePath: instancePath + "/rules/" + i5, parentData: data25, parentDataProperty: i5, rootData })) {
                                              vErrors = vErrors === null ? validate86.errors : vErrors.concat(validate86.errors);
                                              errors = vErrors.length;
                                            }
                                            var valid9 = _errs41 === errors;
                                            if (!valid9) {
                                              break;
                                            }
                                          }
                                        }
                                      } else {
                                        validate22.errors = [{ instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "array" } }];
                                        return false;
                                      }
                                    }
                                    var valid0 = _errs39 === errors;
                                  } else {
                                    var valid0 = true;
                                  }
                                  if (valid0) {
                                    if (data.location !== void 0) {
                                      const _errs42 = errors;
                                      if (!validate47(data.location, { instancePath: instancePath + "/location", parentData: data, parentDataProperty: "location", rootData })) {
                                        vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
                                        errors = vErrors.length;
                                      }
                                      var valid0 = _errs42 === errors;
                                    } else {
                                      var valid0 = true;
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate22.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
      return false;
    }
  }
  validate22.errors = vErrors;
  return errors === 0;
}
const schema29 = { "type": "object", "additionalProperties": false, "required": ["id", "title", "jurisdiction", "steps", "source"], "properties": { "id": { "$ref": "#/definitions/name" }, "title": { "$ref": "#/definitions/text" }, "jurisdiction": { "$ref": "#/definitions/name" }, "steps": { "type": "array", "maxItems": 100, "items": { "type": "array", "maxItems": 1e3, "items": { "$ref": "#/definitions/name" } } }, "source": { "$ref": "#/definitions/location" } } };
function validate118(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.id === void 0 && (missing0 = "id") || data.title === void 0 && (missing0 = "title") || data.jurisdiction === void 0 && (missing0 = "jurisdiction") || data.steps === void 0 && (missing0 = "steps") || data.source === void 0 && (missing0 = "source")) {
        validate118.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 } }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "id" || key0 === "title" || key0 === "jurisdiction" || key0 === "steps" || key0 === "source")) {
            validate118.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.id !== void 0) {
            const _errs2 = errors;
            if (!validate23(data.id, { instancePath: instancePath + "/id", parentData: data, parentDataProperty: "id", rootData })) {
              vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.title !== void 0) {
              const _errs3 = errors;
              if (!validate25(data.title, { instancePath: instancePath + "/title", parentData: data, parentDataProperty: "title", rootData })) {
                vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                errors = vErrors.length;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.jurisdiction !== void 0) {
                const _errs4 = errors;
                if (!validate23(data.jurisdiction, { instancePath: instancePath + "/jurisdiction", parentData: data, parentDataProperty: "jurisdiction", rootData })) {
                  vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
                  errors = vErrors.length;
                }
                var valid0 = _errs4 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.steps !== void 0) {
                  let data3 = data.steps;
                  const _errs5 = errors;
                  if (errors === _errs5) {
                    if (Array.isArray(data3)) {
                      if (data3.length > 100) {
                        validate118.errors = [{ instancePath: instancePath + "/steps", schemaPath: "#/properties/steps/maxItems", keyword: "maxItems", params: { limit: 100 } }];
                        return false;
                      } else {
                        var valid1 = true;
                        const len0 = data3.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          let data4 = data3[i0];
                          const _errs7 = errors;
                          if (errors === _errs7) {
                            if (Array.isArray(data4)) {
                              if (data4.length > 1e3) {
                                validate118.errors = [{ instancePath: instancePath + "/steps/" + i0, schemaPath: "#/properties/steps/items/maxItems", keyword: "maxItems", params: { limit: 1e3 } }];
                                return false;
                              } else {
                                var valid2 = true;
                                const len1 = data4.length;
                                for (let i1 = 0; i1 < len1; i1++) {
                                  const _errs9 = errors;
                                  if (!validate23(data4[i1], { instancePath: instancePath + "/steps/" + i0 + "/" + i1, parentData: data4, parentDataProperty: i1, rootData })) {
                                    vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
                                    errors = vErrors.length;
                                  }
                                  var valid2 = _errs9 === errors;
                                  if (!valid2) {
                                    break;
                                  }
                                }
                              }
                            } else {
                              validate118.errors = [{ instancePath: instancePath + "/steps/" + i0, schemaPath: "#/properties/steps/items/type", keyword: "type", params: { type: "array" } }];
                              return false;
                            }
                          }
                          var valid1 = _errs7 === errors;
                          if (!valid1) {
                            break;
                          }
                        }
                      }
                    } else {
                      validate118.errors = [{ instancePath: instancePath + "/steps", schemaPath: "#/properties/steps/type", keyword: "type", params: { type: "array" } }];
                      return false;
                    }
                  }
                  var valid0 = _errs5 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.source !== void 0) {
                    const _errs10 = errors;
                    if (!validate47(data.source, { instancePath: instancePath + "/source", parentData: data, parentDataProperty: "source", rootData })) {
                      vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
                      errors = vErrors.length;
                    }
                    var valid0 = _errs10 === errors;
                  } else {
                    var valid0 = true;
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate118.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
      return false;
    }
  }
  validate118.errors = vErrors;
  return errors === 0;
}
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.format === void 0 && (missing0 = "format") || data.version === void 0 && (missing0 = "version") || data.guidelines === void 0 && (missing0 = "guidelines") || data.policies === void 0 && (missing0 = "policies")) {
        validate21.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 } }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "format" || key0 === "version" || key0 === "guidelines" || key0 === "policies")) {
            validate21.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 } }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.format !== void 0) {
            const _errs2 = errors;
            if ("guideline-rules" !== data.format) {
              validate21.errors = [{ instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "guideline-rules" } }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.version !== void 0) {
              const _errs3 = errors;
              if (1 !== data.version) {
                validate21.errors = [{ instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 } }];
                return false;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.guidelines !== void 0) {
                let data2 = data.guidelines;
                const _errs4 = errors;
                if (errors === _errs4) {
                  if (Array.isArray(data2)) {
                    if (data2.length > 2e3) {
                      validate21.errors = [{ instancePath: instancePath + "/guidelines", schemaPath: "#/properties/guidelines/maxItems", keyword: "maxItems", params: { limit: 2e3 } }];
                      return false;
                    } else {
                      var valid1 = true;
                      const len0 = data2.length;
                      for (let i0 = 0; i0 < len0; i0++) {
                        const _errs6 = errors;
                        if (!validate22(data2[i0], { instancePath: instancePath + "/guidelines/" + i0, parentData: data2, parentDataProperty: i0, rootData })) {
                          vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
                          errors = vErrors.length;
                        }
                        var valid1 = _errs6 === errors;
                        if (!valid1) {
                          break;
                        }
                      }
                    }
                  } else {
                    validate21.errors = [{ instancePath: instancePath + "/guidelines", schemaPath: "#/properties/guidelines/type", keyword: "type", params: { type: "array" } }];
                    return false;
                  }
                }
                var valid0 = _errs4 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.policies !== void 0) {
                  let data4 = data.policies;
                  const _errs7 = errors;
                  if (errors === _errs7) {
                    if (Array.isArray(data4)) {
                      if (data4.length > 1e3) {
                        validate21.errors = [{ instancePath: instancePath + "/policies", schemaPath: "#/properties/policies/maxItems", keyword: "maxItems", params: { limit: 1e3 } }];
                        return false;
                      } else {
                        var valid2 = true;
                        const len1 = data4.length;
                        for (let i1 = 0; i1 < len1; i1++) {
                          const _errs9 = errors;
                          if (!validate118(data4[i1], { instancePath: instancePath + "/policies/" + i1, parentData: data4, parentDataProperty: i1, rootData })) {
                            vErrors = vErrors === null ? validate118.errors : vErrors.concat(validate118.errors);
                            errors = vErrors.length;
                          }
                          var valid2 = _errs9 === errors;
                          if (!valid2) {
                            break;
                          }
                        }
                      }
                    } else {
                      validate21.errors = [{ instancePath: instancePath + "/policies", schemaPath: "#/properties/policies/type", keyword: "type", params: { type: "array" } }];
                      return false;
                    }
                  }
                  var valid0 = _errs7 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate21.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" } }];
      return false;
    }
  }
  validate21.errors = vErrors;
  return errors === 0;
}
export {
  stdin_default as default,
  validate
};
