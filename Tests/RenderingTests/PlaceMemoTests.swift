import GazetteerStore
import Normalization
import Testing
@testable import Rendering

/// Place fields copied from the writer's memo are the bytes written afresh, wherever the place falls.
@Suite struct PlaceMemoTests {
    static let places = [
        Place(id: "geonames:174875", name: "Goris", featureClass: "P", featureCode: "PPLA", country: "AM",
              admin1: "11", admin1Name: "Syunik", latitude: 39.51111, longitude: 46.33722, population: 20_591,
              source: "geonames", countryName: "Armenia"),
        Place(id: "curated:say \"Jermuk\"", name: "Jermuk \\ Ջերմուկ", featureClass: "P", featureCode: "PPL",
              country: "AM", latitude: 39.84, longitude: 45.67, source: "curated"),
    ]

    /// Every place twice, as an object, after a field, and inside an array, by `write`.
    static func output(memo: Memo<String, [UInt8]>?) -> [UInt8] {
        var json = JSONWriter()
        json.placeMemo = memo
        json.beginArray()
        for _ in 0..<2 {
            for place in places {
                json.beginObject()
                json.placeFields(place)
                json.endObject()
                json.beginObject()
                json.key("document"); json.string("a")
                json.placeFields(place)
                json.key("after"); json.number(1)
                json.endObject()
            }
        }
        json.endArray()
        return json.bytes
    }

    @Test func rememberedFieldsAreTheWrittenOnes() {
        let memo = Memo<String, [UInt8]>(capacity: 64)
        let fresh = Self.output(memo: nil)
        #expect(Self.output(memo: memo) == fresh)
        #expect(memo.remembered(for: "geonames:174875") != nil)
        // A second writer copies every place from the memo the first filled.
        #expect(Self.output(memo: memo) == fresh)
        let text = String(decoding: fresh, as: UTF8.self)
        #expect(text.hasPrefix(#"[{"id":"geonames:174875","geonameid":174875,"name":"Goris","#))
        #expect(text.contains(#"{"document":"a","id":"curated:say \"Jermuk\"","#))
        #expect(text.contains(#""source":"curated","after":1}"#))
    }
}
