/**
 * One attempt: POST the signed body to the endpoint and read what it answered. Only a 2xx answer
 * counts as delivered. The URL is checked again first (target-url.ts), redirects are never followed
 * (a 3xx is a failure: following one could lead anywhere, past the check), and the endpoint has
 * `WEBHOOK_TIMEOUT_MS` to answer. What the log keeps of the answer is its status and the first
 * `RESPONSE_EXCERPT_CHARS` characters of its body.
 */
import type { Config } from "../../env.ts";
import { isLocalStack } from "../../env.ts";
import { isLoopbackHost } from "../../platform/public-url.ts";
import { signedHeaders } from "../../platform/standard-webhooks.ts";
import { resolvedAddressProblem, webhookUrlProblem } from "./target-url.ts";

export const RESPONSE_EXCERPT_CHARS = 1000;
const RESPONSE_READ_BYTES = 4096;

export interface AttemptResult {
  delivered: boolean;
  status: number | null;
  body: string | null;
  /** Why it failed when the status alone does not say (a refused address, a redirect, a timeout). */
  error: string | null;
  durationMs: number;
}

/** The start of a response body, reading no more than needed. */
async function excerptOf(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_READ_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return new TextDecoder().decode(bytes).slice(0, RESPONSE_EXCERPT_CHARS);
}

export async function sendDelivery(
  config: Config,
  target: { url: string; secrets: readonly string[] },
  message: { id: string; body: string },
  now: () => Date,
): Promise<AttemptResult> {
  const started = Date.now();
  const local = isLocalStack(config);
  let refused = webhookUrlProblem(target.url, { allowLoopback: local });
  const host = new URL(target.url).hostname;
  if (!refused && !(local && isLoopbackHost(host))) {
    try {
      refused = await resolvedAddressProblem(host, config.WEBHOOK_DNS_RESOLVER);
    } catch (error) {
      return {
        delivered: false,
        status: null,
        body: null,
        error: `Could not resolve ${host}: ${error instanceof Error ? error.message : String(error)}`,
        durationMs: Date.now() - started,
      };
    }
  }
  if (refused) {
    return {
      delivered: false,
      status: null,
      body: null,
      error: `Address refused: ${refused}`,
      durationMs: 0,
    };
  }
  const headers = {
    "content-type": "application/json",
    "user-agent": "Guddu-Webhooks/1",
    ...(await signedHeaders(target.secrets, message.id, now(), message.body)),
  };
  try {
    const response = await fetch(target.url, {
      method: "POST",
      headers,
      body: message.body,
      redirect: "manual",
      signal: AbortSignal.timeout(config.WEBHOOK_TIMEOUT_MS),
    });
    const body = await excerptOf(response);
    const durationMs = Date.now() - started;
    const delivered = response.status >= 200 && response.status < 300;
    const redirect = response.status >= 300 && response.status < 400;
    return {
      delivered,
      status: response.status,
      body,
      error: redirect
        ? `Redirects are not followed (Location: ${response.headers.get("location") ?? "none"}).`
        : null,
      durationMs,
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return {
      delivered: false,
      status: null,
      body: null,
      error: timedOut
        ? `No answer within ${config.WEBHOOK_TIMEOUT_MS} ms.`
        : `The request failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500),
      durationMs: Date.now() - started,
    };
  }
}
