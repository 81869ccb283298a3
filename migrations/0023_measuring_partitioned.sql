-- Measuring (services/metrics, services/analytics, services/sentiment). engagement_metrics and
-- sentiment_analysis are hand-made (partitioned, 0001), so their changes are too. Keep in step with
-- src/db/schema/{engagement-metrics,sentiment-analysis}.ts.

-- A metric the platform does not give is null, never 0 (Bluesky has no impressions, LinkedIn member
-- posts no reach …): the counters lose their NOT NULL and their default.
ALTER TABLE "engagement_metrics"
	ALTER COLUMN "impressions" DROP NOT NULL, ALTER COLUMN "impressions" DROP DEFAULT,
	ALTER COLUMN "reach" DROP NOT NULL, ALTER COLUMN "reach" DROP DEFAULT,
	ALTER COLUMN "likes" DROP NOT NULL, ALTER COLUMN "likes" DROP DEFAULT,
	ALTER COLUMN "comments" DROP NOT NULL, ALTER COLUMN "comments" DROP DEFAULT,
	ALTER COLUMN "shares" DROP NOT NULL, ALTER COLUMN "shares" DROP DEFAULT,
	ADD COLUMN "saves" bigint,
	ADD COLUMN "clicks" bigint;--> statement-breakpoint
ALTER TABLE "engagement_metrics" DROP CONSTRAINT "engagement_metrics_counters_check";--> statement-breakpoint
ALTER TABLE "engagement_metrics" ADD CONSTRAINT "engagement_metrics_counters_check" CHECK (
	"impressions" >= 0 and "reach" >= 0 and "likes" >= 0 and "comments" >= 0 and "shares" >= 0
	and "saves" >= 0 and "clicks" >= 0
);--> statement-breakpoint

-- The one definition of the engagement rate, used for each stored row and for every aggregate the
-- analytics API answers: interactions (likes + comments + shares + saves + clicks, the ones the
-- platform gives) per impression. Null when the platform gives no impressions (or none yet), or no
-- interaction count at all: a rate is never invented. 0.0512 = 5.12%.
CREATE OR REPLACE FUNCTION engagement_rate(
	p_likes numeric, p_comments numeric, p_shares numeric, p_saves numeric, p_clicks numeric,
	p_impressions numeric
) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE
		WHEN p_impressions IS NULL OR p_impressions = 0 THEN NULL
		WHEN p_likes IS NULL AND p_comments IS NULL AND p_shares IS NULL AND p_saves IS NULL AND p_clicks IS NULL
			THEN NULL
		ELSE least(round((coalesce(p_likes, 0) + coalesce(p_comments, 0) + coalesce(p_shares, 0)
			+ coalesce(p_saves, 0) + coalesce(p_clicks, 0)) / p_impressions, 4), 999.9999)
	END
$$;--> statement-breakpoint

-- The measuring schedule, decaying after publishing: 15 minutes, 1 hour, 6 hours, 1 day, 3 days,
-- 7 days, 30 days. The next measurement after `p_at` of a post published at `p_published_at`; null
-- once the schedule is over. A measurement taken late skips the steps already past.
CREATE OR REPLACE FUNCTION metrics_due_after(p_published_at timestamptz, p_at timestamptz)
RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT min(p_published_at + step)
	FROM unnest('{15 minutes,1 hour,6 hours,1 day,3 days,7 days,30 days}'::interval[]) AS step
	WHERE p_published_at + step > p_at
$$;--> statement-breakpoint

-- The metrics cron's claim, across organisations (like claim_due_posts): due published posts, their
-- next measurement pushed out by the lease so a lost message is claimed again after it. A due post
-- that can no longer be measured (no account, no longer published) stops being due instead.
CREATE OR REPLACE FUNCTION claim_due_measurements(p_limit integer, p_lease_seconds integer)
RETURNS TABLE (id uuid, organization_id uuid, social_account_id uuid, platform text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
	UPDATE published_posts p SET metrics_due_at = NULL
	WHERE p.metrics_due_at <= now()
		AND (p.social_account_id IS NULL OR p.publish_status <> 'published' OR p.platform_post_id IS NULL);
	RETURN QUERY
	WITH due AS (
		SELECT p.id
		FROM published_posts p
		WHERE p.metrics_due_at <= now()
		ORDER BY p.metrics_due_at
		LIMIT p_limit
		FOR UPDATE SKIP LOCKED
	)
	UPDATE published_posts p
	SET metrics_due_at = now() + make_interval(secs => p_lease_seconds)
	FROM due
	WHERE p.id = due.id
	RETURNING p.id, p.organization_id, p.social_account_id, p.platform;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION claim_due_measurements(integer, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION claim_due_measurements(integer, integer) TO guddu_app;--> statement-breakpoint
-- The cron's answer when sending the claimed posts' messages failed: due now, for the next run.
CREATE OR REPLACE FUNCTION release_measurements(p_ids uuid[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
	UPDATE published_posts SET metrics_due_at = now() WHERE id = ANY(p_ids) AND metrics_due_at IS NOT NULL
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION release_measurements(uuid[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION release_measurements(uuid[]) TO guddu_app;--> statement-breakpoint

-- Posts published before measuring existed join the schedule where it stands.
UPDATE published_posts SET metrics_due_at = metrics_due_after(published_at, now())
WHERE publish_status = 'published' AND published_at IS NOT NULL AND platform_post_id IS NOT NULL;--> statement-breakpoint

-- Sentiment: a language the analyser cannot judge is `unknown`, with no score (never guessed).
ALTER TABLE "sentiment_analysis" DROP CONSTRAINT "sentiment_analysis_sentiment_check";--> statement-breakpoint
ALTER TABLE "sentiment_analysis" ADD CONSTRAINT "sentiment_analysis_sentiment_check"
	CHECK ("sentiment" in ('positive', 'neutral', 'negative', 'mixed', 'unknown'));--> statement-breakpoint
ALTER TABLE "sentiment_analysis"
	ALTER COLUMN "sentiment_score" DROP NOT NULL,
	-- The inbound item judged (null for our own published posts). No foreign key: inbound_items is
	-- partitioned and its key includes received_at.
	ADD COLUMN "inbound_item_id" uuid,
	ADD COLUMN "language" text DEFAULT 'und' NOT NULL,
	-- `workers-ai` or `lexicon`: which analyser judged it.
	ADD COLUMN "engine" text DEFAULT 'lexicon' NOT NULL;--> statement-breakpoint
CREATE INDEX "sentiment_analysis_inbound_item_id_idx" ON "sentiment_analysis" USING btree ("inbound_item_id");
