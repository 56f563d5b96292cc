import Foundation
import GazetteerFixture
import Testing

/// What the command does when its input, its database, its streams or a signal fail it: one line on
/// standard error, a documented exit status, and nothing lost or left behind.
@Suite struct FailureTests {
    let db = CommandRunner.database
    static let places = FixtureGazetteer.file("places.txt")

    /// The status a shell script printed as `status N` on its last line.
    private func status(_ output: CommandRunner.Output) -> Int? {
        output.stdout.split(separator: "\n").last.flatMap { $0.hasPrefix("status ") ? Int($0.dropFirst(7)) : nil }
    }

    @Test func closedOrFullStandardErrorIsNotACrash() throws {
        let folder = try CommandRunner.scratch()
        try Data([0xFF, 0x00, 0x01, 0x0A]).write(to: folder.appendingPathComponent("bad.txt"))
        let closed = try CommandRunner.shell("\"$G\" resolve --db /nonexistent x 2>&-; echo status $?", in: folder)
        #expect(status(closed) == 66)
        let full = try CommandRunner.shell(
            "\"$G\" import geonames bad.txt --out e.sqlite --lexicon bad.txt 2>/dev/full; echo status $?", in: folder)
        #expect(status(full) == 65)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.txt"])
    }

    @Test(arguments: ["v.txt", "./v.txt", "link.txt", "hard.txt", "../v.txt"])
    func anOutputNamingAnInputIsRefusedBeforeAnythingIsWritten(out: String) throws {
        let folder = try CommandRunner.scratch()
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let names = "1\t174982\ten\tArmenia\t\t\t\t\t\t\n"
        try names.write(to: folder.appendingPathComponent("v.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.txt").path,
                                                   withDestinationPath: "v.txt")
        try FileManager.default.linkItem(atPath: folder.appendingPathComponent("v.txt").path,
                                         toPath: folder.appendingPathComponent("hard.txt").path)
        let base = out == "../v.txt" ? sub : folder
        let result = try CommandRunner.shell(
            "\"$G\" import geonames '\(Self.places)' --alternate-names \(folder.path)/v.txt --out \(out); echo status $?",
            in: base)
        #expect(status(result) == 64)
        #expect(result.stderr.contains("would overwrite the input"))
        #expect(try String(contentsOf: folder.appendingPathComponent("v.txt"), encoding: .utf8) == names)
    }

    @Test func writeErrorsOnStandardOutputAreErrors() throws {
        let folder = try CommandRunner.scratch()
        let full = try CommandRunner.shell("\"$G\" resolve --db '\(db)' Goris >/dev/full; echo status $?", in: folder)
        #expect(status(full) == 74)
        #expect(full.stderr.contains("standard output") && full.stderr.contains("No space left on device"))
        let closed = try CommandRunner.shell("\"$G\" resolve --db '\(db)' Goris >&-; echo status $?", in: folder)
        #expect(status(closed) == 74)
        let annotate = try CommandRunner.shell(
            "echo Goris | \"$G\" annotate --db '\(db)' --format json >/dev/full; echo status $?", in: folder)
        #expect(status(annotate) == 74)
    }

