import ArgumentParser
import BoardRoom
import Foundation
import RunHistory

/// `symbiosis serve`: the board room's what-if page on a local web server (docs/board-room.md).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the board room: an interactive what-if page for the scenario.",
        discussion: """
        Starts a local web server with one page: the scenario's policy options and numeric \
        levers (fees, carbon price, grant share, loan terms, permits, targets) as controls; each \
        change is solved in the background and the page shows the map, the accounts against the \
        status quo, each firm's gain and its Monte Carlo risk, the links built and why the others \
        are not. Pinned settings are compared side by side, and written as the `compare` board \
        report into --output. Every evaluation is recorded in the run history (command `serve`), \
        which also answers a setting already solved at once.

        It binds to 127.0.0.1 by default and refuses requests addressed to another host; at \
        most one solve runs per core. Stop it with Ctrl-C.

        Examples:
          symbiosis serve Scenarios/hiep-phuoc.yaml
          symbiosis serve Scenarios/tiny.yaml --port 8090 --output board-reports
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: "The port to listen on (0: any free port, printed).")
    var port: Int = 8080

    @Option(help: "The address to bind to (0.0.0.0 exposes the page to the network).")
    var host: String = "127.0.0.1"

    @Option(help: "The folder the board reports are written into (the server writes nowhere else).")
    var output: String = "board-room"

    @Option(name: .customLong("time-limit"), help: "Seconds per solve.")
    var timeLimit: Double = 120

    @Flag(name: .customLong("no-warm-start"), help: "Solve every setting from scratch, not from the designs of settings solved before (for measuring).")
    var noWarmStart = false

    @OptionGroup var history: HistoryOptions

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0...65535, got \(port)") }
        if !(timeLimit.isFinite && timeLimit > 0) { throw ValidationError("--time-limit must be a positive number, got \(timeLimit)") }
    }

    func run() throws {
        let park: BoardRoomPark
        do { park = try BoardRoomPark(file: file, backend: Backend.solver, timeLimit: timeLimit) } catch {
            for diagnostic in error.diagnostics { printError("\(diagnostic)") }
            printError("\(file): the scenario is invalid; the server was not started.")
            throw ExitCode.invalidInput
        }
        var runs: RunHistory?
        if !history.noHistory {
            let path = RunHistory.path(option: history.history)
            do { runs = try RunHistory(path: path) } catch {
                printError("warning: the run history \(path) cannot be opened (\(error)); evaluations are not recorded nor cached across runs")
            }
        }
        let room = BoardRoom(park: park, history: runs, outputFolder: output, warmStarts: !noWarmStart)
        let done = DispatchSemaphore(value: 0)
        let failure = Failure()
        let (host, port) = (self.host, self.port)
        Task {
            do {
                try await room.serve(host: host, port: port) { url in
                    FileHandle.standardOutput.write(Data("board room: \(url) (Ctrl-C to stop)\n".utf8))
                }
            } catch { failure.set("\(error)") }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            printError("error: serve: \(message)")
            throw ExitCode.unavailable
        }
    }
}

/// The server's error, handed from its task to the command.
private final class Failure: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    func set(_ message: String) { lock.lock(); text = message; lock.unlock() }
    var message: String? { lock.lock(); defer { lock.unlock() }; return text }
}
