import Hummingbird

/// Counts every response by status code, errors included, and the requests in flight, for `/metrics`.
struct StatusCountingMiddleware: RouterMiddleware {
    typealias Context = VantageRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        metrics.requestsInFlight.increment()
        defer { metrics.requestsInFlight.decrement() }
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
