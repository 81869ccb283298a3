import { describe, expect, it } from "vitest";
import type { IngestMessage } from "../../src/queues/ingest/message.ts";
import { type FakePlatform, signWebhook } from "../support/fake-platforms.ts";
import { callWithEnv, envWith, expectProblem } from "../support/http.ts";
import { queueRecorder } from "../support/queues.ts";
import { roundTripsOf, taggedDatabaseUrl } from "../support/round-trips.ts";

const CURRENT = "current-webhook-secret";
const PREVIOUS = "previous-webhook-secret";
const VERIFY_TOKEN = "our-verify-token";
const secrets = { secrets: [CURRENT, PREVIOUS] };
const WEBHOOK_SECRETS = JSON.stringify({
  facebook: { ...secrets, verify_token: VERIFY_TOKEN },
  instagram: { ...secrets, verify_token: VERIFY_TOKEN },
  threads: { ...secrets, verify_token: VERIFY_TOKEN },
  x: secrets,
  linkedin: secrets,
});

/** Calls the Worker with webhooks configured; reports the PostgreSQL round trips the call cost. */
async function callWebhook(path: string, init: RequestInit = {}, queue?: Queue<IngestMessage>) {
  const tag = `rt_${crypto.randomUUID().replaceAll("-", "")}`;
  const bindings = envWith({
    WEBHOOK_SECRETS,
    DATABASE_URL: taggedDatabaseUrl(tag),
    ...(queue ? { INGEST_QUEUE: queue } : {}),
  });
  const response = await callWithEnv(bindings, path, init);
  await response.clone().arrayBuffer();
  return { response, roundTrips: await roundTripsOf(tag) };
}

const post = (body: string, headers: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body,
});

const DELIVERIES: Record<FakePlatform & ("facebook" | "instagram" | "threads" | "x" | "linkedin"), unknown> =
  {
    facebook: {
      object: "page",
      entry: [{ id: "1", time: 1, changes: [{ field: "feed", value: { item: "comment" } }] }],
    },
    instagram: {
      object: "instagram",
      entry: [{ id: "2", time: 1, changes: [{ field: "mentions", value: {} }] }],
    },
    threads: { object: "threads", entry: [{ id: "3", time: 1, changes: [{ field: "replies", value: {} }] }] },
    x: { for_user_id: "2244994945", tweet_create_events: [{ id_str: "1", text: "@us hello" }] },
    linkedin: { type: "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS", notifications: [{ notificationId: 1 }] },
  };

describe("webhook subscription checks", () => {
  it("Meta and Threads: the challenge comes back as text only with our verify token", async () => {
    for (const platform of ["facebook", "instagram", "threads"]) {
      const query = `hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${VERIFY_TOKEN}`;
      const { response, roundTrips } = await callWebhook(`/webhooks/${platform}?${query}`);
      expect(response.status, platform).toBe(200);
      expect(await response.text()).toBe("1158201444");
      expect(roundTrips).toBe(0);
      const wrong = await callWebhook(
        `/webhooks/${platform}?hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess`,
      );
      await expectProblem(wrong.response, 403, "webhook_verify_token_mismatch");
    }
  });

  it("X CRC: sha256=base64(HMAC-SHA256(consumer secret, crc_token)), RFC 4231's known answer", async () => {
    const bindings = JSON.stringify({ x: { secrets: ["Jefe"] } });
    const response = await callWithEnv(
      envWith({ WEBHOOK_SECRETS: bindings }),
      `/webhooks/x?crc_token=${encodeURIComponent("what do ya want for nothing?")}`,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      response_token: "sha256=W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=",
    });
  });

  it("LinkedIn: challengeResponse = hex(HMAC-SHA256(client secret, challengeCode)), RFC 4231's known answer", async () => {
    const bindings = JSON.stringify({ linkedin: { secrets: ["Jefe"] } });
    const response = await callWithEnv(
      envWith({ WEBHOOK_SECRETS: bindings }),
      `/webhooks/linkedin?challengeCode=${encodeURIComponent("what do ya want for nothing?")}`,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      challengeCode: "what do ya want for nothing?",
      challengeResponse: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    });
  });

  it("a GET that is no check is 400; an unknown platform or one not set up is 404", async () => {
    await expectProblem((await callWebhook("/webhooks/x")).response, 400, "webhook_check_invalid");
    await expectProblem(
      (await callWebhook("/webhooks/bluesky?crc_token=1")).response,
      400,
      "validation_failed",
    );
    const unset = await callWithEnv(envWith({ WEBHOOK_SECRETS: "{}" }), "/webhooks/x?crc_token=1");
    await expectProblem(unset, 404, "webhook_not_configured");
  });
});

