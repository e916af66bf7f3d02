export * from "./audit-chain.ts";
export * from "./canonical-json.ts";
export * from "./countries.ts";
export * from "./criteria/index.ts";
export * from "./entity-types.ts";
export * from "./partners/index.ts";
export * from "./roles.ts";
export * from "./site-kinds.ts";
