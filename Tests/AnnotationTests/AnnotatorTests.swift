import Annotation
import Foundation
import PropertyBased
import Testing

@Suite struct AnnotatorTests {
    typealias Found = AnnotationTestSupport.Found
    let mentions = AnnotationTestSupport.mentions

    @Test func namesInOneSentenceResolveWithEachOthersContext() throws {
        // Istisu alone is a village in Kalbajar; beside Jermuk and "regions of Armenia" it is Jermuk.
        let text = "Azerbaijan fired at Goris, Sotk and Jermuk (Gorus, Zod and Istisu) regions of Armenia."
        #expect(try mentions(text, .init()) == [
            Found("Azerbaijan", 587116), Found("Goris", 174895), Found("Sotk", 616041), Found("Jermuk", 174884),
            Found("Gorus", 174895), Found("Zod", 616041), Found("Istisu", 174884), Found("Armenia", 174982),
        ])
    }

    @Test(arguments: [
        ("Обстрел в Горисе продолжается.", "Горисе", 174895),
        ("Azərbaycan ordusu İrəvandan gələn xəbərləri təkzib etdi.", "İrəvandan", 616052),
        ("Bakıda keçirilən görüşdə razılaşma əldə olundu.", "Bakıda", 587084),
        ("Ermənistanın müdafiə nazirliyi açıqlama yaydı.", "Ermənistanın", 174982),
        ("Hocalı'da anma töreni düzenlendi.", "Hocalı", 147774),
        ("Ադրբեջանական զինուժը կրակել է Գորիսում։", "Գորիսում", 174895),
        ("Պատվիրակությունը վերադարձավ Երևանից։", "Երևանից", 616052),
        ("The delegation flew on from თბილისში yesterday.", "თბილისში", 611717),
        // The town, not the district of its name whose point lies 20 km away.
        ("Kalbajar's mayor spoke.", "Kalbajar", 586268),
        // Шушу is Шуша's accusative, though it would also be the dative of Шуш (Shush, Iran); the town, not
        // the district of its name.
        ("Азербайджан и Армения: Алиев посетил Шушу.", "Шушу", 147105),
        // A place with a case ending ends the person's name before it.
        ("Prezident İlham Əliyev Şuşada çıxış edib.", "Şuşada", 147105),
        ("Prezident Şuşada çıxış edib.", "Şuşada", 147105),
        // A place with a suffix after an apostrophe is no given name making the next place a surname.
        ("Bakanlık, Ermenistan'ın Kelbecer bölgesinde ateş açtığını açıkladı.", "Kelbecer", 586268),
    ])
    func inflectedNamesAreFoundWithTheSpanAsWritten(text: String, span: String, place: Int) throws {
        let found = try mentions(text, .init())
        #expect(found.contains(Found(span, place)), "\(found)")
    }

    @Test func gluedWordsAreSplitWhereCaseShowsTheSeam() throws {
        #expect(try mentions("Read more in PoliticsBaku today.", .init()) == [Found("Baku", 587084)])
    }

    @Test(arguments: [
        "Stijn Goris scored twice for the visitors.",
        "President Aliyev met Prime Minister Pashinyan on Friday.",
        "Aram Torosyan said the talks would continue.",
        "Chiquita Raquel Henry, 19, was arrested. Henry told deputies she had a lighter.",
    ])
    func peopleAreNotPlaces(text: String) throws {
        #expect(try mentions(text, .init()).allSatisfy { !["Goris", "Aliyev", "Torosyan", "Henry"].contains($0.text) })
    }

    @Test func aWordBeforeAPatronymicIsAGivenName() throws {
        // The patronymics come from OpenCorpora through Scripts/refresh-person-names (Gazetteer/lexicon/), and are
        // looked up in the database per Cyrillic word rather than loaded with the rules.
        let annotator = AnnotationTestSupport.annotator
        #expect(try annotator.annotate("Вчера Горис Петрович приехал домой.").isEmpty)
        #expect(try annotator.annotate("Вчера в Горис приехал министр.").map(\.text) == ["Горис"])
        #expect(!annotator.rules.givenNames.contains("vladimirom"))
        #expect(try annotator.annotate("Он встретился с Владимиром.").isEmpty)
    }

    @Test func ordinaryWordsThatArePlaceNamesAreLeftAlone() throws {
        let text = "Reading the report, officers said the Mobile unit was nice to the Batman fans. Of course, Police said."
        let found = try mentions(text, .init())
        #expect(found == [], "\(found)")
    }

    @Test func headlinesInCapitalsAreRead() throws {
        let found = try mentions("AZERBAIJAN SHELLS GORIS AND JERMUK\nThe army said it returned fire.", .init())
        #expect(found == [Found("AZERBAIJAN", 587116), Found("GORIS", 174895), Found("JERMUK", 174884)])
    }

    @Test func offsetsAreUnicodeScalarsEndExclusive() throws {
        let text = "😀 Ջերմուկ and Goris"
        let found = try AnnotationTestSupport.annotator.annotate(text)
        let scalars = Array(text.unicodeScalars)
        #expect(found.map { [$0.start, $0.end] } == [[2, 9], [14, 19]])
        for mention in found {
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
        }
    }

    @Test func aNameWithAGenericWordIsReportedEvenWhenUnknown() throws {
        let found = try mentions("Shelling hit the Xyzabad district and Goris overnight.", .init())
        #expect(found == [Found("Xyzabad", nil), Found("Goris", 174895)])
    }

    @Test func theDocumentsOwnQualifiersChooseAmongNamesakes() throws {
        #expect(try mentions("Police in Dublin, Ohio, said the road was closed.", .init()).first == Found("Dublin", 5152333))
        #expect(try mentions("The festival in Dublin, Ireland, opens today.", .init()).first == Found("Dublin", 2964574))
    }

    @Test func readingsSettleEvenWhenTheirNeighboursMoveLate() throws {
        // From LGL: "Dublin Village" first leans to Dublin, Ireland, with the many "Dublin"s, then moves to Ohio;
        // "Dublin" must follow it there.
        let text = "Dublin Arts Council awards grants. Dublin gives, Dublin hosts, Dublin sings, Dublin paints. "
            + "The Dublin Community Church helps. Dublin Village joins the Emerald City fair. Dublin thanks the State of Ohio."
        let found = try mentions(text, .init())
        #expect(found.filter { $0.text == "Dublin" }.allSatisfy { $0.place == 5152333 }, "\(found)")
    }

    @Test func aTownAndItsCountySettleEachOther() throws {
        // From LGL: Huntsville alone is the larger Huntsville, Alabama; beside Walker County, which Alabama,
        // Georgia and Texas each have, both are in Texas, Huntsville lying in Walker County, Texas.
        #expect(try mentions("The Huntsville council met today.", .init()) == [Found("Huntsville", 4068590)])
        let text = "The burn ban issued for Walker County was lifted after the Huntsville fire chief met the county judge."
        #expect(try mentions(text, .init()) == [Found("Walker County", 4739690), Found("Huntsville", 4699540)])
    }

    @Test func demonymsCountOnlyWhenAskedFor() throws {
        let text = "Armenian and Azerbaijani officials met."
        #expect(try mentions(text, .init()) == [])
        #expect(try mentions(text, AnnotateOptions(demonyms: true)) == [Found("Armenian", 174982), Found("Azerbaijani", 587116)])
    }

    /// Any text at all: letters of every script, marks, controls, emoji, unpaired surrogates.
    static let randomText = Gen<UInt32>.value().array(of: 0...60).map { picks in
        String(decoding: picks.map { pick -> UInt16 in
            let pools: [ClosedRange<UInt16>] = [0x20...0x7E, 0x41...0x5A, 0x400...0x4FF, 0x531...0x58A, 0x10D0...0x10FF,
                                                0x300...0x36F, 0xD800...0xDFFF, 0x2000...0x206F, 0x0A...0x0D]
            let pool = pools[Int(pick % UInt32(pools.count))]
            return pool.lowerBound + UInt16((pick >> 8) % UInt32(pool.count))
        }, as: UTF16.self)
    }

    @Test func anyTextGivesSpansThatMatchTheirOffsets() async {
        await propertyCheck(count: 300, input: Self.randomText) { text in
            let scalars = Array(text.unicodeScalars)
            for mention in (try? AnnotationTestSupport.annotator.annotate(text)) ?? [] {
                #expect(0 <= mention.start && mention.start < mention.end && mention.end <= scalars.count)
                #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            }
        }
    }

    @Test func aHugeLineWithoutSpacesIsNoProblem() throws {
        let text = String(repeating: "Goris", count: 200_000) + " and Jermuk"
        #expect(try mentions(text, .init()).last == Found("Jermuk", 174884))
    }
}
