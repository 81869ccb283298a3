import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * Two projects share one local stack (test/global-setup.ts starts it in a child process):
 * - `workers`: the Worker inside workerd with real local R2, Durable Objects and Queues, talking to
 *   PostgreSQL through the real Neon driver and the local proxy;
 * - `node`: what needs Node (migrations on a fresh database, the append-only trigger as the owner).
 */
export default defineConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    projects: [
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                APP_ENV: "test",
                LOG_LEVEL: "error",
                PUBLIC_BASE_URL: "http://guddu.test",
                DATABASE_URL: inject("databaseUrl"),
                NEON_LOCAL_PROXY: inject("neonProxy"),
                JWT_PRIVATE_KEYS: inject("jwtPrivateKeys"),
                TOKEN_ENCRYPTION_KEYS: inject("tokenEncryptionKeys"),
              },
            },
          })),
        ],
        test: {
          name: "workers",
          // Files share workerd isolates instead of paying ~2 s to start one each; tests never share
          // state (each makes its own organisation, Durable Object names are random).
          isolate: false,
          include: ["test/**/*.test.ts"],
          exclude: ["test/node/**"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["test/node/**/*.test.ts"],
        },
      },
    ],
  },
});
