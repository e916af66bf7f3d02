import fs from "node:fs";
const p = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas; let total = 0;
const counts = new Map();
for (let i = 0; i < p.samples.length; i++) { counts.set(p.samples[i], (counts.get(p.samples[i]) ?? 0) + (dt[i] ?? 0)); total += dt[i] ?? 0; }
const group = (n) => {
  const u = n.callFrame.url;
  if (!u) return `(${n.callFrame.functionName || "native"})`;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1];
  if (u.includes("packages/")) return u.replace(/.*packages\//, "");
  return u.replace(/^node:/, "node:");
};
const g = new Map(); const fn = new Map();
for (const [id, t] of counts) { const n = byId.get(id); const k = group(n); g.set(k, (g.get(k) ?? 0) + t); const f = `${n.callFrame.functionName || "(anon)"} ${k}`; fn.set(f, (fn.get(f) ?? 0) + t); }
console.log("by module:"); for (const [k, v] of [...g].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(100 * v / total).toFixed(1)}% ${k}`);
console.log("by function:"); for (const [k, v] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(100 * v / total).toFixed(1)}% ${k}`);
