-- OrleansCalendar: the ASP.NET Core Data Protection key ring, shared by every silo of a cluster.
-- Tokens in grain state are encrypted with these keys; losing this table makes stored tokens unreadable
-- (users would have to reconnect Outlook), so back it up with the grain state.
-- Idempotent: safe to run at every start-up.

CREATE TABLE IF NOT EXISTS orleanscalendar_dataprotection_keys
(
    friendly_name text        NOT NULL PRIMARY KEY,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
