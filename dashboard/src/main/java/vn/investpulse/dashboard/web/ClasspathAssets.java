package vn.investpulse.dashboard.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves files bundled in the jar under one classpath folder. Written by hand (a few lines) because
 * Javalin's static-file handler can only be configured when the Javalin is created, while every module here
 * mounts its routes on an existing Javalin through {@code register(Javalin)}.
 */
final class ClasspathAssets {

    /** Relative paths of plain names: no "..", no absolute paths, no backslashes. */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    private final String root;
    private final ClassLoader loader;

    ClasspathAssets(String root) {
        this.root = root.endsWith("/") ? root : root + "/";
        this.loader = ClasspathAssets.class.getClassLoader();
    }

    /** True when {@code relativePath} names a file under the root. */
    boolean exists(String relativePath) {
        return SAFE_PATH.matcher(relativePath).matches() && !relativePath.contains("..")
                && loader.getResource(root + relativePath) != null;
    }

    /** Writes the file to the response, or answers 404 when it does not exist (or the path is not a plain one). */
    void serve(Context ctx, String relativePath) {
        if (!exists(relativePath)) {
            throw new NotFoundResponse("no such file: " + relativePath);
        }
        InputStream in = Optional.ofNullable(loader.getResourceAsStream(root + relativePath))
                .orElseThrow(() -> new NotFoundResponse("no such file: " + relativePath));
        try (in) {
            ctx.contentType(contentType(relativePath));
            // The page is small and served locally: always revalidate so a new deployment shows at once.
            ctx.header("Cache-Control", "no-cache");
            ctx.result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + relativePath, e);
        }
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase();
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
