/**
 * The public wall for `npm run bench`: switches the bench event's widgets on (the cached wall read is
 * then a row of the main table) and measures how long a moderator's approval takes to reach a widget
 * connected to the event's live channel, from sending the approval to the item on the socket.
 */
import { withClient } from "./database.ts";

export interface WallSetup {
  key: string;
  eventId: string;
}

export async function prepareWall(options: {
  workerUrl: string;
  token: string;
  eventId: string;
}): Promise<WallSetup> {
  const response = await fetch(`${options.workerUrl}/v1/events/${options.eventId}/widgets`, {
    method: "PATCH",
    headers: { "content-type": "application/json", authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ enabled: true, moderation: "manual" }),
  });
  if (response.status !== 200) throw new Error(`bench widgets answered ${response.status}`);
  const { public_key } = (await response.json()) as { public_key: string };
  return { key: public_key, eventId: options.eventId };
}

export interface ApprovalFigures {
  approvals: number;
  p50_ms: number;
  p99_ms: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** `count` pending items approved one after another while a widget listens; ms per approval to the socket. */
export async function measureApprovalToSocket(options: {
  workerUrl: string;
  adminUrl: string;
  organizationId: string;
  token: string;
  wall: WallSetup;
  count?: number;
}): Promise<ApprovalFigures> {
  const { count = 50 } = options;
  const ids = await withClient(options.adminUrl, async (db) => {
    const made: string[] = [];
    for (let i = 0; i < count; i++) {
      const platformId = `bench-wall-${crypto.randomUUID()}`;
      const { rows } = await db.query<{ item_id: string; received_at: string }>(
        `insert into inbound_item_keys (organization_id, platform, platform_item_id, observed_at)
         values ($1, 'x', $2, now()) returning item_id, received_at`,
        [options.organizationId, platformId],
      );
      const key = rows[0];
      if (!key) throw new Error("no key row");
      await db.query(
        `insert into inbound_items (id, received_at, organization_id, event_id, platform, kind, platform_item_id,
                                    author_handle, text, observed_at, wall_status, wall_reason)
         values ($1, $2, $3, $4, 'x', 'mention', $5, 'bench', 'Waiting for a moderator', $2, 'pending', 'manual')`,
        [key.item_id, key.received_at, options.organizationId, options.wall.eventId, platformId],
      );
      made.push(key.item_id);
    }
    return made;
  });
  const socket = new WebSocket(
    `${options.workerUrl.replace(/^http/, "ws")}/public/v1/events/${options.wall.key}/live`,
  );
  const arrivals: Array<() => void> = [];
  socket.addEventListener("message", (event) => {
    if (JSON.parse(String(event.data)).type === "item") arrivals.shift()?.();
  });
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error("the bench widget could not connect")), {
      once: true,
    });
  });
  const timings: number[] = [];
  try {
    for (const id of ids) {
      const arrived = new Promise<void>((resolve, reject) => {
        arrivals.push(resolve);
        setTimeout(
          () => reject(new Error("an approval did not reach the socket within 10 s")),
          10_000,
        ).unref();
      });
      const started = performance.now();
      const response = await fetch(
        `${options.workerUrl}/v1/events/${options.wall.eventId}/wall/${id}/moderation`,
        {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${options.token}` },
          body: JSON.stringify({ action: "approve" }),
        },
      );
      if (response.status !== 200) throw new Error(`bench approval answered ${response.status}`);
      await arrived;
      timings.push(performance.now() - started);
    }
  } finally {
    socket.close();
  }
  const sorted = timings.sort((a, b) => a - b);
  return {
    approvals: sorted.length,
    p50_ms: Number(percentile(sorted, 0.5).toFixed(1)),
    p99_ms: Number(percentile(sorted, 0.99).toFixed(1)),
  };
}
