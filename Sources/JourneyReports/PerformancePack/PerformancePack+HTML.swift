import JourneyCore

extension PerformancePack {
    /// The pack as one HTML file: inline CSS and inline SVG, no script and nothing fetched, so it opens in any
    /// browser with no network and prints on A4 landscape, a section a page. The same pack gives the same bytes.
    public var html: String {
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTMLText.escape(title))</title>\n<style>\n\(Self.css)\(printedPageCSS)</style>\n</head>\n"
        out += "<body>\n<p class=\"marking\">\(HTMLText.escape(marking))</p>\n"
        out += page("headlines", "Headlines", headlineSection)
        out += page("trends", "Trends over \(series.count) months", trendSection)
        out += page("teams", "By team", teamSection)
        out += page("flow", "Flow: the front door and moves between levels", flowSection)
        out += page("permanence", "Permanence and care leavers", permanenceSection)
        out += page("quality", "Data quality", qualitySection)
        out += "<p class=\"marking\">\(HTMLText.escape(marking))</p>\n</body>\n</html>\n"
        return out
    }

    /// The running header and footer of every printed page, in CSS's page-margin boxes (Chromium prints them):
    /// the marking at the top and bottom centre, the log, period and shortened hash at the top left (the whole hash
    /// on the first page, where the screen's provenance line would otherwise take two lines), the title at
    /// the top right, the journey version and when the pack was made at the bottom left, "page N of M" at the
    /// bottom right. On screen the marking is written above and below the pack instead.
    var printedPageCSS: String {
        let small = "font-size: 8pt; color: #444;"
        let mark = "font-size: 10pt; font-weight: bold; color: #000;"
        let header = "\(provenance.shortSummary) · \(period.from) to \(period.to)"
        // The first page names the log as given and its whole hash, as the section headers do on screen.
        let firstHeader = "\(provenance.log): \(provenance.summary) · \(period.from) to \(period.to)"
        let known = asKnownAt.map { " · as known at \($0)" } ?? ""
        let footer =
            "journey \(provenance.journeyVersion ?? "(version not given)") · made \(provenance.madeAt)" + known
        return """
            @page {
              @top-left { content: \(Self.cssString(header)); width: 42%; \(small) }
              @top-center { content: \(Self.cssString(marking)); width: 22%; \(mark) }
              @top-right { content: \(Self.cssString(title)); width: 36%; \(small) }
              @bottom-left { content: \(Self.cssString(footer)); width: 42%; \(small) }
              @bottom-center { content: \(Self.cssString(marking)); width: 22%; \(mark) }
              @bottom-right { content: "page " counter(page) " of " counter(pages); width: 36%; \(small) }
            }
            @page :first { @top-left { content: \(Self.cssString(firstHeader)); width: 42%; \(small) } }

            """
    }

    /// A CSS string literal: quotes and backslashes escaped, and every character outside printable ASCII (and `<`,
    /// so that no `</style>` can end the style sheet) as a hexadecimal escape.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(scalar.value, radix: 16) + " "
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return out + "\""
    }

    var title: String { "Children's social care performance pack: \(HTMLText.month(monthEnd))" }

    /// One section, printed on its own page(s), headed with the provenance so that a page torn out still says what
    /// it is.
    func page(_ id: String, _ heading: String, _ body: String) -> String {
        "<section class=\"page\" id=\"\(id)\">\n<header class=\"provenance\">\(provenanceLine)</header>\n"
            + "<h1>\(HTMLText.escape(heading))</h1>\n\(body)</section>\n"
    }

    var provenanceLine: String {
        let known = asKnownAt.map { "as known at \($0)" } ?? "everything in the log"
        return HTMLText.escape(
            "\(title) · 12 months \(period.from) to \(period.to) · \(known) · log \(provenance.log), "
                + "\(provenance.summary) · made \(provenance.madeAt)"
                + (provenance.journeyVersion.map { " by journey \($0)" } ?? ""))
    }

    static let css = """
        @page { size: A4 landscape; margin: 13mm 10mm 12mm; }
        * { box-sizing: border-box; }
        body { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: #222; margin: 0;
          background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        section.page { padding: 12px 20px 24px; break-after: page; page-break-after: always; }
        section.page:last-of-type { break-after: auto; page-break-after: auto; }
        header.provenance { font-size: 10px; color: #555; border-bottom: 1px solid #ccc; padding-bottom: 4px;
          overflow-wrap: anywhere; }
        h1 { font-size: 22px; margin: 10px 0 6px; color: #1d4e89; }
        h2 { font-size: 15px; margin: 14px 0 6px; }
        p { font-size: 13px; margin: 4px 0 8px; max-width: 1000px; line-height: 1.4; }
        p.note { font-size: 11px; color: #555; }
        table { border-collapse: collapse; width: 100%; font-size: 12px; margin-bottom: 8px; }
        th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #f1f4f8; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td small, figcaption small { display: block; color: #666; font-size: 10px; }
        .rag { display: inline-block; min-width: 64px; text-align: center; padding: 2px 8px; border-radius: 3px;
          font-weight: 600; }
        .rag-green { background: #2e7d32; color: #fff; }
        .rag-amber { background: #f2b705; color: #222; }
        .rag-red { background: #c62828; color: #fff; }
        .rag-none { background: #eee; color: #555; font-weight: normal; }
        td small.partial, .partial { color: #8a4b00; font-weight: 600; }
        ol.note { font-size: 11px; color: #555; margin: 0 0 8px; padding-left: 22px; max-width: 1000px; }
        p.marking { text-align: center; font-weight: bold; font-size: 13px; letter-spacing: 0.05em; margin: 6px 0;
          max-width: none; }
        .improving { color: #2e7d32; }
        .similar { color: #555; }
        td.direction { white-space: nowrap; }
        .worsening { color: #c62828; }
        .grid { display: flex; flex-wrap: wrap; gap: 10px 18px; }
        figure { margin: 0 0 6px; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: 12px; font-weight: 600; margin-bottom: 2px; max-width: 640px; }
        figcaption small { font-weight: normal; }
        svg.chart { display: block; font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
        .key { font-size: 11px; color: #444; }
        .swatch { display: inline-block; width: 22px; height: 0; vertical-align: middle; margin: 0 4px 0 10px; }
        .swatch.line { border-top: 2px solid #1d4e89; }
        .swatch.target { border-top: 2px dashed #b35c00; }
        .swatch.second { border-top: 8px solid #8a5a9e; }
        .swatch.first { border-top: 8px solid #1d4e89; }
        .side { display: flex; flex-wrap: wrap; gap: 0 24px; align-items: flex-start; }
        .side > * { flex: 1 1 360px; }
        .side > figure { flex: 0 0 auto; }
        caption { text-align: left; font-size: 12px; font-weight: 600; padding: 4px 0; }
        @media print {
          p.marking { display: none; }
          section.page { padding: 0; }
          header.provenance { display: none; }
          h1 { font-size: 18px; margin: 6px 0 4px; }
          p { font-size: 11px; margin: 2px 0 5px; }
          table { font-size: 10px; }
          th, td { padding: 1px 4px; }
          p.note { font-size: 10px; margin: 2px 0 4px; }
          ol.note { font-size: 10px; margin-bottom: 4px; }
          h2 { margin: 6px 0 3px; }
          header.provenance { font-size: 9px; }
          .grid { gap: 4px 14px; }
          .grid figure { width: 336px; }
        }

        """
}
