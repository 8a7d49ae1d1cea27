package dev.handoff.routing.control;

import dev.handoff.platform.InvalidInputException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

/**
 * The routing policy as the JSON document stored per version ({@code routing_policy_version}): the
 * {@link RoutingPolicy} record's fields as they are. Reading validates through the record's
 * constructor, so a bad document fails with a message naming the field.
 */
public final class RoutingPolicyJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    private RoutingPolicyJson() {}

    public static String write(RoutingPolicy policy) {
        return JSONB.toJson(policy);
    }

    /** @throws IllegalArgumentException naming the bad field, or saying the JSON is malformed */
    public static RoutingPolicy read(String json) {
        try {
            RoutingPolicy policy = JSONB.fromJson(json, RoutingPolicy.class);
            if (policy == null) {
                throw new InvalidInputException("the policy document is empty");
            }
            return policy;
        } catch (JsonbException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
                if (cause instanceof IllegalArgumentException bad) {
                    throw bad;
                }
            }
            throw new InvalidInputException("the policy document is not valid JSON for a routing policy: " + e.getMessage());
        }
    }
}
