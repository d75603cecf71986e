-- OrleansCalendar: the query table shared by the Orleans ADO.NET providers on PostgreSQL 15
-- (invariant "Npgsql").
--
-- The server applies the files in this folder in name order at every start-up, each in its
-- own transaction, while holding an advisory lock so that silos starting together take turns
-- (Storage/SchemaMigrator.cs). To apply them by hand:
--     for f in deploy/sql/postgresql/*.sql; do psql -v ON_ERROR_STOP=1 -1 -f "$f" "$DATABASE_URL"; done
-- Every file can be run again: objects are created only when missing, functions are replaced,
-- and query rows are rewritten only when their text changed.
--
-- Orleans issues no SQL of its own apart from "SELECT QueryKey, QueryText FROM OrleansQuery";
-- everything else it runs is a row of this table. It binds parameters and reads result columns
-- by name (Npgsql matches column names case-insensitively, so PostgreSQL's lower-case folding
-- of unquoted names does no harm).

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,

    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
