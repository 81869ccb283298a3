/**
 * Starts the local stack (PostgreSQL, migrated template, the suite's database, the Neon proxy) in a
 * child process, and hands its addresses to the tests. In a child process because PostgreSQL's
 * helpers must not live in the vitest process (a stray exit hook there once turned a red run green).
 */
import type { TestProject } from "vitest/node";
import { startStack } from "../scripts/lib/stack-client.ts";

export default async function setup(project: TestProject) {
  const stack = await startStack("test");
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("adminUrl", stack.adminUrl);
  project.provide("neonProxy", stack.neonProxy);
  project.provide("jwtPrivateKeys", stack.jwtPrivateKeys);
  project.provide("tokenEncryptionKeys", stack.tokenEncryptionKeys);
  return async () => {
    await stack.stop();
  };
}
