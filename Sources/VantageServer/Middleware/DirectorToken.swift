import Foundation
import Hummingbird

/// The director's secret. Requests that start jobs or change state carry it as
/// `Authorization: Bearer <token>`; viewers, without it, are read-only.
public struct DirectorToken: Sendable {
    private let secret: [UInt8]

    /// `text` trimmed of surrounding whitespace (as read from a token file); `nil` when empty.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        secret = Array(trimmed.utf8)
    }

    /// Whether `candidate` is the secret, in time that depends only on the candidate's length.
    func matches(_ candidate: some Collection<UInt8>) -> Bool {
        var difference = UInt8(truncatingIfNeeded: candidate.count ^ secret.count)
        difference |= candidate.count == secret.count ? 0 : 1
        var index = 0
        for byte in candidate {
            difference |= byte ^ secret[index % secret.count]
            index += 1
        }
        return difference == 0
    }
}

/// Throws 401 unless `request` carries the director token (403 when the server has none).
func requireDirector(_ request: Request, token: DirectorToken?) throws(APIError) {
    guard let token else {
        throw APIError(.forbidden, "this server has no director token: start it with --director-token <file> to allow director requests")
    }
    let challenge: HTTPFields = [.wwwAuthenticate: "Bearer realm=\"vantage director\""]
    guard let header = request.headers[.authorization] else {
        throw APIError(.unauthorized, "Authorization: expected 'Bearer <director token>'; this request needs the director's token", headers: challenge)
    }
    let prefix = "Bearer "
    guard header.hasPrefix(prefix) else {
        throw APIError(.unauthorized, "Authorization: expected 'Bearer <director token>'", headers: challenge)
    }
    guard token.matches(header.utf8.dropFirst(prefix.utf8.count)) else {
        throw APIError(.unauthorized, "Authorization: the director token is wrong", headers: challenge)
    }
}
