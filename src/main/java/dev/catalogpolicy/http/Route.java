package dev.catalogpolicy.http;

import io.javalin.http.Handler;

/**
 * One endpoint of the API: what it needs ({@code open}: nothing; {@code read}: the read token;
 * {@code admin}: the admin token) and its handler. The server's route table is what
 * {@code /openapi.json} documents, and a test holds the two together.
 */
record Route(String method, String path, Auth.Access needs, Handler handler) {}
