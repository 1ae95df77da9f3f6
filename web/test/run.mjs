// Runs the front end's unit tests (test/*.test.ts) with Node's own test runner: each file is bundled
// by esbuild (as the app is) into .test-build/, then `node --test` runs them.
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, "..", ".test-build");
const files = readdirSync(here).filter((name) => name.endsWith(".test.ts"));
if (!files.length) throw new Error("no test files in web/test");

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: files.map((name) => join(here, name)),
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
});
const run = spawnSync(process.execPath, ["--test", ...files.map((name) => join(outdir, name.replace(/\.ts$/, ".mjs")))], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
