import Normalization

extension JSONWriter {
    /// The `normalize` output object: `input`, `display`, `script`, `search_key`, `match_key`.
    package mutating func nameKeys(_ keys: NameKeys, input: String) {
        beginObject()
        key("input"); string(input)
        key("display"); string(keys.display)
        key("script"); string(keys.script)
        key("search_key"); string(keys.searchKey)
        key("match_key"); string(keys.matchKey)
        endObject()
    }
}
