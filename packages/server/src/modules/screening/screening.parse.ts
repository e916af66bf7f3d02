/**
 * Reading an uploaded denied-party list: the source the user chose picks the reader. Pure: bytes in, entries out.
 * A file that cannot be read as that source → 400 `bad_request`; a readable file without entries → 422.
 */
import { AppError } from "../../errors.ts";
import { parseCslCsv, parseSdnCsv } from "./screening.parse-csv.ts";
import { decodeListText, type ListSource, type ParsedEntry } from "./screening.parse-model.ts";
import { parseSdnXml } from "./screening.parse-xml.ts";

export { LIST_SOURCES, type ListSource, MAX_LIST_BYTES, type ParsedEntry } from "./screening.parse-model.ts";

/** A parsed list file. */
export interface ParsedList {
  format: "csv" | "xml";
  entries: ParsedEntry[];
}

/** Read a list file of the given source. */
export function parseListFile(input: { data: Buffer; source: ListSource }): ParsedList {
  const { data, source } = input;
  const text = decodeListText(data);
  // Nothing at all in the file is an empty list, whatever its source (a CSV with no rows is one too).
  if (text.trim() === "") throw emptyList();
  const parsed: ParsedList =
    source === "sdn-xml"
      ? { format: "xml", entries: parseSdnXml(text) }
      : { format: "csv", entries: source === "csl" ? parseCslCsv(text) : parseSdnCsv(text) };
  if (parsed.entries.length === 0) throw emptyList();
  return parsed;
}

const emptyList = () => new AppError("rule_violation", "The list has no entries; nothing was imported");
