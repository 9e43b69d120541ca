package dev.topowatch.server.api;

import dev.topowatch.topology.Board;
import dev.topowatch.topology.Secret;
import io.javalin.http.Context;

import java.util.function.Supplier;

/**
 * Who may do what. Reads are open unless {@code board.read_token} is set; anything that changes
 * state needs {@code board.token}, and is disabled (not open) while no token is configured.
 */
final class Access {
    static final String PUSHES = "/api/push/";
    private final Supplier<Board> board;

    Access(Supplier<Board> board) {
        this.board = board;
    }

    void requireRead(Context context) {
        var settings = board.get();
        if (settings.readToken() == null) {
            return;
        }
        if (!Tokens.matches(Tokens.presented(context, true), settings.readToken(), settings.token())) {
            throw ApiError.unauthorized("this board needs its read token: Authorization: Bearer <board.read_token>");
        }
    }

    /**
     * Guards reads; writes check their own token in their handler, where the rule differs. A heartbeat
     * push is a write also when cron sends it as a GET: its own token or the board token, never the read token.
     */
    void requireReadUnlessWrite(Context context) {
        boolean read = context.method() == io.javalin.http.HandlerType.GET || context.method() == io.javalin.http.HandlerType.HEAD;
        if (read && !context.path().startsWith(PUSHES)) {
            requireRead(context);
        }
    }

    void requireWrite(Context context) {
        var token = board.get().token();
        if (token == null) {
            throw ApiError.forbidden("changes through the API are disabled: set board.token in the topology file (e.g. token: ${TOPOWATCH_TOKEN}) to enable them");
        }
        if (!Tokens.matches(Tokens.presented(context, false), token)) {
            throw ApiError.unauthorized("this needs the board token: Authorization: Bearer <board.token>");
        }
    }

    /** A heartbeat push: the entity's own token or the board token. */
    void requirePush(Context context, Secret entityToken) {
        var boardToken = board.get().token();
        if (entityToken == null && boardToken == null) {
            throw ApiError.forbidden("pushes are disabled: set token on the heartbeat entity, or board.token");
        }
        if (!Tokens.matches(Tokens.presented(context, true), entityToken, boardToken)) {
            throw ApiError.unauthorized("this push needs the heartbeat's token or the board token");
        }
    }
}
