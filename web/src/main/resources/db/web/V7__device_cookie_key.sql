-- The key that signs device cookies (the login throttle's proof that a browser already logged in
-- to an account). One row, created by the first web instance that starts and shared by all, so a
-- cookie one instance issued is valid on every other.
CREATE TABLE device_cookie_key (
    id     INT         PRIMARY KEY,
    secret VARCHAR(64) NOT NULL
);
