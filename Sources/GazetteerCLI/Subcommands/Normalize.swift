import ArgumentParser
import GazetteerInternals

/// `gazetteer normalize NAME…`: the display form, script and keys of each name.
struct Normalize: TakesNames {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Show the display form, script, search key and match key of names.",
        discussion: "With no NAME (or -), names are read from standard input, one per line."
    )

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json
    }

    @Option(help: "Output format: text (tab-separated, with a header) or json.")
    var format: Format = .text

    @Option(help: "The names' language (BCP 47, e.g. az, ru), for scripts several languages share.")
    var language: String?

    @Argument(help: "Names to normalize (- for standard input).")
    var names: [String] = []

    /// For `Scripts/refresh-key-table`, not for users.
    @Flag(help: .hidden)
    var printKeyTable = false

    /// For `Scripts/refresh-key-table`: `word-keys.tsv` for the names given.
    @Flag(help: .hidden)
    var printWordKeys = false

    /// For `Scripts/refresh-key-table`: the file name of each script transform's table, one a line.
    @Flag(help: .hidden)
    var listTransformTables = false

    /// For `Scripts/refresh-key-table`: the table of the transform whose file name is given (nothing when
    /// there is none to make).
    @Option(help: .hidden)
    var printTransformTable: String?

    func run() throws {
        let output = StandardOutput()
        defer { output.flush() }
        if printKeyTable {
            output.write(try NormalizationRules().searchKeyTableText())
            return
        }
        if listTransformTables || printTransformTable != nil {
            let rules = try NormalizationRules()
            for (id, script) in rules.tabledTransforms {
                if listTransformTables {
                    output.write(NormalizationRules.transformTableFileName(id: id) + "\n")
                } else if NormalizationRules.transformTableFileName(id: id) == printTransformTable {
                    // Nothing for a transform the system ICU lacks or whose table would be too large.
                    output.write(rules.transformTableText(id: id, script: script) ?? "")
                }
            }
            return
        }
        let normalizer = try NameNormalizer()
        if printWordKeys {
            var words = names.filter { $0 != "-" }
            if names.isEmpty || names == ["-"] {
                var reader = LineReader()
                while let line = try reader.next(willBlock: output.flush) { words.append(line) }
            }
            output.write(normalizer.wordKeysText(for: words))
            return
        }
        var json = JSONWriter()
        var records = format == .json ? JSONEnvelope(items: "names", output: output) : nil

        func emit(_ name: String) {
            let keys = normalizer.keys(for: name, language: language)
            switch format {
            case .text:
                output.write([name, keys.display, keys.script, keys.searchKey, keys.matchKey]
                    .map(Self.tabSafe).joined(separator: "\t") + "\n")
            case .json:
                json.reset()
                json.nameKeys(keys, input: name)
                records?.append(json.bytes)
            }
        }

        if format == .text { output.write("input\tdisplay\tscript\tsearch_key\tmatch_key\n") }
        if names.isEmpty || names == ["-"] {
            var reader = LineReader()
            while let line = try reader.next(willBlock: output.flush) { emit(line) }
        } else {
            names.forEach(emit)
        }
        records?.finish()
    }

    /// Tabs and newlines inside a name would break the columns.
    private static func tabSafe(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0.isNewline }) else { return text }
        return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
