package dev.shipctl.cli.config;

import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.FlavourNames;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.output.OutputOptions;
import dev.shipctl.cli.terminal.Terminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code profile list|show|add|remove}: the named servers in config.toml. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Manage profiles: named servers with their account and password source.", "",
            "Manage profiles: named servers in config.toml in the config directory ($SHIPCTL_CONFIG_DIR,",
            "else ~/.config/shipctl on Linux, ~/Library/Application Support/shipctl on macOS, %%APPDATA%%\\shipctl on",
            "Windows). Use one with --profile NAME or SHIPCTL_PROFILE=NAME; flags given on the command line win.",
            "A profile never holds a password, only where to read it from. The directory is created with mode 700 and",
            "config.toml with mode 600; shipctl refuses a config.toml that is a link, another user's, or open to others."},
        subcommands = {ProfileCommand.ListProfiles.class, ProfileCommand.Show.class, ProfileCommand.Add.class, ProfileCommand.Remove.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl profile add home --host pso.example.org --user gmadmin --password-env HOME_PSO_PASSWORD",
            "  shipctl profile add lab --host 127.0.0.1 --user localgm --password-file ~/.pso-lab --flavour tethealla",
            "  shipctl profile list",
            "  SHIPCTL_PROFILE=home shipctl announce \"Restart in 5 minutes\""})
public final class ProfileCommand implements Callable<Integer> {
    private final CliContext ctx;

    ProfileCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return new ListProfiles(ctx).call();
    }

    static String passwordSource(Profile p) {
        if (p.passwordEnv() != null) return "env " + p.passwordEnv();
        if (p.passwordFile() != null) return "file " + p.passwordFile();
        if (Boolean.TRUE.equals(p.passwordPrompt())) return "prompt";
        return "default (SHIPCTL_PASSWORD, else prompt)";
    }

    static ObjectNode toJson(String name, Profile p) {
        ObjectNode o = Json.object().put("name", name);
        ObjectNode fields = Json.MAPPER.valueToTree(p);
        o.setAll(fields);
        o.put("password_source", passwordSource(p));
        return o;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the profiles.",
            footerHeading = "%nExamples:%n", footer = {"  shipctl profile list", "  shipctl profile list --json"})
    static final class ListProfiles implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        OutputOptions output = new OutputOptions();

        ListProfiles(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Profiles profiles = Profiles.load(ctx.configFile());
            Terminal term = ctx.terminal();
            if (output.json()) {
                profiles.all().forEach((name, p) -> term.out().println(Json.line(toJson(name, p))));
                return ExitCodes.OK;
            }
            if (profiles.all().isEmpty()) {
                term.err().println("no profiles in " + profiles.path() + "; add one with: shipctl profile add NAME --host HOST --user USER");
                return ExitCodes.OK;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("NAME", "SERVER", "USER", "FLAVOUR", "PASSWORD"));
            for (Map.Entry<String, Profile> e : profiles.all().entrySet()) {
                Profile p = e.getValue();
                rows.add(List.of(e.getKey(), (p.host() == null ? "127.0.0.1" : p.host()) + ":" + (p.port() == null ? 12000 : p.port()),
                        p.user() == null ? "-" : p.user(), p.flavour() == null ? "auto" : p.flavour(), passwordSource(p)));
            }
            Terminal.table(rows).forEach(term.out()::println);
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one profile.",
            footerHeading = "%nExamples:%n", footer = {"  shipctl profile show home", "  shipctl profile show home --json"})
    static final class Show implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        OutputOptions output = new OutputOptions();

        @Parameters(paramLabel = "NAME")
        String name;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Profile p = Profiles.load(ctx.configFile()).require(name);
            Terminal term = ctx.terminal();
            ObjectNode o = toJson(name, p);
            if (output.json()) {
                term.out().println(Json.line(o));
                return ExitCodes.OK;
            }
            List<List<String>> rows = new ArrayList<>();
            o.properties().forEach(e -> rows.add(List.of(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString())));
            Terminal.table(rows).forEach(term.out()::println);
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Add (or with --replace, replace) a profile.",
            "The password is never stored: say where it comes from."},
            footerHeading = "%nExamples:%n", footer = {
                "  shipctl profile add home --host pso.example.org --user gmadmin --password-env HOME_PSO_PASSWORD",
                "  shipctl profile add lab --host 10.0.0.5 --port 12000 --user localgm --password-file ~/.pso-lab --block 2",
                "  shipctl profile add laptop --host 127.0.0.1 --user gmadmin --password-prompt"})
    static final class Add implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "NAME", description = "Profile name (letters, digits, - and _).")
        String name;

        @Option(names = {"-H", "--host"}, paramLabel = "HOST", description = "Login server address.") String host;
        @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "Login port.") Integer port;
        @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Account name.") String user;
        @Option(names = "--flavour", paramLabel = "NAME", description = "auto, tethealla or newserv.") String flavour;
        @Option(names = "--key-file", paramLabel = "FILE", description = "Blue Burst key table file.") String keyFile;
        @Option(names = "--ship", paramLabel = "NAME|N", description = "Ship to join.") String ship;
        @Option(names = "--block", paramLabel = "NAME|N", description = "Block to join.") String block;
        @Option(names = "--slot", paramLabel = "N", description = "Character slot 0-3.") Integer slot;
        @Option(names = "--replace", description = "Replace a profile of the same name.") boolean replace;
        @Option(names = "--no-network-warning",
                description = "Do not warn that the password crosses the network readably (a host reached through a tunnel).")
        boolean noNetworkWarning;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        PasswordFrom password;

        static final class PasswordFrom {
            @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.") String env;
            @Option(names = "--password-file", paramLabel = "FILE", description = "Read it from this file (a file of yours, mode 600 or 400, not a link).") String file;
            @Option(names = "--password-prompt", description = "Prompt for it.") boolean prompt;
        }

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (!name.matches("[A-Za-z0-9_-]+")) throw UserError.usage("profile names use letters, digits, - and _: " + name);
            if (flavour != null) FlavourNames.parse(flavour);
            if (slot != null && (slot < 0 || slot > 3)) throw UserError.usage("character slots are 0 to 3");
            if (port != null && (port < 1 || port > 65535)) throw UserError.usage("port " + port + " is not between 1 and 65535");
            Profiles profiles = Profiles.load(ctx.configFile());
            if (profiles.find(name).isPresent() && !replace) {
                throw UserError.usage("profile '" + name + "' exists in " + profiles.path() + "; use --replace to overwrite it");
            }
            Terminal term = ctx.terminal();
            if (password != null && password.file != null) {
                Path f = Path.of(PrivateFiles.expandHome(password.file));
                if (!Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    term.err().println("warning: the password file " + f + " does not exist yet");
                } else {
                    PrivateFiles.problem(f, "the password file")
                            .ifPresent(problem -> term.err().println("warning: " + problem + " (shipctl will refuse it until then)"));
                }
            }
            Profile p = new Profile(host, port, user, flavour == null ? null : flavour.toLowerCase(), keyFile, ship, block, slot,
                    password == null ? null : password.env, password == null ? null : password.file,
                    password != null && password.prompt ? Boolean.TRUE : null, noNetworkWarning ? Boolean.FALSE : null);
            profiles.with(name, p).save();
            term.err().println((replace ? "saved" : "added") + " profile '" + name + "' in " + profiles.path());
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a profile.",
            footerHeading = "%nExamples:%n", footer = {"  shipctl profile remove home"})
    static final class Remove implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "NAME")
        String name;

        Remove(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Profiles profiles = Profiles.load(ctx.configFile());
            profiles.require(name);
            profiles.without(name).save();
            ctx.terminal().err().println("removed profile '" + name + "' from " + profiles.path());
            return ExitCodes.OK;
        }
    }
}
