import Hummingbird

extension Router<VantageRequestContext> {
    /// `POST /api/jobs`: highlight jobs, for the director only. The highlight renderer is not
    /// here yet: an authorized request gets 501, any other 401 (403 without a director token).
    func addJobRoutes(token: DirectorToken?) {
        post("/api/jobs") { request, _ -> Response in
            try requireDirector(request, token: token)
            throw APIError(.notImplemented, "highlight jobs arrive with the highlight renderer")
        }
    }
}
