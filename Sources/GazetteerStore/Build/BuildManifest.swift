import Foundation
import Glibc
import Normalization

/// The inputs of a build, read from a data folder's `build.tsv` (kind, path, label per line), and the
/// build that loads them in order.
public struct BuildManifest: Sendable {
    public enum Kind: String, Sendable {
        case countryInfo, admin1, admin2, places, alternateNames, curated, whosOnFirst, lexicon
    }

    public struct Input: Sendable {
        public var kind: Kind
        public var path: URL
        public var label: String
    }

    public var inputs: [Input]
    /// The data folder the paths are relative to.
    public var directory: URL

    /// Reads `build.tsv` in `directory`.
    /// - Throws: ``ImportError`` naming the line of a malformed entry.
    public init(directory: URL) throws(ImportError) {
        self.directory = directory
        let reader = try LineReader(path: directory.appendingPathComponent("build.tsv").path)
        var inputs: [Input] = []
        while let bytes = try reader.next() {
            let row = TabularRow(bytes, file: reader.path, line: reader.lineNumber)
            if row.isCommentOrBlank { continue }
            try row.require(columns: 3)
            let kindText = try row.required(0, "kind")
            guard let kind = Kind(rawValue: kindText) else { throw row.error("kind", "unknown kind '\(kindText)'") }
            let path = directory.appendingPathComponent(try row.required(1, "path"))
            guard FileManager.default.fileExists(atPath: path.path) else {
                throw row.error("path", "\(path.path) does not exist")
            }
            inputs.append(Input(kind: kind, path: path, label: try row.required(2, "label")))
        }
        self.inputs = inputs
    }

    /// A fingerprint of the inputs and the normalization rules as they are on disk (paths, sizes and
    /// modification times): a default database built from other data is rebuilt. Every command that uses the
    /// default database computes it, so the folder is walked with `lstat` rather than Foundation's enumerator
    /// and attribute dictionaries, which cost a fresh `resolve` a sixth of its instructions.
    package func fingerprint() -> String {
        var hasher = FNV1a()
        for file in Self.regularFiles(under: directory.path).sorted(by: { $0.path < $1.path }) {
            hasher.add("\(file.path)\t\(file.size)\t\(file.modifiedMilliseconds)\n")
        }
        return hasher.hex
    }

    /// The regular files below `root` (symbolic links not followed), by path relative to it; notes (`.md`) left
    /// out since they change no build.
    static func regularFiles(under root: String, prefix: String = "") -> [(path: String, size: Int, modifiedMilliseconds: Int)] {
        guard let directory = opendir(root) else { return [] }
        defer { closedir(directory) }
        var files: [(path: String, size: Int, modifiedMilliseconds: Int)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = root + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                files += regularFiles(under: path, prefix: prefix + name + "/")
            case S_IFREG where !name.hasSuffix(".md"):
                files.append((prefix + name, Int(status.st_size),
                              Int(status.st_mtim.tv_sec) * 1000 + Int(status.st_mtim.tv_nsec) / 1_000_000))
            default:
                continue
            }
        }
        return files
    }

    /// Loads every input into `builder`, in order.
    public func load(into builder: StoreBuilder) throws {
        for input in inputs {
            switch input.kind {
            case .countryInfo: try builder.importCountryInfo(path: input.path.path, label: input.label)
            case .admin1: try builder.importAdmin1Codes(path: input.path.path, label: input.label)
            case .admin2: try builder.importAdmin2Codes(path: input.path.path, label: input.label)
            case .places: try builder.importPlaces(path: input.path.path, label: input.label)
            case .alternateNames: try builder.importAlternateNames(path: input.path.path, label: input.label)
            case .curated: try builder.importCurated(directory: input.path, label: input.label)
            case .whosOnFirst: try builder.importWhosOnFirst(directory: input.path, label: input.label)
            case .lexicon: try builder.importLexicon(path: input.path.path, label: input.label)
            }
        }
    }
}

/// 64-bit FNV-1a: a stable, dependency-free fingerprint (not a security hash).
struct FNV1a {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }

    var value: UInt64 { hash }
    var hex: String { String(hash, radix: 16) }
}
