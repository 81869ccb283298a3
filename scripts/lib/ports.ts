import type { AddressInfo } from "node:net";
import { createServer } from "node:net";

/** Fails with a message that says which setting to change when a port is already taken. */
export async function assertPortFree(port: number, what: string, setting: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `Port ${port} for ${what} is already taken. Stop what uses it, or choose another port with ${setting}=<port>.`
            : `Cannot listen on 127.0.0.1:${port} for ${what}: ${error.message}`,
        ),
      );
    });
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}

/** A port that is free right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