    @Test func aReaderThatStopsEarlyIsAQuietSuccess() throws {
        let folder = try CommandRunner.scratch()
        let result = try CommandRunner.shell(
            "yes Goris | head -200000 | \"$G\" normalize | head -2; echo status ${PIPESTATUS[2]}", in: folder)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("input\tdisplay\tscript\tsearch_key\tmatch_key\nGoris\t"))
        #expect([0, 141].contains(status(result)))
    }

    @Test func annotateReadsPipesFIFOsAndStandardInputByName() throws {
        let folder = try CommandRunner.scratch()
        let script = """
            a=$("$G" annotate --db '\(db)' --format json <(echo Goris)); echo "$a" | grep -q geonames:174895 || echo A
            b=$(echo Goris | "$G" annotate --db '\(db)' --format json /dev/stdin); echo "$b" | grep -q 174895 || echo B
            mkfifo fifo; (echo Goris > fifo &)
            c=$("$G" annotate --db '\(db)' --format json fifo); echo "$c" | grep -q 174895 || echo C
            echo status 0
            """
        let result = try CommandRunner.shell(script, in: folder)
        #expect(result.stdout == "status 0\n", "\(result.stderr)")
    }

    @Test func aFolderOrAForeignOrTruncatedDatabaseIsNamedWithTheReason() throws {
        let folder = try CommandRunner.scratch()
        let truncated = folder.appendingPathComponent("cut.sqlite")
        let whole = try Data(contentsOf: URL(fileURLWithPath: db))
        try whole.prefix(whole.count / 2).write(to: truncated)
        try "not a database\n".write(to: folder.appendingPathComponent("text.sqlite"), atomically: true, encoding: .utf8)
        let cases: [([String], Int32, [String])] = [
            (["resolve", "--db", folder.path, "Goris"], 66, [folder.path, "Is a directory"]),
            (["annotate", "--db", db, folder.path], 66, [folder.path, "Is a directory"]),
            (["resolve", "--db", folder.appendingPathComponent("text.sqlite").path, "Goris"], 65, ["not an SQLite database"]),
            (["resolve", "--db", truncated.path, "Goris"], 65, ["truncated", "gazetteer build --out \(truncated.path)"]),
        ]
        for (arguments, expected, phrases) in cases {
            let result = try CommandRunner.run(arguments)
            #expect(result.status == expected, "\(arguments)")
            #expect(result.stderr.hasPrefix("gazetteer: error: ") && result.stderr.filter { $0 == "\n" }.count == 1,
                    "\(result.stderr)")
            for phrase in phrases { #expect(result.stderr.contains(phrase), "\(result.stderr)") }
        }
    }

    @Test func anOutputThatCannotBeCreatedFailsBeforeReadingAnything() throws {
        let folder = try CommandRunner.scratch()
        for (out, reason) in [(folder.path, "Is a directory"), ("/proc/none/x.sqlite", "cannot create the folder /proc/none")] {
            let result = try CommandRunner.run(["import", "geonames", Self.places, "--out", out])
            #expect(result.status == 73)
            #expect(result.stderr.hasPrefix("gazetteer: error: \(out): build failed, nothing written: ")
                && result.stderr.contains(reason), "\(result.stderr)")
        }
    }

    /// A damaged table read by the hot lookups (`key_index`), or by the database's own queries (`place`).
    @Test(arguments: [("key_index", "resolve --format ndjson Goris"), ("place", "info geonames:174884")])
    func aDamagedTableIsAnErrorNotAnEmptyAnswer(table: String, command: String) throws {
        let folder = try CommandRunner.scratch()
        try FileManager.default.copyItem(atPath: db, toPath: folder.appendingPathComponent("damaged.sqlite").path)
        // Overwrites the table's root page, which every read of it starts from.
        let script = """
            python3 - damaged.sqlite <<'END'
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            size = c.execute("PRAGMA page_size").fetchone()[0]
            root = c.execute("SELECT rootpage FROM sqlite_master WHERE name = '\(table)'").fetchone()[0]
            c.close()
            with open(sys.argv[1], "r+b") as f:
                f.seek((root - 1) * size); f.write(b"\\xff" * size)
            END
            "$G" \(command) --db damaged.sqlite; echo status $?
            """
        let result = try CommandRunner.shell(script, in: folder)
        #expect(status(result) == 65)
        #expect(result.stderr.hasPrefix("gazetteer: error: damaged.sqlite: the database is damaged (")
                && result.stderr.contains("rebuild"), "\(result.stderr)")
    }

    @Test func importOfABinaryOrEmptyFileBuildsNothing() throws {
        let folder = try CommandRunner.scratch()
        let empty = folder.appendingPathComponent("empty.txt")
        _ = FileManager.default.createFile(atPath: empty.path, contents: Data())
        let lexicon = folder.appendingPathComponent("words.txt")
        try "word\n".write(to: lexicon, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("x.sqlite").path
        let binary = try CommandRunner.run(["import", "geonames", CommandRunner.executable.path, "--lexicon",
                                            lexicon.path, "--out", out])
        #expect(binary.status == 65)
        #expect(binary.stderr.contains("no usable row") && binary.stderr.contains("rows rejected as malformed"))
        let nothing = try CommandRunner.run(["import", "geonames", empty.path, "--lexicon", lexicon.path, "--out", out])
        #expect(nothing.status == 65 && nothing.stderr.contains("empty.txt: error: the file has no rows"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: ["TERM", "INT"])
    func anImportStoppedByASignalRemovesItsTemporaryFile(signal: String) throws {
        let folder = try CommandRunner.scratch()
        // The import waits on a FIFO that is never closed, so the signal surely comes in the middle of it.
        // Job control, so that the background job does not start with SIGINT ignored, as bash's do without it.
        let script = """
            set -m
            mkfifo places.txt; exec 3<>places.txt
            echo word > words.txt
            "$G" import geonames places.txt --lexicon words.txt --out out.sqlite & pid=$!
            for i in $(seq 300); do ls -a | grep -q '\\.tmp$' && break; sleep 0.05; done
            ls -a | grep -q '\\.tmp$' || echo "no temporary file"
            (sleep 30; kill -9 $pid 2>/dev/null) & watchdog=$!
            kill -\(signal) $pid; wait $pid; s=$?; kill $watchdog 2>/dev/null
            ls -a | grep '\\.tmp$'
            echo status $s
            """
        let result = try CommandRunner.shell(script, in: folder)
        #expect(result.stdout == "status \(signal == "INT" ? 130 : 143)\n", "\(result.stderr)")
    }

    @Test func aDatabaseBuiltUnderOtherRulesIsWarnedAbout() throws {
        let folder = try CommandRunner.scratch()
        try FileManager.default.copyItem(atPath: db, toPath: folder.appendingPathComponent("old.sqlite").path)
        let script = """
            python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); \
            c.execute(\\"UPDATE metadata SET value = 'other' WHERE key = 'normalization_rules'\\"); c.commit()" old.sqlite
            "$G" resolve --db old.sqlite --format ndjson Goris; echo status $?
            """
        let result = try CommandRunner.shell(script, in: folder)
        #expect(result.stderr.contains("gazetteer: warning: old.sqlite: built with other normalization rules"))
        #expect(result.stderr.contains("rebuild"))
        #expect(status(result) == 0)
        let current = try CommandRunner.run(["resolve", "--db", db, "Goris"])
        #expect(current.stderr.isEmpty)
    }
}
