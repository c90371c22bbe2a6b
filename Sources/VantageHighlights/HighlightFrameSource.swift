import VantageMedia

/// Where a highlight's frames come from, in any order the renderer asks: the view model in this
/// process, a server's render thread, or a farm of workers.
public protocol HighlightFrameSource: Sendable {
    /// The picture of `plan.samples[index]`, at the plan's frame size.
    func frame(_ index: Int, of plan: HighlightPlan) async throws -> RGBImage
}
