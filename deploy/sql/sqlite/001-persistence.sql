-- OrleansCalendar: grain state on SQLite for Microsoft.Orleans.Persistence.AdoNet
-- (invariant "System.Data.SQLite", which Orleans serves with Microsoft.Data.Sqlite).
--
-- The server applies this file at start-up (Storage/SchemaMigrator.cs) and switches the file to WAL
-- first. To do the same by hand:
--     sqlite3 -cmd 'PRAGMA journal_mode=WAL;' data/orleans.db < deploy/sql/sqlite/001-persistence.sql
-- The queries use RETURNING, so whatever runs them needs SQLite 3.35 or later (Microsoft.Data.Sqlite
-- bundles a recent one).
-- Running it again is harmless: tables and indexes are only created when missing, and the
-- query rows are replaced with the same text.
--
-- What Orleans expects (the contract, not a particular implementation):
--   * It reads its SQL from OrleansQuery by key. Persistence uses WriteToStorageKey,
--     ReadFromStorageKey and ClearStorageKey; DeleteStorageKey is needed only when a storage
--     is configured with DeleteStateOnClear = true.
--   * Parameters: @GrainIdHash and @GrainTypeHash (32-bit), @GrainIdN0 and @GrainIdN1 (64-bit),
--     @GrainTypeString, @GrainIdExtensionString (NULL when the key has no extension), @ServiceId,
--     @GrainStateVersion (the grain's ETag; NULL until its state was stored once) and
--     @PayloadBinary (the serialized state).
--   * Version is the ETag. Writes, clears and deletes answer with one NewGrainStateVersion row
--     when they changed something and with no row when the caller's version was stale, which
--     Orleans reports as InconsistentStateException.
--
-- Every query is built from single statements that each either change the row or do nothing,
-- with no explicit transaction. Under WAL with several pooled connections that matters: SQLite
-- takes the write lock when such a statement starts, so a busy writer just waits for the
-- lock (Microsoft.Data.Sqlite retries for up to the command timeout) instead of failing with
-- SQLITE_BUSY_SNAPSHOT, as a transaction that reads first and writes later can.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- A grain's identity is spread over the hash, N0/N1, type and extension columns that Orleans
-- passes. The two 32-bit hashes are what lookups go through; the remaining columns settle
-- the rare hash collision.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,     -- NULL once the state was cleared
    ModifiedOn             TEXT    NOT NULL, -- UTC, for operators only
    Version                INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS IX_OrleansStorage_Hashes ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- Durability (docs/operations.md, "What a 201 survives"): every write first sets synchronous=NORMAL on its
-- connection (the setting is per connection, and Orleans opens pooled connections itself). In WAL mode that
-- means a commit is appended to the WAL without an fsync of its own; the WAL is synced at checkpoints. A commit
-- is therefore durable once the statement returns as far as the process is concerned (kill -9 loses nothing:
-- the operating system holds the WAL), while a power loss or kernel crash can roll back the commits made since
-- the last checkpoint (at most about 1,000 pages of changes). The database itself stays consistent either way.
-- FULL would fsync every commit and cap bookings at the disk's fsync rate.
--
-- Then two statements, of which at most one changes anything:
--   * a grain that knows its version updates the row only if nobody wrote since it read;
--   * a grain without a version inserts only if there is no row yet. The existence check and
--     the insert are one statement, so two activations racing here cannot both succeed.
-- The loser of either race gets no row back.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
PRAGMA synchronous = NORMAL;

UPDATE OrleansStorage
SET PayloadBinary = @PayloadBinary,
    ModifiedOn    = CURRENT_TIMESTAMP,
    Version       = Version + 1
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
     GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
       @GrainIdExtensionString, @ServiceId, @PayloadBinary, CURRENT_TIMESTAMP, 1
WHERE @GrainStateVersion IS NULL
  AND NOT EXISTS (
      SELECT 1 FROM OrleansStorage
      WHERE GrainIdHash = @GrainIdHash
        AND GrainTypeHash = @GrainTypeHash
        AND GrainIdN0 = @GrainIdN0
        AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString IS @GrainIdExtensionString
        AND ServiceId = @ServiceId)
RETURNING Version AS NewGrainStateVersion;
');

-- A cleared state keeps its row (payload NULL) so the version keeps counting up; Orleans then
-- treats the record as absent but still knows the version to write against.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND ServiceId = @ServiceId;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
PRAGMA synchronous = NORMAL;

UPDATE OrleansStorage
SET PayloadBinary = NULL,
    ModifiedOn    = CURRENT_TIMESTAMP,
    Version       = Version + 1
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
');

-- Orleans treats an answer equal to the version it sent as a conflict, so a successful delete
-- answers with the next version rather than the deleted one.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion;
');
