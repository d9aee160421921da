package dev.shipctl.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the command line; output is one object per line. */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** One line of JSON. */
    public static String line(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
