/**
 * Transactions of the test's own, held open over the driver's WebSocket to the local proxy: they keep
 * the Worker's batches waiting at a known point (a claim caught half-way, two settlements that
 * overlap, a deadlock built on purpose).
 */
import { env } from "cloudflare:workers";
// The package itself, not the Worker's HTTP-only cut of it (scripts/lib/worker-aliases.ts): a WebSocket Pool.
import { neonConfig, Pool, type PoolClient } from "../../node_modules/@neondatabase/serverless/index.mjs";

/** An open transaction until `end` commits or rolls it back. */
export async function openTransaction(): Promise<{
  client: PoolClient;
  end: (how: "commit" | "rollback") => Promise<void>;
}> {
  neonConfig.wsProxy = () => `${env.NEON_LOCAL_PROXY}/v1`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  pool.on("error", () => {});
  const client = await pool.connect();
  await client.query("begin");
  return {
    client,
    end: async (how) => {
      await client.query(how);
      client.release();
      await pool.end();
    },
  };
}

/** A transaction holding advisory lock `key` until `release`. */
export async function lockHolder(key: number): Promise<{ release: () => Promise<void> }> {
  const tx = await openTransaction();
  await tx.client.query("select pg_advisory_xact_lock($1)", [key]);
  return { release: () => tx.end("commit") };
}
