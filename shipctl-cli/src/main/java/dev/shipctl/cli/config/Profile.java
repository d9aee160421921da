package dev.shipctl.cli.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A named server in the config file ({@code [profiles.NAME]}): where it is, who logs in, and where the password
 * comes from. Every field is optional; command-line flags override them. {@code network_warning = false} silences
 * the warning that the password crosses a non-loopback link readably (for a host reached through a tunnel).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Profile(
        String host,
        Integer port,
        String user,
        String flavour,
        @JsonProperty("key_file") String keyFile,
        String ship,
        String block,
        Integer slot,
        @JsonProperty("password_env") String passwordEnv,
        @JsonProperty("password_file") String passwordFile,
        @JsonProperty("password_prompt") Boolean passwordPrompt,
        @JsonProperty("network_warning") Boolean networkWarning) {

    public static Profile empty() {
        return new Profile(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
