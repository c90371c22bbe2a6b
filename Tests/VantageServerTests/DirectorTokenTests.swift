import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import VantageServer

/// Director routes need the token; viewers are read-only.
@Suite struct DirectorTokenTests {
    static let secret = "s3cret-director-token"

    @Test func jobsWithoutATokenAre401() async throws {
        try await ServerFixture.test(options: { $0.directorToken = Self.secret }) { client, _ in
            try await client.execute(uri: "/api/jobs", method: .post) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(response.errorMessage?.contains("Authorization") == true)
            }
        }
    }

    @Test func jobsWithAWrongTokenAre401() async throws {
        try await ServerFixture.test(options: { $0.directorToken = Self.secret }) { client, _ in
            for wrong in ["Bearer nope", "Bearer \(Self.secret)x", "Bearer \(Self.secret.dropLast())", "Basic \(Self.secret)", "Bearer "] {
                try await client.execute(uri: "/api/jobs", method: .post, headers: [.authorization: wrong]) { response in
                    #expect(response.status == .unauthorized, "\(wrong)")
                }
            }
        }
    }

    @Test func jobsWithTheTokenReachTheJobQueue() async throws {
        try await ServerFixture.test(options: { $0.directorToken = Self.secret }) { client, _ in
            try await client.execute(uri: "/api/jobs", method: .get, headers: [.authorization: "Bearer \(Self.secret)"]) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["jobs"] as? [Any] != nil)
            }
            try await client.execute(uri: "/api/jobs", method: .post, headers: [.authorization: "Bearer \(Self.secret)"]) { response in
                #expect(response.status == .badRequest, "an empty body")
                #expect(response.errorMessage?.hasPrefix("body") == true)
            }
        }
    }

    @Test func aServerWithoutATokenRefusesDirectorRoutes() async throws {
        try await ServerFixture.test { client, _ in
            try await client.execute(uri: "/api/jobs", method: .post, headers: [.authorization: "Bearer anything"]) { response in
                #expect(response.status == .forbidden)
                #expect(response.errorMessage?.contains("--director-token") == true)
            }
        }
    }

    @Test func tokenComparisonIsExact() throws {
        let token = try #require(DirectorToken("  abc123\n"))
        #expect(token.matches(Array("abc123".utf8)))
        #expect(!token.matches(Array("abc124".utf8)))
        #expect(!token.matches(Array("abc12".utf8)))
        #expect(!token.matches(Array("abc1234".utf8)))
        #expect(!token.matches([UInt8]()))
        #expect(DirectorToken(" \n") == nil)
    }
}
