import Hummingbird
import VantageMedia
import VantageSynthesis

extension APIError {
    /// The HTTP answer to a render that failed: the client's fault is a 4xx, never a 500.
    init(_ error: SynthesisError) {
        switch error.kind {
        case .invalidTarget, .outsideReplay: self.init(.badRequest, error.message)
        case .notVisible: self.init(.unprocessableContent, error.message)
        case .notEnoughSources, .unreadableFrame: self.init(.conflict, error.message)
        case .invalidOptions: self.init(.internalServerError, "the server's model options are invalid: \(error.message)")
        }
    }

    /// Runs `body`, turning the errors of rendering into HTTP answers.
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SynthesisError {
            throw APIError(error)
        } catch let error as MediaError {
            throw APIError(.internalServerError, "encoding the image failed: \(error)")
        }
    }
}
