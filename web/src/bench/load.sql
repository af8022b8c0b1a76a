-- Benchmark data, loaded straight into PostgreSQL with set-based INSERT ... SELECT (no API calls):
--   psql -v users=N -v posts=N -v follows=N -v comments=N -v hash='...' -f load.sql
-- Skewed like a real network: a quarter of all follows go to the first 100 users, who also write
-- a fifth of all posts. bench_viewer (the user the feed is measured for) follows 25 of them and 10
-- others. Replaces every user, post, comment, follow and notification of the schema.
\set ON_ERROR_STOP on
\timing on

TRUNCATE comments, posts, follows, outbox_events, users RESTART IDENTITY CASCADE;
-- The notifier keys notifications by comment id, and comment ids start again at 1.
TRUNCATE notifications, notifier_users;
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

UPDATE posts p SET comment_count = c.n
  FROM (SELECT post_id, COUNT(*) AS n FROM comments GROUP BY post_id) c
 WHERE c.post_id = p.id;

VACUUM ANALYZE users;
VACUUM ANALYZE follows;
VACUUM ANALYZE posts;
VACUUM ANALYZE comments;

SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM posts) AS posts,
       (SELECT COUNT(*) FROM follows) AS follows, (SELECT COUNT(*) FROM comments) AS comments;