describe("webhook deliveries", () => {
  it("a delivery signed as each platform signs is queued once, answered 200, with no database round trip", async () => {
    for (const [platform, payload] of Object.entries(DELIVERIES)) {
      const ingest = queueRecorder<IngestMessage>();
      const body = JSON.stringify(payload);
      const headers = await signWebhook(platform as FakePlatform, CURRENT, body);
      const { response, roundTrips } = await callWebhook(
        `/webhooks/${platform}`,
        post(body, headers),
        ingest.queue,
      );
      expect(response.status, platform).toBe(200);
      const answer = (await response.json()) as { status: string; delivery_id: string };
      expect(answer.status).toBe("queued");
      expect(roundTrips, platform).toBe(0);
      expect(ingest.batches).toEqual([
        [
          {
            type: "delivery",
            platform,
            delivery_id: answer.delivery_id,
            received_at: expect.any(String),
            payload,
          },
        ],
      ]);
      // The same bytes again (a platform's retry) carry the same delivery id.
      const again = await callWebhook(`/webhooks/${platform}`, post(body, headers), ingest.queue);
      expect(((await again.response.json()) as { delivery_id: string }).delivery_id).toBe(answer.delivery_id);
    }
  });

  it("the previous secret still verifies during a rotation; any other secret does not", async () => {
    const body = JSON.stringify(DELIVERIES.facebook);
    const ingest = queueRecorder<IngestMessage>();
    const old = await callWebhook(
      "/webhooks/facebook",
      post(body, await signWebhook("facebook", PREVIOUS, body)),
      ingest.queue,
    );
    expect(old.response.status).toBe(200);
    const stranger = await callWebhook(
      "/webhooks/facebook",
      post(body, await signWebhook("facebook", "not-ours", body)),
      ingest.queue,
    );
    await expectProblem(stranger.response, 401, "webhook_signature_invalid");
    expect(ingest.sent()).toHaveLength(1);
  });

  it("unsigned, mis-signed, altered, oversized and malformed deliveries are refused and never queued", async () => {
    const ingest = queueRecorder<IngestMessage>();
    const body = JSON.stringify(DELIVERIES.x);
    const signed = await signWebhook("x", CURRENT, body);
    const refusals: Array<[RequestInit, number, string]> = [
      [post(body, {}), 401, "webhook_signature_invalid"],
      [
        post(body, { "x-twitter-webhooks-signature": "sha256=bm90LWEtc2lnbmF0dXJl" }),
        401,
        "webhook_signature_invalid",
      ],
      [post(body.replace("hello", "hullo"), signed), 401, "webhook_signature_invalid"],
      [post("{", await signWebhook("x", CURRENT, "{")), 400, "malformed_json"],
      [post("[1]", await signWebhook("x", CURRENT, "[1]")), 400, "webhook_payload_invalid"],
    ];
    const big = JSON.stringify({ padding: "x".repeat(130_000) });
    refusals.push([post(big, await signWebhook("x", CURRENT, big)), 413, "payload_too_large"]);
    for (const [init, status, code] of refusals) {
      const { response, roundTrips } = await callWebhook("/webhooks/x", init, ingest.queue);
      await expectProblem(response, status, code);
      expect(roundTrips).toBe(0);
    }
    expect(ingest.sent()).toEqual([]);
  });

  it("checks Meta's X-Hub-Signature-256 as documented: the known answer of the sha256= HMAC scheme", async () => {
    // The worked example of the X-Hub-Signature-256 scheme (HMAC-SHA256 hex of the raw body): this body
    // is not JSON, so a verified delivery of it is 400 malformed_json, not 401.
    const bindings = envWith({
      WEBHOOK_SECRETS: JSON.stringify({ facebook: { secrets: ["It's a Secret to Everybody"] } }),
    });
    const response = await callWithEnv(bindings, "/webhooks/facebook", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
      },
      body: "Hello, World!",
    });
    await expectProblem(response, 400, "malformed_json");
  });
});
