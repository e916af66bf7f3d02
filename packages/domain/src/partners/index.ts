export * from "./identifiers.ts";
export * from "./indicators.ts";
export * from "./mra.ts";
export * from "./partner-types.ts";
