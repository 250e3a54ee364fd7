import Foundation

/// A report's content, independent of its format: headings, paragraphs, lists, tables and
/// figures, rendered as self-contained HTML or as Markdown (`+HTML`, `+Markdown`), so that
/// both say the same thing.
public struct ReportDocument: Sendable {
    public enum Block: Sendable {
        case heading(level: Int, text: String, anchor: String?)
        case paragraph(String)
        /// A paragraph set apart (the recommendation, a warning).
        case callout(String)
        case list([String])
        /// `numeric[i]` right-aligns column `i`.
        case table(header: [String], rows: [[String]], numeric: [Bool])
        /// An SVG chart: its text, a caption, and the file name Markdown links it under.
        case figure(svg: String, caption: String, file: String)
        /// Preformatted text (the scenario's own notes on its sources).
        case preformatted(String)
    }

    public var title: String
    public var language: ReportLanguage
    public var blocks: [Block] = []

    public init(title: String, language: ReportLanguage) {
        self.title = title
        self.language = language
    }

    public mutating func heading(_ text: String, level: Int = 2, anchor: String? = nil) {
        blocks.append(.heading(level: level, text: text, anchor: anchor))
    }
    public mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    public mutating func callout(_ text: String) { blocks.append(.callout(text)) }
    public mutating func list(_ items: [String]) { if !items.isEmpty { blocks.append(.list(items)) } }
    public mutating func table(_ header: [String], _ rows: [[String]], numeric: [Bool]? = nil) {
        blocks.append(.table(header: header, rows: rows, numeric: numeric ?? header.map { _ in false }))
    }
    public mutating func figure(_ svg: String, caption: String, file: String) {
        blocks.append(.figure(svg: svg, caption: caption, file: file))
    }
    public mutating func preformatted(_ text: String) { blocks.append(.preformatted(text)) }

    /// The figures, by the file names Markdown links them under.
    public var figures: [(file: String, svg: String)] {
        blocks.compactMap { if case let .figure(svg, _, file) = $0 { return (file, svg) } else { return nil } }
    }
}

