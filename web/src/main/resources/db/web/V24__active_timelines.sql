-- Home timelines only for people who use bSocial (issue 27). active_at: the last authenticated
-- request of the head's user, recorded at most once per bsocial.timelines.activity-interval. A
-- head idle longer than bsocial.timelines.active-window is dropped with its entries by the
-- fan-out's maintenance (so the fan-out skips that user), and made again, unbuilt, at the user's
-- next request: the feed reads them with the query of before until the build is done.
ALTER TABLE timeline_heads ADD COLUMN active_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
-- The maintenance's two scans: idle heads, oldest first; unbuilt heads, lowest id first.
CREATE INDEX timeline_heads_active_idx ON timeline_heads (active_at, user_id);
CREATE INDEX timeline_heads_horizon_idx ON timeline_heads (horizon_created_at, horizon_post_id, user_id);
