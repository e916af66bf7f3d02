// Build the web app when its bundle is missing or older than its sources, so `npm start` always serves a current UI.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const web = path.resolve(import.meta.dirname, "../packages/web");
const dist = path.join(web, "dist/index.html");

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const srcTime = Math.max(newest(path.join(web, "src")), fs.statSync(path.join(web, "index.html")).mtimeMs);
if (!fs.existsSync(dist) || fs.statSync(dist).mtimeMs < srcTime) {
  console.log("Building the web app…");
  execSync("npm run build -w @portcullis/web", { stdio: "inherit" });
}
