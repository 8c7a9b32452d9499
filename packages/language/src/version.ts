// The compiler's name and version, as a compiled rule set records them (test/packages.test.ts holds
// the version to packages/language/package.json's).
export const compilerName = '@guideline/language';
export const compilerVersion = '0.1.0';
