/**
 * Part of `npm run lint`: fails when modules of `src/` import each other in a cycle, type-only
 * imports included (they tie layers together as much as value imports do). Layers point one way:
 * routes → services → db, platform; `env.ts` imports no class; `db/` nothing of `services/`.
 *
 * The one allowed exception: the drizzle schema (`src/db/schema/`), whose tables name each other in
 * their `relations`; a cycle counts as allowed only when every module in it is in that folder.
 */
import { resolve } from "node:path";
import { parseCircular, parseDependencyTree, uniqueCirculars } from "dpdm";

const root = resolve(import.meta.dirname, "..");
const ALLOWED_CYCLE_FOLDER = "src/db/schema/";

const tree = await parseDependencyTree(["src/**/*.ts"], {
  cwd: root,
  context: root,
  tsconfig: resolve(root, "tsconfig.json"),
  transform: false,
  skipDynamicImports: false,
  exclude: /node_modules/,
});
const cycles = uniqueCirculars(parseCircular(tree)).filter(
  (cycle) => !cycle.every((file) => file.startsWith(ALLOWED_CYCLE_FOLDER)),
);
if (cycles.length > 0) {
  process.stderr.write(`Import cycles in src/ (${cycles.length}):\n`);
  for (const cycle of cycles) process.stderr.write(`  ${[...cycle, cycle[0]].join(" → ")}\n`);
  process.exit(1);
}
process.stdout.write(`No import cycles in src/ (${Object.keys(tree).length} modules).\n`);
