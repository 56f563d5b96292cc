import Foundation
import GazetteerStore
import Testing

/// Who's On First records merged into the fixture store (`Fixtures/wof/`, real records with their names).
@Suite struct WhosOnFirstImportTests {
    typealias Support = StoreTestSupport

    /// The fixture store with the WOF fixture loaded after the curated overlay, as `build.tsv` orders them.
    static let built: (GazetteerDatabase, StoreBuilder.Report) = {
        let url = Support.scratch().appendingPathComponent("wof.sqlite")
        let report = try! Support.buildFixture(at: url, whosOnFirst: URL(fileURLWithPath: Support.fixture("wof")))
        return (try! GazetteerDatabase(path: url.path), report)
    }()

    var gazetteer: GazetteerDatabase { Self.built.0 }

    /// The header of the extract's `places.tsv` and of its `names.tsv`.
    static let placesHeader = "wof_id\tplacetype\tname\tcountry\tlatitude\tlongitude\tpopulation\tgeonames_id\t"
        + "country_id\tregion_id\tcounty_id\tlocaladmin_id\tis_current\tdeprecated\tsuperseded_by\tlastmodified\n"
    static let namesHeader = "wof_id\tlanguage\tkind\tname\n"

    /// Writes a WOF extract of `places` and `names` rows (headers added) into a `wof` folder of `folder`.
    @discardableResult
    static func writeExtract(places: String, names: String, in folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        Support.write(placesHeader + places, to: "places.tsv", in: folder)
        Support.write(namesHeader + names, to: "names.tsv", in: folder)
        return folder
    }

    func names(_ id: String) throws -> [PlaceName] { try gazetteer.names(of: id) }

