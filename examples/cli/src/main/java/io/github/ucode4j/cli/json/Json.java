package io.github.ucode4j.cli.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Writes the DTO records of this package as JSON: snake_case names, in record order, nulls kept, indented. Strings
 * keep their real text, every control character escaped ({@code \u001b}, {@code \u009b}), so the document never
 * drives a terminal and passes unchanged through the command's escaping writers.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactory().setCharacterEscapes(new ControlEscapes()))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /**
     * Prints {@code document} and a newline, one {@code println} per line, with the {@code "schema"} field that
     * names {@code schema} first.
     *
     * @param out where to print
     * @param schema the schema the document follows
     * @param document one of this package's records
     * @throws IllegalStateException when the document cannot be serialised, which no record of this package causes
     */
    public static void print(PrintWriter out, JsonSchema schema, Object document) {
        text(schema, document).lines().forEach(out::println);
    }

    /**
     * {@code document} as text, with the {@code "schema"} field that names {@code schema} first, without a final newline.
     *
     * @param schema the schema the document follows, named in its {@code "schema"} field
     * @param document one of this package's records
     * @return the document as indented JSON text, without a final newline
     * @throws IllegalStateException when the document cannot be serialised, which no record of this package causes
     */
    public static String text(JsonSchema schema, Object document) {
        ObjectNode tagged = MAPPER.createObjectNode().put("schema", schema.id());
        tagged.setAll((ObjectNode) MAPPER.valueToTree(document));
        try {
            return MAPPER.writeValueAsString(tagged);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the DTO records always serialise: " + document.getClass(), e);
        }
    }

    /**
     * The mapper, for tests that read the output back.
     *
     * @return the mapper the documents are written with; shared, not to be reconfigured
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** JSON escapes the C0 controls itself; this adds DEL and the C1 controls, which JSON allows raw. */
    private static final class ControlEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;

        private final int[] ascii = standardAsciiEscapesForJSON();

        ControlEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch >= 0x80 && ch <= 0x9f ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }
    }
}
