/**
 * Starts the local stack (PostgreSQL, migrated template, the suite's database, the Neon proxy) in a
 * child process, and hands its addresses to the tests. In a child process because PostgreSQL's
 * helpers must not live in the vitest process (a stray exit hook there once turned a red run green).
 */
import type { TestProject } from "vitest/node";
import { writeDocsAssets } from "../scripts/docs-assets.ts";
import { startPds } from "../scripts/lib/pds.ts";
import { startStack } from "../scripts/lib/stack-client.ts";

export default async function setup(project: TestProject) {
  // The workers project serves public/ without running wrangler.toml's `[build] command`: the API
  // docs' assets, the OpenAPI document among them (built from the routes as they are now).
  await writeDocsAssets();
  // The Bluesky PDS (peers/bluesky) starts beside the stack: a few seconds, in parallel.
  const starting = startPds();
  const stack = await startStack("test");
  const pds = await starting;
  project.provide("blueskyPdsUrl", pds.url);
  project.provide("blueskyAppViewUrl", pds.appViewUrl);
  project.provide("blueskyPlcUrl", pds.plcUrl);
  project.provide(
    "blueskyPdsKeys",
    JSON.stringify({ jwtSecret: pds.jwtSecret, rateLimitBypassKey: pds.rateLimitBypassKey }),
  );
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("adminUrl", stack.adminUrl);
  project.provide("neonProxy", stack.neonProxy);
  project.provide("jwtPrivateKeys", stack.jwtPrivateKeys);
  project.provide("tokenEncryptionKeys", stack.tokenEncryptionKeys);
  project.provide("platformBaseUrls", stack.platformBaseUrls);
  project.provide("platformClients", stack.platformClients);
  return async () => {
    await Promise.all([stack.stop(), pds.stop()]);
  };
}
