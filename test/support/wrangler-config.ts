/** wrangler.toml, bundled into the test as text, so tests can check code and config agree. */
import wranglerToml from "../../wrangler.toml?raw";

export function readWranglerCrons(): string[] {
  const match = /crons\s*=\s*\[([^\]]*)\]/.exec(wranglerToml);
  return [...(match?.[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
}
