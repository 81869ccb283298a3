-- When an inbound item's author made their account, where the platform says (X): the wall's
-- min_account_age_days filter. inbound_items is hand-made (partitioned, 0018), so this is too.
ALTER TABLE "inbound_items" ADD COLUMN "author_created_at" timestamp with time zone;
