import Normalization

extension JSONWriter {
    /// The `normalize` output object: `input`, `display`, `script`, `searchKey`, `matchKey`.
    public mutating func nameKeys(_ keys: NameKeys, input: String) {
        beginObject()
        key("input"); string(input)
        key("display"); string(keys.display)
        key("script"); string(keys.script)
        key("searchKey"); string(keys.searchKey)
        key("matchKey"); string(keys.matchKey)
        endObject()
    }
}
