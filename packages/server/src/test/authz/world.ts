/** Fixtures of the authorization matrix (authz-matrix.int.test.ts): companies, callers and records. */
import { randomUUID } from "node:crypto";
import type { Role } from "@portcullis/domain";
import { createToken } from "../../modules/tokens/tokens.service.ts";
import { addCaller, type Caller, createSiteFixture, createTenantFixture, unique } from "../factories.ts";
import type { Harness } from "../harness.ts";
import { RECORD_MAKERS, recordReadBy } from "./records.ts";
import type { TargetKind } from "./table.ts";

/** One company and everything that identifies its data (a foreign response must contain none of it). */
export interface World {
  name: "A" | "B";
  tenantId: string;
  owner: Caller;
  loginEmail: string;
  markers: Set<string>;
}

/**
 * One caller of the matrix: a role of a company, reached via session or token; an outside partner's questionnaire
 * session (no user, no role); or nobody.
 */
export interface Principal {
  label: string;
  via: "anonymous" | "session" | "token" | "partner";
  role: Role | null;
  /** The company the caller belongs to (anonymous: A, whose records it targets). */
  world: World;
  caller: Caller | null;
  /** The partner session's cookie ("pc_partner=…") and its CSRF token, for via "partner". */
  partner?: { cookie: string; csrfToken: string };
}

/** Whose record a route's :id names: the caller's company, the other one, or none. */
export type Target = "own" | "foreign" | "missing";

/** A record created for one request. */
export interface Rec {
  id: string;
  /** The row as the owner sees it, to prove a refused write changed nothing. */
  read(): Promise<string>;
}

/** Create one company with its owner, a login user and a background site, recording every marker. */
export async function makeWorld(h: Harness, name: "A" | "B"): Promise<World> {
  const legalName = unique(`Company${name}`);
  const owner = await createTenantFixture(h, { legalName });
  const login = await addCaller(h, owner.tenantId, "analyst");
  const world: World = { name, tenantId: owner.tenantId, owner, loginEmail: login.email, markers: new Set() };
  for (const m of [owner.tenantId, legalName, owner.userId, owner.email, owner.token, login.userId, login.email, login.token]) {
    world.markers.add(m);
  }
  // A background site so list endpoints have something to leak.
  const siteName = unique(`Site${name}`);
  world.markers.add(siteName).add(await createSiteFixture(owner, { name: siteName }));
  return world;
}

/** Create a fresh record of `kind` in `world` for one request, recording its markers. */
export async function makeRecord(h: Harness, kind: TargetKind, world: World, forPrincipal: Principal): Promise<Rec> {
  const maker = RECORD_MAKERS[kind];
  if (maker) return maker(h, world, forPrincipal);
  if (kind === "site") {
    const name = unique(`Site${world.name}`);
    const id = await createSiteFixture(world.owner, { name });
    world.markers.add(id).add(name);
    return recordReadBy(h, id, "SELECT to_jsonb(s) AS row FROM sites s WHERE id = $1");
  }
  if (kind === "user") {
    const id = randomUUID();
    const email = `${unique(`member${world.name}`)}@example.test`;
    await h.rawQuery("INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, 'not-a-hash')", [id, email, email]);
    await h.rawQuery("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'inspector')", [world.tenantId, id]);
    world.markers.add(id).add(email);
    return recordReadBy(
      h,
      id,
      "SELECT to_jsonb(u) AS u, to_jsonb(m) AS m FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.id = $1",
    );
  }
  // A token of the caller itself when it belongs to this company (non-admins may only revoke their own).
  const holder = forPrincipal.caller && forPrincipal.world === world ? forPrincipal.caller : world.owner;
  const created = await createToken({
    db: h.db.kysely,
    tenantId: world.tenantId,
    userId: holder.userId,
    actor: { id: holder.userId, label: holder.email },
    input: { name: unique(`tok${world.name}`) },
  });
  world.markers.add(created.item.id).add(created.item.name).add(created.token);
  return recordReadBy(h, created.item.id, "SELECT to_jsonb(t) - 'last_used_at' AS row FROM api_tokens t WHERE id = $1");
}
