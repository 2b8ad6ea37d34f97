package io.visutility.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.visutility.registry.ArtifactCorruptedException;
import io.visutility.registry.ModelVersion;
import io.visutility.store.Store;

import java.util.Base64;
import java.util.HexFormat;

/**
 * {@code GET .../versions/{version}/artifact}: the artifact bytes as the artifact store hands them out,
 * which it verifies against the sha256 first. The sha256 goes in {@code X-Artifact-SHA256}, in a
 * {@code Digest} header (RFC 3230, base64) and as the strong {@code ETag}, so a client that already holds
 * the bytes gets a 304.
 */
final class RegistryArtifacts implements Handler {
    /** The header that carries the artifact's sha256 in hex. */
    static final String SHA_HEADER = "X-Artifact-SHA256";

    private final Store store;

    RegistryArtifacts(Store store) {
        this.store = store;
    }

    @Override
    public void handle(Context ctx) {
        String name = RouteInputs.model(ctx);
        int version = RouteInputs.version(ctx, "version");
        ModelVersion v = store.registry().get(name, version);
        String etag = "\"" + v.sha256() + "\"";
        ctx.header(SHA_HEADER, v.sha256());
        ctx.header("ETag", etag);
        ctx.header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(v.sha256())));
        String match = ctx.header("If-None-Match");
        if (match != null && (match.trim().equals("*") || java.util.Arrays.stream(match.split(","))
                .map(String::trim).anyMatch(etag::equals))) {
            ctx.status(304);
            return;
        }
        byte[] bytes;
        try {
            bytes = store.artifacts().get(v.sha256());
        } catch (ArtifactCorruptedException e) {
            throw new ApiError(500, "ARTIFACT_CORRUPTED", null, e.getMessage());
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "-v" + version + ".bin\"");
        ctx.contentType("application/octet-stream").result(bytes);
    }
}