extension ReportDocument {
    /// One self-contained HTML page: inline CSS and SVG, nothing fetched from the network, no
    /// script.
    public func html() -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>\(Self.escape(title))</title>
        <style>
        body { font-family: Helvetica, Arial, sans-serif; color: #222; max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
        h1 { font-size: 1.7em; border-bottom: 2px solid #0072B2; padding-bottom: .2em; }
        h2 { font-size: 1.35em; margin-top: 2em; border-bottom: 1px solid #ccc; }
        h3 { font-size: 1.1em; margin-top: 1.5em; }
        table { border-collapse: collapse; margin: .8em 0; font-size: .9em; }
        th, td { border: 1px solid #ccc; padding: .3em .55em; vertical-align: top; }
        th { background: #f0f4f8; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .callout { background: #eef6ee; border-left: 5px solid #009E73; padding: .7em 1em; margin: 1em 0; }
        figure { margin: 1em 0; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: .85em; color: #555; }
        .scroll { overflow-x: auto; }
        pre { background: #f7f7f7; padding: .8em; font-size: .8em; white-space: pre-wrap; }
        nav.toc ol { margin: .3em 0 1.5em; padding-left: 1.5em; }
        /* Phone width: each table row becomes a card of "header: value" lines, so no value is off
           screen; a line holds its floated header even when its value is empty (flow-root), and
           long ids break anywhere rather than run off the card, but a number is not cut (it goes
           whole below a long header: "−28,8" was cut into "−2" and "8,8" at 400 px; nowrap would
           push it off the card); charts keep a readable size and scroll sideways. */
        @media (max-width: 600px) {
          body { margin: 1em auto; }
          .scroll table, .scroll tbody, .scroll tr, .scroll td { display: block; width: 100%; box-sizing: border-box; }
          .scroll thead { display: none; }
          .scroll tr { border: 1px solid #ccc; margin-bottom: .6em; }
          .scroll td { display: flow-root; border: none; border-bottom: 1px solid #eee; text-align: right; white-space: normal; min-height: 1.45em; overflow-wrap: anywhere; }
          .scroll td::before { content: attr(data-label); float: left; font-weight: bold; text-align: left; padding-right: .6em; }
          .scroll td.num { overflow-wrap: normal; }
          figure { overflow-x: auto; }
          figure svg { max-width: none; width: 720px; }
        }
        </style>
        </head>
        <body>
        <h1>\(Self.escape(title))</h1>

        """
        // The table of contents: every section (level-2 heading), linked by its anchor.
        let sections = blocks.enumerated().compactMap { i, block -> (id: String, text: String)? in
            guard case let .heading(2, text, anchor) = block else { return nil }
            return (anchor ?? "section-\(i)", text)
        }
        if sections.count > 2 {
            out += "<nav class=\"toc\"><strong>\(language == .vi ? "Mục lục" : "Contents")</strong>\n<ol>\n"
                + sections.map { "<li><a href=\"#\(Self.escape($0.id))\">\(Self.escape($0.text))</a></li>\n" }.joined() + "</ol></nav>\n"
        }
        for (i, block) in blocks.enumerated() {
            switch block {
            case let .heading(level, text, anchor):
                let id = (anchor ?? (level == 2 ? "section-\(i)" : nil)).map { " id=\"\(Self.escape($0))\"" } ?? ""
                out += "<h\(level)\(id)>\(Self.escape(text))</h\(level)>\n"
            case let .paragraph(text): out += "<p>\(Self.escape(text))</p>\n"
            case let .callout(text): out += "<p class=\"callout\">\(Self.escape(text))</p>\n"
            case let .list(items): out += "<ul>\n" + items.map { "<li>\(Self.escape($0))</li>\n" }.joined() + "</ul>\n"
            case let .table(header, rows, numeric):
                out += "<div class=\"scroll\"><table>\n<thead><tr>" + header.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in rows {
                    out += "<tr>" + row.enumerated().map { i, cell in
                        let label = i < header.count ? " data-label=\"\(Self.escape(header[i]))\"" : ""
                        return (i < numeric.count && numeric[i] ? "<td class=\"num\"\(label)>" : "<td\(label)>") + Self.escape(cell) + "</td>"
                    }.joined() + "</tr>\n"
                }
                out += "</tbody>\n</table></div>\n"
            case let .figure(svg, caption, _):
                // Inline SVG: drop the XML declaration, keep the rest.
                let body = svg.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.hasPrefix("<?xml") }.joined(separator: "\n")
                out += "<figure>\n\(body)<figcaption>\(Self.escape(caption))</figcaption>\n</figure>\n"
            case let .preformatted(text): out += "<pre>\(Self.escape(text))</pre>\n"
            }
        }
        return out + "</body>\n</html>\n"
    }

    /// Markdown (CommonMark with pipe tables); figures are linked as `figureFolder/file`
    /// (`file` alone without a folder: write them beside).
    public func markdown(figureFolder: String? = nil) -> String {
        var out = "# \(title)\n\n"
        for block in blocks {
            switch block {
            case let .heading(level, text, _): out += String(repeating: "#", count: level) + " \(text)\n\n"
            case let .paragraph(text): out += "\(text)\n\n"
            case let .callout(text): out += "> \(text)\n\n"
            case let .list(items): out += items.map { "- \($0)\n" }.joined() + "\n"
            case let .table(header, rows, numeric):
                func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
                out += "| " + header.map(cell).joined(separator: " | ") + " |\n"
                out += "|" + header.indices.map { i in i < numeric.count && numeric[i] ? " ---: |" : " --- |" }.joined() + "\n"
                for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
                out += "\n"
            case let .figure(_, caption, file):
                let link = figureFolder.map { $0 + "/" + file } ?? file
                out += "![\(caption)](\(link))\n\n*\(caption)*\n\n"
            case let .preformatted(text): out += "```\n\(text)\n```\n\n"
            }
        }
        return out
    }

    /// `&`, `<`, `>`, `"` as entities.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
