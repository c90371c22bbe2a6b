import Hummingbird

/// Counts every response by status code, errors included, for `/metrics`.
struct StatusCountingMiddleware: RouterMiddleware {
    typealias Context = VantageRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            metrics.countResponse(status: response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            metrics.countResponse(status: error.status.code)
            throw error
        } catch {
            metrics.countResponse(status: 500)
            throw error
        }
    }
}
