// A SQLite VFS that forwards everything to the default VFS except the memory-mapped reads of read-only
// main database files, which it serves from one map per file (device and inode) for the whole process.
//
// SQLite asks a file for pages with xFetch when `PRAGMA mmap_size` is non-zero; the unix VFS answers from a
// map that each connection makes of its own. Here the answer comes from a shared map, counted by the
// connections using it and unmapped with the last one. A file that cannot be mapped, or that was replaced
// between the map and SQLite's own open, falls back to the default VFS's behaviour.
#include "SQLiteSharedMap.h"

#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct Mapping {
    dev_t device;
    ino_t inode;
    const unsigned char *base;
    sqlite3_int64 size;
    int users;
    struct Mapping *next;
} Mapping;

static pthread_mutex_t mappings_lock = PTHREAD_MUTEX_INITIALIZER;
static Mapping *mappings;

/// What SQLite holds for an open file: its methods, the shared map (or NULL), and the default VFS's file,
/// which follows in the same allocation.
typedef struct SharedFile {
    sqlite3_file base;
    Mapping *mapping;
    sqlite3_file *real;
} SharedFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shared_vfs;

static Mapping *acquire(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    struct stat status;
    Mapping *mapping = NULL;
    if (fstat(fd, &status) == 0 && status.st_size > 0) {
        pthread_mutex_lock(&mappings_lock);
        for (mapping = mappings; mapping; mapping = mapping->next) {
            if (mapping->device == status.st_dev && mapping->inode == status.st_ino && mapping->size == status.st_size) break;
        }
        if (mapping) {
            mapping->users += 1;
        } else {
            void *base = mmap(NULL, (size_t)status.st_size, PROT_READ, MAP_SHARED, fd, 0);
            if (base != MAP_FAILED) {
                mapping = calloc(1, sizeof *mapping);
                if (mapping) {
                    mapping->device = status.st_dev;
                    mapping->inode = status.st_ino;
                    mapping->base = base;
                    mapping->size = status.st_size;
                    mapping->users = 1;
                    mapping->next = mappings;
                    mappings = mapping;
                } else {
                    munmap(base, (size_t)status.st_size);
                }
            }
        }
        pthread_mutex_unlock(&mappings_lock);
    }
    close(fd);
    return mapping;
}

static void release(Mapping *mapping) {
    pthread_mutex_lock(&mappings_lock);
    if (--mapping->users == 0) {
        for (Mapping **link = &mappings; *link; link = &(*link)->next) {
            if (*link == mapping) {
                *link = mapping->next;
                break;
            }
        }
        munmap((void *)mapping->base, (size_t)mapping->size);
        free(mapping);
    }
    pthread_mutex_unlock(&mappings_lock);
}

#define REAL(file) (((SharedFile *)(file))->real)

static int shared_close(sqlite3_file *file) {
    SharedFile *shared = (SharedFile *)file;
    if (shared->mapping) release(shared->mapping);
    shared->mapping = NULL;
    return REAL(file)->pMethods->xClose(REAL(file));
}

static int shared_fetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **page) {
    Mapping *mapping = ((SharedFile *)file)->mapping;
    if (!mapping && REAL(file)->pMethods->iVersion >= 3) return REAL(file)->pMethods->xFetch(REAL(file), offset, amount, page);
    // Beyond the map, no page: SQLite then reads the file.
    *page = mapping && offset >= 0 && offset + amount <= mapping->size ? (void *)(mapping->base + offset) : NULL;
    return SQLITE_OK;
}

static int shared_unfetch(sqlite3_file *file, sqlite3_int64 offset, void *page) {
    if (!((SharedFile *)file)->mapping && REAL(file)->pMethods->iVersion >= 3) {
        return REAL(file)->pMethods->xUnfetch(REAL(file), offset, page);
    }
    return SQLITE_OK;
}