    @Test func oneNewPlacePerRealPlace() throws {
        // 8 fixture places + Vaghatur, Zorakan, Jrap'i and the Shahumyan S. neighbourhood.
        #expect(Self.built.1.places == 12)
        #expect(try gazetteer.statistics().metadata["wof_import"]
                == "2 by concordance, 1 by name and distance, 4 new places, 1 superseded, 1 left out, "
                + "0 divisions without a place")
    }

    @Test func concordanceAddsNamesToTheGeoNamesPlaceWithoutRepeatingThem() throws {
        let goris = try names("geonames:174895")
        #expect(goris.contains { $0.name == "Geryusy" && $0.source == "wof" && $0.kind == .alternate })
        #expect(goris.contains {
            $0.name == "გორისი" && $0.source == "wof" && $0.language == "ka" && $0.kind == .preferred
        })
        #expect(goris.filter { $0.name == "Горис" }.count == 1, "a spelling GeoNames has is not added again")
        #expect(try gazetteer.place(id: "wof:421199795") == nil)
        #expect(try names("geonames:409314").contains { $0.name == "Սյունիք" && $0.source == "wof" })
    }

    @Test func recordWithoutConcordanceJoinsTheSameNamedPlaceNearby() throws {
        #expect(try gazetteer.place(id: "wof:1108784107") == nil, "WOF's Sotk is GeoNames' Sotk, 1.5 km away")
        #expect(try names("geonames:616041").contains { $0.name == "სოთქი" && $0.source == "wof" })
    }

    @Test func newPlacesKeepEveryNameAndGetTheirDivision() throws {
        let vaghatur = try #require(try gazetteer.place(id: "wof:1108783585"))
        #expect(vaghatur.name == "Vaghatur" && vaghatur.feature == "P.PPL" && vaghatur.country == "AM")
        #expect(vaghatur.admin1 == "08" && vaghatur.admin1Name == "Syunik" && vaghatur.source == "wof")
        #expect(try names("wof:1108783585").contains { $0.name == "Վաղատուր" && $0.language == "hy" })

        // Tavush, Zorakan's region, is not in the fixture store: the nearest place's division stands in.
        #expect(try gazetteer.place(id: "wof:1344141273")?.admin1 == "07")
        let zorakan = try names("wof:1344141273")
        #expect(zorakan.contains { $0.name == "Yuxarı Körpülü" && $0.language == "az" })
        #expect(zorakan.contains { $0.name == "Verin Kerpilu" && $0.kind == .alternate })
        #expect(zorakan.contains { $0.name == "Zorakan" && $0.kind == .preferred })
    }

    @Test func deprecatedRecordsAreLeftOutAndSupersededOnesLendTheirNames() throws {
        #expect(try gazetteer.place(id: "wof:1242696135") == nil)
        let jrapi = try names("wof:1209211701")
        #expect(jrapi.contains { $0.name == "Dzhrapi" })
        #expect(!jrapi.contains { $0.name == "Chirpili" || $0.name == "Nerkin Dzhrapi" },
                "names of a deprecated record are not trusted")

        #expect(try gazetteer.place(id: "wof:1259977481") == nil)
        #expect(try gazetteer.place(id: "wof:1863991057")?.feature == "P.PPLX")
        #expect(try names("wof:1863991057").contains { $0.name == "Shahumyan Sovkhoz" })
    }

    @Test func anAncestorAcrossTheBorderDoesNotGiveItsDivision() throws {
        // Real rows: GeoNames' Zangilan rayon, WOF's Zəngilan region, and Nerk'in Hand, a village of Armenia
        // that WOF files under it.
        let folder = Support.scratch()
        let zangilan = "146900\tZǝngilan\tZangilan Rayon\t\t39.05697\t46.69159\tA\tADM1\tAZ\t\t69\t\t\t\t13836\t\t\t"
            + "Asia/Baku\t\n"
        let places = Support.write(zangilan, to: "zangilan.txt", in: folder)
        let wof = try Self.writeExtract(places: """
            85668659\tregion\tZəngilan\tAZ\t39.05545\t46.64146\t35336\t146900\t85632717\t85668659\t\t\t1\t\t\t2023-09-28
            1209906983\tlocality\tNerk'in Hand\tAM\t39.04131\t46.51623\t0\t174815\t85632717\t85668659\t\t1108783745\t-1\t\t\t\
            2019-08-23

            """, names: "1209906983\thy\tvariant\tՆերքին Հանդ\n", in: folder.appendingPathComponent("wof"))
        let url = folder.appendingPathComponent("db.sqlite")
        try Support.buildFixture(at: url, extraPlaces: [places], whosOnFirst: wof)
        let village = try #require(try GazetteerDatabase(path: url.path).place(id: "wof:1209906983"))
        #expect(village.country == "AM" && village.admin1 == "08", "Goris, the nearest place, is in Syunik")
    }

    @Test func aDivisionNamedAfterItsCityLeavesTheCityItsNames() throws {
        // Real rows: WOF's region "Stepanakert", whose concordance names GeoNames' Xocalı rayon, and the city
        // inside it, which GeoNames has as Khankendi with 2,100 people. The region took the city's names in
        // every language and outranked it; now they stay with the city, which takes WOF's population.
        let folder = Support.scratch()
        let rows = "148449\tXocalı\tXocali Rayon\t\t39.92636\t46.81187\tA\tADM1\tAZ\t\t64\t\t\t\t7449\t\t\t"
            + "Asia/Baku\t\n"
            + "146970\tKhankendi\tKhankendi\t\t39.8177\t46.7528\tP\tPPL\tAZ\t\t61\t\t\t\t2100\t\t\t"
            + "Asia/Baku\t\n"
        let places = Support.write(rows, to: "karabakh.txt", in: folder)
        let wof = try Self.writeExtract(places: """
            85668691\tregion\tStepanakert\tAZ\t39.83399\t46.79679\t54515\t148449\t85632717\t85668691\t\t\t1\t\t\t\
            2023-09-28
            421193975\tlocality\tXankändi\tAZ\t39.81770\t46.75280\t53100\t146970\t85632717\t85668691\t\t\t1\t\t\t\
            2023-08-01

            """, names: """
            85668691\tru\tpreferred\tСтепанакерт
            85668691\taz\tpreferred\tXocalı Rayonu
            421193975\ten\tpreferred\tStepanakert
            421193975\tru\tpreferred\tСтепанакерт

            """, in: folder.appendingPathComponent("wof"))
        let url = folder.appendingPathComponent("db.sqlite")
        try Support.buildFixture(at: url, extraPlaces: [places], whosOnFirst: wof)
        let database = try GazetteerDatabase(path: url.path)
        let district = try database.names(of: "geonames:148449").map(\.name)
        #expect(!district.contains("Stepanakert") && !district.contains("Степанакерт"))
        #expect(district.contains("Xocalı Rayonu"), "the division keeps the names that are its own")
        let city = try database.names(of: "geonames:146970").map(\.name)
        #expect(city.contains("Stepanakert") && city.contains("Степанакерт"))
        #expect(try database.place(id: "geonames:146970")?.population == 53100)
    }

    @Test func malformedRecordsAreReportedByFileLineAndFieldAndSkipped() throws {
        let folder = Support.scratch()
        let places = Support.write(Self.placesHeader
            + "1\tlocality\tNorth\tAM\t95.0\t45.0\t0\t\t\t\t\t\t1\t\t\t\n"
            + "2\tlocality\tFine\tAM\t40.5\t45.5\t0\t\t\t\t\t\t1\t\t\t\n", to: "places.tsv", in: folder)
        let names = Support.write(Self.namesHeader + "2\thy\tsurname\tFine\n3\thy\tpreferred\tNone\n",
                                  to: "names.tsv", in: folder)
        let log = ReportLog()
        let report = try Support.buildFixture(at: folder.appendingPathComponent("db.sqlite"), whosOnFirst: folder,
                                              reported: log)
        #expect(report.places == 9)
        #expect(report.skippedRows[places] == 1 && report.skippedRows[names] == 2)
        let described = log.errors.map(\.description)
        #expect(described.contains("\(places):2: error: field 'latitude': 95.0 is out of range -90…90"))
        #expect(described.contains { $0.hasPrefix("\(names):2: error: field 'kind': 'surname' is not one of") })
        #expect(described.contains("\(names):3: error: field 'wof_id': no record 3 in places.tsv"))
    }
}
