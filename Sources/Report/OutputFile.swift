import Foundation

/// Writing result files all at once, so that a crash, Ctrl-C or a full disk never leaves half a
/// file, never replaces a device or FIFO with a regular file, and never writes over one of the
/// run's inputs.
///
/// - A regular file (or a path that does not exist yet) is written to a hidden temporary file
///   beside it, then `rename(2)`d over it; an existing file keeps its permission bits.
/// - Anything else that already exists at the path (`/dev/null`, a terminal, a FIFO) is opened
///   and written in place, as a shell's `>` would; a folder is refused.
/// - `OutputBatch` writes several files all or none: every temporary file is written first, and
///   only when all of them are complete are they renamed into place.
/// - Temporary files left by a process that was killed (`SIGKILL` cannot be caught) are
///   removed by the next write to the same path.
public enum OutputFile {
    public enum WriteError: Error, CustomStringConvertible, Equatable {
        case wouldOverwriteInput(String)
        case failed(String, String)
        public var description: String {
            switch self {
            case let .wouldOverwriteInput(path): return "refusing to overwrite the input file \(path)"
            case let .failed(path, reason): return "could not write \(path): \(reason)"
            }
        }
    }

    /// Writes `text` to `path` atomically; `inputs` are paths the run read.
    public static func write(_ text: String, to path: String, inputs: [String] = []) throws(WriteError) {
        var batch = OutputBatch(inputs: inputs)
        batch.add(text, to: path)
        try batch.commit()
    }

    /// The path with symbolic links resolved, so that a link to an input is recognized.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The reason for the last failed system call, in words (`No space left on device`).
    static func reason(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Writes every byte of `data` to `descriptor`, retrying short writes and `EINTR`.
    static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        var failure: Int32?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        return failure
    }

    /// The hidden temporary name of `target` for process `pid`: `.NAME.PID.tmp` beside it.
    static func temporaryPath(for target: String, pid: Int32 = getpid()) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).\(pid).tmp"
    }

    /// Removes `.NAME.PID.tmp` files beside `target` whose process no longer runs (left by a
    /// run that was killed mid-write).
    static func removeStaleTemporaries(of target: String) {
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).", suffix = ".tmp"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(suffix) {
            let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
            guard let pid = Int32(middle), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(directory + "/" + name) }
        }
    }
}

/// Several result files written all or none (`compare --report --markdown --csv`, `export
/// --mps --lp`): `commit()` first writes each file's complete temporary copy, then renames them
/// all into place. If any copy cannot be written (a full disk, a bad folder), every copy is
/// removed and no target changes. If a rename fails after others succeeded, the files already
/// replaced are put back from hard-linked backups, so the targets are as they were.
public struct OutputBatch {
    private var files: [(path: String, data: Data)] = []
    private let inputs: [String]

    public init(inputs: [String] = []) { self.inputs = inputs }

    /// Adds a file to write; a later `add` to the same path replaces the earlier one.
    public mutating func add(_ text: String, to path: String) {
        files.removeAll { $0.path == path }
        files.append((path, Data(text.utf8)))
    }

    /// Adds a binary file (a workbook) to write; see `add(_:to:)`.
    public mutating func add(_ data: Data, to path: String) {
        files.removeAll { $0.path == path }
        files.append((path, data))
    }

    public var paths: [String] { files.map(\.path) }

    /// How a target is written.
    private enum Plan {
        /// Through a temporary file renamed over the target; `mode` of the file replaced.
        case replace(target: String, temporary: String, mode: mode_t?)
        /// In place: the target is a device, FIFO or other non-regular file.
        case inPlace(target: String)
    }

