/** Record fixtures of the Security Profile modules for the authorization matrix (one maker per target kind). */
import type { Harness } from "../harness.ts";
import type { TargetKind } from "./table.ts";
import type { Principal, Rec, World } from "./world.ts";

/** Creates one fresh record of a kind in `world`, recording its identifying markers in world.markers. */
export type RecordMaker = (h: Harness, world: World, forPrincipal: Principal) => Promise<Rec>;

/** Makers for the kinds world.ts does not build itself. Each module adds its own. */
export const RECORD_MAKERS: Partial<Record<TargetKind, RecordMaker>> = {};
