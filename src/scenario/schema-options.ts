/**
 * How the scenario schema is compiled, shared by the run-time fallback and the build-time standalone validator.
 * strictRequired is off: top-level steps require a name that the shared step schema (also used by sniff's while)
 * declares.
 */
export const ajvOptions = { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true } as const;
