import Foundation
import Hummingbird
import Report
import Scenario

/// The request context of the board room: bodies are capped at `BoardRoom.maximumBody`.
public struct BoardRoomContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public init(source: ApplicationRequestContextSource) { coreContext = .init(source: source) }
    public var maxUploadSize: Int { BoardRoom.maximumBody }
}

/// Refuses requests whose `Host` is not the address the server is bound to (or `localhost`):
/// a page of another site cannot reach the board room through DNS rebinding.
struct HostCheck: RouterMiddleware {
    typealias Context = BoardRoomContext
    let allowed: Set<String>?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let allowed {
            // HTTP/1's Host header (NIO moves it to the authority; a client may send either).
            let host = request.headers.first { $0.name.canonicalName == "host" }?.value ?? request.head.authority ?? ""
            let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }) + "]" : String(host.split(separator: ":").first ?? "")
            guard allowed.contains(name.lowercased()) else {
                return BoardRoom.error(.forbidden, "host \(host) is not this server's address")
            }
        }
        return try await next(request, context)
    }
}

extension BoardRoom {
    /// The page and its script and style, read once from the module's resources.
    static let page: [String: (type: String, data: Data)] = {
        var files: [String: (String, Data)] = [:]
        for (name, type) in [("index.html", "text/html; charset=utf-8"), ("board.js", "text/javascript; charset=utf-8"),
                             ("board.css", "text/css; charset=utf-8")] {
            let parts = name.split(separator: ".").map(String.init)
            if let url = Bundle.module.url(forResource: parts[0], withExtension: parts[1], subdirectory: "page"),
               let data = try? Data(contentsOf: url) {
                files[name] = (type, data)
            }
        }
        return files
    }()

    static func json(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        json((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8), status: status)
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(["error": message], status: status)
    }

    /// Decodes a JSON body of at most `maximumBody` bytes: 413 when larger, 400 when not the type.
    static func body<T: Decodable>(_ type: T.Type, of request: Request) async throws -> T {
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: maximumBody) } catch {
            throw HTTPError(.contentTooLarge, message: "the request body is larger than \(maximumBody) bytes")
        }
        do { return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView)) } catch let DecodingError.keyNotFound(key, _) {
            throw BoardRoomInputError("the request has no '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw BoardRoomInputError("'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type: \(context.debugDescription)")
        } catch {
            throw BoardRoomInputError("the request body is not valid JSON for this call")
        }
    }

    /// The words of the page in `language`: every phrase of the board report (`Phrase`, by its
    /// case name) and the page's own.
    static func labels(_ language: ReportLanguage) -> [String: String] {
        var words = Dictionary(uniqueKeysWithValues: Phrase.allCases.map { (String(describing: $0), language($0)) })
        for (key, en, vi) in PageWords.table { words[key] = language == .vi ? vi : en }
        return words
    }

    /// The router: the page, `GET /api/park`, `GET /api/labels`, `POST /api/evaluate`, `POST /api/report`.
    public func router(allowedHosts: Set<String>?) -> Router<BoardRoomContext> {
        let router = Router(context: BoardRoomContext.self)
        router.add(middleware: HostCheck(allowed: allowedHosts))
        for (name, file) in Self.page {
            let path = name == "index.html" ? "/" : "/\(name)"
            router.get(RouterPath(path)) { _, _ in
                Response(status: .ok, headers: [.contentType: file.type, .cacheControl: "no-cache"],
                         body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.data)))
            }
        }
        let park = self.park
        router.get("/api/park") { _, _ in
            let base = park.base
            let policies = base.policies.map { p -> [String: Any] in
                ["id": p.id, "name": p.title ?? p.id, "name_vi": p.titleVi ?? p.title ?? p.id,
                 "description": p.description, "description_vi": p.descriptionVi ?? p.description]
            }
            let levers = (try? JSONSerialization.jsonObject(with: JSONEncoder().encode(park.levers))) ?? []
            return Self.json(["scenario": base.name, "file": (park.file as NSString).lastPathComponent, "currency": base.currency,
                              "policies": policies, "levers": levers, "status_quo": park.appraisal.statusQuoName,
                              "first_samples": Self.firstSamples, "sample_steps": Self.sampleSteps,
                              "maximum_samples": Self.maximumSamples, "has_uncertainty": base.uncertainty != nil] as [String: Any])
        }
        router.get("/api/labels") { request, _ in
            let lang = request.uri.queryParameters.get("lang") ?? "en"
            guard let language = ReportLanguage(rawValue: lang) else { return Self.error(.badRequest, "lang must be en or vi, got \(lang)") }
            return Self.json(Self.labels(language))
        }
        router.post("/api/evaluate") { request, _ in
            do {
                switch try await self.evaluate(try await Self.body(EvaluationRequest.self, of: request)) {
                case let .result(data): return Self.json(data)
                case .superseded: return Self.error(.conflict, "superseded by a newer evaluation of this session")
                case .stopping: return Self.error(.serviceUnavailable, "the board room is stopping")
                }
            } catch let error as BoardRoomInputError {
                return Self.error(.badRequest, error.message)
            } catch let error as HTTPError {
                return Self.error(error.status, error.body ?? "\(error.status)")
            } catch {
                return Self.error(.internalServerError, "the evaluation failed: \(error)")
            }
        }
        router.post("/api/report") { request, _ in
            do {
                let path = try await self.writeReport(try await Self.body(ReportRequest.self, of: request))
                return Self.json(["path": path, "file": (path as NSString).lastPathComponent])
            } catch let error as BoardRoomInputError {
                return Self.error(.badRequest, error.message)
            } catch let error as HTTPError {
                return Self.error(error.status, error.body ?? "\(error.status)")
            } catch {
                return Self.error(.internalServerError, "the report was not written: \(error)")
            }
        }
        return router
    }

    /// Monte Carlo samples of the page's risk, step by step while it stays on a setting: the
    /// first answer, then each refinement once the previous one is shown (the design is solved
    /// once; a refinement runs only the Monte Carlo). A new setting stops the refinement.
    public static let sampleSteps = [firstSamples, 256, 1024]

    /// Serves the board room on `host:port` until SIGINT or SIGTERM; `onRunning` gets the URL
    /// once the socket is bound (port 0: the system's choice). The signal also stops every solve
    /// and Monte Carlo refinement at its next check (`SolveQueue.stopAll()`), so the server's
    /// graceful shutdown does not wait for them.
    public func serve(host: String, port: Int, onRunning: @escaping @Sendable (String) -> Void) async throws {
        let allowed: Set<String>? = ["0.0.0.0", "::"].contains(host) ? nil : [host.lowercased(), "localhost", "127.0.0.1", "[::1]"]
        let app = Application(router: router(allowedHosts: allowed),
                              configuration: .init(address: .hostname(host, port: port), serverName: "symbiosis"),
                              onServerRunning: { channel in
                                  let bound = channel.localAddress?.port ?? port
                                  let shown = host.contains(":") ? "[\(host)]" : host
                                  onRunning("http://\(shown):\(bound)/")
                              })
        // Beside Hummingbird's own handlers (swift-service-lifecycle's), which start the
        // graceful shutdown: each signal source of a process is told of the signal.
        let queue = self.queue
        let sources = [SIGINT, SIGTERM].map { signal -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler { queue.stopAll() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        try await app.runService()
    }
}
