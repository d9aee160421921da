package dev.shipctl.cli.fleet;

import dev.shipctl.cli.common.ExitCodes;
import java.util.Collection;
import java.util.List;

/**
 * A fleet's exit code: 0 when every server's is, else the "worst" of them, the failure a person should look at
 * first. In order: a bug in shipctl (1); a mistake in the configuration (9) or the command line (2), which would
 * fail on any server; the server said no or made no sense (login refused 4, protocol 5, command refused or not
 * answered 7); then the connection (dropped 8, timed out 6, unreachable 3: often a server that is down or
 * restarting). A code not in this list (an outcome newer than it) counts after all of these, before success.
 */
final class WorstExitCode {
    /** Failures, worst first. */
    static final List<Integer> ORDER = List.of(ExitCodes.INTERNAL, ExitCodes.CONFIG, ExitCodes.USAGE,
            ExitCodes.LOGIN_REFUSED, ExitCodes.PROTOCOL, ExitCodes.NO_REPLY, ExitCodes.DISCONNECTED, ExitCodes.TIMEOUT,
            ExitCodes.UNREACHABLE);

    private WorstExitCode() {}

    /** The worst of these exit codes ({@link ExitCodes#OK} when there are none but successes). */
    static int of(Collection<Integer> codes) {
        int worst = ExitCodes.OK;
        for (int code : codes) {
            if (rank(code) < rank(worst)) worst = code;
        }
        return worst;
    }

    /** Lower is worse: a listed failure by its place, an unlisted one after them (higher codes first), success last. */
    private static int rank(int code) {
        if (code == ExitCodes.OK) return Integer.MAX_VALUE;
        int at = ORDER.indexOf(code);
        return at >= 0 ? at : Integer.MAX_VALUE - 1 - Math.max(0, Math.min(code, 255));
    }
}
