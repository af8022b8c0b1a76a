-- The most followed authors first, for suggestions ("the most followed"): timeline_authors already
-- keeps every author's follower count up to date with each follow and unfollow.
CREATE INDEX timeline_authors_followers_idx ON timeline_authors (followers DESC, author_id DESC);
