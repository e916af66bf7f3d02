import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/tx.ts";
import type { ImportedControl } from "./frameworks.import.ts";
import type { ListFrameworksQueryInput } from "./frameworks.schema.ts";

// Rows per INSERT: 1,000 controls × 8 columns stays far below PostgreSQL's 65,535 bind parameters.
const CHUNK = 1000;

/** Frameworks with their control and mapping counts and the importer's name: the rows behind a Framework view. */
function frameworkQuery(tx: Tx, tenantId: string) {
  return tx
    .selectFrom("frameworks as f")
    .leftJoin("users as u", "u.id", "f.created_by")
    .where("f.tenant_id", "=", tenantId)
    .select([
      "f.id",
      "f.name",
      "f.version",
      "f.description",
      "f.source_filename",
      "f.created_at",
      "f.created_by",
      "f.archived_at",
      "u.display_name as created_by_name",
      (eb) =>
        eb
          .selectFrom("framework_controls as c")
          .whereRef("c.framework_id", "=", "f.id")
          .where("c.tenant_id", "=", tenantId)
          .select((sb) => sb.fn.countAll<number>().as("n"))
          .as("control_count"),
      (eb) =>
        eb
          .selectFrom("framework_mappings as m")
          .innerJoin("framework_controls as c", "c.id", "m.control_id")
          .whereRef("c.framework_id", "=", "f.id")
          .where("m.tenant_id", "=", tenantId)
          .select((sb) => sb.fn.countAll<number>().as("n"))
          .as("mapping_count"),
    ]);
}

/** One row behind a Framework view. */
export type FrameworkViewRow = Awaited<ReturnType<ReturnType<typeof frameworkQuery>["executeTakeFirstOrThrow"]>>;

/** One framework of the tenant, or undefined. */
export function findFramework(tx: Tx, tenantId: string, id: string): Promise<FrameworkViewRow | undefined> {
  return frameworkQuery(tx, tenantId).where("f.id", "=", id).executeTakeFirst();
}

/** Lock one framework before changing it or its controls. */
export function lockFramework(tx: Tx, tenantId: string, id: string) {
  return tx.selectFrom("frameworks").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Page through the tenant's frameworks, newest first. */
export async function listFrameworkRows(tx: Tx, tenantId: string, query: ListFrameworksQueryInput) {
  let base = frameworkQuery(tx, tenantId);
  let count = tx.selectFrom("frameworks").where("tenant_id", "=", tenantId);
  if (!query.includeArchived) {
    base = base.where("f.archived_at", "is", null);
    count = count.where("archived_at", "is", null);
  }
  const [rows, total] = await Promise.all([
    base.orderBy("f.created_at", "desc").orderBy("f.id").limit(query.limit).offset(query.offset).execute(),
    count.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The framework with this exact name and version (archived ones too: the pair stays taken). */
export function findByNameVersion(tx: Tx, tenantId: string, name: string, version: string) {
  return tx
    .selectFrom("frameworks")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("name", "=", name)
    .where("version", "=", version)
    .executeTakeFirst();
}

/** Insert a framework, its controls in file order and their mappings. Returns the new id. */
export async function insertFramework(
  tx: Tx,
  input: {
    tenantId: string;
    userId: string | null;
    name: string;
    version: string;
    description: string | null;
    sourceFilename: string;
    controls: ImportedControl[];
  },
): Promise<string> {
  const id = randomUUID();
  const { tenantId } = input;
  await tx
    .insertInto("frameworks")
    .values({
      id,
      tenant_id: tenantId,
      name: input.name,
      version: input.version,
      description: input.description,
      source_filename: input.sourceFilename,
      created_by: input.userId,
    })
    .execute();
  const controls = input.controls.map((c, position) => ({ control: c, id: randomUUID(), position }));
  for (let i = 0; i < controls.length; i += CHUNK) {
    await tx
      .insertInto("framework_controls")
      .values(
        controls.slice(i, i + CHUNK).map(({ control, id: controlId, position }) => ({
          id: controlId,
          tenant_id: tenantId,
          framework_id: id,
          ref: control.ref,
          title: control.title,
          description: control.description,
          status: null,
          position,
        })),
      )
      .execute();
  }
  const mappings = controls.flatMap(({ control, id: controlId }) =>
    control.mappings.map((m) => ({ tenant_id: tenantId, control_id: controlId, criterion_id: m.criterionId, relation: m.relation })),
  );
  for (let i = 0; i < mappings.length; i += CHUNK) {
    await tx
      .insertInto("framework_mappings")
      .values(mappings.slice(i, i + CHUNK))
      .execute();
  }
  return id;
}

/** The controls of a framework in file order. */
export function listControlRows(tx: Tx, tenantId: string, frameworkId: string) {
  return tx
    .selectFrom("framework_controls")
    .select(["id", "ref", "title", "description", "status", "position"])
    .where("tenant_id", "=", tenantId)
    .where("framework_id", "=", frameworkId)
    .orderBy("position")
    .execute();
}

/** Every mapping of a framework's controls. */
export function listMappingRows(tx: Tx, tenantId: string, frameworkId: string) {
  return tx
    .selectFrom("framework_mappings as m")
    .innerJoin("framework_controls as c", "c.id", "m.control_id")
    .select(["m.control_id", "m.criterion_id", "m.relation"])
    .where("m.tenant_id", "=", tenantId)
    .where("c.framework_id", "=", frameworkId)
    .execute();
}

/** Lock one control of a framework by its ref. */
export function lockControl(tx: Tx, tenantId: string, frameworkId: string, ref: string) {
  return tx
    .selectFrom("framework_controls")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("framework_id", "=", frameworkId)
    .where("ref", "=", ref)
    .forUpdate()
    .executeTakeFirst();
}

/** Record the company's assessment of one control. */
export function setControlStatus(tx: Tx, tenantId: string, controlId: string, status: string) {
  return tx.updateTable("framework_controls").set({ status }).where("tenant_id", "=", tenantId).where("id", "=", controlId).execute();
}

/** Mark a framework archived (keeps the first archive time). */
export function archiveFrameworkRow(tx: Tx, tenantId: string, id: string, at: Date) {
  return tx.updateTable("frameworks").set({ archived_at: at }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}
