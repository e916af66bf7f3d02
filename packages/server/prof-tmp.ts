import { readCsvRows } from "./src/modules/frameworks/frameworks.import-readers.ts";
import { decodeText } from "./src/modules/frameworks/frameworks.import.ts";
import { readSheet } from "./src/modules/imports/imports.read.ts";
import { planPartners } from "./src/modules/imports/imports.partners.ts";
const n = Number(process.env.N ?? 10000);
const lines = ["clave;nombre;tipo;país;riesgo;identificadores;claves de proveedores"];
for (let i = 0; i < n; i++) {
  const sup = i > 3 ? [`P${String(i-1).padStart(6,"0")}`, `P${String(i-2).padStart(6,"0")}`, `P${String(i-3).padStart(6,"0")}`].join(", ") : "";
  lines.push(`P${String(i).padStart(6,"0")};"Compañía ${i}, S.A. de C.V.; planta ${i % 97}";proveedor;México;alto;duns:${100000000+i};${sup}`);
}
const buf = Buffer.from(lines.join("\r\n"));
let t = performance.now();
const text = decodeText(buf); console.log("decode", performance.now()-t); t = performance.now();
const rows = readCsvRows(text, 300000); console.log("csv", rows.length, performance.now()-t); t = performance.now();
const sheet = await readSheet({ kind: "partners", data: buf, filename: "p.csv", contentType: "text/csv" }); console.log("sheet", performance.now()-t); t = performance.now();
const problems = { errors: [], warnings: [] };
const plan = planPartners({ records: sheet.records, labels: sheet.labels, problems, db: { partners: [], identifiers: [], relations: [] }, canApprove: true });
console.log("plan", performance.now()-t, plan.create, problems.errors.length);
import { PartnerRowSchema } from "./src/modules/imports/imports.partners.ts";
t = performance.now();
for (const r of sheet.records) PartnerRowSchema.safeParse(r.cells);
console.log("zod only", performance.now()-t);
t = performance.now();
for (const r of sheet.records) PartnerRowSchema.safeParse(r.cells);
console.log("zod again", performance.now()-t);
