/// Where the pack writes text on a chart so that it covers neither the data nor a target line: pure geometry in the
/// SVG's pixels (y grows downwards), so that the rules can be tested without drawing.
public enum LabelPlacement {
    /// A text to draw: its anchor point (`x`, and `y` its baseline), how it is aligned to `x`, and the box it takes.
    public struct Label: Sendable, Hashable {
        public var x: Double
        public var y: Double
        /// "start", "middle" or "end", as SVG's `text-anchor`.
        public var anchor: String
        public var box: PlotArea
    }

    /// A text's width, estimated at 0.6 em a character: about a bold digit's width in the sans-serif fonts the pack
    /// names, a little more than most letters.
    public static func textWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.6 }

    /// The box of a text ending at `x` (right-aligned) with its baseline at `baseline`: from 0.8 em above the
    /// baseline (the capitals' height) to 0.25 em below it.
    static func box(endingAt x: Double, baseline: Double, width: Double, size: Double) -> PlotArea {
        PlotArea(x: x - width, y: baseline - 0.8 * size, width: width, height: 1.05 * size)
    }

    /// Pixels kept clear between a label and a line: the line's half-width and the dots' radius, with room to spare.
    static let clearance = 3.0

    /// The latest figure's label. Its dot sits at the right edge of the plot, so the label is tried first beside
    /// it in the margin to the right (where no data is), then right-aligned to it above and below, then beside it a
    /// line or two higher or lower, then a line further above and below the dot; the first whose box (grown by `clearance`) crosses no segment or dot of `line`, no
    /// horizontal line at a height in `avoidingLines` (the target), no box in `avoidingBoxes` (the target's label)
    /// and stays within `bounds` is used; beside the dot if none is.
    public static func latestValue(
        at point: (x: Double, y: Double), width: Double, size: Double, line: [[(x: Double, y: Double)]],
        avoidingLines: [Double], avoidingBoxes: [PlotArea], bounds: PlotArea
    ) -> Label {
        let gap = 5.0
        let above = point.y - gap - 0.25 * size
        let below = point.y + gap + 0.8 * size
        let beside = point.x + gap + 1 + width
        let level = point.y + 0.3 * size
        // In the margin only the target's label is in the way: a label a line higher or lower still reads as the
        // end of the line, so those are tried before moving further from the dot over the plot.
        let margin = [0, -1, 1, -2, 2].map { (beside, level + $0 * size) }
        let candidates =
            [margin[0]] + [above, below].map { (point.x, $0) } + margin.dropFirst()
            + [above - size, below + size].map { (point.x, $0) }
        let labels = candidates.map { right, baseline in
            Label(
                x: right == point.x ? point.x : right - width, y: baseline, anchor: right == point.x ? "end" : "start",
                box: box(endingAt: right, baseline: baseline, width: width, size: size))
        }
        return labels.first { label in
            let r = label.box.grown(by: clearance)
            guard label.box.x >= bounds.x, label.box.right <= bounds.right, label.box.y >= bounds.y,
                label.box.bottom <= bounds.bottom
            else { return false }
            if avoidingLines.contains(where: { $0 >= r.y && $0 <= r.bottom }) { return false }
            if avoidingBoxes.contains(where: { $0.overlaps(r) }) { return false }
            for run in line {
                for (i, p) in run.enumerated() where crosses(p, i + 1 < run.count ? run[i + 1] : p, r) {
                    return false
                }
            }
            return true
        } ?? labels[0]
    }

    /// Whether the segment from `a` to `b` (a point when they are equal) touches the rectangle `r`: Liang and
    /// Barsky's clipping, which narrows the segment's parameter t ∈ [0, 1] edge by edge.
    public static func crosses(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), _ r: PlotArea) -> Bool {
        var t0 = 0.0
        var t1 = 1.0
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        for (p, q) in [(-dx, a.x - r.x), (dx, r.right - a.x), (-dy, a.y - r.y), (dy, r.bottom - a.y)] {
            if p == 0 {
                if q < 0 { return false }
                continue
            }
            let t = q / p
            if p < 0 {
                if t > t1 { return false }
                t0 = max(t0, t)
            } else {
                if t < t0 { return false }
                t1 = min(t1, t)
            }
        }
        return t0 <= t1
    }

    /// What is left of the interval from `start` to `end` once `gaps` are cut out of it: a target line is drawn in
    /// these pieces, so that it does not run through a message written across the plot.
    public static func pieces(from start: Double, to end: Double, cutting gaps: [ClosedRange<Double>])
        -> [ClosedRange<Double>]
    {
        var pieces = [start...end]
        for gap in gaps {
            pieces = pieces.flatMap { piece -> [ClosedRange<Double>] in
                guard gap.overlaps(piece) else { return [piece] }
                var left: [ClosedRange<Double>] = []
                if gap.lowerBound > piece.lowerBound { left.append(piece.lowerBound...gap.lowerBound) }
                if gap.upperBound < piece.upperBound { left.append(gap.upperBound...piece.upperBound) }
                return left
            }
        }
        return pieces
    }

    /// A message centred at (`x`, `y`), in one line, or two (split after its colon) when one would be wider than
    /// `maximumWidth`; with the box it takes.
    public static func message(_ text: String, centredAt x: Double, _ y: Double, size: Double, maximumWidth: Double)
        -> (lines: [String], box: PlotArea)
    {
        var lines = [text]
        if textWidth(text, size: size) > maximumWidth, let colon = text.firstIndex(of: ":") {
            lines = [String(text[...colon]), String(text[text.index(after: colon)...].drop { $0 == " " })]
        }
        let width = lines.map { textWidth($0, size: size) }.max() ?? 0
        let height = Double(lines.count) * size * 1.25
        return (lines, PlotArea(x: x - width / 2, y: y - height / 2, width: width, height: height))
    }
}

extension PlotArea {
    /// The rectangle with `d` more on every side.
    func grown(by d: Double) -> PlotArea { PlotArea(x: x - d, y: y - d, width: width + 2 * d, height: height + 2 * d) }

    /// Whether the two rectangles share any point.
    func overlaps(_ other: PlotArea) -> Bool {
        x <= other.right && other.x <= right && y <= other.bottom && other.y <= bottom
    }
}
