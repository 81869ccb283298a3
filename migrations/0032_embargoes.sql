-- Whether a post of this content may not go out yet because the content (or a media asset it uses)
-- is under embargo at p_at. claim_due_posts calls it; the embargo's own migration gives it its body.
CREATE OR REPLACE FUNCTION content_embargoed(p_content_id uuid, p_at timestamptz) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT false $$;
