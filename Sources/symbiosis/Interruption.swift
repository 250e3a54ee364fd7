import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM turned into a flag that long runs poll, so that they stop
/// cleanly: the best result so far is printed with a note, and no partial file is written.
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()
    private let lock = NSLock()
    private var raised = false
    private var sources: [DispatchSourceSignal] = []

    /// Starts listening (idempotent).
    func install() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler { [weak self] in self?.raise() }
                source.resume()
                sources.append(source)
            }
        }
    }

    private func raise() {
        lock.withLock { raised = true }
        printError("\ninterrupted: stopping at the next sample; nothing will be written to files")
    }

    var isRaised: Bool { lock.withLock { raised } }
}

/// A one-line progress bar with ETA on standard error, drawn only when it is a terminal.
final class ProgressBar: @unchecked Sendable {
    private var total: Int
    private let label: String
    private let lock = NSLock()
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0
    private let enabled = isatty(STDERR_FILENO) != 0

    init(total: Int, label: String) {
        self.total = max(1, total)
        self.label = label
    }

    /// `done` of a batch of `total` (a new batch restarts the bar).
    func update(_ done: Int, of total: Int) {
        lock.withLock { self.total = max(1, total) }
        update(done)
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        lock.withLock {
            guard now - lastDrawn > 100_000_000 || done == total else { return }
            lastDrawn = now
            let elapsed = Double(now - started) * 1e-9
            let share = Double(done) / Double(total)
            let eta = done > 0 ? elapsed * (1 - share) / share : 0
            let width = 30
            let filled = Int(share * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let text = String(format: "\r%@ [%@] %d/%d  %.0f s, ETA %.0f s ", label, bar, done, total, elapsed, eta)
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
