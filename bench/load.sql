-- Benchmark data, loaded straight into PostgreSQL with set-based INSERT ... SELECT (no API calls):
--   psql -v users=N -v posts=N -v follows=N -v comments=N -v f35=N -v f500=N -v f2000=N -v f5000=N \
--        -v hash='...' -f load.sql
-- Skewed like a real network: a quarter of all follows go to the first 100 users, who also write
-- a fifth of all posts. bench_viewer (the user the feed is measured for) follows 25 of them and 10
-- others. Beside them, for issues 16 and 17: bench_celebrity, followed by every bench_<n> user,
-- and the viewers bench_f35, bench_f500, bench_f2000 and bench_f5000, who follow as many people as
-- :f35 ... :f5000 say (the small data set has fewer users than 5,000: the launcher caps them).
-- Replaces every user, post, comment, follow, notification and timeline of the schema.
\set ON_ERROR_STOP on
\timing on
-- The same data every run (random() below follows the seed): two builds are compared on it.
SELECT setseed(0.25);

TRUNCATE comments, posts, follows, outbox_events, users RESTART IDENTITY CASCADE;
-- The notifier keys its rows by user, post and comment ids, and ids start again at 1: its tables
-- go too, those of this version (the names changed over time, so each only where it exists).
DO $$
DECLARE
    notifier_table TEXT;
BEGIN
    FOREACH notifier_table IN ARRAY ARRAY['notifications', 'notifier_users', 'notifier_follows', 'retracted_comments',
            'retracted_posts', 'retractions', 'comment_edits', 'notifier_posts', 'notifier_comment_mentions',
            'like_states'] LOOP
        IF EXISTS (SELECT 1 FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_name = notifier_table) THEN
            EXECUTE 'TRUNCATE ' || quote_ident(notifier_table);
        END IF;
    END LOOP;
END $$;
-- The home timeline's tables (issue 17) went with users and posts (CASCADE); the driver rebuilds
-- them after the load. Posts loaded here are not to be fanned out one by one (the rebuild covers
-- them): inserted as done while loading, where the column exists.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = 'posts' AND column_name = 'fanned_out') THEN
        ALTER TABLE posts ALTER COLUMN fanned_out SET DEFAULT TRUE;
    END IF;
END $$;
DELETE FROM spring_session_attributes;
DELETE FROM spring_session;

INSERT INTO users (username, username_key, email, email_key, first_name, last_name, name_key, last_name_key,
                   password_hash, registered_at)
SELECT 'bench_' || g, 'bench_' || g, 'bench_' || g || '@bench.bsocial.io', 'bench_' || g || '@bench.bsocial.io',
       first_name, last_name, lower(first_name || ' ' || last_name), lower(last_name),
       :'hash', now() - interval '500 days' + g * interval '1 second'
  FROM (SELECT g,
               (ARRAY['Ada','Alan','Grace','Katherine','Linus','Margaret','Tim','Barbara','Edsger','Donald',
                      'Frances','John','Radia','Ken','Dennis','Hedy','Annie','Guido','Sophie','Niklaus'])[1 + g % 20] AS first_name,
               (ARRAY['Lovelace','Turing','Hopper','Johnson','Torvalds','Hamilton','Lee','Liskov','Dijkstra','Knuth',
                      'Allen','Backus','Perlman','Thompson','Ritchie','Lamarr','Easley','Rossum','Wilson','Wirth'])[1 + (g / 20) % 20] AS last_name
          FROM generate_series(1, :users) g) named;

INSERT INTO users (username, username_key, email, email_key, first_name, last_name, name_key, last_name_key,
                   password_hash, registered_at)
VALUES ('bench_viewer', 'bench_viewer', 'viewer@bench.bsocial.io', 'viewer@bench.bsocial.io', 'Bench', 'Viewer',
        'bench viewer', 'viewer', :'hash', now() - interval '500 days');

INSERT INTO users (username, username_key, email, email_key, first_name, last_name, name_key, last_name_key,
                   password_hash, registered_at)
SELECT 'bench_' || who, 'bench_' || who, who || '@bench.bsocial.io', who || '@bench.bsocial.io', 'Bench', initcap(who),
       'bench ' || who, who, :'hash', now() - interval '500 days'
  FROM unnest(ARRAY['celebrity', 'f35', 'f500', 'f2000', 'f5000']) who;

INSERT INTO follows (follower_id, followee_id, created_at)
SELECT f, t, now() - interval '1 day'
  FROM (SELECT 1 + (random() * (:users - 1))::int AS f,
               CASE WHEN random() < 0.25 THEN 1 + (random() * 99)::int
                    ELSE 1 + (random() * (:users - 1))::int END AS t
          FROM generate_series(1, (:follows * 1.02)::int)) pairs
 WHERE f <> t
ON CONFLICT DO NOTHING;

