export * from "./impact.ts";
export * from "./lane-rules.ts";
export * from "./layout.ts";
export * from "./node-keys.ts";
export * from "./paths.ts";
