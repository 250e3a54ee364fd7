import Foundation

/// The files of a Markdown report: the text, and its charts in a folder named after it, so that
/// two reports in one folder never share (and overwrite) each other's charts.
extension ReportDocument {
    /// The folder of the charts of a Markdown report written at `path`, beside it:
    /// `report/hiep-phuoc.md` → `report/hiep-phuoc-files`.
    public static func figureFolder(forMarkdown path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        let parent = (path as NSString).deletingLastPathComponent
        return (parent.isEmpty ? "" : parent + "/") + stem + "-files"
    }

    /// Every file of the Markdown report at `path`: the charts in `figureFolder(forMarkdown:)`,
    /// then the Markdown text linking them there.
    public func markdownFiles(at path: String) -> [(text: String, path: String)] {
        let folder = Self.figureFolder(forMarkdown: path)
        let name = (folder as NSString).lastPathComponent
        return figures.map { ($0.svg, folder + "/" + $0.file) } + [(markdown(figureFolder: name), path)]
    }

    /// The paths among `paths` that already exist: what writing them would overwrite.
    public static func existing(_ paths: [String]) -> [String] {
        paths.filter { FileManager.default.fileExists(atPath: $0) }
    }
}
