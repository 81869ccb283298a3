/** The operations view's wire shape (services/operations/view.ts builds it). */
import { z } from "@hono/zod-openapi";
import { EVENT_STATUSES } from "../../../db/schema/events.ts";
import { PUBLISH_ATTEMPT_OUTCOMES } from "../../../db/schema/publish-attempts.ts";
import { PUBLISH_STATUSES } from "../../../db/schema/published-posts.ts";
import { CONNECTION_STATUSES } from "../../../db/schema/social-accounts.ts";
import { USER_ROLES } from "../../../db/schema/users.ts";
import { RECONNECT_REASONS } from "../../../services/operations/accounts.ts";
import { ACCOUNT_HOLDS } from "../../../services/operations/upcoming.ts";
import { DashboardSchema, FiguresFields } from "../analytics/schema.ts";
import { PlatformSchema } from "../common.ts";
import { PublishingPauseSchema } from "../publishing/schema.ts";

const total = (description: string) => z.int().min(0).openapi({ description });

const AccountRef = z.object({ id: z.uuid(), username: z.string().nullable() }).nullable();

const UpcomingPostSchema = z.object({
  published_post_id: z.uuid(),
  content_id: z.uuid(),
  content_title: z.string().nullable(),
  platform: PlatformSchema,
  social_account: AccountRef,
  due_at: z.iso.datetime(),
  publish_status: z.enum(PUBLISH_STATUSES),
  overdue: z.boolean().openapi({ description: "Its time has passed and it has not gone out" }),
  held_by: z
    .object({
      pause: z
        .object({ id: z.uuid(), until: z.iso.datetime().nullable() })
        .nullable()
        .openapi({ description: "The pause holding it when it is due (the one lifting last)" }),
      embargoed: z.boolean().openapi({ description: "Its content or media is under embargo when it is due" }),
      account: z
        .enum(ACCOUNT_HOLDS)
        .nullable()
        .openapi({ description: "Its account is removed, paused or must be reconnected" }),
    })
    .openapi({ description: "What holds it; all empty: it goes out on time" }),
});

const StuckApprovalSchema = z.object({
  approval_request_id: z.uuid(),
  content_id: z.uuid(),
  content_title: z.string().nullable(),
  scheduled_for: z.iso.datetime().nullable(),
  step: z.object({
    number: z.int(),
    name: z.string(),
    of: z.int(),
    approvals: z.int().openapi({ description: "Approvals given on this step so far" }),
  }),
  waiting_for: z
    .object({
      roles: z.array(z.enum(USER_ROLES)),
      users: z.array(z.object({ id: z.uuid(), name: z.string() })),
    })
    .openapi({
      description:
        "Whose turn: the roles the step names and the named people who have not approved it yet (with those it escalated to, once escalated)",
    }),
  escalated: z.boolean(),
  since: z.iso.datetime().openapi({ description: "When the step started" }),
  due_at: z.iso.datetime().nullable().openapi({ description: "The step's deadline" }),
  overdue: z.boolean(),
});

const FailedPostSchema = z.object({
  published_post_id: z.uuid(),
  content_id: z.uuid(),
  content_title: z.string().nullable(),
  platform: PlatformSchema,
  social_account: AccountRef,
  failed_at: z.iso.datetime(),
  attempts: z.int(),
  reason: z
    .string()
    .nullable()
    .openapi({ description: "The platform's message, or why the retries gave up" }),
  last_attempt: z
    .object({
      number: z.int(),
      outcome: z.enum(PUBLISH_ATTEMPT_OUTCOMES),
      http_status: z.int().nullable(),
      error_code: z.string().nullable(),
      error_message: z.string().nullable(),
      at: z.iso.datetime(),
    })
    .nullable(),
});

const AccountToReconnectSchema = z.object({
  social_account_id: z.uuid(),
  platform: PlatformSchema,
  username: z.string().nullable(),
  event_id: z.uuid().nullable(),
  reason: z.enum(RECONNECT_REASONS).openapi({
    description:
      "reauth_required: the platform refused to renew its token; token_expired: connected but its token has run out; token_expiring: runs out within token_hours with nothing to renew it",
  }),
  connection_status: z.enum(CONNECTION_STATUSES),
  status_reason: z.string().nullable(),
  token_expires_at: z.iso.datetime().nullable(),
  waiting_posts: z.int().openapi({ description: "The event's posts not sent yet that go through it" }),
});

const { engagement_rate: _rate, ...Gained } = FiguresFields;

export const EventOperationsSchema = z
  .object({
    event: z.object({
      id: z.uuid(),
      name: z.string(),
      time_zone: z.string(),
      status: z.enum(EVENT_STATUSES),
    }),
    generated_at: z.iso.datetime(),
    upcoming: z.object({
      until: z.iso.datetime(),
      total: total("Waiting posts due before `until` (overdue ones included)"),
      posts: z.array(UpcomingPostSchema).openapi({ description: "Soonest first" }),
    }),
    approvals: z.object({
      total: total("Pending approval requests of the event's content"),
      overdue: total("Of them, past their step's deadline"),
      requests: z
        .array(StuckApprovalSchema)
        .openapi({ description: "Earliest deadline first, then longest waiting" }),
    }),
    failed: z.object({
      since: z.iso.datetime(),
      total: total("Posts that failed since `since`"),
      posts: z.array(FailedPostSchema).openapi({ description: "Newest first" }),
    }),
    accounts: z.object({
      total: total("Accounts of the event to reconnect"),
      accounts: z.array(AccountToReconnectSchema),
    }),
    pauses: z.array(PublishingPauseSchema).openapi({ description: "In force now, lifting last first" }),
    trending: z.object({
      since: z.iso.datetime(),
      top_posts: DashboardSchema.shape.top_posts.openapi({
        description: "The event's posts with most interactions (their latest measurement), as the dashboard",
      }),
      gained: z.object(Gained).openapi({ description: "What the event's posts gained since `since`" }),
      latest_alert: z
        .object({ window_start: z.iso.datetime(), items: z.int(), negative_share: z.number() })
        .nullable()
        .openapi({ description: "The event's latest negative-sentiment alert, however old" }),
    }),
  })
  .openapi("EventOperations");
