/**
 * OFAC SDN XML reader (sdn.xml): <sdnList> of <sdnEntry> with uid, lastName, firstName?, sdnType, programList/program,
 * akaList/aka (lastName, firstName?), addressList/address (address1-3, city, stateOrProvince, postalCode, country),
 * remarks. Namespaces are ignored; a DOCTYPE is refused (official files have none, and entity declarations are how
 * XML bombs work).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { badFile, clean, countryCodeOf, distinct, MAX_REMARKS, type ParsedEntry } from "./screening.parse-model.ts";

const ARRAY_TAGS = new Set(["sdnEntry", "program", "aka", "address"]);

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
/** A leaf's text; null for a missing leaf or one that unexpectedly holds elements. */
const leaf = (v: unknown): string | null => (typeof v === "string" || typeof v === "number" ? clean(v) : null);
const nodes = (v: unknown): Node[] => (Array.isArray(v) ? v.filter(isNode) : isNode(v) ? [v] : []);
const child = (n: Node, key: string): Node => (isNode(n[key]) ? (n[key] as Node) : {});

/** "LAST, First" for a person, the last name alone for an entity (how OFAC writes both). */
function fullName(n: Node): string | null {
  const last = leaf(n.lastName);
  const first = leaf(n.firstName);
  if (!last) return first;
  return first ? `${last}, ${first}` : last;
}

/** Parse the SDN XML text into entries; malformed XML or a different document → 400. */
export function parseSdnXml(text: string): ParsedEntry[] {
  if (/<!DOCTYPE/i.test(text)) throw badFile("The XML file declares a DOCTYPE; OFAC's sdn.xml has none");
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw badFile(`The XML file is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  }
  let doc: unknown;
  try {
    doc = new XMLParser({
      ignoreAttributes: true,
      removeNSPrefix: true,
      parseTagValue: false,
      trimValues: true,
      processEntities: true,
      htmlEntities: false,
      isArray: (name) => ARRAY_TAGS.has(name),
    }).parse(text);
  } catch (err) {
    throw badFile(`The XML file could not be read: ${(err as Error).message}`);
  }
  const root = isNode(doc) ? doc.sdnList : undefined;
  if (!isNode(root)) {
    const advanced = isNode(doc) && "Sanctions" in doc;
    throw badFile(
      advanced
        ? "This is OFAC's advanced XML format; upload sdn.xml (the classic SDN list) instead"
        : "The XML file is not OFAC's SDN list: its root element must be <sdnList>",
    );
  }
  const entries: ParsedEntry[] = [];
  const problems: string[] = [];
  nodes(root.sdnEntry).forEach((e, k) => {
    const name = fullName(e);
    const uid = leaf(e.uid);
    if (!name) {
      problems.push(`sdnEntry ${uid ?? `#${k + 1}`} has no lastName`);
      return;
    }
    const addresses = nodes(child(e, "addressList").address).map((a) => ({
      text: clean(
        ["address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country"]
          .map((f) => leaf(a[f]))
          .filter(Boolean)
          .join(", "),
      ),
      country: countryCodeOf(leaf(a.country)),
    }));
    const title = leaf(e.title);
    const remarks = leaf(e.remarks);
    entries.push({
      externalId: uid ? uid.slice(0, 100) : null,
      name,
      altNames: distinct(nodes(child(e, "akaList").aka).map(fullName)).filter((a) => a !== name),
      addresses: distinct(addresses.map((a) => a.text)),
      countryCodes: distinct(addresses.map((a) => a.country)),
      programs: distinct((Array.isArray(child(e, "programList").program) ? (child(e, "programList").program as unknown[]) : []).map(leaf)),
      remarks: clean([title ? `Title: ${title}` : null, remarks].filter(Boolean).join(". "), MAX_REMARKS),
    });
  });
  if (problems.length > 0) {
    throw badFile(`${problems.slice(0, 3).join("; ")}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ""}`);
  }
  return entries;
}
