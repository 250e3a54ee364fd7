import Foundation

/// Writing a result file all at once: a temporary file beside the target, then `rename(2)`,
/// so a crash or Ctrl-C never leaves half a file, and never over one of the run's inputs.
public enum OutputFile {
    public enum WriteError: Error, CustomStringConvertible {
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
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw .wouldOverwriteInput(path)
        }
        let directory = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let temporary = directory + "/.\(URL(fileURLWithPath: target).lastPathComponent).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw .failed(path, "cannot create a file in \(directory)")
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .failed(path, reason)
        }
    }
}