    /// Writes every file, or none.
    public func commit() throws(OutputFile.WriteError) {
        let resolvedInputs = Set(inputs.map(OutputFile.resolved))
        var plans: [(path: String, plan: Plan, data: Data)] = []
        for (path, data) in files {
            let target = OutputFile.resolved(path)
            if resolvedInputs.contains(target) { throw .wouldOverwriteInput(path) }
            var status = stat()
            if stat(target, &status) == 0 {
                let kind = status.st_mode & S_IFMT
                if kind == S_IFDIR { throw .failed(path, "it is a folder") }
                if kind != S_IFREG { plans.append((path, .inPlace(target: target), data)); continue }
                plans.append((path, .replace(target: target, temporary: OutputFile.temporaryPath(for: target),
                                             mode: status.st_mode & 0o7777), data))
            } else {
                let directory = URL(fileURLWithPath: target).deletingLastPathComponent().path
                var folder = stat()
                if stat(directory, &folder) != 0 { throw .failed(path, "the folder \(directory) does not exist") }
                if folder.st_mode & S_IFMT != S_IFDIR { throw .failed(path, "\(directory) is not a folder") }
                plans.append((path, .replace(target: target, temporary: OutputFile.temporaryPath(for: target), mode: nil), data))
            }
        }
        // 1. Every temporary copy, complete and flushed.
        var staged: [String] = []
        func discardStaged() { for temporary in staged { unlink(temporary) } }
        for (path, plan, data) in plans {
            guard case let .replace(target, temporary, mode) = plan else { continue }
            OutputFile.removeStaleTemporaries(of: target)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode ?? 0o666)
            if descriptor < 0 {
                let why = OutputFile.reason()
                discardStaged()
                throw .failed(path, why)
            }
            staged.append(temporary)
            // open(2) applies the umask; an existing file's own bits are put back exactly.
            if let mode { fchmod(descriptor, mode) }
            let failure = OutputFile.writeAll(data, to: descriptor) ?? (fsync(descriptor) == 0 ? nil : errno)
            let closed = close(descriptor) == 0 ? nil : errno
            if let code = failure ?? closed {
                discardStaged()
                throw .failed(path, OutputFile.reason(code))
            }
        }
        // 2. Renames; an existing target is kept as a hard link until all renames are done.
        var backups: [(target: String, backup: String)] = []
        var created: [String] = []
        func rollBack() {
            for target in created { unlink(target) }
            for (target, backup) in backups { rename(backup, target) }
            discardStaged()
        }
        for (path, plan, _) in plans {
            guard case let .replace(target, temporary, mode) = plan else { continue }
            if mode != nil {
                let backup = temporary + ".previous"
                unlink(backup)
                if link(target, backup) == 0 { backups.append((target, backup)) }
            } else {
                created.append(target)
            }
            if rename(temporary, target) != 0 {
                let why = OutputFile.reason()
                if mode == nil { created.removeLast() }
                rollBack()
                throw .failed(path, why)
            }
            staged.removeAll { $0 == temporary }
        }
        for (_, backup) in backups { unlink(backup) }
        // 3. Devices and FIFOs, written in place once every regular file is in place.
        for (path, plan, data) in plans {
            guard case let .inPlace(target) = plan else { continue }
            let descriptor = open(target, O_WRONLY | O_CLOEXEC)
            if descriptor < 0 { throw .failed(path, OutputFile.reason()) }
            let failure = OutputFile.writeAll(data, to: descriptor)
            close(descriptor)
            if let failure { throw .failed(path, OutputFile.reason(failure)) }
        }
    }
}

/// A folder that receives output files (`compare --csv DIR`).
public enum OutputFolder {
    /// Makes sure `path` is a folder, creating it (and its parents) if missing. Returns the path
    /// when this call created it, so that a failed run can remove it again.
    public static func prepare(_ path: String) throws(OutputFile.WriteError) -> String? {
        var status = stat()
        if stat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR { return nil }
            throw .failed(path, "it is a file, not a folder")
        }
        if mkdir(path, 0o777) == 0 { return path }
        if errno == ENOENT {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw .failed(path, "cannot create the folder")
            }
            return nil
        }
        throw .failed(path, "cannot create the folder: \(OutputFile.reason())")
    }
}
