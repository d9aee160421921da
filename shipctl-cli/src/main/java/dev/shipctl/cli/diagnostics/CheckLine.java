package dev.shipctl.cli.diagnostics;

import dev.shipctl.LoginPath;
import dev.shipctl.SessionEvent;
import dev.shipctl.check.CheckResult;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.output.CheckJson;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code check --json}'s line: {@link CheckJson}'s result plus what only {@code check} knows (the way the login went,
 * {@code --stay}, newserv's HTTP view). Apart from {@link CheckCommand} so that a plain check loads no Jackson class
 * (see {@link CheckJson}).
 */
final class CheckLine {
    private CheckLine() {}

    static ObjectNode of(CheckResult r, Optional<LoginPath> loginPath, Duration stay,
            Optional<SessionEvent.Disconnected> dropped, Optional<Object> fromHttp) {
        ObjectNode o = CheckJson.of(r);
        loginPath.ifPresent(p -> {
            o.put("login_path", p.kind().id());
            p.note().ifPresent(n -> o.put("login_path_note", n));
        });
        if (stay != null && r.ok()) {
            o.put("stayed_ms", dropped.isPresent() ? -1 : stay.toMillis());
            dropped.ifPresent(d -> o.put("ok", false).put("error", d.reason()).put("exit_code", ExitCodes.DISCONNECTED));
        }
        fromHttp.ifPresent(h -> {
            if (h instanceof NewservHttp.Summary s) o.set("http", NewservHttp.toJson(s));
            else o.put("http_error", h.toString());
        });
        return o;
    }
}
