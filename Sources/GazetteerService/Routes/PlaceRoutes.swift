import Foundation
import GazetteerInternals
import Hummingbird

/// `GET /v1/places/{id}` (a place with all its names; a bare number is a GeoNames id), `GET /v1/reverse`
/// (the places nearest a point) and `POST /v1/normalize` (the keys of names).
struct PlaceRoutes {
    let context: RouteContext

    func register(on router: Router<BasicRequestContext>) {
        router.get("v1/places/:id") { _, requestContext in
            let given = try requestContext.parameters.require("id")
            let id = given.allSatisfy(\.isNumber) ? "geonames:\(given)" : given
            let database = context.service.database
            guard let place = try database.place(id: id) else {
                throw APIError(.notFound, code: "not_found", "no place with id \(given)")
            }
            let names = try database.names(of: id)
            return Responses.json { $0.placeInfo(place, names: names) }
        }
        router.get("v1/reverse") { request, _ in
            let parameters = QueryParameters(request)
            let (latitude, longitude) = try parameters.latitudeLongitude()
            let limit = try parameters.int("limit", default: 5, in: 1...100)
            let features = try parameters.features("feature")
            let database = context.service.database
            let nearby = try await context.compute.run {
                try database.places(nearLatitude: latitude, longitude: longitude, limit: limit, where: features.admits)
            }
            return Responses.json { json in
                json.beginObject()
                json.key("attribution"); json.string(Attribution.text)
                json.key("places")
                json.beginArray()
                for place in nearby { json.nearbyPlace(place) }
                json.endArray()
                json.endObject()
            }
        }
        router.post("v1/normalize") { request, _ in
            var request = request
            let body = try await Body.collect(&request, limit: context.configuration.bodyLimit)
            let names = try BatchNames.parse(body, contentType: request.headers[.contentType])
            let normalizer = context.service.resolver.normalizer
            return Responses.json { json in
                json.beginObject()
                json.key("names")
                json.beginArray()
                for name in names { json.nameKeys(normalizer.keys(for: name), input: name) }
                json.endArray()
                json.endObject()
            }
        }
    }
}