static int shared_read(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset) {
    return REAL(f)->pMethods->xRead(REAL(f), buffer, amount, offset);
}
static int shared_write(sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset) {
    return REAL(f)->pMethods->xWrite(REAL(f), buffer, amount, offset);
}
static int shared_truncate(sqlite3_file *f, sqlite3_int64 size) { return REAL(f)->pMethods->xTruncate(REAL(f), size); }
static int shared_sync(sqlite3_file *f, int flags) { return REAL(f)->pMethods->xSync(REAL(f), flags); }
static int shared_file_size(sqlite3_file *f, sqlite3_int64 *size) { return REAL(f)->pMethods->xFileSize(REAL(f), size); }
static int shared_lock(sqlite3_file *f, int level) { return REAL(f)->pMethods->xLock(REAL(f), level); }
static int shared_unlock(sqlite3_file *f, int level) { return REAL(f)->pMethods->xUnlock(REAL(f), level); }
static int shared_check_reserved_lock(sqlite3_file *f, int *out) {
    return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int shared_file_control(sqlite3_file *f, int op, void *argument) {
    return REAL(f)->pMethods->xFileControl(REAL(f), op, argument);
}
static int shared_sector_size(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int shared_device_characteristics(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }
static int shared_shm_map(sqlite3_file *f, int region, int size, int extend, void volatile **out) {
    return REAL(f)->pMethods->xShmMap(REAL(f), region, size, extend, out);
}
static int shared_shm_lock(sqlite3_file *f, int offset, int count, int flags) {
    return REAL(f)->pMethods->xShmLock(REAL(f), offset, count, flags);
}
static void shared_shm_barrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int shared_shm_unmap(sqlite3_file *f, int delete) { return REAL(f)->pMethods->xShmUnmap(REAL(f), delete); }

static const sqlite3_io_methods shared_methods = {
    3, shared_close, shared_read, shared_write, shared_truncate, shared_sync, shared_file_size, shared_lock,
    shared_unlock, shared_check_reserved_lock, shared_file_control, shared_sector_size, shared_device_characteristics,
    shared_shm_map, shared_shm_lock, shared_shm_barrier, shared_shm_unmap, shared_fetch, shared_unfetch,
};

static int shared_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags) {
    (void)vfs;
    SharedFile *shared = (SharedFile *)file;
    memset(shared, 0, sizeof *shared);
    shared->real = (sqlite3_file *)(shared + 1);
    int mapped = name && (flags & SQLITE_OPEN_MAIN_DB) && (flags & SQLITE_OPEN_READONLY);
    Mapping *mapping = mapped ? acquire(name) : NULL;
    int code = real_vfs->xOpen(real_vfs, name, shared->real, flags, out_flags);
    if (code != SQLITE_OK) {
        if (mapping) release(mapping);
        return code;  // SQLite does not close a file whose open failed; pMethods stays NULL
    }
    if (mapping) {
        // The file SQLite opened must be the one mapped (a rebuild renames a new file over the old one).
        struct stat status;
        if (stat(name, &status) != 0 || status.st_dev != mapping->device || status.st_ino != mapping->inode) {
            release(mapping);
            mapping = NULL;
        }
    }
    shared->mapping = mapping;
    file->pMethods = &shared_methods;
    return SQLITE_OK;
}

static int shared_delete(sqlite3_vfs *v, const char *name, int sync) {
    (void)v;
    return real_vfs->xDelete(real_vfs, name, sync);
}
static int shared_access(sqlite3_vfs *v, const char *name, int flags, int *out) {
    (void)v;
    return real_vfs->xAccess(real_vfs, name, flags, out);
}
static int shared_full_pathname(sqlite3_vfs *v, const char *name, int size, char *out) {
    (void)v;
    return real_vfs->xFullPathname(real_vfs, name, size, out);
}
static void *shared_dl_open(sqlite3_vfs *v, const char *name) {
    (void)v;
    return real_vfs->xDlOpen(real_vfs, name);
}
static void shared_dl_error(sqlite3_vfs *v, int size, char *out) {
    (void)v;
    real_vfs->xDlError(real_vfs, size, out);
}
static void (*shared_dl_sym(sqlite3_vfs *v, void *library, const char *symbol))(void) {
    (void)v;
    return real_vfs->xDlSym(real_vfs, library, symbol);
}
static void shared_dl_close(sqlite3_vfs *v, void *library) {
    (void)v;
    real_vfs->xDlClose(real_vfs, library);
}
static int shared_randomness(sqlite3_vfs *v, int size, char *out) {
    (void)v;
    return real_vfs->xRandomness(real_vfs, size, out);
}
static int shared_sleep(sqlite3_vfs *v, int microseconds) {
    (void)v;
    return real_vfs->xSleep(real_vfs, microseconds);
}
static int shared_current_time(sqlite3_vfs *v, double *out) {
    (void)v;
    return real_vfs->xCurrentTime(real_vfs, out);
}
static int shared_get_last_error(sqlite3_vfs *v, int size, char *out) {
    (void)v;
    return real_vfs->xGetLastError(real_vfs, size, out);
}
static int shared_current_time_int64(sqlite3_vfs *v, sqlite3_int64 *out) {
    (void)v;
    return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

static pthread_once_t registration = PTHREAD_ONCE_INIT;
static int registration_code = SQLITE_ERROR;

static void register_once(void) {
    real_vfs = sqlite3_vfs_find(NULL);
    if (!real_vfs || real_vfs->iVersion < 2) return;
    shared_vfs.iVersion = 2;
    shared_vfs.szOsFile = (int)sizeof(SharedFile) + real_vfs->szOsFile;
    shared_vfs.mxPathname = real_vfs->mxPathname;
    shared_vfs.zName = GAZETTEER_SHARED_MAP_VFS;
    shared_vfs.xOpen = shared_open;
    shared_vfs.xDelete = shared_delete;
    shared_vfs.xAccess = shared_access;
    shared_vfs.xFullPathname = shared_full_pathname;
    shared_vfs.xDlOpen = shared_dl_open;
    shared_vfs.xDlError = shared_dl_error;
    shared_vfs.xDlSym = shared_dl_sym;
    shared_vfs.xDlClose = shared_dl_close;
    shared_vfs.xRandomness = shared_randomness;
    shared_vfs.xSleep = shared_sleep;
    shared_vfs.xCurrentTime = shared_current_time;
    shared_vfs.xGetLastError = shared_get_last_error;
    shared_vfs.xCurrentTimeInt64 = shared_current_time_int64;
    registration_code = sqlite3_vfs_register(&shared_vfs, 0);
}

int gazetteer_shared_map_register(void) {
    pthread_once(&registration, register_once);
    return registration_code;
}
