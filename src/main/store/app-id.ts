// The mark that tells a Council Desk database from any other SQLite file: PRAGMA application_id.
// Set when a database is created or migrated by this app; a non-empty file without it (and not an
// older Council Desk database) is refused unchanged.
/** 'CDsk' as a big-endian 32-bit integer. */
export const COUNCIL_DESK_APPLICATION_ID = 0x4344_736b;
