package dev.topowatch.server.api;

/**
 * A request the API refuses, with the status and the two fields every error body has:
 * {@code {"error": "not_found", "detail": "no entity named 'x'"}}.
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final String error;

    ApiError(int status, String error, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "bad_request", detail);
    }

    static ApiError unauthorized(String detail) {
        return new ApiError(401, "unauthorized", detail);
    }

    static ApiError forbidden(String detail) {
        return new ApiError(403, "forbidden", detail);
    }

    static ApiError notFound(String detail) {
        return new ApiError(404, "not_found", detail);
    }

    static ApiError conflict(String detail) {
        return new ApiError(409, "conflict", detail);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
