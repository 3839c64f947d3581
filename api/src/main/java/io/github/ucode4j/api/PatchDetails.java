package io.github.ucode4j.api;

import java.util.Map;

/**
 * The vendor-specific fields of a {@link MicrocodePatch}, implemented by each driver (Intel header fields, AMD
 * patch header and equivalence entry). Callers that know the driver cast to its type; everyone else can show
 * {@link #fields()}.
 */
public interface PatchDetails {

    /**
     * Every field by name, in header order, with values as numbers, strings or lists, for display and JSON.
     *
     * @return an ordered, unmodifiable map from the vendor's field names to their values; never null
     */
    Map<String, Object> fields();
}
