/** The YAML reader of the framework import (yaml, failsafe schema). */
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import { AppError } from "../../errors.ts";
import { type Cell, foldKey, MAX_CONTROLS, type RawControl, type RawFramework, type RowProblem } from "./frameworks.import-model.ts";

const bad = (message: string) => new AppError("bad_request", message.slice(0, 300));

// YAML keys, folded, to the field they mean (English or Spanish).
const YAML_KEYS: Record<string, string> = {
  name: "name",
  nombre: "name",
  version: "version",
  description: "description",
  descripcion: "description",
  controls: "controls",
  controles: "controls",
  ref: "ref",
  referencia: "ref",
  title: "title",
  titulo: "title",
  mappings: "mappings",
  mapeo: "mappings",
  msc: "msc",
  criterion: "criterion",
  criterio: "criterion",
  relation: "relation",
  relacion: "relation",
};

/**
 * Read a YAML framework `{ name, version, description, controls: [{ ref, title, description, mappings:
 * [{ criterion, relation }] }] }`. The failsafe schema keeps every scalar a string, so "6.10" is never read as 6.1.
 */
export function readYaml(text: string): RawFramework {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: "failsafe", lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? lines.linePos(first.pos[0]).line;
    throw bad(`The YAML file could not be read (line ${line}): ${first.message.split("\n")[0]}`);
  }
  const top = doc.contents;
  if (!isMap(top)) throw bad("The YAML file must be a mapping with name, version, description and controls");
  const lineOf = (node: Node | null | undefined, fallback: number) => (node?.range ? lines.linePos(node.range[0]).line : fallback);
  const problems: RowProblem[] = [];

  const fields = (map: YAMLMap): Map<string, Node | null> => {
    const out = new Map<string, Node | null>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? YAML_KEYS[foldKey(String(pair.key.value))] : undefined;
      if (key && !out.has(key)) out.set(key, (pair.value as Node | null) ?? null);
    }
    return out;
  };
  const scalar = (node: Node | null | undefined, column: string, fallbackRow: number): Cell => {
    const row = lineOf(node, fallbackRow);
    if (node === null || node === undefined) return { value: null, row, column };
    if (isScalar(node)) return { value: String(node.value ?? ""), row, column };
    problems.push({ row, column, message: isAlias(node) ? `${column}: aliases (*name) are not supported` : `${column} must be text` });
    return { value: null, row, column, reported: true };
  };

  const head = fields(top);
  const controls: RawControl[] = [];
  const list = head.get("controls");
  if (!isSeq(list)) {
    problems.push({
      row: lineOf(list, 1),
      column: "controls",
      message: "controls must be a list of { ref, title, description, mappings }",
    });
  } else {
    for (const item of list.items.slice(0, MAX_CONTROLS + 1)) {
      const row = lineOf(item as Node, 1);
      if (!isMap(item)) {
        problems.push({ row, column: "controls", message: "each control must be a mapping with ref and title" });
        continue;
      }
      const f = fields(item);
      const mappings: RawControl["mappings"] = [];
      const maps = f.get("mappings");
      if (maps !== undefined && maps !== null && !(isScalar(maps) && maps.value === "")) {
        if (!isSeq(maps)) {
          problems.push({ row: lineOf(maps, row), column: "mappings", message: "mappings must be a list of { criterion, relation }" });
        } else {
          for (const m of maps.items) {
            const mRow = lineOf(m as Node, row);
            if (isScalar(m)) {
              // A "6.1=equal" shorthand in a list is read like the msc column.
              const c = scalar(m, "mappings", mRow);
              const [id = "", rel = ""] = (c.value ?? "").split(/[=:]/);
              mappings.push({
                criterion: { ...c, value: id.trim(), column: "criterion" },
                relation: { ...c, value: rel.trim(), column: "relation" },
              });
            } else if (isMap(m)) {
              const mf = fields(m);
              mappings.push({
                criterion: scalar(mf.get("criterion"), "criterion", mRow),
                relation: scalar(mf.get("relation"), "relation", mRow),
              });
            } else {
              problems.push({ row: mRow, column: "mappings", message: "each mapping must be { criterion, relation }" });
            }
          }
        }
      }
      const msc = f.get("msc");
      controls.push({
        row,
        ref: scalar(f.get("ref"), "ref", row),
        title: scalar(f.get("title"), "title", row),
        description: scalar(f.get("description"), "description", row),
        mappings,
        ...(msc === undefined ? {} : { msc: scalar(msc, "msc", row) }),
      });
    }
  }
  return {
    name: scalar(head.get("name"), "name", 1),
    version: scalar(head.get("version"), "version", 1),
    description: scalar(head.get("description"), "description", 1),
    controls,
    problems,
  };
}
