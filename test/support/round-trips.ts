/**
 * Counting PostgreSQL round trips. The local Neon proxy counts per `application_name`; a measured
 * call gets a connection string tagged with a fresh one, so parallel tests never mix their counts.
 */
import { env } from "cloudflare:workers";
import { createDb, type Database } from "../../src/db/client.ts";
import { loadConfig } from "../../src/env.ts";
import { callWithEnv, envWith } from "./http.ts";

export function taggedDatabaseUrl(tag: string): string {
  const url = new URL(env.DATABASE_URL);
  url.searchParams.set("application_name", tag);
  return url.toString();
}

export async function roundTripsOf(tag: string): Promise<number> {
  const response = await fetch(`http://${env.NEON_LOCAL_PROXY}/round-trips?tag=${encodeURIComponent(tag)}`);
  const body = (await response.json()) as { round_trips: number };
  return body.round_trips;
}

/** A database client whose round trips are counted under a fresh tag. */
export function taggedDb(): { tag: string; db: Database } {
  const tag = `rt_${crypto.randomUUID().replaceAll("-", "")}`;
  return { tag, db: createDb(loadConfig(envWith({ DATABASE_URL: taggedDatabaseUrl(tag) }))) };
}

/** Calls the Worker and reports how many round trips to PostgreSQL the call cost. */
export async function measure(
  path: string,
  init?: RequestInit,
): Promise<{ response: Response; roundTrips: number }> {
  const tag = `rt_${crypto.randomUUID().replaceAll("-", "")}`;
  const response = await callWithEnv(envWith({ DATABASE_URL: taggedDatabaseUrl(tag) }), path, init);
  await response.clone().arrayBuffer();
  return { response, roundTrips: await roundTripsOf(tag) };
}
