import Foundation

/// The fuzz targets built without libFuzzer: each input file given (or each file of a folder
/// given) is run once through the target, for crash reproduction and the replay tests.
public enum FuzzReplay {
    /// Runs `target` on every input named on the command line; prints how many ran.
    public static func main(_ target: (UnsafeBufferPointer<UInt8>) -> Void) {
        var files: [String] = []
        for argument in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                files += names.sorted().map { argument + "/" + $0 }
            } else {
                files.append(argument)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            data.withUnsafeBytes { raw in target(raw.bindMemory(to: UInt8.self)) }
        }
        print("replayed \(files.count) input(s) without a finding")
    }
}
