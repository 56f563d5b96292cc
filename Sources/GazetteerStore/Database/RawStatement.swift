import GRDB
import GRDBSQLite

/// Binding and stepping a prepared GRDB statement through SQLite's C API.
///
/// A build inserts millions of rows and a lookup runs hundreds of thousands of times a second; GRDB's
/// `StatementArguments` would allocate an array of values per row, so the hot paths bind directly.
extension Statement {
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: String?) {
        if let value {
            sqlite3_bind_text(sqliteStatement, index, value, -1, Self.transient)
        } else {
            sqlite3_bind_null(sqliteStatement, index)
        }
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(sqliteStatement, index, value)
    }

    func bind(_ index: Int32, _ value: Double) {
        sqlite3_bind_double(sqliteStatement, index, value)
    }

    func bind(_ index: Int32, blob: [UInt8]) {
        blob.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(sqliteStatement, index, raw.baseAddress, Int32(raw.count), Self.transient)
        }
    }

    /// Runs an insert, update or delete; returns the number of rows it changed.
    @discardableResult
    func run(in db: Database) throws -> Int {
        defer { sqlite3_reset(sqliteStatement) }
        let code = sqlite3_step(sqliteStatement)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }

    /// Steps a query, calling `row` for each result row; the statement is reset afterwards.
    func forEachRow(in db: Database, _ row: (OpaquePointer) throws -> Void) throws {
        defer { sqlite3_reset(sqliteStatement) }
        while true {
            let code = sqlite3_step(sqliteStatement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            try row(sqliteStatement)
        }
    }
}

/// Column readers for ``Statement/forEachRow(in:_:)``.
enum Column {
    static func text(_ statement: OpaquePointer, _ index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(statement, index) else { return nil }
        // SQLite knows the length: no scan for the terminating zero (String(cString:) made one per column).
        return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, index))),
                      as: UTF8.self)
    }

    static func int(_ statement: OpaquePointer, _ index: Int32) -> Int64 {
        sqlite3_column_int64(statement, index)
    }

    static func double(_ statement: OpaquePointer, _ index: Int32) -> Double {
        sqlite3_column_double(statement, index)
    }
}
