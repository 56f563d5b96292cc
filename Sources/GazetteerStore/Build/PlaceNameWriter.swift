import GRDB

/// Writes the loaded names into `place_name`, one row of ``StoredNames`` records per place in the order of
/// pids, counts them by kind and source into `name_count`, and drops the load table.
enum PlaceNameWriter {
    /// - Returns: the number of names written.
    static func write(in db: Database) throws -> Int {
        try db.execute(sql: """
            INSERT INTO main.name_count (kind, source, names)
            SELECT kind, source, count(*) FROM temp.name_load GROUP BY kind, source
            """)
        let insert = try db.makeStatement(sql: "INSERT INTO main.place_name (pid, names) VALUES (?, ?)")
        let rows = try db.makeStatement(sql: """
            SELECT pid, seq, name, language, kind, source, citation, search_key FROM temp.name_load ORDER BY pid, seq
            """)
        var currentPID: Int64?
        var previousSeq: Int?
        var blob: [UInt8] = []
        var count = 0
        func flush() throws {
            guard let pid = currentPID else { return }
            insert.bind(1, pid)
            insert.bind(2, blob: blob)
            try insert.run(in: db)
            blob.removeAll(keepingCapacity: true)
            previousSeq = nil
        }
        try rows.forEachRow(in: db) { row in
            let pid = Column.int(row, 0)
            if pid != currentPID {
                try flush()
                currentPID = pid
            }
            let record = StoredNames.Record(
                seq: Int(Column.int(row, 1)), name: Column.text(row, 2) ?? "", language: Column.text(row, 3) ?? "",
                kind: UInt8(truncatingIfNeeded: Column.int(row, 4)), source: Column.int(row, 5),
                citation: Column.text(row, 6), searchKey: Column.text(row, 7))
            StoredNames.append(record, after: previousSeq, to: &blob)
            previousSeq = record.seq
            count += 1
        }
        try flush()
        try db.execute(sql: "DROP TABLE temp.name_load")
        return count
    }
}
