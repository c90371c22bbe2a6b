import Foundation
import Hummingbird

extension Router<VantageRequestContext> {
    /// Highlight jobs, for the director only (401 without the token, 403 on a server without
    /// one): `POST /api/jobs` queues a camera path, `GET /api/jobs` lists, `GET /api/jobs/{id}`
    /// shows progress, `GET /api/jobs/{id}/result.mp4` gives the clip, `DELETE /api/jobs/{id}`
    /// cancels or forgets.
    func addJobRoutes(service: RenderService, token: DirectorToken?) {
        let jobs = service.jobs
        post("/api/jobs") { request, context -> Response in
            try requireDirector(request, token: token)
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: context.maxUploadSize)
            } catch {
                throw APIError(.contentTooLarge, "body: expected a JSON document of at most \(context.maxUploadSize) bytes")
            }
            let plan = try JobRequest.plan(from: Data(body.readableBytesView), service: service)
            let status = try await jobs.submit(plan, source: ServiceFrameSource(service: service))
            return try EditedResponse(status: .accepted, headers: [.location: "/api/jobs/\(status.id)"], response: status).response(from: request, context: context)
        }
        get("/api/jobs") { request, _ -> JobList in
            try requireDirector(request, token: token)
            return JobList(jobs: await jobs.all)
        }
        get("/api/jobs/:id") { request, context -> JobStatus in
            try requireDirector(request, token: token)
            let id = try context.parameters.require("id")
            guard let status = await jobs.status(id) else { throw APIError.notFound("job \(id): no such job") }
            return status
        }
        get("/api/jobs/:id/result.mp4") { request, context -> Response in
            try requireDirector(request, token: token)
            let file = try await jobs.result(try context.parameters.require("id"))
            guard let data = try? Data(contentsOf: file) else { throw APIError(.gone, "the clip of this job was removed from \(file.path)") }
            return Response(status: .ok, headers: [.contentType: "video/mp4", .contentDisposition: "attachment; filename=\"highlight.mp4\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        delete("/api/jobs/:id") { request, context -> JobStatus in
            try requireDirector(request, token: token)
            return try await jobs.cancel(try context.parameters.require("id"))
        }
    }
}

extension JobStatus: ResponseEncodable {}

/// `GET /api/jobs`: every job the server remembers, oldest first.
struct JobList: ResponseEncodable {
    var jobs: [JobStatus]
}
