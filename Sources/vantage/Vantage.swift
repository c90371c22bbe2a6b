import ArgumentParser

@main
struct Vantage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vantage",
        abstract: "Free-viewpoint sports replay: calibrated cameras in, any viewpoint out.",
        discussion: "Vantage reads calibrated multi-camera video, keeps the recent past as a replay, and renders views that no real camera had. Run `vantage help <subcommand>` for details.",
        version: "0.1.0",
        subcommands: [RigCommand.self, MediaCommand.self, SampleCommand.self, RenderCommand.self, PathCommand.self, RenderPathCommand.self, WorkerCommand.self, DepthCommand.self, EvalCommand.self,
                      IngestCommand.self, RecordCommand.self, StoreCommand.self, ServeCommand.self, DemoCommand.self, KeysCommand.self, VersionCommand.self])
}
