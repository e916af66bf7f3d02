import { parse } from "csv-parse/sync";
const n = 100000;
const lines = ["clave;nombre;tipo;país;riesgo;identificadores;claves de proveedores"];
for (let i = 0; i < n; i++) lines.push(`P${String(i).padStart(6,"0")};"Compañía ${i}, S.A. de C.V.; planta ${i % 97}";proveedor;México;alto;duns:${100000000+i};P1, P2, P3`);
const text = lines.join("\r\n");
for (const opts of [{info:true, raw:true},{info:true},{}]) {
  for (let k=0;k<2;k++){ const t = performance.now();
  parse(text, { bom: true, delimiter: ";", relax_column_count: true, relax_quotes: true, skip_empty_lines: true, ...opts });
  console.log(JSON.stringify(opts), (performance.now()-t).toFixed(0)); }
}