INSERT INTO follows (follower_id, followee_id, created_at)
SELECT v.id, t, now() FROM users v,
       (SELECT generate_series(1, 25) AS t UNION SELECT 200 + g * 7 FROM generate_series(1, 10) g) chosen
 WHERE v.username = 'bench_viewer'
ON CONFLICT DO NOTHING;

-- The celebrity: followed by every bench_<n> user (ids 1 to :users), the viewers not among them.
INSERT INTO follows (follower_id, followee_id, created_at)
SELECT g, c.id, now() - interval '2 days'
  FROM users c, generate_series(1, :users) g
 WHERE c.username = 'bench_celebrity';

-- bench_f<k> follows k people the way bench_viewer follows 35: 25 of the most-followed users, and
-- the others spread evenly over the rest (each of whom has posts, as every user has).
INSERT INTO follows (follower_id, followee_id, created_at)
SELECT v.id, t.followee, now()
  FROM (VALUES ('bench_f35', :f35), ('bench_f500', :f500), ('bench_f2000', :f2000), ('bench_f5000', :f5000)) wanted(username, k)
  JOIN users v ON v.username = wanted.username
 CROSS JOIN LATERAL (SELECT g AS followee FROM generate_series(1, 25) g
                      UNION ALL
                     SELECT 100 + (g * ((:users - 100) / (wanted.k - 25))) FROM generate_series(1, wanted.k - 25) g) t
ON CONFLICT DO NOTHING;

INSERT INTO posts (author_id, content, created_at)
SELECT CASE WHEN random() < 0.2 THEN 1 + (random() * 99)::int ELSE 1 + (random() * (:users - 1))::int END,
       'Benchmark post ' || g || ': '
           || (ARRAY['Shipped the new release today.', 'Reading about keyset pagination again.',
                     'Coffee first, then code.', 'What is everyone building this week?',
                     'Hot take: tests are documentation.', 'Refactored the thing nobody wanted to touch.',
                     'Small commits, clear messages.', 'The queue drained, the graphs are green.'])[1 + g % 8],
       now() - (:posts - g) * (interval '365 days' / :posts)
  FROM generate_series(1, :posts) g;

INSERT INTO comments (post_id, author_id, content, created_at)
SELECT 1 + (random() * (:posts - 1))::int, 1 + (random() * (:users - 1))::int,
       'Benchmark comment ' || g, now() - random() * interval '300 days'
  FROM generate_series(1, :comments) g;

-- The celebrity writes too (one post in a thousand): a follower's feed has them among its own.
INSERT INTO posts (author_id, content, created_at)
SELECT c.id, 'Celebrity post ' || g || ': thank you all for following!',
       now() - g * (interval '365 days' / greatest(:posts / 1000, 1))
  FROM users c, generate_series(1, greatest(:posts / 1000, 1)) g
 WHERE c.username = 'bench_celebrity';

-- The notifier's copies, as the user-registered and user-followed events would have made them:
-- its live feed pushes a post to the connected followers it finds here.
-- (The template account's user-registered event may have reached the notifier during the load.)
INSERT INTO notifier_users (id, username, first_name, last_name)
SELECT id, username, first_name, last_name FROM users
ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, first_name = EXCLUDED.first_name,
                               last_name = EXCLUDED.last_name;
-- Before the notifier read web's follows itself, it kept a copy of them.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_name = 'notifier_follows') THEN
        INSERT INTO notifier_follows (follower_id, followee_id, following, as_of)
        SELECT follower_id, followee_id, TRUE, created_at FROM follows
        ON CONFLICT DO NOTHING;
    END IF;
END $$;

UPDATE posts p SET comment_count = c.n
  FROM (SELECT post_id, COUNT(*) AS n FROM comments GROUP BY post_id) c
 WHERE c.post_id = p.id;

VACUUM ANALYZE users;
VACUUM ANALYZE follows;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = 'posts' AND column_name = 'fanned_out') THEN
        ALTER TABLE posts ALTER COLUMN fanned_out SET DEFAULT FALSE;
    END IF;
END $$;
VACUUM ANALYZE posts;
VACUUM ANALYZE comments;

-- Who keeps a home timeline (issue 27: only active people do): one numbered user in five and every
-- named one (the viewers, the celebrity), as unbuilt heads that the driver's rebuild builds; the
-- others would get theirs at their first request. Before issue 27 the rebuild gave everyone one.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_name = 'timeline_heads') THEN
        INSERT INTO timeline_heads (user_id, horizon_created_at, horizon_post_id)
        SELECT id, TIMESTAMP WITH TIME ZONE '9999-12-31 23:59:59.999999+00', 9223372036854775807 FROM users
         WHERE id % 5 = 0 OR username !~ '^bench_[0-9]+$'
        ON CONFLICT DO NOTHING;
    END IF;
END $$;

SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM posts) AS posts,
       (SELECT COUNT(*) FROM follows) AS follows, (SELECT COUNT(*) FROM comments) AS comments;
