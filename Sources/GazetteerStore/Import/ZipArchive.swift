import Foundation

/// The table of contents of a zip archive (PKWARE's APPNOTE), enough to stream one entry of a GeoNames
/// download (`allCountries.zip`, `alternateNamesV2.zip`, `cities500.zip`) without unpacking it first.
///
/// Only what GeoNames and common zip writers produce is read: stored (0) and deflated (8) entries, with or
/// without Zip64 sizes. Anything else (encryption, other methods, archives split over disks) is refused
/// with a reason, never half read.
struct ZipArchive {
    struct Entry: Equatable {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64

        var isDirectory: Bool { name.hasSuffix("/") }
    }

    let path: String
    let entries: [Entry]

    /// Reads the central directory of the archive open at `descriptor`.
    /// - Throws: ``ImportError/corrupt(file:reason:)`` when it is not a readable zip archive.
    init(descriptor: Int32, path: String) throws(ImportError) {
        self.path = path
        let size = UInt64(max(0, lseek(descriptor, 0, SEEK_END)))
        // The end record is 22 bytes, followed by a comment of at most 65,535.
        let tailLength = min(size, 22 + 65_535)
        let tail = try Self.read(descriptor, at: size - tailLength, count: Int(tailLength), path: path)
        guard let end = Self.lastIndex(of: 0x0605_4B50, in: tail, before: tail.count - 21) else {
            throw .corrupt(file: path, reason: "not a zip archive: no end-of-central-directory record")
        }
        var count = UInt64(tail.le16(end + 10))
        var directorySize = UInt64(tail.le32(end + 12))
        var directoryOffset = UInt64(tail.le32(end + 16))
        if tail.le16(end + 4) != 0 || tail.le16(end + 6) != 0 {
            throw .corrupt(file: path, reason: "archives split over several files are not supported")
        }
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // Zip64: a locator just before the end record points at the 64-bit end record.
            guard end >= 20, tail.le32(end - 20) == 0x0706_4B50 else {
                throw .corrupt(file: path, reason: "Zip64 sizes without a Zip64 end-of-central-directory locator")
            }
            let record = try Self.read(descriptor, at: tail.le64(end - 12), count: 56, path: path)
            guard record.le32(0) == 0x0606_4B50 else {
                throw .corrupt(file: path, reason: "the Zip64 end-of-central-directory record is missing")
            }
            count = record.le64(32)
            directorySize = record.le64(40)
            directoryOffset = record.le64(48)
        }
        guard directoryOffset + directorySize <= size, directorySize < 1 << 30 else {
            throw .corrupt(file: path, reason: "the central directory lies outside the file (truncated download?)")
        }
        let directory = try Self.read(descriptor, at: directoryOffset, count: Int(directorySize), path: path)
        var entries: [Entry] = []
        var offset = 0
        for _ in 0..<count {
            guard offset + 46 <= directory.count, directory.le32(offset) == 0x0201_4B50 else {
                throw .corrupt(file: path, reason: "central directory entry \(entries.count + 1) is damaged")
            }
            let nameLength = Int(directory.le16(offset + 28))
            let extraLength = Int(directory.le16(offset + 30))
            let commentLength = Int(directory.le16(offset + 32))
            guard offset + 46 + nameLength + extraLength + commentLength <= directory.count else {
                throw .corrupt(file: path, reason: "central directory entry \(entries.count + 1) is damaged")
            }
            var entry = Entry(
                name: String(decoding: directory[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                method: directory.le16(offset + 10), flags: directory.le16(offset + 8),
                crc32: directory.le32(offset + 16), compressedSize: UInt64(directory.le32(offset + 20)),
                uncompressedSize: UInt64(directory.le32(offset + 24)),
                localHeaderOffset: UInt64(directory.le32(offset + 42)))
            Self.applyZip64(directory[(offset + 46 + nameLength)..<(offset + 46 + nameLength + extraLength)],
                            to: &entry)
            entries.append(entry)
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The entry an import reads: the text file named like the archive (`allCountries.zip` →
    /// `allCountries.txt`, as GeoNames packs them, beside a `readme.txt` or `iso-languagecodes.txt`), or else
    /// the archive's only file.
    func tableEntry() throws(ImportError) -> Entry {
        let files = entries.filter { !$0.isDirectory }
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if let named = files.first(where: { URL(fileURLWithPath: $0.name).lastPathComponent == stem + ".txt" }) {
            return named
        }
        if files.count == 1 { return files[0] }
        if files.isEmpty { throw .corrupt(file: path, reason: "the archive is empty") }
        throw .corrupt(file: path, reason: "the archive holds \(files.count) files and none is \(stem).txt: "
                       + files.prefix(5).map(\.name).joined(separator: ", "))
    }

    /// Where the bytes of `entry` begin, checked against its local header.
    func dataOffset(of entry: Entry, descriptor: Int32) throws(ImportError) -> UInt64 {
        if entry.flags & 0x1 != 0 {
            throw .corrupt(file: path, reason: "\(entry.name) is encrypted")
        }
        guard entry.method == 0 || entry.method == 8 else {
            throw .corrupt(file: path, reason: "\(entry.name) uses compression method \(entry.method); "
                           + "only stored (0) and deflate (8) entries can be read")
        }
        let header = try Self.read(descriptor, at: entry.localHeaderOffset, count: 30, path: path)
        guard header.le32(0) == 0x0403_4B50 else {
            throw .corrupt(file: path, reason: "the local header of \(entry.name) is missing")
        }
        return entry.localHeaderOffset + 30 + UInt64(header.le16(26)) + UInt64(header.le16(28))
    }

    /// Sizes and offset from a Zip64 extended-information field, for those the fixed fields mark as 0xFFFFFFFF.
    private static func applyZip64(_ extra: ArraySlice<UInt8>, to entry: inout Entry) {
        var offset = extra.startIndex
        while offset + 4 <= extra.endIndex {
            let id = extra.le16(offset)
            let length = Int(extra.le16(offset + 2))
            let body = offset + 4
            guard body + length <= extra.endIndex else { return }
            if id == 0x0001 {
                var field = body
                func next() -> UInt64? {
                    guard field + 8 <= body + length else { return nil }
                    defer { field += 8 }
                    return extra.le64(field)
                }
                if entry.uncompressedSize == 0xFFFF_FFFF, let value = next() { entry.uncompressedSize = value }
                if entry.compressedSize == 0xFFFF_FFFF, let value = next() { entry.compressedSize = value }
                if entry.localHeaderOffset == 0xFFFF_FFFF, let value = next() { entry.localHeaderOffset = value }
                return
            }
            offset = body + length
        }
    }

    private static func lastIndex(of signature: UInt32, in bytes: [UInt8], before limit: Int) -> Int? {
        var index = limit - 1
        while index >= 0 {
            if bytes.le32(index) == signature { return index }
            index -= 1
        }
        return nil
    }

    private static func read(_ descriptor: Int32, at offset: UInt64, count: Int,
                             path: String) throws(ImportError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else {
                if got < 0 { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
                throw .corrupt(file: path, reason: "the archive ends early (truncated download?)")
            }
            done += got
        }
        return bytes
    }
}

/// Little-endian fields of zip records.
private extension Collection where Element == UInt8, Index == Int {
    func le16(_ offset: Int) -> UInt16 { UInt16(self[offset]) | UInt16(self[offset + 1]) << 8 }
    func le32(_ offset: Int) -> UInt32 { UInt32(le16(offset)) | UInt32(le16(offset + 2)) << 16 }
    func le64(_ offset: Int) -> UInt64 { UInt64(le32(offset)) | UInt64(le32(offset + 4)) << 32 }
}
