#ifndef GAZETTEER_SQLITE_SHARED_MAP_H
#define GAZETTEER_SQLITE_SHARED_MAP_H

/// The name of the VFS that `gazetteer_shared_map_register` adds, to pass to `sqlite3_open_v2`.
#define GAZETTEER_SHARED_MAP_VFS "gazetteer-shared-map"

/// Registers, once per process, a SQLite VFS over the default one in which every connection that opens a
/// database file read-only reads it through one memory map shared by all of them, instead of a map of its
/// own (SQLite's unix VFS maps the file once per connection, and each map counts again in the process's
/// resident memory). Returns SQLITE_OK, or SQLite's error code when the VFS could not be registered.
int gazetteer_shared_map_register(void);

#endif
