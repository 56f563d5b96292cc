import GazetteerInternals
import Hummingbird

/// Responses built from the output schema's writers, so the service speaks the command line's JSON.
enum Responses {
    static func json(_ write: (inout JSONWriter) -> Void, status: HTTPResponse.Status = .ok,
                     contentType: String = "application/json") -> Response {
        var writer = JSONWriter()
        write(&writer)
        writer.raw("\n")
        return Response(status: status, headers: [.contentType: contentType],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: writer.bytes)))
    }

    static func text(_ text: String, contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
